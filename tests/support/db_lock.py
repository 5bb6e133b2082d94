"""Another program holding the bot's database, as a backup or an operator's shell would.

On SQLite: `BEGIN EXCLUSIVE` on the file (WAL readers still read). On PostgreSQL (SONGJAM_TEST_POSTGRES):
the bots' write lock (the advisory lock every write transaction takes first, so every write waits,
as on SQLite) and `LOCK TABLE jobs IN EXCLUSIVE MODE` (what an outside program would hold; EXCLUSIVE,
not ACCESS EXCLUSIVE, lets reads through as SQLite's WAL does).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg

from bot.core.database import Database
from bot.core.postgres import WRITE_LOCK, PostgresDatabase
from tests.support.databases import database_url, on_postgres

POSTGRES_LOCK = ("SELECT pg_advisory_xact_lock($1)", "LOCK TABLE jobs IN EXCLUSIVE MODE")


@contextlib.contextmanager
def held_exclusively(path: Path | str) -> Iterator[sqlite3.Connection]:
    """`BEGIN EXCLUSIVE` on its own connection until the block ends (SQLite only).

    Blocks while it waits for the lock: where the bot may be writing in the same event loop, use
    `holding_exclusively`, or the bot's open transaction could never finish.
    """
    other = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


@contextlib.asynccontextmanager
async def holding_exclusively(path: Path | str) -> AsyncIterator[None]:
    """The database held by another connection until the block ends; the event loop runs meanwhile."""
    if on_postgres():
        conn = await asyncpg.connect(database_url(path), timeout=10)
        try:
            async with conn.transaction():
                await conn.execute(POSTGRES_LOCK[0], WRITE_LOCK)
                await conn.execute(POSTGRES_LOCK[1])
                yield
        finally:
            await conn.close()
        return
    held = held_exclusively(path)
    await asyncio.to_thread(held.__enter__)
    try:
        yield
    finally:
        await asyncio.to_thread(held.__exit__, None, None, None)


async def set_busy_timeout(db: Database, ms: int) -> None:
    """How long a write waits for a lock before it fails as busy (SQLite's busy_timeout, PostgreSQL's lock_timeout)."""
    if isinstance(db, PostgresDatabase):
        db.lock_timeout_ms = ms
    else:
        await db.writer.execute(f"PRAGMA busy_timeout = {int(ms)}")  # type: ignore[attr-defined]
