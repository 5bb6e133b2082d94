"""The bot's event-loop stalls, from asyncio's slow-callback warnings in its log.

The benchmark starts the bot with ASYNCIO_SLOW_CALLBACK_MS (bot/loop_watch.py), so asyncio logs
`Executing <callback> took 0.123 seconds` for every callback that held the loop at least that
long; while one runs, no other command is even read. Stalls are counted by phase: start-up (before
the gateway's READY: loading the cogs, opening the database), serving, and shutdown (after SIGTERM).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bench.report import Result

STALL_TARGET_MS = 50.0
SERVING = "serving"
_SLOW = re.compile(r"Executing (?P<what>.+) took (?P<seconds>\d+(?:\.\d+)?) seconds")
_CORO = re.compile(r"coro=<(?P<coro>.+?) running at (?P<where>[^>]+)>")
# Log lines that start a phase (bot/loop_watch.py, bot/client.py, bot/__main__.py).
_PHASES = (("event loop: logging callbacks", "start-up"), ("ready as ", SERVING), ("SIGTERM: closing", "shutdown"))


@dataclass(frozen=True)
class Stall:
    ms: float
    what: str
    phase: str


def stalls(text: str) -> list[Stall]:
    """Every slow callback logged in `text`, with the phase the bot was in."""
    found = []
    phase = "start-up"
    for line in text.splitlines():
        slow = _SLOW.search(line)
        if slow is not None:
            found.append(Stall(float(slow["seconds"]) * 1000, _short(slow["what"]), phase))
            continue
        phase = next((name for marker, name in _PHASES if marker in line), phase)
    return found


def _short(what: str) -> str:
    """A task's coroutine and where it was (a handle as it is), for a one-line note."""
    coro = _CORO.search(what)
    return f"{coro['coro']} at {coro['where']}" if coro else what[:200]


def add_stalls(result: Result, logs: list[Path], threshold_ms: float) -> None:
    """The longest stalls in one scenario's bot logs (nothing when not measured)."""
    if not logs or threshold_ms <= 0:
        return
    found = [stall for log in logs for stall in stalls(log.read_text(errors="replace"))]
    serving = [stall for stall in found if stall.phase == SERVING]
    longest = max(serving, key=lambda stall: stall.ms, default=None)
    name = f"bot event loop: longest stall serving ({len(serving)} callbacks >= {threshold_ms:g} ms)"
    value = f"{longest.ms:.0f} ms" if longest else f"< {threshold_ms:g} ms"
    result.add(name, value, f"< {STALL_TARGET_MS:g} ms", longest is None or longest.ms < STALL_TARGET_MS)
    others = [f"{max((s.ms for s in found if s.phase == phase), default=0):.0f}" for phase in ("start-up", "shutdown")]
    result.add("bot event loop: longest stall at start-up / shutdown", f"{' / '.join(others)} ms")
    if longest is not None:
        result.notes.append(f"longest stall serving: {longest.what}")
