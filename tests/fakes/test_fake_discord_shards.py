"""The fake Discord serves several shards as Discord does: each session gets its shard's guilds only."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from fakes.discord import FakeDiscord
from fakes.discord.events import DIRECT_MESSAGES, GUILDS
from tests.fakes.test_fake_discord import pointed_at

Frame = dict[str, Any]


@contextlib.asynccontextmanager
async def gateway_session(fake: FakeDiscord, shard: object, *, intents: int = GUILDS
                          ) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    """A raw gateway client: HELLO, then IDENTIFY with `shard` (None: no shard field)."""
    async with aiohttp.ClientSession() as http, http.ws_connect(fake.gateway_url + "?v=10&encoding=json") as ws:
        assert (await ws.receive_json())["op"] == 10
        identify: Frame = {"token": fake.token, "intents": intents, "properties": {}}
        if shard is not None:
            identify["shard"] = shard
        await ws.send_json({"op": 2, "d": identify})
        yield ws


async def frames(ws: aiohttp.ClientWebSocketResponse, within: float = 0.3) -> list[Frame]:
    """Every frame that arrives within `within` seconds of the last one."""
    seen: list[Frame] = []
    while True:
        try:
            message = await ws.receive(timeout=within)
        except TimeoutError:
            return seen
        if message.type is not aiohttp.WSMsgType.TEXT:
            seen.append({"op": "close", "code": message.data})
            return seen
        seen.append(message.json())


def dispatched(seen: list[Frame], name: str) -> list[Frame]:
    return [frame["d"] for frame in seen if frame.get("op") == 0 and frame["t"] == name]


async def close_code(ws: aiohttp.ClientWebSocketResponse) -> int:
    message = await ws.receive(timeout=2)
    assert message.type is aiohttp.WSMsgType.CLOSE, message
    return int(message.data)


async def test_get_gateway_bot_recommends_the_configured_shards_and_concurrency() -> None:
    async with FakeDiscord(shards=2, max_concurrency=4) as fake, aiohttp.ClientSession() as http:
        async def gateway_bot() -> Frame:
            async with http.get(f"{fake.api_base}/gateway/bot", headers={"Authorization": f"Bot {fake.token}"}) as r:
                assert r.status == 200
                return dict(await r.json())

        first = await gateway_bot()
        assert first["url"] == fake.gateway_url and first["shards"] == 2
        assert first["session_start_limit"]["max_concurrency"] == 4
        async with gateway_session(fake, [0, 2]) as ws:
            await frames(ws, 0.1)
        fake.shards = 3
        second = await gateway_bot()
        assert second["shards"] == 3
        assert second["session_start_limit"]["remaining"] == first["session_start_limit"]["remaining"] - 1


async def test_each_shard_gets_the_ready_and_guild_creates_of_its_own_guilds_only() -> None:
    async with FakeDiscord(shards=2) as fake:
        zero = fake.add_guild("On shard 0", shard=0)
        one, other_one = fake.add_guild("On shard 1", shard=1), fake.add_guild("Also shard 1", shard=1)
        assert [fake.shard_of(g) for g in (zero, one, other_one)] == [0, 1, 1]
        assert [(g.id >> 22) % 2 for g in (zero, one, other_one)] == [0, 1, 1]
        async with gateway_session(fake, [0, 2]) as ws0, gateway_session(fake, [1, 2]) as ws1:
            seen0, seen1 = await frames(ws0), await frames(ws1)
            [ready0], [ready1] = dispatched(seen0, "READY"), dispatched(seen1, "READY")
            assert ready0["shard"] == [0, 2] and [g["id"] for g in ready0["guilds"]] == [str(zero.id)]
            assert {g["id"] for g in ready1["guilds"]} == {str(one.id), str(other_one.id)}
            assert [g["id"] for g in dispatched(seen0, "GUILD_CREATE")] == [str(zero.id)]
            assert {g["id"] for g in dispatched(seen1, "GUILD_CREATE")} == {str(one.id), str(other_one.id)}
            assert [s.ready_guild_ids for s in fake.sessions] == [[zero.id], [one.id, other_one.id]]
            assert fake.connected_shards == [0, 1]


async def test_events_go_to_the_session_of_the_guilds_shard_and_dms_to_shard_zero() -> None:
    async with FakeDiscord(shards=2) as fake:
        zero, one = fake.add_guild("On shard 0", shard=0), fake.add_guild("On shard 1", shard=1)
        alice = fake.add_member(one, "alice")
        async with gateway_session(fake, [0, 2], intents=GUILDS | DIRECT_MESSAGES) as ws0, \
                gateway_session(fake, [1, 2], intents=GUILDS | DIRECT_MESSAGES) as ws1:
            await frames(ws0), await frames(ws1)
            channel = fake.add_channel(one, "songs")
            await fake.slash_command(user=alice, channel=channel, name="song")
            seen0, seen1 = await frames(ws0), await frames(ws1)
            assert dispatched(seen0, "CHANNEL_CREATE") == [] and dispatched(seen0, "INTERACTION_CREATE") == []
            assert [c["id"] for c in dispatched(seen1, "CHANNEL_CREATE")] == [str(channel.id)]
            assert [i["guild_id"] for i in dispatched(seen1, "INTERACTION_CREATE")] == [str(one.id)]

            fake.add_guild("Joined later", shard=0)
            await fake.post_user_message(user=alice, channel=fake.dm_channel(alice), content="hi bot")
            seen0, seen1 = await frames(ws0), await frames(ws1)
            assert [g["name"] for g in dispatched(seen0, "GUILD_CREATE")] == ["Joined later"]
            assert [m["content"] for m in dispatched(seen0, "MESSAGE_CREATE")] == ["hi bot"]
            assert seen1 == []
            assert zero.id != one.id


async def test_an_interaction_for_a_shard_nobody_runs_cannot_be_sent() -> None:
    async with FakeDiscord(shards=2) as fake:
        zero, one = fake.add_guild("On shard 0", shard=0), fake.add_guild("On shard 1", shard=1)
        alice, bob = fake.add_member(zero, "alice"), fake.add_member(one, "bob")
        zero_channel, one_channel = fake.add_channel(zero, "songs"), fake.add_channel(one, "songs")
        async with gateway_session(fake, [1, 2]) as ws:
            await frames(ws)
            with pytest.raises(RuntimeError, match="no bot session on the gateway for guild"):
                await fake.slash_command(user=alice, channel=zero_channel, name="song")
            await fake.slash_command(user=bob, channel=one_channel, name="song")
            assert len(dispatched(await frames(ws), "INTERACTION_CREATE")) == 1


@pytest.mark.parametrize("shard", [[2, 2], [-1, 2], [0, 0], [0], "0,1", [0, True]])
async def test_an_invalid_shard_is_closed_with_4010(shard: object) -> None:
    async with FakeDiscord(shards=2) as fake, gateway_session(fake, shard) as ws:
        assert await close_code(ws) == 4010
        assert fake.identifies == 0


async def test_too_many_guilds_for_one_session_is_closed_with_4011_sharding_required() -> None:
    async with FakeDiscord(shards=2, guilds_per_shard=2) as fake:
        for shard in (0, 0, 1):
            fake.add_guild(f"guild on {shard}", shard=shard)
        async with gateway_session(fake, None) as ws:
            assert await close_code(ws) == 4011
        async with gateway_session(fake, [0, 1]) as ws:
            assert await close_code(ws) == 4011
        async with gateway_session(fake, [0, 2]) as ws:
            assert dispatched(await frames(ws), "READY")
        assert fake.identifies == 1


async def test_identifies_are_limited_per_bucket_when_enforced() -> None:
    async with FakeDiscord(shards=2, max_concurrency=1, enforce_identify_rate=True) as fake:
        async with gateway_session(fake, [0, 2]) as ws0, gateway_session(fake, [1, 2]) as ws1:
            assert dispatched(await frames(ws0), "READY")
            assert [f["op"] for f in await frames(ws1)] == [9], "same bucket within 5 s: INVALID_SESSION"
            assert fake.identify_refusals == 1
        fake.advance_time(5)
        async with gateway_session(fake, [1, 2]) as ws1:
            assert dispatched(await frames(ws1), "READY")
    async with FakeDiscord(shards=3, max_concurrency=2, enforce_identify_rate=True) as fake:
        async with gateway_session(fake, [0, 3]) as ws0, gateway_session(fake, [1, 3]) as ws1, \
                gateway_session(fake, [2, 3]) as ws2:
            assert dispatched(await frames(ws0), "READY") and dispatched(await frames(ws1), "READY")
            assert [f["op"] for f in await frames(ws2)] == [9], "shard 2 shares bucket 0 with shard 0"


class WhereBot(commands.AutoShardedBot):
    """discord.py's own sharded bot: `/where` answers with the shard that received it."""

    def __init__(self, guild_ids: list[int]) -> None:
        super().__init__(command_prefix="!", intents=discord.Intents(guilds=True), guild_ready_timeout=0.1)
        self.guild_ids = guild_ids

    async def setup_hook(self) -> None:
        @app_commands.command(name="where", description="Which shard answers")
        async def where(interaction: discord.Interaction) -> None:
            assert interaction.guild is not None
            await interaction.response.send_message(f"shard {interaction.guild.shard_id} of {self.shard_count}")

        for guild_id in self.guild_ids:
            self.tree.add_command(where, guild=discord.Object(guild_id))
            await self.tree.sync(guild=discord.Object(guild_id))

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return  # max_concurrency 2: both shards may identify at once


