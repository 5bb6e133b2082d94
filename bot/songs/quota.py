"""The limits a job must fit in, and the refusal a member sees when it does not."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from bot.core.errors import LimitReached
from bot.core.i18n import message, translate

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


# Each limit (as counted on /metrics) and what the member reads when it stops a song.
REFUSALS: dict[str, str] = {
    "global_cap": "moderation-refusal-global-cap",
    "guild_cap": "moderation-refusal-guild-cap",
    "member_unfinished": "moderation-refusal-member-unfinished",
    "guild_unfinished": "moderation-refusal-guild-unfinished",
    "cooldown": "moderation-refusal-cooldown",
    "jam_closed": "moderation-refusal-jam-closed",
    "jam_entries": "moderation-refusal-jam-entries",
    "member_daily": "moderation-refusal-member-daily",
}


class QuotaExceeded(LimitReached):
    """The limit `reason` (a key of `REFUSALS`) stops this job; `lifts_at` (Unix seconds) says when it
    frees up, if known; `count` is the number the member's message names (songs in progress, entries,
    the daily quota). `str()` is the English text, for logs; `render` gives it in the member's language.
    """

    def __init__(self, reason: str, lifts_at: float | None = None, *, count: int | None = None) -> None:
        args = {} if count is None else {"count": count}
        super().__init__(message(REFUSALS[reason], **args), lifts_at)
        self.reason = reason

    def render(self, locale: str | None) -> str:
        """The refusal in `locale`, and when it frees up if that is known."""
        text = super().render(locale)
        if self.lifts_at is None:
            return text
        return translate(locale, "moderation-refusal-frees-up", refusal=text, at=int(self.lifts_at))


def refusal_reason(exc: QuotaExceeded) -> str:
    """`global_cap`, `guild_cap`, `member_daily`... (the limit, as /metrics counts refusals)."""
    return exc.reason
