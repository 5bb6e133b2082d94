"""The next steps' refusals: private, and nothing started (so nothing charged)."""

from __future__ import annotations

import dataclasses
import functools
import time
from types import SimpleNamespace
from typing import Any

import discord
import pytest

from bot.core.i18n import SHIPPED_LOCALES
from bot.songs.catalog import MODELS
from bot.songs.ui.remake import (
    DISCORD_DOWN,
    REFERENCE_GONE,
    REFERENCE_UNKNOWN,
    SONG_GONE,
    CoverModal,
    NextSteps,
)
from tests.songs.ui.test_next_steps import make_job

ALICE, BOB, GUILD = 3, 4, 1
FRESH = f"https://cdn.discordapp.com/attachments/2/9/ref.mp3?ex={int(time.time() + 86_000):x}&is=0&hm=a&"
STALE = f"https://cdn.discordapp.com/attachments/2/9/ref.mp3?ex={int(time.time() - 10):x}&is=0&hm=a&"


class Response:
    def __init__(self) -> None:
        self.done = False
        self.said: list[str] = []

    def is_done(self) -> bool:
        return self.done

    async def defer(self, **_: Any) -> None:
        self.done = True

    async def send_message(self, content: str, **_: Any) -> None:
        self.done = True
        self.said.append(content)


class Http:
    def __init__(self, answer: dict[str, Any] | Exception) -> None:
        self.answer = answer
        self.asked: list[Any] = []

    async def request(self, route: discord.http.Route, json: Any) -> Any:
        self.asked.append((route.method, route.path, json))
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def interaction(user_id: int, http: Http | None = None, locale: str = "en-US") -> Any:
    response = Response()

    async def followup_send(content: str, **_: Any) -> None:
        response.said.append(content)

    return SimpleNamespace(user=SimpleNamespace(id=user_id), guild_id=GUILD, response=response, locale=locale,
                           followup=SimpleNamespace(send=followup_send), client=SimpleNamespace(http=http))


class Gate:
    async def credits_left(self, interaction: Any) -> int | None:
        return None

    async def refuse_if_barred(self, interaction: Any) -> bool:
        return False


def steps(job: Any) -> tuple[NextSteps, list[Any]]:
    started: list[Any] = []

    async def get_job(job_id: int) -> Any:
        return job if job is not None and job.id == job_id else None

    async def start_job(ix: Any, upload: Any, lyrics: str, style: Any, *, jam: Any = None, title: Any = None) -> None:
        started.append((upload.url, lyrics, title))

    async def busy(ix: Any, exc: BaseException) -> None:
        raise exc

    storage: Any = SimpleNamespace(get_job=get_job)
    return NextSteps(MODELS["minimax-music"], storage, Gate(), start_job, busy), started


def song(**changes: Any) -> Any:
    fields = {"guild_id": GUILD, "user_id": ALICE, "reference_size": 1000, "reference_type": "audio/mpeg",
              "lyrics": "la la", "title": "T"} | changes
    return dataclasses.replace(make_job(id=5), **fields)


async def test_an_unknown_song_and_another_members_song_are_refused_privately():
    handlers, started = steps(song(reference_url=FRESH))
    unknown = interaction(ALICE)
    await handlers.again(unknown, 99, confirmed=False)
    assert unknown.response.said == [str(SONG_GONE)]
    other = interaction(BOB)
    await handlers.edit_lyrics(other, 5)
    assert other.response.said == [f"Only <@{ALICE}> can edit this song's lyrics. Run `/song create` to make your own."]
    assert started == []


async def test_the_refusals_speak_the_members_language():
    handlers, started = steps(song(reference_url=FRESH))
    portuguese = interaction(BOB, locale="pt-BR")
    await handlers.again(portuguese, 5, confirmed=False)
    assert portuguese.response.said == [
        f"Só <@{ALICE}> pode fazer esta música de novo. Use `/música criar` para fazer a sua."]
    japanese = interaction(ALICE, locale="ja")
    await handlers.cover(japanese, 5)
    assert japanese.response.said[0].startswith("このボットの音楽モデル `minimax-music` は"
                                                "スタイルの説明を受け付けません")
    assert started == []


async def test_a_song_older_than_its_kept_reference_details_is_refused():
    handlers, started = steps(song(reference_url=FRESH, reference_size=None))
    ix = interaction(ALICE)
    await handlers.again(ix, 5, confirmed=False)
    assert ix.response.said == [str(REFERENCE_UNKNOWN)] and started == []


async def test_a_fresh_link_is_used_as_it_is_without_asking_discord():
    handlers, started = steps(song(reference_url=FRESH))
    http = Http(RuntimeError("must not be asked"))  # type: ignore[arg-type]
    await handlers.again(interaction(ALICE, http), 5, confirmed=False)
    assert started == [(FRESH, "la la", "T")] and http.asked == []


@pytest.mark.parametrize(("answer", "told"), [
    ({"refreshed_urls": []}, REFERENCE_GONE),
    (discord.DiscordServerError(SimpleNamespace(status=503, reason="down"), "down"), DISCORD_DOWN),
])
async def test_a_stale_link_discord_does_not_renew_starts_nothing(answer, told):
    handlers, started = steps(song(reference_url=STALE))
    ix = interaction(ALICE, Http(answer))
    await handlers.again(ix, 5, confirmed=False)
    assert ix.response.said == [str(told)] and started == []


async def test_a_stale_link_is_renewed_and_the_new_one_is_used():
    handlers, started = steps(song(reference_url=STALE))
    http = Http({"refreshed_urls": [{"original": STALE, "refreshed": FRESH}]})
    await handlers.again(interaction(ALICE, http), 5, confirmed=False)
    assert http.asked == [("POST", "/attachments/refresh-urls", {"attachment_urls": [STALE]})]
    assert started == [(FRESH, "la la", "T")]


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
async def test_the_cover_form_is_in_the_members_language_within_discords_limits(locale):
    cover = MODELS["minimax/music-cover"]
    payload = CoverModal(cover, song(style="lo-fi, soft vocals"), functools.partial(print), locale).to_dict()
    label = payload["components"][0]
    assert 0 < len(payload["title"]) <= 45 and 0 < len(label["label"]) <= 45
    assert len(label["description"]) <= 100 and len(label["component"]["placeholder"]) <= 100
    assert label["component"]["value"] == "lo-fi, soft vocals"
    if locale == "es-ES":
        assert (payload["title"], label["label"], label["description"]) == (
            "Versión con un estilo", "Estilo", "De 10 a 2.000 caracteres")
