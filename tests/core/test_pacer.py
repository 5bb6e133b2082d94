"""The pacer that keeps the bot's channel requests under Discord's global limit."""

import asyncio
import time

from bot.core.pacer import Pacer, Priority


async def test_a_burst_goes_at_once_then_turns_are_spaced():
    pacer = Pacer(per_second=50, burst=3)
    started = time.monotonic()
    for _ in range(3):
        await pacer.turn(Priority.STATUS)
    assert time.monotonic() - started < 0.01
    for _ in range(5):
        await pacer.turn(Priority.STATUS)
    assert time.monotonic() - started >= 5 / 50 * 0.9


async def test_a_song_overtakes_status_edits_already_waiting():
    pacer = Pacer(per_second=100, burst=1)
    await pacer.turn(Priority.STATUS)
    order = []

    async def request(name, priority):
        await pacer.turn(priority)
        order.append(name)

    waiting = [asyncio.create_task(request(f"status {n}", Priority.STATUS)) for n in range(3)]
    await asyncio.sleep(0)
    waiting.append(asyncio.create_task(request("song", Priority.SONG)))
    await asyncio.gather(*waiting)
    assert order == ["song", "status 0", "status 1", "status 2"]


async def test_a_cancelled_wait_gives_its_turn_away():
    pacer = Pacer(per_second=100, burst=1)
    await pacer.turn(Priority.SONG)
    gone = asyncio.create_task(pacer.turn(Priority.SONG))
    await asyncio.sleep(0)
    gone.cancel()
    started = time.monotonic()
    await asyncio.wait_for(pacer.turn(Priority.SONG), 1)
    assert time.monotonic() - started < 0.05
