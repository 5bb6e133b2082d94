"""The engine's loops survive their errors; state changes never race; what the API accepted is never lost."""

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from bot.songs.jobs import JobState
from bot.songs.music_api import MusicApiBusy, MusicApiNotSent, MusicApiRejected
from tests.support.db_lock import holding_exclusively, set_busy_timeout
from tests.support.engine_harness import harness


@pytest.fixture
async def h(tmp_path):
    async with harness(tmp_path) as h:
        yield h


@dataclass
class Fault:
    times: int
    error: Callable[[], BaseException]
    when: Callable[[], bool] = lambda: True


@dataclass
class FaultyStorage:
    """The real storage, with chosen methods failing a few times first."""

    real: object
    faults: dict[str, Fault] = field(default_factory=dict)

    def fail(self, method, times=1, error=lambda: sqlite3.OperationalError("disk I/O error"), when=lambda: True):
        self.faults[method] = Fault(times, error, when)

    def __getattr__(self, name):
        target = getattr(self.real, name)
        fault = self.faults.get(name)
        if fault is None:
            return target

        async def maybe_failing(*args, **kwargs):
            if fault.times > 0 and fault.when():
                fault.times -= 1
                raise fault.error()
            return await target(*args, **kwargs)

        return maybe_failing


def in_status_worker():
    task = asyncio.current_task()
    return task is not None and task.get_name().startswith("songjam-status")


# --- the loops ----------------------------------------------------------------------------------------


async def test_the_engine_keeps_dispatching_after_its_dispatch_raised(h, caplog):
    storage = FaultyStorage(h.storage)
    recovering = asyncio.current_task()  # recover() claims too, in this task: only the dispatcher's claim fails
    storage.fail("claim_due", times=1, when=lambda: asyncio.current_task() is not recovering)
    with caplog.at_level(logging.ERROR, logger="songjam.loops"):
        engine = await h.start(storage=storage)
        job = await h.enqueue()
        done = await h.wait_settled(job.id)
    assert done.state is JobState.DELIVERED and h.api.counters.submits == 1
    assert engine.loops.restarts("engine-dispatch") == 1
    assert engine.loops.stats("engine-dispatch").last_error_at is not None
    [record] = [r for r in caplog.records if "engine-dispatch" in r.getMessage()]
    assert record.exc_info is not None


async def test_status_workers_survive_more_errors_than_there_are_workers(h, caplog):
    storage = FaultyStorage(h.storage)
    storage.fail("get_job", times=6, when=in_status_worker)
    with caplog.at_level(logging.ERROR, logger="songjam.loops"):
        engine = await h.start(storage=storage)
        job = await h.enqueue()
        await h.wait_settled(job.id)
        for _ in range(200):
            if (job.id, JobState.DELIVERED, "completed") in h.publisher.shown:
                break
            await asyncio.sleep(0.02)
    assert (job.id, JobState.DELIVERED, "completed") in h.publisher.shown, "a status worker is still there"
    loops = engine.loops.snapshot()
    assert sum(stats.restarts for name, stats in loops.items() if name.startswith("engine-status")) == 6
    assert any(f"job {job.id}" in r.getMessage() for r in caplog.records), "the job is named in the log"


async def test_stopping_the_engine_stops_its_supervised_loops_promptly(h):
    storage = FaultyStorage(h.storage)
    recovering = asyncio.current_task()
    storage.fail("claim_due", times=1000,  # the dispatcher is backing off when the stop comes
                 when=lambda: asyncio.current_task() is not recovering)
    await h.start(storage=storage, fault_base_s=30.0)
    await asyncio.sleep(0.1)
    await asyncio.wait_for(h.stop(), 2)


# --- cancel against a submit: deterministic interleavings over the real storage ------------------------


class GatedApi:
    """The real client, except that a submit waits at a gate, then answers as told (the real answer by default)."""

    def __init__(self, real, outcome=None):
        self.real = real
        self.outcome = outcome
        self.entered = asyncio.Event()
        self.release = asyncio.Event()

    async def submit(self, body):
        self.entered.set()
        await self.release.wait()
        if self.outcome is not None:
            raise self.outcome
        return await self.real.submit(body)

    def __getattr__(self, name):
        return getattr(self.real, name)


