"""Background loops that never die quietly: run, log the error, back off, run again, and count it.

Every background loop of the bot (the job engine's dispatcher and status workers, the jam
closer) runs under `LoopHealth.supervise`. The bot owns one `LoopHealth`; a health check reads
each loop's restarts and last error from it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace

from bot.core.database import is_database_busy

log = logging.getLogger("songjam.loops")

DEFAULT_BASE_DELAY_S = 1.0
DEFAULT_MAX_DELAY_S = 60.0


@dataclass
class LoopStats:
    """What a health check wants to know about one loop."""

    name: str
    restarts: int = 0
    last_error_at: float | None = None  # Unix seconds
    last_error: str | None = None
    running: bool = False  # its supervisor runs (a one-shot loop, repeat=False, stops when done)
    repeat: bool = True
    restart_times: list[float] = field(default_factory=list)  # Unix seconds of the latest restarts

    def restarts_since(self, since: float) -> int:
        return sum(1 for at in self.restart_times if at >= since)


RESTARTS_KEPT = 20


class LoopHealth:
    """The registry of supervised loops, and the supervisor that runs them."""

    def __init__(
        self, *, clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._loops: dict[str, LoopStats] = {}
        # Called after each restart with the loop's figures (operator alerts); must not raise.
        self.on_restart: Callable[[LoopStats], None] | None = None

    def stats(self, name: str) -> LoopStats:
        return self._loops.setdefault(name, LoopStats(name))

    def restarts(self, name: str) -> int:
        stats = self._loops.get(name)
        return stats.restarts if stats is not None else 0

    @property
    def total_restarts(self) -> int:
        return sum(stats.restarts for stats in self._loops.values())

    def snapshot(self) -> dict[str, LoopStats]:
        """A copy of every loop's figures, by name."""
        return {name: replace(stats, restart_times=list(stats.restart_times)) for name, stats in self._loops.items()}

    async def supervise(
        self, name: str, body: Callable[[], Awaitable[object]], *, repeat: bool = True,
        base_delay_s: float = DEFAULT_BASE_DELAY_S, max_delay_s: float = DEFAULT_MAX_DELAY_S,
    ) -> None:
        """Run `body` again and again (`repeat=False`: until it once returns) until cancelled.

        `body` may be one pass of a loop or a loop of its own. When it raises, the error is
        logged with its traceback and counted, and `body` runs again after a delay that doubles
        with each error in a row, up to `max_delay_s`. A pass that ends normally, or ran for
        longer than `max_delay_s`, starts the doubling over. Cancellation is never caught: it
        stops the loop at once, in the body or in the delay.
        """
        stats = self.stats(name)
        stats.running, stats.repeat = True, repeat
        try:
            await self._supervise(stats, body, repeat=repeat, base_delay_s=base_delay_s, max_delay_s=max_delay_s)
        finally:
            stats.running = False

    async def _supervise(
        self, stats: LoopStats, body: Callable[[], Awaitable[object]], *, repeat: bool,
        base_delay_s: float, max_delay_s: float,
    ) -> None:
        name = stats.name
        loop = asyncio.get_running_loop()
        streak = 0
        while True:
            started = loop.time()
            try:
                await body()
            except Exception as exc:
                streak = 1 if loop.time() - started > max_delay_s else streak + 1
                delay = min(max_delay_s, base_delay_s * 2 ** (streak - 1))
                stats.restarts += 1
                stats.last_error_at = self._clock()
                stats.last_error = f"{type(exc).__name__}: {exc}"
                stats.restart_times = [*stats.restart_times[-(RESTARTS_KEPT - 1):], stats.last_error_at]
                notes = "".join(f" ({note})" for note in getattr(exc, "__notes__", ()))
                if is_database_busy(exc):  # a backup or an operator's shell holds it: it passes by itself
                    log.warning("loop %s: the database is busy (%s)%s; again in %.1f s", name, exc, notes, delay)
                else:
                    log.error("loop %s failed%s: restart %d, in %.1f s", name, notes, stats.restarts, delay,
                              exc_info=exc)
                if self.on_restart is not None:
                    self.on_restart(replace(stats))
                await self._sleep(delay)
                continue
            streak = 0
            if not repeat:
                return
