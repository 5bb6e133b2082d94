"""The house style of the pictures: text the bundled font can draw, cut to fit, and a small PNG."""

import io

from PIL import Image, ImageDraw

from bot.core import picture as style


def test_accented_latin_greek_and_cyrillic_are_drawn_as_written():
    assert style.drawable("Aurélie Ståhl–Øberg straße Ночь Ωμέγα") == "Aurélie Ståhl–Øberg straße Ночь Ωμέγα"


def test_full_width_letters_become_the_letters_the_font_draws():
    assert style.drawable("ＤＪ Ａｙａ") == "DJ Aya"


def test_characters_the_font_lacks_are_left_out_rather_than_drawn_as_boxes():
    assert style.drawable("DJ 🎸 Ночь 夜 owl") == "DJ Ночь owl"
    assert style.drawable("夜の歌") == ""


def test_japanese_text_is_drawn_with_the_japanese_font():
    face = style.font(40, text="夜の歌 by Aya")
    assert face is not style.font(40) and style.drawable("夜の歌 by Aya 🎸", face) == "夜の歌 by Aya"
    assert style.font(40, text="Aurélie") is style.font(40), "Latin text keeps DejaVu Sans"
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    assert style.text_width(draw, style.fit_text(draw, "夜の歌", face, 1000), face) > 100


def test_long_text_is_cut_with_an_ellipsis_to_the_width_and_short_text_is_kept():
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    face = style.font(40)
    cut = style.fit_text(draw, "a very long song title " * 10, face, 400)
    assert cut.endswith(style.ELLIPSIS) and style.text_width(draw, cut, face) <= 400
    assert cut.startswith("a very long")
    assert style.fit_text(draw, "  Short   title ", face, 400) == "Short title"


def test_the_canvas_is_a_dark_picture_with_a_panel_and_its_png_is_small():
    image, _ = style.canvas(630)
    data = style.png_bytes(image)
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) < style.MAX_PNG_BYTES
    decoded = Image.open(io.BytesIO(data)).convert("RGB")
    assert decoded.size == (style.WIDTH, 630)
    assert decoded.getpixel((5, 5)) == style.BACKGROUND
    assert decoded.getpixel((style.WIDTH // 2, 315)) == style.PANEL


async def test_pictures_are_drawn_off_the_loop_one_at_a_time_by_one_thread():
    import asyncio
    import threading

    def which_thread() -> bytes:
        return threading.current_thread().name.encode()

    names = await asyncio.gather(*(style.drawn(which_thread) for _ in range(8)))
    assert set(names) == {b"songjam-picture_0"}
