"""The engine's loops survive their errors; state changes never race; what the API accepted is never lost."""

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from bot.songs.jobs import JobState
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
    storage.fail("due_by_state", times=1)
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
    storage.fail("due_by_state", times=1000)  # the dispatcher is backing off when the stop comes
    await h.start(storage=storage, fault_base_s=30.0)
    await asyncio.sleep(0.1)
    await asyncio.wait_for(h.stop(), 2)
