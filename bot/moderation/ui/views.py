"""The moderation UI: the rights-confirmation button and the page buttons of moderator lists.

Both buttons are dynamic items: their custom ids carry what a click needs, so they keep working
after a restart. A song waiting on the rights confirmation is held in the database under the
button's ticket (bot/moderation/rights.py), so the click resumes it in whichever process gets it,
before or after a restart; a ticket that expired (or was never held) still records the
confirmation and asks the member to run the command again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.core.i18n import DEFAULT_LOCALE, private_locale, translate
from bot.core.interactions import ensure_moderator, friendly_message, reply_privately
from bot.moderation.lists import ListKind, ListPage, load_page
from bot.moderation.rights import PendingRights
from bot.songs.intake import SongOrder

if TYPE_CHECKING:
    from bot.app import Interaction

log = logging.getLogger("songjam.moderation_views")

# Runs a held `/song create` again with the click's interaction (the songs cog's `resume`).
Resume = Callable[["Interaction", SongOrder], Awaitable[None]]


class RightsButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"songjam:rights:(?P<ticket>[0-9a-f]{16})"):
    """Records that the clicking member may use the tracks they upload, then sends the held song."""

    def __init__(self, ticket: str, locale: str = DEFAULT_LOCALE) -> None:
        """`locale`: the member's, for the label (a click rebuilds the item without it, unseen)."""
        super().__init__(discord.ui.Button(
            label=translate(locale, "moderation-rights-button"), style=discord.ButtonStyle.success, emoji="✅",
            custom_id=f"songjam:rights:{ticket}",
        ))
        self.ticket = ticket

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]
    ) -> RightsButton:
        return cls(match["ticket"])

    async def callback(self, interaction: Interaction) -> None:
        assert interaction.guild_id is not None
        moderation = interaction.client.moderation
        confirmed_at = int(await moderation.confirm_rights(interaction.guild_id, interaction.user.id))
        locale = private_locale(interaction)
        resume = interaction.client.song_gate.resume
        held = None
        if resume is not None:  # taken only where it can run (the songs extension is loaded)
            held = await moderation.pending_rights.take(self.ticket, interaction.guild_id, interaction.user.id)
        if held is None:
            await interaction.response.edit_message(
                content=translate(locale, "moderation-rights-confirmed-again", at=confirmed_at), view=None
            )
            return
        # The prompt is updated through this click's own answer (the prompt's token may be gone
        # with a restart); the song's answers follow as private followups of the click.
        await interaction.response.edit_message(
            content=translate(locale, "moderation-rights-confirmed", at=confirmed_at), view=None
        )
        log.info("resuming a held song (ticket %s) for member %d", self.ticket, interaction.user.id)
        await resume(interaction, held.order)


async def ask_for_rights(interaction: Interaction, question: str, order: SongOrder) -> None:
    """Hold the order in the database and answer privately (`question` is in the member's language)
    with the confirmation button; the click (in any process sharing the database) runs the order
    again with its own interaction."""
    assert interaction.guild_id is not None and interaction.channel_id is not None
    parent_id = getattr(interaction.channel, "parent_id", None)
    ticket = await interaction.client.moderation.pending_rights.hold(
        interaction.guild_id, interaction.channel_id, parent_id, interaction.user.id, order)
    if ticket is None:  # too many waiting: nothing is held, the click only records the answer
        ticket = PendingRights.new_ticket()
        question += "\n" + translate(private_locale(interaction), "moderation-rights-too-many-held")
    view = discord.ui.View(timeout=None)
    view.add_item(RightsButton(ticket, private_locale(interaction)))
    await reply_privately(interaction, question, view=view)


class PageButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"songjam:page:(?P<kind>[a-z]+):(?P<page>[0-9]{1,6}):(?P<subject>[0-9]{1,20})",
):
    """Shows another page of a moderator list; the server comes from the click, the rest from the id."""

    def __init__(
        self, kind: ListKind, page: int, subject: int | None, *, label: str = "Page", disabled: bool = False
    ) -> None:
        super().__init__(discord.ui.Button(
            label=label, style=discord.ButtonStyle.secondary, disabled=disabled,
            custom_id=f"songjam:page:{kind.value}:{page}:{subject or 0}",
        ))
        self.kind = kind
        self.page = page
        self.subject = subject

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]
    ) -> PageButton:
        return cls(ListKind(match["kind"]), int(match["page"]), int(match["subject"]) or None)

    async def interaction_check(self, interaction: Interaction) -> bool:
        try:
            await ensure_moderator(interaction, interaction.client.moderation)
        except app_commands.CheckFailure as exc:
            await interaction.response.send_message(friendly_message(exc, private_locale(interaction)) or str(exc),
                                                    ephemeral=True)
            return False
        return True

    async def callback(self, interaction: Interaction) -> None:
        assert interaction.guild_id is not None
        listing = await load_page(interaction.client.moderation, self.kind, interaction.guild_id, self.page,
                                  private_locale(interaction), self.subject)
        await interaction.response.edit_message(content=listing.render(), view=pager(listing))


def pager(listing: ListPage) -> discord.ui.View | None:
    """Previous/next buttons for a list longer than a page."""
    if listing.pages <= 1:
        return None
    last = listing.pages - 1
    view = discord.ui.View(timeout=None)
    view.add_item(PageButton(listing.kind, max(listing.page - 1, 0), listing.subject,
                             label=translate(listing.locale, "moderation-list-previous"), disabled=listing.page == 0))
    view.add_item(PageButton(listing.kind, min(listing.page + 1, last), listing.subject,
                             label=translate(listing.locale, "moderation-list-next"), disabled=listing.page == last))
    return view


async def send_page(interaction: Interaction, listing: ListPage) -> None:
    view = pager(listing)
    extra: dict[str, Any] = {"view": view} if view is not None else {}
    await interaction.response.send_message(listing.render(), ephemeral=True, **extra)
