"""The shipped locales and how Discord's locale codes map onto them."""

from __future__ import annotations

from typing import Literal

ShippedLocale = Literal["en", "es-ES", "pt-BR", "ja"]

DEFAULT_LOCALE: ShippedLocale = "en"
SHIPPED_LOCALES: tuple[ShippedLocale, ...] = ("en", "es-ES", "pt-BR", "ja")

# Discord's codes (https://discord.com/developers/docs/reference#locales) that a shipped locale serves.
_DISCORD_TO_SHIPPED: dict[str, ShippedLocale] = {
    "es-ES": "es-ES",
    "es-419": "es-ES",  # Latin American Spanish reads the Spanish catalogue
    "pt-BR": "pt-BR",
    "ja": "ja",
}


def resolve_locale(code: str | None) -> ShippedLocale:
    """The shipped locale for a Discord locale code (or a stored setting); anything else is English."""
    if code is None:
        return DEFAULT_LOCALE
    code = str(code)
    if code in SHIPPED_LOCALES:
        return code  # type: ignore[return-value]
    return _DISCORD_TO_SHIPPED.get(code, DEFAULT_LOCALE)


def discord_codes(locale: ShippedLocale) -> list[str]:
    """The Discord locale codes a shipped (non-English) locale is published under."""
    return [code for code, shipped in _DISCORD_TO_SHIPPED.items() if shipped == locale]
