"""Checks on a member's reference track before any money is spent on a generation.

Discord tells us a filename, a size and a content type, but those are the uploader's claims, so
`precheck` only rules out the obvious and `inspect` reads the file's own bytes. A file's headers
are claims too (an MP3's Xing header or a WAV's data-chunk size can say hours where the file holds
a second), so `inspect` measures the length by decoding the audio. A refusal carries a `Message`
(`songs-reference-*` in bot/locales/*/songs.ftl), shown privately to the member in their language.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import tempfile
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import aiohttp
import miniaudio

from bot.core.errors import UserFacingError
from bot.core.i18n import Message, message
from bot.songs.catalog import MusicModel
from bot.songs.mpeg_frames import mp3_seconds

DOWNLOAD_TIMEOUT_S = 30.0
_CHUNK_BYTES = 64 * 1024
_WRITE_BYTES = 1024 * 1024
_MIB = 1024 * 1024

_CONTENT_TYPES = {
    "audio/mpeg": "mp3",
    "audio/mp3": "mp3",
    "audio/wav": "wav",
    "audio/x-wav": "wav",
    "audio/wave": "wav",
    "audio/vnd.wave": "wav",
    "audio/flac": "flac",
    "audio/x-flac": "flac",
}
_InfoReader = Callable[[str], miniaudio.SoundFileInfo]
_Streamer = Callable[..., Iterator[array]]
# Per format: a reader of the header (only its sample rate and channel count are used) and a
# decoder that yields the audio a chunk at a time as interleaved 16-bit samples.
_DECODERS: dict[str, tuple[_InfoReader, _Streamer]] = {
    "wav": (miniaudio.wav_get_file_info, miniaudio.wav_stream_file),
    "flac": (miniaudio.flac_get_file_info, miniaudio.flac_stream_file),
}
# What miniaudio raises for a file it can't read (DecodeError, or an odd sample width), and what
# its FLAC header reader raises when STREAMINFO says 0 Hz (it divides by the sample rate).
_DECODE_ERRORS = (miniaudio.MiniaudioError, ZeroDivisionError)
# Real music: anything outside these is a broken or hostile header (a WAV "at 1 Hz" would make
# a few bytes last hours).
_SAMPLE_RATES = range(8000, 384_000 + 1)
_CHANNELS = range(1, 8 + 1)
_FETCH_FAILED = message("songs-reference-fetch-failed")


class ReferenceRejected(UserFacingError):
    """The reference track cannot be used; `user_message` tells the member why."""


@dataclass(frozen=True)
class ReferenceInfo:
    """What the file's own bytes say: its real format, its length and its size on disk.

    `duration_s` is measured by decoding, and the count stops once it is past the longest limit
    that matters for the model (its maximum, or its minimum when it has none): a longer file
    reads as a little over that limit.
    """

    format: str
    duration_s: float
    size: int


def precheck(filename: str, content_type: str | None, size: int, model: MusicModel, max_bytes: int) -> None:
    """Refuse what the attachment's metadata already rules out, before downloading anything."""
    extension = _extension(filename, model)
    if content_type:
        claimed = content_type.split(";", 1)[0].strip().lower()
        if claimed != "application/octet-stream":
            if not claimed.startswith("audio/"):
                raise ReferenceRejected(message("songs-reference-not-audio", formats=accepted(model)))
            real = _CONTENT_TYPES.get(claimed)
            if real is not None and real != extension:
                raise ReferenceRejected(message("songs-reference-claimed-other", extension=extension,
                                                kind=real.upper(), formats=accepted(model)))
    if size <= 0:
        raise ReferenceRejected(message("songs-reference-empty"))
    limit = byte_limit(model, max_bytes)
    if size > limit:
        raise ReferenceRejected(_too_large(limit))


def inspect(path: Path, filename: str, model: MusicModel) -> ReferenceInfo:
    """Check the downloaded file's real format and length. Blocking: run it in a thread.

    The format is sniffed from the first bytes, so a picture renamed .mp3 is caught here rather
    than by the music API after a paid submit.
    """
    extension = _extension(filename, model)
    with path.open("rb") as handle:
        real = _sniff(handle)
    if real is None:
        raise ReferenceRejected(_unreadable(model))
    if real != extension:
        if real in model.reference_formats:
            raise ReferenceRejected(message("songs-reference-misnamed", extension=extension, real=real,
                                            kind=real.upper()))
        raise ReferenceRejected(message("songs-reference-misnamed-unsupported", extension=extension,
                                        kind=real.upper(), model=model.name, formats=accepted(model)))

    size = path.stat().st_size
    enough = max(model.reference_min_seconds, model.reference_max_seconds or 0.0)
    duration = _measure(path, real, enough)
    if duration is None:
        raise ReferenceRejected(_unreadable(model))

    if duration <= model.reference_min_seconds:
        raise ReferenceRejected(message("songs-reference-too-short", min=_span(model.reference_min_seconds),
                                        length=_length(duration)))
    if model.reference_max_seconds is not None and duration > model.reference_max_seconds:
        raise ReferenceRejected(message("songs-reference-too-long", max=_span(model.reference_max_seconds)))
    return ReferenceInfo(format=real, duration_s=duration, size=size)


