"""The fake music API follows the contract in docs/music-api.md."""

from __future__ import annotations

import asyncio
import base64
import io
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import aiohttp
import mutagen
import pytest
from mutagen.mp3 import MP3
from yarl import URL

from fakes.audio import make_mp3, make_png, make_wav
from fakes.music_api import FakeMusicApi, RequestFault, TaskBehaviour, Timing

ENVELOPE_KEYS = {"message", "path", "requestId", "statusCode", "timestamp"}


@pytest.fixture
async def fake() -> AsyncIterator[FakeMusicApi]:
    async with FakeMusicApi() as api:
        yield api


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


def auth(key: str = "test-key") -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def legacy_body(fake: FakeMusicApi, prompt: str = "##Side by side\n\nwe win##", **extra: Any) -> dict:
    return {
        "model": "minimax-music",
        "prompt": prompt,
        "reference_audio_url": fake.host_file("ref.mp3", make_mp3(20)),
        **extra,
    }


async def submit(
    session: aiohttp.ClientSession, fake: FakeMusicApi, body: dict, key: str = "test-key"
) -> tuple[int, Any]:
    async with session.post(f"{fake.base_url}/v2/generate/audio", json=body, headers=auth(key)) as r:
        return r.status, await r.json(content_type=None)


def poll_url(fake: FakeMusicApi, generation_id: str) -> URL:
    return URL(f"{fake.base_url}/v2/generate/audio?generation_id={quote(generation_id, safe='')}", encoded=True)


async def poll(session: aiohttp.ClientSession, fake: FakeMusicApi, generation_id: str) -> tuple[int, Any]:
    async with session.get(poll_url(fake, generation_id), headers=auth()) as r:
        return r.status, await r.json(content_type=None)


async def wait_for_status(
    session: aiohttp.ClientSession, fake: FakeMusicApi, generation_id: str, status: str, within: float = 3.0
) -> dict:
    deadline = time.monotonic() + within
    while True:
        code, answer = await poll(session, fake, generation_id)
        if code == 200 and answer["status"] == status:
            return answer
        assert time.monotonic() < deadline, f"still {answer} after {within} s"
        await asyncio.sleep(0.02)


def assert_envelope(answer: Any, status: int, path: str = "/v2/generate/audio") -> None:
    assert ENVELOPE_KEYS <= set(answer)
    assert answer["statusCode"] == status
    assert answer["path"] == path
    assert datetime.fromisoformat(answer["timestamp"]).tzinfo is not None


# --- audio generators --------------------------------------------------------------------


def test_make_mp3_is_a_real_mp3_of_the_right_length_and_size() -> None:
    data = make_mp3(60)
    audio = MP3(io.BytesIO(data))
    assert audio.info.length == pytest.approx(60, abs=0.2)
    assert audio.info.bitrate == 128000
    assert 900_000 < len(data) < 1_100_000
    assert make_mp3(60) is data  # cached


def test_make_mp3_pad_to_bytes_makes_a_big_valid_file_cheaply() -> None:
    data = make_mp3(10, bitrate_kbps=32, pad_to_bytes=3_000_000)
    assert len(data) >= 3_000_000
    assert MP3(io.BytesIO(data)).info.length > 600


def test_make_wav_and_png() -> None:
    wav = mutagen.File(io.BytesIO(make_wav(2.5, sample_rate=22050)))
    assert wav is not None and wav.info.length == pytest.approx(2.5)
    png = make_png()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert mutagen.File(io.BytesIO(png)) is None


# --- the happy path ----------------------------------------------------------------------