async def test_discord_py_auto_sharded_bot_runs_both_shards_against_the_fake() -> None:
    async with FakeDiscord(shards=2, max_concurrency=2, enforce_identify_rate=True) as fake:
        zero, one = fake.add_guild("On shard 0", shard=0), fake.add_guild("On shard 1", shard=1)
        channels = {0: fake.add_channel(zero, "general"), 1: fake.add_channel(one, "general")}
        members = {0: fake.add_member(zero, "alice"), 1: fake.add_member(one, "bob")}
        bot = WhereBot([zero.id, one.id])
        with pointed_at(fake):
            task = asyncio.create_task(bot.start(fake.token))
            try:
                async with asyncio.timeout(10):
                    while not bot.is_ready():
                        assert not task.done(), task
                        await asyncio.sleep(0.01)
                assert bot.shard_count == 2, "the count came from GET /gateway/bot"
                assert sorted(bot.shards) == fake.connected_shards == [0, 1]
                assert {g.id: g.shard_id for g in bot.guilds} == {zero.id: 0, one.id: 1}
                assert [s.shard for s in fake.sessions] == [[0, 2], [1, 2]] and fake.identify_refusals == 0
                for shard in (0, 1):
                    ix = await fake.slash_command(user=members[shard], channel=channels[shard], name="where")
                    assert (await ix.wait_original()).content == f"shard {shard} of 2"

                resumes = fake.resumes
                await fake.drop_gateway(shard=1)
                await fake.world.wait_for(lambda: True if fake.resumes > resumes else None, 5, "shard 1's resume")
                assert fake.resumes == resumes + 1 and fake.connected_shards == [0, 1]
                ix = await fake.slash_command(user=members[1], channel=channels[1], name="where")
                assert (await ix.wait_original()).content == "shard 1 of 2"
            finally:
                await bot.close()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        assert fake.unknown_routes == [] and fake.internal_errors == []
        assert ("GET", "/gateway/bot") in {(r.method, r.path) for r in fake.requests}
