"""Jobs and their quota charges, in SQL both backends run (SQLite and PostgreSQL: bot/core/database.py)."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from bot.core.database import Database, Tx, scalar
from bot.songs.credits import record_bonus_spend, return_bonus_credit, take_bonus_credit
from bot.songs.jobs import TERMINAL_STATES, UNFINISHED_STATES, Delivery, Job, JobState, NewJob
from bot.songs.quota import DAY_SECONDS, QuotaExceeded, QuotaLimits, utc_day
from bot.songs.store import Claimed, MemberUsage

JOB_COLUMNS = tuple(f.name for f in dataclasses.fields(Job))
_UPDATABLE = frozenset(JOB_COLUMNS) - {"id", "guild_id", "user_id", "created_at"}
_UNFINISHED = tuple(sorted(UNFINISHED_STATES))
_TERMINAL_SQL = ", ".join(f"'{state}'" for state in sorted(TERMINAL_STATES))
_UNFINISHED_SQL = ", ".join(f"'{state}'" for state in _UNFINISHED)
_SELECT = ", ".join(JOB_COLUMNS)
# Jobs paid with a bonus credit do not count against the member's rolling quota.
_NOT_BONUS = "NOT EXISTS (SELECT 1 FROM bonus_spends WHERE bonus_spends.job_id = jobs.id)"
# Old jobs that may be pruned: finished, and not a jam's entry (a past jam's results are read from them).
_PRUNABLE = (f"created_at < ? AND state IN ({_TERMINAL_SQL})"
             " AND jam_id IS NULL")
PRUNE_BATCH = 500
# What the operator's daily caps (the bot's and each server's) count: every job, charged to the
# member or free, unless it was refunded (failed for a reason not the member's, or cancelled before
# it was sent). A free job is marked refunded the same way a charged one is.
_CAP_COUNTED = "refunded = 0"
# A song the server can jump to: delivered and posted in a channel (not by DM, not left undelivered).
_POSTED = ("state = 'delivered' AND delivery IN ('reply', 'link') AND delivery_message_id IS NOT NULL")
# Claims a state's due jobs for one process: those nobody holds, or whose holder's lease has run out.
# Two statements in one transaction, each one text for both backends: the candidates with their
# previous owners (locked on PostgreSQL by `{skip_locked}`, see `Database.skip_locked`; SQLite's
# writers take turns), then the lease on exactly those rows. `{due}` takes one parameter (the time).
_CLAIMABLE = ("SELECT id, lease_owner FROM jobs WHERE state = ? AND {due} AND (lease_until IS NULL OR lease_until < ?)"
              " ORDER BY next_attempt_at, id LIMIT ?{skip_locked}")
_CLAIM = f"UPDATE jobs SET lease_owner = ?, lease_until = ? WHERE id IN ({{ids}}) RETURNING {_SELECT}"
_DUE = "next_attempt_at IS NOT NULL AND next_attempt_at <= ?"
# A job left in `submitting` has no next attempt: it is claimed (to be closed) once its lease is gone.
_DUE_SUBMITTING = "(next_attempt_at IS NULL OR next_attempt_at <= ?)"


def _job_from_row(row: Sequence[Any]) -> Job:
    values = dict(zip(JOB_COLUMNS, row, strict=True))
    values["state"] = JobState(values["state"])
    values["delivery"] = Delivery(values["delivery"]) if values["delivery"] else None
    for flag in ("charged", "refunded", "member_notified"):
        values[flag] = bool(values[flag])
    return Job(**values)


def _to_sql(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Path):
        return str(value)
    return value


class SqliteStorage:
    """The `Storage` interface (jobs and their quota charges) over a `Database`."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._reader = db  # reads outside a transaction
        self._transaction = db.transaction

    @classmethod
    async def open(cls, path: Path | str) -> SqliteStorage:
        return cls(await Database.open(path))

    async def close(self) -> None:
        await self.db.close()

    async def _fetch_jobs(self, where: str, params: Iterable[Any] = ()) -> list[Job]:
        rows = await self.db.fetch_all(f"SELECT {_SELECT} FROM jobs WHERE {where}", params)
        return [_job_from_row(row) for row in rows]

    async def _scalar(self, conn: Tx, sql: str, params: Iterable[Any] = ()) -> Any:
        return await scalar(conn, sql, params)

    # --- jobs -------------------------------------------------------------------------------

    async def create_job(self, new: NewJob, limits: QuotaLimits, *, now: float, timeout_s: float) -> Job:
        async with self._transaction() as conn:
            paid_with_bonus = await self._enforce(conn, new, limits, now)
            rows = await conn.fetch_all(
                f"""
                INSERT INTO jobs (guild_id, channel_id, user_id, model, prompt_text, style,
                    reference_url, reference_name, jam_id, state, charged, created_at, expires_at,
                    next_attempt_at, title, lyrics, member_name, reference_size, reference_type)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING {_SELECT}
                """,
                (new.guild_id, new.channel_id, new.user_id, new.model, new.prompt_text, new.style,
                 new.reference_url, new.reference_name, new.jam_id, int(not limits.free), now,
                 now + timeout_s, now, new.title, new.lyrics, new.member_name, new.reference_size,
                 new.reference_type),
            )
            job = _job_from_row(rows[0])
            if paid_with_bonus:
                await record_bonus_spend(conn, job.id, new.guild_id, new.user_id, now)
        return job

    async def _enforce(self, conn: Tx, new: NewJob, limits: QuotaLimits, now: float) -> bool:
        """Raise QuotaExceeded when the job does not fit; runs inside the charging transaction.

        Returns True when the daily quota is used up and one of the member's bonus credits (taken
        here) pays for the job instead.
        """
        day_ago = now - DAY_SECONDS
        if new.jam_id is not None:
            is_open = await self._scalar(
                conn, "SELECT COUNT(*) FROM jams WHERE id = ? AND state = 'open' AND ends_at > ?", (new.jam_id, now)
            )
            if not is_open:
                raise QuotaExceeded("jam_closed")
            if limits.jam_entry_limit is not None:
                entries = await self._scalar(
                    conn, "SELECT COUNT(*) FROM jobs WHERE jam_id = ? AND user_id = ?"
                          " AND state NOT IN ('failed', 'cancelled', 'expired')",
                    (new.jam_id, new.user_id),
                )
                if entries >= limits.jam_entry_limit:
                    raise QuotaExceeded("jam_entries", count=entries)
        if limits.member_unfinished is not None:
            unfinished = await self._scalar(
                conn,
                f"SELECT COUNT(*) FROM jobs WHERE guild_id = ? AND user_id = ? AND state IN ({_UNFINISHED_SQL})",
                (new.guild_id, new.user_id),
            )
            if unfinished >= limits.member_unfinished:
                raise QuotaExceeded("member_unfinished", count=unfinished)
        if limits.guild_unfinished is not None:
            unfinished = await self._scalar(
                conn, f"SELECT COUNT(*) FROM jobs WHERE guild_id = ? AND state IN ({_UNFINISHED_SQL})",
                (new.guild_id,),
            )
            if unfinished >= limits.guild_unfinished:
                raise QuotaExceeded("guild_unfinished")
        if limits.cooldown_s > 0:
            last = await self._scalar(
                conn, "SELECT MAX(created_at) FROM jobs WHERE guild_id = ? AND user_id = ?",
                (new.guild_id, new.user_id),
            )
            if last is not None and now - last < limits.cooldown_s:
                raise QuotaExceeded("cooldown", lifts_at=last + limits.cooldown_s)
        # The operator's caps hold for every job, free ones included (a sponsored jam pays the
        # member's quota, not the operator's API budget); only the member's own quota is skipped.
        if limits.global_daily is not None:
            counted, params = f"{_CAP_COUNTED} AND created_at > ?", (day_ago,)
            used = await self._scalar(conn, f"SELECT COUNT(*) FROM jobs WHERE {counted}", params)
            if used >= limits.global_daily:
                frees_at = await self._frees_at(conn, counted, params, used - limits.global_daily)
                raise QuotaExceeded("global_cap", lifts_at=frees_at)
        if limits.guild_daily is not None:
            counted = f"guild_id = ? AND {_CAP_COUNTED} AND created_at > ?"
            params = (new.guild_id, day_ago)
            used = await self._scalar(conn, f"SELECT COUNT(*) FROM jobs WHERE {counted}", params)
            if used >= limits.guild_daily:
                frees_at = await self._frees_at(conn, counted, params, used - limits.guild_daily)
                raise QuotaExceeded("guild_cap", lifts_at=frees_at)
        if limits.free:
            return False
        if limits.member_daily is not None:
            usage = await self._member_usage(conn, new.guild_id, new.user_id, now)
            if usage.used >= limits.member_daily:
                if await take_bonus_credit(conn, new.guild_id, new.user_id):
                    return True
                counted = (f"guild_id = ? AND user_id = ? AND charged = 1 AND refunded = 0 AND created_at > ?"
                           f" AND {_NOT_BONUS}")
                params = (new.guild_id, new.user_id, day_ago)
                raise QuotaExceeded(
                    "member_daily", count=limits.member_daily,
                    lifts_at=await self._frees_at(conn, counted, params, usage.used - limits.member_daily),
                )
        return False

    async def _frees_at(
        self, conn: Tx, counted: str, params: tuple[Any, ...], excess: int
    ) -> float | None:
        """When enough counted jobs leave the rolling day for one more to fit (None: never, cap 0)."""
        oldest = await self._scalar(
            conn, f"SELECT created_at FROM jobs WHERE {counted} ORDER BY created_at LIMIT 1 OFFSET ?", (*params, excess)
        )
        return None if oldest is None else float(oldest) + DAY_SECONDS

    async def get_job(self, job_id: int) -> Job | None:
        jobs = await self._fetch_jobs("id = ?", (job_id,))
        return jobs[0] if jobs else None

    async def member_jobs(
        self, guild_id: int, user_id: int, *, limit: int = 10, search: str | None = None, offset: int = 0
    ) -> list[Job]:
        where, params = "guild_id = ? AND user_id = ?", [guild_id, user_id]
        if search:
            # LOWER on both sides: LIKE ignores case on SQLite, not on PostgreSQL.
            where += " AND (CAST(id AS TEXT) LIKE ? OR LOWER(reference_name) LIKE ?)"
            pattern = search.replace("%", "").replace("_", "").lower() + "%"
            params += [pattern, "%" + pattern]
        return await self._fetch_jobs(f"{where} ORDER BY id DESC LIMIT ? OFFSET ?", [*params, limit, offset])

    async def member_job_count(self, guild_id: int, user_id: int) -> int:
        count = await scalar(self.db, "SELECT COUNT(*) FROM jobs WHERE guild_id = ? AND user_id = ?",
                             (guild_id, user_id))
        return int(count or 0)

    async def guild_songs(self, guild_id: int, *, limit: int, offset: int = 0) -> list[Job]:
        return await self._fetch_jobs(f"guild_id = ? AND {_POSTED} ORDER BY id DESC LIMIT ? OFFSET ?",
                                      (guild_id, limit, offset))

    async def guild_song_count(self, guild_id: int) -> int:
        count = await scalar(self.db, f"SELECT COUNT(*) FROM jobs WHERE guild_id = ? AND {_POSTED}", (guild_id,))
        return int(count or 0)

    async def guild_songs_by_id(self, guild_id: int, job_ids: Collection[int]) -> list[Job]:
        if not job_ids:
            return []
        ids = list(job_ids)
        return await self._fetch_jobs(f"guild_id = ? AND {_POSTED} AND id IN ({', '.join('?' * len(ids))})",
                                      (guild_id, *ids))

    async def due_by_state(self, now: float, limits: Mapping[JobState, int]) -> list[Job]:
        # One round trip; each part walks the (state, next_attempt_at) index and stops at its limit.
        wanted = [(state, limit) for state, limit in limits.items() if limit > 0]
        if not wanted:
            return []
        part = (f"SELECT * FROM (SELECT {_SELECT} FROM jobs WHERE state = ? AND next_attempt_at IS NOT NULL"
                " AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?) AS due")
        rows = await self.db.fetch_all(
            " UNION ALL ".join([part] * len(wanted)),
            [value for state, limit in wanted for value in (state.value, now, limit)],
        )
        return [_job_from_row(row) for row in rows]

    async def claim_due(
        self, now: float, limits: Mapping[JobState, int], *, owner: str, lease_until: float
    ) -> Claimed:
        wanted = [(state, limit) for state, limit in limits.items() if limit > 0]
        if not wanted:
            return Claimed()
        claimed: list[Job] = []
        taken_over: dict[int, str] = {}
        async with self._transaction() as conn:
            for state, limit in wanted:
                due = _DUE_SUBMITTING if state is JobState.SUBMITTING else _DUE
                candidates = await conn.fetch_all(
                    _CLAIMABLE.format(due=due, skip_locked=self.db.skip_locked), (state.value, now, now, limit)
                )
                if not candidates:
                    continue
                ids = [int(row[0]) for row in candidates]
                taken_over.update({int(row[0]): str(row[1]) for row in candidates
                                   if row[1] is not None and row[1] != owner})
                rows = await conn.fetch_all(_CLAIM.format(ids=", ".join("?" * len(ids))), (owner, lease_until, *ids))
                claimed += sorted((_job_from_row(row) for row in rows),
                                  key=lambda job: (job.next_attempt_at or 0.0, job.id))
        return Claimed(claimed, taken_over)

    async def renew_leases(self, job_ids: Collection[int], *, owner: str, lease_until: float) -> set[int]:
        if not job_ids:
            return set()
        ids = list(job_ids)
        async with self._transaction() as conn:
            rows = await conn.fetch_all(
                f"UPDATE jobs SET lease_until = ? WHERE lease_owner = ? AND id IN ({', '.join('?' * len(ids))})"
                " RETURNING id",
                (lease_until, owner, *ids),
            )
        return {int(row[0]) for row in rows}

    async def release_lease(self, job_id: int, *, owner: str) -> bool:
        async with self._transaction() as conn:
            rows = list(await conn.fetch_all(
                "UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? RETURNING id",
                (job_id, owner),
            ))
        return bool(rows)

    async def release_leases(self, *, owner: str) -> int:
        async with self._transaction() as conn:
            rows = list(await conn.fetch_all(
                "UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? RETURNING id", (owner,)
            ))
        return len(rows)

    async def next_due_at(self, now: float | None = None) -> float | None:
        if now is None:
            return await self._scalar(
                self._reader, "SELECT MIN(next_attempt_at) FROM jobs WHERE next_attempt_at IS NOT NULL"
            )
        # The first due job nobody holds (walking the due index), or the first lease to run out.
        free = await self._scalar(
            self._reader,
            "SELECT next_attempt_at FROM jobs WHERE next_attempt_at IS NOT NULL"
            " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at LIMIT 1",
            (now,),
        )
        held = await self._scalar(self._reader, "SELECT MIN(lease_until) FROM jobs WHERE lease_until >= ?", (now,))
        times = [float(t) for t in (free, held) if t is not None]
        return min(times) if times else None

    async def update_job(
        self, job_id: int, expect: Iterable[JobState], *, owner: str | None = None, **changes: Any
    ) -> Job | None:
        async with self._transaction() as conn:
            return await self._update(conn, job_id, expect, changes, owner)

    async def _update(
        self, conn: Tx, job_id: int, expect: Iterable[JobState], changes: dict[str, Any],
        owner: str | None = None,
    ) -> Job | None:
        unknown = set(changes) - _UPDATABLE
        if unknown:
            raise ValueError(f"not updatable: {sorted(unknown)}")
        states = [state.value for state in expect]
        assignments = ", ".join(f"{name} = ?" for name in changes)
        held = "" if owner is None else " AND lease_owner = ?"
        rows = await conn.fetch_all(
            f"UPDATE jobs SET {assignments} WHERE id = ? AND state IN ({', '.join('?' * len(states))}){held}"
            f" RETURNING {_SELECT}",
            (*(_to_sql(value) for value in changes.values()), job_id, *states, *(() if owner is None else (owner,))),
        )
        return _job_from_row(rows[0]) if rows else None

    async def finish_job(
        self, job_id: int, state: JobState, reason: str | None, *, now: float, refund: bool | Collection[JobState],
        expect: Iterable[JobState], owner: str | None = None, **changes: Any,
    ) -> Job | None:
        if not state.is_terminal:
            raise ValueError(f"{state} is not a terminal state")
        fields: dict[str, Any] = {"state": state, "failure_reason": reason, "finished_at": now, **changes}
        async with self._transaction() as conn:
            if not isinstance(refund, bool):  # decided on the state this very transaction changes
                current = await self._scalar(conn, "SELECT state FROM jobs WHERE id = ?", (job_id,))
                refund = current is not None and JobState(current) in refund
            if refund:
                fields["refunded"] = True  # only counts where the job was charged
            job = await self._update(conn, job_id, expect, fields, owner)
            if job is not None and refund:
                await return_bonus_credit(conn, job_id, now)  # a bonus-paid job gives its bonus back
            return job

    async def jobs_in_state(self, state: JobState) -> list[Job]:
        return await self._fetch_jobs("state = ? ORDER BY id", (state.value,))

    async def recently_finished(self, *, created_since: float, finished_since: float) -> list[Job]:
        """Jobs with a status message that ended after `finished_since` (created after `created_since`,
        which keeps the scan on the created_at index)."""
        return await self._fetch_jobs(
            f"created_at > ? AND finished_at > ? AND state IN ({_TERMINAL_SQL}) AND status_message_id IS NOT NULL"
            " ORDER BY id",
            (created_since, finished_since),
        )

    async def songs_ahead(self, job: Job) -> int:
        return int(
            await self._scalar(
                self._reader,
                "SELECT COUNT(*) FROM jobs WHERE state = ? AND guild_id = ? AND id < ?",
                (JobState.PENDING.value, job.guild_id, job.id),
            )
        )

    async def unfinished_job_ids(self) -> set[int]:
        rows = await self.db.fetch_all(f"SELECT id FROM jobs WHERE state IN ({_UNFINISHED_SQL})")
        return {int(row[0]) for row in rows}

    async def prune_finished(self, before: float) -> int:
        """Delete finished jobs created before `before`, a batch per transaction; returns how many.

        Each batch is first added to the per-member daily totals (`usage_daily`), so usage reports
        still add up over pruned days. Unfinished jobs and jam entries are never pruned.
        """
        pruned = 0
        while True:
            async with self._transaction() as conn:
                ids = [row[0] for row in await conn.fetch_all(
                    f"SELECT id FROM jobs WHERE {_PRUNABLE} ORDER BY id LIMIT ?", (before, PRUNE_BATCH))]
                if not ids:
                    return pruned
                batch = f"({', '.join('?' * len(ids))})"
                rows = await conn.fetch_all(
                    f"""
                    SELECT j.guild_id, j.user_id, j.created_at, j.charged, j.refunded, j.state,
                        CASE WHEN b.job_id IS NULL THEN 0 ELSE 1 END
                    FROM jobs j LEFT JOIN bonus_spends b ON b.job_id = j.id WHERE j.id IN {batch}
                    """,
                    ids,
                )
                for (guild_id, user_id, day), totals in _daily_totals(rows).items():
                    await conn.execute(
                        """
                        INSERT INTO usage_daily (guild_id, user_id, day, jobs, charged, bonus, refunded, delivered,
                            failed, cancelled, last_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (guild_id, user_id, day) DO UPDATE SET
                            jobs = usage_daily.jobs + excluded.jobs,
                            charged = usage_daily.charged + excluded.charged,
                            bonus = usage_daily.bonus + excluded.bonus,
                            refunded = usage_daily.refunded + excluded.refunded,
                            delivered = usage_daily.delivered + excluded.delivered,
                            failed = usage_daily.failed + excluded.failed,
                            cancelled = usage_daily.cancelled + excluded.cancelled,
                            last_at = CASE WHEN usage_daily.last_at > excluded.last_at
                                THEN usage_daily.last_at ELSE excluded.last_at END
                        """,
                        (guild_id, user_id, day, *totals),
                    )
                await conn.execute(f"DELETE FROM bonus_spends WHERE job_id IN {batch}", ids)
                await conn.execute(f"DELETE FROM jobs WHERE id IN {batch}", ids)
            pruned += len(ids)

    async def recent_generation_seconds(self, limit: int) -> list[float]:
        rows = await self.db.fetch_all(
            "SELECT completed_at - submitted_at FROM jobs WHERE completed_at IS NOT NULL"
            " AND submitted_at IS NOT NULL ORDER BY completed_at DESC LIMIT ?",
            (limit,),
        )
        return [float(row[0]) for row in rows]

    # --- quota --------------------------------------------------------------------------------

    async def member_usage(self, guild_id: int, user_id: int, *, now: float) -> MemberUsage:
        return await self._member_usage(self._reader, guild_id, user_id, now)

    async def _member_usage(
        self, conn: Tx | Database, guild_id: int, user_id: int, now: float
    ) -> MemberUsage:
        since = now - DAY_SECONDS
        rows = await conn.fetch_all(
            f"""
            SELECT
                COUNT(CASE WHEN charged = 1 AND refunded = 0 AND created_at > ? AND {_NOT_BONUS} THEN 1 END),
                COUNT(CASE WHEN state IN ({_UNFINISHED_SQL}) THEN 1 END),
                MIN(CASE WHEN charged = 1 AND refunded = 0 AND created_at > ? AND {_NOT_BONUS}
                    THEN created_at END)
            FROM jobs WHERE guild_id = ? AND user_id = ? AND created_at > ?
            """,
            (since, since, guild_id, user_id, now - 7 * DAY_SECONDS),
        )
        used, unfinished, oldest = rows[0]
        return MemberUsage(
            used=int(used), unfinished=int(unfinished),
            next_free_at=None if oldest is None else float(oldest) + DAY_SECONDS,
        )


def _daily_totals(rows: Iterable[Sequence[Any]]) -> dict[tuple[int, int, str], list[Any]]:
    """Pruned jobs as `usage_daily` rows: (guild, user, day) -> jobs, charged, bonus, refunded,
    delivered, failed, cancelled, last_at."""
    totals: dict[tuple[int, int, str], list[Any]] = {}
    for guild_id, user_id, created_at, charged, refunded, state, bonus in rows:
        row = totals.setdefault((guild_id, user_id, utc_day(created_at)), [0, 0, 0, 0, 0, 0, 0, created_at])
        row[0] += 1
        row[1] += int(charged == 1 and refunded == 0)
        row[2] += int(bonus == 1 and refunded == 0)
        row[3] += int(refunded == 1)
        row[4] += int(state == "delivered")
        row[5] += int(state in ("failed", "expired"))
        row[6] += int(state == "cancelled")
        row[7] = max(row[7], created_at)
    return totals
