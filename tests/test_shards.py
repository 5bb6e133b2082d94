"""The real bot, sharded, against the fake Discord: its own shards' servers only, and posts anywhere."""

from __future__ import annotations

import dataclasses
import logging
import re
import time

import discord
from discord.http import HTTPClient

from bot.app import ShardedSongjamBot, SongjamBot
from bot.core.pacer import Priority
from bot.jams.ui.language import server_locale
from bot.songs.jobs import Delivery, NewJob
from bot.songs.quota import QuotaLimits
from bot.songs.sqlite_store import SqliteStorage
from tests.support.jams import open_world, start_jam
from tests.support.live_bot import live_world

MIB = 1024 * 1024


def requested(fake, method: str, path: str) -> int:
    return sum(1 for r in fake.requests if (r.method, r.path) == (method, path))


async def test_by_default_the_bot_is_not_sharded_and_behaves_as_before(tmp_path):
    async with live_world(tmp_path) as world, world.running() as bot:
        assert type(bot) is SongjamBot and not isinstance(bot, discord.AutoShardedClient)
        assert [s.shard for s in world.fake.sessions] == [None], "IDENTIFY carries no shard"
        assert requested(world.fake, "GET", "/gateway/bot") == 0
        assert bot.serving(world.guild.id).endswith("(one gateway connection, no shards)")


async def test_a_process_running_shard_1_of_2_gets_only_its_servers_and_still_posts_anywhere(tmp_path, caplog):
    caplog.set_level(logging.INFO, "songjam.app")
    async with live_world(tmp_path, shards=2, max_concurrency=2, enforce_identify_rate=True) as world:
        fake = world.fake
        boosted = fake.add_guild("Boosted, shard 0", shard=0, premium_tier=2)
        elsewhere = fake.add_channel(boosted, "songs")
        alice = fake.add_member(boosted, "alice")
        ours = fake.add_guild("Ours, shard 1", shard=1)
        ours_channel = fake.add_channel(ours, "songs")
        world.settings_overrides = {"shard_count": 2, "shard_ids": (1,), "process_name": "worker-1",
                                    "dev_guild_id": None}
        started = time.monotonic()
        async with world.running() as bot:
            assert isinstance(bot, ShardedSongjamBot) and bot.shard_count == 2
            assert time.monotonic() - started < 4, "one shard: no identify wait"
            assert [s.shard for s in fake.sessions] == [[1, 2]] and fake.identify_refusals == 0
            assert ours.id in {g.id for g in bot.guilds} and boosted.id not in {g.id for g in bot.guilds}
            assert all(fake.shard_of(g.id) == 1 for g in bot.guilds)
            assert re.search(r"ready as songjam in (\d+) guild\(s\); process worker-1 runs shard\(s\) 1 of 2 "
                             r"\(shard 1: \1 guild\(s\)\)", caplog.text), caplog.text

            # A channel of another process's shard: not cached, fetched over REST, its server a stand-in.
            channel = await bot.publisher.channel(elsewhere.id)
            assert requested(fake, "GET", f"/channels/{elsewhere.id}") == 1
            assert channel.guild.unavailable
            assert await bot.publisher.upload_limit(channel, Priority.SONG) == 50 * MIB
            assert requested(fake, "GET", f"/guilds/{boosted.id}") == 1
            fake.fail_next("GET", rf"/guilds/{boosted.id}", 403)
            assert await bot.publisher.upload_limit(channel, Priority.SONG) == 10 * MIB, "unknown: the safe 10 MiB"

            # An 11 MiB song for that boosted server goes up as a file, not a link.
            song = tmp_path / "song.mp3"
            song.write_bytes(b"ID3" + b"\0" * (11 * MIB))
            job = await _job(tmp_path, guild_id=boosted.id, channel_id=elsewhere.id, user_id=alice.id)
            job = dataclasses.replace(job, result_path=str(song), result_url="https://cdn.example/song.mp3",
                                      completed_at=time.time())
            delivery, message_id = await bot.engine.publisher.deliver(job)
            assert delivery is Delivery.REPLY
            posted = fake.message(message_id)
            assert posted.channel_id == elsewhere.id and posted.attachments[0].size == song.stat().st_size

            # A jam of that server closing here: its winner role is found over REST too.
            winners = fake.add_role(boosted, "Jam winner")
            storage, jams = await open_world(tmp_path / "jams.db")
            try:
                jam = await start_jam(jams, guild_id=boosted.id, channel_id=elsewhere.id, winner_role_id=winners.id)
            finally:
                await storage.close()
            notes = await bot.get_cog("Jams")._award_role(jam, [alice.id], "en")
            assert "now has the" in notes[0] and winners.id in alice.roles
            # ... and its results speak that server's own language, which Discord has too.
            boosted.preferred_locale = "ja"
            assert await server_locale(bot, boosted.id) == "ja" and await server_locale(bot, ours.id) == "en"
            assert requested(fake, "GET", f"/guilds/{ours.id}") == 0, "a server of this shard: its cached locale"

            assert bot.serving(ours.id) == "Served by process `worker-1`, shard 1 of 2 (this server's shard)"
            assert bot.serving(ours.id, "pt-BR") == (
                "Atendido pelo processo `worker-1`, shard 1 de 2 (o shard deste servidor)")
            assert bot.serving(boosted.id) == "Served by process `worker-1` (shard 1 of 2); this server is on shard 0"
            assert bot.serving(boosted.id, "es-419") == (
                "Atendido por el proceso `worker-1` (shard 1 de 2); este servidor está en el shard 0")
            assert bot.serving(None, "ja") == "プロセス `worker-1` が担当しています（全 2 シャード中のシャード 1）"
            show = await fake.slash_command(user=fake.owner, channel=ours_channel, name="songadmin settings show")
            answer = await show.wait_response()
            assert answer.ephemeral
            assert "Served by process `worker-1`, shard 1 of 2 (this server's shard)" in answer.data["content"]


