"""The house style of songjam's pictures (song cards, jam leaderboards): pure Pillow, no Discord.

The fonts are shipped in the package (bot/assets/fonts, with their licences), so a picture looks
the same on every host whatever fonts it has: DejaVu Sans for Latin, Greek and Cyrillic with their
accents, and IPAex Gothic for text with Japanese (or Chinese) characters. Text is first made
`drawable` (a character the font lacks, such as an emoji, is left out, or swapped for a
lookalike) rather than drawn as an empty box. Sizes are chosen for a phone: Discord shows
a 1200 px wide picture about 360 points wide, so 40 px text reads as 12 points.
"""

from __future__ import annotations

import asyncio
import functools
import io
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH = 1200
MARGIN = 40  # from the picture's edge to the panel
PADDING = 56  # from the panel's edge to its content
RADIUS = 36
BRAND = "songjam"
ELLIPSIS = "…"
MAX_PNG_BYTES = 300 * 1024

BACKGROUND = (13, 14, 26)
PANEL = (27, 29, 51)
PANEL_EDGE = (46, 49, 84)
ACCENT = (255, 92, 138)
ACCENT_DIM = (120, 52, 84)
TEXT = (245, 245, 250)
MUTED = (160, 164, 196)
GOLD = (255, 196, 0)
SILVER = (192, 200, 214)
BRONZE = (214, 130, 70)

Font = ImageFont.FreeTypeFont


FONTS = files("bot.assets") / "fonts"
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
JAPANESE = "ipaexg.ttf"  # IPAex Gothic: kana and kanji (one weight, so bold text uses it as it is)
_MISSING = "\uffff"  # a noncharacter: no font has it, so it draws the font's "missing glyph" box


@lru_cache(maxsize=64)
def _face(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), size=size)


def font(size: int, *, bold: bool = False, text: str = "") -> ImageFont.FreeTypeFont:
    """The house font at `size` pixels for `text`: DejaVu Sans (or its bold), or IPAex Gothic when
    the text has Japanese (or Chinese) characters DejaVu lacks."""
    latin = BOLD if bold else REGULAR
    if any(not _has_glyph(char, latin) and _has_glyph(char, JAPANESE) for char in text):
        return _face(JAPANESE, size)
    return _face(latin, size)


@lru_cache(maxsize=16384)
def _has_glyph(char: str, name: str) -> bool:
    face = _face(name, 40)
    mask = face.getmask(char)
    missing = face.getmask(_MISSING)
    return char.isspace() or (mask.size, bytes(mask)) != (missing.size, bytes(missing))


def _lookalike(char: str, name: str) -> str:
    """A drawable stand-in for a character the font lacks (a full-width letter, a letter with an
    unusual accent): its compatibility form without the accent, or nothing."""
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and _has_glyph(ch, name))


def drawable(text: str, face: ImageFont.FreeTypeFont | None = None) -> str:
    """`text` with only characters `face` (by default the regular house font) can draw: a missing
    one swapped for a lookalike or left out (emoji, scripts neither font has); whitespace collapsed."""
    name = Path(str(face.path)).name if face is not None else REGULAR
    composed = unicodedata.normalize("NFC", text)
    kept = "".join(ch if _has_glyph(ch, name) else _lookalike(ch, name) for ch in composed)
    return " ".join(kept.split())


def text_width(draw: ImageDraw.ImageDraw, text: str, face: Font) -> float:
    return draw.textlength(text, font=face)


def fit_text(draw: ImageDraw.ImageDraw, text: str, face: Font, max_width: float) -> str:
    """`text` made `drawable`, on one line, cut with an ellipsis where it would be wider than `max_width`."""
    text = drawable(text, face)
    if text_width(draw, text, face) <= max_width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis: a binary search
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(draw, text[:middle].rstrip() + ELLIPSIS, face) <= max_width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def canvas(height: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A dark picture `WIDTH` x `height` with the rounded panel and the brand line at its foot."""
    image = Image.new("RGB", (WIDTH, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((MARGIN, MARGIN, WIDTH - MARGIN, height - MARGIN), radius=RADIUS, fill=PANEL,
                           outline=PANEL_EDGE, width=2)
    draw.rectangle((MARGIN + RADIUS, MARGIN, WIDTH - MARGIN - RADIUS, MARGIN + 6), fill=ACCENT)
    brand = font(26)
    x = WIDTH - MARGIN - PADDING - text_width(draw, BRAND, brand)
    y = height - MARGIN - 44
    draw.ellipse((x - 22, y + 7, x - 10, y + 19), fill=ACCENT)
    draw.text((x, y), BRAND, font=brand, fill=MUTED)
    return image, draw


def png_bytes(image: Image.Image) -> bytes:
    """The picture as a PNG, its colours exact: a few tens of kB (flat shapes and text compress well).
    About 15 ms; a 64-colour palette saved a dozen kB but took 50 ms, and a backlog of finished songs
    is posted as fast as their pictures are drawn."""
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()


# Every picture is drawn by this one thread, one at a time, off the event loop. Decoding and drawing
# hold the GIL most of the time, so more threads would not draw faster; eight at once (a burst of
# deliveries) cost about 80 MB more memory than one after another.
_DRAWER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="songjam-picture")


async def drawn(draw: Callable[..., bytes], /, *args: object, **kwargs: object) -> bytes:
    """`draw(*args, **kwargs)` run in the drawing thread; the loop carries on meanwhile."""
    return await asyncio.get_running_loop().run_in_executor(_DRAWER, functools.partial(draw, *args, **kwargs))
