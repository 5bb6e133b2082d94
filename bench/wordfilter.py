"""The wordfilter scenario: lyrics checked against a long list of worst-case blocked words, in this process.

The check runs on the bot's event loop before Discord is answered, so its time is a stall for
every server. The entries are the ones that made the old regex matcher backtrack for minutes:
four wildcards between `a`s, each a near miss for lyrics that are long runs of `a`.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from bench.report import Result
from bot.moderation.wordfilter import MAX_WILDCARDS, make_entry, scan

TARGET_MS = 10.0
SHAPES = ("a*a*a*a*{}", "*a*a*a*a{}", "a*a*a*{}*", "a*aa*a*a*{}", "a*a a*a {}", "*a*a*a{}*")


@dataclass(frozen=True)
class WordfilterParams:
    entries: int = 200
    lyrics_chars: int = 600
    repetitions: int = 50

    def describe(self) -> list[tuple[str, str]]:
        shapes = ", ".join(shape.format("XY") for shape in SHAPES)
        return [
            ("blocked entries", f"{self.entries} with at most {MAX_WILDCARDS} wildcards ({shapes}; XY = bb, bc...)"),
            ("lyrics", f"{self.lyrics_chars} characters: all `a`; `a` words; `a_` pairs"),
            ("repetitions", f"{self.repetitions} per lyrics, time.perf_counter"),
        ]


def worst_case_entries(count: int) -> list[str]:
    tails = [a + b for a in "bcdefghijklmnopqrstuvwxyz" for b in "bcdefghijklmnopqrstuvwxyz0123456789"]
    return [make_entry(SHAPES[n % len(SHAPES)].format(tails[n])) for n in range(count)]


def adversarial_lyrics(chars: int) -> list[str]:
    return ["a" * chars, ("a" * 59 + " ") * (chars // 60), "a_" * (chars // 2)]


def run_wordfilter(params: WordfilterParams) -> Result:
    entries = worst_case_entries(params.entries)
    lyrics = adversarial_lyrics(params.lyrics_chars)
    started = time.perf_counter()
    first = scan(lyrics[0], entries)
    first_ms = (time.perf_counter() - started) * 1000
    times_ms: list[float] = []
    steps = set()
    for text in lyrics:
        for _ in range(params.repetitions):
            started = time.perf_counter()
            checked = scan(text, entries)
            times_ms.append((time.perf_counter() - started) * 1000)
            assert checked.entry is None, f"{checked.entry!r} should not match"
            steps.add(checked.steps)
    result = Result("wordfilter", params.describe())
    median, worst = statistics.median(times_ms), max(times_ms)
    result.add(f"check {params.lyrics_chars} chars vs {params.entries} entries: median / max",
               f"{median:.2f} / {worst:.2f} ms", f"< {TARGET_MS:g} ms", worst < TARGET_MS)
    result.add("first check (builds the list's automaton, then cached)", f"{first_ms:.2f} ms",
               f"< {TARGET_MS:g} ms", first_ms < TARGET_MS)
    result.add("matcher steps per check", " / ".join(str(s) for s in sorted(steps)) or str(first.steps))
    return result