async def test_lifecycle_queued_generating_completed_with_a_real_mp3(fake, session) -> None:
    fake.timing = Timing(queued_s=0.1, generating_s=0.2)
    status, answer = await submit(session, fake, legacy_body(fake))
    assert status == 201
    assert answer["status"] == "queued"
    task_uuid, model = answer["id"].split(":", 1)
    assert model == "minimax-music" and uuid.UUID(task_uuid).version == 4
    generation_id = answer["id"]

    assert (await poll(session, fake, generation_id))[1] == {
        "id": generation_id,
        "status": "queued",
        "audio_file": None,
        "error": None,
    }
    assert (await wait_for_status(session, fake, generation_id, "generating"))["audio_file"] is None
    done = await wait_for_status(session, fake, generation_id, "completed")
    audio_file = done["audio_file"]
    assert audio_file["content_type"] == "audio/mpeg"
    assert audio_file["file_name"] == "output.mp3"
    assert done["error"] is None
    assert not audio_file["url"].startswith(fake.base_url)  # the CDN is another origin

    async with session.get(audio_file["url"]) as r:
        assert r.status == 200
        assert r.content_type == "audio/mpeg"
        assert r.content_length == audio_file["file_size"]
        data = await r.read()
    assert len(data) == audio_file["file_size"]
    assert MP3(io.BytesIO(data)).info.length == pytest.approx(fake.audio_seconds, abs=0.2)

    task = fake.only_task()
    assert task.completed_at is not None and task.completed_at <= time.monotonic()
    assert task.completed_at_wall is not None and task.completed_at_wall <= datetime.now(UTC)
    assert fake.counters.submits == 1
    assert fake.counters.submits_by_prompt[task.body["prompt"]] == 1
    assert fake.counters.submits_by_reference[task.body["reference_audio_url"]] == 1
    assert fake.counters.reference_fetches == 1
    assert fake.counters.polls[generation_id] == task.polls >= 3
    assert fake.counters.downloads[generation_id] == 1
    assert fake.counters.downloads_with_auth == 0


async def test_slow_post_takes_the_configured_delay(fake, session) -> None:
    fake.timing = Timing(post_delay_s=(0.3, 0.35))
    started = time.monotonic()
    status, _ = await submit(session, fake, legacy_body(fake))
    assert status == 201
    assert time.monotonic() - started >= 0.3


async def test_ids_with_slashes_are_decoded_from_the_query(fake, session) -> None:
    body = {"model": "minimax/music-2.6", "prompt": "upbeat synth pop", "lyrics": "[Verse]\nla la la"}
    status, answer = await submit(session, fake, body)
    assert status == 201 and answer["id"].endswith(":minimax/music-2.6")
    assert (await poll(session, fake, answer["id"]))[0] == 200
    double_encoded = URL(
        f"{fake.base_url}/v2/generate/audio?generation_id={quote(quote(answer['id'], safe=''), safe='')}",
        encoded=True,
    )
    async with session.get(double_encoded, headers=auth()) as r:
        assert r.status == 404


async def test_unknown_id_path_and_method_answer_the_envelope(fake, session) -> None:
    status, answer = await poll(session, fake, f"{uuid.uuid4()}:minimax-music")
    assert status == 404
    assert_envelope(answer, 404)
    async with session.get(f"{fake.base_url}/v1/nothing") as r:
        assert r.status == 404
        assert_envelope(await r.json(), 404, "/v1/nothing")
    async with session.delete(f"{fake.base_url}/v2/generate/audio", headers=auth()) as r:
        assert r.status == 405
        assert_envelope(await r.json(), 405)
    async with session.get(f"{fake.base_url}/v2/generate/audio", headers=auth()) as r:
        assert r.status == 400


# --- auth --------------------------------------------------------------------------------


async def test_auth_is_checked_before_the_body(fake, session) -> None:
    for headers in ({}, auth("wrong"), {"Authorization": "test-key"}):
        async with session.post(f"{fake.base_url}/v2/generate/audio", data=b"not json", headers=headers) as r:
            assert r.status == 401
            assert_envelope(await r.json(), 401)
        async with session.get(poll_url(fake, "x:minimax-music"), headers=headers) as r:
            assert r.status == 401
    assert fake.counters.submits == 0


async def test_a_key_out_of_credits_gets_403_at_submit_but_can_still_poll(fake, session) -> None:
    status, answer = await submit(session, fake, legacy_body(fake))
    fake.keys_without_credits.add("test-key")
    status, answer = await submit(session, fake, legacy_body(fake))
    assert status == 403
    assert_envelope(answer, 403)
    assert "credits" in answer["message"]
    assert (await poll(session, fake, fake.only_task().id))[0] == 200


# --- validation --------------------------------------------------------------------------


def music(model: str, **fields: Any) -> dict:
    return {"model": model, **fields}


