"""The language of a server's public posts when no interaction is at hand (a loop, the song engine)."""

from __future__ import annotations

import logging

import discord

from bot.core.i18n.choice import GuildLanguages, public_locale
from bot.core.i18n.locales import ShippedLocale

log = logging.getLogger("songjam.i18n")


async def server_locale(client: discord.Client, languages: GuildLanguages, guild_id: int) -> ShippedLocale:
    """The moderators' choice, else the guild's preferred locale (it stands in for an interaction's
    `guild_locale`), else English.

    A server on another process's shard is not cached here: when its moderators chose no language,
    Discord is asked for its locale (English if that fails).
    """
    guild: discord.Guild | None = client.get_guild(guild_id)
    if guild is None and await languages.guild_language(guild_id) is None:
        try:
            guild = await client.fetch_guild(guild_id, with_counts=False)
        except discord.HTTPException as exc:
            log.info("guild %d: its locale is unknown (%s); its public posts are in English", guild_id, exc)
    return await public_locale(languages, guild_id, guild.preferred_locale if guild is not None else None)
