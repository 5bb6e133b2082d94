"""The limits a job must fit in, and the refusal a member sees when it does not."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from bot.core.errors import LimitReached
from bot.core.i18n import Message, message, translate

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
    """A limit stops this job; `lifts_at` (Unix seconds) says when it frees up, if known.

    `user_message` stays the English words (for logs); `reason` names the limit (counted on
    /metrics) and `message` is what the member reads, rendered in their language by `render`.
    """

    def __init__(self, user_message: str, lifts_at: float | None = None) -> None:
        super().__init__(user_message, lifts_at)
        self.reason, self.message = _understood(user_message)

    def render(self, locale: str | None) -> str:
        """The refusal in `locale`, and when it frees up if that is known."""
        text = self.message.render(locale) if self.message is not None else super().render(locale)
        if self.lifts_at is None:
            return text
        return translate(locale, "moderation-refusal-frees-up", refusal=text, at=int(self.lifts_at))


# How the storage words each limit (bot/songs/sqlite_store.py): the limit it names, and the member's
# message in the catalogue. Until the storage raises with its reason, its words are what every storage shares.
_WORDS = (
    (r"daily song limit for all servers", "global_cap", "moderation-refusal-global-cap"),
    (r"server has reached its daily song limit", "guild_cap", "moderation-refusal-guild-cap"),
    (r"You already have (?P<count>\d+) song\(s\) in progress; wait", "member_unfinished",
     "moderation-refusal-member-unfinished"),
    (r"server has too many songs in progress", "guild_unfinished", "moderation-refusal-guild-unfinished"),
    (r"cooldown", "cooldown", "moderation-refusal-cooldown"),
    (r"jam closed before your song", "jam", "moderation-refusal-jam-closed"),
    (r"already entered (?P<count>\d+) song\(s\) in this jam", "jam", "moderation-refusal-jam-entries"),
    (r"You've used all (?P<count>\d+) of your songs for the last 24 hours", "member_daily",
     "moderation-refusal-member-daily"),
)
_REFUSALS = tuple((re.compile(words), reason, key) for words, reason, key in _WORDS)


def _understood(text: str) -> tuple[str, Message | None]:
    """The limit the storage's words name and the member's message (`other`, None for words not known here)."""
    for pattern, reason, key in _REFUSALS:
        found = pattern.search(text)
        if found is not None:
            return reason, message(key, **{name: int(value) for name, value in found.groupdict().items()})
    return "other", None


def refusal_reason(exc: QuotaExceeded) -> str:
    """`global_cap`, `guild_cap`, `member_daily`... (`other` for wording this does not know)."""
    return exc.reason