async def test_shard_count_auto_takes_discords_count_but_keeps_the_configured_gateway(tmp_path, monkeypatch):
    original = HTTPClient.get_bot_gateway

    async def behind_a_proxy(self):
        shards, _url, limits = await original(self)
        return shards, "wss://gateway.invalid/", limits  # what Discord says, unreachable from here

    monkeypatch.setattr(HTTPClient, "get_bot_gateway", behind_a_proxy)
    async with live_world(tmp_path, shards=2, max_concurrency=2, enforce_identify_rate=True) as world:
        world.fake.add_guild("Shard 0", shard=0)
        world.fake.add_guild("Shard 1", shard=1)
        world.settings_overrides = {"shard_count": "auto"}
        started = time.monotonic()
        async with world.running() as bot:
            await world.fake.wait_until_connected(shards=[0, 1])
            assert time.monotonic() - started < 4, "max_concurrency 2: both shards identify at once"
            assert bot.shard_count == 2 and world.fake.identify_refusals == 0
            assert {g.id for g in bot.guilds} == set(world.fake.world.guilds)
            assert requested(world.fake, "GET", "/gateway/bot") == 1


async def test_shards_sharing_an_identify_bucket_identify_five_seconds_apart(tmp_path):
    async with live_world(tmp_path, shards=2, max_concurrency=1, enforce_identify_rate=True) as world:
        world.settings_overrides = {"shard_count": 2}
        started = time.monotonic()
        async with world.running():
            await world.fake.wait_until_connected(shards=[0, 1], timeout=10)
            assert time.monotonic() - started >= 5
            assert world.fake.identify_refusals == 0 and len(world.fake.sessions) == 2


async def _job(tmp_path, *, guild_id: int, channel_id: int, user_id: int):
    """A job as another process may have recorded it (its own database, so this bot's engine leaves it be)."""
    store = await SqliteStorage.open(tmp_path / "elsewhere.db")
    try:
        return await store.create_job(
            NewJob(guild_id=guild_id, channel_id=channel_id, user_id=user_id, model="minimax-music",
                   prompt_text="##la##", style=None, reference_url="https://cdn.example/ref.mp3",
                   reference_name="ref.mp3"),
            QuotaLimits(member_daily=5), now=time.time(), timeout_s=60,
        )
    finally:
        await store.close()
