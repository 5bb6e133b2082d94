"""The scale scenario: the same steady load served by one bot process, then by two on one PostgreSQL.

The fake Discord serves 2 shards and the guilds are spread over both. One process runs both
shards (SHARD_COUNT=2) with the whole request budget (DISCORD_REQUESTS_PER_SECOND=40); then process
A runs SHARD_IDS=0 and B SHARD_IDS=1 of SHARD_COUNT=2, each with half (20/s). Each run has a fresh
database. The Discord request rate is the fake's own log: every request subject to the global
limit (a 429 included), the peak over any 1-second window and the mean; together they must stay
under the fake's global limit.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass
from pathlib import Path

from bench.drive import LoopLag, send_songs
from bench.outcome import Deliveries, deliveries
from bench.profiler import Profiler, profiled
from bench.report import Result
from bench.seed import DatabaseChoice
from bench.stack import Layout, Stack, running_stack
from bench.stats import percentile
from fakes.music_api import REALISTIC

SHARDS = 2
WHOLE_BUDGET_RPS = 40  # the bot's default DISCORD_REQUESTS_PER_SECOND


@dataclass(frozen=True)
class ScaleParams:
    jobs: int
    within_s: float
    layout: Layout
    scale: float
    rate_limit: int | None
    audio_seconds: float
    database: DatabaseChoice
    process_counts: tuple[int, ...] = (1, 2)

    def describe(self) -> list[tuple[str, str]]:
        return [
            ("jobs per run", str(self.jobs)), ("sent within", f"{self.within_s:g} s"),
            ("where", self.layout.describe()),
            ("processes", " vs ".join(str(n) for n in self.process_counts)
             + f" (SHARD_COUNT={SHARDS}; DISCORD_REQUESTS_PER_SECOND={WHOLE_BUDGET_RPS} split between them)"),
            ("API timing", f"REALISTIC / {self.scale:g}"), ("poll schedule", f"default / {self.scale:g}"),
            ("global_rate_limit", "off" if self.rate_limit is None else f"{self.rate_limit}/s"),
            ("song size", f"{self.audio_seconds:g} s MP3"), ("database", self.database.describe()),
        ]


def process_envs(count: int) -> list[dict[str, str]]:
    """Each process's env: its shards of SHARD_COUNT and its share of the request budget."""
    if count == 1:
        return [{"SHARD_COUNT": str(SHARDS), "PROCESS_NAME": "solo",
                 "DISCORD_REQUESTS_PER_SECOND": f"{WHOLE_BUDGET_RPS:g}"}]
    if SHARDS % count:
        raise ValueError(f"{count} processes cannot split {SHARDS} shards")
    per = SHARDS // count
    return [{"SHARD_COUNT": str(SHARDS), "SHARD_IDS": ",".join(str(n * per + i) for i in range(per)),
             "PROCESS_NAME": chr(ord("a") + n), "DISCORD_REQUESTS_PER_SECOND": f"{WHOLE_BUDGET_RPS / count:g}"}
            for n in range(count)]


@dataclass
class _Run:
    processes: int
    delivered: int
    elapsed_s: float  # first command sent -> last song stored
    all_posted: bool
    outcome: Deliveries
    peak_rps: int
    mean_rps: float
    rate_limited: int
    cpu_s: list[float]
    peak_rss_mb: list[float]


def request_rates(stack: Stack, since: float, until: float) -> tuple[int, float]:
    """Requests subject to the global limit (fake's clock): most within any 1 s, and the mean per second."""
    times = sorted(r.at for r in stack.discord.requests if r.counted and since <= r.at <= until)
    peak, first = 0, 0
    for last, stamp in enumerate(times):
        while stamp - times[first] >= 1.0:
            first += 1
        peak = max(peak, last - first + 1)
    span = until - since
    return peak, len(times) / span if span > 0 else float("nan")


async def _one(params: ScaleParams, processes: int, work_dir: Path, profiler: Profiler | None) -> _Run:
    async with running_stack(work_dir, params.layout, scale=params.scale, timing=REALISTIC,
                             rate_limit=params.rate_limit, audio_seconds=params.audio_seconds,
                             database=params.database, processes=process_envs(processes)) as stack:
        await stack.prepare_db()
        await stack.start_bot()
        await stack.wait_engine()
        await asyncio.sleep(0.5)
        rng = random.Random(7)
        offsets = sorted(rng.uniform(0, params.within_s) for _ in range(params.jobs))
        probes = stack.probes
        async with LoopLag().running(), profiled(profiler, stack.bot.pid, f"scale-{processes}"):
            cpu_before = [probe.cpu().total_s for probe in probes]
            started, started_wall = time.monotonic(), stack.discord.world.clock.now()
            await send_songs(stack, offsets)
            slowest = (44.0 + 7.0) / params.scale
            done = await stack.recorder.wait_songs(params.jobs, within=60 + 2 * slowest + params.jobs / 10)
            last_song = max(stack.recorder.song_at.values(), default=time.monotonic())
            ended_wall = started_wall + (last_song - started)
            cpu = [probe.cpu().total_s - before for probe, before in zip(probes, cpu_before, strict=True)]
            rss = [probe.peak_rss_mb() for probe in probes]
        peak, mean = request_rates(stack, started_wall, ended_wall)
        limited = sum(1 for r in stack.discord.requests if r.status == 429)
        return _Run(processes, len(stack.recorder.song_at), last_song - started, done, await deliveries(stack),
                    peak, mean, limited, cpu, rss)


async def run_scale(params: ScaleParams, work_dir: Path, profiler: Profiler | None = None) -> Result:
    result = Result("scale", params.describe())
    for count in params.process_counts:
        run = await _one(params, count, work_dir / f"{count}-process", profiler)
        name = f"{count} process{'es' if count > 1 else ''}"
        result.add(f"{name}: songs delivered", f"{run.delivered}/{params.jobs}", "all", run.all_posted)
        result.add(f"{name}: songs delivered per second", f"{run.delivered / max(run.elapsed_s, 1e-9):.2f} "
                   f"(first command -> last song {run.elapsed_s:.0f} s)")
        result.add(f"{name}: delivery lag p50/p99", _p50_p99(run.outcome.lag_s))
        if params.scale != 1:
            result.add(f"{name}: delivery lag p50/p99 at real speed (projected)",
                       _p50_p99(run.outcome.projected_lag_s(params.scale)))
        limit = params.rate_limit or 50
        result.add(f"{name}: Discord requests/s together, peak 1 s / mean",
                   f"{run.peak_rps} / {run.mean_rps:.1f}", f"under {limit}/s",
                   run.peak_rps < limit and run.rate_limited == 0)
        result.add(f"{name}: Discord 429s", str(run.rate_limited))
        result.add(f"{name}: bot CPU per process", ", ".join(f"{c:.1f} s" for c in run.cpu_s))
        result.add(f"{name}: bot peak RSS per process", ", ".join(f"{r:.0f} MB" for r in run.peak_rss_mb))
    return result


def _p50_p99(values: list[float]) -> str:
    if not values:
        return "n/a"
    return f"{percentile(values, 50):.2f} s / {percentile(values, 99):.2f} s (max {max(values):.2f} s)"