LYRICS = "[Verse]\nSide by side, through thick and thin"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (music("minimax-music", prompt="x" * 601, reference_audio_url="http://x/a.mp3"), "prompt"),
        (music("minimax-music", prompt="la", reference_audio_url=None), "reference_audio_url"),
        (music("minimax-music", reference_audio_url="http://x/a.mp3"), "prompt"),
        (music("minimax-musik", prompt="la"), "model"),
        ({"prompt": "la"}, "model"),
        (music("minimax/music-cover", prompt="too short", reference_audio_url="http://x/a.mp3"), "prompt"),
        (music("minimax/music-cover", prompt="x" * 2001, reference_audio_url="http://x/a.mp3"), "prompt"),
        (music("minimax/music-cover", prompt="a calm piano ballad", lyrics="x" * 3001), "lyrics"),
        (music("minimax/music-cover", prompt="a calm piano ballad"), "reference_audio_url"),
        (music("minimax/music-2.6", prompt="x" * 2001), "prompt"),
        (music("minimax/music-2.6", lyrics="x" * 3001), "lyrics"),
        (music("minimax/music-2.6", prompt="pop", is_instrumental="yes"), "is_instrumental"),
        (music("minimax/music-2.6", prompt="pop", audio_setting={"sample_rate": 22050}), "audio_setting"),
        (music("minimax/music-2.0", prompt="a calm piano ballad"), "lyrics"),
        (music("minimax/music-2.0", prompt="short", lyrics=LYRICS), "prompt"),
        (music("minimax/music-1.5", prompt="x" * 301, lyrics=LYRICS), "prompt"),
        (music("minimax/music-1.5", prompt="a calm piano ballad", lyrics="short"), "lyrics"),
    ],
)
async def test_body_validation(fake, session, body, field) -> None:
    status, answer = await submit(session, fake, body)
    assert status == 400
    assert_envelope(answer, 400)
    assert answer["message"] == "Body validation error!"
    assert answer["detail"][0]["loc"] == ["body", field]
    assert fake.counters.submits == 0
    assert fake.counters.reference_fetches == 0  # validation happens before the fetch


@pytest.mark.parametrize(
    "body",
    [
        music("minimax/music-2.6", prompt="upbeat synth pop", is_instrumental=True),
        music("minimax/music-2.0", prompt="a calm piano ballad", lyrics=LYRICS),
        music("minimax/music-1.5", prompt="a calm piano ballad", lyrics=LYRICS),
    ],
)
async def test_models_without_reference_are_accepted(fake, session, body) -> None:
    status, answer = await submit(session, fake, body)
    assert status == 201, answer
    assert answer["id"].endswith(":" + body["model"])


async def test_the_reference_is_fetched_and_checked(fake, session) -> None:
    cases = {
        "png.mp3": make_png(),
        "short.mp3": make_mp3(10),
        "exactly-fifteen.wav": make_wav(15),
    }
    for name, data in cases.items():
        body = {**legacy_body(fake), "reference_audio_url": fake.host_file(name, data)}
        status, answer = await submit(session, fake, body)
        assert status == 400, name
        assert answer["detail"][0]["loc"] == ["body", "reference_audio_url"]
    dead = f"{fake.cdn_url}/hosted/nothing/here.mp3"
    status, answer = await submit(session, fake, {**legacy_body(fake), "reference_audio_url": dead})
    assert status == 400 and "404" in answer["detail"][0]["msg"]
    wav = {**legacy_body(fake), "reference_audio_url": fake.host_file("ok.wav", make_wav(16))}
    assert (await submit(session, fake, wav))[0] == 201
    assert fake.counters.hosted_fetches["png.mp3"] == 1
    assert fake.counters.reference_fetches == 5
    assert fake.counters.submits == 1


async def test_cover_reference_limits_and_base64(fake, session) -> None:
    def cover(reference: str) -> dict:
        return music("minimax/music-cover", prompt="a calm piano ballad", lyrics=LYRICS, reference_audio_url=reference)

    assert (await submit(session, fake, cover(fake.host_file("a.mp3", make_mp3(5)))))[0] == 400
    assert (await submit(session, fake, cover(fake.host_file("b.mp3", make_mp3(8)))))[0] == 201
    encoded = base64.b64encode(make_mp3(8)).decode()
    assert (await submit(session, fake, cover(encoded)))[0] == 201
    assert (await submit(session, fake, cover("not base64 at all!")))[0] == 400
    long_file = make_mp3(10, bitrate_kbps=32, pad_to_bytes=1_600_000)  # ~400 s
    assert (await submit(session, fake, cover(fake.host_file("c.mp3", long_file))))[0] == 400


