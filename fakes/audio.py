"""Test audio generators: real, playable files that mutagen (and players) accept.

Results are cached by arguments because tests ask for the same few files over and over;
the returned ``bytes`` are immutable, so sharing them is safe.
"""

from __future__ import annotations

import io
import math
import struct
import wave
import zlib
from array import array
from functools import lru_cache

import lameenc

__all__ = ["make_mp3", "make_png", "make_wav"]


@lru_cache(maxsize=32)
def _tone_second(freq: float, sample_rate: int, channels: int) -> bytes:
    """One second of a 16-bit sine tone at half amplitude (interleaved for ``channels``)."""
    samples = array("h")
    step = 2.0 * math.pi * freq / sample_rate
    for i in range(sample_rate):
        value = int(16383 * math.sin(step * i))
        samples.extend([value] * channels)
    return samples.tobytes()


def _tone_pcm(seconds: float, freq: float, sample_rate: int, channels: int) -> bytes:
    """``seconds`` of tone, built by repeating one cached second (cheap for long files).

    A whole number of seconds of a whole-number frequency is seamless; other values only
    click once a second, which is fine for test audio.
    """
    frame_bytes = 2 * channels
    total = round(seconds * sample_rate) * frame_bytes
    second = _tone_second(freq, sample_rate, channels)
    whole, rest = divmod(total, len(second))
    return second * whole + second[:rest]


@lru_cache(maxsize=64)
def make_mp3(
    seconds: float,
    *,
    freq: float = 440.0,
    sample_rate: int = 44100,
    bitrate_kbps: int = 128,
    channels: int = 1,
    pad_to_bytes: int | None = None,
) -> bytes:
    """A constant-bitrate MP3 tone of ``seconds`` (about ``bitrate_kbps * seconds / 8`` KB).

    ``pad_to_bytes`` makes a big file cheaply: the encoded tone is repeated whole (MP3 frames
    are self-delimiting, so the result is still one valid, longer stream) until the file is at
    least that many bytes.
    """
    if seconds <= 0:
        raise ValueError("seconds must be positive")
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(channels)
    encoder.set_quality(7)  # fastest reasonable quality; it is a sine wave
    data = bytes(encoder.encode(_tone_pcm(seconds, freq, sample_rate, channels)))
    data += bytes(encoder.flush())
    if pad_to_bytes is not None and len(data) < pad_to_bytes:
        data *= -(-pad_to_bytes // len(data))
    return data


@lru_cache(maxsize=32)
def make_wav(seconds: float, *, freq: float = 440.0, sample_rate: int = 44100, channels: int = 1) -> bytes:
    """A 16-bit PCM WAV tone of ``seconds`` (about 88 KB per second of mono 44.1 kHz)."""
    if seconds <= 0:
        raise ValueError("seconds must be positive")
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(_tone_pcm(seconds, freq, sample_rate, channels))
    return out.getvalue()


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


@lru_cache(maxsize=1)
def make_png() -> bytes:
    """A valid 1x1 red PNG (for "an image renamed .mp3" tests)."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    pixels = zlib.compress(b"\x00\xff\x00\x00")  # filter byte + one RGB pixel
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", pixels) + _png_chunk(b"IEND", b"")
