"""Reference-track checks: attachment metadata, the file's own bytes, and the CDN download."""

from __future__ import annotations

import asyncio
import dataclasses
import socket
import struct
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from bot.songs.catalog import MB, MODELS
from bot.songs.reference import (
    ReferenceInfo,
    ReferenceRejected,
    byte_limit,
    fetch_and_inspect,
    inspect,
    precheck,
)
from fakes.audio import make_flac, make_lying_mp3, make_lying_wav, make_mp3, make_png, make_wav

LEGACY = MODELS["minimax-music"]
COVER = MODELS["minimax/music-cover"]
MAX_BYTES = 25 * 1000 * 1000  # the bot's default setting


def id3_tag(padding: int = 20) -> bytes:
    """An empty ID3v2.4 tag of `padding` bytes (sizes are 7-bit 'syncsafe' integers)."""
    size = bytes((padding >> shift) & 0x7F for shift in (21, 14, 7, 0))
    return b"ID3\x04\x00\x00" + size + b"\x00" * padding


def write(tmp_path: Path, data: bytes, name: str = "upload.bin") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused_precheck(*args: object) -> str:
    with pytest.raises(ReferenceRejected) as info:
        precheck(*args)
    return str(info.value)


def refused_inspect(path: Path, filename: str, model=LEGACY) -> str:
    with pytest.raises(ReferenceRejected) as info:
        inspect(path, filename, model)
    return str(info.value)


# --- precheck --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "content_type"),
    [
        ("song.mp3", "audio/mpeg"),
        ("song.mp3", "audio/mp3"),
        ("SONG.MP3", None),
        ("song.wav", "audio/wav"),
        ("song.wav", "audio/x-wav"),
        ("song.wav", "audio/wave"),
        ("song.wav", "audio/vnd.wave"),
        ("song.wav", "application/octet-stream"),
        ("song.mp3", "audio/mpeg; charset=binary"),
        ("song.mp3", ""),
    ],
)
def test_precheck_accepts_matching_audio(filename, content_type):
    precheck(filename, content_type, 1000, LEGACY, MAX_BYTES)


@pytest.mark.parametrize("filename", ["song.flac", "song.ogg", "song", "song.mp3.png", "mp3"])
def test_precheck_refuses_other_extensions_listing_the_accepted_ones(filename):
    assert refused_precheck(filename, None, 1000, LEGACY, MAX_BYTES) == (
        "Use a .mp3 or .wav file for the reference track."
    )


def test_precheck_for_cover_accepts_flac_and_lists_three_formats():
    precheck("song.flac", "audio/flac", 1000, COVER, MAX_BYTES)
    precheck("song.flac", "audio/x-flac", 1000, COVER, MAX_BYTES)
    assert "a .flac, .mp3 or .wav file" in refused_precheck("song.ogg", None, 1000, COVER, MAX_BYTES)


@pytest.mark.parametrize("content_type", ["image/png", "text/plain", "video/mp4"])
def test_precheck_refuses_a_non_audio_content_type(content_type):
    assert "isn't audio" in refused_precheck("song.mp3", content_type, 1000, LEGACY, MAX_BYTES)


def test_precheck_refuses_a_content_type_that_contradicts_the_extension():
    message = refused_precheck("song.mp3", "audio/wav", 1000, LEGACY, MAX_BYTES)
    assert "named .mp3" in message
    assert "WAV" in message
    assert ".wav" in refused_precheck("song.wav", "audio/mpeg", 1000, LEGACY, MAX_BYTES)


def test_precheck_leaves_unknown_audio_types_to_the_byte_check():
    precheck("song.mp3", "audio/x-mpeg", 1000, LEGACY, MAX_BYTES)


def test_precheck_refuses_an_empty_file():
    assert "empty" in refused_precheck("song.mp3", "audio/mpeg", 0, LEGACY, MAX_BYTES)


def test_precheck_size_limit_is_the_bot_setting_in_mb():
    precheck("song.mp3", "audio/mpeg", MAX_BYTES, LEGACY, MAX_BYTES)
    message = refused_precheck("song.mp3", "audio/mpeg", MAX_BYTES + 1, LEGACY, MAX_BYTES)
    assert "too large" in message
    assert "25 MB" in message


