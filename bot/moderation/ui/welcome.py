"""The one welcome a server gets when the bot joins it: three setup steps for its moderators.

In the server's system channel when the bot may post there; else by direct message to the member
who added the bot (read from the audit log, when the bot may view it), and failing that to the
owner. `on_guild_join` fires only for a new join: a GUILD_CREATE for a server the bot already has
(at start, after a reconnect, or when an outage ends) is `on_guild_available`, so nothing repeats.
With several processes, only the one running the server's shard receives the join.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import aiohttp
import discord
from discord.ext import commands

from bot.core.i18n import public_locale
from bot.core.pacer import Priority
from bot.moderation.text import welcome_message

if TYPE_CHECKING:
    from bot.app import SongjamBot

log = logging.getLogger("songjam.welcome")

# Discord's failures to expect on a send or a read the bot may not be allowed (or able) to make.
SEND_ERRORS = (discord.HTTPException, aiohttp.ClientError, OSError)


def system_channel(guild: discord.Guild) -> discord.TextChannel | None:
    """The server's system channel, if the bot may see it and post in it (from the cached permissions)."""
    channel = guild.system_channel
    if channel is None:
        return None
    allowed = channel.permissions_for(guild.me)
    return channel if allowed.view_channel and allowed.send_messages else None


class Welcome(commands.Cog):
    def __init__(self, bot: SongjamBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        log.info("joined server %d (%d member(s))", guild.id, guild.member_count or 0)
        # The server's language: its moderators' choice if the bot was here before, else its own locale.
        locale = await public_locale(self.bot.languages, guild.id, guild.preferred_locale)
        channel = system_channel(guild)
        if channel is not None:
            try:
                await self.bot.publisher.send(channel, Priority.STATUS,
                                              welcome_message(guild.name, in_server=True, locale=locale),
                                              allowed_mentions=discord.AllowedMentions.none())
                return
            except SEND_ERRORS as exc:
                log.info("server %d: could not post the welcome in its system channel (%s)", guild.id, exc)
        for user_id in dict.fromkeys([await self._adder(guild), guild.owner_id]):
            if user_id is None or user_id == guild.me.id:
                continue
            try:
                await self.bot.publisher.direct_message(user_id, Priority.STATUS,
                                                        welcome_message(guild.name, in_server=False, locale=locale),
                                                        allowed_mentions=discord.AllowedMentions.none())
                return
            except SEND_ERRORS as exc:
                log.info("server %d: could not send the welcome to user %d (%s)", guild.id, user_id, exc)
        log.warning("server %d: nowhere to send the welcome (no system channel open to the bot, DMs closed)",
                    guild.id)

    async def _adder(self, guild: discord.Guild) -> int | None:
        """Who added the bot, from the audit log's BOT_ADD entry naming it (None: not allowed or not found)."""
        if not guild.me.guild_permissions.view_audit_log:
            return None
        try:
            entries = await self.bot.publisher.audit_log(guild, discord.AuditLogAction.bot_add, limit=10)
        except SEND_ERRORS as exc:
            log.info("server %d: could not read who added the bot from the audit log (%s)", guild.id, exc)
            return None
        return next((entry.user_id for entry in entries
                     if entry.target is not None and entry.target.id == guild.me.id), None)
