"""`python -m bench.run [--quick]`: the real bot process against the local fakes; prints a table.

Scenarios: burst (members send `/song create` within one second), steady (jobs spread over a few
minutes), backlog (unfinished jobs in the database at start-up), filesize (RSS with 1 MB vs 8 MB
songs), wordfilter (lyrics against worst-case blocked words, in this process), scale (the steady
load served by one process, then by two on one PostgreSQL). `--database postgresql` runs every
scenario on PostgreSQL (`--postgres-url`, an admin URL). See the README's
"Benchmark" section for what each figure means. Every scenario with a bot process also reports
the bot's longest event-loop stall (`--stall-ms`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.backlog import BacklogParams, run_backlog
from bench.filesize import FilesizeParams, run_filesize
from bench.profiler import Profiler
from bench.report import Result, as_dict, render
from bench.scale import ScaleParams, run_scale
from bench.seed import BACKENDS, DatabaseChoice
from bench.songs import SongsParams, run_songs
from bench.stack import Layout
from bench.stalls import add_stalls
from bench.wordfilter import WordfilterParams, run_wordfilter
from bot.core.loop_watch import ENV_VAR as SLOW_CALLBACK_ENV

SCENARIOS = ("burst", "steady", "backlog", "filesize", "wordfilter", "scale")
FILESIZE_SCALE = 5.0  # only memory is measured there


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def header(args: argparse.Namespace) -> list[str]:
    return [
        f"songjam benchmark ({'quick' if args.quick else 'full'}), {time.strftime('%Y-%m-%d %H:%M')}",
        f"machine: {os.cpu_count()} cores ({cpu_model()}), Python {platform.python_version()}, {platform.system()}",
        f"time scale: the fake API's REALISTIC times and the bot's poll schedule divided by {args.scale:g} "
        f"(filesize: {FILESIZE_SCALE:g}); job arrival times are never scaled",
        f"database: {database(args).describe()}" + (" (scale: always PostgreSQL)" if args.postgres_url else ""),
        "the bot runs as its own process; both fakes and this driver share the same cores with it",
        f"event-loop stalls: asyncio times the bot's callbacks and logs those >= {args.stall_ms:g} ms "
        "(about a fifth more bot CPU; --stall-ms 0 turns it off)"
        if args.stall_ms > 0 else "event-loop stalls: not measured (--stall-ms 0)",
    ]


def database(args: argparse.Namespace) -> DatabaseChoice:
    return DatabaseChoice(args.database, args.postgres_url)


def burst(args: argparse.Namespace) -> SongsParams:
    return SongsParams(name="burst", jobs=args.burst_members, within_s=1.0,
                       layout=Layout(guilds=4, channels_per_guild=5, members=args.burst_members),
                       scale=args.scale, rate_limit=args.rate_limit, audio_seconds=args.audio_seconds,
                       ack_target=True, lag_target=False, database=database(args))


def steady(args: argparse.Namespace) -> SongsParams:
    return SongsParams(name="steady", jobs=args.steady_jobs, within_s=args.steady_window,
                       layout=Layout(guilds=10, channels_per_guild=5, members=500),
                       scale=args.scale, rate_limit=args.rate_limit, audio_seconds=args.audio_seconds,
                       ack_target=False, lag_target=True, database=database(args))


def scale(args: argparse.Namespace) -> ScaleParams:
    """The steady load, on 2 shards; always PostgreSQL (two processes share it)."""
    return ScaleParams(jobs=args.steady_jobs, within_s=args.steady_window,
                       layout=Layout(guilds=10, channels_per_guild=5, members=500, shards=2),
                       scale=args.scale, rate_limit=args.rate_limit, audio_seconds=args.audio_seconds,
                       database=DatabaseChoice("postgresql", args.postgres_url))


# The jobs due during a full run: all but the overdue ones, at most this many (a 100k backlog keeps
# the rest due an hour later, tracked but never polled in the run).
BACKLOG_DUE_IN_RUN = 9_500


def backlog(args: argparse.Namespace) -> BacklogParams:
    overdue = 200 if args.quick else 500
    due_in_run = 800 if args.quick else min(args.backlog_jobs - overdue, BACKLOG_DUE_IN_RUN)
    return BacklogParams(jobs=args.backlog_jobs, overdue=overdue, due_in_run=due_in_run,
                         quiet_s=5.0 if args.quick else 10.0, drain_s=20.0 if args.quick else 60.0,
                         layout=Layout(guilds=10, channels_per_guild=5, members=1000), scale=args.scale,
                         rate_limit=args.rate_limit, audio_seconds=1.0, database=database(args))


def filesize(args: argparse.Namespace) -> FilesizeParams:
    return FilesizeParams(jobs=10 if args.quick else 24, sizes_mb=(1, 8), within_s=2.0,
                          layout=Layout(guilds=2, channels_per_guild=4, members=24), scale=FILESIZE_SCALE,
                          rate_limit=args.rate_limit, database=database(args))


async def run(args: argparse.Namespace, work_root: Path) -> list[Result]:
    profiler = Profiler(args.profile) if args.profile else None
    results = []
    for name in args.only or SCENARIOS:
        started = time.monotonic()
        print(f"-- {name} ...", file=sys.stderr, flush=True)
        work_dir = work_root / name
        if name == "burst":
            results.append(await run_songs(burst(args), work_dir, profiler))
        elif name == "steady":
            results.append(await run_songs(steady(args), work_dir, profiler))
        elif name == "backlog":
            results.append(await run_backlog(backlog(args), work_dir, profiler))
        elif name == "filesize":
            results.append(await run_filesize(filesize(args), work_dir, profiler))
        elif name == "scale":
            if not args.postgres_url:
                results.append(Result("scale", [], notes=["skipped: needs PostgreSQL (--postgres-url)"]))
                continue
            results.append(await run_scale(scale(args), work_dir, profiler))
        else:
            results.append(run_wordfilter(WordfilterParams()))
        add_stalls(results[-1], sorted(work_dir.rglob("bot.log")), args.stall_ms)
        results[-1].params.append(("scenario took", f"{time.monotonic() - started:.0f} s"))
        if profiler is not None and name in profiler.summaries:
            results[-1].notes += ["profile: " + line for line in profiler.summaries[name]]
    return results


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller runs, about 2 minutes in all")
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, help="run only these scenarios")
    parser.add_argument("--scale", type=float, default=None,
                        help="divide the API's times and the poll schedule by this (default: 1, quick: 5)")
    parser.add_argument("--steady-jobs", type=int, default=None)
    parser.add_argument("--steady-window", type=float, default=None, help="seconds the steady jobs arrive over")
    parser.add_argument("--burst-members", type=int, default=200)
    parser.add_argument("--backlog-jobs", type=int, default=10_000,
                        help="unfinished jobs in the database at start-up (e.g. 100000 with --database postgresql)")
    parser.add_argument("--database", choices=BACKENDS, default="sqlite",
                        help="the bot's backend in every scenario (scale: always postgresql)")
    parser.add_argument("--postgres-url", default=os.environ.get("SONGJAM_BENCH_POSTGRES"),
                        help="a PostgreSQL admin URL (env SONGJAM_BENCH_POSTGRES); each scenario gets a fresh "
                             "database created through it and dropped afterwards")
    parser.add_argument("--rate-limit", type=int, default=50, help="the fake Discord's global requests/s")
    parser.add_argument("--audio-seconds", type=float, default=5.0, help="length of the songs the fake API makes")
    parser.add_argument("--profile", type=Path, help="sample the bot with py-spy; collapsed stacks go here")
    parser.add_argument("--stall-ms", type=float, default=10.0,
                        help="have asyncio log the bot's event-loop callbacks that take this long or more, and "
                             "report the longest (0: off, and without the timing's cost)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--keep", action="store_true", help="keep the bot's data and logs (printed path)")
    args = parser.parse_args(argv)
    if args.database == "postgresql" and not args.postgres_url:
        parser.error("--database postgresql needs --postgres-url (or SONGJAM_BENCH_POSTGRES)")
    quick = args.quick
    args.scale = args.scale or (5.0 if quick else 1.0)
    args.steady_jobs = args.steady_jobs or (300 if quick else 1000)
    args.steady_window = args.steady_window or (30.0 if quick else 150.0)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    # The bot's environment is copied from this process's (bench/stack.py).
    if args.stall_ms > 0:
        os.environ[SLOW_CALLBACK_ENV] = f"{args.stall_ms:g}"
    else:
        os.environ.pop(SLOW_CALLBACK_ENV, None)
    work_root = Path(tempfile.mkdtemp(prefix="songjam-bench-"))
    try:
        results = asyncio.run(run(args, work_root))
    finally:
        if args.keep:
            print(f"bot data and logs kept in {work_root}", file=sys.stderr)
        else:
            shutil.rmtree(work_root, ignore_errors=True)
    print(render(header(args), results))
    if args.json:
        args.json.write_text(json.dumps({"header": header(args), "results": [as_dict(r) for r in results]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
