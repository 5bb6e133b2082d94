"""Property tests for the reference check: whatever bytes a member uploads, `inspect` either
accepts a file it really measured or refuses it with a friendly message, and never raises
anything else.

Every generated file is at most 16 kB. At the lowest sample rate accepted (8 kHz) and the densest
format the decoders read (4-bit ADPCM, two samples a byte), that is at most about 4 seconds of
audio: less than any model's minimum, so none of these may ever pass.
"""

from __future__ import annotations

import struct

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.songs.catalog import MODELS
from bot.songs.reference import ReferenceRejected, inspect
from fakes.audio import make_flac, make_mp3, make_wav

LEGACY = MODELS["minimax-music"]
COVER = MODELS["minimax/music-cover"]
MODEL_LIST = [LEGACY, COVER]  # both take mp3 and wav
MAX_SIZE = 16 * 1024

CHECKS = settings(
    max_examples=100,
    deadline=None,
    database=None,  # keep no example database in the work tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ID3 = b"ID3\x04\x00\x00\x00\x00\x00\x14" + b"\x00" * 20
MAGICS = {
    "mp3": [b"\xff\xfb", b"\xff\xfb\x90\xc4", b"\xff\xf3", b"\xff\xe3", ID3, ID3 + b"\xff\xfb\x90\xc4"],
    "wav": [
        b"RIFF\x00\x00\x00\x00WAVE",
        b"RIFF\xff\xff\xff\xffWAVEfmt ",
        b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00",
    ],
    "flac": [b"fLaC", make_flac(1)[:42]],  # the marker alone; marker plus a valid STREAMINFO
}


def must_refuse(path, data: bytes, filename: str, model) -> str:
    path.write_bytes(data)
    with pytest.raises(ReferenceRejected) as info:
        inspect(path, filename, model)
    assert str(info.value)
    return str(info.value)


def may_pass(path, data: bytes, filename: str, model) -> None:
    path.write_bytes(data)
    try:
        info = inspect(path, filename, model)
    except ReferenceRejected as exc:
        assert str(exc)
    else:
        assert info.duration_s > model.reference_min_seconds
        if model.reference_max_seconds is not None:
            assert info.duration_s <= model.reference_max_seconds


@pytest.fixture(scope="module")
def upload(tmp_path_factory):
    return tmp_path_factory.mktemp("properties") / "upload"


@CHECKS
@given(
    data=st.binary(max_size=MAX_SIZE),
    filename=st.sampled_from(["a.mp3", "a.wav", "a.flac"]),
    model=st.sampled_from([*MODEL_LIST]),
)
def test_random_bytes_are_always_refused(upload, data, filename, model):
    if filename.endswith(".flac") and model is not COVER:
        model = COVER
    must_refuse(upload, data, filename, model)


@CHECKS
@given(
    kind_and_magic=st.sampled_from([(kind, magic) for kind, magics in MAGICS.items() for magic in magics]),
    rest=st.binary(max_size=MAX_SIZE),
    model=st.sampled_from(MODEL_LIST),
)
def test_random_bytes_behind_an_audio_magic_number_are_always_refused(upload, kind_and_magic, rest, model):
    kind, magic = kind_and_magic
    if kind == "flac":
        model = COVER
    must_refuse(upload, (magic + rest)[:MAX_SIZE], f"a.{kind}", model)


@CHECKS
@given(
    format_tag=st.sampled_from([0, 1, 2, 3, 6, 7, 0x11, 0xFFFE]) | st.integers(0, 0xFFFF),
    channels=st.integers(0, 0xFFFF),
    sample_rate=st.sampled_from([0, 1, 7999, 8000, 44100, 192000, 0xFFFFFFFF]) | st.integers(0, 0xFFFFFFFF),
    byte_rate=st.integers(0, 0xFFFFFFFF),
    block_align=st.integers(0, 0xFFFF),
    bits=st.sampled_from([0, 1, 4, 8, 16, 24, 32, 64]) | st.integers(0, 0xFFFF),
    declared=st.integers(0, 0xFFFFFFFF),
    samples=st.binary(max_size=MAX_SIZE - 44),
    model=st.sampled_from(MODEL_LIST),
)
# "1 Hz": 1000 bytes of 16-bit samples would last 500 s.
@example(
    format_tag=1, channels=1, sample_rate=1, byte_rate=2, block_align=2, bits=16, declared=1000,
    samples=b"\x00" * 1000, model=LEGACY,
)
# An honest 8 kHz header over 1 s of samples, with a data chunk claiming 72 hours.
@example(
    format_tag=1, channels=1, sample_rate=8000, byte_rate=16000, block_align=2, bits=16,
    declared=72 * 3600 * 16000, samples=b"\x00" * 16000, model=LEGACY,
)
def test_a_wav_header_cannot_talk_a_short_file_into_passing(
    upload, format_tag, channels, sample_rate, byte_rate, block_align, bits, declared, samples, model
):
    header = b"RIFF" + struct.pack("<I", (declared + 36) & 0xFFFFFFFF) + b"WAVE"
    header += b"fmt " + struct.pack("<IHHIIHH", 16, format_tag, channels, sample_rate, byte_rate, block_align, bits)
    header += b"data" + struct.pack("<I", declared)
    must_refuse(upload, header + samples, "a.wav", model)


@CHECKS
@given(
    claimed_frames=st.integers(0, 0xFFFFFFFF),
    claimed_bytes=st.integers(0, 0xFFFFFFFF),
    flags=st.integers(0, 0xF),
    real_seconds=st.sampled_from([0.05, 1.0, 5.0]),
    model=st.sampled_from(MODEL_LIST),
)
# The reproduced defect: 1.7 kB read as 72 hours.
@example(claimed_frames=72 * 3600 * 44100 // 1152, claimed_bytes=100, flags=0x3, real_seconds=0.05, model=LEGACY)
def test_an_mp3_xing_header_cannot_talk_a_short_file_into_passing(
    upload, claimed_frames, claimed_bytes, flags, real_seconds, model
):
    audio = make_mp3(real_seconds)
    xing = audio[:4] + b"\x00" * 17 + b"Xing" + struct.pack(">III", flags, claimed_frames, claimed_bytes)
    message = must_refuse(upload, xing.ljust(417, b"\x00") + audio, "a.mp3", model)
    assert "must be longer than" in message


@CHECKS
@given(
    kind=st.sampled_from(["mp3", "wav", "flac"]),
    cut=st.integers(0, 40_000),
    flips=st.lists(st.tuples(st.integers(0, 40_000), st.integers(1, 255)), max_size=8),
)
def test_a_damaged_genuine_file_never_raises_anything_but_a_refusal(upload, kind, cut, flips):
    genuine = {"mp3": make_mp3(2.0), "wav": make_wav(2.0, sample_rate=8000), "flac": make_flac(2.0)}[kind]
    data = bytearray(genuine[: max(cut, 1)])
    for offset, mask in flips:
        if offset < len(data):
            data[offset] ^= mask
    may_pass(upload, bytes(data), f"a.{kind}", COVER)
