"""Retention: old rows pruned with usage reports still adding up; orphan files swept; a loop that survives."""

import asyncio
import logging

import pytest

from bot.housekeeping import Housekeeping, sweep_orphans
from bot.moderation.store import AuditRecord, ModerationStore
from bot.songs.jobs import JobState, NewJob
from bot.songs.quota import DAY_SECONDS, QuotaLimits
from bot.songs.sqlite_store import PRUNE_BATCH
from tests.support.databases import open_test_storage

NOW = 1_800_000_000.0  # 2027-01-15 08:00 UTC
GUILD = 10
RETENTION_DAYS = 90
OLD = NOW - (RETENTION_DAYS + 10) * DAY_SECONDS


def new_job(user_id: int = 1, guild_id: int = GUILD, jam_id: int | None = None) -> NewJob:
    return NewJob(guild_id=guild_id, channel_id=20, user_id=user_id, model="minimax-music", prompt_text="##la##",
                  style=None, reference_url="https://cdn.example/ref.mp3", reference_name="ref.mp3", jam_id=jam_id)


def audit(at: float) -> AuditRecord:
    return AuditRecord(guild_id=GUILD, actor_id=99, action="test", details="x", created_at=at, target_user_id=1)


@pytest.fixture
def store(storage):
    return ModerationStore(storage.db)


def housekeeping(storage, store, tmp_path, **options):
    return Housekeeping(storage, store, results_dir=tmp_path / "results", incoming_dir=tmp_path / "incoming",
                        retention_days=RETENTION_DAYS, clock=lambda: NOW, **options)


async def make(storage, at, state, *, user_id=1, refund=False, free=False, guild_id=GUILD):
    job = await storage.create_job(new_job(user_id, guild_id), QuotaLimits(member_daily=1, free=free),
                                   now=at, timeout_s=60)
    if state is not JobState.PENDING:
        await storage.finish_job(job.id, state, None, now=at + 5, refund=refund, expect=(JobState.PENDING,))
    return job


def totals(rows):
    return [(r.user_id, r.jobs, r.charged, r.bonus, r.refunded, r.delivered, r.failed, r.cancelled, r.unfinished,
             r.last_at) for r in rows]


async def test_pruning_keeps_the_usage_totals_adding_up(storage, store, tmp_path):
    await store.add_bonus(GUILD, 1, 2, audit(OLD))
    day = OLD - OLD % DAY_SECONDS + 3600  # early in a UTC day, so the jobs of one day stay in it
    await make(storage, day, JobState.DELIVERED)  # daily quota of 1: the next ones are bonus-paid
    await make(storage, day + 60, JobState.DELIVERED)
    await make(storage, day + 120, JobState.FAILED, refund=True)  # its bonus credit went back
    await make(storage, day + DAY_SECONDS, JobState.EXPIRED, refund=True)
    await make(storage, day + DAY_SECONDS + 60, JobState.CANCELLED, free=True)
    await make(storage, day, JobState.DELIVERED, user_id=2)
    await make(storage, day, JobState.DELIVERED, guild_id=GUILD + 1)
    recent = await make(storage, NOW - DAY_SECONDS, JobState.DELIVERED)
    for since in (0.0, OLD - 30 * DAY_SECONDS, day - 1):
        before = totals(await store.usage(GUILD, since))
        assert before and before[0][1] == 6

    pruned, _ = await housekeeping(storage, store, tmp_path).prune()

    assert pruned == 7
    assert [job.id for job in await storage.member_jobs(GUILD, 1)] == [recent.id]
    for since in (0.0, OLD - 30 * DAY_SECONDS, day - 1):
        assert totals(await store.usage(GUILD, since)) == before, "the report adds up over pruned days"
    assert totals(await store.usage(GUILD, 0.0, user_id=2)) == [(2, 1, 1, 0, 0, 1, 0, 0, 0, day)]
    assert totals(await store.usage(GUILD, NOW - 7 * DAY_SECONDS)) == [
        (1, 1, 1, 0, 0, 1, 0, 0, 0, NOW - DAY_SECONDS)], "a recent window is untouched by old totals"
    assert await storage.db.fetch_value("SELECT COUNT(*) FROM bonus_spends") == 0, "pruned with their jobs"
    assert await housekeeping(storage, store, tmp_path).prune() == (0, 0)
    assert totals(await store.usage(GUILD, 0.0)) == before, "pruning twice counts nothing twice"


