"""The language of a jam's public posts: the server's (its moderators' choice, else its own locale)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.core.i18n import public_locale
from bot.core.i18n.locales import ShippedLocale

if TYPE_CHECKING:
    from bot.app import Interaction, SongjamBot

log = logging.getLogger("songjam.jams")


async def server_locale(bot: SongjamBot, guild_id: int) -> ShippedLocale:
    """For a post made without an interaction (the closer, a delivered song's button): see
    `SongjamBot.server_locale`."""
    return await bot.server_locale(guild_id)


async def server_locale_of(interaction: Interaction) -> ShippedLocale:
    """For a post (or an edit of one) made while answering a member."""
    return await public_locale(interaction.client.languages, interaction.guild_id, interaction.guild_locale)
