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


# --- several processes run the closer ---------------------------------------------------------------------


def closer(jams, posts):
    """A closer as one process runs it; its results post is slow, so two closers overlap."""
    async def ready():
        return None

    async def server_locale(guild_id):
        return "en"

    cog = JamsCog(SimpleNamespace(jams=jams, publisher=None, loops=LoopHealth(), wait_until_ready=ready,
                                  server_locale=server_locale))

    async def post_close(jam, content, locale, picture=None):
        posts.append((jam.id, jams.owner))
        await asyncio.sleep(0.1)
        return 900 + len(posts)

    cog._post_close = post_close
    return cog


async def test_a_jam_closed_by_two_processes_at_once_posts_its_results_once(tmp_path):
    storage_a, jams_a = await open_world(tmp_path / "songjam.db")
    storage_b, jams_b = await open_world(tmp_path / "songjam.db")  # another process: its own connections
    try:
        for jams in (jams_a, jams_b):
            jams.clock = lambda: NOW + 3 * 3600
        jam = await start_jam(jams_a, duration="1h", now=NOW)
        posts: list[tuple[int, str]] = []
        a, b = closer(jams_a, posts), closer(jams_b, posts)
        await asyncio.gather(a.sweep(), b.sweep())  # each process runs one closer, at the same moment
        await asyncio.gather(a.sweep(), b.sweep())  # and again, once it is done: nothing more
        assert [jam_id for jam_id, _ in posts] == [jam.id], "the results are posted once"
        final = await jams_a.get(jam.id)
        assert final.state is JamState.CLOSED and final.finalized_at is not None and final.results_posted_at
    finally:
        await storage_a.close()
        await storage_b.close()


async def test_a_jam_claimed_by_a_closer_that_died_is_shown_by_another_once_its_lease_runs_out(tmp_path):
    storage_a, dead = await open_world(tmp_path / "songjam.db")
    storage_b, jams_b = await open_world(tmp_path / "songjam.db")
    try:
        now = NOW + 3 * 3600
        dead.clock = lambda: now
        jam = await start_jam(dead, duration="1h", now=NOW)
        [closed] = await dead.close_due(now)
        assert await dead.claim_close(closed) is not None  # ... and the process dies before posting
        posts: list[tuple[int, str]] = []
        survivor = closer(jams_b, posts)
        jams_b.clock = lambda: now + 1
        await survivor.sweep()
        assert posts == [], "the dead closer's lease still holds"
        jams_b.clock = lambda: now + jams_b.lease_s + 1
        await survivor.sweep()
        assert posts == [(jam.id, jams_b.owner)]
        assert (await jams_b.get(jam.id)).finalized_at is not None
    finally:
        await storage_a.close()
        await storage_b.close()
