"""`/songadmin`: moderators set quotas, credits, bans, channels and blocked words, and see usage.

Hidden from members by default (Manage Server), and checked again on every use: Manage Server,
or the server's moderator role. Every answer is private; every change is audited and, if the
server has a mod log, posted there.
"""

from __future__ import annotations

import io
from collections.abc import Awaitable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.i18n import message, private_locale, translate
from bot.core.interactions import NotModerator, can_manage_guild, ensure_moderator, member_of
from bot.moderation.lists import USAGE_DAYS, ListKind, load_page
from bot.moderation.reports import member_standing, server_overview
from bot.moderation.service import ModerationError, Outcome
from bot.moderation.text import usage_csv
from bot.moderation.ui.modlog import audit_text, post_modlog
from bot.moderation.ui.views import PageButton, RightsButton, send_page
from bot.moderation.wordfilter import fold
from bot.songs.quota import DAY_SECONDS

if TYPE_CHECKING:
    from bot.app import Interaction, SongjamBot

Songs = app_commands.Range[int, 0, 1000]
Credits = app_commands.Range[int, 1, 100]
Days = app_commands.Range[int, 1, 365]
Text = app_commands.Range[str, 1, 300]
SERVER_DEFAULT = "default"  # `/songadmin settings language`: follow the server's own language


