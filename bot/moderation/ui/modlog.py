"""The optional mod-log channel: moderator actions and refused lyrics, posted as they happen."""

from __future__ import annotations

import logging
from collections.abc import Callable

import discord

from bot.core.i18n import public_locale, translate
from bot.core.pacer import Priority
from bot.core.publisher import DiscordPublisher, NotMessageable
from bot.core.text import truncate
from bot.moderation.service import Moderation
from bot.moderation.store import AuditRecord
from bot.moderation.text import details_text

log = logging.getLogger("songjam.modlog")


def audit_text(record: AuditRecord, locale: str) -> str:
    return translate(locale, "moderation-modlog-action", actor=str(record.actor_id),
                     details=details_text(record.details, locale))


async def post_modlog(
    publisher: DiscordPublisher, moderation: Moderation, guild_id: int, guild_locale: discord.Locale | str | None,
    text: Callable[[str], str],
) -> None:
    """Post `text(locale)` to the server's mod log if it has one, in the server's language (`guild_locale`
    is its Discord preferred locale); never pings, never raises for Discord errors."""
    channel_id = await moderation.modlog_channel(guild_id)
    if channel_id is None:
        return
    locale = await public_locale(moderation.store, guild_id, guild_locale)
    try:
        await publisher.send_to(channel_id, Priority.STATUS, truncate(text(locale)),
                                allowed_mentions=discord.AllowedMentions.none())
    except NotMessageable:
        log.warning("mod log %d in guild %d is not a text channel", channel_id, guild_id)
    except discord.HTTPException as exc:
        log.warning("could not post to the mod log %d in guild %d: %s", channel_id, guild_id, exc)
