"""The operator's caps hold for every song the real bot process makes, sponsored jam entries included."""

import discord
import pytest

from fakes.audio import make_mp3
from tests.e2e.harness import running_stack

MOD = discord.Permissions(manage_guild=True, manage_roles=True).value


async def song(stack, member, channel) -> str:
    """`/song create` in `channel`; what the member is told privately once it is queued or refused."""
    ix = await stack.discord.slash_command(
        user=member, channel=channel, name="song create",
        options={"reference": stack.attach("ref.mp3", make_mp3(20.0)), "lyrics": "la la la"},
    )
    ix = await stack.confirm_rights_if_asked(member, ix)
    followup = (await ix.wait_followups(1, timeout=10))[0]
    assert followup.ephemeral
    return followup.content


@pytest.mark.parametrize(("cap", "says"), [
    ("GLOBAL_DAILY_CAP", "The bot has reached its daily song limit for all servers."),
    ("GUILD_DAILY_CAP", "This server has reached its daily song limit."),
])
async def test_sponsored_entries_stop_at_the_operators_cap_like_any_song(tmp_path, cap, says):
    async with running_stack(tmp_path, **{cap: "2"}) as stack:
        mod = stack.discord.add_member(stack.guild, "mod", permissions=MOD)
        other = stack.discord.add_channel(stack.guild, "other")
        start = await stack.discord.slash_command(
            user=mod, channel=stack.channel, name="jam start",
            options={"theme": "Free songs", "duration": "1d", "entries_per_member": 5, "sponsored": True},
        )
        await start.wait_response()
        await stack.wait_public(lambda m: "Entries are free: this jam is sponsored" in m.content)

        for _ in range(2):
            answer = await song(stack, stack.alice, stack.channel)
            assert "Queued as job" in answer and "It's free: the jam is sponsored" in answer, answer
        entry_refused = await song(stack, stack.alice, stack.channel)
        plain_refused = await song(stack, stack.bob, other)
        assert entry_refused.startswith(says), entry_refused
        assert plain_refused.startswith(says), plain_refused
        assert entry_refused == plain_refused, "the same private message as a normal song"
        assert stack.job_count() == 2
        assert [stack.job_row(n)["charged"] for n in (1, 2)] == [0, 0]
        assert stack.api.counters.submit_requests <= 2