def test_precheck_size_limit_is_the_model_cap_when_lower():
    precheck("song.wav", None, 50 * MB, COVER, 100 * MB)
    message = refused_precheck("song.wav", None, 50 * MB + 1, COVER, 100 * MB)
    assert "50 MB" in message


def test_byte_limit_takes_the_lower_of_setting_and_model():
    assert byte_limit(LEGACY, MAX_BYTES) == MAX_BYTES
    assert byte_limit(COVER, 100 * MB) == 50 * MB
    assert byte_limit(COVER, MAX_BYTES) == MAX_BYTES


# --- inspect ---------------------------------------------------------------------------------


def test_inspect_accepts_a_16_second_mp3(tmp_path):
    data = make_mp3(16)
    info = inspect(write(tmp_path, data), "song.mp3", LEGACY)
    assert info.format == "mp3"
    assert 15.0 < info.duration_s <= 16.1  # counted until just past the 15 s minimum, never past the file
    assert info.size == len(data)


def test_inspect_accepts_a_16_second_wav(tmp_path):
    data = make_wav(16, sample_rate=8000)
    assert inspect(write(tmp_path, data), "Song.WAV", LEGACY) == ReferenceInfo("wav", 16.0, len(data))


def test_inspect_accepts_an_mp3_behind_an_id3_tag(tmp_path):
    info = inspect(write(tmp_path, id3_tag() + make_mp3(16)), "song.mp3", LEGACY)
    assert info.format == "mp3"
    assert info.duration_s > 15


def test_inspect_refuses_exactly_15_seconds(tmp_path):
    path = write(tmp_path, make_wav(15.0, sample_rate=8000))
    assert refused_inspect(path, "song.wav") == ("The reference must be longer than 15 seconds; yours is 15.0 s.")


@pytest.mark.parametrize(("seconds", "shown"), [(9, "9.0 s"), (14, "14.0 s")])
def test_inspect_refuses_a_short_mp3(tmp_path, seconds, shown):
    message = refused_inspect(write(tmp_path, make_mp3(seconds)), "song.mp3")
    assert message == f"The reference must be longer than 15 seconds; yours is {shown}."


def test_short_length_is_rounded_down_never_up(tmp_path):
    path = write(tmp_path, make_wav(14.99, sample_rate=8000))
    assert refused_inspect(path, "song.wav").endswith("yours is 14.9 s.")


def test_inspect_refuses_a_png_renamed_mp3(tmp_path):
    message = refused_inspect(write(tmp_path, make_png()), "song.mp3")
    assert "isn't an audio file we can read" in message
    assert ".mp3 or .wav" in message


def test_inspect_refuses_a_wav_renamed_mp3(tmp_path):
    message = refused_inspect(write(tmp_path, make_wav(16, sample_rate=8000)), "song.mp3")
    assert (
        message == "Your file is named .mp3 but it is really WAV audio. Rename it to .wav or export it again as .mp3."
    )


def test_inspect_refuses_an_mp3_renamed_wav(tmp_path):
    assert "really MP3 audio" in refused_inspect(write(tmp_path, make_mp3(16)), "song.wav")


def test_inspect_refuses_a_flac_renamed_mp3_for_a_model_without_flac(tmp_path):
    message = refused_inspect(write(tmp_path, make_flac(20)), "song.mp3")
    assert "minimax-music doesn't take FLAC" in message


def test_inspect_refuses_an_extension_the_model_does_not_take(tmp_path):
    assert "Use a .mp3 or .wav file" in refused_inspect(write(tmp_path, make_mp3(16)), "song.ogg")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\xff\xfb\x00\x00" + b"\x00" * 5000, id="sync-then-zeros"),
        pytest.param(b"\xff\xfb" + bytes(range(256)) * 40, id="sync-then-garbage"),
        pytest.param(id3_tag() + b"not audio at all" * 300, id="id3-then-garbage"),
        pytest.param(id3_tag(), id="id3-only"),
        pytest.param(b"\xff\xf1\x50\x80" + b"\x00" * 5000, id="aac-adts"),
        pytest.param(b"just some text, honestly", id="text"),
    ],
)
def test_inspect_refuses_garbage_named_mp3(tmp_path, data):
    assert "isn't an audio file we can read" in refused_inspect(write(tmp_path, data), "song.mp3")


def test_inspect_refuses_a_truncated_mp3(tmp_path):
    message = refused_inspect(write(tmp_path, make_mp3(16)[:4000]), "song.mp3")
    assert "must be longer than 15 seconds" in message


