"""The bot's database for one scenario, on either backend, and what is written into it before the bot starts.

`scratch_database` gives a scenario its own database: a SQLite file in its work folder, or a fresh
PostgreSQL database created through `--postgres-url` (an admin URL) and dropped afterwards. The
schema is the bot's own migrations (`open_database`, the backend-neutral interface); rows go in
through each backend's bulk path (SQLite: executemany; PostgreSQL: asyncpg's COPY).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from bench.probe import file_mb
from bot.core.database import open_database

JOB_FIELDS = (
    "id", "guild_id", "channel_id", "user_id", "model", "prompt_text", "reference_url", "reference_name", "state",
    "api_status", "generation_id", "status_message_id", "charged", "created_at", "submitted_at", "expires_at",
    "next_attempt_at",
)
BACKENDS = ("sqlite", "postgresql")


@dataclass(frozen=True)
class DatabaseChoice:
    """`--database` and `--postgres-url`: which backend the bot runs on."""

    backend: str = "sqlite"
    admin_url: str | None = None  # PostgreSQL: where to create (and drop) each scenario's database

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ValueError(f"unknown backend {self.backend!r}")
        if self.backend == "postgresql" and not self.admin_url:
            raise ValueError("the postgresql backend needs --postgres-url")

    def describe(self) -> str:
        if self.backend == "sqlite":
            return "SQLite (WAL, a file in the work folder)"
        parts = urlsplit(self.admin_url or "")
        return f"PostgreSQL at {parts.hostname}:{parts.port or 5432} (a fresh database per run)"


SQLITE = DatabaseChoice()


@dataclass(frozen=True)
class BenchDatabase:
    """One scenario's database: `url` is the bot's DATABASE_URL."""

    url: str
    backend: str
    path: Path | None = None  # SQLite: the file

    async def create_schema(self) -> None:
        """The bot's own migrations, so the layout is exactly what it expects."""
        db = await open_database(self.url)
        await db.close()

    async def confirm_rights(self, members: Iterable[tuple[int, int]], now: float) -> None:
        """Members (guild id, user id) who already confirmed their rights to their references."""
        rows = list({(guild_id, user_id): (guild_id, user_id, now) for guild_id, user_id in members}.values())
        await self._insert("rights_confirmations", ("guild_id", "user_id", "confirmed_at"), rows)

    async def insert_jobs(self, rows: Sequence[Sequence[Any]]) -> None:
        """Job rows with the values of JOB_FIELDS, in that order (ids given: the id sequence follows)."""
        await self._insert("jobs", JOB_FIELDS, rows)
        if self.backend == "postgresql":
            async with self._connect() as conn:
                await conn.execute("SELECT setval(pg_get_serial_sequence('jobs', 'id'), "
                                   "(SELECT COALESCE(MAX(id), 0) + 1 FROM jobs), false)")

    async def read_jobs(self) -> list[Mapping[str, Any]]:
        """Every job as the bot left it (SQLite read-only: the bot may still be writing)."""
        if self.path is not None:
            with contextlib.closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as db:
                db.row_factory = sqlite3.Row
                return db.execute("SELECT * FROM jobs ORDER BY id").fetchall()
        async with self._connect() as conn:
            return await conn.fetch("SELECT * FROM jobs ORDER BY id")

    async def size_mb(self) -> float:
        """The database on disk: SQLite's file and its -wal; PostgreSQL's pg_database_size."""
        if self.path is not None:
            return file_mb(self.path, f"{self.path}-wal")
        async with self._connect() as conn:
            return int(await conn.fetchval("SELECT pg_database_size(current_database())")) / 1e6

    def describe_size(self) -> str:
        return "database size (db + wal)" if self.path is not None else "database size (pg_database_size)"

    async def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        if self.path is not None:
            marks = ", ".join("?" * len(columns))
            with contextlib.closing(sqlite3.connect(self.path)) as db, db:
                db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
            return
        async with self._connect() as conn:
            await conn.copy_records_to_table(table, columns=list(columns), records=[tuple(r) for r in rows])

    @contextlib.asynccontextmanager
    async def _connect(self) -> AsyncIterator[asyncpg.Connection]:
        conn = await asyncpg.connect(self.url)
        try:
            yield conn
        finally:
            await conn.close()


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@contextlib.asynccontextmanager
async def scratch_database(choice: DatabaseChoice, work_dir: Path, label: str) -> AsyncIterator[BenchDatabase]:
    """A new, empty database for one run (the schema is not there yet: `create_schema`)."""
    if choice.backend == "sqlite":
        path = work_dir / "songjam.db"
        yield BenchDatabase(url=f"sqlite:///{path}", backend="sqlite", path=path)
        return
    assert choice.admin_url is not None
    safe = "".join(ch if ch.isalnum() else "_" for ch in label.lower())[:30]
    name = f"songjam_bench_{safe}_{os.getpid()}_{secrets.token_hex(3)}"
    admin = await asyncpg.connect(choice.admin_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield BenchDatabase(url=_with_database(choice.admin_url, name), backend="postgresql")
    finally:
        admin = await asyncpg.connect(choice.admin_url)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()
