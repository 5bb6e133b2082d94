"""Counting MPEG frames measures what an MP3 really holds, whatever its headers claim."""

import io

import pytest

from bot.songs.mpeg_frames import mp3_seconds
from fakes.audio import make_lying_mp3, make_mp3


@pytest.mark.parametrize(("seconds", "sample_rate", "bitrate"), [(20, 44100, 128), (18, 22050, 32), (30, 48000, 320)])
def test_a_real_mp3_is_measured_by_its_frames(seconds, sample_rate, bitrate):
    data = make_mp3(seconds, sample_rate=sample_rate, bitrate_kbps=bitrate)
    assert mp3_seconds(io.BytesIO(data), 1000) == pytest.approx(seconds, abs=0.1)


def test_counting_stops_just_past_what_is_needed():
    assert 15.0 < mp3_seconds(io.BytesIO(make_mp3(60)), 15.0) < 15.1


def test_a_header_that_lies_about_the_length_is_not_believed():
    assert mp3_seconds(io.BytesIO(make_lying_mp3()), 1000) < 1


def test_garbage_after_the_audio_ends_the_count():
    data = make_mp3(16) + bytes(range(256)) * 4000
    assert mp3_seconds(io.BytesIO(data), 1000) == pytest.approx(16, abs=0.1)


def test_a_truncated_last_frame_is_not_counted_and_junk_alone_is_no_audio():
    data = make_mp3(16)
    assert mp3_seconds(io.BytesIO(data[:-100]), 1000) < mp3_seconds(io.BytesIO(data), 1000)
    assert mp3_seconds(io.BytesIO(b"\xff\xfb" + bytes(5000)), 1000) is None
    assert mp3_seconds(io.BytesIO(b"ID3\x04\x00\x00\x00\x00\x00\x0a" + bytes(10)), 1000) is None


def test_the_work_grows_with_the_audio_counted_not_with_the_file():
    """A 3-minute file is only read up to the limit (steps, not seconds: the handle counts reads)."""
    class CountingReads(io.BytesIO):
        read_bytes = 0

        def read(self, size=-1):
            chunk = super().read(size)
            self.read_bytes += len(chunk)
            return chunk

    handle = CountingReads(make_mp3(180))
    mp3_seconds(handle, 15.0)
    assert handle.read_bytes < 0.4 * len(handle.getvalue())
