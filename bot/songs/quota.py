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


# How the storage words each limit (bot/songs/sqlite_store.py), for the refusals counted on /metrics.
# Until QuotaExceeded carries its reason, the words are the one thing every storage shares.
_REASONS = (
    ("daily song limit for all servers", "global_cap"),
    ("server has reached its daily song limit", "guild_cap"),
    ("in progress; wait", "member_unfinished"),
    ("server has too many songs in progress", "guild_unfinished"),
    ("cooldown", "cooldown"),
    ("jam", "jam"),
    ("of your songs for the last 24 hours", "member_daily"),
)


def refusal_reason(exc: QuotaExceeded) -> str:
    """`global_cap`, `guild_cap`, `member_daily`... (`other` for wording this does not know)."""
    text = exc.user_message
    return next((reason for words, reason in _REASONS if words in text), "other")
