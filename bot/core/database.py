"""The database every store shares, behind one small interface with two backends.

`Database` is what the stores see: `transaction()` yields a `Tx` (`fetch_all`, `fetch_value`,
`execute`), and `fetch_all`/`fetch_value` read outside a transaction. The SQL is written once, in
the subset SQLite and PostgreSQL share, with `?` placeholders; rows are tuples that also answer
to column names. `open_database(url)` picks the backend: `sqlite:///path` (this module, aiosqlite)
or `postgresql://...` (bot/core/postgres.py, asyncpg).

Either way every write transaction is serialized (SQLite has one writer; on PostgreSQL each
takes the same advisory lock first), so a check and the charge it guards can never interleave
with another's, in this process or another.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any, Protocol

import aiosqlite
import asyncpg

from bot.core.migrations import apply_migrations

log = logging.getLogger("songjam.database")

Params = Sequence[Any]
SQLITE_DEFAULT_URL = "sqlite:///data/songjam.db"

# What PostgreSQL says when it is out of reach or too busy for now; like SQLite's "database is
# locked", each passes by itself, so a paid outcome is kept in memory and written later.
_PG_BUSY = (
    asyncpg.exceptions.LockNotAvailableError,  # lock_timeout
    asyncpg.exceptions.DeadlockDetectedError,
    asyncpg.exceptions.SerializationError,
    asyncpg.exceptions.QueryCanceledError,  # statement_timeout
    asyncpg.exceptions.TooManyConnectionsError,
    asyncpg.exceptions.CannotConnectNowError,  # starting up or shutting down
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.PostgresConnectionError,  # class 08: connection failures
    asyncpg.exceptions.ConnectionDoesNotExistError,
    ConnectionError,  # refused, reset
    TimeoutError,  # connect or pool acquire timed out (asyncio.TimeoutError is TimeoutError)
)


# What a database call may raise that could mean "busy" (`is_database_busy` tells), on either backend.
DATABASE_ERRORS: tuple[type[BaseException], ...] = (
    sqlite3.OperationalError, asyncpg.exceptions.PostgresError, asyncpg.exceptions.InterfaceError, OSError,
)


def is_database_busy(exc: BaseException) -> bool:
    """True when the database refused for now (locked, busy, out of reach); it passes by itself."""
    if isinstance(exc, _PG_BUSY):
        return True
    if isinstance(exc, asyncpg.exceptions.InterfaceError):
        return "closed" in str(exc) or "closing" in str(exc)  # the connection or pool went away
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


class Row(tuple):
    """A row: a tuple (index access, unpacking, equal to a plain tuple) that also takes column names."""

    _names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


@functools.lru_cache(maxsize=256)
def _column_names(description: tuple[tuple[Any, ...], ...]) -> dict[str, int]:
    return {column[0]: i for i, column in enumerate(description)}


def _sqlite_row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> Row:
    row = Row(values)
    row._names = _column_names(cursor.description)
    return row


class Tx(Protocol):
    """One write transaction, as the stores use it."""

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Any]: ...

    async def fetch_value(self, sql: str, params: Params = ()) -> Any: ...

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run a statement; returns the number of rows it changed."""
        ...


async def scalar(conn: Tx | Database, sql: str, params: Iterable[Any] = ()) -> Any:
    """The first column of the first row, or None (in a transaction or outside one)."""
    return await conn.fetch_value(sql, tuple(params))


class Database:
    """Shared by every store (jobs, moderation, jams); see the module's docstring."""

    backend = "abstract"

    @classmethod
    async def open(cls, path: Path | str) -> SqliteDatabase:
        """A SQLite database at `path` (the tests' and the default's)."""
        return await SqliteDatabase.open(path)

    def transaction(self) -> AbstractAsyncContextManager[Tx]:
        raise NotImplementedError

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Any]:
        raise NotImplementedError

    async def fetch_value(self, sql: str, params: Params = ()) -> Any:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError


def sqlite_path(url: str) -> str | None:
    """The file a `sqlite:///relative` or `sqlite:////absolute` URL names (None: not a SQLite URL)."""
    if not url.startswith("sqlite:///"):
        return None
    return url.removeprefix("sqlite:///") or ":memory:"


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


async def open_database(url: str) -> Database:
    """Open (and migrate) the database a URL names: `sqlite:///path` or `postgresql://...`."""
    path = sqlite_path(url)
    if path is not None:
        return await SqliteDatabase.open(path)
    if is_postgres_url(url):
        from bot.core.postgres import PostgresDatabase

        return await PostgresDatabase.open(url)
    raise ValueError("the database URL must start with sqlite:/// or postgresql://")


class _SqliteTx:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Any]:
        return list(await self.conn.execute_fetchall(sql, tuple(params)))

    async def fetch_value(self, sql: str, params: Params = ()) -> Any:
        rows = await self.fetch_all(sql, params)
        return rows[0][0] if rows else None

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self.conn.execute(sql, tuple(params)) as cursor:
            return int(cursor.rowcount)


class SqliteDatabase(Database):
    """SQLite (aiosqlite, WAL): one connection that writes, one that reads snapshots.

    Writes go through one connection under a lock, each as one short `BEGIN IMMEDIATE`
    transaction. Reads use a second connection: WAL gives them a consistent snapshot without
    waiting. Every read runs and fetches in one call (execute_fetchall): a cursor left open between
    awaits would pin the reader to an old snapshot while other reads interleave.
    """

    # Appended to a subquery that picks rows to claim (`... LIMIT ?{skip_locked}`), so one query
    # text serves every backend: PostgreSQL's says " FOR UPDATE SKIP LOCKED" (two processes claim
    # different rows without waiting); SQLite needs nothing, its writers take turns (BEGIN IMMEDIATE).
    skip_locked = ""
    backend = "sqlite"

    def __init__(self, writer: aiosqlite.Connection, reader: aiosqlite.Connection) -> None:
        self.writer = writer
        self.reader = reader
        self._writer_tx = _SqliteTx(writer)
        self._reader_tx = _SqliteTx(reader)
        self._write_lock = asyncio.Lock()
        self._rollbacks: set[asyncio.Task[None]] = set()

    @classmethod
    async def open(cls, path: Path | str) -> SqliteDatabase:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        writer = await aiosqlite.connect(path, isolation_level=None)
        await writer.execute("PRAGMA journal_mode = WAL")
        await writer.execute("PRAGMA synchronous = NORMAL")
        await writer.execute("PRAGMA busy_timeout = 5000")
        await apply_migrations(writer)
        writer.row_factory = _sqlite_row
        reader = await aiosqlite.connect(path, isolation_level=None)
        await reader.execute("PRAGMA busy_timeout = 5000")
        reader.row_factory = _sqlite_row
        return cls(writer, reader)

    async def close(self) -> None:
        await self.reader.close()
        await self.writer.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """One `BEGIN IMMEDIATE` ... `COMMIT`; rolled back on any error or cancellation, including
        one that lands while BEGIN waits for another connection's lock or while COMMIT runs."""
        async with self._write_lock:
            try:
                await self.writer.execute("BEGIN IMMEDIATE")
                yield self._writer_tx
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

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Any]:
        return await self._reader_tx.fetch_all(sql, params)

    async def fetch_value(self, sql: str, params: Params = ()) -> Any:
        return await self._reader_tx.fetch_value(sql, params)