def test_inspect_trusts_the_bytes_over_a_wav_header(tmp_path):
    cut_off = make_wav(16, sample_rate=8000)[: 44 + 16000 * 3]  # header says 16 s, holds 3 s
    assert refused_inspect(write(tmp_path, cut_off), "song.wav").endswith("yours is 3.0 s.")


def test_inspect_refuses_a_wav_with_no_format_chunk(tmp_path):
    data = b"RIFF\x10\x00\x00\x00WAVEjunkjunk"
    assert "isn't an audio file we can read" in refused_inspect(write(tmp_path, data), "song.wav")


def test_inspect_reads_flac_for_the_cover_model(tmp_path):
    info = inspect(write(tmp_path, make_flac(20)), "song.flac", COVER)
    assert info.format == "flac"
    assert info.duration_s == pytest.approx(20)


def test_inspect_sees_flac_behind_an_id3_tag(tmp_path):
    assert inspect(write(tmp_path, id3_tag() + make_flac(20)), "song.flac", COVER).format == "flac"


def test_inspect_refuses_a_broken_flac(tmp_path):
    path = write(tmp_path, b"fLaC" + bytes(range(256)))
    assert "isn't an audio file we can read" in refused_inspect(path, "song.flac", COVER)


def test_cover_minimum_is_six_seconds(tmp_path):
    assert inspect(write(tmp_path, make_wav(7, sample_rate=8000)), "a.wav", COVER).duration_s == 7
    message = refused_inspect(write(tmp_path, make_wav(5, sample_rate=8000)), "a.wav", COVER)
    assert message == "The reference must be longer than 6 seconds; yours is 5.0 s."


def test_cover_maximum_length(tmp_path):
    assert refused_inspect(write(tmp_path, make_flac(400)), "a.flac", COVER) == (
        "The reference can be at most 6 minutes; yours is longer. Trim it and upload it again."
    )
    assert inspect(write(tmp_path, make_flac(360)), "a.flac", COVER).duration_s == 360


def test_maximum_length_in_seconds(tmp_path):
    short_cap = dataclasses.replace(COVER, reference_max_seconds=10.0)
    message = refused_inspect(write(tmp_path, make_wav(12, sample_rate=8000)), "a.wav", short_cap)
    assert message.startswith("The reference can be at most 10 seconds; yours is longer.")


# --- inspect measures the audio rather than believing the headers ------------------------------


def test_an_mp3_whose_xing_header_claims_72_hours_is_measured_and_refused(tmp_path):
    data = make_lying_mp3(claimed_seconds=72 * 3600, real_seconds=0.05)
    assert len(data) < 2000  # the reproduced defect: 1.7 kB passed as 72 hours
    message = refused_inspect(write(tmp_path, data), "song.mp3")
    # 0.0 s; 0.1 s with older miniaudio (1.61), which decodes the Xing frame itself as silence.
    assert message.startswith("The reference must be longer than 15 seconds; yours is 0.")


def test_an_mp3_whose_xing_header_claims_20_seconds_but_holds_10_is_refused(tmp_path):
    data = make_lying_mp3(claimed_seconds=20, real_seconds=10)
    assert refused_inspect(write(tmp_path, data), "song.mp3").endswith("yours is 10.0 s.")


def test_a_wav_whose_data_chunk_claims_72_hours_is_measured_and_refused(tmp_path):
    path = write(tmp_path, make_lying_wav(claimed_seconds=72 * 3600, real_seconds=1.0))
    assert refused_inspect(path, "song.wav") == "The reference must be longer than 15 seconds; yours is 1.0 s."


def test_a_wav_whose_data_chunk_claims_20_seconds_but_holds_14_is_refused(tmp_path):
    path = write(tmp_path, make_lying_wav(claimed_seconds=20, real_seconds=14.0))
    assert refused_inspect(path, "song.wav").endswith("yours is 14.0 s.")


def test_a_flac_whose_streaminfo_claims_more_than_it_holds_is_refused(tmp_path):
    real = make_flac(5, sample_rate=8000)
    claimed = bytearray(real)
    claimed[8 + 10 : 8 + 18] = ((8000 << 44) | (15 << 36) | 8000 * 3600).to_bytes(8, "big")  # "one hour"
    message = refused_inspect(write(tmp_path, bytes(claimed)), "song.flac", COVER)
    assert message == "The reference must be longer than 6 seconds; yours is 5.0 s."


