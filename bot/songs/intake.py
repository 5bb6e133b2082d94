"""Turning what a member typed and attached into a valid job request, or a clear refusal."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import aiohttp

from bot.core.errors import UserFacingError
from bot.songs.catalog import MusicModel
from bot.songs.lyrics import LyricsRejected, check_style, check_title, format_prompt
from bot.songs.reference import ReferenceInfo, ReferenceRejected, fetch_and_inspect, precheck


class InputRejected(UserFacingError):
    """Bad input: `user_message` is said privately to the member, and nothing is recorded."""


@dataclass(frozen=True)
class ReferenceUpload:
    """The attachment as Discord describes it (the content type is only the uploader's claim)."""

    filename: str
    url: str
    size: int
    content_type: str | None


@dataclass(frozen=True)
class SongOrder:
    """A `/song create` as the member gave it, in plain fields: enough to run it again later
    (after the rights click, in any process sharing the database)."""

    reference: ReferenceUpload
    lyrics: str
    style: str | None
    jam_id: int | None = None
    title: str | None = None


@dataclass(frozen=True)
class SongRequest:
    """Lyrics formatted for the model, the style it wants (if any), and the reference to fetch."""

    prompt_text: str
    style: str | None
    reference: ReferenceUpload
    title: str | None = None


def prepare_request(
    model: MusicModel, reference: ReferenceUpload, lyrics: str, style: str | None, *, max_reference_bytes: int,
    title: str | None = None,
) -> SongRequest:
    """The checks that need no download; fast enough to run before answering Discord."""
    try:
        checked_title = check_title(title)
        prompt_text = format_prompt(lyrics, model)
        checked_style = check_style(style, model)
        precheck(reference.filename, reference.content_type, reference.size, model, max_reference_bytes)
    except (LyricsRejected, ReferenceRejected) as exc:
        raise InputRejected(exc.user_message) from exc
    return SongRequest(prompt_text=prompt_text, style=checked_style, reference=reference, title=checked_title)


async def verify_reference(
    session: aiohttp.ClientSession, request: SongRequest, model: MusicModel, *, max_bytes: int, work_dir: Path
) -> ReferenceInfo:
    """Download the reference and check its own bytes: format, readability, duration."""
    try:
        return await fetch_and_inspect(
            session, request.reference.url, filename=request.reference.filename, model=model,
            max_bytes=max_bytes, work_dir=work_dir,
        )
    except ReferenceRejected as exc:
        raise InputRejected(exc.user_message) from exc
