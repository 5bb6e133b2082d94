"""Writes straight into the bot's database before it starts: the schema, rights confirmations, jobs."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bot.core.database import Database

JOB_FIELDS = (
    "id", "guild_id", "channel_id", "user_id", "model", "prompt_text", "reference_url", "reference_name", "state",
    "api_status", "generation_id", "status_message_id", "charged", "created_at", "submitted_at", "expires_at",
    "next_attempt_at",
)


async def create_schema(path: Path) -> None:
    """The bot's own migrations, so the layout is exactly what it expects."""
    db = await Database.open(path)
    await db.close()


def _write(path: Path, sql: str, rows: Iterable[Sequence[Any]]) -> None:
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.executemany(sql, rows)


def confirm_rights(path: Path, members: Iterable[tuple[int, int]], now: float) -> None:
    """Members (guild id, user id) who already confirmed their rights to their references."""
    _write(path, "INSERT OR IGNORE INTO rights_confirmations (guild_id, user_id, confirmed_at) VALUES (?, ?, ?)",
           ((guild_id, user_id, now) for guild_id, user_id in members))


def insert_jobs(path: Path, rows: Iterable[Sequence[Any]]) -> None:
    """Job rows with the values of JOB_FIELDS, in that order."""
    marks = ", ".join("?" * len(JOB_FIELDS))
    _write(path, f"INSERT INTO jobs ({', '.join(JOB_FIELDS)}) VALUES ({marks})", rows)


def read_jobs(path: Path) -> list[sqlite3.Row]:
    """Every job as the bot left it (read-only: the bot may still be writing)."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        db.row_factory = sqlite3.Row
        return db.execute("SELECT * FROM jobs ORDER BY id").fetchall()
