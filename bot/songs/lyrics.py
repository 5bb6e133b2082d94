"""Lyrics and style text: from what a member typed to what a music model accepts.

Pure functions (no Discord import) so every rule can be tested without a bot. Messages in
`LyricsRejected.user_message` are shown privately to the member, so they are plain and short.
"""

from __future__ import annotations

import re
import unicodedata

from bot.core.errors import UserFacingError
from bot.core.text import plain, plural
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
    _refuse_control_characters(text, "Your lyrics contain")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    text = _BLANK_RUN.sub("\n\n", text)
    body = _strip_markers(text).strip()
    if not body:
        raise LyricsRejected("Your lyrics are empty. Write at least one line and try again.")

    if model.prompt_style == "legacy":
        text = ACCOMPANIMENT_MARKER + body + ACCOMPANIMENT_MARKER
        counted = "line breaks and the ## markers"
    else:
        counted = "line breaks"

    if len(text) > model.lyrics_max_chars:
        over = len(text) - model.lyrics_max_chars
        raise LyricsRejected(
            f"Your lyrics are {plural(over, 'character')} over the "
            f"{model.lyrics_max_chars}-character limit for {model.name} "
            f"(the count includes {counted})."
        )
    if len(text) < model.lyrics_min_chars:
        raise LyricsRejected(
            f"Your lyrics are too short: {model.name} needs at least "
            f"{plural(model.lyrics_min_chars, 'character')}, and yours have {len(text)}."
        )
    return text


def style_refusal(model: MusicModel) -> str:
    """Why a style is refused by `model`, naming the models that do take one."""
    takers = style_models()
    others = f" (only {', '.join(f'`{name}`' for name in takers)} take one)" if takers else ""
    return (f"This bot's music model, `{model.name}`, takes no style description{others}: only lyrics and a "
            "reference track. Leave the style out and try again; nothing was charged.")


def check_style(style: str | None, model: MusicModel) -> str | None:
    """The style description to send (trimmed), None for models that take none, or
    LyricsRejected when it is missing, too short, too long or given to a model without one."""
    text = unicodedata.normalize("NFC", style).strip() if style is not None else ""
    if not model.wants_style:
        if text:
            raise LyricsRejected(style_refusal(model))
        return None

    if not text:
        raise LyricsRejected(
            f"{model.name} needs a style description, for example "
            '"dreamy synth-pop, soft female vocals". Add one and try again.'
        )
    _refuse_control_characters(text, "Your style description contains")
    if len(text) < model.style_min_chars:
        raise LyricsRejected(
            f"Your style description is too short: {model.name} needs at least "
            f"{plural(model.style_min_chars, 'character')}, and yours has {len(text)}."
        )
    if len(text) > model.style_max_chars:
        over = len(text) - model.style_max_chars
        raise LyricsRejected(
            f"Your style description is {plural(over, 'character')} over the "
            f"{model.style_max_chars}-character limit for {model.name}."
        )
    return text


def check_title(title: str | None) -> str | None:
    """The song's title as it will be shown (trimmed), None when left out, or LyricsRejected:
    at most 80 characters of plain text, on one line, with no mentions."""
    text = unicodedata.normalize("NFC", title).strip() if title is not None else ""
    if not text:
        return None
    if "\n" in text or "\r" in text:
        raise LyricsRejected("Your title must fit on one line. Remove the line break and try again.")
    _refuse_control_characters(text, "Your title contains")
    if _MENTION.search(text):
        raise LyricsRejected("Your title can't mention anyone (no @everyone, @here, members, roles or channels). "
                             "Write it as plain text and try again.")
    if len(text) > TITLE_MAX_CHARS:
        raise LyricsRejected(f"Your title is {plural(len(text) - TITLE_MAX_CHARS, 'character')} over the "
                             f"{TITLE_MAX_CHARS}-character limit.")
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


def _refuse_control_characters(text: str, subject: str) -> None:
    for ch in text:
        if ch not in "\n\t" and unicodedata.category(ch) == "Cc":
            raise LyricsRejected(
                f"{subject} a control character (U+{ord(ch):04X}), an invisible character "
                "that can't be sent. Remove it (retyping the line usually does) and try again."
            )
