"""A song's card: drawn from the decoded audio (its waveform and length), with its title and maker."""

import asyncio
import io
import math
import time
import wave
from array import array

import pytest
from PIL import Image

from bot.core import picture as style
from bot.songs.picture import (
    CARD_SIZE,
    PictureError,
    duration_text,
    render_song_card,
    song_card_png,
    waveform,
)
from fakes.audio import make_flac, make_mp3, make_png, make_wav

WAVE_BOX = (96, 330, 1104, 530)  # where the card draws the waveform
MIDDLE = (WAVE_BOX[1] + WAVE_BOX[3]) // 2


def audio(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def opened(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(data)).convert("RGB")


def bar_pixels(card: Image.Image) -> int:
    """Accent pixels of the waveform well away from its middle line: the bars a sound draws."""
    band = card.crop((WAVE_BOX[0], WAVE_BOX[1], WAVE_BOX[2], MIDDLE - 10))
    return {colour: count for count, colour in band.getcolors(maxcolors=1 << 16)}.get(style.ACCENT, 0)


def test_a_card_from_a_tone_has_its_size_many_colours_and_a_small_png(tmp_path):
    data = render_song_card(audio(tmp_path, "tone.mp3", make_mp3(3.0)), title="Rainy days", member_name="alice",
                            locale="en")
    card = opened(data)
    assert card.size == CARD_SIZE == (1200, 630)
    assert len(data) < style.MAX_PNG_BYTES
    assert len(card.getcolors(maxcolors=1 << 16)) > 8, "not one flat colour"


def test_a_tone_and_silence_draw_different_waveforms(tmp_path):
    tone = opened(render_song_card(audio(tmp_path, "tone.wav", make_wav(3.0)), title="Same", member_name="alice",
                                   locale="en"))
    silence = opened(render_song_card(audio(tmp_path, "silence.flac", make_flac(3.0)), title="Same",
                                      member_name="alice", locale="en"))
    assert bar_pixels(tone) > 20_000, "a tone at half volume fills the waveform"
    assert bar_pixels(silence) == 0, "silence is a flat line, never blown up to full height"
    wave_of = [card.crop(WAVE_BOX).tobytes() for card in (tone, silence)]
    assert wave_of[0] != wave_of[1]


def test_silence_and_a_tone_are_measured_not_normalised(tmp_path):
    silent = waveform(audio(tmp_path, "silence.wav", make_wav(2.0, freq=0.0)))
    loud = waveform(audio(tmp_path, "tone.mp3", make_mp3(2.0)))
    assert max(silent.peaks) == 0.0
    assert min(loud.peaks[5:-5]) > 0.9, "a steady tone reaches the top in every bar"


def test_a_quiet_song_stays_small_instead_of_being_blown_up(tmp_path):
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(8000)
        wav.writeframes(array("h", (int(300 * math.sin(i / 3)) for i in range(16000))).tobytes())
    quiet = waveform(audio(tmp_path, "quiet.wav", out.getvalue()))
    assert 0.0 < max(quiet.peaks) < 0.1


def test_the_length_is_measured_from_the_decoded_audio_of_any_format(tmp_path):
    for name, data, seconds in (("a.mp3", make_mp3(65.0), 65.0), ("a.wav", make_wav(3.0), 3.0),
                                ("a.flac", make_flac(4.0), 4.0)):
        assert waveform(audio(tmp_path, name, data)).seconds == pytest.approx(seconds, abs=0.1)
    assert duration_text(65.2) == "1:05" and duration_text(4.0) == "0:04" and duration_text(3725) == "1:02:05"


def test_long_or_undrawable_titles_and_names_still_make_a_card(tmp_path):
    path = audio(tmp_path, "tone.mp3", make_mp3(2.0))
    for title, name in (("la " * 400, "x" * 300), ("夜の歌", "🎸🎸"), ("", "")):
        assert opened(render_song_card(path, title=title, member_name=name, locale="en")).size == CARD_SIZE


def test_a_file_that_is_not_audio_raises_picture_error(tmp_path):
    for name, data in (("image.mp3", make_png()), ("empty.wav", b""), ("text.flac", b"not audio at all" * 100)):
        with pytest.raises(PictureError):
            render_song_card(audio(tmp_path, name, data), title="t", member_name="m", locale="en")
    with pytest.raises(PictureError):
        render_song_card(tmp_path / "missing.mp3", title="t", member_name="m", locale="en")


async def test_the_async_card_is_drawn_off_the_event_loop(tmp_path):
    path = audio(tmp_path, "long.mp3", make_mp3(120.0))
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.005)
            ticks += 1

    task = asyncio.create_task(ticker())
    started = time.perf_counter()
    data = await song_card_png(path, title="Long one", member_name="alice", locale="en")
    elapsed = time.perf_counter() - started
    task.cancel()
    assert opened(data).size == CARD_SIZE
    assert ticks >= max(3, int(elapsed / 0.005) // 4), f"the loop ticked {ticks} times in {elapsed:.2f} s"
    assert data == render_song_card(path, title="Long one", member_name="alice", locale="en")


LABEL_BOX = (96, 90, 700, 140)  # where "NEW SONG" is written


def ink(card: Image.Image, box: tuple[int, int, int, int]) -> int:
    """Accent pixels in `box`: the label's letters."""
    return {colour: count for count, colour in card.crop(box).getcolors(maxcolors=1 << 16)}.get(style.ACCENT, 0)


def test_the_fixed_words_are_drawn_in_the_servers_language_with_a_font_that_has_them(tmp_path):
    path = audio(tmp_path, "tone.mp3", make_mp3(2.0))
    cards = {locale: opened(render_song_card(path, title="Same", member_name="alice", locale=locale))
             for locale in ("en", "es-ES", "ja")}
    labels = {locale: card.crop(LABEL_BOX).tobytes() for locale, card in cards.items()}
    assert len(set(labels.values())) == 3, "NEW SONG, NUEVA CANCIÓN, 新しい曲"
    assert all(ink(card, LABEL_BOX) > 200 for card in cards.values()), "every label is drawn"
    assert style.font(28, text="新しい曲").path == style.font(28, text="夜").path != style.font(28).path, (
        "Japanese words get the Japanese font, not missing-glyph boxes")
