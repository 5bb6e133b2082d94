"""Shards: which one serves a server, and how fast a process may start their gateway sessions."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable

# Discord lets each identify bucket (shard id % max_concurrency) start one session per 5 seconds.
IDENTIFY_WINDOW_S = 5.0


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard whose gateway session carries a server's events (Discord's rule)."""
    return (guild_id >> 22) % shard_count


def shard_list(shard_ids: Iterable[int]) -> str:
    """`0, 1, 3` for logs and replies."""
    return ", ".join(str(shard_id) for shard_id in shard_ids)


class IdentifyBuckets:
    """Spaces IDENTIFYs as `GET /gateway/bot`'s `max_concurrency` allows.

    Shards whose ids differ modulo `max_concurrency` may identify at the same moment; two in the
    same bucket wait `IDENTIFY_WINDOW_S` apart. (discord.py's own hook waits 5 s before every shard
    but the first, which is right for `max_concurrency` 1 and slow for large bots.)
    """

    def __init__(self, max_concurrency: int, *, window_s: float = IDENTIFY_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[object]] = asyncio.sleep) -> None:
        self.max_concurrency = max(1, max_concurrency)
        self.window_s = window_s
        self._clock = clock
        self._sleep = sleep
        self._last: dict[int, float] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    def bucket(self, shard_id: int) -> int:
        return shard_id % self.max_concurrency

    async def wait_turn(self, shard_id: int) -> None:
        """Return when `shard_id` may IDENTIFY, and count it as having done so."""
        bucket = self.bucket(shard_id)
        async with self._locks.setdefault(bucket, asyncio.Lock()):
            last = self._last.get(bucket)
            if last is not None:
                wait = last + self.window_s - self._clock()
                if wait > 0:
                    await self._sleep(wait)
            self._last[bucket] = self._clock()
