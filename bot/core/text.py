"""Text helpers for everything the bot writes in Discord: escaping, limits, links, times and plurals.

Anything a person typed (lyrics, jam themes, ban reasons, notes, file names) goes through `plain`
(or `code_safe` inside backticks) before it is shown, whoever typed it. `allowed_mentions` is the
real guard against pings; escaping keeps the text from even looking like a ping or formatting.
"""

from __future__ import annotations

import re
import unicodedata

MESSAGE_LIMIT = 2000  # characters of content in one message

_ZWSP = "\u200b"
# Backslash-escaping any of these makes Discord show it literally instead of as formatting.
_MARKDOWN_SPECIAL = frozenset("\\*_~`|>#[]()-")
_NUMBERED_LIST = re.compile(r"\d+\.")


def timestamp(unix_seconds: float, style: str = "R") -> str:
    """A Discord timestamp: each member's client shows it in their own time zone, kept current."""
    return f"<t:{int(unix_seconds)}:{style}>"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def plural(n: int, one: str, many: str | None = None) -> str:
    """`1 song`, `2 songs` (`many` for irregular plurals)."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def message_link(guild_id: int, channel_id: int, message_id: int) -> str:
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{message_id}"


def one_line(text: str, limit: int) -> str:
    """Typed text on one line (control characters and runs of white space folded), cut to `limit`."""
    visible = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    flat = " ".join(visible.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def plain(text: str, limit: int = 300) -> str:
    """Typed text made safe to show on one line: markdown shown literally, mentions defused.

    `limit` counts the escaped text, so the result always fits where it is put. Not for use inside
    code spans, where escapes would show: use `code_safe` there.
    """
    units = _escaped_units(one_line(text, len(text) + 1))
    if sum(map(len, units)) <= limit:
        return "".join(units)
    kept: list[str] = []
    used = 0
    for unit in units:
        if used + len(unit) > limit - 1:
            break
        kept.append(unit)
        used += len(unit)
    return "".join(kept).rstrip() + "…"


def code_safe(text: str, limit: int = 80) -> str:
    """Typed text fit to show inside backticks (a file name, a blocked entry)."""
    return one_line(text, limit).replace("`", "'")


def fit(lines: list[str], limit: int = MESSAGE_LIMIT) -> str:
    """Join lines, leaving off the last ones (and saying how many) if the message would be too long."""
    text = "\n".join(lines)
    dropped = 0
    while len(text) > limit and len(lines) > 1:
        lines = lines[:-1]
        dropped += 1
        text = "\n".join([*lines, f"…and {dropped} more"])
    return truncate(text, limit)


def truncate(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """At most `limit` characters, marked with … when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escaped_units(text: str) -> list[str]:
    """Each character of `text` as it must be written so Discord shows it literally."""
    numbered = _NUMBERED_LIST.match(text)
    units: list[str] = []
    for index, ch in enumerate(text):
        if ch in _MARKDOWN_SPECIAL or (numbered is not None and index == numbered.end() - 1):
            units.append("\\" + ch)
        elif ch == "<" and text.startswith(("@", "#"), index + 1):
            units.append(ch + _ZWSP)
        elif ch == "@" and text[index + 1 : index + 9].lower().startswith(("everyone", "here")):
            units.append(ch + _ZWSP)
        else:
            units.append(ch)
    return units
