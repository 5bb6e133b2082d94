"""Measures a process from outside: CPU seconds, RSS now and at its peak (from /proc)."""

from __future__ import annotations

import os
from dataclasses import dataclass

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class CpuSample:
    user_s: float
    system_s: float

    @property
    def total_s(self) -> float:
        return self.user_s + self.system_s


class ProcessProbe:
    """Reads /proc/<pid>; the bot is never touched."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    def cpu(self) -> CpuSample:
        with open(f"/proc/{self.pid}/stat") as stat:
            # Fields after the command name (which may hold spaces) start at field 3.
            fields = stat.read().rsplit(")", 1)[1].split()
        return CpuSample(int(fields[11]) / CLOCK_TICKS, int(fields[12]) / CLOCK_TICKS)

    def _status_kb(self, key: str) -> int:
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        raise KeyError(key)

    def peak_rss_mb(self) -> float:
        """VmHWM: the highest resident set size so far."""
        return self._status_kb("VmHWM") / 1024


def file_mb(*paths: os.PathLike[str] | str) -> float:
    """Combined size on disk of the files that exist (a database and its -wal)."""
    return sum(os.path.getsize(p) for p in paths if os.path.exists(p)) / 1e6