async def fetch_and_inspect(
    session: aiohttp.ClientSession,
    url: str,
    *,
    filename: str,
    model: MusicModel,
    max_bytes: int,
    work_dir: Path,
    timeout_s: float = DOWNLOAD_TIMEOUT_S,
) -> ReferenceInfo:
    """Download the attachment from Discord's CDN into `work_dir`, then `inspect` it.

    The CDN URL is signed, so no auth header is sent (pass a session without default headers).
    The file is streamed to disk and the download stops as soon as it passes the size limit; the
    temporary file is always removed.
    """
    limit = byte_limit(model, max_bytes)
    fd, name = tempfile.mkstemp(prefix="reference-", suffix=".part", dir=work_dir)
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            await _download(session, url, out, limit, timeout_s)
        return await asyncio.to_thread(inspect, path, filename, model)
    finally:
        # Synchronous on purpose: this must also run while the task is being cancelled.
        with contextlib.suppress(FileNotFoundError):
            os.remove(name)


def byte_limit(model: MusicModel, max_bytes: int) -> int:
    """The largest reference accepted: the bot's setting, or the model's own cap if lower."""
    if model.reference_max_bytes is None:
        return max_bytes
    return min(max_bytes, model.reference_max_bytes)


async def _download(session: aiohttp.ClientSession, url: str, out: BinaryIO, limit: int, timeout_s: float) -> None:
    """Stream `url` into `out`, holding at most about a megabyte in memory at a time."""
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout_s)) as response:
            if response.status != 200:
                raise ReferenceRejected(_FETCH_FAILED)
            if response.content_length is not None and response.content_length > limit:
                raise ReferenceRejected(_too_large(limit))
            received = 0
            pending = bytearray()
            async for chunk in response.content.iter_chunked(_CHUNK_BYTES):
                received += len(chunk)
                if received > limit:
                    response.close()
                    raise ReferenceRejected(_too_large(limit))
                pending += chunk
                if len(pending) >= _WRITE_BYTES:
                    await asyncio.to_thread(out.write, bytes(pending))
                    pending.clear()
            await asyncio.to_thread(out.write, bytes(pending))
    except (aiohttp.ClientError, TimeoutError):
        raise ReferenceRejected(_FETCH_FAILED) from None


def _measure(path: Path, real: str, enough_s: float) -> float | None:
    """Seconds of audio the file really decodes to, or None when it decodes to none.

    MP3: the MPEG frames are walked and counted (bot/songs/mpeg_frames.py). WAV and FLAC: headers
    are only trusted for the sample rate and channel count; the length is the number of sample
    frames the decoder produces. Decoding streams about a second at a time and stops once
    past `enough_s`, so memory stays at one chunk and CPU at most that much audio.
    """
    if real == "mp3":  # counting frames costs a hundredth of decoding them, and trusts no header either
        with path.open("rb") as handle:
            return mp3_seconds(handle, enough_s)
    read_info, stream = _DECODERS[real]
    name = os.fspath(path)
    try:
        info = read_info(name)
        rate, channels = info.sample_rate, info.nchannels
        if rate not in _SAMPLE_RATES or channels not in _CHANNELS:
            return None
        enough = enough_s * rate
        frames = 0
        with contextlib.closing(stream(name, frames_to_read=rate)) as chunks:
            for chunk in chunks:
                frames += len(chunk) // channels
                if frames > enough:
                    break
    except _DECODE_ERRORS:
        return None
    if frames == 0:
        return None
    return frames / rate


def _sniff(handle: BinaryIO) -> str | None:
    """The format the file's first bytes announce, or None when they match no format we read."""
    head = handle.read(12)
    if head[:4] == b"fLaC":
        return "flac"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[:3] == b"ID3" and len(head) >= 10:
        # An ID3v2 tag can sit in front of FLAC too: look at what follows it.
        tag_size = 10 + sum((byte & 0x7F) << (7 * (3 - i)) for i, byte in enumerate(head[6:10]))
        if head[5] & 0x10:
            tag_size += 10
        handle.seek(tag_size)
        return "flac" if handle.read(4) == b"fLaC" else "mp3"
    # MPEG audio frame sync (11 set bits) with a real layer; layer bits 00 would be AAC (ADTS).
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06:
        return "mp3"
    return None


def _extension(filename: str, model: MusicModel) -> str:
    extension = Path(filename).suffix.lower().removeprefix(".")
    if extension not in model.reference_formats:
        raise ReferenceRejected(message("songs-reference-wrong-extension", formats=accepted(model)))
    return extension


def accepted(model: MusicModel) -> Message | str:
    """The formats `model` takes as alternatives (".mp3 or .wav", in the reader's language)."""
    names = [f".{name}" for name in sorted(model.reference_formats)]
    if len(names) == 1:
        return names[0]
    return message("songs-formats-or", rest=", ".join(names[:-1]), last=names[-1])


def _unreadable(model: MusicModel) -> Message:
    return message("songs-reference-unreadable", formats=accepted(model))


def _too_large(limit: int) -> Message:
    megabytes = limit / _MIB if limit % _MIB == 0 else limit / 1_000_000
    return message("songs-reference-too-large", megabytes=round(megabytes, 1))


def _span(seconds: float) -> Message:
    """A limit in words: '15 seconds', '6 minutes'."""
    if seconds >= 60 and seconds % 60 == 0:
        return message("songs-span-minutes", minutes=int(seconds // 60))
    return message("songs-span-seconds", seconds=int(seconds) if seconds.is_integer() else seconds)


def _length(seconds: float) -> Message:
    """A measured length, rounded down so a too-short file never reads as long enough."""
    if seconds < 60:
        return message("songs-length-seconds", seconds=math.floor(seconds * 10) / 10)
    return message("songs-length-minutes", minutes=int(seconds // 60), seconds=int(seconds % 60))
