"""The tests' databases: a SQLite file, or, with SONGJAM_TEST_POSTGRES set, a fresh PostgreSQL database.

SONGJAM_TEST_POSTGRES=postgresql://postgres@127.0.0.1:5432/postgres (an account that may CREATE
DATABASE) runs every test that opens a database on PostgreSQL instead: each test's path (the
SQLite file it would have used, under its own tmp_path) names one database, `t_<hash>`, created on
first use and dropped when the test ends (tests/conftest.py). A server that cannot be reached fails
the test; it never skips it.

Everything that opens or pokes a test database goes through here: the stores' fixtures, the bot
processes the e2e tests start (`database_env`), and the tests that seed or read rows themselves
(`query`, `execute`), so the same test runs on both backends.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import sqlite3
import threading
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from bot.core.database import Database, open_database
from bot.core.postgres import to_dollar_params
from bot.songs.sqlite_store import SqliteStorage

POSTGRES_ENV = "SONGJAM_TEST_POSTGRES"
T = TypeVar("T")
# What a broken constraint raises, on either backend.
INTEGRITY_ERRORS = (sqlite3.IntegrityError, asyncpg.exceptions.IntegrityConstraintViolationError)

_created: set[str] = set()
_lock = threading.Lock()


def admin_url() -> str | None:
    return os.environ.get(POSTGRES_ENV, "").strip() or None


def on_postgres() -> bool:
    return admin_url() is not None


# A test of one backend's own behaviour runs in that backend's pass only (tests/conftest.py leaves
# it out of the other pass; it is never skipped): .ci/run runs both passes.
sqlite_only = pytest.mark.sqlite_only
postgres_only = pytest.mark.postgres_only


def run_sync(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to the end from sync code, even inside a running event loop (in a thread)."""
    result: list[T] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(make()))  # type: ignore[arg-type]
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return result[0]


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def database_name(path: Path | str) -> str:
    return "t_" + hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:24]


def database_url(path: Path | str) -> str:
    """The URL of the test database `path` stands for; on PostgreSQL it is created on first use."""
    admin = admin_url()
    if admin is None:
        return f"sqlite:///{path}"
    name = database_name(path)
    with _lock:
        if name not in _created:
            async def create() -> None:
                conn = await asyncpg.connect(admin, timeout=10)
                try:
                    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                    await conn.execute(f'CREATE DATABASE "{name}"')
                finally:
                    await conn.close()

            run_sync(create)
            _created.add(name)
    return _with_database(admin, name)


def drop_databases() -> None:
    """Drop every PostgreSQL database the tests created so far (at each test's end)."""
    admin = admin_url()
    with _lock:
        names = sorted(_created)
        _created.clear()
    if admin is None or not names:
        return

    async def drop() -> None:
        conn = await asyncpg.connect(admin, timeout=10)
        try:
            for name in names:
                await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()

    run_sync(drop)


async def open_test_database(path: Path | str) -> Database:
    return await open_database(database_url(path))


async def open_test_storage(path: Path | str) -> SqliteStorage:
    return SqliteStorage(await open_test_database(path))


def database_env(path: Path | str) -> dict[str, str]:
    """The environment that points a bot process at the test database `path` stands for."""
    if on_postgres():
        return {"DATABASE_URL": database_url(path), "DATABASE_PATH": str(path)}
    return {"DATABASE_PATH": str(path)}


def query(path: Path | str, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Rows as dicts, read from outside the bot (as an operator's shell would), on either backend."""
    if not on_postgres():
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)) as db:
            db.row_factory = sqlite3.Row
            return [dict(row) for row in db.execute(sql, tuple(params)).fetchall()]
    url = database_url(path)

    async def fetch() -> list[dict[str, Any]]:
        conn = await asyncpg.connect(url, timeout=10)
        try:
            return [dict(row) for row in await conn.fetch(to_dollar_params(sql), *params)]
        finally:
            await conn.close()

    return run_sync(fetch)


def execute(path: Path | str, sql: str, params: Sequence[Any] = ()) -> None:
    """One write from outside the bot, committed at once, on either backend."""
    if not on_postgres():
        with contextlib.closing(sqlite3.connect(path, timeout=10)) as db, db:
            db.execute(sql, tuple(params))
        return
    url = database_url(path)

    async def run() -> None:
        conn = await asyncpg.connect(url, timeout=10)
        try:
            await conn.execute(to_dollar_params(sql), *params)
        finally:
            await conn.close()

    run_sync(run)
