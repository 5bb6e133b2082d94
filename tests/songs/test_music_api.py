"""The bot's music API client against the fake gateway (and a few odd hand-made servers)."""

from __future__ import annotations

import asyncio
import io
import logging
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from mutagen.mp3 import MP3
from yarl import URL

from bot.core.text import UPSTREAM_LIMIT
from bot.core.urls import UrlPolicy
from bot.songs.music_api import (
    MAX_REDIRECTS,
    Generation,
    MusicApiBadResult,
    MusicApiBusy,
    MusicApiClient,
    MusicApiError,
    MusicApiGenerationFailed,
    MusicApiNotSent,
    MusicApiOutcomeUnknown,
    MusicApiRejected,
    MusicApiUnavailable,
    audio_format,
)
from fakes.audio import make_flac, make_mp3, make_png, make_wav
from fakes.music_api import FakeMusicApi, RequestFault, TaskBehaviour

KEY = "sk-test-3f9c2b7e1d"  # distinctive, so a leak is easy to spot


@pytest.fixture
async def fake() -> AsyncIterator[FakeMusicApi]:
    async with FakeMusicApi(api_key=KEY) as api:
        yield api


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


@pytest.fixture
def client(fake, session) -> MusicApiClient:
    return MusicApiClient(session, fake.base_url, KEY, submit_timeout=5, poll_timeout=5)


@pytest.fixture(autouse=True)
def no_key_in_logs(caplog) -> Any:
    caplog.set_level(logging.DEBUG, logger="songjam.music_api")
    yield
    assert KEY not in caplog.text


def body(fake: FakeMusicApi, prompt: str = "##Side by side\n\nwe win##") -> dict[str, Any]:
    return {
        "model": "minimax-music",
        "prompt": prompt,
        "reference_audio_url": fake.host_file("ref.mp3", make_mp3(20)),
    }


async def wait_until_done(client: MusicApiClient, generation_id: str, within: float = 3.0) -> Generation:
    deadline = time.monotonic() + within
    while True:
        generation = await client.poll(generation_id)
        if not generation.is_pending:
            return generation
        assert time.monotonic() < deadline, generation
        await asyncio.sleep(0.02)


def assert_no_key(exc: BaseException) -> None:
    for text in (str(exc), repr(exc), getattr(exc, "user_message", ""), getattr(exc, "detail", "")):
        assert KEY not in text


