"""A list of names written the way each language writes one ("A, B, and C", "A, B y C", "A、B、C")."""

from __future__ import annotations

from collections.abc import Sequence

from babel import Locale
from babel.lists import format_list

from bot.core.i18n.locales import resolve_locale


def spoken_list(items: Sequence[str], locale: str | None) -> str:
    """`items` joined with the locale's separators and its word for "and" (CLDR list patterns)."""
    return format_list(list(items), locale=Locale.parse(resolve_locale(locale).replace("-", "_")))