# --- request faults ----------------------------------------------------------------------


async def test_submit_faults_answer_before_creating_anything(fake, session) -> None:
    fake.add_fault(RequestFault("submit", 429, retry_after="2"))
    fake.add_fault(RequestFault("submit", 429))
    fake.add_fault(RequestFault("submit", 503, times=2))
    async with session.post(f"{fake.base_url}/v2/generate/audio", json=legacy_body(fake), headers=auth()) as r:
        assert (r.status, r.headers["Retry-After"]) == (429, "2")
        assert_envelope(await r.json(), 429)
    async with session.post(f"{fake.base_url}/v2/generate/audio", json=legacy_body(fake), headers=auth()) as r:
        assert r.status == 429 and "Retry-After" not in r.headers
    assert [(await submit(session, fake, legacy_body(fake)))[0] for _ in range(3)] == [503, 503, 201]
    assert fake.counters.submit_requests == 5
    assert fake.counters.submits == 1
    assert fake.counters.faults_fired == 4
    assert fake.faults == []


async def test_html_error_page_and_custom_message(fake, session) -> None:
    fake.add_fault(RequestFault("submit", 502, html=True))
    fake.add_fault(RequestFault("submit", 500, message="Maintenance"))
    async with session.post(f"{fake.base_url}/v2/generate/audio", json=legacy_body(fake), headers=auth()) as r:
        assert r.status == 502 and r.content_type == "text/html"
        assert "<h1>502 Bad Gateway</h1>" in await r.text()
    assert (await submit(session, fake, legacy_body(fake)))[1]["message"] == "Maintenance"


async def test_a_committed_submit_fault_creates_the_task_then_fails(fake, session) -> None:
    fake.add_fault(RequestFault("submit", 502, commit=True))
    assert (await submit(session, fake, legacy_body(fake)))[0] == 502
    assert fake.counters.submits == 1
    assert fake.only_task().status() in ("queued", "generating")


async def test_a_hanging_submit_keeps_the_connection_open(fake, session) -> None:
    fake.add_fault(RequestFault("submit", hang=True, commit=True))
    with pytest.raises(TimeoutError):
        await session.post(
            f"{fake.base_url}/v2/generate/audio",
            json=legacy_body(fake),
            headers=auth(),
            timeout=aiohttp.ClientTimeout(total=0.5),
        )
    assert fake.counters.submits == 1  # the gateway got it and charged for it


async def test_a_dropped_submit_closes_the_connection(fake, session) -> None:
    fake.add_fault(RequestFault("submit", drop=True))
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await session.post(f"{fake.base_url}/v2/generate/audio", json=legacy_body(fake), headers=auth())


async def test_flaky_polls_fail_every_kth_time_while_the_task_progresses(fake, session) -> None:
    _, answer = await submit(session, fake, legacy_body(fake))
    fake.add_fault(RequestFault("poll", 503, every=3, times=None, task_id=answer["id"]))
    codes = []
    for _ in range(9):
        codes.append((await poll(session, fake, answer["id"]))[0])
        await asyncio.sleep(0.04)
    assert codes == [200, 200, 503] * 3
    await wait_for_status(session, fake, answer["id"], "completed")


async def test_poll_504_generation_timeout(fake, session) -> None:
    _, answer = await submit(session, fake, legacy_body(fake))
    fake.add_fault(RequestFault("poll", 504))
    status, error = await poll(session, fake, answer["id"])
    assert status == 504 and error["message"] == "Generation timeout"


async def test_faults_can_target_one_task_by_prompt_marker(fake, session) -> None:
    fake.add_fault(RequestFault("submit", 500, prompt_contains="[fail-me]", times=None))
    assert (await submit(session, fake, legacy_body(fake, "fine")))[0] == 201
    assert (await submit(session, fake, legacy_body(fake, "x [fail-me]")))[0] == 500
    assert (await submit(session, fake, legacy_body(fake, "x [fail-me]")))[0] == 500
    assert fake.counters.submits == 1


