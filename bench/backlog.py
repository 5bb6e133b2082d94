"""The backlog scenario: unfinished jobs already in the database when the bot starts.

Before the bot starts, every job is written as `submitted` with a generation the fake API knows
and a status message in its channel. `overdue` of them finished while the bot was down and are
due at once; after a quiet spell `due_in_run` more come due, spread over `drain_s`, each finished
just before its poll; any others are due an hour later (tracked, never polled in the run).
"""

from __future__ import annotations

import asyncio
import random
import secrets
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from bench.drive import LoopLag, discord_idle, rate_limited
from bench.outcome import ack_latencies, deliveries
from bench.profiler import Profiler, profiled
from bench.report import Result
from bench.seed import SQLITE, DatabaseChoice
from bench.stack import Layout, Stack, running_stack
from bench.stats import spread
from fakes.audio import make_mp3
from fakes.discord import messages
from fakes.discord.interactions import FakeInteraction
from fakes.music_api import REALISTIC, FakeTask, TaskBehaviour

MODEL = "minimax-music"
QUIET_CPU_TARGET = 0.05
RSS_TARGET_MB = 150.0
READY_TARGET_S = 3.0


@dataclass(frozen=True)
class BacklogParams:
    jobs: int
    overdue: int
    due_in_run: int
    quiet_s: float  # nothing is due for this long after the overdue jobs are done
    drain_s: float
    layout: Layout
    scale: float
    rate_limit: int | None
    audio_seconds: float
    probe_s: float = 8.0  # `/song list` every 0.1 s for this long after the gateway is up
    database: DatabaseChoice = SQLITE

    def describe(self) -> list[tuple[str, str]]:
        return [
            ("unfinished jobs", str(self.jobs)), ("due at start-up", str(self.overdue)),
            ("then due", f"{self.due_in_run} over {self.drain_s:g} s after a quiet {self.quiet_s:g} s"),
            ("due an hour later", str(self.jobs - self.overdue - self.due_in_run)),
            ("where", self.layout.describe()), ("poll schedule", f"default / {self.scale:g}"),
            ("global_rate_limit", "off" if self.rate_limit is None else f"{self.rate_limit}/s"),
            ("song size", f"{self.audio_seconds:g} s MP3"), ("database", self.database.describe()),
        ]


def _add_task(stack: Stack, body: dict[str, object], created: float, completed: float, audio: bytes) -> FakeTask:
    """A generation the fake API knows, as if submitted at `created` (monotonic)."""
    task = FakeTask(id=f"{uuid.uuid4()}:{MODEL}", model=MODEL, body=body, behaviour=TaskBehaviour(), audio=audio,
                    file_token=secrets.token_urlsafe(16), queued_s=0.0, generating_s=completed - created,
                    created_at=created)
    stack.api.tasks[task.id] = task
    stack.api._by_token[task.file_token] = task  # the fake's own index of result files
    return task


async def seed_backlog(stack: Stack, params: BacklogParams, lead_s: float) -> float:
    """Write the jobs; returns when (Unix time) the first not-overdue job falls due."""
    rng = random.Random(11)
    now_wall, now_mono = time.time(), time.monotonic()
    first_due = now_wall + lead_s
    audio = make_mp3(params.audio_seconds)
    members = stack.community.members
    rows, tasks = [], []
    for job_id in range(1, params.jobs + 1):
        member, channel = members[job_id % len(members)]
        prompt = f"backlog song {job_id}"
        if job_id <= params.overdue:
            due = now_wall - rng.uniform(0.0, 5.0)
            completed = now_mono - rng.uniform(0.0, 5.0)
        else:
            later = 0.0 if job_id <= params.overdue + params.due_in_run else 3600.0
            due = first_due + later + rng.uniform(0.0, params.drain_s)
            completed = due - now_wall + now_mono - rng.uniform(0.05, 0.5)
        reference = f"{stack.discord.base_url}/attachments/{channel.id}/{job_id}/ref.mp3"
        task = _add_task(stack, {"model": MODEL, "prompt": prompt, "reference_audio_url": reference},
                         now_mono - 10.0, completed, audio)
        status = messages.create_message(
            stack.discord.world, channel, stack.discord.bot,
            {"content": f"🎶 **Job {job_id}** for <@{member.id}>: generating\n> {prompt}"}, {},
        )
        rows.append((job_id, member.guild_id, channel.id, member.id, MODEL, prompt, reference, "ref.mp3",
                     "submitted", "generating", task.id, status.id, 1, now_wall - 15.0, now_wall - 10.0,
                     now_wall + 3600.0, due))
        tasks.append(task)
    # Building a large backlog takes seconds: every time moves by that much, as if it were built at once.
    shift = time.monotonic() - now_mono
    for task in tasks:
        task.created_at += shift
    await stack.db.insert_jobs([(*row[:13], *(t + shift for t in row[13:])) for row in rows])
    return first_due + shift


async def probe_commands(stack: Stack, seconds: float) -> list[FakeInteraction]:
    """Members run `/song list` every 0.1 s: is the bot answering while it catches up?"""
    sent = []
    members = stack.community.members
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        member, channel = members[len(sent) * 7 % len(members)]
        sent.append(await stack.discord.slash_command(user=member, channel=channel, name="song list"))
        await asyncio.sleep(0.1)
    return sent


