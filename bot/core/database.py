"""The SQLite database (aiosqlite, WAL): one connection that writes, one that reads snapshots."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from bot.core.migrations import apply_migrations

log = logging.getLogger("songjam.database")


def is_database_busy(exc: BaseException) -> bool:
    """True when SQLite refused because another connection holds the database (it passes by itself)."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


async def scalar(conn: aiosqlite.Connection, sql: str, params: Iterable[Any] = ()) -> Any:
    """The first column of the first row, or None."""
    rows = list(await conn.execute_fetchall(sql, tuple(params)))
    return rows[0][0] if rows else None


class Database:
    """Shared by every store (jobs, moderation, jams).

    Writes go through one connection under a lock, each as one short `BEGIN IMMEDIATE`
    transaction, so a check and the charge it guards can never interleave with another's.
    Reads use a second connection: WAL gives them a consistent snapshot without waiting. Every
    read runs and fetches in one call (execute_fetchall): a cursor left open between awaits would
    pin the reader to an old snapshot while other reads interleave.
    """

    # Appended to a subquery that picks rows to claim (`... LIMIT ?{skip_locked}`), so one query
    # text serves every backend: PostgreSQL's says " FOR UPDATE SKIP LOCKED" (two processes claim
    # different rows without waiting); SQLite needs nothing, its writers take turns (BEGIN IMMEDIATE).
    skip_locked = ""

    def __init__(self, writer: aiosqlite.Connection, reader: aiosqlite.Connection) -> None:
        self.writer = writer
        self.reader = reader
        self._write_lock = asyncio.Lock()
        self._rollbacks: set[asyncio.Task[None]] = set()

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        writer = await aiosqlite.connect(path, isolation_level=None)
        await writer.execute("PRAGMA journal_mode = WAL")
        await writer.execute("PRAGMA synchronous = NORMAL")
        await writer.execute("PRAGMA busy_timeout = 5000")
        await apply_migrations(writer)
        reader = await aiosqlite.connect(path, isolation_level=None)
        await reader.execute("PRAGMA busy_timeout = 5000")
        return cls(writer, reader)

    async def close(self) -> None:
        await self.reader.close()
        await self.writer.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One `BEGIN IMMEDIATE` ... `COMMIT`; rolled back on any error or cancellation, including
        one that lands while BEGIN waits for another connection's lock or while COMMIT runs."""
        async with self._write_lock:
            try:
                await self.writer.execute("BEGIN IMMEDIATE")
                yield self.writer
                await self.writer.execute("COMMIT")
            except BaseException as exc:
                await self._roll_back(wait=not isinstance(exc, asyncio.CancelledError))
                raise

    async def _roll_back(self, *, wait: bool) -> None:
        """Roll back whatever transaction the writer has open, once it has finished what it is doing.

        A cancelled await does not stop SQLite: a BEGIN still waiting in the busy handler may get
        its lock afterwards. aiosqlite runs a connection's calls in order on one thread, so a
        rollback queued now runs after it, before any later write. `rollback()` checks
        `in_transaction` there, at that moment (a no-op when nothing is open). A cancelled task
        does not wait for it (the queue keeps the order); a failed one does, so that the error
        it raises describes a clean connection.
        """
        task = asyncio.ensure_future(self.writer.rollback())
        self._rollbacks.add(task)
        task.add_done_callback(self._rolled_back)
        if wait:
            await asyncio.shield(task)

    def _rolled_back(self, task: asyncio.Task[None]) -> None:
        self._rollbacks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("rolling back a failed transaction failed", exc_info=task.exception())

    async def fetch_all(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        return list(await self.reader.execute_fetchall(sql, tuple(params)))

    async def fetch_value(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return await scalar(self.reader, sql, params)
