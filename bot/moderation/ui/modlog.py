"""The optional mod-log channel: moderator actions and refused lyrics, posted as they happen."""

from __future__ import annotations

import logging

import discord

from bot.core.pacer import Priority
from bot.core.publisher import DiscordPublisher, NotMessageable
from bot.core.text import truncate
from bot.moderation.service import Moderation
from bot.moderation.store import AuditRecord

log = logging.getLogger("songjam.modlog")


def audit_text(record: AuditRecord) -> str:
    return f"🛡️ <@{record.actor_id}> {record.details}"


async def post_modlog(publisher: DiscordPublisher, moderation: Moderation, guild_id: int, text: str) -> None:
    """Post to the server's mod log if it has one; never pings, never raises for Discord errors."""
    channel_id = await moderation.modlog_channel(guild_id)
    if channel_id is None:
        return
    try:
        await publisher.send_to(channel_id, Priority.STATUS, truncate(text),
                                allowed_mentions=discord.AllowedMentions.none())
    except NotMessageable:
        log.warning("mod log %d in guild %d is not a text channel", channel_id, guild_id)
    except discord.HTTPException as exc:
        log.warning("could not post to the mod log %d in guild %d: %s", channel_id, guild_id, exc)
