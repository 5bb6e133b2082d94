"""The language of a jam's public posts: the server's (its moderators' choice, else its own locale)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.i18n import public_locale
from bot.core.i18n.locales import ShippedLocale

if TYPE_CHECKING:
    from bot.app import Interaction, SongjamBot

async def server_locale(bot: SongjamBot, guild_id: int) -> ShippedLocale:
    """For a post made without an interaction (the closer, a delivered song's button): the cached
    guild's preferred locale stands in for the interaction's `guild_locale`."""
    guild = bot.get_guild(guild_id)
    return await public_locale(bot.languages, guild_id, guild.preferred_locale if guild is not None else None)


async def server_locale_of(interaction: Interaction) -> ShippedLocale:
    """For a post (or an edit of one) made while answering a member."""
    return await public_locale(interaction.client.languages, interaction.guild_id, interaction.guild_locale)
