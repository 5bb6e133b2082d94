"""The presenter's pure parts: the card as a Discord embed, and a picture that fails never stopping a song."""

from __future__ import annotations

import logging
from pathlib import Path

from bot.songs.card import COLOURS, CardState, job_card, song_post
from bot.songs.picture import PictureError
from bot.songs.ui import presenter
from bot.songs.ui.presenter import JobPresenter, picture_filename, to_embed
from fakes.audio import make_mp3
from tests.songs.test_card import job


def test_the_card_becomes_an_embed_with_its_colour_author_fields_and_footer():
    embed = to_embed(job_card(job(), None)).to_dict()
    assert embed["color"] == COLOURS[CardState.MAKING] and embed["author"]["name"] == "Alice **A**"
    assert embed["title"] == "first line" and embed["footer"]["text"] == "Job 7 · being made"
    assert embed["fields"] == [{"name": "Reference", "value": "`my 'ref'.mp3`", "inline": True}]
    assert "image" not in embed


def test_the_song_post_shows_its_picture_from_the_attachment():
    name = picture_filename(job())
    assert name == "songjam-7-my-ref.png"
    embed = to_embed(song_post(job(), audio_seconds=None, image=f"attachment://{name}")).to_dict()
    assert embed["image"]["url"] == "attachment://songjam-7-my-ref.png"


async def test_a_picture_that_cannot_be_drawn_is_left_out_and_logged(tmp_path, monkeypatch, caplog):
    async def broken(audio_path: Path, *, title: str, member_name: str) -> bytes:
        raise PictureError("no font")

    audio = tmp_path / "song.mp3"
    audio.write_bytes(b"ID3")
    monkeypatch.setattr(presenter, "song_card_png", broken)
    with caplog.at_level(logging.WARNING, logger="songjam.presenter"):
        assert await JobPresenter._picture(job(), audio) is None
    assert "posting the song without it" in caplog.text
    assert await JobPresenter._picture(job(), tmp_path / "missing.mp3") is None, "no file (a link): no picture"


async def test_a_picture_is_drawn_for_a_made_song(tmp_path):
    audio = tmp_path / "song.mp3"
    audio.write_bytes(make_mp3(3.0))
    png = await JobPresenter._picture(job(title="Summer"), audio)
    assert png is not None and png.startswith(b"\x89PNG")
