"""The filesize scenario: the same jobs with 1 MB and with 8 MB songs; peak RSS should not follow size."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass
from pathlib import Path

from bench.drive import send_songs
from bench.profiler import Profiler, profiled
from bench.report import Result
from bench.seed import SQLITE, DatabaseChoice
from bench.stack import Layout, running_stack
from fakes.music_api import REALISTIC, TaskBehaviour

MB = 1_000_000


@dataclass(frozen=True)
class FilesizeParams:
    jobs: int
    sizes_mb: tuple[int, ...]
    within_s: float
    layout: Layout
    scale: float
    rate_limit: int | None
    database: DatabaseChoice = SQLITE

    def describe(self) -> list[tuple[str, str]]:
        return [
            ("jobs per size", str(self.jobs)), ("sizes", ", ".join(f"{s} MB" for s in self.sizes_mb)),
            ("sent within", f"{self.within_s:g} s"), ("where", self.layout.describe()),
            ("API timing", f"REALISTIC / {self.scale:g}"),
            ("global_rate_limit", "off" if self.rate_limit is None else f"{self.rate_limit}/s"),
            ("database", self.database.describe()),
        ]


async def _one_size(params: FilesizeParams, size_mb: int, work_dir: Path,
                    profiler: Profiler | None) -> tuple[float, float, int]:
    """Peak RSS before the jobs and after them (MB), and how many songs were posted."""
    async with running_stack(work_dir, params.layout, scale=params.scale, timing=REALISTIC,
                             rate_limit=params.rate_limit, database=params.database) as stack:
        stack.api.on_next_task(TaskBehaviour(audio_min_bytes=size_mb * MB), times=None)
        await stack.prepare_db()
        probe, _ = await stack.start_bot()
        await stack.wait_engine()
        await asyncio.sleep(0.5)
        before = probe.peak_rss_mb()
        rng = random.Random(3)
        async with profiled(profiler, stack.bot.pid, f"filesize-{size_mb}mb"):
            await send_songs(stack, sorted(rng.uniform(0, params.within_s) for _ in range(params.jobs)))
            await stack.recorder.wait_songs(params.jobs, within=120)
        return before, probe.peak_rss_mb(), len(stack.recorder.song_at)


async def run_filesize(params: FilesizeParams, work_dir: Path, profiler: Profiler | None = None) -> Result:
    result = Result("filesize", params.describe())
    peaks = {}
    for size in params.sizes_mb:
        before, peak, posted = await _one_size(params, size, work_dir / f"{size}mb", profiler)
        peaks[size] = peak
        result.add(f"{size} MB songs: peak RSS (before the jobs)", f"{peak:.0f} MB ({before:.0f} MB)",
                   f"{posted}/{params.jobs} posted", posted == params.jobs)
    small, large = min(params.sizes_mb), max(params.sizes_mb)
    growth = peaks[large] - peaks[small]
    result.add(f"peak RSS {large} MB minus {small} MB songs", f"{growth:+.0f} MB",
               f"< {large - small} MB (streamed)", growth < large - small)
    return result
