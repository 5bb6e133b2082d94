"""The real bot process, sharded: SHARD_COUNT=2 in one process, and a process running only shard 1."""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass

import pytest

from fakes.audio import make_mp3
from fakes.discord import FakeDiscord
from fakes.discord.models import FakeChannel, FakeGuild, FakeMember, StoredMessage
from fakes.music_api import FakeMusicApi
from tests.e2e.harness import API_KEY, TOKEN, BotProcess, Stack, bot_env, running_stack

TWO_SHARDS = {"shards": 2, "max_concurrency": 2, "enforce_identify_rate": True}


@dataclass
class Server:
    guild: FakeGuild
    channel: FakeChannel
    member: FakeMember


def servers_on_both_shards(made: dict[int, Server]):
    def prepare(stack: Stack) -> None:
        for shard in (0, 1):
            guild = stack.discord.add_guild(f"Server on shard {shard}", shard=shard)
            made[shard] = Server(guild, stack.discord.add_channel(guild, "songs"),
                                 stack.discord.add_member(guild, f"member{shard}"))
    return prepare


async def wait_ready_line(stack: Stack, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while (found := re.search(r"^.*ready as .*$", stack.bot.logs(), flags=re.M)) is None:
        assert time.monotonic() < deadline, stack.bot.logs()[-3000:]
        await asyncio.sleep(0.05)
    return found[0]


async def song_in(stack: Stack, server: Server) -> StoredMessage:
    """`/song create` as the server's member; the song posted in its channel."""
    ix = await stack.discord.slash_command(
        user=server.member, channel=server.channel, name="song create",
        options={"reference": stack.attach("ref.mp3", make_mp3(20.0)), "lyrics": "la la / la"},
    )
    carry_on = await stack.confirm_rights_if_asked(server.member, ix)
    [queued] = await carry_on.wait_followups(1, timeout=10)
    assert "Queued as job" in queued.content, queued.content
    return await stack.discord.wait_for_message(
        server.channel, lambda m: not m.ephemeral and bool(m.attachments) and "is ready" in m.content, timeout=20)


async def settings_show(stack: Stack, server: Server) -> str:
    ix = await stack.discord.slash_command(user=stack.discord.owner, channel=server.channel,
                                           name="songadmin settings show")
    return str((await ix.wait_response(timeout=10)).data["content"])


def per_shard(stack: Stack, shard: int) -> int:
    return sum(1 for guild_id in stack.discord.world.guilds if stack.discord.shard_of(guild_id) == shard)


async def test_one_process_with_two_shards_serves_and_delivers_in_servers_on_both(tmp_path):
    made: dict[int, Server] = {}
    async with running_stack(tmp_path, discord_options=TWO_SHARDS, prepare=servers_on_both_shards(made),
                             SHARD_COUNT="2", PROCESS_NAME="e2e-worker") as stack:
        await stack.discord.wait_until_connected(shards=[0, 1], timeout=10)
        ready = await wait_ready_line(stack)
        assert (f"process e2e-worker runs shard(s) 0, 1 of 2 (shard 0: {per_shard(stack, 0)} guild(s), "
                f"shard 1: {per_shard(stack, 1)} guild(s))") in ready
        assert [s.shard for s in stack.discord.sessions] == [[0, 2], [1, 2]]
        assert stack.discord.identify_refusals == 0

        songs = await asyncio.gather(song_in(stack, made[0]), song_in(stack, made[1]))
        for server, song in zip((made[0], made[1]), songs, strict=True):
            assert song.channel_id == server.channel.id and song.mentions == [server.member.id]
            assert bytes(song.attachments[0].data) in {bytes(task.audio) for task in stack.api.tasks.values()}

        overview = await settings_show(stack, made[1])
        assert ("Served by process `e2e-worker`, shard 1 of 2 (this server's shard); the process runs shards 0, 1"
                in overview)
        app = stack.discord.application_id
        assert sum(1 for r in stack.discord.requests if (r.method, r.path) == ("PUT", f"/applications/{app}/commands")
                   ) == 1, "--sync publishes the commands once, not once per shard"
        lines = [line for line in stack.bot.logs().splitlines() if re.match(r"\d{4}-\d\d-\d\d ", line)]
        assert lines and all(" [e2e-worker] " in line for line in lines)


async def test_a_process_running_shard_1_gets_only_shard_1s_servers(tmp_path):
    made: dict[int, Server] = {}
    async with running_stack(tmp_path, discord_options=TWO_SHARDS, prepare=servers_on_both_shards(made),
                             SHARD_COUNT="2", SHARD_IDS="1", PROCESS_NAME="e2e-shard-1") as stack:
        ready = await wait_ready_line(stack)
        assert f"process e2e-shard-1 runs shard(s) 1 of 2 (shard 1: {per_shard(stack, 1)} guild(s))" in ready
        [session] = stack.discord.sessions
        assert session.shard == [1, 2]
        on_shard_1 = sorted(g for g in stack.discord.world.guilds if stack.discord.shard_of(g) == 1)
        assert sorted(session.ready_guild_ids) == on_shard_1 and made[1].guild.id in on_shard_1

        song = await song_in(stack, made[1])
        assert song.mentions == [made[1].member.id]
        assert (await settings_show(stack, made[1])).endswith(
            "Served by process `e2e-shard-1`, shard 1 of 2 (this server's shard)")
        with pytest.raises(RuntimeError, match="no bot session on the gateway for guild"):
            await stack.discord.slash_command(user=made[0].member, channel=made[0].channel, name="song list")


async def test_discord_requiring_sharding_stops_the_bot_with_one_line_saying_what_to_set(tmp_path):
    async with FakeDiscord(token=TOKEN, global_rate_limit=None, shards=2, guilds_per_shard=1) as discord, \
            FakeMusicApi(api_key=API_KEY) as api:
        discord.add_guild("One", shard=0)
        discord.add_guild("Two", shard=1)
        bot = BotProcess(bot_env(discord, api, tmp_path / "data"), tmp_path / "bot.log")
        await bot.start()
        try:
            assert bot.process is not None
            assert await asyncio.wait_for(bot.process.wait(), 30) == 1
        finally:
            await bot.kill()
        last = bot.logs().strip().splitlines()[-1]
        assert last == ("songjam: Discord requires sharding for this many servers (close 4011): "
                        "set SHARD_COUNT=auto (see .env.example)")
        assert "Traceback" not in bot.logs()
