"""Test audio generators: real, playable files that mutagen (and players) accept.

`make_lying_mp3` and `make_lying_wav` are the exception: valid-looking files whose headers claim
far more audio than they hold, for the checks that must measure a reference rather than believe it.

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
from pathlib import Path

SANDBOX_SONG = Path(__file__).with_name("media") / "sandbox-tone.mp3"
"""20 s of tone as an MP3, made once with `make_mp3`, so the sandbox needs no encoder installed."""

__all__ = ["SANDBOX_SONG", "make_flac", "make_lying_mp3", "make_lying_wav", "make_mp3", "make_png", "make_wav"]


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
    import lameenc  # a test dependency only: the sandbox serves the ready-made SANDBOX_SONG instead

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


_FLAC_BLOCK = 4096


def _crc8(data: bytes) -> int:
    """FLAC's frame-header CRC-8 (polynomial x^8 + x^2 + x + 1, initial value 0)."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def _crc16(data: bytes) -> int:
    """FLAC's frame CRC-16 (polynomial x^16 + x^15 + x^2 + 1, initial value 0)."""
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x8005) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def _flac_number(value: int) -> bytes:
    """A frame number in FLAC's UTF-8-like variable-length coding."""
    if value < 0x80:
        return bytes([value])
    payload = []
    while True:
        payload.insert(0, 0x80 | (value & 0x3F))
        value >>= 6
        # Room left in the lead byte: 7 - (number of bytes) bits.
        if value < 1 << (6 - len(payload)):
            lead = (0xFF00 >> (len(payload) + 1)) & 0xFF
            return bytes([lead | value, *payload])


def _flac_frame(number: int, block: int) -> bytes:
    # Sync + fixed block size; block size from the 16 bits after the number, rate from STREAMINFO;
    # mono, 16-bit samples.
    header = bytes([0xFF, 0xF8, 0x70, 0x08]) + _flac_number(number) + struct.pack(">H", block - 1)
    header += bytes([_crc8(header)])
    frame = header + b"\x00" + b"\x00\x00"  # one CONSTANT subframe: every sample is 0
    return frame + struct.pack(">H", _crc16(frame))


@lru_cache(maxsize=16)
def make_flac(seconds: float, *, sample_rate: int = 44100) -> bytes:
    """A real, decodable mono 16-bit FLAC of ``seconds`` of silence (tiny: a few bytes per frame).

    Silence lets each frame be one CONSTANT subframe, so this needs no real encoder.
    """
    if seconds <= 0:
        raise ValueError("seconds must be positive")
    total = round(seconds * sample_rate)
    packed = (sample_rate << 44) | (0 << 41) | (15 << 36) | total  # mono, 16-bit, total samples
    info = struct.pack(">HH", _FLAC_BLOCK, _FLAC_BLOCK) + b"\x00" * 6 + packed.to_bytes(8, "big") + b"\x00" * 16
    out = bytearray(b"fLaC" + bytes([0x80, 0, 0, len(info)]) + info)  # the last (only) metadata block
    for number, start in enumerate(range(0, total, _FLAC_BLOCK)):
        out += _flac_frame(number, min(_FLAC_BLOCK, total - start))
    return bytes(out)


@lru_cache(maxsize=8)
def make_lying_mp3(claimed_seconds: float = 72 * 3600, real_seconds: float = 0.05) -> bytes:
    """An MP3 whose Xing header claims ``claimed_seconds`` but which holds ``real_seconds`` of audio.

    The header also declares a tiny byte count, so a tag reader works out a bitrate of 0 and has
    nothing to check the claimed length against: the defaults make a 1.7 kB file that reads as
    72 hours.
    """
    audio = make_mp3(real_seconds)
    header = audio[:4]  # the same MPEG version, rate and (mono) channel mode as the real frames
    claimed_frames = round(claimed_seconds * 44100 / 1152)
    # 4-byte frame header, 17 bytes of (mono) side information, then the Xing tag: flags say
    # "frame count and byte count present".
    xing = header + b"\x00" * 17 + b"Xing" + struct.pack(">III", 0x3, claimed_frames, 100)
    frame_bytes = 144 * 128_000 // 44100  # 128 kbps at 44.1 kHz, no padding
    return xing.ljust(frame_bytes, b"\x00") + audio


@lru_cache(maxsize=8)
def make_lying_wav(claimed_seconds: float = 72 * 3600, real_seconds: float = 1.0, sample_rate: int = 8000) -> bytes:
    """A 16-bit mono WAV whose RIFF and data chunk sizes claim ``claimed_seconds``; it holds ``real_seconds``."""
    data = bytearray(make_wav(real_seconds, sample_rate=sample_rate))
    claimed_bytes = min(round(claimed_seconds * sample_rate) * 2, 0xFFFFFFFF - 36)
    struct.pack_into("<I", data, 4, claimed_bytes + 36)
    struct.pack_into("<I", data, 40, claimed_bytes)
    return bytes(data)


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


@lru_cache(maxsize=1)
def make_png() -> bytes:
    """A valid 1x1 red PNG (for "an image renamed .mp3" tests)."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    pixels = zlib.compress(b"\x00\xff\x00\x00")  # filter byte + one RGB pixel
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", pixels) + _png_chunk(b"IEND", b"")
