"""The jam closer runs under the bot's loop supervisor: an error is logged, counted and never ends it."""

import asyncio
import logging
from types import SimpleNamespace

import pytest

from bot.core.loops import LoopHealth
from bot.jams.models import JamState
from bot.jams.ui.cog import JamsCog
from tests.support.jams import NOW, open_world, start_jam


@pytest.fixture
async def world(tmp_path):
    storage, jams = await open_world(tmp_path / "songjam.db")
    yield storage, jams
    await storage.close()


async def test_the_closer_survives_an_error_counts_it_and_closes_jams_afterwards(world, caplog):
    _, jams = world
    jams.clock = lambda: NOW + 3 * 3600
    jam = await start_jam(jams, duration="1h", now=NOW)
    real_close_due = jams.close_due
    calls = 0

    async def close_due_failing_once(now):
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("database is locked")
        return await real_close_due(now)

    jams.close_due = close_due_failing_once

    async def ready():
        return None

    loops = LoopHealth()
    bot = SimpleNamespace(jams=jams, publisher=None, loops=loops, wait_until_ready=ready)
    cog = JamsCog(bot)
    cog.finalize = lambda jam: asyncio.sleep(0)  # showing the results is not what this is about
    with caplog.at_level(logging.ERROR, logger="songjam.loops"):
        task = asyncio.create_task(cog._run_closer())
        try:
            for _ in range(300):
                if (await jams.get(jam.id)).state is JamState.CLOSED:
                    break
                await asyncio.sleep(0.01)
        finally:
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await asyncio.wait_for(task, 1)
    assert (await jams.get(jam.id)).state is JamState.CLOSED
    assert loops.restarts("jam-closer") == 1
    assert any("jam-closer" in r.getMessage() and r.exc_info for r in caplog.records)
