"""The real SongjamBot against the fake Discord and the fake music API, as members would meet it.

`LiveWorld.running()` starts a bot on the world's database and stops it again, so a test can
restart the bot in the middle of something. Jam time is the real clock plus `clock.offset`: a
test moves it forward to reach a deadline without waiting for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import discord
from discord.gateway import DiscordWebSocket

from bot.app import SongjamBot, make_bot, point_discord_at
from bot.config import Secret, Settings
from bot.core.database import open_database
from bot.songs.music_api import MusicApiClient
from fakes.audio import make_mp3
from fakes.discord import (
    FakeChannel,
    FakeDiscord,
    FakeGuild,
    FakeInteraction,
    FakeMember,
    StoredAttachment,
    StoredMessage,
)
from fakes.discord.permissions import DEFAULT_BOT
from fakes.music_api import FakeMusicApi
from tests.support.databases import database_url, on_postgres


@dataclass
class ShiftedClock:
    offset: float = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@dataclass
class LiveWorld:
    fake: FakeDiscord
    api: FakeMusicApi
    tmp: Path
    guild: FakeGuild
    general: FakeChannel
    clock: ShiftedClock = field(default_factory=ShiftedClock)
    daily_quota: int = 5
    bot: SongjamBot | None = None
    settings_overrides: dict[str, Any] = field(default_factory=dict)  # e.g. shard_count, shard_ids

    def settings(self) -> Settings:
        return dataclasses.replace(Settings(
            discord_token=Secret(self.fake.token), music_api_key=Secret(self.api.api_key),
            music_api_base_url=self.api.base_url, database_path=self.tmp / "songjam.db",
            database_url=Secret(database_url(self.tmp / "songjam.db")) if on_postgres() else None,
            results_dir=self.tmp / "results", poll_interval_s=0.05, generation_estimate_s=0.3,
            default_daily_quota=self.daily_quota, cooldown_s=0.0,
            dev_guild_id=self.guild.id, discord_api_base=self.fake.api_base, discord_gateway_url=self.fake.gateway_url,
        ), **self.settings_overrides)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[SongjamBot]:
        settings = self.settings()
        old = discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
        point_discord_at(settings)
        database = await open_database(settings.database.reveal())
        try:
            async with aiohttp.ClientSession() as session:
                music_api = MusicApiClient(session, settings.music_api_base_url, settings.music_api_key.reveal())
                bot = make_bot(settings, session=session, database=database, music_api=music_api,
                               sync_commands=True, guild_ready_timeout=0.1)
                bot.jams.clock = self.clock
                task = asyncio.create_task(bot.start(self.fake.token))
                try:
                    async with asyncio.timeout(10):
                        while not bot.is_ready():
                            if task.done():
                                task.result()
                            await asyncio.sleep(0.01)
                    self.bot = bot
                    yield bot
                finally:
                    self.bot = None
                    await bot.close()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
        finally:
            await database.close()
            discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = old
        assert self.fake.unknown_routes == [] and self.fake.internal_errors == []

    # --- acting as members ----------------------------------------------------------------------

    async def command(self, user: FakeMember, name: str, *, channel: FakeChannel | None = None,
                      **options: Any) -> FakeInteraction:
        return await self.fake.slash_command(user=user, channel=channel or self.general, name=name, options=options)

    async def reply_to(self, user: FakeMember, name: str, *, channel: FakeChannel | None = None,
                       **options: Any) -> StoredMessage:
        """Run a command and return what the member finally sees (after any "thinking...")."""
        interaction = await self.command(user, name, channel=channel, **options)
        return await interaction.wait_original(timeout=10)

    def reference(self) -> StoredAttachment:
        """A reference track the model accepts, as a member would attach it."""
        return self.fake.upload_attachment("ref.mp3", twenty_seconds_of_mp3())

    async def make_song(self, user: FakeMember, *, channel: FakeChannel | None = None, lyrics: str = "la la / la",
                        **options: Any) -> tuple[StoredMessage, StoredMessage]:
        """`/song create` with a fine reference: (the private answer, the posted song)."""
        channel = channel or self.general
        answer = await self.reply_to(user, "song create", channel=channel, reference=self.reference(), lyrics=lyrics,
                                     **options)
        return await self.posted_song(user, answer, channel)

    async def make_song_by_form(self, user: FakeMember, *, channel: FakeChannel | None = None,
                                **options: Any) -> tuple[StoredMessage, StoredMessage]:
        """`/song create` with the form (reference file and lyrics): (the private answer, the posted song)."""
        channel = channel or self.general
        form = await (await self.command(user, "song create", channel=channel, **options)).wait_response()
        assert form.type == 9
        await asyncio.sleep(0.05)
        submit = await self.fake.submit_modal(form, values={"lyrics": "by the form\nsecond line"},
                                              files={"reference": self.reference()})
        return await self.posted_song(user, await submit.wait_original(timeout=10), channel)

    async def posted_song(self, user: FakeMember, answer: StoredMessage,
                          channel: FakeChannel) -> tuple[StoredMessage, StoredMessage]:
        """Past the rights prompt of a member's first song, to the queued answer and the posted song."""
        rights = [custom_id for custom_id in answer.custom_ids() if custom_id.startswith("songjam:rights:")]
        if rights:
            await asyncio.sleep(0.05)
            click = await self.fake.click_button(user=user, message=answer, custom_id=rights[0])
            # The click updates the prompt (type 7), then the held song goes on with followups.
            answer = (await click.wait_followups(1, timeout=10))[0]
        assert answer.content.startswith("Queued as job"), answer.content
        job_id = answer.content.split()[3].rstrip(".")
        posted = await self.fake.wait_for_message(
            channel, lambda m: bool(m.attachments) and f"from job {job_id} " in m.content, timeout=15
        )
        return answer, posted

    async def click(self, user: FakeMember, message: StoredMessage, custom_id: str) -> str:
        """Press a button and return the private answer's text."""
        await asyncio.sleep(0.05)  # as a person would: discord.py registers views after the send returns
        interaction = await self.fake.click_button(user=user, message=message, custom_id=custom_id)
        response = await interaction.wait_response()
        if response.type == 7:  # the message was updated; the answer is the followup
            [followup] = await interaction.wait_followups(1)
            return followup.content
        assert response.ephemeral
        return response.data["content"]


@functools.cache
def twenty_seconds_of_mp3() -> bytes:
    return make_mp3(20.0)


@contextlib.asynccontextmanager
async def live_world(tmp: Path, *, bot_permissions: int = DEFAULT_BOT, **fake_options: Any) -> AsyncIterator[LiveWorld]:
    async with FakeDiscord(token="test-token", **fake_options) as fake, FakeMusicApi() as api:
        guild = fake.add_guild("Jam Server", bot_permissions=bot_permissions)
        yield LiveWorld(fake=fake, api=api, tmp=tmp, guild=guild, general=fake.add_channel(guild, "general"))


async def eventually(condition: Callable[[], object], timeout: float = 10.0) -> None:
    """Wait for bot-side state the fake has no change notification for."""
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise TimeoutError("condition not met")