class HeldCancel:
    """The real storage; a cancel's write waits, after its read, until `go` is set."""

    def __init__(self, real):
        self.real = real
        self.waiting = asyncio.Event()
        self.go = asyncio.Event()

    async def finish_job(self, job_id, state, *args, **kwargs):
        if state is JobState.CANCELLED and not self.go.is_set():
            self.waiting.set()
            await self.go.wait()
        return await self.real.finish_job(job_id, state, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.real, name)


async def start_gated(h, api, storage=None, **config):
    engine = h.new_engine(api=api, storage=storage, **config)
    h.engine = engine
    await engine.recover()
    h.task = asyncio.create_task(engine.run())
    return engine


async def test_a_job_claimed_by_submit_between_cancels_read_and_write_is_not_refunded(h):
    api = GatedApi(h.client())
    storage = HeldCancel(h.storage)
    engine = h.new_engine(api=api, storage=storage)
    h.engine = engine
    job = await h.enqueue()
    cancel = asyncio.create_task(engine.cancel(job.id, user_id=3))
    await storage.waiting.wait()  # cancel has read "pending"
    h.task = asyncio.create_task(engine.run())
    await api.entered.wait()  # submit has claimed the job and is at the API
    storage.go.set()
    result = await cancel
    api.release.set()  # the API takes (and charges for) the song
    await h.wait_for(job.id, lambda j: j.next_attempt_at is None)
    await asyncio.sleep(0.2)
    final = await h.storage.get_job(job.id)
    assert final.state is JobState.CANCELLED and not final.refunded, "the generation was paid for"
    assert result.job.state is JobState.CANCELLED and not result.job.refunded
    assert "credit is used" in str(result.message)
    assert h.api.counters.submits == 1 and h.publisher.delivered == []
    assert (await h.storage.member_usage(1, 3, now=final.finished_at)).used == 1


async def test_a_submit_that_failed_between_cancels_read_and_write_is_refunded(h):
    api = GatedApi(h.client(), outcome=MusicApiNotSent("unreachable"))
    storage = HeldCancel(h.storage)
    await start_gated(h, api, storage, fault_base_s=60.0)  # the retry is not due during the test
    job = await h.enqueue()
    await api.entered.wait()
    cancel = asyncio.create_task(h.engine.cancel(job.id, user_id=3))
    await storage.waiting.wait()  # cancel has read "submitting"
    api.release.set()
    await h.wait_for(job.id, lambda j: j.state is JobState.PENDING)  # back in line for a retry
    storage.go.set()
    result = await cancel
    final = await h.storage.get_job(job.id)
    assert final.state is JobState.CANCELLED and final.refunded, "nothing was paid for"
    assert "credit is back" in str(result.message)
    assert h.api.counters.submit_requests == 0


@pytest.mark.parametrize("outcome", [
    MusicApiBusy("busy", status=503), MusicApiNotSent("unreachable"), MusicApiRejected("bad", status=400),
])
async def test_a_job_cancelled_while_its_submit_fails_gets_its_credit_back(h, outcome):
    api = GatedApi(h.client(), outcome=outcome)
    await start_gated(h, api)
    job = await h.enqueue()
    await api.entered.wait()
    result = await h.engine.cancel(job.id, user_id=3)
    assert result.job.state is JobState.CANCELLED and not result.job.refunded  # the API may yet charge
    api.release.set()
    final = await h.wait_for(job.id, lambda j: j.refunded)
    assert final.state is JobState.CANCELLED
    assert (await h.storage.member_usage(1, 3, now=final.finished_at)).used == 0
    await asyncio.sleep(0.2)
    assert h.api.counters.submit_requests == 0 and h.publisher.ended == []


async def test_a_job_cancelled_while_its_submit_is_accepted_is_never_posted_and_the_id_is_logged(h, caplog):
    api = GatedApi(h.client())
    await start_gated(h, api)
    job = await h.enqueue()
    await api.entered.wait()
    with caplog.at_level(logging.INFO, logger="songjam.engine"):
        await h.engine.cancel(job.id, user_id=3)
        api.release.set()
        for _ in range(100):
            if h.api.counters.submits:
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.3)
    final = await h.storage.get_job(job.id)
    assert final.state is JobState.CANCELLED and not final.refunded and h.publisher.delivered == []
    generation_id = h.api.only_task().id
    assert any(generation_id in r.getMessage() for r in caplog.records)