@dataclass
class _Run:
    """What one run measured (monotonic seconds unless said), before it is judged."""

    ready: float
    ready_wall: float
    probes: list[FakeInteraction]
    caught_up: float
    quiet_s: float
    quiet_cpu_s: float
    first_due: float
    drained: float
    all_posted: bool
    cpu_s: float
    peak_rss_mb: float
    loop_lag: list[float]


async def run_backlog(params: BacklogParams, work_dir: Path, profiler: Profiler | None = None) -> Result:
    posted_in_run = params.overdue + params.due_in_run
    async with running_stack(work_dir, params.layout, scale=params.scale, timing=REALISTIC,
                             rate_limit=params.rate_limit, audio_seconds=params.audio_seconds,
                             database=params.database) as stack:
        await stack.prepare_db()
        catch_up_allowance = 5.0 + params.overdue / 15  # a song and its status edit each, at 40 a second
        first_due_wall = await seed_backlog(stack, params, lead_s=catch_up_allowance + params.quiet_s)
        first_due = first_due_wall - time.time() + time.monotonic()
        async with LoopLag().running() as lag:
            probe, ready = await stack.start_bot()
            ready_wall = time.time()
            async with profiled(profiler, stack.bot.pid, "backlog"):
                probes = await probe_commands(stack, params.probe_s)
                await stack.recorder.wait_songs(params.overdue, within=max(0.0, first_due - time.monotonic()))
                caught_up = time.monotonic()
                await discord_idle(stack, quiet_s=1.0, within=max(0.0, first_due - 3.0 - time.monotonic()))
                quiet_from, cpu_quiet = time.monotonic(), probe.cpu()
                await asyncio.sleep(max(0.0, first_due - 0.5 - time.monotonic()))
                quiet_cpu_s, quiet_s = probe.cpu().total_s - cpu_quiet.total_s, time.monotonic() - quiet_from
                done = await stack.recorder.wait_songs(posted_in_run, within=params.drain_s + posted_in_run / 20 + 60)
                drained = time.monotonic()
            run = _Run(ready, ready_wall, probes, caught_up, quiet_s, quiet_cpu_s, first_due, drained, done,
                       probe.cpu().total_s, probe.peak_rss_mb(), lag.samples)
        return await _report(params, stack, run)


async def _report(params: BacklogParams, stack: Stack, run: _Run) -> Result:
    result = Result("backlog", params.describe())
    posted_in_run = params.overdue + params.due_in_run
    acks, unanswered = ack_latencies(run.probes)
    answered_at = [ix.delivered_at + ix.response.latency for ix in run.probes
                   if ix.response is not None and ix.delivered_at is not None]
    first_answer = min(answered_at) - run.ready_wall if answered_at else float("nan")
    first_song = min(stack.recorder.song_at.values(), default=float("nan"))
    result.add("start: spawn -> gateway READY", f"{run.ready - stack.bot.spawned_at:.2f} s")
    result.add("start: READY -> first command answered", f"{first_answer:.2f} s", "< 3 s",
               first_answer < READY_TARGET_S and not unanswered)
    result.add(f"commands in the first {params.probe_s:g} s: ack p50/p95/p99/max", spread(acks),
               f"{len(run.probes)} sent, {unanswered} unanswered")
    result.add(f"catch-up: READY -> first / all {params.overdue} overdue songs posted",
               f"{first_song - run.ready:.1f} / {run.caught_up - run.ready:.1f} s")
    share = run.quiet_cpu_s / run.quiet_s if run.quiet_s > 0 else float("nan")
    result.add(f"bot CPU between due polls ({run.quiet_s:.0f} s, {params.jobs - params.overdue} jobs tracked)",
               f"{100 * share:.2f} % of one core", "< 5 %", run.quiet_s >= 3 and share < QUIET_CPU_TARGET)
    drain_s = max(run.drained - run.first_due, 1e-9)
    result.add(f"drain: {params.due_in_run} due over {params.drain_s:g} s, all posted after",
               f"{drain_s:.1f} s ({params.due_in_run / drain_s:.0f} songs/s)")
    drained = await deliveries(stack, set(range(params.overdue + 1, posted_in_run + 1)))
    result.add("drain: delivery lag p50/p95/p99/max", spread(drained.lag_s, "s"))
    polled = sum(1 for task in stack.api.tasks.values() if task.polls)
    result.add("jobs due in the run: polled / songs posted",
               f"{polled} / {len(stack.recorder.song_at)} of {posted_in_run}", "all", run.all_posted)
    result.add("API polls per job", f"{(await deliveries(stack, set(range(1, posted_in_run + 1)))).polls_per_job:.2f}")
    result.add("bot CPU per 1,000 songs", f"{run.cpu_s / posted_in_run * 1000:.1f} s ({run.cpu_s:.1f} s total)")
    result.add("bot peak RSS (VmHWM)", f"{run.peak_rss_mb:.0f} MB", "< 150 MB", run.peak_rss_mb < RSS_TARGET_MB)
    result.add(stack.db.describe_size(), f"{await stack.db.size_mb():.1f} MB")
    result.add("Discord 429s", str(rate_limited(stack)))
    result.add("bench loop lag p50/p95/p99/max", spread(run.loop_lag))
    return result
