"""Housekeeping: files no job needs are swept at start; old rows are pruned at start, then daily.

The daily step is `Housekeeping.prune`; `run` is only the loop around it (errors logged, retried
sooner, never the end of the loop), so it can move onto a loop supervisor as it is.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from bot.moderation.store import ModerationStore
from bot.songs.engine import result_file_name
from bot.songs.quota import DAY_SECONDS
from bot.songs.sqlite_store import SqliteStorage

log = logging.getLogger("songjam.housekeeping")

# What the bot itself writes there: a job's song (`job-12.mp3`) and partial files (`*.part`:
# downloads and reference checks a crash interrupted). Anything else is left alone.
_JOB_FILE = re.compile(r"job-\d+\.[A-Za-z0-9]+")
RETRY_S = 60.0  # after a failed prune: 1, 2, 4 ... minutes, at most the interval


def sweep_orphans(dirs: Iterable[Path], keep: set[str]) -> list[Path]:
    """Delete every `.part` file, and every job file not named in `keep`, in `dirs`; returns what went."""
    removed: list[Path] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            orphan = path.suffix == ".part" or (_JOB_FILE.fullmatch(path.name) is not None and path.name not in keep)
            if orphan and path.is_file():
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


class Housekeeping:
    def __init__(
        self, storage: SqliteStorage, moderation: ModerationStore, *, results_dir: Path, incoming_dir: Path,
        retention_days: float, interval_s: float = DAY_SECONDS, retry_s: float = RETRY_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.storage = storage
        self.moderation = moderation
        self.dirs = (results_dir, incoming_dir)
        self.retention_s = retention_days * DAY_SECONDS
        self.interval_s = interval_s
        self.retry_s = retry_s
        self.clock = clock

    async def sweep(self) -> list[Path]:
        """Files no unfinished job needs: run it before the engine or an upload can write any."""
        keep = {result_file_name(job_id) for job_id in await self.storage.unfinished_job_ids()}
        removed = await asyncio.to_thread(sweep_orphans, self.dirs, keep)
        if removed:
            log.info("swept %d orphan file(s): %s", len(removed), ", ".join(path.name for path in removed[:20]))
        return removed

    async def prune(self) -> tuple[int, int]:
        """Finished jobs and audit log entries older than the retention period; returns how many of each."""
        before = self.clock() - self.retention_s
        jobs = await self.storage.prune_finished(before)
        audit = await self.moderation.prune_audit(before)
        await self.moderation.prune_held_songs(self.clock())  # rights prompts that expired unanswered
        if jobs or audit:
            log.info("pruned %d finished job(s) and %d audit log entries older than %.0f days",
                     jobs, audit, self.retention_s / DAY_SECONDS)
        return jobs, audit

    async def at_start(self) -> None:
        """Sweep, then prune; a failure is logged and never keeps the bot from starting."""
        for step in (self.sweep, self.prune):
            try:
                await step()
            except Exception:
                log.exception("housekeeping: %s failed at start", step.__name__)

    async def run(self) -> None:
        """Prune every `interval_s` until cancelled; after an error, retry sooner (with backoff)."""
        failures = 0
        while True:
            delay = self.interval_s if failures == 0 else min(self.interval_s, self.retry_s * 2 ** (failures - 1))
            await asyncio.sleep(delay)
            try:
                await self.prune()
            except Exception:
                failures += 1
                log.exception("housekeeping: pruning failed (%d in a row); retrying in a while", failures)
            else:
                failures = 0
