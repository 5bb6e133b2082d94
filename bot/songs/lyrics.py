"""Lyrics and style text: from what a member typed to what a music model accepts.

Pure functions (no Discord import) so every rule can be tested without a bot. A refusal carries a
`Message` (bot/locales/*/songs.ftl, `songs-lyrics-*`, `songs-style-*`, `songs-title-*`), shown
privately to the member in their language, so it is plain and short.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from bot.core.errors import UserFacingError
from bot.core.i18n import Message, message
from bot.core.text import plain
from bot.songs.catalog import MusicModel, style_models

ACCOMPANIMENT_MARKER = "##"
"""minimax-music: `##` at the very start and very end of the prompt adds accompaniment."""

TITLE_MAX_CHARS = 80
# What Discord would turn into a ping or a link to someone: a title is plain text.
_MENTION = re.compile(r"@(everyone|here)\b|<(@[!&]?|#)[0-9]+>", re.IGNORECASE)

_INLINE_BREAK = re.compile(r"[ \t]*(?<!\S)(//?)(?!\S)[ \t]*")
_BLANK_RUN = re.compile(r"\n{3,}")


class LyricsRejected(UserFacingError):
    """The lyrics or style cannot be sent; `user_message` tells the member why."""


def from_inline(text: str) -> str:
    """Turn lyrics typed into a one-line slash-command option into multi-line lyrics.

    Slash-command string options cannot hold line breaks, so members write ` / ` between lines and
    ` // ` for a blank line (a pause):

        "Side by side / through thick and thin // With a laugh / we always win"

    A slash only counts as a separator when it stands alone between spaces, so `and/or` and URLs
    are left as they are. This function is the one place that knows the convention.
    """
    return _INLINE_BREAK.sub(lambda match: "\n" * len(match.group(1)), text)


def format_prompt(lyrics: str, model: MusicModel) -> str:
    """The lyrics exactly as `model` should receive them, or LyricsRejected saying why not.

    Line breaks are normalised, trailing spaces dropped, three or more line breaks collapsed to
    one blank line (a pause) and the text NFC-normalised so the character count matches what the
    API counts. Legacy models get the body wrapped in `##` accompaniment markers exactly once
    (markers the member typed are not doubled). The length limit is checked on the formatted
    text, since that is what the API measures.
    """
    text = unicodedata.normalize("NFC", lyrics.replace("\r\n", "\n").replace("\r", "\n"))
    _refuse_control_characters(text, "lyrics")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    text = _BLANK_RUN.sub("\n\n", text)
    body = _strip_markers(text).strip()
    if not body:
        raise LyricsRejected(message("songs-lyrics-empty"))

    legacy = model.prompt_style == "legacy"
    if legacy:
        text = ACCOMPANIMENT_MARKER + body + ACCOMPANIMENT_MARKER

    if len(text) > model.lyrics_max_chars:
        raise LyricsRejected(message(
            "songs-lyrics-too-long", over=len(text) - model.lyrics_max_chars, limit=model.lyrics_max_chars,
            model=model.name, markers="yes" if legacy else "no",
        ))
    if len(text) < model.lyrics_min_chars:
        raise LyricsRejected(message("songs-lyrics-too-short", model=model.name, min=model.lyrics_min_chars,
                                     length=len(text)))
    return text


def style_refusal(model: MusicModel) -> Message:
    """Why a style is refused by `model`, naming the models that do take one."""
    takers = style_models()
    if not takers:
        return message("songs-style-not-taken", model=model.name)
    return message("songs-style-not-taken-only", model=model.name,
                   takers=", ".join(f"`{name}`" for name in takers))


def check_style(style: str | None, model: MusicModel) -> str | None:
    """The style description to send (trimmed), None for models that take none, or
    LyricsRejected when it is missing, too short, too long or given to a model without one."""
    text = unicodedata.normalize("NFC", style).strip() if style is not None else ""
    if not model.wants_style:
        if text:
            raise LyricsRejected(style_refusal(model))
        return None

    if not text:
        raise LyricsRejected(message("songs-style-missing", model=model.name))
    _refuse_control_characters(text, "style")
    if len(text) < model.style_min_chars:
        raise LyricsRejected(message("songs-style-too-short", model=model.name, min=model.style_min_chars,
                                     length=len(text)))
    if len(text) > model.style_max_chars:
        raise LyricsRejected(message("songs-style-too-long", over=len(text) - model.style_max_chars,
                                     limit=model.style_max_chars, model=model.name))
    return text


def check_title(title: str | None) -> str | None:
    """The song's title as it will be shown (trimmed), None when left out, or LyricsRejected:
    at most 80 characters of plain text, on one line, with no mentions."""
    text = unicodedata.normalize("NFC", title).strip() if title is not None else ""
    if not text:
        return None
    if "\n" in text or "\r" in text:
        raise LyricsRejected(message("songs-title-line-break"))
    _refuse_control_characters(text, "title")
    if _MENTION.search(text):
        raise LyricsRejected(message("songs-title-mention"))
    if len(text) > TITLE_MAX_CHARS:
        raise LyricsRejected(message("songs-title-too-long", over=len(text) - TITLE_MAX_CHARS,
                                     limit=TITLE_MAX_CHARS))
    return text


def preview(text: str, limit: int = 120) -> str:
    """A one-line, harmless rendering of lyrics for a Discord message, at most `limit` characters.

    Lines are joined with " / " and the `##` markers dropped; `plain` escapes the rest.
    """
    visible = "".join(" " if unicodedata.category(ch) == "Cc" and ch != "\n" else ch for ch in text)
    lines = _strip_markers(visible.strip()).splitlines()
    return plain(" / ".join(" ".join(line.split()) for line in lines if line.split()), limit)


def first_line(text: str) -> str:
    """The lyrics' first line with words in it (no `##` markers): what a picture calls the song."""
    lines = _strip_markers(text.strip()).splitlines()
    return next((" ".join(line.split()) for line in lines if line.split()), "")


def _strip_markers(text: str) -> str:
    """`text` without the legacy accompaniment markers at its very start and end."""
    text = text.removeprefix(ACCOMPANIMENT_MARKER)
    return text.removesuffix(ACCOMPANIMENT_MARKER)


def _refuse_control_characters(text: str, field: Literal["lyrics", "style", "title"]) -> None:
    for ch in text:
        if ch not in "\n\t" and unicodedata.category(ch) == "Cc":
            raise LyricsRejected(message("songs-input-control-character", field=field, code=f"{ord(ch):04X}"))
