"""`python -m bot migrate-db`: a SQLite database filled through the stores, copied into a real PostgreSQL.

Needs SONGJAM_TEST_POSTGRES (an unreachable server fails these tests; they never skip then).
"""

import asyncio
import re
import sqlite3

import asyncpg
import pytest

from bot.core.database import open_database
from bot.core.postgres import PostgresDatabase
from bot.jams.service import Jams
from bot.jams.store import JamStore
from bot.migrate_db import MigrationError, main, mask_url, migrate
from bot.moderation.service import Member, Moderation
from bot.moderation.store import ModerationStore
from bot.songs.intake import ReferenceUpload, SongOrder
from bot.songs.jobs import JobState
from bot.songs.quota import QuotaLimits
from bot.songs.sqlite_store import SqliteStorage
from tests.moderation.test_service import settings
from tests.support.databases import database_url, postgres_only
from tests.support.jams import GUILD, NOW, deliver, make_song, new_job, start_jam

MOD, ALICE, BOB, CAROL = 99, 101, 102, 103
PASSWORD = "s3cret-pw"


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


def allow(_context: object) -> None:
    return None


async def fill(path) -> dict[str, int]:
    """A bot's life, through its own stores; returns every table's row count."""
    storage = SqliteStorage(await open_database(f"sqlite:///{path}"))
    try:
        clock = Clock()
        mod = Moderation(ModerationStore(storage.db), settings(cooldown_s=0.0), clock=clock)
        await mod.set_server_quota(MOD, GUILD, 3)
        await mod.set_tier(MOD, GUILD, 501, 10)
        await mod.set_override(MOD, GUILD, ALICE, 1)
        await mod.ban(MOD, GUILD, CAROL, "spam", 7)
        await mod.add_channel(MOD, GUILD, 20)
        await mod.add_word(MOD, GUILD, "badword")
        await mod.grant_bonus(MOD, GUILD, ALICE, 3, "jam winner")
        await mod.confirm_rights(GUILD, ALICE)
        await mod.confirm_rights(GUILD, BOB)
        order = SongOrder(ReferenceUpload("ref.mp3", "https://cdn.example/ref.mp3", 1000, "audio/mpeg"), "la", None)
        assert await mod.pending_rights.hold(GUILD, 20, None, CAROL, order) is not None  # waiting on a click

        # A song delivered long ago and pruned: it lives on in usage_daily.
        old = await storage.create_job(new_job(BOB), QuotaLimits(member_daily=None), now=NOW - 200 * 86400,
                                       timeout_s=1200)
        await deliver(storage, old, at=NOW - 200 * 86400 + 60)
        assert await storage.prune_finished(NOW - 100 * 86400) == 1

        # Alice's daily song, then one paid with a bonus credit (bonus_spends), left submitted.
        limits = await mod.admit(Member(GUILD, ALICE, frozenset({GUILD})), {20}, "la la")
        await storage.create_job(new_job(ALICE), limits, now=NOW, timeout_s=1200)  # pending
        paid = await storage.create_job(new_job(ALICE), limits, now=NOW + 1, timeout_s=1200)
        submitted = await storage.update_job(paid.id, (JobState.PENDING,), state=JobState.SUBMITTED,
                                             generation_id="gen-123", submitted_at=NOW + 2)
        assert submitted is not None

        jam_store = JamStore(storage.db)
        jams = Jams(jam_store)
        jam = await start_jam(jams, now=NOW)
        entry_a = await make_song(storage, ALICE, jam=jam, at=NOW + 60)
        await make_song(storage, BOB, jam=jam, at=NOW + 70)
        await jam_store.cast_vote(jam.id, entry_a.id, BOB, NOW + 200, allow)
        await jam_store.cast_vote(jam.id, entry_a.id, CAROL, NOW + 210, allow)

        names = [row[0] for row in await storage.db.fetch_all(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")]
        counts = {name: await storage.db.fetch_value(f"SELECT COUNT(*) FROM {name}") for name in names}
    finally:
        await storage.close()
    for table in ("jobs", "guild_settings", "role_tiers", "member_overrides", "bonus_credits", "bonus_spends",
                  "bans", "song_channels", "blocked_words", "rights_confirmations", "audit_log", "jams",
                  "jam_votes", "usage_daily", "held_songs"):
        assert counts[table] > 0, f"the fixture left {table} empty"
    return counts


async def target_counts(url: str, tables) -> dict[str, int]:
    conn = await asyncpg.connect(url, timeout=10)
    try:
        return {name: await conn.fetchval(f"SELECT COUNT(*) FROM {name}") for name in tables}
    finally:
        await conn.close()


def with_password(url: str) -> str:
    """The test server trusts every local connection: a password in the URL is accepted and ignored."""
    scheme, rest = url.split("://", 1)
    user, host = rest.split("@", 1)
    return f"{scheme}://{user}:{PASSWORD}@{host}"


@postgres_only
async def test_every_table_is_copied_once_ids_continue_and_the_password_never_shows(tmp_path, capsys):
    source = tmp_path / "songjam.db"
    counts = await fill(source)
    before = source.read_bytes()
    url = with_password(database_url(tmp_path / "target"))

    report = await migrate(source, url)
    assert {t.name: t.source_rows for t in report.tables} == counts
    assert {t.name: t.copied for t in report.tables} == counts
    assert await target_counts(url, counts) == counts
    order = [t.name for t in report.tables]
    assert order.index("jobs") < order.index("bonus_spends") and order.index("jams") < order.index("jam_votes")
    assert source.read_bytes() == before, "the source is only read"

    # Again, into the now non-empty target: refused without the flag, nothing new with it.
    with pytest.raises(MigrationError, match=r"not empty.*--into-nonempty"):
        await migrate(source, url)
    again = await migrate(source, url, into_nonempty=True)
    assert again.copied == 0 and again.source_rows == sum(counts.values())
    assert await target_counts(url, counts) == counts

    # The command line: one line and a non-zero exit when refused; the password is never printed.
    assert await asyncio.to_thread(main, ["--from", f"sqlite:///{source}", "--to", url]) == 1
    refused = capsys.readouterr()
    assert len(refused.err.strip().splitlines()) == 1 and "--into-nonempty" in refused.err
    assert await asyncio.to_thread(main, ["--from", f"sqlite:///{source}", "--to", url, "--into-nonempty"]) == 0
    printed = capsys.readouterr()
    assert PASSWORD not in printed.out + printed.err + refused.out + refused.err
    assert mask_url(url) in printed.out and "Stop the bot" in printed.out
    assert re.search(rf"total +0 of +{sum(counts.values())} rows", printed.out), printed.out

    # The bot on PostgreSQL: the copied rows read back, and new ids come after the copied ones.
    db = await PostgresDatabase.open(url)
    storage = SqliteStorage(db)
    try:
        submitted = [job for job in await storage.jobs_in_state(JobState.SUBMITTED)]
        assert [job.generation_id for job in submitted] == ["gen-123"]
        highest = await db.fetch_value("SELECT MAX(id) FROM jobs")
        job = await storage.create_job(new_job(BOB), QuotaLimits(member_daily=None), now=NOW + 500, timeout_s=60)
        assert job.id == highest + 1
        outcome = await Moderation(ModerationStore(db), settings(), clock=Clock()).set_server_quota(MOD, GUILD, 4)
        assert outcome.audit is not None
        assert await db.fetch_value("SELECT MAX(id) FROM audit_log") == counts["audit_log"] + 1
        jam_id = await db.fetch_value("SELECT MAX(id) FROM jams")
        assert jam_id == counts["jams"]
    finally:
        await db.close()


@postgres_only
async def test_a_source_at_another_schema_version_is_refused(tmp_path):
    source = tmp_path / "old.db"
    with sqlite3.connect(source) as conn:
        conn.execute("CREATE TABLE jobs (id INTEGER PRIMARY KEY)")
        conn.execute("PRAGMA user_version = 3")
    with pytest.raises(MigrationError, match="schema version 3"):
        await migrate(source, database_url(tmp_path / "target"))


def test_a_password_is_masked_wherever_it_is_written():
    assert mask_url("postgresql://bot:pw@db.example:5432/songjam") == "postgresql://bot:***@db.example:5432/songjam"
    assert "pw" not in mask_url("postgresql://bot@db.example/songjam?password=pw&sslmode=require")
    assert mask_url("postgresql://bot@db.example/songjam") == "postgresql://bot@db.example/songjam"