# --- task behaviours ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shape", "expected"),
    [
        ("message", {"name": "GenerationError", "message": "Downstream service error"}),
        (
            "detail",
            {"detail": [{"loc": ["body", "prompt"], "msg": "Downstream service error", "type": "value_error"}]},
        ),
    ],
)
async def test_tasks_can_end_in_either_error_shape(fake, session, shape, expected) -> None:
    fake.on_next_task(TaskBehaviour(outcome="error", error_shape=shape))
    _, answer = await submit(session, fake, legacy_body(fake))
    failed = await wait_for_status(session, fake, answer["id"], "error")
    assert failed["error"] == expected
    assert failed["audio_file"] is None
    assert fake.only_task().completed_at is None


async def test_a_task_that_never_finishes_until_told(fake, session) -> None:
    fake.on_next_task(TaskBehaviour(outcome="never", queued_s=0, generating_s=0))
    _, answer = await submit(session, fake, legacy_body(fake))
    await asyncio.sleep(0.1)
    assert (await poll(session, fake, answer["id"]))[1]["status"] == "generating"
    fake.only_task().behaviour.outcome = "completed"
    assert (await poll(session, fake, answer["id"]))[1]["status"] == "completed"


async def test_rules_match_by_prompt_and_run_out(fake, session) -> None:
    fake.on_next_task(TaskBehaviour(outcome="error"), prompt_contains="[boom]", times=2)
    fake.on_next_task(TaskBehaviour(submit_status=200), times=None)
    ids = [
        (await submit(session, fake, legacy_body(fake, p)))[1]["id"] for p in ("a [boom]", "b", "c [boom]", "d [boom]")
    ]
    outcomes = [fake.tasks[i].behaviour.outcome for i in ids]
    assert outcomes == ["error", "completed", "error", "completed"]
    assert [fake.tasks[i].behaviour.submit_status for i in ids] == [201, 200, 201, 200]


async def test_submit_200_legacy_id_field_and_waiting_status(fake, session) -> None:
    fake.on_next_task(TaskBehaviour(submit_status=200, legacy_id_field=True, queued_status="waiting", queued_s=5))
    status, answer = await submit(session, fake, legacy_body(fake))
    assert status == 200
    assert set(answer) == {"generation_id", "status"} and answer["status"] == "waiting"
    polled = (await poll(session, fake, answer["generation_id"]))[1]
    assert polled["generation_id"] == answer["generation_id"] and "id" not in polled


async def test_placeholder_audio_file_before_completion(fake, session) -> None:
    fake.on_next_task(TaskBehaviour(placeholder_audio_file=True, generating_s=0.4))
    _, answer = await submit(session, fake, legacy_body(fake))
    generating = await wait_for_status(session, fake, answer["id"], "generating")
    placeholder = generating["audio_file"]
    assert placeholder is not None and placeholder["file_size"] == 0
    async with session.get(placeholder["url"]) as r:
        assert r.status == 404  # not ready yet
    done = await wait_for_status(session, fake, answer["id"], "completed")
    async with session.get(done["audio_file"]["url"]) as r:
        assert r.status == 200


@pytest.mark.parametrize(
    ("behaviour", "status"),
    [(TaskBehaviour(audio_missing=True), 404), (TaskBehaviour(audio_ttl_s=0), 403)],
)
async def test_audio_urls_that_404_or_expire(fake, session, behaviour, status) -> None:
    fake.on_next_task(behaviour)
    _, answer = await submit(session, fake, legacy_body(fake))
    done = await wait_for_status(session, fake, answer["id"], "completed")
    async with session.get(done["audio_file"]["url"]) as r:
        assert r.status == status
        assert r.content_type == "application/xml"
    assert fake.counters.downloads[answer["id"]] == 0