@pytest.mark.parametrize("model", [LEGACY, COVER], ids=["legacy", "cover"])
@pytest.mark.parametrize(
    ("filename", "data"),
    [
        pytest.param("song.mp3", make_mp3(20), id="mp3-44k-mono"),
        pytest.param("song.mp3", make_mp3(20, sample_rate=48000, channels=2, bitrate_kbps=192), id="mp3-48k-stereo"),
        pytest.param("song.wav", make_wav(20), id="wav-44k-mono"),
        pytest.param("song.wav", make_wav(20, sample_rate=22050, channels=2), id="wav-22k-stereo"),
    ],
)
def test_a_genuine_20_second_track_passes_with_its_measured_length(tmp_path, filename, data, model):
    info = inspect(write(tmp_path, data, filename), filename, model)
    assert info.size == len(data)
    if model.reference_max_seconds is None:
        # Nothing above the minimum matters, so counting stops soon after it.
        assert model.reference_min_seconds < info.duration_s <= 20.1
    else:
        assert info.duration_s == pytest.approx(20.0, abs=0.1)


def test_a_long_track_is_only_decoded_as_far_as_the_limits_need(tmp_path):
    data = make_mp3(20, pad_to_bytes=3_000_000)  # about 3 minutes
    legacy = inspect(write(tmp_path, data), "song.mp3", LEGACY)
    assert 15 < legacy.duration_s < 17
    cover = inspect(write(tmp_path, data), "song.mp3", COVER)
    assert cover.duration_s == pytest.approx(len(data) * 8 / 128_000, abs=0.5)


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        pytest.param("song.mp3", make_mp3(20)[:417] + bytes(range(256)) * 400, id="mp3-one-frame-then-garbage"),
        pytest.param("song.mp3", make_mp3(20)[:3] + b"\x00" * 50_000, id="mp3-broken-first-frame"),
        pytest.param("song.wav", make_wav(20)[:44], id="wav-header-only"),
        pytest.param("song.wav", make_wav(20)[:30], id="wav-cut-inside-the-header"),
        pytest.param("song.flac", make_flac(20)[:42], id="flac-streaminfo-only"),
        pytest.param("song.flac", make_flac(20)[:42] + b"\x00" * 50_000, id="flac-streaminfo-then-zeros"),
        pytest.param("song.mp3", make_png(), id="png-renamed-mp3"),
    ],
)
def test_a_file_that_does_not_decode_is_refused_with_a_friendly_message(tmp_path, filename, data):
    message = refused_inspect(write(tmp_path, data, filename), filename, COVER)
    assert "isn't an audio file we can read" in message or "must be longer than 6 seconds" in message


@pytest.mark.parametrize("rate", [0, 1, 7999, 400_000])
def test_a_wav_with_an_absurd_sample_rate_is_refused(tmp_path, rate):
    data = bytearray(make_wav(1, sample_rate=8000))  # 16 000 bytes of samples
    struct.pack_into("<II", data, 24, rate, rate * 2)  # at "1 Hz" its 8000 frames would last 2 h 13 min
    assert "isn't an audio file we can read" in refused_inspect(write(tmp_path, bytes(data)), "a.wav")


@pytest.mark.parametrize("rate", [0, 1, 7999])
def test_a_flac_with_an_absurd_sample_rate_is_refused(tmp_path, rate):
    data = bytearray(make_flac(1, sample_rate=8000))
    data[8 + 10 : 8 + 18] = ((rate << 44) | (15 << 36) | 8000).to_bytes(8, "big")
    assert "isn't an audio file we can read" in refused_inspect(write(tmp_path, bytes(data)), "a.flac", COVER)


def test_a_wav_with_an_unsupported_sample_width_is_refused(tmp_path):
    data = bytearray(make_wav(20, sample_rate=8000))
    struct.pack_into("<H", data, 34, 40)  # "40-bit samples"
    assert "isn't an audio file we can read" in refused_inspect(write(tmp_path, bytes(data)), "a.wav")


# --- fetch_and_inspect -----------------------------------------------------------------------

ENDLESS_BYTES = 1024 * MB  # what the "endless" routes would send if nobody stopped reading