class ChannelOption(app_commands.Transformer):
    """A channel members can post in, taken as the ids Discord sends (no channel cache needed)."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.channel

    @property
    def channel_types(self) -> list[discord.ChannelType]:
        kinds = discord.ChannelType
        return [kinds.text, kinds.news, kinds.voice, kinds.stage_voice, kinds.forum, kinds.media]

    async def transform(self, interaction: Interaction, value: Any) -> app_commands.AppCommandChannel:
        return value


Channel = app_commands.Transform[app_commands.AppCommandChannel, ChannelOption]


class Admin(commands.Cog):
    songadmin = app_commands.Group(
        name="songadmin", description="Moderate songs: quotas, credits, bans, channels, blocked words",
        guild_only=True, default_permissions=discord.Permissions(manage_guild=True),
    )
    settings = app_commands.Group(name="settings", description="Server-wide song settings", parent=songadmin)
    quota = app_commands.Group(name="quota", description="How many songs members may make", parent=songadmin)
    credits = app_commands.Group(name="credits", description="Bonus credits and refunds", parent=songadmin)
    channels = app_commands.Group(name="channels", description="Where songs can be made", parent=songadmin)
    words = app_commands.Group(name="words", description="Words refused in lyrics", parent=songadmin)

    def __init__(self, bot: SongjamBot) -> None:
        self.bot = bot
        self.moderation = bot.moderation

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(RightsButton, PageButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(RightsButton, PageButton)

    async def interaction_check(self, interaction: Interaction) -> bool:  # type: ignore[override]
        await ensure_moderator(interaction, interaction.client.moderation)
        return True

    async def _answer(self, interaction: Interaction, action: Awaitable[Outcome]) -> None:
        """Tell the moderator what happened (privately), then post a real change to the mod log."""
        locale = private_locale(interaction)
        try:
            outcome = await action
        except ModerationError as exc:
            await interaction.response.send_message(exc.render(locale), ephemeral=True)
            return
        await interaction.response.send_message(outcome.message.render(locale), ephemeral=True)
        audit = outcome.audit
        if audit is not None:
            await post_modlog(self.bot.publisher, self.moderation, audit.guild_id, interaction.guild_locale,
                              lambda server_locale: audit_text(audit, server_locale))

    async def _list(self, interaction: Interaction, kind: ListKind, subject: int | None = None) -> None:
        assert interaction.guild_id is not None
        await send_page(interaction, await load_page(self.moderation, kind, interaction.guild_id, 0,
                                                     private_locale(interaction), subject))

    @staticmethod
    def _ids(interaction: Interaction) -> tuple[int, int]:
        assert interaction.guild_id is not None
        return interaction.user.id, interaction.guild_id

    # --- settings --------------------------------------------------------------------------------

    @settings.command(name="show")
    async def settings_show(self, interaction: Interaction) -> None:
        """All of this server's song settings at a glance."""
        assert interaction.guild_id is not None
        locale = private_locale(interaction)
        overview = await server_overview(self.moderation, interaction.guild_id, locale,
                                         served_by=interaction.client.serving(interaction.guild_id, locale))
        await interaction.response.send_message(overview, ephemeral=True)

    @settings.command(name="rights")
    @app_commands.describe(required="Ask each member once to confirm they may use the tracks they upload")
    async def settings_rights(self, interaction: Interaction, required: bool) -> None:
        """Turn the rights confirmation before a member's first song on or off."""
        await self._answer(interaction, self.moderation.set_rights_required(*self._ids(interaction), required))

    @settings.command(name="moderator-role")
    @app_commands.describe(role="Members with this role may use /songadmin (leave out to remove)")
    async def settings_moderator_role(self, interaction: Interaction, role: discord.Role | None = None
                                      ) -> None:
        """Choose the role that moderates songs, besides members with Manage Server."""
        if not can_manage_guild(interaction):
            raise NotModerator(message("moderation-not-owner"))
        await self._answer(interaction, self.moderation.set_moderator_role(*self._ids(interaction),
                                                                           role.id if role else None))

    @settings.command(name="mod-log")
    @app_commands.describe(channel="Where moderator actions and refused lyrics are posted (leave out to stop)")
    async def settings_mod_log(self, interaction: Interaction,
                               channel: Channel | None = None) -> None:
        """Post moderator actions and refused lyrics to a channel."""
        await self._answer(interaction, self.moderation.set_modlog_channel(*self._ids(interaction),
                                                                           channel.id if channel else None))

    @settings.command(name="language")
    @app_commands.describe(language="A shipped language, or the server's own (Server Settings › Community)")
    @app_commands.choices(language=[
        app_commands.Choice(name="English", value="en"),
        app_commands.Choice(name="Spanish", value="es-ES"),
        app_commands.Choice(name="Portuguese (Brazil)", value="pt-BR"),
        app_commands.Choice(name="Japanese", value="ja"),
        app_commands.Choice(name="Server default", value=SERVER_DEFAULT),
    ])
    async def settings_language(self, interaction: Interaction, language: app_commands.Choice[str]) -> None:
        """The language of this server's public posts: cards, jam announcements and results."""
        chosen = None if language.value == SERVER_DEFAULT else language.value
        await self._answer(interaction, self.moderation.set_language(*self._ids(interaction), chosen))

    # --- quota ---------------------------------------------------------------------------------------

    @quota.command(name="default")
    @app_commands.describe(songs="Songs per member per 24 hours (leave out to use the bot's default)")
    async def quota_default(self, interaction: Interaction, songs: Songs | None = None) -> None:
        """Set this server's default number of songs per member per 24 hours."""
        await self._answer(interaction, self.moderation.set_server_quota(*self._ids(interaction), songs))

    @quota.command(name="server-cap")
    @app_commands.describe(songs="Songs per 24 hours for the whole server (leave out to remove the cap)")
    async def quota_server_cap(self, interaction: Interaction, songs: Songs | None = None) -> None:
        """Cap the songs this whole server makes per 24 hours."""
        await self._answer(interaction, self.moderation.set_server_cap(*self._ids(interaction), songs))

    @quota.command(name="tier")
    @app_commands.describe(role="The role", songs="Songs per 24 hours for members with it (leave out to remove)")
    async def quota_tier(self, interaction: Interaction, role: discord.Role, songs: Songs | None = None
                         ) -> None:
        """Give a role its own daily songs; a member's highest tier wins."""
        await self._answer(interaction, self.moderation.set_tier(*self._ids(interaction), role.id, songs))

    @quota.command(name="member")
    @app_commands.describe(member="The member", songs="Their songs per 24 hours, whatever their roles (leave out to "
                                                      "remove)")
    async def quota_member(self, interaction: Interaction, member: discord.User,
                           songs: Songs | None = None) -> None:
        """Set one member's daily songs; it beats role tiers."""
        await self._answer(interaction, self.moderation.set_override(*self._ids(interaction), member.id, songs))

    @quota.command(name="list")
    async def quota_list(self, interaction: Interaction) -> None:
        """The role tiers and member overrides."""
        await self._list(interaction, ListKind.QUOTAS)

    # --- credits -------------------------------------------------------------------------------------

    @credits.command(name="grant")
    @app_commands.describe(member="Who gets them", amount="How many one-off songs", note="Why (kept in the audit log)")
    async def credits_grant(self, interaction: Interaction, member: discord.User, amount: Credits,
                            note: Text | None = None) -> None:
        """Give a member one-off bonus songs, used once their daily songs run out."""
        await self._answer(interaction, self.moderation.grant_bonus(*self._ids(interaction), member.id, amount, note))

    @credits.command(name="take")
    @app_commands.describe(member="Whose bonus credits", amount="How many to take back")
    async def credits_take(self, interaction: Interaction, member: discord.User, amount: Credits
                           ) -> None:
        """Take back bonus credits that have not been used."""
        await self._answer(interaction, self.moderation.take_bonus(*self._ids(interaction), member.id, amount))

    async def refundable_job_choices(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        try:
            await ensure_moderator(interaction, interaction.client.moderation)
        except app_commands.CheckFailure:
            return []
        assert interaction.guild_id is not None
        jobs = await self.moderation.store.refundable_jobs(interaction.guild_id, current)
        return [app_commands.Choice(name=f"{job.id}: {job.state} · {job.reference_name}"[:100], value=job.id)
                for job in jobs]

    @credits.command(name="refund")
    @app_commands.describe(job="The job to refund", note="Why (kept in the audit log)")
    @app_commands.autocomplete(job=refundable_job_choices)
    async def credits_refund(self, interaction: Interaction, job: int, note: Text | None = None) -> None:
        """Give a member back the credit a song cost (failed songs are refunded automatically)."""
        await self._answer(interaction, self.moderation.refund(*self._ids(interaction), job, note))

    # --- bans ----------------------------------------------------------------------------------------

    @songadmin.command(name="ban")
    @app_commands.describe(member="The member", reason="Why; the member sees it when refused",
                           days="For how many days (leave out: until unbanned)")
    async def ban(self, interaction: Interaction, member: discord.User, reason: Text,
                  days: Days | None = None) -> None:
        """Bar a member from making songs in this server."""
        await self._answer(interaction, self.moderation.ban(*self._ids(interaction), member.id, reason, days))

    @songadmin.command(name="unban")
    @app_commands.describe(member="The member")
    async def unban(self, interaction: Interaction, member: discord.User) -> None:
        """Let a barred member make songs again."""
        await self._answer(interaction, self.moderation.unban(*self._ids(interaction), member.id))

    @songadmin.command(name="bans")
    async def bans(self, interaction: Interaction) -> None:
        """Members barred from making songs."""
        await self._list(interaction, ListKind.BANS)

    # --- channels ------------------------------------------------------------------------------------

    @channels.command(name="add")
    @app_commands.describe(channel="Songs can then be made only in the song channels (and their threads)")
    async def channels_add(self, interaction: Interaction, channel: Channel
                           ) -> None:
        """Allow songs in a channel; once any is set, only song channels take songs."""
        await self._answer(interaction, self.moderation.add_channel(*self._ids(interaction), channel.id))

    @channels.command(name="remove")
    @app_commands.describe(channel="A song channel")
    async def channels_remove(self, interaction: Interaction, channel: Channel
                              ) -> None:
        """Stop allowing songs in a channel; with none left, every channel takes songs."""
        await self._answer(interaction, self.moderation.remove_channel(*self._ids(interaction), channel.id))

    @channels.command(name="list")
    async def channels_list(self, interaction: Interaction) -> None:
        """The channels where songs can be made."""
        await self._list(interaction, ListKind.CHANNELS)

    # --- blocked words -------------------------------------------------------------------------------

    @words.command(name="add")
    @app_commands.describe(word="A word or phrase; whole words match, * matches any letters (e.g. hate*)")
    async def words_add(self, interaction: Interaction, word: Text) -> None:
        """Refuse lyrics containing a word or phrase (members are not told which)."""
        await self._answer(interaction, self.moderation.add_word(*self._ids(interaction), word))

    async def blocked_word_choices(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        try:
            await ensure_moderator(interaction, interaction.client.moderation)
        except app_commands.CheckFailure:
            return []
        assert interaction.guild_id is not None
        needle = fold(current)
        entries = await self.moderation.store.blocked_entries(interaction.guild_id)
        return [app_commands.Choice(name=entry, value=entry) for entry in entries if needle in entry][:25]

    @words.command(name="remove")
    @app_commands.describe(word="A blocked word or phrase")
    @app_commands.autocomplete(word=blocked_word_choices)
    async def words_remove(self, interaction: Interaction, word: Text) -> None:
        """Allow a blocked word again."""
        await self._answer(interaction, self.moderation.remove_word(*self._ids(interaction), word))

    @words.command(name="list")
    async def words_list(self, interaction: Interaction) -> None:
        """The blocked words and phrases (only you see them)."""
        await self._list(interaction, ListKind.WORDS)

    # --- usage and audit -----------------------------------------------------------------------------

    @songadmin.command(name="usage")
    @app_commands.describe(member="One member in detail (leave out for everyone)",
                           csv=f"Also attach every member's last {USAGE_DAYS} days as a CSV file")
    async def usage(self, interaction: Interaction, member: discord.User | None = None,
                    csv: bool = False) -> None:
        """Songs per member over the last 7 days."""
        assert interaction.guild_id is not None
        guild_id = interaction.guild_id
        if csv:
            since = self.moderation.clock() - USAGE_DAYS * DAY_SECONDS
            rows = await self.moderation.store.usage(guild_id, since, user_id=member.id if member else None)
            day = datetime.fromtimestamp(self.moderation.clock(), tz=UTC).strftime("%Y-%m-%d")
            file = discord.File(io.BytesIO(usage_csv(rows).encode()), filename=f"songjam-usage-{guild_id}-{day}.csv")
            await interaction.response.send_message(
                translate(private_locale(interaction), "moderation-usage-csv", days=USAGE_DAYS, count=len(rows)),
                file=file, ephemeral=True,
            )
        elif member is not None:
            report = await member_standing(self.moderation, self.bot.storage, member_of(member, guild_id),
                                           private_locale(interaction), you=False)
            await interaction.response.send_message(report, ephemeral=True)
        else:
            await self._list(interaction, ListKind.USAGE)

    @songadmin.command(name="audit")
    @app_commands.describe(member="Only actions by or about this member")
    async def audit(self, interaction: Interaction, member: discord.User | None = None) -> None:
        """Every moderator action: who, what and when, newest first."""
        await self._list(interaction, ListKind.AUDIT, member.id if member else None)
