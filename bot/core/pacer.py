"""Keeps the bot's own channel requests under Discord's global rate limit, the important ones first."""

from __future__ import annotations

import asyncio
import enum
import heapq
import itertools
import time
from collections.abc import Callable


class Priority(enum.IntEnum):
    SONG = 0  # a finished song, or the news that it failed: members are waiting for these
    STATUS = 1  # a status message posted or edited, buttons changed: a later edit shows the same anyway


class Pacer:
    """Hands out turns at `per_second` after an initial `burst`, lowest `priority` first.

    discord.py only learns of the global limit from a 429, and then every request in flight
    retries at once (and each 429 counts towards Discord's invalid-request ban). Staying under
    the limit avoids that storm, and lets songs overtake status edits when the bot is busy.
    """

    def __init__(self, per_second: float, burst: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._interval = 1.0 / per_second
        self._burst = float(burst)
        self._tokens = float(burst)
        self._clock = clock
        self._updated = clock()
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._timer: asyncio.TimerHandle | None = None

    async def turn(self, priority: Priority) -> None:
        """Wait until a request of this priority may go."""
        self._refill()
        if not self._waiting and self._tokens >= 1:
            self._tokens -= 1
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (priority, next(self._order), future))
        self._arm()
        await future

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._updated) / self._interval)
        self._updated = now

    def _arm(self) -> None:
        if self._timer is None and self._waiting:
            delay = max(0.0, (1.0 - self._tokens) * self._interval)
            self._timer = asyncio.get_running_loop().call_later(delay, self._release)

    def _release(self) -> None:
        self._timer = None
        self._refill()
        while self._waiting and self._tokens >= 1:
            _, _, future = heapq.heappop(self._waiting)
            if not future.done():  # a cancelled waiter gives its turn away
                future.set_result(None)
                self._tokens -= 1
        self._arm()