class FakeCdn:
    """A tiny stand-in for Discord's CDN that counts what it sends and records headers."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.sent: dict[str, int] = {}
        self.headers: list[dict[str, str]] = []
        self.closing = asyncio.Event()
        self.app = web.Application()
        self.app.router.add_get("/file/{name}", self.serve_file)
        self.app.router.add_get("/chunked/{name}", self.serve_chunked)
        self.app.router.add_get("/endless", self.serve_endless)
        self.app.router.add_get("/endless-declared", self.serve_endless)
        self.app.router.add_get("/missing", self.missing)
        self.app.router.add_get("/stall", self.stall)
        self.base = ""

    async def serve_file(self, request: web.Request) -> web.Response:
        self.headers.append(dict(request.headers))
        return web.Response(body=self.files[request.match_info["name"]], content_type="audio/mpeg")

    async def serve_chunked(self, request: web.Request) -> web.StreamResponse:
        self.headers.append(dict(request.headers))
        data = self.files[request.match_info["name"]]
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        for start in range(0, len(data), 50_000):
            await response.write(data[start : start + 50_000])
        await response.write_eof()
        return response

    async def serve_endless(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        if request.path == "/endless-declared":
            response.content_length = ENDLESS_BYTES
        await response.prepare(request)
        chunk = make_mp3(1)[:65536].ljust(65536, b"\x00")
        sent = 0
        try:
            while sent < ENDLESS_BYTES:
                await response.write(chunk)
                sent += len(chunk)
        except ConnectionResetError:
            pass
        finally:
            self.sent[request.path] = sent
        return response

    async def missing(self, request: web.Request) -> web.Response:
        return web.Response(status=404, text="404: Not Found")

    async def stall(self, request: web.Request) -> web.Response:
        await asyncio.wait_for(self.closing.wait(), timeout=10)
        return web.Response(body=b"too late")


@pytest.fixture
async def cdn():
    fake = FakeCdn()
    runner = web.AppRunner(fake.app, shutdown_timeout=1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    fake.base = f"http://{host}:{port}"
    yield fake
    fake.closing.set()
    await runner.cleanup()


@pytest.fixture
async def session():
    async with aiohttp.ClientSession() as client:
        yield client


@pytest.fixture
def work_dir(tmp_path):
    path = tmp_path / "work"
    path.mkdir()
    return path


async def fetch(session, url, work_dir, *, filename="song.mp3", model=LEGACY, max_bytes=MAX_BYTES, **kwargs):
    return await fetch_and_inspect(
        session, url, filename=filename, model=model, max_bytes=max_bytes, work_dir=work_dir, **kwargs
    )


async def refused_fetch(session, url, work_dir, **kwargs) -> str:
    with pytest.raises(ReferenceRejected) as info:
        await fetch(session, url, work_dir, **kwargs)
    assert list(work_dir.iterdir()) == [], "the temp file must be removed"
    return str(info.value)


async def test_fetch_downloads_and_inspects_an_mp3(cdn, session, work_dir):
    data = make_mp3(16)
    cdn.files["a.mp3"] = data
    info = await fetch(session, f"{cdn.base}/file/a.mp3?ex=1&hm=signed", work_dir)
    assert info.format == "mp3"
    assert info.size == len(data)
    assert info.duration_s > 15
    assert list(work_dir.iterdir()) == []
    assert "Authorization" not in cdn.headers[0]


async def test_fetch_streams_a_chunked_wav_larger_than_the_write_buffer(cdn, session, work_dir):
    data = make_wav(16)  # 44.1 kHz: about 1.4 MB, so the buffer is flushed more than once
    cdn.files["a.wav"] = data
    info = await fetch(session, f"{cdn.base}/chunked/a.wav", work_dir, filename="a.wav")
    assert info == ReferenceInfo("wav", 16.0, len(data))
    assert list(work_dir.iterdir()) == []


async def test_fetch_accepts_a_file_exactly_at_the_limit(cdn, session, work_dir):
    data = make_mp3(16)
    cdn.files["a.mp3"] = data
    for route in ("file", "chunked"):
        info = await fetch(session, f"{cdn.base}/{route}/a.mp3", work_dir, max_bytes=len(data))
        assert info.size == len(data)


@pytest.mark.parametrize("route", ["file", "chunked"])
async def test_fetch_refuses_one_byte_over_the_limit(cdn, session, work_dir, route):
    data = make_mp3(16)
    cdn.files["a.mp3"] = data
    message = await refused_fetch(session, f"{cdn.base}/{route}/a.mp3", work_dir, max_bytes=len(data) - 1)
    assert "too large" in message


@pytest.mark.parametrize("path", ["/endless", "/endless-declared"])
async def test_fetch_stops_an_oversized_stream_without_reading_it_all(cdn, session, work_dir, path):
    message = await refused_fetch(session, f"{cdn.base}{path}", work_dir, max_bytes=1 * MB)
    assert "too large" in message
    assert "1 MB" in message
    for _ in range(100):  # the server notices the hang-up a moment later
        if path in cdn.sent:
            break
        await asyncio.sleep(0.02)
    assert cdn.sent[path] < 64 * MB < ENDLESS_BYTES


async def test_fetch_refuses_a_404(cdn, session, work_dir):
    message = await refused_fetch(session, f"{cdn.base}/missing", work_dir)
    assert message == "Discord couldn't give me your file; please upload it again."


async def test_fetch_refuses_when_the_connection_fails(session, work_dir):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    message = await refused_fetch(session, f"http://127.0.0.1:{port}/gone.mp3", work_dir)
    assert message == "Discord couldn't give me your file; please upload it again."


async def test_fetch_gives_up_after_the_timeout(cdn, session, work_dir):
    message = await refused_fetch(session, f"{cdn.base}/stall", work_dir, timeout_s=0.3)
    assert message == "Discord couldn't give me your file; please upload it again."


async def test_fetch_refuses_a_png_and_removes_the_temp_file(cdn, session, work_dir):
    cdn.files["a.mp3"] = make_png()
    message = await refused_fetch(session, f"{cdn.base}/file/a.mp3", work_dir)
    assert "isn't an audio file we can read" in message


async def test_fetch_refuses_a_short_track_and_removes_the_temp_file(cdn, session, work_dir):
    cdn.files["a.mp3"] = make_mp3(9)
    assert "longer than 15 seconds" in await refused_fetch(session, f"{cdn.base}/file/a.mp3", work_dir)


async def test_fetch_uses_the_model_cap_when_lower(cdn, session, work_dir):
    small_cap = dataclasses.replace(COVER, reference_max_bytes=1000)
    cdn.files["a.mp3"] = make_mp3(16)
    message = await refused_fetch(session, f"{cdn.base}/file/a.mp3", work_dir, model=small_cap)
    assert "too large" in message


async def test_fetch_removes_the_temp_file_when_cancelled(cdn, session, work_dir):
    task = asyncio.create_task(fetch(session, f"{cdn.base}/stall", work_dir))
    for _ in range(100):
        if list(work_dir.iterdir()):
            break
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert list(work_dir.iterdir()) == []


# --- in the member's language ---------------------------------------------------------------------


def rejection(check, *args: object) -> ReferenceRejected:
    with pytest.raises(ReferenceRejected) as info:
        check(*args)
    return info.value


def test_a_reference_refusal_is_written_in_the_members_language(tmp_path):
    short = rejection(inspect, write(tmp_path, make_mp3(9.0)), "song.mp3", LEGACY)
    assert short.render("pt-BR") == "A referência precisa ter mais de 15 segundos; a sua tem 9,0 s."
    assert short.render("ja") == "参照曲は15秒より長くしてください（このファイルは9.0秒です）。"
    large = rejection(precheck, "song.mp3", "audio/mpeg", MAX_BYTES + 1, LEGACY, MAX_BYTES)
    assert large.render("es-ES").startswith("Tu archivo de referencia es demasiado grande: el límite es de 25 MB.")
    png = rejection(precheck, "cover.png", "image/png", 1000, LEGACY, MAX_BYTES)
    assert png.render("es-ES") == "Usa un archivo .mp3 o .wav como pista de referencia."
    assert png.render("ja") == "参照曲には .mp3 または .wav ファイルを使ってください。"
    assert str(png) == "Use a .mp3 or .wav file for the reference track."
    long = rejection(inspect, write(tmp_path, make_wav(400.0, sample_rate=8000)), "song.wav", COVER)
    assert long.render("es-ES").startswith("La referencia puede durar como mucho 6 minutos; la tuya es más larga.")