async def test_audio_url_expires_after_its_ttl(fake, session) -> None:
    fake.on_next_task(TaskBehaviour(audio_ttl_s=0.3))
    _, answer = await submit(session, fake, legacy_body(fake))
    url = (await wait_for_status(session, fake, answer["id"], "completed"))["audio_file"]["url"]
    async with session.get(url) as r:
        assert r.status == 200
    await asyncio.sleep(0.35)
    async with session.get(url) as r:
        assert r.status == 403


async def test_oversized_output(fake, session) -> None:
    fake.on_next_task(TaskBehaviour(audio_min_bytes=8_000_000))
    _, answer = await submit(session, fake, legacy_body(fake))
    done = await wait_for_status(session, fake, answer["id"], "completed")
    assert done["audio_file"]["file_size"] >= 8_000_000
    async with session.get(done["audio_file"]["url"]) as r:
        assert r.content_length == done["audio_file"]["file_size"]
        assert len(await r.read()) == done["audio_file"]["file_size"]


async def test_download_faults_and_auth_leak_counter(fake, session) -> None:
    _, answer = await submit(session, fake, legacy_body(fake))
    url = (await wait_for_status(session, fake, answer["id"], "completed"))["audio_file"]["url"]
    fake.add_fault(RequestFault("download", 503, task_id=answer["id"]))
    async with session.get(url, headers=auth()) as r:
        assert r.status == 503
    async with session.get(url) as r:
        assert r.status == 200
    assert fake.counters.download_requests == 2
    assert fake.counters.downloads_with_auth == 1


# --- admin HTTP endpoints ----------------------------------------------------------------


async def test_admin_endpoints_drive_the_fake_from_another_process(fake, session) -> None:
    admin = f"{fake.base_url}/_fake"
    async with session.post(f"{admin}/faults", json={"endpoint": "submit", "status": 429, "retry_after": "1"}) as r:
        assert r.status == 201
    async with session.post(f"{admin}/task-rules", json={"outcome": "error", "error_shape": "detail"}) as r:
        assert r.status == 201
    async with session.post(f"{admin}/files/ref.wav", data=io.BytesIO(make_wav(16))) as r:
        reference = (await r.json())["url"]
    body = {**legacy_body(fake), "reference_audio_url": reference}
    assert (await submit(session, fake, body))[0] == 429
    status, answer = await submit(session, fake, body)
    assert status == 201
    failed = await wait_for_status(session, fake, answer["id"], "error")
    assert "detail" in failed["error"]

    async with session.get(f"{admin}/state") as r:
        state = await r.json()
    assert state["counters"]["submit_requests"] == 2 and state["counters"]["submits"] == 1
    assert state["counters"]["submits_by_reference"] == {reference: 1}
    assert [task["id"] for task in state["tasks"]] == [answer["id"]]
    assert state["tasks"][0]["status"] == "error"

    async with session.post(
        f"{admin}/config", json={"api_keys": ["other"], "timing": {"generating_s": [0.1, 0.2]}}
    ) as r:
        assert r.status == 200
    assert fake.timing.generating_s == (0.1, 0.2)
    assert (await submit(session, fake, body))[0] == 401

    async with session.post(f"{admin}/faults", json={"endpoint": "nowhere"}) as r:
        assert r.status == 400
    async with session.post(f"{admin}/faults", json={"endpoint": "poll", "bogus": 1}) as r:
        assert r.status == 400
    async with session.post(f"{admin}/faults", json={"endpoint": "poll", "status": 500, "times": None}) as r:
        assert r.status == 201
    async with session.delete(f"{admin}/faults") as r:
        assert r.status == 200
    assert fake.faults == [] and fake.task_rules == []
    async with session.post(f"{admin}/reset") as r:
        assert r.status == 200
    assert fake.tasks == {} and fake.counters.submits == 0


async def test_completion_times_are_exposed_for_benchmarks(fake, session) -> None:
    fake.timing = Timing(queued_s=0.05, generating_s=0.1)
    _, answer = await submit(session, fake, legacy_body(fake))
    await wait_for_status(session, fake, answer["id"], "completed")
    observed = time.monotonic()
    async with session.get(f"{fake.base_url}/_fake/state") as r:
        task = (await r.json())["tasks"][0]
    assert 0 <= observed - task["completed_at_monotonic"] < 0.5
    assert datetime.fromisoformat(task["completed_at_wall"]) <= datetime.now(UTC)