async def serve(handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> tuple[web.AppRunner, str]:
    """A one-route server answering every path with ``handler`` (for answers the fake never gives)."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    sock = socket.create_server(("127.0.0.1", 0))
    await web.SockSite(runner, sock).start()
    return runner, f"http://127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture
async def odd_server() -> AsyncIterator[Callable[..., Awaitable[str]]]:
    runners: list[web.AppRunner] = []

    async def start(handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> str:
        runner, url = await serve(handler)
        runners.append(runner)
        return url

    yield start
    for runner in runners:
        await runner.cleanup()


# --- the happy path ----------------------------------------------------------------------


async def test_submit_poll_download(fake, client, tmp_path) -> None:
    generation_id = await client.submit(body(fake))
    assert generation_id.endswith(":minimax-music")
    first = await client.poll(generation_id)
    assert first.is_pending and first.audio_url is None

    done = await wait_until_done(client, generation_id)
    assert done.is_completed and not done.is_failed and done.error is None
    assert done.id == generation_id
    dest = tmp_path / "song.mp3"
    size = await client.download(done.audio_url, dest, max_bytes=2_000_000)
    assert size == done.audio_size == dest.stat().st_size
    assert MP3(io.BytesIO(dest.read_bytes())).info.length == pytest.approx(fake.audio_seconds, abs=0.2)
    assert not dest.with_suffix(".part").exists()
    assert fake.counters.submits == 1
    assert fake.counters.downloads[generation_id] == 1
    assert fake.counters.downloads_with_auth == 0  # the CDN is another origin: no key sent


async def test_the_key_is_sent_for_same_origin_downloads(fake, session, tmp_path) -> None:
    api = MusicApiClient(session, fake.base_url, KEY)
    generation = await wait_until_done(api, await api.submit(body(fake)))
    same_origin = MusicApiClient(session, fake.cdn_url + "/", KEY)
    await same_origin.download(generation.audio_url, tmp_path / "a.mp3", max_bytes=2_000_000)
    assert fake.counters.downloads_with_auth == 1


async def test_200_legacy_generation_id_and_waiting_status(fake, client) -> None:
    fake.on_next_task(TaskBehaviour(submit_status=200, legacy_id_field=True, queued_status="waiting", queued_s=0.5))
    generation_id = await client.submit(body(fake))
    waiting = await client.poll(generation_id)
    assert waiting.status == "waiting" and waiting.is_pending
    assert waiting.id == generation_id
    assert (await wait_until_done(client, generation_id)).is_completed


async def test_ids_with_slashes_are_url_encoded(fake, client) -> None:
    generation_id = await client.submit({"model": "minimax/music-2.6", "prompt": "synth pop", "is_instrumental": True})
    assert "/" in generation_id
    assert (await client.poll(generation_id)).id == generation_id
    assert fake.counters.polls[generation_id] == 1


async def test_a_placeholder_audio_file_is_ignored_before_completion(fake, client) -> None:
    fake.on_next_task(TaskBehaviour(placeholder_audio_file=True, queued_s=0, generating_s=2.0))
    generation_id = await client.submit(body(fake))
    generating = await client.poll(generation_id)
    assert generating.status == "generating"
    assert generating.audio_url is None and generating.audio_size is None and generating.is_pending


@pytest.mark.parametrize("shape", ["message", "detail"])
async def test_failed_generations_are_returned_with_their_error_text(fake, client, shape) -> None:
    fake.on_next_task(TaskBehaviour(outcome="error", error_shape=shape, error_message="Lyrics too long"))
    failed = await wait_until_done(client, await client.submit(body(fake)))
    assert failed.is_failed and not failed.is_completed
    assert failed.error == "Lyrics too long"
    assert failed.audio_url is None


def test_generation_states() -> None:
    def gen(status: str, url: str | None = None) -> Generation:
        return Generation("x", status, url, None, None)

    assert gen("completed", "http://cdn/x.mp3").is_completed
    assert gen("completed").is_pending  # completed but nothing to fetch yet
    assert gen("failed").is_failed and gen("error").is_failed
    assert all(gen(status).is_pending for status in ("queued", "generating", "waiting", "unknown"))


async def test_unusual_error_shapes_fall_back_to_the_json_text(odd_server, session) -> None:
    answers = iter(
        [
            {"id": "a", "status": "error", "error": {"code": 7}},
            {"id": "a", "status": "failed", "error": "plain text"},
            {"id": "a", "status": "error", "error": None},
            {"id": "a", "status": "COMPLETED", "audio_file": {"url": "http://cdn/x.mp3", "file_size": "big"}},
        ]
    )

    async def handler(request: web.Request) -> web.Response:
        return web.json_response(next(answers))

    api = MusicApiClient(session, await odd_server(handler), KEY)
    assert (await api.poll("a")).error == '{"code": 7}'
    assert (await api.poll("a")).error == "plain text"
    assert (await api.poll("a")).error == "The generation failed."
    completed = await api.poll("a")
    assert completed.is_completed and completed.audio_size is None


# --- HTTP errors -------------------------------------------------------------------------


async def test_validation_errors_are_rejected_with_the_detail(fake, client) -> None:
    with pytest.raises(MusicApiRejected) as caught:
        await client.submit({**body(fake), "prompt": "x" * 601})
    assert caught.value.status == 400
    assert "Body validation error!" in caught.value.detail
    assert r"prompt: String must contain at most 600 character\(s\)" in caught.value.detail
    assert fake.counters.submit_requests == 1


async def test_a_non_audio_reference_is_rejected(fake, client) -> None:
    with pytest.raises(MusicApiRejected, match="reference"):
        await client.submit({**body(fake), "reference_audio_url": fake.host_file("a.mp3", make_mp3(5))})


async def test_bad_key_and_no_credits_make_the_service_unavailable(fake, session, client) -> None:
    wrong = MusicApiClient(session, fake.base_url, "sk-wrong")
    with pytest.raises(MusicApiUnavailable) as caught:
        await wrong.submit(body(fake))
    assert caught.value.status == 401
    assert "unavailable" in caught.value.user_message
    with pytest.raises(MusicApiUnavailable):
        await wrong.poll("x:minimax-music")
    fake.keys_without_credits.add(KEY)
    with pytest.raises(MusicApiUnavailable) as caught:
        await client.submit(body(fake))
    assert caught.value.status == 403
    assert_no_key(caught.value)
    assert KEY not in repr(client)


@pytest.mark.parametrize(
    ("fault", "retry_after"),
    [
        (RequestFault("submit", 429, retry_after="7"), 7.0),
        (RequestFault("submit", 429), None),
        (RequestFault("submit", 429, retry_after="soon"), None),
        (RequestFault("submit", 500), None),
        (RequestFault("submit", 502, retry_after="1.5"), 1.5),
        (RequestFault("submit", 503), None),
        (RequestFault("submit", 502, html=True), None),
        (RequestFault("submit", 504, html=True), None),  # a proxy's page, not the gateway's 504
        (RequestFault("poll", 429, retry_after="3"), 3.0),
        (RequestFault("poll", 503), None),
        (RequestFault("poll", 500, html=True), None),
    ],
)
async def test_busy_answers(fake, client, fault, retry_after) -> None:
    generation_id = await client.submit(body(fake)) if fault.endpoint == "poll" else None
    fake.add_fault(fault)
    with pytest.raises(MusicApiBusy) as caught:
        if generation_id is None:
            await client.submit(body(fake))
        else:
            await client.poll(generation_id)
    assert caught.value.status == fault.status
    assert caught.value.retry_after == retry_after
    assert "busy" in caught.value.user_message
    assert "<html>" not in caught.value.user_message
    assert_no_key(caught.value)


async def test_retry_after_as_an_http_date(fake, client) -> None:
    when = datetime.now(UTC) + timedelta(seconds=30)
    fake.add_fault(RequestFault("submit", 429, retry_after=format_datetime(when, usegmt=True)))
    with pytest.raises(MusicApiBusy) as caught:
        await client.submit(body(fake))
    assert caught.value.retry_after == pytest.approx(30, abs=2)


async def test_504_means_the_generation_failed(fake, client) -> None:
    generation_id = await client.submit(body(fake))
    fake.add_fault(RequestFault("poll", 504))
    with pytest.raises(MusicApiGenerationFailed) as caught:
        await client.poll(generation_id)
    assert caught.value.detail == "Generation timeout"
    fake.add_fault(RequestFault("submit", 504))
    with pytest.raises(MusicApiGenerationFailed):
        await client.submit(body(fake))


async def test_an_unknown_generation_is_rejected(client) -> None:
    with pytest.raises(MusicApiRejected) as caught:
        await client.poll("00000000-0000-4000-8000-000000000000:minimax-music")
    assert caught.value.status == 404


async def test_odd_2xx_submit_answers_leave_the_outcome_unknown(odd_server, session) -> None:
    answers = iter(
        [
            web.Response(status=200, text="<html>OK</html>", content_type="text/html"),
            web.json_response({"status": "queued"}, status=201),
        ]
    )

    async def handler(request: web.Request) -> web.Response:
        return next(answers)

    api = MusicApiClient(session, await odd_server(handler), KEY)
    for _ in range(2):
        with pytest.raises(MusicApiOutcomeUnknown):
            await api.submit({"model": "minimax-music"})


async def test_the_key_is_redacted_from_echoed_errors(odd_server, session) -> None:
    async def handler(request: web.Request) -> web.Response:
        text = f"invalid key {request.headers['Authorization']}"
        return web.json_response({"message": text, "statusCode": 401}, status=401)

    api = MusicApiClient(session, await odd_server(handler), KEY)
    with pytest.raises(MusicApiUnavailable) as caught:
        await api.submit({"model": "minimax-music"})
    assert_no_key(caught.value)
    assert r"\[redacted\]" in caught.value.detail


async def test_every_text_the_service_sends_is_masked_capped_and_escaped(odd_server, session) -> None:
    nasty = f"**Boom** @everyone <@&1> key={KEY} Bearer {KEY} see http://10.1.2.3/admin " + "z" * 5000
    answers = iter([
        web.json_response({"message": nasty, "statusCode": 400}, status=400),
        web.json_response({"message": nasty, "statusCode": 504}, status=504),
        web.Response(status=502, text=f"<html>{nasty}</html>", content_type="text/html"),
        web.json_response({"message": nasty, "statusCode": 403}, status=403),
        web.json_response({"status": "queued", "echo": nasty}, status=201),
        web.json_response({"id": "a", "status": "error", "error": {"message": nasty}}),
        web.json_response({"id": "a", "status": "error", "error": nasty}),
    ])

    async def handler(request: web.Request) -> web.Response:
        return next(answers)

    def check(text: str) -> None:
        assert len(text) <= UPSTREAM_LIMIT + len("HTTP 400: ")
        for hidden in (KEY, "@everyone", "<@&1>", "10.1.2.3", "**Boom**"):
            assert hidden not in text
        assert r"\*\*Boom\*\*" in text

    api = MusicApiClient(session, await odd_server(handler), KEY)
    for expected in (MusicApiRejected, MusicApiGenerationFailed, MusicApiBusy, MusicApiUnavailable,
                     MusicApiOutcomeUnknown):
        with pytest.raises(expected) as caught:
            await api.submit({"model": "minimax-music"})
        check(caught.value.detail)
        check(str(caught.value))
        assert "Boom" not in caught.value.user_message, "the bot's own words only"
    for _ in range(2):
        check((await api.poll("a")).error)


# --- transport failures ------------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_connection_refused_means_not_sent(session) -> None:
    api = MusicApiClient(session, f"http://127.0.0.1:{closed_port()}", KEY)
    with pytest.raises(MusicApiNotSent) as caught:
        await api.submit({"model": "minimax-music"})
    assert_no_key(caught.value)
    with pytest.raises(MusicApiNotSent):
        await api.poll("x:minimax-music")


async def test_a_hanging_submit_has_an_unknown_outcome(fake, session) -> None:
    fake.add_fault(RequestFault("submit", hang=True, commit=True))
    api = MusicApiClient(session, fake.base_url, KEY, submit_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(MusicApiOutcomeUnknown) as caught:
        await api.submit(body(fake))
    assert time.monotonic() - started < 2
    assert_no_key(caught.value)
    assert fake.counters.submits == 1  # it was charged: resubmitting would pay twice


async def test_a_dropped_submit_has_an_unknown_outcome(fake, client) -> None:
    fake.add_fault(RequestFault("submit", drop=True, commit=True))
    with pytest.raises(MusicApiOutcomeUnknown):
        await client.submit(body(fake))
    assert fake.counters.submit_requests == 1


async def test_a_poll_timeout(fake, session) -> None:
    api = MusicApiClient(session, fake.base_url, KEY, poll_timeout=0.3)
    generation_id = await api.submit(body(fake))
    fake.add_fault(RequestFault("poll", hang=True))
    with pytest.raises(MusicApiOutcomeUnknown):
        await api.poll(generation_id)


async def test_flaky_polls_still_reach_completion(fake, client) -> None:
    generation_id = await client.submit(body(fake))
    fake.add_fault(RequestFault("poll", 502, every=2, times=None))
    outcomes: list[str] = []
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        try:
            generation = await client.poll(generation_id)
        except MusicApiBusy:
            outcomes.append("busy")
        else:
            outcomes.append(generation.status)
            if generation.is_completed:
                break
        await asyncio.sleep(0.02)
    assert "busy" in outcomes and outcomes[-1] == "completed"


# --- downloads ---------------------------------------------------------------------------


async def completed(fake: FakeMusicApi, client: MusicApiClient, behaviour: TaskBehaviour | None = None) -> Generation:
    if behaviour is not None:
        fake.on_next_task(behaviour)
    generation = await wait_until_done(client, await client.submit(body(fake)))
    assert generation.is_completed
    return generation


async def test_an_oversized_result_is_refused_and_nothing_is_left(fake, client, tmp_path) -> None:
    generation = await completed(fake, client, TaskBehaviour(audio_min_bytes=5_000_000))
    dest = tmp_path / "song.mp3"
    with pytest.raises(MusicApiRejected) as caught:
        await client.download(generation.audio_url, dest, max_bytes=1_000_000)
    assert "larger" in caught.value.user_message
    assert list(tmp_path.iterdir()) == []


async def test_the_size_cap_holds_without_content_length(odd_server, session, tmp_path) -> None:
    async def handler(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(40):
            await response.write(b"\xff" * 65536)
        await response.write_eof()
        return response

    api = MusicApiClient(session, "http://api.invalid", KEY, url_policy=UrlPolicy(allow_loopback=True))
    with pytest.raises(MusicApiRejected):
        await api.download(f"{await odd_server(handler)}/x.mp3", tmp_path / "x.mp3", max_bytes=1_000_000)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("behaviour", [TaskBehaviour(audio_missing=True), TaskBehaviour(audio_ttl_s=0)])
async def test_an_expired_result_means_the_generation_failed(fake, client, tmp_path, behaviour) -> None:
    generation = await completed(fake, client, behaviour)
    with pytest.raises(MusicApiGenerationFailed) as caught:
        await client.download(generation.audio_url, tmp_path / "song.mp3", max_bytes=2_000_000)
    assert caught.value.status in (403, 404)
    assert "expired" in caught.value.user_message
    assert list(tmp_path.iterdir()) == []


async def test_download_5xx_and_timeouts_are_busy(fake, session, tmp_path) -> None:
    api = MusicApiClient(session, fake.base_url, KEY, poll_timeout=0.3)
    generation = await completed(fake, api)
    fake.add_fault(RequestFault("download", 503, retry_after="4"))
    with pytest.raises(MusicApiBusy) as caught:
        await api.download(generation.audio_url, tmp_path / "song.mp3", max_bytes=2_000_000)
    assert caught.value.retry_after == 4.0
    fake.add_fault(RequestFault("download", hang=True))
    with pytest.raises(MusicApiBusy):
        await api.download(generation.audio_url, tmp_path / "song.mp3", max_bytes=2_000_000)
    with pytest.raises(MusicApiBusy):
        await api.download(f"http://127.0.0.1:{closed_port()}/x.mp3", tmp_path / "song.mp3", max_bytes=10)
    with pytest.raises(MusicApiBadResult):
        await api.download("/relative/x.mp3", tmp_path / "song.mp3", max_bytes=10)
    assert list(tmp_path.iterdir()) == []
    size = await api.download(generation.audio_url, tmp_path / "song.mp3", max_bytes=2_000_000)
    assert size == generation.audio_size


# --- where results may come from, and what they must be -------------------------------------


def audio_server(data: bytes = b"", redirects: int = 0) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """Serves ``data`` at ``/0``, or at ``/<redirects>`` after that many redirects from ``/0``."""

    async def handler(request: web.Request) -> web.StreamResponse:
        hop = int(request.path.strip("/") or 0)
        if hop < redirects:
            raise web.HTTPFound(f"/{hop + 1}")
        return web.Response(body=data or make_mp3(2.0), content_type="audio/mpeg")

    return handler


LOOPBACK_API = "http://127.0.0.1:9"  # the API on loopback: loopback results allowed, nothing else non-public


async def test_a_strict_policy_refuses_a_loopback_result_without_fetching_it(fake, session, tmp_path) -> None:
    api = MusicApiClient(session, fake.base_url, KEY, url_policy=UrlPolicy())  # as if the API were public
    generation = await completed(fake, api)
    with pytest.raises(MusicApiBadResult) as caught:
        await api.download(generation.audio_url, tmp_path / "song.mp3", max_bytes=2_000_000)
    assert "not on the public internet" in caught.value.detail and "127.0.0.1" not in caught.value.detail
    assert fake.counters.download_requests == 0 and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("location", [
    "http://10.0.0.1/x.mp3", "http://169.254.169.254/latest/meta-data/", "http://[::ffff:10.0.0.1]/x.mp3",
    "http://[fd00::1]/x.mp3", "http://metadata.google.internal/x", "http://0.0.0.0/x", "file:///etc/passwd",
    "ftp://cdn.example.com/x.mp3", "http://user:pw@cdn.example.com/x.mp3",
])
async def test_every_redirect_hop_is_checked_before_it_is_fetched(odd_server, session, tmp_path, location) -> None:
    async def handler(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(location)

    api = MusicApiClient(session, LOOPBACK_API, KEY)
    with pytest.raises(MusicApiBadResult, match="refused"):
        await api.download(f"{await odd_server(handler)}/x.mp3", tmp_path / "song.mp3", max_bytes=2_000_000)
    assert list(tmp_path.iterdir()) == []


async def test_a_few_redirects_are_followed_and_no_more(odd_server, session, tmp_path) -> None:
    api = MusicApiClient(session, LOOPBACK_API, KEY)
    song = make_mp3(2.0)
    url = await odd_server(audio_server(song, redirects=MAX_REDIRECTS))
    assert await api.download(f"{url}/0", tmp_path / "song.mp3", max_bytes=2_000_000) == len(song)
    assert (tmp_path / "song.mp3").read_bytes() == song
    too_many = await odd_server(audio_server(song, redirects=MAX_REDIRECTS + 1))
    with pytest.raises(MusicApiBadResult, match="redirects"):
        await api.download(f"{too_many}/0", tmp_path / "other.mp3", max_bytes=2_000_000)
    assert not (tmp_path / "other.mp3").exists()


async def test_the_key_is_not_sent_on_a_redirect_away_from_the_api(odd_server, session, tmp_path) -> None:
    seen: list[str | None] = []

    async def cdn(request: web.Request) -> web.StreamResponse:
        seen.append(request.headers.get("Authorization"))
        return web.Response(body=make_mp3(1.0), content_type="audio/mpeg")

    cdn_url = await odd_server(cdn)

    async def api_files(request: web.Request) -> web.StreamResponse:
        seen.append(request.headers.get("Authorization"))
        raise web.HTTPFound(f"{cdn_url}/song.mp3")

    api_url = await odd_server(api_files)
    api = MusicApiClient(session, api_url, KEY)
    await api.download(f"{api_url}/files/song.mp3", tmp_path / "song.mp3", max_bytes=2_000_000)
    assert seen == [f"Bearer {KEY}", None]


async def test_the_connection_goes_to_the_address_that_was_checked(odd_server, session, tmp_path,
                                                                   monkeypatch) -> None:
    """DNS rebinding: the name is looked up once, checked, and connected to; a later answer can't redirect it."""
    port = URL(await odd_server(audio_server())).port
    lookups: list[str] = []

    async def getaddrinfo(host: str, port: int, **_: Any) -> list[Any]:
        lookups.append(host)
        address = "127.0.0.1" if len(lookups) == 1 else "10.255.255.1"  # the second answer would be private
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", getaddrinfo)
    api = MusicApiClient(session, LOOPBACK_API, KEY)
    assert await api.download(f"http://songs.example:{port}/0", tmp_path / "song.mp3", max_bytes=2_000_000) > 0
    assert lookups == ["songs.example"]
    lookups.clear()
    lookups.append("already answered once")  # from now on the name resolves to a private address
    with pytest.raises(MusicApiBadResult, match="public internet"):
        await api.download(f"http://songs.example:{port}/0", tmp_path / "again.mp3", max_bytes=2_000_000)


@pytest.mark.parametrize(("data", "kind"), [
    (make_mp3(1.0), "mp3"),
    (b"ID3\x04\x00\x00\x00\x00\x00\x00" + make_mp3(1.0), "mp3"),
    (b"\xff\xfb\x90\x00" + bytes(100), "mp3"),
    (make_wav(1.0), "wav"),
    (b"\xff\xf1\x50\x80", None),  # AAC (ADTS), layer bits 00
    (make_flac(1.0), None),
    (make_png(), None),
    (b"<!DOCTYPE html><html>", None),
    (b"RIFF\x00\x00\x00\x00AVI ", None),
    (b"", None),
])
def test_audio_is_told_by_its_first_bytes(data, kind) -> None:
    assert audio_format(data[:12]) == kind


@pytest.mark.parametrize("data", [b"<html><body>Bucket is private</body></html>", make_png(), b"", make_flac(1.0)])
async def test_a_result_that_is_not_mp3_or_wav_is_refused_and_nothing_is_kept(odd_server, session, tmp_path,
                                                                              data) -> None:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=data, content_type="audio/mpeg")  # whatever the header claims

    api = MusicApiClient(session, LOOPBACK_API, KEY)
    with pytest.raises(MusicApiBadResult, match="not MP3 or WAV"):
        await api.download(f"{await odd_server(handler)}/x.mp3", tmp_path / "song.mp3", max_bytes=2_000_000)
    assert list(tmp_path.iterdir()) == []


async def test_a_wav_result_is_kept(odd_server, session, tmp_path) -> None:
    wav = make_wav(1.0)
    api = MusicApiClient(session, LOOPBACK_API, KEY)
    assert await api.download(f"{await odd_server(audio_server(wav))}/0", tmp_path / "s.wav", max_bytes=2_000_000)
    assert (tmp_path / "s.wav").read_bytes() == wav


def test_errors_share_a_base_class() -> None:
    for cls in (
        MusicApiRejected,
        MusicApiUnavailable,
        MusicApiBusy,
        MusicApiNotSent,
        MusicApiOutcomeUnknown,
        MusicApiGenerationFailed,
    ):
        assert issubclass(cls, MusicApiError)
    assert MusicApiBusy("busy", status=429, retry_after=2.0).retry_after == 2.0
