"""Samples the bot with py-spy (`--profile DIR`) and summarises where its CPU time went."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path


class Profiler:
    def __init__(self, out_dir: Path, rate_hz: int = 100) -> None:
        self.out_dir = out_dir
        self.rate_hz = rate_hz
        self.summaries: dict[str, list[str]] = {}

    @staticmethod
    def executable() -> str:
        found = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
        if not Path(found).exists():
            raise SystemExit("--profile needs py-spy: .venv/bin/pip install py-spy")
        return found

    @contextlib.asynccontextmanager
    async def record(self, pid: int, name: str) -> AsyncIterator[None]:
        """Sample `pid` (every thread, idle time left out) while the block runs."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        out = self.out_dir / f"{name}.collapsed.txt"
        spy = await asyncio.create_subprocess_exec(
            self.executable(), "record", "--pid", str(pid), "--rate", str(self.rate_hz), "--nonblocking",
            "--format", "raw", "--output", str(out), "--threads",
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )
        try:
            yield
        finally:
            if spy.returncode is None:
                spy.send_signal(signal.SIGINT)  # py-spy writes its output on Ctrl-C
            await spy.wait()
            if out.exists():
                self.summaries[name] = summarise(out)


# Threads blocked waiting (py-spy --nonblocking cannot always tell they are idle).
IDLE_LEAVES = ("Selector.select (selectors.py", "(aiosqlite/core.py:59)", "_worker (concurrent/futures/thread.py:81)")


def summarise(path: Path, top: int = 12) -> list[str]:
    """The functions with the most samples on top of the stack (self) and anywhere in it (total).

    Samples of a thread waiting for work (the event loop in select, an idle worker thread) are
    left out, so the shares are of the time the bot was busy.
    """
    own: Counter[str] = Counter()
    total: Counter[str] = Counter()
    samples = 0
    for line in path.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [frame for frame in stack.split(";") if not frame.startswith("thread ")]
        if not frames or any(idle in frames[-1] for idle in IDLE_LEAVES):
            continue
        samples += count
        own[frames[-1]] += count
        for function in {_function(frame) for frame in frames}:
            total[function] += count
    if not samples:
        return ["no samples"]
    lines = [f"{samples} busy samples; self time:"]
    lines += [f"  {100 * n / samples:5.1f}%  {frame}" for frame, n in own.most_common(top)]
    lines.append("inclusive time of bot and cogs functions:")
    ours = [(frame, n) for frame, n in total.most_common() if "(bot/" in frame or "(cogs/" in frame]
    lines += [f"  {100 * n / samples:5.1f}%  {frame}" for frame, n in ours[:top]]
    return lines


def _function(frame: str) -> str:
    """'name (path:line)' -> 'name (path)'."""
    head, _, line = frame.rpartition(":")
    return f"{head})" if line.rstrip(")").isdigit() else frame


def profiled(profiler: Profiler | None, pid: int, name: str) -> contextlib.AbstractAsyncContextManager[None]:
    """`profiler.record(...)`, or nothing when not profiling."""
    return profiler.record(pid, name) if profiler is not None else contextlib.nullcontext()
