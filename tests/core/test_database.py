"""The write transaction never leaves the shared writer connection inside a transaction."""

import asyncio
import sqlite3

import pytest

from bot.core.database import Database, is_database_busy
from tests.support.db_lock import held_exclusively


@pytest.fixture
async def db(tmp_path):
    database = await Database.open(tmp_path / "songjam.db")
    async with database.transaction() as conn:
        await conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    try:
        yield database
    finally:
        await database.close()


async def write(db, text):
    async with db.transaction() as conn:
        await conn.execute("INSERT INTO notes (text) VALUES (?)", (text,))


async def notes(db):
    return [row[0] for row in await db.fetch_all("SELECT text FROM notes ORDER BY id")]


async def test_a_task_cancelled_while_its_begin_waits_on_a_lock_leaves_no_transaction_open(db, tmp_path):
    with held_exclusively(tmp_path / "songjam.db"):
        waiting = asyncio.create_task(write(db, "never"))
        await asyncio.sleep(0.3)  # BEGIN IMMEDIATE is now waiting in SQLite's busy handler
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
    # The lock is gone: the BEGIN that was still waiting gets it now, and must not stay open.
    await asyncio.wait_for(write(db, "after"), 10)
    assert await notes(db) == ["after"]
    assert not db.writer.in_transaction


async def test_a_commit_that_fails_is_rolled_back(db):
    await db.writer.execute("PRAGMA foreign_keys = ON")
    async with db.transaction() as conn:
        await conn.execute("CREATE TABLE parents (id INTEGER PRIMARY KEY)")
        await conn.execute("CREATE TABLE children (parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY "
                           "DEFERRED)")
    with pytest.raises(sqlite3.IntegrityError):  # a deferred constraint fails at COMMIT, leaving it open
        async with db.transaction() as conn:
            await conn.execute("INSERT INTO children (parent) VALUES (42)")
            await conn.execute("INSERT INTO notes (text) VALUES ('lost')")
    assert not db.writer.in_transaction
    await write(db, "after")
    assert await notes(db) == ["after"]


async def test_an_error_in_the_body_rolls_back(db):
    with pytest.raises(RuntimeError):
        async with db.transaction() as conn:
            await conn.execute("INSERT INTO notes (text) VALUES ('lost')")
            raise RuntimeError("boom")
    await write(db, "kept")
    assert await notes(db) == ["kept"]


async def test_a_cancelled_body_rolls_back_and_the_next_write_lands(db):
    entered = asyncio.Event()

    async def slow_write():
        async with db.transaction() as conn:
            await conn.execute("INSERT INTO notes (text) VALUES ('lost')")
            entered.set()
            await asyncio.sleep(10)

    task = asyncio.create_task(slow_write())
    await entered.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await write(db, "kept")
    assert await notes(db) == ["kept"]


async def test_a_locked_database_is_recognised_as_busy(db, tmp_path):
    await db.writer.execute("PRAGMA busy_timeout = 100")
    with held_exclusively(tmp_path / "songjam.db"), pytest.raises(sqlite3.OperationalError) as caught:
        await write(db, "never")
    assert is_database_busy(caught.value)
    assert not is_database_busy(sqlite3.OperationalError("no such table: nowhere"))
    assert not is_database_busy(ValueError("database is locked"))
    await write(db, "after")
    assert await notes(db) == ["after"]
