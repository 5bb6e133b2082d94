"""A jam through a crash: the real bot process (`python -m bot`) killed mid-jam and back after the deadline."""

import asyncio
import time

import discord
import pytest

from fakes.audio import make_mp3
from tests.e2e.harness import running_stack
from tests.support.databases import execute
from tests.support.live_bot import eventually


@pytest.fixture
async def stack(tmp_path):
    async with running_stack(tmp_path, COOLDOWN_SECONDS="0") as stack:
        yield stack


def is_results(message) -> bool:
    return "Song jam results" in message.content


async def test_a_jam_killed_mid_way_closes_once_when_the_bot_returns_after_its_deadline(stack):
    fake = stack.discord
    mod = fake.add_member(stack.guild, "mod", permissions=discord.Permissions(manage_guild=True).value)
    carol = fake.add_member(stack.guild, "carol")
    start = await fake.slash_command(user=mod, channel=stack.channel, name="jam start",
                                     options={"theme": "Crash course", "duration": "1h"})
    assert "Jam #1 is open" in (await start.wait_followups(1, timeout=10))[0].content

    for member in (stack.alice, stack.bob):
        carry_on = await stack.create_song(member, "la la la", stack.attach("ref.mp3", make_mp3(20.0)))
        assert "entry in the jam **Crash course**" in (await carry_on.wait_followups(1, timeout=10))[0].content
    alices, bobs = await stack.wait_song(1), await stack.wait_song(2)
    await asyncio.sleep(0.05)
    vote = await fake.click_button(user=carol, message=alices, custom_id="songjam:vote:1:1")
    assert "It has 1 vote now" in (await vote.wait_response()).data["content"]

    await stack.bot.kill()  # a crash, with the jam open
    # ... and the deadline passes while it is down
    execute(stack.data_dir / "songjam.db", "UPDATE jams SET ends_at = ?", (time.time(),))
    await stack.start_bot()

    results = await stack.wait_public(is_results)
    assert f"🏆 Winner: <@{stack.alice.id}>!" in results.content and "2 entries · 1 vote" in results.content
    alices_button = lambda: fake.message(alices.id).find_component("songjam:vote:1:1")  # noqa: E731
    bobs_button = lambda: fake.message(bobs.id).find_component("songjam:vote:1:2")  # noqa: E731
    await eventually(lambda: alices_button().get("disabled") and bobs_button().get("disabled"))
    assert alices_button()["label"] == "Voting closed · 1 vote" and bobs_button()["label"] == "Voting closed · 0 votes"

    await stack.restart_bot()  # and again: the close is never announced twice
    await asyncio.sleep(0.5)
    assert sum(is_results(m) for m in stack.public_messages()) == 1
