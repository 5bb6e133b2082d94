"""Jams, their entries (jobs carrying a `jam_id`) and votes in the database (SQLite or PostgreSQL).

Every write is one serialized transaction. Where a write depends on a rule (a vote, entering
a finished song) the store reads what the rule needs inside that transaction and calls the rule
there, so no other write can slip between the check and the write.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from bot.core.database import Database, Tx, scalar
from bot.jams.models import (
    Entry,
    Jam,
    JamDraft,
    JamSettings,
    JamState,
    MemberStatus,
    SongRef,
    SubmitContext,
    VoteContext,
    VoteReceipt,
)
from bot.songs.jobs import JobState
from bot.songs.lyrics import first_line

JAM_COLUMNS = tuple(f.name for f in dataclasses.fields(Jam))
_SELECT = ", ".join(JAM_COLUMNS)
_SONG_SELECT = "id, user_id, channel_id, jam_id, state, finished_at"
# An entry counts against the member's limit unless it ended without a song.
_LIVE_ENTRY = "state NOT IN ('failed', 'cancelled', 'expired')"
# The votes of a server's jams that anyone may see (an anonymous jam's only after its close), on
# songs still posted in a channel; walks jams_guild, then jam_votes_entry, then the jobs' key.
_VOTED_SONGS = """
    FROM jams JOIN jam_votes ON jam_votes.jam_id = jams.id JOIN jobs ON jobs.id = jam_votes.job_id
    WHERE jams.guild_id = ? AND (jams.anonymous = 0 OR jams.state != 'open')
        AND jobs.state = 'delivered' AND jobs.delivery IN ('reply', 'link') AND jobs.delivery_message_id IS NOT NULL
