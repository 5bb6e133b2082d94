"""`/help` and its page buttons (dynamic items: the page is in the custom id, so they work after a restart)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.i18n import private_locale
from bot.help.text import PAGES, HelpFacts, Page, help_page, page_label

if TYPE_CHECKING:
    from bot.app import Interaction, SongjamBot

NO_PINGS = discord.AllowedMentions.none()


def facts_of(bot: SongjamBot) -> HelpFacts:
    settings = bot.settings
    return HelpFacts(model=bot.model, daily_quota=settings.default_daily_quota, cooldown_s=settings.cooldown_s,
                     unfinished_per_member=settings.max_unfinished_per_member,
                     reference_max_bytes=settings.reference_max_bytes)


class HelpPageButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"songjam:help:(?P<page>[a-z]+)"):
    """Shows one `/help` page in place of the one shown."""

    def __init__(self, page: Page, *, locale: str = "en", current: bool = False) -> None:
        super().__init__(discord.ui.Button(
            label=page_label(page, locale), custom_id=f"songjam:help:{page}", disabled=current,
            style=discord.ButtonStyle.primary if current else discord.ButtonStyle.secondary,
        ))
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]
    ) -> HelpPageButton:
        page = match["page"]
        return cls(cast(Page, page) if page in PAGES else "songs")

    async def callback(self, interaction: Interaction) -> None:
        # The clicker's language: only the member who ran /help sees the (ephemeral) page.
        content, view = help_message(self.page, facts_of(interaction.client), private_locale(interaction))
        await interaction.response.edit_message(content=content, view=view, allowed_mentions=NO_PINGS)


def help_message(page: Page, facts: HelpFacts, locale: str) -> tuple[str, discord.ui.View]:
    view = discord.ui.View(timeout=None)
    for name in PAGES:
        view.add_item(HelpPageButton(name, locale=locale, current=name == page))
    return help_page(page, facts, locale), view


class Help(commands.Cog):
    def __init__(self, bot: SongjamBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(HelpPageButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(HelpPageButton)

    @app_commands.command(name="help")
    @app_commands.guild_only()
    async def help(self, interaction: Interaction) -> None:
        """What this bot does: songs, quotas, jams and moderator commands."""
        content, view = help_message("songs", facts_of(self.bot), private_locale(interaction))
        await interaction.response.send_message(content, view=view, ephemeral=True, allowed_mentions=NO_PINGS)
