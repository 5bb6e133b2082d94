"""The language of a jam's public posts: the server's (its moderators' choice, else its own locale)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord

from bot.core.i18n import public_locale
from bot.core.i18n.locales import ShippedLocale

if TYPE_CHECKING:
    from bot.app import Interaction, SongjamBot

log = logging.getLogger("songjam.jams")


async def server_locale(bot: SongjamBot, guild_id: int) -> ShippedLocale:
    """For a post made without an interaction (the closer, a delivered song's button): the guild's
    preferred locale stands in for the interaction's `guild_locale`.

    A server on another process's shard is not cached here: when its moderators chose no language,
    Discord is asked for its locale (English if that fails).
    """
    guild = bot.get_guild(guild_id)
    if guild is None and await bot.languages.guild_language(guild_id) is None:
        try:
            guild = await bot.fetch_guild(guild_id, with_counts=False)
        except discord.HTTPException as exc:
            log.info("guild %d: its locale is unknown (%s); its jam posts are in English", guild_id, exc)
    return await public_locale(bot.languages, guild_id, guild.preferred_locale if guild is not None else None)


async def server_locale_of(interaction: Interaction) -> ShippedLocale:
    """For a post (or an edit of one) made while answering a member."""
    return await public_locale(interaction.client.languages, interaction.guild_id, interaction.guild_locale)
