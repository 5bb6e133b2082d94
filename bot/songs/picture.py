"""The picture on a delivered song's card: a PNG with the song's title and the member's name.

A simple drawing (a coloured box and two lines of text); it is drawn in a worker thread, as
Pillow holds the CPU. A picture that cannot be drawn never stops a song: callers post without it.
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

CARD_SIZE: tuple[int, int] = (640, 360)
_BACKGROUND = (32, 34, 48)
_BOX = (46, 204, 113)
_TEXT = (245, 245, 245)


class PictureError(Exception):
    """The picture could not be drawn."""


def render_song_card(audio_path: Path, *, title: str, member_name: str) -> bytes:
    """The PNG bytes of the song's picture (`audio_path` must exist: the picture belongs to a made song)."""
    if not audio_path.exists():
        raise PictureError(f"no audio at {audio_path.name}")
    try:
        image = Image.new("RGB", CARD_SIZE, _BACKGROUND)
        draw = ImageDraw.Draw(image)
        width, height = CARD_SIZE
        draw.rectangle((24, 24, width - 24, height - 24), outline=_BOX, width=6)
        font = ImageFont.load_default()
        draw.text((48, height // 2 - 24), title[:60], fill=_TEXT, font=font)
        draw.text((48, height // 2 + 8), member_name[:60], fill=_BOX, font=font)
        out = io.BytesIO()
        image.save(out, format="PNG")
    except (OSError, ValueError) as exc:
        raise PictureError(str(exc)) from exc
    return out.getvalue()


async def song_card_png(audio_path: Path, *, title: str, member_name: str) -> bytes:
    """`render_song_card` in a worker thread, so the event loop keeps serving Discord meanwhile."""
    return await asyncio.to_thread(render_song_card, audio_path, title=title, member_name=member_name)
