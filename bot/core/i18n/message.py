"""A text to be shown later, in a language not known yet: what pure layers and refusals carry.

The rules (quota, lyrics, jams, the engine's failure reasons) decide *what* to say without knowing
*who* reads it: a private reply is in the member's language, a post in the server's. They return or
raise a `Message` (a catalogue key and its arguments), and the Discord layer renders it with the
reader's locale. `str(message)` is its English text, for logs and tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.core.i18n.catalogue import translate
from bot.core.i18n.locales import DEFAULT_LOCALE


@dataclass(frozen=True)
class Message:
    key: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def render(self, locale: str | None) -> str:
        """The text in `locale` (English where that locale lacks it)."""
        return translate(locale, self.key, **{
            name: value.render(locale) if isinstance(value, Message) else value for name, value in self.args.items()
        })

    def __str__(self) -> str:
        return self.render(DEFAULT_LOCALE)


def localised(text: Message | str, locale: str | None) -> str:
    """A `Message` rendered in `locale`; a `str` is text already written (shown as it is)."""
    return text.render(locale) if isinstance(text, Message) else text


def message(key: str, **args: Any) -> Message:
    """`Message(key, args)`, written as a call: `message("songs-quota-daily", limit=3)`."""
    return Message(key, args)
