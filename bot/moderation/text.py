"""What members and moderators read about quotas and moderation: pure functions, no Discord import.

Mentions (`<@id>`, `<@&id>`, `<#id>`) render as names; every message carrying them is sent with
no pings allowed.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from bot.core.text import plain, plural, timestamp, truncate
from bot.moderation.store import AuditEntry, Ban, UsageRow
from bot.songs.quota import QuotaLimits
from bot.songs.store import MemberUsage

LINE_LIMIT = 180


def songs(n: int) -> str:
    return plural(n, "song")


def credits(n: int) -> str:
    return plural(n, "bonus credit")


def with_lift(message: str, lifts_at: float | None) -> str:
    """A refusal, and when it lifts if that is known."""
    return f"{message} It lifts {timestamp(lifts_at)}." if lifts_at is not None else message


def ban_message(ban: Ban) -> str:
    return f"A moderator has barred you from making songs in this server. Reason: {plain(ban.reason)}."


def ban_line(ban: Ban) -> str:
    until = f"until {timestamp(ban.expires_at)}" if ban.expires_at is not None else "no end date"
    return _line(f"<@{ban.user_id}> · {until} · by <@{ban.banned_by}> {timestamp(ban.banned_at)} · {plain(ban.reason)}")


def audit_line(entry: AuditEntry) -> str:
    return _line(f"{timestamp(entry.created_at, 'f')} <@{entry.actor_id}> {entry.details}")


def usage_line(row: UsageRow) -> str:
    parts = [f"<@{row.user_id}>", songs(row.charged)]
    if row.bonus:
        parts[-1] += f" ({row.bonus} bonus)"
    if row.refunded:
        parts.append(f"{row.refunded} refunded")
    if row.failed:
        parts.append(f"{row.failed} failed")
    if row.unfinished:
        parts.append(f"{row.unfinished} in progress")
    parts.append(f"last {timestamp(row.last_at)}")
    return _line(" · ".join(parts))


USAGE_CSV_COLUMNS = (
    "user_id", "jobs", "charged", "bonus_paid", "refunded", "delivered", "failed_or_expired", "cancelled",
    "in_progress", "last_job_utc",
)


def usage_csv(rows: list[UsageRow]) -> str:
    """Per-member usage as CSV (UTC times in ISO 8601), for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(USAGE_CSV_COLUMNS)
    for row in rows:
        writer.writerow((
            row.user_id, row.jobs, row.charged, row.bonus, row.refunded, row.delivered, row.failed, row.cancelled,
            row.unfinished, datetime.fromtimestamp(row.last_at, tz=UTC).isoformat(timespec="seconds"),
        ))
    return out.getvalue()


def quota_lines(
    limits: QuotaLimits, usage: MemberUsage, bonus: int, last_job_at: float | None, now: float, *, you: bool = True
) -> list[str]:
    """Used, left, when the next credit frees up, unfinished jobs and the cooldown."""
    have = "You have" if you else "They have"
    lines = []
    if limits.member_daily is None:
        lines.append(f"Used **{usage.used}** in the last 24 hours (no daily limit)")
    else:
        left = max(0, limits.member_daily - usage.used)
        lines.append(f"Used **{usage.used}** of **{limits.member_daily}** in the last 24 hours · **{left}** left")
    if bonus:
        lines.append(f"{have} **{credits(bonus)}**, used once the daily songs run out")
    if usage.next_free_at is not None:
        lines.append(f"Next credit frees up {timestamp(usage.next_free_at)}")
    in_progress = f"In progress: **{usage.unfinished}**"
    if limits.member_unfinished is not None:
        in_progress += f" (at most {limits.member_unfinished} at once)"
    lines.append(in_progress)
    if last_job_at is not None and now < last_job_at + limits.cooldown_s:
        lines.append(f"Cooldown: the next song can start {timestamp(last_job_at + limits.cooldown_s)}")
    return lines


def _line(text: str) -> str:
    return truncate(text, LINE_LIMIT)


def welcome_message(guild_name: str, *, in_server: bool) -> str:
    """The one message the bot sends when it joins a server: three steps for its moderators.

    `in_server`: posted in the server's system channel; otherwise sent by direct message to the
    member who added the bot (or the owner), so it names the server.
    """
    where = "here" if in_server else f"to **{plain(guild_name, 100)}**"
    return "\n".join([
        f"👋 Thanks for adding songjam {where}! Members turn a reference track and their lyrics into a song "
        "with `/song create`, and can enter songs in jams.",
        "Moderators (Manage Server), three steps to set it up:",
        "**1. Song channels**: `/songadmin channels add channel:` picks where songs can be made "
        "(until you add one, every channel takes songs).",
        "**2. Quotas**: `/songadmin quota default songs:` sets each member's songs per 24 hours; "
        "`/songadmin quota tier` gives a role its own, `/songadmin quota server-cap` caps the whole server.",
        "**3. Mod log**: `/songadmin settings mod-log channel:` posts moderator actions and refused lyrics "
        "to a channel.",
        "`/songadmin settings show` shows every setting, and `/help` explains everything else.",
    ])
