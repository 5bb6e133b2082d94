"""How long an MP3 really plays, from its frames: each MPEG audio frame header gives the frame's
length in bytes and in samples, so walking the headers measures the audio without decoding it
(about a hundredth of the CPU of a decode) and without trusting a Xing/VBRI header's claim.

The walk starts at the first frame (after any ID3v2 tag and a little junk) and stops at the first
thing that is not a frame of the same stream (an ID3v1 tag, garbage, a truncated frame).
"""

from __future__ import annotations

from typing import BinaryIO

# Bitrates in kbps by (MPEG-1?, layer); index 0 is "free format" (unsupported), 15 is invalid.
_BITRATES: dict[tuple[bool, int], tuple[int, ...]] = {
    (True, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
# Sample rates by the header's version bits: 0 = MPEG-2.5, 2 = MPEG-2, 3 = MPEG-1 (1 is reserved).
_SAMPLE_RATES: dict[int, tuple[int, int, int]] = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000),
                                                  0: (11025, 12000, 8000)}
MAX_JUNK_BEFORE_FIRST_FRAME = 64 * 1024
_CHUNK = 256 * 1024


def _frame(header: bytes) -> tuple[int, int, int, tuple[int, int, int]] | None:
    """(frame bytes, samples, sample rate, stream key) for a valid header, else None."""
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return None
    version = (header[1] >> 3) & 0b11
    layer = 4 - ((header[1] >> 1) & 0b11)  # bits 01 = layer III, 10 = II, 11 = I; 00 is reserved (4)
    bitrate_index = header[2] >> 4
    rate_index = (header[2] >> 2) & 0b11
    if version == 1 or layer == 4 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    mpeg1 = version == 3
    bitrate = _BITRATES[(mpeg1, layer)][bitrate_index] * 1000
    rate = _SAMPLE_RATES[version][rate_index]
    padding = (header[2] >> 1) & 1
    if layer == 1:
        return (12 * bitrate // rate + padding) * 4, 384, rate, (version, layer, rate)
    samples = 1152 if (layer == 2 or mpeg1) else 576
    return samples // 8 * bitrate // rate + padding, samples, rate, (version, layer, rate)


def _id3v2_size(head: bytes) -> int:
    if head[:3] != b"ID3" or len(head) < 10:
        return 0
    size = 10 + sum((byte & 0x7F) << (7 * (3 - i)) for i, byte in enumerate(head[6:10]))
    return size + (10 if head[5] & 0x10 else 0)


def mp3_seconds(handle: BinaryIO, enough_s: float) -> float | None:
    """Seconds of MPEG audio frames in the file, counted up to just past `enough_s`; None if it has none."""
    handle.seek(0)
    handle.seek(_id3v2_size(handle.read(10)))
    data = handle.read(_CHUNK)
    pos = _first_frame(data)
    if pos is None:
        return None
    samples = 0
    stream: tuple[int, int, int] | None = None
    rate = 0
    while True:
        if pos + 4 > len(data):
            more = handle.read(_CHUNK)
            if not more:
                break
            data, pos = data[pos:] + more, 0
        frame = _frame(data[pos:pos + 4])
        if frame is None or (stream is not None and frame[3] != stream):
            break
        length, frame_samples, rate, stream = frame
        if pos + length > len(data):  # the frame must be whole
            data, pos = data[pos:] + handle.read(max(_CHUNK, length)), 0
            if pos + length > len(data):
                break
        samples += frame_samples
        pos += length
        if samples > enough_s * rate:
            break
    return samples / rate if samples else None


def _first_frame(data: bytes) -> int | None:
    """Where the first of two consecutive frames starts, within the junk allowed before it."""
    start = 0
    limit = min(len(data), MAX_JUNK_BEFORE_FIRST_FRAME)
    while start < limit:
        start = data.find(b"\xff", start, limit)
        if start < 0:
            return None
        frame = _frame(data[start:start + 4])
        if frame is not None:
            following = _frame(data[start + frame[0]:start + frame[0] + 4])
            if (following is not None and following[3] == frame[3]) or start + frame[0] == len(data):
                return start
        start += 1
    return None
