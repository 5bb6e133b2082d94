"""The optional mod-log channel: moderator actions and refused lyrics, posted as they happen."""

from __future__ import annotations

import logging

import discord

from bot.moderation import Moderation
from bot.storage.moderation import AuditRecord

log = logging.getLogger("songjam.modlog")

MESSAGE_LIMIT = 2000


def audit_text(record: AuditRecord) -> str:
    return f"🛡️ <@{record.actor_id}> {record.details}"


async def post_modlog(bot: discord.Client, moderation: Moderation, guild_id: int, text: str) -> None:
    """Post to the server's mod log if it has one; never pings, never raises for Discord errors."""
    channel_id = await moderation.modlog_channel(guild_id)
    if channel_id is None:
        return
    try:
        channel = bot.get_channel(channel_id) or await bot.fetch_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("mod log %d in guild %d is not a text channel", channel_id, guild_id)
            return
        await channel.send(text[:MESSAGE_LIMIT], allowed_mentions=discord.AllowedMentions.none())
    except discord.HTTPException as exc:
        log.warning("could not post to the mod log %d in guild %d: %s", channel_id, guild_id, exc)
