"""The message catalogue: one Fluent bundle per shipped locale, built once, and `translate`."""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

from bot.core.i18n.locales import DEFAULT_LOCALE, SHIPPED_LOCALES, ShippedLocale, resolve_locale

log = logging.getLogger("songjam.i18n")

# Shown when not even English has a message: never a raw key, never a crash.
GENERIC_TEXT = "Something went wrong while writing this message. Please try again."


def locales_dir() -> Traversable:
    """`bot/locales/`, wherever the package is installed (a checkout, an editable install, a wheel)."""
    return resources.files("bot") / "locales"


def discord_time(at: Any, style: Any = "f") -> str:
    """`DISCORD_TIME($at, style: "R")`: a Discord timestamp, rendered in each reader's language and zone."""
    return f"<t:{int(at)}:{style}>"


FUNCTIONS = {"DISCORD_TIME": discord_time}


class Catalogue:
    """The bundles of every shipped locale, and `translate` with English fallback.

    A message missing in a locale, or failing to format there, falls back to English and is logged
    once per (locale, key); if English fails too, the generic text is returned and an error logged.
    """

    def __init__(self, sources: dict[ShippedLocale, list[str]]) -> None:
        self.bundles: dict[ShippedLocale, FluentBundle] = {}
        for locale, texts in sources.items():
            bundle = FluentBundle([locale], functions=FUNCTIONS, use_isolating=False)
            for text in texts:
                bundle.add_resource(FluentResource(text))
            self.bundles[locale] = bundle
        self._reported: set[tuple[str, str]] = set()

    @classmethod
    def load(cls, root: Traversable | None = None) -> Catalogue:
        """Read `<root>/<locale>/*.ftl` for every shipped locale."""
        root = root or locales_dir()
        sources: dict[ShippedLocale, list[str]] = {}
        for locale in SHIPPED_LOCALES:
            folder = root / locale
            files = sorted((f for f in folder.iterdir() if f.name.endswith(".ftl")), key=lambda f: f.name)
            sources[locale] = [f.read_text(encoding="utf-8") for f in files]
        return cls(sources)

    def has(self, locale: str, key: str) -> bool:
        """Whether `key` (`id` or `id.attribute`) exists in the locale (no fallback)."""
        return self._pattern(self.bundles.get(resolve_locale(locale)), key) is not None

    def translate(self, locale: str | None, key: str, **args: Any) -> str:
        """The message `key` (`id` or `id.attribute`) in `locale`, formatted with `args`."""
        shipped = resolve_locale(locale)
        text, problem = self._format(shipped, key, args)
        if text is not None:
            return text
        if shipped != DEFAULT_LOCALE:
            self._report_once(shipped, key, logging.WARNING, "%s in %s; English used", problem, shipped)
            text, problem = self._format(DEFAULT_LOCALE, key, args)
            if text is not None:
                return text
        self._report_once(DEFAULT_LOCALE, key, logging.ERROR, "%s in English too; generic text used", problem)
        return GENERIC_TEXT

    def _format(self, locale: ShippedLocale, key: str, args: dict[str, Any]) -> tuple[str | None, str]:
        """The text, or None and what went wrong."""
        bundle = self.bundles.get(locale)
        pattern = self._pattern(bundle, key)
        if bundle is None or pattern is None:
            return None, "missing"
        try:
            text, errors = bundle.format_pattern(pattern, args)
        except Exception as exc:  # noqa: BLE001 - a broken translation must never break a reply
            return None, f"formatting raised {exc!r}"
        if errors:
            return None, f"formatting failed ({'; '.join(map(str, errors))})"
        return text, ""

    @staticmethod
    def _pattern(bundle: FluentBundle | None, key: str) -> Any:
        if bundle is None:
            return None
        message_id, _, attribute = key.partition(".")
        if not bundle.has_message(message_id):
            return None
        message = bundle.get_message(message_id)
        if attribute:
            return message.attributes.get(attribute)
        return message.value

    def _report_once(self, locale: str, key: str, level: int, what: str, *args: Any) -> None:
        if (locale, key) in self._reported:
            return
        self._reported.add((locale, key))
        log.log(level, "translation %s: " + what, key, *args)


@cache
def catalogue() -> Catalogue:
    """The bot's catalogue, read from the package once per process."""
    return Catalogue.load()


def translate(locale: str | None, key: str, **args: Any) -> str:
    """`key` in `locale` (a Discord code or a shipped one), English when missing there; never the raw key."""
    return catalogue().translate(locale, key, **args)
