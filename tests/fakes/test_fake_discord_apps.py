"""The fake Discord's message context menus and attachment link refresh, against a real discord.py bot."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from fakes.discord import FakeDiscord
from fakes.discord.models import FakeGuild
from tests.fakes.test_fake_discord import pointed_at


class MenuBot(commands.Bot):
    """A message context menu with spaces and capitals in its name, synced to one guild."""

    def __init__(self, guild_id: int) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        super().__init__(command_prefix="!", intents=intents, guild_ready_timeout=0.1)
        self.guild_id = guild_id

    async def setup_hook(self) -> None:
        async def files(interaction: discord.Interaction, message: discord.Message) -> None:
            names = ", ".join(f"{a.filename} ({a.size} B)" for a in message.attachments) or "no files"
            await interaction.response.send_message(f"{message.author.name}: {names}", ephemeral=True)

        menu = app_commands.ContextMenu(name="Show Files Here", callback=files)
        self.tree.add_command(menu, guild=discord.Object(self.guild_id))
        await self.tree.sync(guild=discord.Object(self.guild_id))


@contextlib.asynccontextmanager
async def running(fake: FakeDiscord, guild: FakeGuild) -> AsyncIterator[MenuBot]:
    bot = MenuBot(guild.id)
    with pointed_at(fake):
        task = asyncio.create_task(bot.start(fake.token))
        try:
            async with asyncio.timeout(5):
                while not bot.is_ready():
                    if task.done():
                        task.result()
                    await asyncio.sleep(0.01)
            yield bot
        finally:
            await bot.close()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    assert fake.unknown_routes == [] and fake.internal_errors == []


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord(token="test-token") as server:
        yield server


async def test_a_message_context_menu_carries_the_message(fake: FakeDiscord) -> None:
    guild = fake.add_guild("Jam Server")
    channel = fake.add_channel(guild, "general")
    alice, bob = fake.add_member(guild, "alice"), fake.add_member(guild, "bob")
    async with running(fake, guild):
        [menu] = fake.commands(guild)
        assert menu["type"] == 3 and menu["name"] == "Show Files Here" and menu["description"] == ""
        posted = await fake.post_user_message(user=alice, channel=channel, content="my take",
                                              attachments=[fake.upload_attachment("take.mp3", b"ID3abc")])
        ix = await fake.message_command(user=bob, message=posted, name="Show Files Here")
        assert ix.payload["type"] == 2
        data = ix.payload["data"]
        assert data["type"] == 3 and data["target_id"] == str(posted.id)
        assert data["resolved"]["messages"][str(posted.id)]["attachments"][0]["filename"] == "take.mp3"
        answer = await ix.wait_response()
        assert answer.ephemeral and answer.data["content"] == "alice: take.mp3 (6 B)"
        with pytest.raises(ValueError, match="no message command"):
            await fake.message_command(user=bob, message=posted, name="Not Synced")


async def test_context_menu_names_may_have_spaces_and_capitals_but_slash_names_may_not(fake: FakeDiscord) -> None:
    guild = fake.add_guild("Jam Server")
    async with aiohttp.ClientSession(headers={"Authorization": f"Bot {fake.token}"}) as http:
        url = f"{fake.api_base}/applications/{fake.application_id}/guilds/{guild.id}/commands"
        async with http.put(url, json=[{"name": "Make a song from this", "type": 3}]) as ok:
            assert ok.status == 200
        async with http.put(url, json=[{"name": "Make a song", "type": 1, "description": "x"}]) as bad:
            assert bad.status == 400
        async with http.put(url, json=[{"name": "x" * 33, "type": 3}]) as long:
            assert long.status == 400


async def test_refresh_urls_signs_known_attachments_again_and_leaves_out_others(fake: FakeDiscord) -> None:
    guild = fake.add_guild("Jam Server")
    async with running(fake, guild) as bot:
        attachment = fake.upload_attachment("ref.mp3", b"ID3 the bytes", expires_in=60)
        fake.advance_time(120)
        async with aiohttp.ClientSession() as http:
            async with http.get(attachment.url) as expired:
                assert expired.status == 404
            unknown = attachment.url.replace(f"/{attachment.id}/", "/123/")
            renamed = attachment.url.replace("ref.mp3", "other.mp3")
            answer = await bot.http.request(
                discord.http.Route("POST", "/attachments/refresh-urls"),
                json={"attachment_urls": [attachment.url, unknown, renamed]},
            )
            [entry] = answer["refreshed_urls"]
            assert entry["original"] == attachment.url and entry["refreshed"] != attachment.url
            async with http.get(entry["refreshed"]) as fresh:
                assert fresh.status == 200 and await fresh.read() == b"ID3 the bytes"
