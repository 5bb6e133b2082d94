"""The presenter's pure parts: the card as a Discord embed, and a picture that fails never stopping a song."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

from bot.core.i18n import SHIPPED_LOCALES
from bot.songs.card import COLOURS, CardState, job_card, song_post
from bot.songs.jobs import JobState
from bot.songs.picture import PictureError
from bot.songs.text import delivery_message
from bot.songs.ui import presenter
from bot.songs.ui.presenter import JobPresenter, is_song_post, picture_filename, to_embed
from fakes.audio import make_mp3
from tests.songs.test_card import job


def test_the_card_becomes_an_embed_with_its_colour_author_fields_and_footer():
    embed = to_embed(job_card(job(), None, "en")).to_dict()
    assert embed["color"] == COLOURS[CardState.MAKING] and embed["author"]["name"] == "Alice **A**"
    assert embed["title"] == "first line" and embed["footer"]["text"] == "Job 7 · being made"
    assert embed["fields"] == [{"name": "Reference", "value": "`my 'ref'.mp3`", "inline": True}]
    assert "image" not in embed


def test_the_song_post_shows_its_picture_from_the_attachment():
    name = picture_filename(job())
    assert name == "songjam-7-my-ref.png"
    embed = to_embed(song_post(job(), audio_seconds=None, image=f"attachment://{name}", locale="en")).to_dict()
    assert embed["image"]["url"] == "attachment://songjam-7-my-ref.png"


async def test_a_picture_that_cannot_be_drawn_is_left_out_and_logged(tmp_path, monkeypatch, caplog):
    async def broken(audio_path: Path, *, title: str, member_name: str, locale: str) -> bytes:
        raise PictureError("no font")

    audio = tmp_path / "song.mp3"
    audio.write_bytes(b"ID3")
    monkeypatch.setattr(presenter, "song_card_png", broken)
    with caplog.at_level(logging.WARNING, logger="songjam.presenter"):
        assert await JobPresenter._picture(job(), audio, "en") is None
    assert "posting the song without it" in caplog.text
    assert await JobPresenter._picture(job(), tmp_path / "missing.mp3", "en") is None, "no file (a link): no picture"


async def test_a_picture_is_drawn_for_a_made_song(tmp_path):
    audio = tmp_path / "song.mp3"
    audio.write_bytes(make_mp3(3.0))
    png = await JobPresenter._picture(job(title="Summer"), audio, "en")
    assert png is not None and png.startswith(b"\x89PNG")


def post(content: str = "", *, files: tuple[str, ...] = (), nonce: str | None = None) -> SimpleNamespace:
    """A message as history returns it: no nonce (Discord keeps none), its words and its files."""
    return SimpleNamespace(content=content, nonce=nonce, attachments=[SimpleNamespace(filename=f) for f in files])


def test_an_earlier_post_of_the_song_is_recognised_whatever_its_language():
    made = job(state=JobState.COMPLETED, result_url="https://cdn.music.example/7.mp3")
    for locale in SHIPPED_LOCALES:
        as_file = post(delivery_message(made, as_link=False, locale=locale),
                       files=("songjam-7-my-ref.mp3", "songjam-7-my-ref.png"))
        as_link = post(delivery_message(made, as_link=True, locale=locale), files=("songjam-7-my-ref.png",))
        bare_link = post(delivery_message(made, as_link=True, locale=locale))  # no picture could be drawn
        assert all(is_song_post(m, made) for m in (as_file, as_link, bare_link)), locale
    old = post("<@3> your song from job 7 is ready, but it is too large to upload here. Download it (the link "
               "expires within a day): https://cdn.music.example/7.mp3")
    assert is_song_post(old, made), "a post from before the catalogue"
    other = job(id=17, state=JobState.COMPLETED, result_url="https://cdn.music.example/17.mp3")
    assert not is_song_post(post(delivery_message(other, as_link=True, locale="es-ES"),
                                 files=("songjam-17-my-ref.png",)), made)
    assert not is_song_post(post(delivery_message(other, as_link=False, locale="en"),
                                 files=("songjam-17-my-ref.mp3",)), made)
    assert not is_song_post(post(delivery_message(made, as_link=False, locale="en")), job()), (
        "words alone (no file, no link) are not the song")


async def test_the_servers_language_is_looked_up_once_per_unfinished_job():
    asked: list[int] = []

    async def server_locale(guild_id: int) -> str:
        asked.append(guild_id)
        return "ja"

    shown = JobPresenter(None, None, server_locale)  # type: ignore[arg-type]
    assert [await shown._locale(job()) for _ in range(3)] == ["ja"] * 3 and asked == [1]
    assert await shown._locale(job(id=8, state=JobState.FAILED)) == "ja" and 8 not in shown._locales, (
        "a finished job is not remembered")