async def test_unfinished_jobs_and_jam_entries_are_never_pruned(storage, store, tmp_path):
    pending = await make(storage, OLD, JobState.PENDING)
    completed = await storage.create_job(new_job(user_id=2), QuotaLimits(member_daily=None), now=OLD, timeout_s=60)
    await storage.update_job(completed.id, (JobState.PENDING,), state=JobState.COMPLETED)
    async with storage.db.transaction() as conn:
        await conn.execute(
            "INSERT INTO jams (id, guild_id, channel_id, host_id, theme, entries_per_member, state, started_at,"
            " ends_at)"
            " VALUES (1, ?, 20, 99, 'x', 1, 'open', ?, ?)", (GUILD, OLD, OLD + 60))
    entry = await storage.create_job(new_job(user_id=3, jam_id=1), QuotaLimits(member_daily=None), now=OLD + 1,
                                     timeout_s=60)
    async with storage.db.transaction() as conn:
        await conn.execute("UPDATE jams SET state = 'closed', closed_at = ?", (OLD + 60,))
    await storage.finish_job(entry.id, JobState.DELIVERED, None, now=OLD + 9, refund=False,
                             expect=(JobState.PENDING,))
    assert await housekeeping(storage, store, tmp_path).prune() == (0, 0)
    for job in (pending, completed, entry):
        assert await storage.get_job(job.id) is not None


async def test_many_old_jobs_are_pruned_in_batches(storage, store, tmp_path):
    for n in range(PRUNE_BATCH + 3):
        await make(storage, OLD + n, JobState.DELIVERED, user_id=n % 4, free=True)
    before = totals(await store.usage(GUILD, 0.0))
    assert (await housekeeping(storage, store, tmp_path).prune())[0] == PRUNE_BATCH + 3
    assert totals(await store.usage(GUILD, 0.0)) == before


async def test_old_audit_entries_are_pruned(storage, store, tmp_path):
    await store.add_bonus(GUILD, 1, 1, audit(OLD))
    await store.add_bonus(GUILD, 1, 1, audit(NOW - DAY_SECONDS))
    assert await housekeeping(storage, store, tmp_path).prune() == (0, 1)
    assert [entry.created_at for entry in await store.audit_page(GUILD)] == [NOW - DAY_SECONDS]


async def test_the_sweep_keeps_only_the_files_of_unfinished_jobs(storage, store, tmp_path):
    completed = await storage.create_job(new_job(), QuotaLimits(member_daily=None), now=NOW, timeout_s=60)
    await storage.update_job(completed.id, (JobState.PENDING,), state=JobState.COMPLETED)
    delivered = await make(storage, NOW, JobState.DELIVERED, user_id=2)
    results, incoming = tmp_path / "results", tmp_path / "incoming"
    results.mkdir()
    incoming.mkdir()
    kept = results / f"job-{completed.id}.mp3"
    orphans = [results / f"job-{delivered.id}.mp3", results / f"job-{completed.id}.part", results / "job-999.mp3",
               incoming / "reference-abc123.part"]
    foreign = results / "notes.txt"
    for path in [kept, *orphans, foreign]:
        path.write_bytes(b"x")

    removed = await housekeeping(storage, store, tmp_path).sweep()

    assert sorted(removed) == sorted(orphans)
    assert kept.exists() and foreign.exists(), "the file a job still needs, and files the bot did not write"
    assert sweep_orphans([tmp_path / "missing"], set()) == []


async def test_the_daily_loop_survives_errors_and_keeps_pruning(storage, store, tmp_path, caplog):
    keeper = housekeeping(storage, store, tmp_path, interval_s=0.05, retry_s=0.01)
    calls = []
    real_prune = keeper.prune

    async def flaky_prune():
        calls.append(len(calls))
        if len(calls) in (1, 2):
            raise RuntimeError("database is locked")
        return await real_prune()

    keeper.prune = flaky_prune
    with caplog.at_level(logging.ERROR, logger="songjam.housekeeping"):
        task = asyncio.create_task(keeper.run())
        await asyncio.sleep(0.5)
        assert not task.done(), "the loop is still running"
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert len(calls) >= 4
    assert sum("pruning failed" in record.message for record in caplog.records) == 2


async def test_a_failing_sweep_never_keeps_the_bot_from_starting(storage, store, tmp_path, caplog):
    keeper = housekeeping(storage, store, tmp_path)
    await storage.close()  # every query now fails
    with caplog.at_level(logging.ERROR, logger="songjam.housekeeping"):
        await keeper.at_start()
    assert [record.message for record in caplog.records if record.name == "songjam.housekeeping"] == [
        "housekeeping: sweep failed at start", "housekeeping: prune failed at start"]
    storage.db = (await open_test_storage(tmp_path / "songjam.db")).db  # for the fixture's close
