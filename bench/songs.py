"""The burst and steady scenarios: members send `/song create` on a schedule; every song is awaited."""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass
from pathlib import Path

from bench.drive import (
    LoopLag,
    channel_requests_per_job,
    counted_requests,
    discord_idle,
    peak_channel_posts,
    queued_reply_s,
    rate_limited,
    requests_per_song,
    send_songs,
)
from bench.outcome import ack_latencies, deliveries
from bench.profiler import Profiler, profiled
from bench.report import Result
from bench.seed import SQLITE, DatabaseChoice
from bench.stack import Layout, Stack, running_stack
from bench.stats import percentile, spread
from fakes.discord.interactions import FakeInteraction
from fakes.music_api import REALISTIC

ACK_TARGET_S = 0.100
LAG_P50_TARGET_S = 1.0
LAG_P99_TARGET_S = 3.0
POLL_GAP_TARGET_S = 2.0


@dataclass(frozen=True)
class SongsParams:
    name: str
    jobs: int
    within_s: float  # the members' commands are spread over this many seconds
    layout: Layout
    scale: float
    rate_limit: int | None
    audio_seconds: float
    ack_target: bool  # the burst holds the acknowledgement target
    lag_target: bool  # the steady run holds the delivery targets
    database: DatabaseChoice = SQLITE

    def describe(self) -> list[tuple[str, str]]:
        timing = REALISTIC
        return [
            ("jobs", str(self.jobs)), ("sent within", f"{self.within_s:g} s"), ("where", self.layout.describe()),
            ("API timing", f"POST {timing.post_delay_s} s, queued {timing.queued_s} s, generating "
                           f"{timing.generating_s} s, all / {self.scale:g}"),
            ("poll schedule", f"default / {self.scale:g}"),
            ("global_rate_limit", "off" if self.rate_limit is None else f"{self.rate_limit}/s"),
            ("song size", f"{self.audio_seconds:g} s MP3"), ("database", self.database.describe()),
        ]


@dataclass
class _Run:
    """What one run measured, before it is judged."""

    interactions: list[FakeInteraction]
    requests_before: int  # the fake Discord's request log when the members started
    sent_in_s: float
    elapsed_s: float
    cpu_s: float
    peak_rss_mb: float
    all_posted: bool
    loop_lag: list[float]


async def run_songs(params: SongsParams, work_dir: Path, profiler: Profiler | None = None) -> Result:
    async with running_stack(work_dir, params.layout, scale=params.scale, timing=REALISTIC,
                             rate_limit=params.rate_limit, audio_seconds=params.audio_seconds,
                             database=params.database) as stack:
        await stack.prepare_db()
        probe, _ = await stack.start_bot()
        await stack.wait_engine()
        await asyncio.sleep(0.5)
        rng = random.Random(7)
        offsets = sorted(rng.uniform(0, params.within_s) for _ in range(params.jobs))
        async with LoopLag().running() as lag, profiled(profiler, stack.bot.pid, params.name):
            cpu_before, started = probe.cpu(), time.monotonic()
            requests_before = len(stack.discord.requests)
            interactions = await send_songs(stack, offsets)
            sent_in = time.monotonic() - started
            slowest = (44.0 + 7.0) / params.scale
            done = await stack.recorder.wait_songs(params.jobs, within=60 + 2 * slowest + params.jobs / 10)
            elapsed, cpu = time.monotonic() - started, probe.cpu().total_s - cpu_before.total_s
            run = _Run(interactions, requests_before, sent_in, elapsed, cpu, probe.peak_rss_mb(), done, lag.samples)
            await discord_idle(stack, quiet_s=1.0, within=15.0)  # the last cards' deletes, before counting
        return await _report(params, stack, run)


async def _report(params: SongsParams, stack: Stack, run: _Run) -> Result:
    result = Result(params.name, [*params.describe(), ("commands actually sent within", f"{run.sent_in_s:.2f} s")])
    outcome = await deliveries(stack)
    acks, unanswered = ack_latencies(run.interactions)
    met_ack = percentile(acks, 99) < ACK_TARGET_S and not unanswered if params.ack_target else None
    result.add("ack latency p50/p95/p99/max", spread(acks), "p99 < 100 ms" if params.ack_target else "", met_ack)
    if unanswered:
        result.add("commands never acknowledged", str(unanswered), "0", False)
    result.add("'Queued as job N' reply p50/p95/p99/max", spread(queued_reply_s(run.interactions), "s"))
    result.add("songs delivered", f"{len(stack.recorder.song_at)}/{params.jobs} in {run.elapsed_s:.0f} s",
               "all", run.all_posted)
    lag_target = "p50 < 1 s, p99 < 3 s" if params.lag_target else ""
    result.add("delivery lag p50/p95/p99/max", spread(outcome.lag_s, "s"), lag_target,
               _lag_met(outcome.lag_s) if params.lag_target and params.scale == 1 else None)
    result.add("  of which: completed -> seen by a poll", spread(outcome.detect_s, "s"))
    result.add("  of which: seen -> song in the channel", spread(outcome.handle_s, "s"))
    if params.scale != 1:
        projected = outcome.projected_lag_s(params.scale)
        result.add("delivery lag at real speed (projected)", spread(projected, "s"), lag_target,
                   _lag_met(projected) if params.lag_target else None)
    gap = outcome.seconds_between_polls(params.scale)
    result.add("API polls per job", f"{outcome.polls_per_job:.1f} (one every {gap:.1f} s, real time)",
               "<= 1 per 2 s" if params.lag_target else "", gap >= POLL_GAP_TARGET_S if params.lag_target else None)
    result.add("bot CPU per 1,000 jobs", f"{run.cpu_s / params.jobs * 1000:.1f} s ({run.cpu_s:.1f} s total)")
    result.add("bot peak RSS (VmHWM)", f"{run.peak_rss_mb:.0f} MB")
    result.add(stack.db.describe_size(), f"{await stack.db.size_mb():.1f} MB")
    result.add("Discord channel requests per job", channel_requests_per_job(stack, params.jobs))
    per_song = requests_per_song(stack, await stack.db.read_jobs())
    if per_song:
        result.add("Discord requests per delivered song: mean / max",
                    f"{sum(per_song) / len(per_song):.2f} / {max(per_song)}", "<= 3", max(per_song) <= 3)
        result.add("  all bot REST requests in the run / delivered song",
                   f"{counted_requests(stack, run.requests_before) / len(per_song):.2f}")
    result.add("Discord 429s / peak posts per channel per 5 s", f"{rate_limited(stack)} / {peak_channel_posts(stack)}")
    result.add("bench loop lag p50/p95/p99/max (fakes' clock error)", spread(run.loop_lag))
    return result


def _lag_met(lags: list[float]) -> bool:
    return percentile(lags, 50) < LAG_P50_TARGET_S and percentile(lags, 99) < LAG_P99_TARGET_S
