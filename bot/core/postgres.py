"""The PostgreSQL backend (asyncpg): the same `Database` interface and the same SQL as SQLite's.

The stores write `?` placeholders (SQLite's); `to_dollar_params` turns them into `$1 ... $n`
before a statement reaches the server. Rows are asyncpg Records: tuples to compare and unpack,
and they take column names too.

Every write transaction first takes one transaction-scoped advisory lock (`WRITE_LOCK`), so
writes are serialized across every connection and every process, exactly as SQLite's single
writer serializes them: the quota charge (count, then insert) needs it. Reads are not locked: each
statement in READ COMMITTED sees what was committed before it began.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from bot.core.database import Database, Params, Tx
from bot.core.migrations_postgres import apply_postgres_migrations

# pg_advisory_xact_lock's key for "a write transaction is running" (any 64-bit number the bot owns).
WRITE_LOCK = 0x736F6E676A616D  # "songjam"
POOL_MIN, POOL_MAX = 1, 10
# How long a statement waits for a lock before it gives up as "busy", as SQLite's busy_timeout.
LOCK_TIMEOUT_MS = 5000


@functools.lru_cache(maxsize=1024)
def to_dollar_params(sql: str) -> str:
    """SQLite placeholders as PostgreSQL's: `?` -> `$1`, `$2`, ... in order; `?N` -> `$N`.

    A `?` inside a string literal, a quoted identifier or a comment is left alone. Mixing `?` and
    `?N` in one statement is refused (SQLite numbers them in a way no one should rely on).
    """
    out: list[str] = []
    i, n, count, numbered = 0, len(sql), 0, False
    while i < n:
        ch = sql[i]
        if ch in "'\"":  # a literal or quoted identifier; a doubled quote inside is part of it
            end = i + 1
            while end < n:
                if sql[end] == ch:
                    if end + 1 < n and sql[end + 1] == ch:
                        end += 2
                        continue
                    break
                end += 1
            out.append(sql[i:end + 1])
            i = end + 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            end = n if end < 0 else end
            out.append(sql[i:end])
            i = end
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(sql[i:end])
            i = end
        elif ch == "?":
            j = i + 1
            while j < n and sql[j].isdigit():
                j += 1
            if j > i + 1:
                numbered = True
                out.append("$" + sql[i + 1:j])
            else:
                count += 1
                out.append(f"${count}")
            if numbered and count:
                raise ValueError("a statement mixes ? and ?N placeholders")
            i = j
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _rowcount(status: str) -> int:
    """The rows a command changed, from its status ("UPDATE 3", "INSERT 0 1", "DELETE 0")."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


class _PostgresTx:
    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Any]:
        return list(await self.conn.fetch(to_dollar_params(sql), *params))

    async def fetch_value(self, sql: str, params: Params = ()) -> Any:
        return await self.conn.fetchval(to_dollar_params(sql), *params)

    async def execute(self, sql: str, params: Params = ()) -> int:
        return _rowcount(await self.conn.execute(to_dollar_params(sql), *params))


class PostgresDatabase(Database):
    """A small pool of connections for reads and writes; writes serialized by `WRITE_LOCK`."""

    backend = "postgresql"
    skip_locked = " FOR UPDATE SKIP LOCKED"  # two processes claim different rows without waiting

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self.lock_timeout_ms = LOCK_TIMEOUT_MS  # for writes (the write lock included); reads: the pool's
        # Only one of this process's writers waits for the advisory lock at a time: the others
        # wait here, holding no connection, so reads always find one in the pool.
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, url: str, *, min_size: int = POOL_MIN, max_size: int = POOL_MAX) -> PostgresDatabase:  # type: ignore[override]
        pool = await asyncpg.create_pool(url, min_size=min_size, max_size=max_size,
                                         server_settings={"lock_timeout": str(LOCK_TIMEOUT_MS)})
        try:
            async with pool.acquire() as conn:
                await apply_postgres_migrations(conn)
        except BaseException:
            await pool.close()
            raise
        return cls(pool)

    async def close(self) -> None:
        await self.pool.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """BEGIN, the write lock, ... COMMIT; rolled back on any error or cancellation.

        Waiting longer than `lock_timeout_ms` for the write lock (or any row or table lock) fails
        with LockNotAvailableError, which `is_database_busy` knows: SQLite's busy_timeout, here.
        """
        async with self._write_lock, self.pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT set_config('lock_timeout', $1, true), pg_advisory_xact_lock($2)",
                               str(self.lock_timeout_ms), WRITE_LOCK)
            yield _PostgresTx(conn)

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Any]:
        return list(await self.pool.fetch(to_dollar_params(sql), *params))

    async def fetch_value(self, sql: str, params: Params = ()) -> Any:
        return await self.pool.fetchval(to_dollar_params(sql), *params)
