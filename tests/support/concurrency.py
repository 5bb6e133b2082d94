"""Many members' worth of simultaneous requests against the real charging transaction."""

from __future__ import annotations

import asyncio

from bot.songs.jobs import NewJob
from bot.songs.quota import QuotaExceeded, QuotaLimits
from bot.songs.sqlite_store import SqliteStorage


async def simultaneous_creates(storage: SqliteStorage, job: NewJob, limits: QuotaLimits, *, now: float,
                               count: int = 50) -> int:
    """Start `count` create_job calls at once; how many were recorded (the rest were refused)."""

    async def attempt() -> bool:
        try:
            await storage.create_job(job, limits, now=now, timeout_s=60)
        except QuotaExceeded:
            return False
        return True

    return sum(await asyncio.gather(*(attempt() for _ in range(count))))