# --- what the outside world already did is never lost to a locked database ------------------------------


def fast_busy_timeout(h):
    """The writer gives up on a lock after 0.2 s instead of 5 s, so a test sees several retries quickly."""
    return set_busy_timeout(h.storage.db, 200)


async def test_a_generation_id_the_database_refused_is_kept_retried_and_the_song_delivered(h, caplog):
    await fast_busy_timeout(h)
    api = GatedApi(h.client())
    engine = await start_gated(h, api)
    job = await h.enqueue()
    await api.entered.wait()
    caplog.set_level(logging.WARNING, logger="songjam.engine")
    async with holding_exclusively(h.tmp / "songjam.db"):
        api.release.set()  # accepted (and paid for) while the database is locked
        for _ in range(200):
            if engine.unsaved_writes:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(1.0)  # several tries fail meanwhile
        generation_id = h.api.only_task().id
        assert any(generation_id in what for what in engine.unsaved_writes)
        assert (await h.storage.get_job(job.id)).state is JobState.SUBMITTING
    done = await h.wait_settled(job.id)  # the database is back: the job carries on, no restart
    assert done.state is JobState.DELIVERED and done.generation_id == generation_id and not done.refunded
    assert h.api.counters.submits == 1 and len(h.publisher.delivered) == 1
    assert engine.unsaved_writes == []
    assert any(generation_id in r.getMessage() and r.levelno >= logging.WARNING for r in caplog.records)


async def test_stopping_with_an_unsaved_generation_id_logs_it_for_the_operator(h, caplog):
    await fast_busy_timeout(h)
    api = GatedApi(h.client())
    engine = await start_gated(h, api)
    job = await h.enqueue()
    await api.entered.wait()
    async with holding_exclusively(h.tmp / "songjam.db"):
        api.release.set()
        for _ in range(200):  # the paid submit's id waits for the database (not just any write, e.g. a status)
            if any(task_id in line for task_id in h.api.tasks for line in engine.unsaved_writes):
                break
            await asyncio.sleep(0.01)
        with caplog.at_level(logging.ERROR, logger="songjam.engine"):
            await asyncio.wait_for(h.stop(), 2)
    generation_id = h.api.only_task().id
    assert any(generation_id in r.getMessage() and f"job {job.id}" in r.getMessage() and r.levelno >= logging.ERROR
               for r in caplog.records)


async def test_a_posted_song_whose_record_the_database_refused_is_not_posted_again(h):
    await fast_busy_timeout(h)
    real_deliver = h.publisher.deliver
    lock = contextlib.AsyncExitStack()

    async def deliver_then_lock(job):
        result = await real_deliver(job)
        await lock.enter_async_context(holding_exclusively(h.tmp / "songjam.db"))  # right after the post
        asyncio.get_running_loop().call_later(1.0, lambda: asyncio.ensure_future(lock.aclose()))
        return result

    h.publisher.deliver = deliver_then_lock
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.DELIVERED
    await asyncio.sleep(0.3)
    assert h.publisher.delivery_attempts == 1 and len(h.publisher.delivered) == 1


async def test_a_status_message_whose_id_the_database_refused_is_not_posted_twice(h):
    await fast_busy_timeout(h)
    real_show = h.publisher.show
    lock = contextlib.AsyncExitStack()

    async def show_then_lock(job, progress):
        message_id = await real_show(job, progress)
        if message_id is not None and not h.publisher.shown[:-1]:  # the first status message was just posted
            await lock.enter_async_context(holding_exclusively(h.tmp / "songjam.db"))
            asyncio.get_running_loop().call_later(1.0, lambda: asyncio.ensure_future(lock.aclose()))
        return message_id

    h.publisher.show = show_then_lock
    await h.start()
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    await asyncio.sleep(0.3)
    assert done.state is JobState.DELIVERED
    assert (await h.storage.get_job(job.id)).status_message_id == 1000, "one status message, the first"
