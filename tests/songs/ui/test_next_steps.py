"""The buttons under a delivered song: which there are, and how they sit with the jams' buttons."""

from __future__ import annotations

import dataclasses

import discord
import pytest

from bot.songs.catalog import MODELS
from bot.songs.jobs import Job, JobState
from bot.songs.ui.next_steps import NextStepButtons, compose, confirm_view, first_audio, next_step_items

LEGACY = MODELS["minimax-music"]
COVER = MODELS["minimax/music-cover"]


def make_job(id: int) -> Job:
    return Job(
        id=id, guild_id=1, channel_id=2, user_id=3, model="minimax-music", prompt_text="##la##", style=None,
        reference_url="https://cdn.discordapp.com/attachments/2/9/ref.mp3", reference_name="ref.mp3", jam_id=None,
        state=JobState.DELIVERED, api_status="completed", generation_id="g", status_message_id=None,
        result_url=None, result_path=None, result_bytes=None, delivery=None, delivery_message_id=None,
        failure_reason=None, charged=True, refunded=False, created_at=0.0, submitted_at=None, completed_at=None,
        finished_at=None, expires_at=0.0, next_attempt_at=None, poll_count=0, fault_streak=0, member_notified=False,
    )


async def english(guild_id: int) -> str:
    return "en"


def rows(view: discord.ui.View) -> list[list[str]]:
    """The custom ids of the view's buttons, row by row, as Discord receives them."""
    return [[c["custom_id"] for c in row["components"]] for row in view.to_components()]


def jam_view(*custom_ids: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for custom_id in custom_ids:
        view.add_item(discord.ui.Button(label="Jam", custom_id=custom_id))
    return view


async def test_again_and_edit_come_first_and_the_jam_button_on_the_next_row():
    async def jams(job):
        return jam_view(f"songjam:jamsubmit:{job.id}")

    view = await NextStepButtons(LEGACY, jams, english)(make_job(id=7))
    assert rows(view) == [["songjam:again:7", "songjam:edit:7"], ["songjam:jamsubmit:7"]]
    assert view.timeout is None


async def test_cover_only_with_a_model_that_takes_a_style_and_no_jam_row_without_a_jam():
    async def no_jam(job):
        return None

    assert rows(await NextStepButtons(COVER, no_jam, english)(make_job(id=3))) == [
        ["songjam:again:3", "songjam:edit:3", "songjam:cover:3"]]
    assert [item.custom_id for item in next_step_items(make_job(id=3), LEGACY, "en")] == [
        "songjam:again:3", "songjam:edit:3"]


def test_the_other_capability_keeps_its_own_row_order_below():
    other = jam_view("a", "b")
    other.children[1].row = 1
    assert rows(compose(next_step_items(make_job(id=1), LEGACY, "en"), other)) == [
        ["songjam:again:1", "songjam:edit:1"], ["a"], ["b"]]


def labels(view: discord.ui.View) -> list[list[str]]:
    return [[c["label"] for c in row["components"]] for row in view.to_components()]


async def test_the_buttons_under_a_song_speak_the_servers_language():
    asked: list[int] = []

    async def spanish(guild_id: int) -> str:
        asked.append(guild_id)
        return "es-ES"

    async def no_jam(job):
        return None

    view = await NextStepButtons(COVER, no_jam, spanish)(make_job(id=3))
    assert labels(view) == [["Otra vez", "Editar letra", "Versión con un estilo"]]
    assert asked == [1], "the job's server"
    assert labels(compose(next_step_items(make_job(id=3), LEGACY, "en"), None)) == [["Again", "Edit lyrics"]]


@pytest.mark.parametrize(("locale", "expected"), [("en", ["Confirm", "Cancel"]), ("pt-BR", ["Confirmar", "Cancelar"]),
                                                  ("ja", ["作る", "やめる"])])
def test_the_last_credit_question_speaks_the_members_language(locale, expected):
    assert labels(confirm_view(5, locale)) == [expected]


def test_a_row_never_holds_more_than_five_buttons():
    with pytest.raises(ValueError, match="at most 5"):
        compose([discord.ui.Button(label=str(i), custom_id=str(i)) for i in range(6)], None)


@dataclasses.dataclass
class File:
    filename: str
    content_type: str | None = None


def test_the_first_audio_file_is_found_by_extension_or_claimed_type():
    formats = LEGACY.reference_formats
    picture, song, voice = File("cover.png", "image/png"), File("take.MP3"), File("memo", "audio/ogg")
    assert first_audio([picture, song, voice], formats) is song
    assert first_audio([picture, voice], formats) is voice
    assert first_audio([picture, File("notes.txt", "text/plain")], formats) is None
    assert first_audio([File("song.flac")], formats) is None
    assert first_audio([File("song.flac")], COVER.reference_formats) is not None
