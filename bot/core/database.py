"""The SQLite database (aiosqlite, WAL): one connection that writes, one that reads snapshots."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from bot.core.migrations import apply_migrations


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

    def __init__(self, writer: aiosqlite.Connection, reader: aiosqlite.Connection) -> None:
        self.writer = writer
        self.reader = reader
        self._write_lock = asyncio.Lock()

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
        async with self._write_lock:
            await self.writer.execute("BEGIN IMMEDIATE")
            try:
                yield self.writer
            except BaseException:
                await self.writer.execute("ROLLBACK")
                raise
            await self.writer.execute("COMMIT")

    async def fetch_all(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        return list(await self.reader.execute_fetchall(sql, tuple(params)))

    async def fetch_value(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return await scalar(self.reader, sql, params)
