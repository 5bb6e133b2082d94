"""The loop supervisor: a background loop survives its errors, backs off, counts restarts and still stops."""

import asyncio
import logging

import pytest

from bot.core.loops import LoopHealth


class Script:
    """A loop body that fails, succeeds or stops as told, one call at a time."""

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.calls = 0

    async def __call__(self):
        self.calls += 1
        outcome = self.outcomes.pop(0) if self.outcomes else "stop"
        if outcome == "stop":
            await asyncio.Event().wait()  # park until cancelled
        if isinstance(outcome, BaseException):
            raise outcome


def recording_sleeps():
    delays = []

    async def sleep(delay):
        delays.append(delay)
        await asyncio.sleep(0)

    return delays, sleep


async def run_until_parked(health, name, body, **options):
    task = asyncio.create_task(health.supervise(name, body, **options))
    for _ in range(200):
        await asyncio.sleep(0)
        if not body.outcomes:
            break
    await asyncio.sleep(0.01)
    return task


async def stop(task):
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_a_failing_body_is_run_again_with_growing_capped_delays_and_counted(caplog):
    delays, sleep = recording_sleeps()
    health = LoopHealth(clock=lambda: 1234.5, sleep=sleep)
    body = Script(*[RuntimeError(f"boom {n}") for n in range(8)])
    with caplog.at_level(logging.ERROR, logger="songjam.loops"):
        task = await run_until_parked(health, "worker", body, base_delay_s=1.0, max_delay_s=60.0)
    assert body.calls == 9, "it keeps going after every error"
    assert delays == [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0]
    stats = health.stats("worker")
    assert stats.restarts == 8 and stats.last_error_at == 1234.5 and "boom 7" in stats.last_error
    assert health.restarts("worker") == 8 and health.restarts("other") == 0
    records = [r for r in caplog.records if "worker" in r.getMessage()]
    assert len(records) == 8 and all(r.exc_info is not None for r in records)
    await stop(task)


async def test_a_pass_that_ends_normally_resets_the_backoff():
    delays, sleep = recording_sleeps()
    health = LoopHealth(sleep=sleep)
    body = Script(RuntimeError("a"), RuntimeError("b"), None, RuntimeError("c"))
    task = await run_until_parked(health, "pass", body, base_delay_s=0.5)
    assert delays == [0.5, 1.0, 0.5] and body.calls == 5
    await stop(task)


async def test_what_the_body_noted_is_in_the_log_line(caplog):
    _, sleep = recording_sleeps()
    error = RuntimeError("locked")
    error.add_note("while refreshing job 42")
    with caplog.at_level(logging.ERROR, logger="songjam.loops"):
        task = await run_until_parked(LoopHealth(sleep=sleep), "status", Script(error))
    assert "job 42" in caplog.records[0].getMessage()
    await stop(task)


async def test_once_mode_retries_until_the_body_succeeds_then_returns():
    _, sleep = recording_sleeps()
    health = LoopHealth(sleep=sleep)
    body = Script(RuntimeError("locked"), RuntimeError("locked"), None)
    await asyncio.wait_for(health.supervise("recover", body, repeat=False), 1)
    assert body.calls == 3 and health.restarts("recover") == 2


@pytest.mark.parametrize("where", ["in the body", "in the backoff"])
async def test_cancellation_stops_the_loop_at_once(where):
    health = LoopHealth()
    body = Script(*([] if where == "in the body" else [RuntimeError("x")]))
    task = asyncio.create_task(health.supervise("loop", body, base_delay_s=30.0))
    await asyncio.sleep(0.05)
    assert body.calls == 1
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 1)


async def test_a_cancelled_error_from_the_body_is_never_swallowed():
    health = LoopHealth()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(health.supervise("loop", Script(asyncio.CancelledError())), 1)
    assert health.restarts("loop") == 0


async def test_the_snapshot_lists_every_supervised_loop():
    _, sleep = recording_sleeps()
    health = LoopHealth(sleep=sleep)
    first = await run_until_parked(health, "a", Script(RuntimeError("x")))
    second = await run_until_parked(health, "b", Script())
    snapshot = health.snapshot()
    assert {name: stats.restarts for name, stats in snapshot.items()} == {"a": 1, "b": 0}
    assert health.total_restarts == 1
    await stop(first)
    await stop(second)


async def test_a_busy_database_is_a_warning_without_a_traceback_and_the_loop_goes_on(caplog):
    import sqlite3

    async def no_sleep(delay: float) -> None:
        return None

    loops = LoopHealth(sleep=no_sleep)
    calls = 0

    async def body() -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise sqlite3.OperationalError("database is locked")

    with caplog.at_level(logging.WARNING, logger="songjam.loops"):
        await loops.supervise("busy", body, repeat=False)
    assert calls == 2 and loops.restarts("busy") == 1
    [record] = [r for r in caplog.records if r.name == "songjam.loops"]
    assert record.levelno == logging.WARNING and record.exc_info is None and "busy" in record.getMessage()
