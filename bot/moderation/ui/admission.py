"""The moderation gate in front of `/song create`: refusals, the rights prompt and the mod log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.interactions import as_member, reply_privately
from bot.moderation.service import BlockedLyrics, Moderation, Refused, RightsNeeded
from bot.moderation.text import with_lift
from bot.moderation.ui.modlog import post_modlog
from bot.moderation.ui.views import Resume, ask_for_rights
from bot.songs.intake import SongOrder
from bot.songs.quota import QuotaLimits

if TYPE_CHECKING:
    from bot.app import Interaction


def channel_scope(interaction: Interaction) -> set[int]:
    """Where the command ran: the channel, and for a thread also its parent."""
    ids = {interaction.channel_id} if interaction.channel_id is not None else set()
    parent_id = getattr(interaction.channel, "parent_id", None)
    if parent_id is not None:
        ids.add(parent_id)
    return ids


def refusal_kind(exc: Refused) -> str:
    """`blocked_lyrics`, or `refused` (a ban, a channel the server closed to songs)."""
    return "blocked_lyrics" if isinstance(exc, BlockedLyrics) else "refused"


class ModerationGate:
    """What `/song create` asks of moderation before a song is charged (the songs cog's `SongGate`)."""

    def __init__(self, moderation: Moderation) -> None:
        self.moderation = moderation
        # Where a held song goes when its member clicks (the songs cog's, set when it loads).
        self.resume: Resume | None = None

    def resume_with(self, resume: Resume) -> None:
        self.resume = resume

    async def admit(self, interaction: Interaction, order: SongOrder) -> QuotaLimits | None:
        """The limits to charge the song against; None once the member has been answered instead.

        Runs once `/song create` has deferred its answer (the reads here can queue behind others
        when many members ask at once). A refusal is private and changes nothing; a member who has
        not confirmed their rights gets the button, the order is held in the database, and their
        click (in any process, after a restart too) runs it again through `self.resume`.
        """
        try:
            return await self.moderation.admit(as_member(interaction), channel_scope(interaction),
                                               "\n".join(filter(None, (order.title, order.lyrics, order.style))))
        except RightsNeeded as exc:
            await ask_for_rights(interaction, exc.user_message, order)
        except Refused as exc:
            interaction.client.metrics.quota_refused(refusal_kind(exc))
            await reply_privately(interaction, with_lift(exc.user_message, exc.lifts_at))
            if isinstance(exc, BlockedLyrics):
                assert interaction.guild_id is not None
                await post_modlog(
                    interaction.client.publisher, self.moderation, interaction.guild_id,
                    f"🚫 Refused lyrics from <@{interaction.user.id}> in <#{interaction.channel_id}>: "
                    f"they match the blocked entry `{exc.entry}`.",
                )
        return None

    async def credits_left(self, interaction: Interaction) -> int | None:
        """Songs the member may still start today, bonus credits included (as `/quota` counts them);
        None when their daily songs are unlimited."""
        member = as_member(interaction)
        resolved = await self.moderation.resolve(member)
        if resolved.limits.member_daily is None:
            return None
        usage = await interaction.client.storage.member_usage(member.guild_id, member.user_id,
                                                              now=self.moderation.clock())
        bonus = await self.moderation.store.bonus_balance(member.guild_id, member.user_id)
        return max(0, resolved.limits.member_daily - usage.used) + bonus

    async def refuse_if_barred(self, interaction: Interaction) -> bool:
        """Before opening the song form: a banned member, or the wrong channel, hears it now, not after typing."""
        try:
            await self.moderation.check_access(as_member(interaction), channel_scope(interaction))
        except Refused as exc:
            await interaction.response.send_message(with_lift(exc.user_message, exc.lifts_at), ephemeral=True)
            return True
        return False