"""
_OPEN_FOR_CHANNEL = "state = 'open' AND ends_at > ? AND (channel_id = ? OR thread_id = ?)"


def _jam(row: Iterable[Any]) -> Jam:
    values = dict(zip(JAM_COLUMNS, row, strict=True))
    values["state"] = JamState(values["state"])
    values["sponsored"] = bool(values["sponsored"])
    values["anonymous"] = bool(values["anonymous"])
    return Jam(**values)


def _song(row: Iterable[Any]) -> SongRef:
    job_id, user_id, channel_id, jam_id, state, finished_at = row
    return SongRef(job_id=job_id, user_id=user_id, channel_id=channel_id, jam_id=jam_id, state=JobState(state),
                   finished_at=finished_at)


async def _one(conn: Tx, sql: str, params: Iterable[Any] = ()) -> Any:
    rows = await conn.fetch_all(sql, tuple(params))
    return rows[0] if rows else None


class JamStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- jams -----------------------------------------------------------------------------------

    async def create(self, draft: JamDraft, now: float, check: Callable[[Jam | None], None]) -> Jam:
        """Record a jam; `check` sees the open jam already using the channel (or None) and may refuse."""
        async with self.db.transaction() as conn:
            row = await _one(conn, f"SELECT {_SELECT} FROM jams WHERE state = 'open'"
                                   " AND (channel_id = ?1 OR thread_id = ?1)", (draft.channel_id,))
            check(_jam(row) if row else None)
            created = await _one(
                conn,
                f"""
                INSERT INTO jams (guild_id, channel_id, host_id, theme, entries_per_member, sponsored,
                    anonymous, winner_role_id, started_at, ends_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING {_SELECT}
                """,
                (draft.guild_id, draft.channel_id, draft.host_id, draft.theme, draft.entries_per_member,
                 int(draft.sponsored), int(draft.anonymous), draft.winner_role_id, now, now + draft.duration_s),
            )
        assert created is not None
        return _jam(created)

    async def attach_messages(self, jam_id: int, announcement_message_id: int, thread_id: int | None) -> Jam | None:
        async with self.db.transaction() as conn:
            row = await _one(
                conn, f"UPDATE jams SET announcement_message_id = ?, thread_id = ? WHERE id = ? RETURNING {_SELECT}",
                (announcement_message_id, thread_id, jam_id),
            )
        return _jam(row) if row else None

    async def discard(self, jam_id: int) -> None:
        """Forget a jam that was never announced (and so has no entries or votes)."""
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM jams WHERE id = ? AND announcement_message_id IS NULL", (jam_id,))

    async def get(self, jam_id: int) -> Jam | None:
        rows = await self.db.fetch_all(f"SELECT {_SELECT} FROM jams WHERE id = ?", (jam_id,))
        return _jam(rows[0]) if rows else None

    async def open_for_channel(self, channel_id: int, now: float) -> Jam | None:
        """The open jam taking entries in this channel or thread."""
        rows = await self.db.fetch_all(f"SELECT {_SELECT} FROM jams WHERE {_OPEN_FOR_CHANNEL}",
                                       (now, channel_id, channel_id))
        return _jam(rows[0]) if rows else None

    async def latest_for_channel(self, channel_id: int) -> Jam | None:
        rows = await self.db.fetch_all(
            f"SELECT {_SELECT} FROM jams WHERE channel_id = ?1 OR thread_id = ?1 ORDER BY id DESC LIMIT 1",
            (channel_id,),
        )
        return _jam(rows[0]) if rows else None

    async def in_guild(self, guild_id: int, states: Iterable[JamState], *, limit: int) -> list[Jam]:
        """The guild's jams in `states`, newest first."""
        wanted = [state.value for state in states]
        rows = await self.db.fetch_all(
            f"SELECT {_SELECT} FROM jams WHERE guild_id = ? AND state IN ({', '.join('?' * len(wanted))})"
            " ORDER BY id DESC LIMIT ?",
            (guild_id, *wanted, limit),
        )
        return [_jam(row) for row in rows]

    async def close(self, jam_id: int, state: JamState, *, now: float, by: int | None) -> Jam | None:
        """Move an open jam to `state`; None if it was no longer open (only one closer wins)."""
        async with self.db.transaction() as conn:
            row = await _one(
                conn,
                f"UPDATE jams SET state = ?, closed_at = CASE WHEN ends_at < ? THEN ends_at ELSE ? END, closed_by = ?"
                f" WHERE id = ? AND state = 'open' RETURNING {_SELECT}",
                (state.value, now, now, by, jam_id),
            )
        return _jam(row) if row else None

    async def close_due(self, now: float) -> list[Jam]:
        """Close every open jam whose deadline has passed; a jam is returned by the one call that closed it."""
        async with self.db.transaction() as conn:
            rows = await conn.fetch_all(
                f"UPDATE jams SET state = 'closed', closed_at = ends_at"
                f" WHERE state = 'open' AND ends_at <= ? RETURNING {_SELECT}",
                (now,),
            )
        return sorted((_jam(row) for row in rows), key=lambda jam: jam.id)

    async def next_deadline(self) -> float | None:
        return await self.db.fetch_value("SELECT MIN(ends_at) FROM jams WHERE state = 'open'")

    async def unfinalized(self) -> list[Jam]:
        """Closed or cancelled jams whose close has not been fully shown in Discord yet."""
        rows = await self.db.fetch_all(
            f"SELECT {_SELECT} FROM jams WHERE state != 'open' AND finalized_at IS NULL ORDER BY closed_at, id"
        )
        return [_jam(row) for row in rows]

    async def claim_close(self, jam_id: int, *, owner: str, now: float, lease_until: float) -> Jam | None:
        """Lease a closed, unfinalized jam to `owner` (again, if it holds it); None if another holds it."""
        async with self.db.transaction() as conn:
            row = await _one(
                conn,
                f"UPDATE jams SET lease_owner = ?, lease_until = ? WHERE id = ? AND state != 'open'"
                f" AND finalized_at IS NULL AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)"
                f" RETURNING {_SELECT}",
                (owner, lease_until, jam_id, now, owner),
            )
        return _jam(row) if row else None

    async def results_posted(self, jam_id: int, message_id: int | None, now: float) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE jams SET results_message_id = ?, results_posted_at = ?"
                " WHERE id = ? AND results_posted_at IS NULL",
                (message_id, now, jam_id),
            )

    async def finalized(self, jam_id: int, now: float) -> None:
        async with self.db.transaction() as conn:
            await conn.execute("UPDATE jams SET finalized_at = ? WHERE id = ? AND finalized_at IS NULL",
                               (now, jam_id))

    # --- entries --------------------------------------------------------------------------------

    async def entries(self, jam: Jam) -> list[Entry]:
        """The jam's delivered entries with their votes; once closed, only those delivered before the close."""
        rows = await self.db.fetch_all(
            """
            SELECT jobs.id, jobs.user_id, jobs.channel_id,
                CASE WHEN jobs.delivery IN ('reply', 'link') THEN jobs.delivery_message_id END,
                jobs.finished_at, COUNT(jam_votes.voter_id), jobs.prompt_text
            FROM jobs LEFT JOIN jam_votes ON jam_votes.jam_id = jobs.jam_id AND jam_votes.job_id = jobs.id
            WHERE jobs.jam_id = ?1 AND jobs.state = 'delivered' AND (jobs.finished_at <= ?2 OR ?2 IS NULL)
            GROUP BY jobs.id ORDER BY jobs.id
            """,
            (jam.id, jam.closed_at),
        )
        return [Entry(job_id=r[0], user_id=r[1], channel_id=r[2], message_id=r[3], delivered_at=r[4], votes=r[5],
                      title=first_line(r[6])) for r in rows]

    async def count_entries(self, jam_id: int) -> int:
        return int(await self.db.fetch_value(f"SELECT COUNT(*) FROM jobs WHERE jam_id = ? AND {_LIVE_ENTRY}",
                                             (jam_id,)))

    async def member_status(self, jam_id: int, user_id: int) -> MemberStatus:
        rows = await self.db.fetch_all(
            f"""
            SELECT (SELECT COUNT(*) FROM jobs WHERE jam_id = ?1 AND user_id = ?2 AND {_LIVE_ENTRY}),
                   (SELECT job_id FROM jam_votes WHERE jam_id = ?1 AND voter_id = ?2)
            """,
            (jam_id, user_id),
        )
        entries, voted_for = rows[0]
        return MemberStatus(entries=int(entries), voted_for=voted_for)

    async def enter_song(self, job_id: int, user_id: int, now: float, check: Callable[[SubmitContext], None]) -> Jam:
        """Enter a finished song in the open jam of its channel, if `check` allows it."""
        async with self.db.transaction() as conn:
            song_row = await _one(conn, f"SELECT {_SONG_SELECT} FROM jobs WHERE id = ?", (job_id,))
            song = _song(song_row) if song_row else None
            jam = None
            if song is not None:
                jam_row = await _one(conn, f"SELECT {_SELECT} FROM jams WHERE {_OPEN_FOR_CHANNEL}",
                                     (now, song.channel_id, song.channel_id))
                jam = _jam(jam_row) if jam_row else None
            entries = 0
            if jam is not None:
                entries = await scalar(
                    conn, f"SELECT COUNT(*) FROM jobs WHERE jam_id = ? AND user_id = ? AND {_LIVE_ENTRY}",
                    (jam.id, user_id),
                )
            check(SubmitContext(song=song, user_id=user_id, jam=jam, entries=int(entries), now=now))
            assert jam is not None
            await conn.execute("UPDATE jobs SET jam_id = ? WHERE id = ? AND jam_id IS NULL", (jam.id, job_id))
        return jam

    async def leftover_submissions(self, jam: Jam) -> list[tuple[int, int]]:
        """(channel id, message id) of songs posted in the jam's channels while it was open and never entered.

        Their messages carry a "Submit to jam" button to take away at the close.
        """
        rows = await self.db.fetch_all(
            """
            SELECT channel_id, delivery_message_id FROM jobs
            WHERE finished_at >= ? AND finished_at <= ? AND channel_id IN (?, ?) AND jam_id IS NULL
                AND state = 'delivered' AND delivery IN ('reply', 'link') AND delivery_message_id IS NOT NULL
            ORDER BY id
            """,
            (jam.started_at, jam.closed_at or jam.ends_at, jam.channel_id, jam.thread_id or jam.channel_id),
        )
        return [(row[0], row[1]) for row in rows]

    # --- votes ----------------------------------------------------------------------------------

    async def cast_vote(
        self, jam_id: int, job_id: int, voter_id: int, now: float, check: Callable[[VoteContext], None]
    ) -> VoteReceipt:
        """Record or move the member's one vote in the jam, if `check` allows it."""
        async with self.db.transaction() as conn:
            jam_row = await _one(conn, f"SELECT {_SELECT} FROM jams WHERE id = ?", (jam_id,))
            song_row = await _one(conn, f"SELECT {_SONG_SELECT} FROM jobs WHERE id = ?", (job_id,))
            previous = await scalar(conn, "SELECT job_id FROM jam_votes WHERE jam_id = ? AND voter_id = ?",
                                    (jam_id, voter_id))
            jam = _jam(jam_row) if jam_row else None
            song = _song(song_row) if song_row else None
            check(VoteContext(jam=jam, song=song, voter_id=voter_id, previous_job_id=previous, now=now))
            assert jam is not None and song is not None
            await conn.execute(
                """
                INSERT INTO jam_votes (jam_id, voter_id, job_id, voted_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (jam_id, voter_id) DO UPDATE SET job_id = excluded.job_id, voted_at = excluded.voted_at
                """,
                (jam_id, voter_id, job_id, now),
            )
            votes = await scalar(conn, "SELECT COUNT(*) FROM jam_votes WHERE jam_id = ? AND job_id = ?",
                                 (jam_id, job_id))
        return VoteReceipt(jam=jam, job_id=job_id, entrant_id=song.user_id, previous_job_id=previous,
                           votes=int(votes))

    async def top_voted(self, guild_id: int, *, limit: int, offset: int = 0) -> list[tuple[int, int]]:
        """(job id, votes) of the server's posted songs with visible votes, most votes first, ties newest first."""
        rows = await self.db.fetch_all(
            f"SELECT jobs.id, COUNT(*) {_VOTED_SONGS} GROUP BY jobs.id ORDER BY COUNT(*) DESC, jobs.id DESC"
            " LIMIT ? OFFSET ?",
            (guild_id, limit, offset),
        )
        return [(int(row[0]), int(row[1])) for row in rows]

    async def voted_song_count(self, guild_id: int) -> int:
        """How many songs `top_voted` pages through."""
        return int(await self.db.fetch_value(f"SELECT COUNT(DISTINCT jobs.id) {_VOTED_SONGS}", (guild_id,)) or 0)

    # --- settings -------------------------------------------------------------------------------

    async def settings(self, guild_id: int) -> JamSettings:
        rows = await self.db.fetch_all(
            "SELECT use_threads, private_standings FROM jam_settings WHERE guild_id = ?", (guild_id,)
        )
        if not rows:
            return JamSettings(guild_id=guild_id)
        return JamSettings(guild_id=guild_id, use_threads=bool(rows[0][0]), private_standings=bool(rows[0][1]))

    async def save_settings(self, settings: JamSettings) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                """
                INSERT INTO jam_settings (guild_id, use_threads, private_standings) VALUES (?, ?, ?)
                ON CONFLICT (guild_id) DO UPDATE SET use_threads = excluded.use_threads,
                    private_standings = excluded.private_standings
                """,
                (settings.guild_id, int(settings.use_threads), int(settings.private_standings)),
            )
