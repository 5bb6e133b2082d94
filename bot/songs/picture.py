"""A song's card: the waveform of the delivered audio, its title, its length and who made it.

The audio is decoded with miniaudio (mp3, wav, flac) to 8 kHz mono, which is plenty for a
picture 1,000 pixels wide: a five-minute MP3 takes about half a second, in a worker thread
(`python -m bench.pictures` times it).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from pathlib import Path

import miniaudio
from PIL import ImageDraw

from bot.core import picture as style
from bot.core.i18n import translate

CARD_SIZE: tuple[int, int] = (style.WIDTH, 630)
SAMPLE_RATE = 8000
BARS = 150
BAR_GAP = 2
FULL_SCALE = 32768
QUIET_FLOOR = FULL_SCALE // 8
"""Peaks are drawn against the loudest one, but never against less than this: a quiet song stays
small and silence stays a flat line instead of its noise being blown up to full height."""
# miniaudio's own errors, its FLAC reader on a 0 Hz header (see bot/songs/reference.py), a missing file.
_DECODE_ERRORS = (miniaudio.MiniaudioError, ZeroDivisionError, OSError)


class PictureError(Exception):
    """The audio could not be decoded, so there is no card to draw."""


@dataclass(frozen=True)
class Waveform:
    """`peaks`: one value per bar from 0 (silence) to 1 (full height); `seconds`: the decoded length."""

    peaks: list[float]
    seconds: float


def waveform(audio_path: Path, bars: int = BARS) -> Waveform:
    """The loudest sample of each of `bars` equal slices of the decoded audio."""
    try:
        decoded = miniaudio.decode_file(str(audio_path), output_format=miniaudio.SampleFormat.SIGNED16,
                                        nchannels=1, sample_rate=SAMPLE_RATE)
    except _DECODE_ERRORS as exc:
        raise PictureError(f"cannot decode {audio_path.name}: {exc}") from exc
    samples: array[int] = decoded.samples
    if not samples:
        raise PictureError(f"{audio_path.name} holds no audio")
    view = memoryview(samples)
    peaks: list[int] = []
    for bar in range(bars):
        chunk = view[len(samples) * bar // bars:len(samples) * (bar + 1) // bars]
        # max/min over a memoryview slice run in C: no Python loop over the samples.
        peaks.append(max(max(chunk), -min(chunk)) if len(chunk) else 0)
    scale = max(max(peaks), QUIET_FLOOR)
    return Waveform([min(1.0, peak / scale) for peak in peaks], len(samples) / SAMPLE_RATE)


def duration_text(seconds: float) -> str:
    """m:ss (h:mm:ss from an hour)."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def draw_card(wave: Waveform, *, title: str, member_name: str, locale: str) -> bytes:
    """The picture; its fixed words ("NEW SONG", "by") in `locale`, the server's (the post is public)."""
    width, height = CARD_SIZE
    image, draw = style.canvas(height)
    left = style.MARGIN + style.PADDING
    right = width - style.MARGIN - style.PADDING

    length = duration_text(wave.seconds)
    pill_font = style.font(36)
    pill_width = style.text_width(draw, length, pill_font) + 48
    draw.rounded_rectangle((right - pill_width, 92, right, 148), radius=28, fill=style.ACCENT)
    draw.text((right - pill_width / 2, 120), length, font=pill_font, fill=style.BACKGROUND, anchor="mm")
    new_song = translate(locale, "songs-card-picture-new")
    draw.text((left, 100), new_song, font=style.font(28, text=new_song), fill=style.ACCENT)

    untitled = translate(locale, "songs-card-picture-untitled")
    title_font = style.font(64, bold=True, text=title or untitled)
    shown_title = style.fit_text(draw, title, title_font, right - left) or untitled
    draw.text((left, 168), shown_title, font=title_font, fill=style.TEXT)
    by = translate(locale, "songs-card-picture-by")
    fallback_name = translate(locale, "songs-card-picture-member")
    by_font = style.font(38, text=by + (member_name or fallback_name))
    by_width = style.text_width(draw, by + " ", by_font)
    draw.text((left, 252), by, font=by_font, fill=style.MUTED)
    shown_name = style.fit_text(draw, member_name, by_font, right - left - by_width) or fallback_name
    draw.text((left + by_width, 252), shown_name, font=by_font, fill=style.TEXT)

    _draw_wave(draw, wave.peaks, (left, 330, right, 530))
    return style.png_bytes(image)


def _draw_wave(draw: ImageDraw.ImageDraw, peaks: list[float], box: tuple[int, int, int, int]) -> None:
    """Bars mirrored about the middle line; a silent bar is the line alone."""
    left, top, right, bottom = box
    middle = (top + bottom) // 2
    half = (bottom - top) // 2
    step = (right - left) / len(peaks)
    bar = max(1.0, step - BAR_GAP)
    draw.line((left, middle, right, middle), fill=style.ACCENT_DIM, width=2)
    for index, peak in enumerate(peaks):
        reach = round(peak * half)
        if reach < 2:
            continue
        x = left + index * step
        draw.rounded_rectangle((x, middle - reach, x + bar, middle + reach), radius=bar / 2, fill=style.ACCENT)


def render_song_card(audio_path: Path, *, title: str, member_name: str, locale: str) -> bytes:
    """PNG bytes: waveform of the decoded audio (mp3, wav or flac), title, duration (m:ss, measured
    from the decoded audio), member name. Raises PictureError when the audio cannot be decoded."""
    return draw_card(waveform(audio_path), title=title, member_name=member_name, locale=locale)


async def song_card_png(audio_path: Path, *, title: str, member_name: str, locale: str) -> bytes:
    """The same, drawn in the drawing thread so the event loop never waits on decoding or drawing."""
    return await style.drawn(render_song_card, audio_path, title=title, member_name=member_name, locale=locale)
