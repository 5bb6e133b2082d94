"""The example pictures in docs/, and how long a five-minute song's card takes.

`python -m bench.pictures` writes docs/song-card.png (a tone shaped like a song, so the
waveform shows its range), docs/song-card-ja.png (the same in Japanese) and
docs/jam-leaderboard.png, then times the card of a 5-minute MP3.
"""

from __future__ import annotations

import math
import random
import tempfile
import time
import wave
from array import array
from pathlib import Path

from bot.jams.picture import LeaderboardRow, render_leaderboard
from bot.songs.picture import render_song_card, waveform
from fakes.audio import make_mp3

DOCS = Path(__file__).resolve().parents[1] / "docs"
RATE = 8000
EXAMPLE_ROWS = [
    LeaderboardRow(1, True, "Aurélie the Bassist", "Side by side through thick and thin", 12),
    LeaderboardRow(1, True, "DJ Nightowl", "Neon rain on the motorway", 12),
    LeaderboardRow(3, False, "Marco", "Summer in the city of lights and long nights that never end", 7),
    LeaderboardRow(4, False, "kiki", "Lullaby for a lighthouse", 3),
    LeaderboardRow(5, False, "Sam", "Paper boats", 1),
    LeaderboardRow(6, False, "Zed", "Zero hour", 0),
]


def write_song_shaped_tone(path: Path, seconds: int) -> None:
    """A 16-bit mono WAV: a 220 Hz tone shaped like a song (quiet intro, verses, loud choruses,
    a fade-out) with a beat, so the example waveform shows the card's range."""
    sections = [(0.0, 0.25), (0.1, 0.5), (0.3, 0.55), (0.4, 0.95), (0.55, 0.5), (0.7, 1.0), (0.85, 0.9), (1.0, 0.1)]
    jitter = random.Random(7)
    samples = array("h")
    for second in range(seconds):
        where = second / seconds
        later = next(i for i, (at, _) in enumerate(sections) if at >= where)
        (start, low), (end, high) = sections[max(0, later - 1)], sections[later]
        level = low + (high - low) * ((where - start) / (end - start) if end > start else 0.0)
        level *= 0.85 + 0.15 * jitter.random()
        for i in range(RATE):
            beat = 0.75 + 0.25 * math.cos(2 * math.pi * 2 * i / RATE)
            samples.append(int(32000 * level * beat * math.sin(2 * math.pi * 220 * i / RATE)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        tone = Path(scratch) / "tone.wav"
        write_song_shaped_tone(tone, 154)
        card = render_song_card(tone, title="Side by side through thick and thin", member_name="Aurélie the Bassist",
                                locale="en")
        (DOCS / "song-card.png").write_bytes(card)
        board = render_leaderboard("Songs about the sea at night", EXAMPLE_ROWS, locale="en")
        (DOCS / "jam-leaderboard.png").write_bytes(board)
        print(f"docs/song-card.png {len(card) / 1024:.0f} kB, docs/jam-leaderboard.png {len(board) / 1024:.0f} kB")
        # The same song in a server that speaks Japanese, by a member with a Japanese name.
        japanese = render_song_card(tone, title="夜の海を走る", member_name="さくら", locale="ja")
        (DOCS / "song-card-ja.png").write_bytes(japanese)
        print(f"docs/song-card-ja.png {len(japanese) / 1024:.0f} kB")

        long_song = Path(scratch) / "five-minutes.mp3"
        long_song.write_bytes(make_mp3(300.0, sample_rate=44100, channels=2))
        started = time.perf_counter()
        waveform(long_song)
        decoded = time.perf_counter()
        render_song_card(long_song, title="Five minutes", member_name="bench", locale="en")
        print(f"5-minute stereo MP3: waveform {decoded - started:.2f} s, "
              f"whole card {time.perf_counter() - decoded:.2f} s")


if __name__ == "__main__":
    main()
