"""The limits a job must fit in, and the refusal a member sees when it does not."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from bot.core.errors import LimitReached

DAY_SECONDS = 24 * 60 * 60


def utc_day(timestamp: float) -> str:
    """The UTC date (YYYY-MM-DD) of a Unix time, as `usage_daily.day` holds it."""
    return datetime.datetime.fromtimestamp(timestamp, datetime.UTC).strftime("%Y-%m-%d")


@dataclass(frozen=True)
class QuotaLimits:
    """What one member may start right now; None means no limit of that kind.

    Resolved before the charge from the server's settings and the member's roles; the storage
    counts usage against it inside the same transaction that records the job.
    """

    member_daily: int | None
    member_unfinished: int | None = None
    guild_unfinished: int | None = None
    guild_daily: int | None = None
    global_daily: int | None = None
    cooldown_s: float = 0.0
    free: bool = False  # e.g. a sponsored jam entry: never charged to the member, still within the daily caps
    jam_entry_limit: int | None = None  # entries per member in the job's jam (NewJob.jam_id)


class QuotaExceeded(LimitReached):
    """A limit stops this job; `lifts_at` (Unix seconds) says when it frees up, if known."""
