"""Several processes on one database: two engines (two `Database` objects on one SQLite file or PostgreSQL
database, one fake music API) share the jobs through leases; each job is run by one of them, submitted once,
posted once."""

import asyncio
import contextlib
import time
from collections import Counter

import pytest

from bot.songs.engine import INTERRUPTED_REASON, EngineConfig, JobEngine
from bot.songs.jobs import JobState, NewJob
from bot.songs.quota import QuotaExceeded, QuotaLimits
from tests.support.databases import open_test_storage
from tests.support.engine_harness import RecordingPublisher, harness

LEASE_S = 30.0


class Clock:
    """Real time, plus an offset a test moves forward (to make another engine's leases run out)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


class Gate:
    """The real client, except that a chosen call waits at a gate (the process is paused there)."""

    def __init__(self, real, method):
        self.real = real
        self.method = method
        self.entered = asyncio.Event()
        self.release = asyncio.Event()

    def __getattr__(self, name):
        target = getattr(self.real, name)
        if name != self.method:
            return target

        async def gated(*args, **kwargs):
            self.entered.set()
            await self.release.wait()
            return await target(*args, **kwargs)

        return gated


class Process:
    """One engine as its own process would run it: its own database connections and owner name."""

    def __init__(self, h, storage, name, *, api=None, clock=time.time, **config):
        self.storage = storage
        self.publisher = RecordingPublisher()
        options = {"dense_poll_interval_s": 0.05, "fault_base_s": 0.02, "job_timeout_s": 60.0,
                   "initial_estimate_s": 0.25, "lease_s": LEASE_S, **config}
        self.engine = JobEngine(storage, api or h.client(), self.publisher,
                                EngineConfig(results_dir=h.tmp / "results", **options), clock=clock, owner=name)
        self.task = None

    async def start(self):
        await self.engine.recover()
        self.task = asyncio.create_task(self.engine.run())

    async def stop(self):
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
            self.task = None

    async def die(self):
        """As SIGKILL would: stopped where it is, its leases left in the database."""
        async def keep(*args, **kwargs):
            return 0
        self.storage.release_leases = keep
        self.storage.release_lease = keep
        await self.stop()


@pytest.fixture
async def h(tmp_path):
    async with harness(tmp_path) as h:
        yield h


@pytest.fixture
async def second(h):
    """A second `Database` (and storage) on the harness's database: another process's view."""
    storage = await open_test_storage(h.tmp / "songjam.db")
    yield storage
    await storage.close()


def new_job(h, n, *, user_id=3, guild_id=1):
    return NewJob(guild_id=guild_id, channel_id=2, user_id=user_id, model="minimax-music", prompt_text=f"##song {n}##",
                  style=None, reference_url=h.reference_url, reference_name="ref.mp3")


async def create(h, n, storage=None, **kwargs):
    return await (storage or h.storage).create_job(new_job(h, n, **kwargs), QuotaLimits(member_daily=None),
                                                   now=time.time(), timeout_s=60.0)


async def settled(h, job_ids, timeout=30.0):
    deadline = time.monotonic() + timeout
    while True:
        jobs = [await h.storage.get_job(job_id) for job_id in job_ids]
        if all(j.is_terminal and j.next_attempt_at is None for j in jobs):
            return jobs
        if time.monotonic() > deadline:
            raise AssertionError(f"not settled: {[(j.id, j.state.value, j.lease_owner) for j in jobs]}")
        await asyncio.sleep(0.05)


# --- the store: claims ----------------------------------------------------------------------------------


async def test_two_databases_claiming_at_once_split_the_due_jobs_without_overlap(h, second):
    jobs = [await create(h, n) for n in range(40)]
    now = time.time() + 1
    taken: dict[str, list[int]] = {"a": [], "b": []}

    async def claimer(storage, owner):
        while True:
            claimed = await storage.claim_due(now, {JobState.PENDING: 3}, owner=owner, lease_until=now + LEASE_S)
            if not claimed:
                return
            taken[owner] += [job.id for job in claimed]
            assert all(job.lease_owner == owner for job in claimed)
            await asyncio.sleep(0.005)

    await asyncio.gather(claimer(h.storage, "a"), claimer(second, "b"))
    assert sorted(taken["a"] + taken["b"]) == [job.id for job in jobs], "every job claimed exactly once"
    # Held leases are skipped until they run out; then another owner may take the job.
    assert await second.claim_due(now + LEASE_S - 1, {JobState.PENDING: 100}, owner="c", lease_until=now + 99) == []
    later = await second.claim_due(now + LEASE_S + 1, {JobState.PENDING: 100}, owner="c", lease_until=now + 99)
    assert len(later) == 40


async def test_a_stale_owner_cannot_change_a_job_another_took_over(h, second):
    job = await create(h, 1)
    now = time.time() + 1
    [claimed] = await h.storage.claim_due(now, {JobState.PENDING: 1}, owner="a", lease_until=now + LEASE_S)
    assert claimed.lease_owner == "a"
    [taken] = await second.claim_due(now + LEASE_S + 1, {JobState.PENDING: 1}, owner="b", lease_until=now + 99)
    assert taken.lease_owner == "b"
    assert await h.storage.update_job(job.id, (JobState.PENDING,), owner="a", state=JobState.SUBMITTING) is None
    assert await h.storage.finish_job(job.id, JobState.FAILED, "x", now=now, refund=True,
                                      expect=(JobState.PENDING,), owner="a") is None
    assert not await h.storage.release_lease(job.id, owner="a")
    assert await h.storage.renew_leases([job.id], owner="a", lease_until=now + 999) == set()
    moved = await second.update_job(job.id, (JobState.PENDING,), owner="b", state=JobState.SUBMITTING)
    assert moved is not None and moved.state is JobState.SUBMITTING


async def test_quota_charging_is_atomic_across_two_databases_on_one_file(h, second):
    limits = QuotaLimits(member_daily=5, member_unfinished=None, guild_unfinished=None)
    for n in range(2):
        await h.storage.create_job(new_job(h, n), limits, now=time.time(), timeout_s=60.0)

    async def request(storage, n):
        try:
            return await storage.create_job(new_job(h, 100 + n), limits, now=time.time(), timeout_s=60.0)
        except QuotaExceeded:
            return None

    made = await asyncio.gather(*(request(h.storage if n % 2 else second, n) for n in range(50)))
    assert sum(job is not None for job in made) == 3, "3 credits left: exactly 3 of 50 simultaneous requests"
    assert len(await h.storage.member_jobs(1, 3, limit=100)) == 5


# --- two engines ----------------------------------------------------------------------------------------


async def test_two_engines_share_the_jobs_each_submitted_once_and_posted_once(h, second):
    a = Process(h, h.storage, "a", max_concurrent_submits=3, max_concurrent_polls=3)
    b = Process(h, second, "b", max_concurrent_submits=3, max_concurrent_polls=3)
    jobs = [await create(h, n, storage=h.storage if n % 2 else second) for n in range(30)]
    await asyncio.gather(a.start(), b.start())
    try:
        done = await settled(h, [job.id for job in jobs])
    finally:
        await asyncio.gather(a.stop(), b.stop())
    assert all(job.state is JobState.DELIVERED for job in done)
    delivered = Counter(job_id for p in (a, b) for job_id, _ in p.publisher.delivered)
    assert sorted(delivered) == [job.id for job in jobs] and set(delivered.values()) == {1}, "posted once each"
    assert h.api.counters.submits == 30
    assert set(h.api.counters.submits_by_prompt.values()) == {1}, "submitted once each"
    assert a.publisher.shown and b.publisher.shown, "both engines ran steps (each shows the jobs it moves)"
    assert all(job.lease_owner is None for job in done), "every lease let go"


async def test_a_dead_engines_jobs_are_taken_over_once_its_leases_run_out_and_a_submit_is_never_resent(h, second):
    gate = Gate(h.client(), "submit")
    dead = Process(h, h.storage, "dead", api=gate)
    await dead.start()
    stuck = await create(h, 1)  # the dead engine is mid-submit on it: the outcome is unknown
    await gate.entered.wait()
    await dead.die()
    assert (await h.storage.get_job(stuck.id)).lease_owner == "dead"
    # And a job it had claimed but not started, as a crash right after a claim leaves it.
    waiting = await create(h, 2)
    now = time.time()
    [held] = await h.storage.claim_due(now, {JobState.PENDING: 1}, owner="dead", lease_until=now + LEASE_S)
    assert held.id == waiting.id

    clock = Clock()
    survivor = Process(h, second, "survivor", clock=clock)
    await survivor.start()
    try:
        await asyncio.sleep(0.5)
        assert (await h.storage.get_job(stuck.id)).state is JobState.SUBMITTING, "a live lease is respected"
        assert (await h.storage.get_job(waiting.id)).state is JobState.PENDING
        clock.offset = LEASE_S + 1  # the dead engine's leases run out
        survivor.engine.wake()
        first, second_job = await settled(h, [stuck.id, waiting.id])
    finally:
        await survivor.stop()
    assert first.state is JobState.FAILED and first.refunded and first.failure_reason == INTERRUPTED_REASON
    assert second_job.state is JobState.DELIVERED
    assert h.api.counters.submits_by_prompt.get("##song 1##", 0) == 0, "the unknown submit was never resent"
    assert h.api.counters.submits_by_prompt["##song 2##"] == 1
    assert [job_id for job_id, *_ in survivor.publisher.ended] == [stuck.id]
    assert survivor.publisher.delivered[0][0] == waiting.id


async def test_a_new_process_does_not_take_a_live_processs_submit(h, second):
    gate = Gate(h.client(), "submit")
    live = Process(h, h.storage, "live", api=gate)
    await live.start()
    job = await create(h, 1)
    await gate.entered.wait()
    newcomer = Process(h, second, "newcomer")
    await newcomer.start()  # its recover() must leave the live process's submit alone
    try:
        await asyncio.sleep(0.3)
        assert (await h.storage.get_job(job.id)).state is JobState.SUBMITTING
        gate.release.set()
        [done] = await settled(h, [job.id])
    finally:
        await asyncio.gather(live.stop(), newcomer.stop())
    assert done.state is JobState.DELIVERED and not done.refunded
    assert h.api.counters.submits == 1


async def test_a_paused_engine_whose_lease_was_taken_cannot_change_the_job(h, second):
    gate = Gate(h.client(), "poll")
    paused = Process(h, h.storage, "paused", api=gate)
    await paused.start()
    job = await create(h, 1)
    await gate.entered.wait()  # paused in the middle of a poll, holding the lease
    assert (await h.storage.get_job(job.id)).lease_owner == "paused"
    clock = Clock()
    clock.offset = LEASE_S + 1
    other = Process(h, second, "other", clock=clock)
    await other.start()
    try:
        [done] = await settled(h, [job.id])
        assert done.state is JobState.DELIVERED
        polls = done.poll_count
        gate.release.set()  # the paused engine comes back and acts on what it read
        await asyncio.sleep(0.5)
        after = await h.storage.get_job(job.id)
    finally:
        await asyncio.gather(paused.stop(), other.stop())
    assert after.state is JobState.DELIVERED and after.poll_count == polls, "the stale poll changed nothing"
    assert paused.publisher.delivered == [] and len(other.publisher.delivered) == 1
    assert h.api.counters.submits == 1


async def test_a_delivery_taken_over_from_a_dead_engine_looks_for_its_post_first(h, second):
    job = await create(h, 1)
    now = time.time()
    # The dead process had the song, recorded a post as started, and died before recording its outcome.
    await h.storage.update_job(job.id, (JobState.PENDING,), state=JobState.COMPLETED, result_url=h.reference_url,
                               completed_at=now, next_attempt_at=now, delivery_attempts=1,
                               delivery_attempted_at=now, lease_owner="dead", lease_until=now + LEASE_S)
    clock = Clock()
    clock.offset = LEASE_S + 1
    survivor = Process(h, second, "survivor", clock=clock)
    await survivor.start()
    try:
        [done] = await settled(h, [job.id])
    finally:
        await survivor.stop()
    assert done.state is JobState.DELIVERED
    assert survivor.publisher.attempts_seen == [2], "posted as a second try: the presenter checks the history first"


# --- leases taken over: the store reports them, the engine counts them ------------------------------------


def taken_over_count(engine, step):
    value = engine.metrics.registry.get_sample_value("songjam_leases_taken_over_total", {"step": step})
    return value or 0.0


async def test_a_claim_reports_the_jobs_whose_expired_lease_another_owner_held(h, second):
    held, released, fresh = [await create(h, n) for n in range(3)]
    now = time.time() + 1
    claimed = await h.storage.claim_due(now, {JobState.PENDING: 2}, owner="dead", lease_until=now + LEASE_S)
    assert [job.id for job in claimed] == [held.id, released.id] and claimed.taken_over == {}, "nobody held them"
    assert await h.storage.release_lease(released.id, owner="dead")  # let go: not a takeover
    later = await second.claim_due(now + LEASE_S + 1, {JobState.PENDING: 10}, owner="b", lease_until=now + 99)
    assert sorted(job.id for job in later) == [held.id, released.id, fresh.id]
    assert later.taken_over == {held.id: "dead"}
    # An owner reclaiming its own expired lease took nothing over.
    again = await second.claim_due(now + 200, {JobState.PENDING: 10}, owner="b", lease_until=now + 299)
    assert len(again) == 3 and again.taken_over == {}


async def test_a_job_taken_over_from_a_dead_engine_counts_once_and_a_normal_claim_not_at_all(h, second):
    gate = Gate(h.client(), "poll")
    dead = Process(h, h.storage, "dead", api=gate)
    await dead.start()
    job = await create(h, 1)
    await gate.entered.wait()  # dead mid-poll, holding the lease
    await dead.die()
    assert taken_over_count(dead.engine, "poll") == 0, "its own claims took nothing over"
    assert taken_over_count(dead.engine, "submit") == 0

    clock = Clock()
    survivor = Process(h, second, "survivor", clock=clock)
    await survivor.start()
    try:
        normal = await create(h, 2, storage=second)  # claimed with no lease on it: not a takeover
        await settled(h, [normal.id])
        assert (await h.storage.get_job(job.id)).lease_owner == "dead", "a live lease is respected"
        clock.offset = LEASE_S + 1  # the dead engine's lease runs out
        survivor.engine.wake()
        [done] = await settled(h, [job.id])
        await asyncio.sleep(0.2)
    finally:
        await survivor.stop()
    assert done.state is JobState.DELIVERED
    assert taken_over_count(survivor.engine, "poll") == 1
    assert sum(taken_over_count(survivor.engine, step) for step in ("submit", "poll", "deliver", "notify")) == 1
    assert b"songjam_leases_taken_over_total" in survivor.engine.metrics.render()
