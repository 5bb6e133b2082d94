"""Moderation and quota policy in the database (SQLite or PostgreSQL): server settings, tiers,
overrides, bonus credits, bans, channels, blocked words, rights confirmations (and the songs held
until them) and the audit log.

Every moderator write and its audit row commit in one transaction, and only when the write
changed something: the log never claims an action that did not happen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.core.database import Database, Tx
from bot.songs.credits import add_bonus, return_bonus_credit
from bot.songs.intake import ReferenceUpload, SongOrder
from bot.songs.jobs import UNFINISHED_STATES
from bot.songs.quota import utc_day

_UNFINISHED_SQL = ", ".join(f"'{state}'" for state in sorted(UNFINISHED_STATES))
POLICY_FIELDS = frozenset({
    "daily_quota", "daily_cap", "rights_required", "moderator_role_id", "modlog_channel_id", "language",
})


@dataclass(frozen=True)
class GuildPolicy:
    """A server's own settings; None means "not set here" (the bot's defaults apply)."""

    guild_id: int
    daily_quota: int | None = None
    daily_cap: int | None = None
    rights_required: bool = True
    moderator_role_id: int | None = None
    modlog_channel_id: int | None = None
    language: str | None = None  # a shipped locale for public posts; None: the server's own


@dataclass(frozen=True)
class Tier:
    role_id: int
    daily_quota: int


@dataclass(frozen=True)
class Override:
    user_id: int
    daily_quota: int


@dataclass(frozen=True)
class Ban:
    user_id: int
    reason: str
    banned_by: int
    banned_at: float
    expires_at: float | None


@dataclass(frozen=True)
class SongChannel:
    channel_id: int
    added_by: int
    added_at: float


@dataclass(frozen=True)
class BlockedWord:
    entry: str
    added_by: int
    added_at: float


@dataclass(frozen=True)
class HeldSong:
    """A `/song create` waiting on its member's rights click (a `held_songs` row): plain fields only."""

    ticket: str
    guild_id: int
    channel_id: int
    parent_id: int | None  # the channel's parent, when it ran in a thread
    user_id: int
    order: SongOrder
    created_at: float
    expires_at: float


_HELD_COLUMNS = ("ticket, guild_id, channel_id, parent_id, user_id, reference_url, reference_name, reference_size,"
                 " reference_type, lyrics, style, jam_id, created_at, expires_at, title")


def _held_song(row: Any) -> HeldSong:
    (ticket, guild_id, channel_id, parent_id, user_id, url, name, size, content_type, lyrics, style, jam_id,
     created_at, expires_at, title) = row
    order = SongOrder(ReferenceUpload(filename=name, url=url, size=int(size), content_type=content_type),
                      lyrics, style, jam_id, title)
    return HeldSong(ticket, guild_id, channel_id, parent_id, user_id, order, float(created_at), float(expires_at))


@dataclass(frozen=True)
class AuditRecord:
    """One moderator action, before it is stored."""

    guild_id: int
    actor_id: int
    action: str
    details: str
    created_at: float
    target_user_id: int | None = None


@dataclass(frozen=True)
class AuditEntry:
    id: int
    guild_id: int
    actor_id: int
    action: str
    details: str
    created_at: float
    target_user_id: int | None


@dataclass(frozen=True)
class UsageRow:
    """One member's jobs in a window: how many, and how each ended."""

    user_id: int
    jobs: int
    charged: int  # still charged (not refunded), bonus-paid ones included
    bonus: int  # of those, paid with a bonus credit
    refunded: int
    delivered: int
    failed: int  # failed or expired
    cancelled: int
    unfinished: int
    last_at: float


@dataclass(frozen=True)
class JobCharge:
    """What a refund needs to know about a job."""

    id: int
    user_id: int
    state: str
    reference_name: str
    created_at: float
    charged: bool
    refunded: bool


async def _audit(conn: Tx, record: AuditRecord) -> None:
    await conn.execute(
        "INSERT INTO audit_log (guild_id, actor_id, action, target_user_id, details, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (record.guild_id, record.actor_id, record.action, record.target_user_id, record.details, record.created_at),
    )


class ModerationStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def _change(self, audit: AuditRecord, sql: str, params: Iterable[Any]) -> bool:
        """Run one write and, if it changed a row, its audit row, in one transaction."""
        async with self.db.transaction() as conn:
            changed = await conn.execute(sql, tuple(params)) > 0
            if changed:
                await _audit(conn, audit)
        return changed

    # --- server settings ----------------------------------------------------------------------

    async def policy(self, guild_id: int) -> GuildPolicy:
        rows = await self.db.fetch_all(
            "SELECT daily_quota, daily_cap, rights_required, moderator_role_id, modlog_channel_id, language"
            " FROM guild_settings WHERE guild_id = ?",
            (guild_id,),
        )
        if not rows:
            return GuildPolicy(guild_id)
        daily_quota, daily_cap, rights_required, role_id, channel_id, language = rows[0]
        return GuildPolicy(guild_id, daily_quota, daily_cap, bool(rights_required), role_id, channel_id, language)

    async def guild_language(self, guild_id: int) -> str | None:
        """The moderator-chosen language of the server's public posts (None: the server's own)."""
        return await self.db.fetch_value("SELECT language FROM guild_settings WHERE guild_id = ?", (guild_id,))

    async def set_policy(self, guild_id: int, name: str, value: int | str | None, audit: AuditRecord) -> bool:
        """Set one server setting; False (and no audit row) if it already had that value."""
        if name not in POLICY_FIELDS:
            raise ValueError(f"not a server setting: {name}")
        async with self.db.transaction() as conn:
            rows = await conn.fetch_all(f"SELECT {name} FROM guild_settings WHERE guild_id = ?", (guild_id,))
            current = rows[0][0] if rows else getattr(GuildPolicy(guild_id), name)
            if current == value:
                return False
            await conn.execute(
                f"INSERT INTO guild_settings (guild_id, {name}) VALUES (?, ?)"
                f" ON CONFLICT (guild_id) DO UPDATE SET {name} = excluded.{name}",
                (guild_id, value),
            )
            await _audit(conn, audit)
        return True

    # --- quota sources --------------------------------------------------------------------------

    async def best_tier(self, guild_id: int, role_ids: Iterable[int]) -> Tier | None:
        """The highest tier among the member's roles."""
        roles = list(role_ids)
        if not roles:
            return None
        rows = await self.db.fetch_all(
            "SELECT role_id, daily_quota FROM role_tiers"
            f" WHERE guild_id = ? AND role_id IN ({', '.join('?' * len(roles))})"
            " ORDER BY daily_quota DESC, role_id LIMIT 1",
            (guild_id, *roles),
        )
        return Tier(*rows[0]) if rows else None

    async def tiers(self, guild_id: int) -> list[Tier]:
        rows = await self.db.fetch_all(
            "SELECT role_id, daily_quota FROM role_tiers WHERE guild_id = ? ORDER BY daily_quota DESC, role_id",
            (guild_id,),
        )
        return [Tier(*row) for row in rows]

    async def set_tier(self, guild_id: int, role_id: int, daily_quota: int, audit: AuditRecord) -> bool:
        return await self._change(
            audit,
            """
            INSERT INTO role_tiers (guild_id, role_id, daily_quota) VALUES (?, ?, ?)
            ON CONFLICT (guild_id, role_id) DO UPDATE SET daily_quota = excluded.daily_quota
                WHERE role_tiers.daily_quota != excluded.daily_quota
            """,
            (guild_id, role_id, daily_quota),
        )

    async def remove_tier(self, guild_id: int, role_id: int, audit: AuditRecord) -> bool:
        return await self._change(
            audit, "DELETE FROM role_tiers WHERE guild_id = ? AND role_id = ?", (guild_id, role_id)
        )

    async def override(self, guild_id: int, user_id: int) -> Override | None:
        value = await self.db.fetch_value(
            "SELECT daily_quota FROM member_overrides WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )
        return None if value is None else Override(user_id, int(value))

    async def overrides(self, guild_id: int) -> list[Override]:
        rows = await self.db.fetch_all(
            "SELECT user_id, daily_quota FROM member_overrides WHERE guild_id = ? ORDER BY daily_quota DESC, user_id",
            (guild_id,),
        )
        return [Override(*row) for row in rows]

    async def set_override(self, guild_id: int, user_id: int, daily_quota: int, audit: AuditRecord) -> bool:
        return await self._change(
            audit,
            """
            INSERT INTO member_overrides (guild_id, user_id, daily_quota) VALUES (?, ?, ?)
            ON CONFLICT (guild_id, user_id) DO UPDATE SET daily_quota = excluded.daily_quota
                WHERE member_overrides.daily_quota != excluded.daily_quota
            """,
            (guild_id, user_id, daily_quota),
        )

    async def remove_override(self, guild_id: int, user_id: int, audit: AuditRecord) -> bool:
        return await self._change(
            audit, "DELETE FROM member_overrides WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )

    # --- bonus credits and refunds ----------------------------------------------------------------

    async def bonus_balance(self, guild_id: int, user_id: int) -> int:
        value = await self.db.fetch_value(
            "SELECT balance FROM bonus_credits WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )
        return int(value or 0)

    async def add_bonus(self, guild_id: int, user_id: int, delta: int, audit: AuditRecord) -> int:
        """Grant (or with a negative delta take back) bonus credits; returns the new balance."""
        async with self.db.transaction() as conn:
            balance = await add_bonus(conn, guild_id, user_id, delta)
            await _audit(conn, audit)
        return balance

    async def job_charge(self, guild_id: int, job_id: int) -> JobCharge | None:
        rows = await self.db.fetch_all(
            "SELECT id, user_id, state, reference_name, created_at, charged, refunded FROM jobs"
            " WHERE id = ? AND guild_id = ?",
            (job_id, guild_id),
        )
        if not rows:
            return None
        job_id, user_id, state, name, created_at, charged, refunded = rows[0]
        return JobCharge(job_id, user_id, state, name, created_at, bool(charged), bool(refunded))

    async def refundable_jobs(self, guild_id: int, id_prefix: str, limit: int = 25) -> list[JobCharge]:
        """The server's newest charged, unrefunded jobs whose id starts with `id_prefix`."""
        rows = await self.db.fetch_all(
            "SELECT id, user_id, state, reference_name, created_at, charged, refunded FROM jobs"
            " WHERE guild_id = ? AND charged = 1 AND refunded = 0 AND CAST(id AS TEXT) LIKE ?"
            " ORDER BY id DESC LIMIT ?",
            (guild_id, "".join(ch for ch in id_prefix if ch in "0123456789") + "%", limit),
        )
        return [JobCharge(r[0], r[1], r[2], r[3], r[4], bool(r[5]), bool(r[6])) for r in rows]

    async def refund_job(self, guild_id: int, job_id: int, audit: AuditRecord) -> bool | None:
        """Refund a charged job by hand: None if it is not (or no longer) refundable, else whether
        the credit went back to the member's bonus credits (it was bonus-paid)."""
        async with self.db.transaction() as conn:
            rows = await conn.fetch_all(
                "UPDATE jobs SET refunded = 1 WHERE id = ? AND guild_id = ? AND charged = 1 AND refunded = 0"
                " RETURNING id",
                (job_id, guild_id),
            )
            if not rows:
                return None
            bonus = await return_bonus_credit(conn, job_id, audit.created_at)
            await _audit(conn, audit)
        return bonus

    # --- bans -------------------------------------------------------------------------------------

    async def active_ban(self, guild_id: int, user_id: int, now: float) -> Ban | None:
        rows = await self.db.fetch_all(
            "SELECT user_id, reason, banned_by, banned_at, expires_at FROM bans"
            " WHERE guild_id = ? AND user_id = ? AND (expires_at IS NULL OR expires_at > ?)",
            (guild_id, user_id, now),
        )
        return Ban(*rows[0]) if rows else None

    async def active_bans(self, guild_id: int, now: float) -> list[Ban]:
        rows = await self.db.fetch_all(
            "SELECT user_id, reason, banned_by, banned_at, expires_at FROM bans"
            " WHERE guild_id = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY banned_at DESC",
            (guild_id, now),
        )
        return [Ban(*row) for row in rows]

    async def ban(self, guild_id: int, ban: Ban, audit: AuditRecord) -> None:
        """Ban (or re-ban with a new reason and end)."""
        await self._change(
            audit,
            """
            INSERT INTO bans (guild_id, user_id, reason, banned_by, banned_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (guild_id, user_id) DO UPDATE SET reason = excluded.reason,
                banned_by = excluded.banned_by, banned_at = excluded.banned_at, expires_at = excluded.expires_at
            """,
            (guild_id, ban.user_id, ban.reason, ban.banned_by, ban.banned_at, ban.expires_at),
        )

    async def unban(self, guild_id: int, user_id: int, audit: AuditRecord) -> bool:
        """Lift an active ban; False if there was none (an expired one is just cleared)."""
        async with self.db.transaction() as conn:
            rows = await conn.fetch_all(
                "DELETE FROM bans WHERE guild_id = ? AND user_id = ? RETURNING expires_at",
                (guild_id, user_id),
            )
            active = bool(rows) and (rows[0][0] is None or rows[0][0] > audit.created_at)
            if active:
                await _audit(conn, audit)
        return active

    # --- channels -----------------------------------------------------------------------------------

    async def song_channels(self, guild_id: int) -> list[SongChannel]:
        rows = await self.db.fetch_all(
            "SELECT channel_id, added_by, added_at FROM song_channels WHERE guild_id = ? ORDER BY added_at, channel_id",
            (guild_id,),
        )
        return [SongChannel(*row) for row in rows]

    async def add_song_channel(self, guild_id: int, channel_id: int, audit: AuditRecord) -> bool:
        return await self._change(
            audit,
            "INSERT INTO song_channels (guild_id, channel_id, added_by, added_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (guild_id, channel_id, audit.actor_id, audit.created_at),
        )

    async def remove_song_channel(self, guild_id: int, channel_id: int, audit: AuditRecord) -> bool:
        return await self._change(
            audit, "DELETE FROM song_channels WHERE guild_id = ? AND channel_id = ?", (guild_id, channel_id)
        )

    # --- blocked words --------------------------------------------------------------------------------

    async def blocked_words(self, guild_id: int) -> list[BlockedWord]:
        rows = await self.db.fetch_all(
            "SELECT entry, added_by, added_at FROM blocked_words WHERE guild_id = ? ORDER BY entry", (guild_id,)
        )
        return [BlockedWord(*row) for row in rows]

    async def blocked_entries(self, guild_id: int) -> tuple[str, ...]:
        rows = await self.db.fetch_all("SELECT entry FROM blocked_words WHERE guild_id = ? ORDER BY entry", (guild_id,))
        return tuple(row[0] for row in rows)

    async def add_blocked_word(self, guild_id: int, entry: str, audit: AuditRecord) -> bool:
        return await self._change(
            audit,
            "INSERT INTO blocked_words (guild_id, entry, added_by, added_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (guild_id, entry, audit.actor_id, audit.created_at),
        )

    async def remove_blocked_word(self, guild_id: int, entry: str, audit: AuditRecord) -> bool:
        return await self._change(
            audit, "DELETE FROM blocked_words WHERE guild_id = ? AND entry = ?", (guild_id, entry)
        )

    # --- rights confirmations -----------------------------------------------------------------------

    async def rights_confirmed_at(self, guild_id: int, user_id: int) -> float | None:
        return await self.db.fetch_value(
            "SELECT confirmed_at FROM rights_confirmations WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )

    async def confirm_rights(self, guild_id: int, user_id: int, now: float) -> float:
        """Record the confirmation (the first one stands); returns when it was given."""
        async with self.db.transaction() as conn:
            rows = await conn.fetch_all(
                """
                INSERT INTO rights_confirmations (guild_id, user_id, confirmed_at) VALUES (?, ?, ?)
                ON CONFLICT (guild_id, user_id) DO UPDATE SET confirmed_at = rights_confirmations.confirmed_at
                RETURNING confirmed_at
                """,
                (guild_id, user_id, now),
            )
        return float(rows[0][0])

    # --- songs held for the rights confirmation ----------------------------------------------------------

    async def hold_song(self, song: HeldSong, *, max_per_member: int, max_waiting: int) -> bool:
        """Store a held song; False (nothing stored) when the member, or everyone, has too many waiting.

        Expired rows are pruned first, in the same transaction (writes are serialized on both
        backends, so the counts and the insert cannot interleave with another process's).
        """
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM held_songs WHERE expires_at <= ?", (song.created_at,))
            mine = await conn.fetch_value(
                "SELECT COUNT(*) FROM held_songs WHERE guild_id = ? AND user_id = ?", (song.guild_id, song.user_id)
            )
            everyone = await conn.fetch_value("SELECT COUNT(*) FROM held_songs")
            if int(mine) >= max_per_member or int(everyone) >= max_waiting:
                return False
            reference = song.order.reference
            await conn.execute(
                f"INSERT INTO held_songs ({_HELD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (song.ticket, song.guild_id, song.channel_id, song.parent_id, song.user_id, reference.url,
                 reference.filename, reference.size, reference.content_type, song.order.lyrics, song.order.style,
                 song.order.jam_id, song.created_at, song.expires_at, song.order.title),
            )
        return True

    async def take_held_song(self, ticket: str, guild_id: int, user_id: int, now: float) -> HeldSong | None:
        """Remove and return the member's unexpired held song: one DELETE ... RETURNING, so exactly one
        click (in any process) gets it; another member's click leaves it in place."""
        async with self.db.transaction() as conn:
            rows = await conn.fetch_all(
                f"DELETE FROM held_songs WHERE ticket = ? AND guild_id = ? AND user_id = ? AND expires_at > ?"
                f" RETURNING {_HELD_COLUMNS}",
                (ticket, guild_id, user_id, now),
            )
        return _held_song(rows[0]) if rows else None

    async def held_songs(self, guild_id: int, user_id: int, now: float) -> list[HeldSong]:
        rows = await self.db.fetch_all(
            f"SELECT {_HELD_COLUMNS} FROM held_songs WHERE guild_id = ? AND user_id = ? AND expires_at > ?"
            " ORDER BY created_at, ticket",
            (guild_id, user_id, now),
        )
        return [_held_song(row) for row in rows]

    async def prune_held_songs(self, now: float) -> int:
        """Delete the held songs whose prompt has expired; returns how many."""
        async with self.db.transaction() as conn:
            return await conn.execute("DELETE FROM held_songs WHERE expires_at <= ?", (now,))

    # --- audit and usage --------------------------------------------------------------------------------

    @staticmethod
    def _audit_filter(guild_id: int, user_id: int | None) -> tuple[str, list[int]]:
        """The server's audit rows, or only those by or about one member."""
        if user_id is None:
            return "guild_id = ?", [guild_id]
        return "guild_id = ? AND (target_user_id = ? OR actor_id = ?)", [guild_id, user_id, user_id]

    async def audit_count(self, guild_id: int, *, user_id: int | None = None) -> int:
        where, params = self._audit_filter(guild_id, user_id)
        return int(await self.db.fetch_value(f"SELECT COUNT(*) FROM audit_log WHERE {where}", params))

    async def audit_page(
        self, guild_id: int, *, user_id: int | None = None, offset: int = 0, limit: int = 10
    ) -> list[AuditEntry]:
        """Newest first."""
        where, params = self._audit_filter(guild_id, user_id)
        rows = await self.db.fetch_all(
            f"SELECT id, guild_id, actor_id, action, details, created_at, target_user_id FROM audit_log"
            f" WHERE {where} ORDER BY id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [AuditEntry(*row) for row in rows]

    async def charged_since(self, guild_id: int, since: float) -> int:
        """The server's songs that count against its daily cap: free ones too, refunded ones not."""
        return int(await self.db.fetch_value(
            "SELECT COUNT(*) FROM jobs WHERE guild_id = ? AND refunded = 0 AND created_at > ?",
            (guild_id, since),
        ))

    async def usage(self, guild_id: int, since: float, *, user_id: int | None = None) -> list[UsageRow]:
        """Per-member job counts since `since`, busiest first.

        Jobs pruned after the retention period count through their daily totals (`usage_daily`),
        whole UTC days from the one `since` falls in.
        """
        live, live_params = "j.guild_id = ? AND j.created_at > ?", [guild_id, since]
        kept, kept_params = "guild_id = ? AND day >= ?", [guild_id, utc_day(since)]
        if user_id is not None:
            live += " AND j.user_id = ?"
            kept += " AND user_id = ?"
            live_params.append(user_id)
            kept_params.append(user_id)
        rows = await self.db.fetch_all(
            f"""
            SELECT user_id, SUM(jobs), SUM(charged), SUM(bonus), SUM(refunded), SUM(delivered), SUM(failed),
                SUM(cancelled), SUM(unfinished), MAX(last_at)
            FROM (
                SELECT j.user_id, 1 AS jobs,
                    CASE WHEN j.charged = 1 AND j.refunded = 0 THEN 1 ELSE 0 END AS charged,
                    CASE WHEN b.job_id IS NOT NULL AND j.refunded = 0 THEN 1 ELSE 0 END AS bonus,
                    CASE WHEN j.refunded = 1 THEN 1 ELSE 0 END AS refunded,
                    CASE WHEN j.state = 'delivered' THEN 1 ELSE 0 END AS delivered,
                    CASE WHEN j.state IN ('failed', 'expired') THEN 1 ELSE 0 END AS failed,
                    CASE WHEN j.state = 'cancelled' THEN 1 ELSE 0 END AS cancelled,
                    CASE WHEN j.state IN ({_UNFINISHED_SQL}) THEN 1 ELSE 0 END AS unfinished,
                    j.created_at AS last_at
                FROM jobs j LEFT JOIN bonus_spends b ON b.job_id = j.id
                WHERE {live}
                UNION ALL
                SELECT user_id, jobs, charged, bonus, refunded, delivered, failed, cancelled, 0, last_at
                FROM usage_daily WHERE {kept}
            ) AS counted
            GROUP BY user_id
            ORDER BY 3 DESC, 10 DESC
            """,
            [*live_params, *kept_params],
        )
        return [UsageRow(row[0], *(int(n) for n in row[1:9]), row[9]) for row in rows]

    async def prune_audit(self, before: float) -> int:
        """Delete audit log entries older than `before`; returns how many."""
        async with self.db.transaction() as conn:
            return await conn.execute("DELETE FROM audit_log WHERE created_at < ?", (before,))
