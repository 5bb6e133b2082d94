"""What members and moderators read about quotas and moderation: pure functions, no Discord import.

Mentions (`<@id>`, `<@&id>`, `<#id>`) render as names; every message carrying them is sent with
no pings allowed.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from typing import Any

from bot.core.i18n import Message, message, translate
from bot.core.text import plain, truncate
from bot.moderation.store import AuditEntry, Ban, UsageRow
from bot.songs.quota import QuotaLimits
from bot.songs.store import MemberUsage

LINE_LIMIT = 180


def with_lift(text: str, lifts_at: float | None, locale: str | None) -> str:
    """A refusal, and when it lifts if that is known."""
    if lifts_at is None:
        return text
    return translate(locale, "moderation-refusal-lifts", refusal=text, at=int(lifts_at))


def ban_message(ban: Ban) -> Message:
    return message("moderation-refusal-banned", reason=plain(ban.reason))


def ban_line(ban: Ban, locale: str) -> str:
    until = (translate(locale, "moderation-ban-until", at=int(ban.expires_at)) if ban.expires_at is not None
             else translate(locale, "moderation-ban-no-end"))
    return _line(translate(locale, "moderation-ban-line", user=str(ban.user_id), until=until,
                           by=str(ban.banned_by), at=int(ban.banned_at), reason=plain(ban.reason)))


# --- audit details: stored as a catalogue key and its arguments, shown in the reader's language -----


def stored_details(details: Message) -> str:
    """What the `audit_log.details` column holds: the message's key and arguments, as JSON."""
    return json.dumps(_encode(details), ensure_ascii=False, separators=(",", ":"))


def details_text(details: str, locale: str) -> str:
    """A stored audit row's details in `locale`; a row written before the catalogue holds English
    text, which is shown as it is (it is data, not a key)."""
    decoded = _decode(details)
    return decoded.render(locale) if decoded is not None else details


def _encode(value: Message) -> dict[str, Any]:
    return {"key": value.key, "args": {
        name: _encode(arg) if isinstance(arg, Message) else arg for name, arg in value.args.items()
    }}


def _decode(details: str) -> Message | None:
    if not details.startswith("{"):
        return None
    try:
        data = json.loads(details)
    except ValueError:
        return None
    return _message_of(data)


def _message_of(data: Any) -> Message | None:
    if not (isinstance(data, dict) and isinstance(data.get("key"), str) and isinstance(data.get("args"), dict)):
        return None
    return Message(data["key"], {name: _message_of(arg) or arg for name, arg in data["args"].items()})


def audit_line(entry: AuditEntry, locale: str) -> str:
    return _line(translate(locale, "moderation-audit-line", at=int(entry.created_at), actor=str(entry.actor_id),
                           details=details_text(entry.details, locale)))


def usage_line(row: UsageRow, locale: str) -> str:
    charged = (translate(locale, "moderation-usage-charged-bonus", count=row.charged, bonus=row.bonus) if row.bonus
               else translate(locale, "moderation-usage-charged", count=row.charged))
    parts = [f"<@{row.user_id}>", charged]
    if row.refunded:
        parts.append(translate(locale, "moderation-usage-refunded", count=row.refunded))
    if row.failed:
        parts.append(translate(locale, "moderation-usage-failed", count=row.failed))
    if row.unfinished:
        parts.append(translate(locale, "moderation-usage-unfinished", count=row.unfinished))
    parts.append(translate(locale, "moderation-usage-last", at=int(row.last_at)))
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
    limits: QuotaLimits, usage: MemberUsage, bonus: int, last_job_at: float | None, now: float, locale: str,
    *, you: bool = True,
) -> list[str]:
    """Used, left, when the next credit frees up, unfinished jobs and the cooldown."""
    lines = []
    if limits.member_daily is None:
        lines.append(translate(locale, "moderation-quota-used-unlimited", used=usage.used))
    else:
        left = max(0, limits.member_daily - usage.used)
        lines.append(translate(locale, "moderation-quota-used", used=usage.used, limit=limits.member_daily,
                               left=left))
    if bonus:
        lines.append(translate(locale, "moderation-quota-bonus-you" if you else "moderation-quota-bonus-them",
                               count=bonus))
    if usage.next_free_at is not None:
        lines.append(translate(locale, "moderation-quota-next-free", at=int(usage.next_free_at)))
    if limits.member_unfinished is not None:
        lines.append(translate(locale, "moderation-quota-in-progress-limited", count=usage.unfinished,
                               limit=limits.member_unfinished))
    else:
        lines.append(translate(locale, "moderation-quota-in-progress", count=usage.unfinished))
    if last_job_at is not None and now < last_job_at + limits.cooldown_s:
        lines.append(translate(locale, "moderation-quota-cooldown", at=int(last_job_at + limits.cooldown_s)))
    return lines


def _line(text: str) -> str:
    return truncate(text, LINE_LIMIT)


def welcome_message(guild_name: str, *, in_server: bool, locale: str) -> str:
    """The one message the bot sends when it joins a server: three steps for its moderators, in the
    server's language.

    `in_server`: posted in the server's system channel; otherwise sent by direct message to the
    member who added the bot (or the owner), so it names the server.
    """
    first = (translate(locale, "moderation-welcome-here") if in_server
             else translate(locale, "moderation-welcome-to", server=plain(guild_name, 100)))
    return "\n".join([first, *(translate(locale, f"moderation-welcome-{part}")
                                for part in ("steps", "channels", "quotas", "modlog", "more"))])
