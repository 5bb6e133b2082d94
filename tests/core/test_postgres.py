"""The PostgreSQL backend: the placeholder translator, rows, and the write lock across processes."""

import asyncio

import asyncpg
import pytest

from bot.core.database import Row, is_database_busy, open_database
from bot.core.migrations_postgres import MIGRATIONS
from bot.core.postgres import PostgresDatabase, to_dollar_params
from bot.songs.jobs import NewJob
from bot.songs.quota import QuotaLimits
from bot.songs.sqlite_store import SqliteStorage
from tests.support.concurrency import simultaneous_creates
from tests.support.databases import database_url, open_test_database, postgres_only
from tests.support.db_lock import holding_exclusively, set_busy_timeout

NOW = 1_800_000_000.0


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT 1", "SELECT 1"),
    ("SELECT * FROM t WHERE a = ? AND b IN (?, ?)", "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)"),
    ("SELECT ?1, ?2, ?1", "SELECT $1, $2, $1"),
    ("SELECT '?', ? FROM t", "SELECT '?', $1 FROM t"),
    ("SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"),
    ('SELECT "odd?name", ?', 'SELECT "odd?name", $1'),
    ("SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2"),
    ("SELECT /* ? */ ?", "SELECT /* ? */ $1"),
    ("UPDATE t SET a = ? WHERE b = 'x' AND c = ?", "UPDATE t SET a = $1 WHERE b = 'x' AND c = $2"),
])
def test_question_marks_become_numbered_parameters_outside_literals(sql, expected):
    assert to_dollar_params(sql) == expected


def test_mixing_both_kinds_of_placeholder_is_refused():
    with pytest.raises(ValueError, match="mixes"):
        to_dollar_params("SELECT ?1, ?")


def test_a_sqlite_row_is_a_tuple_that_also_takes_column_names():
    row = Row((1, "a"))
    row._names = {"id": 0, "name": 1}
    assert row == (1, "a") and row[1] == row["name"] == "a" and list(row) == [1, "a"]


def test_postgres_refusals_that_pass_by_themselves_count_as_busy():
    for exc in (asyncpg.exceptions.LockNotAvailableError("lock"), asyncpg.exceptions.TooManyConnectionsError("x"),
                asyncpg.exceptions.CannotConnectNowError("x"), ConnectionRefusedError(111, "refused"),
                TimeoutError()):
        assert is_database_busy(exc), exc
    assert not is_database_busy(asyncpg.exceptions.UndefinedTableError("no such table"))
    assert not is_database_busy(asyncpg.exceptions.UniqueViolationError("duplicate"))


async def test_both_backends_give_rows_by_index_and_by_name(tmp_path):
    db = await open_test_database(tmp_path / "songjam.db")
    try:
        async with db.transaction() as tx:
            assert await tx.execute("INSERT INTO jam_settings (guild_id, use_threads) VALUES (?, ?)", (7, 1)) == 1
        rows = await db.fetch_all("SELECT guild_id, use_threads FROM jam_settings WHERE guild_id = ?", (7,))
        assert rows == [(7, 1)]
        assert rows[0]["use_threads"] == rows[0][1] == 1
    finally:
        await db.close()


@postgres_only
async def test_fifty_charges_through_two_pools_with_three_credits_make_three_jobs(tmp_path):
    """Two Database objects (two pools, as two bot processes would have) charge the same member."""
    url = database_url(tmp_path / "songjam.db")
    first, second = await open_database(url), await open_database(url)
    assert isinstance(first, PostgresDatabase) and isinstance(second, PostgresDatabase)
    try:
        job = NewJob(guild_id=10, channel_id=20, user_id=1, model="minimax-music", prompt_text="##la##", style=None,
                     reference_url="https://cdn.example/ref.mp3", reference_name="ref.mp3")
        limits = QuotaLimits(member_daily=3)
        made = await asyncio.gather(
            simultaneous_creates(SqliteStorage(first), job, limits, now=NOW, count=25),
            simultaneous_creates(SqliteStorage(second), job, limits, now=NOW, count=25),
        )
        assert sum(made) == 3
        assert await first.fetch_value("SELECT COUNT(*) FROM jobs") == 3
    finally:
        await first.close()
        await second.close()


@postgres_only
async def test_two_processes_migrating_at_once_migrate_once(tmp_path):
    url = database_url(tmp_path / "songjam.db")
    databases = await asyncio.gather(*(open_database(url) for _ in range(4)))
    try:
        assert await databases[0].fetch_value("SELECT version FROM schema_version") == len(MIGRATIONS)
        assert await databases[0].fetch_value("SELECT COUNT(*) FROM schema_version") == 1
    finally:
        for db in databases:
            await db.close()


@postgres_only
async def test_a_write_waiting_past_the_lock_timeout_fails_as_busy_and_leaves_the_pool_usable(tmp_path):
    db = await open_test_database(tmp_path / "songjam.db")
    assert isinstance(db, PostgresDatabase)
    await set_busy_timeout(db, 100)
    try:
        async with holding_exclusively(tmp_path / "songjam.db"):
            with pytest.raises(asyncpg.exceptions.LockNotAvailableError) as caught:
                async with db.transaction() as tx:
                    await tx.execute("INSERT INTO jam_settings (guild_id) VALUES (?)", (1,))
            assert is_database_busy(caught.value)
            assert await db.fetch_value("SELECT COUNT(*) FROM jobs") == 0, "reads go on meanwhile"
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO jam_settings (guild_id) VALUES (?)", (1,))
        assert await db.fetch_value("SELECT COUNT(*) FROM jam_settings") == 1
    finally:
        await db.close()
