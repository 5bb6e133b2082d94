"""Which language a message is written in: the member's for private replies, the server's for posts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from bot.core.i18n.locales import ShippedLocale, resolve_locale

if TYPE_CHECKING:
    import discord


class GuildLanguages(Protocol):
    """Where a server's moderator-chosen language is kept (the moderation store)."""

    async def guild_language(self, guild_id: int) -> str | None: ...


def private_locale(interaction: discord.Interaction[Any]) -> ShippedLocale:
    """An ephemeral reply speaks the member's own Discord language (`interaction.locale`)."""
    return resolve_locale(str(interaction.locale))


async def public_locale(
    languages: GuildLanguages, guild_id: int | None, guild_locale: discord.Locale | str | None = None
) -> ShippedLocale:
    """A post everyone sees: the moderator's `/songadmin settings language`, else the server's
    preferred locale (`guild_locale`), else English."""
    if guild_id is not None:
        chosen = await languages.guild_language(guild_id)
        if chosen is not None:
            return resolve_locale(chosen)
    return resolve_locale(str(guild_locale) if guild_locale is not None else None)
