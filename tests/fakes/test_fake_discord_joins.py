"""The bot joining a server at runtime, the server's system channel and its audit log, as Discord has them."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import discord
import pytest

from fakes.discord import FakeDiscord
from fakes.discord import permissions as perm
from tests.fakes.test_fake_discord import pointed_at, until


class Watcher(discord.Client):
    """A plain discord.py client with the guilds intent that records how it learned of each guild."""

    def __init__(self) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        super().__init__(intents=intents, guild_ready_timeout=0.1)
        self.joined: list[int] = []
        self.available: list[int] = []

    async def on_guild_join(self, guild: discord.Guild) -> None:
        self.joined.append(guild.id)

    async def on_guild_available(self, guild: discord.Guild) -> None:
        self.available.append(guild.id)


@contextlib.asynccontextmanager
async def watching(fake: FakeDiscord) -> AsyncIterator[Watcher]:
    client = Watcher()
    with pointed_at(fake):
        task = asyncio.create_task(client.start(fake.token))
        try:
            await until(client.is_ready, 5)
            await asyncio.sleep(0.2)  # past guild_ready_timeout: later GUILD_CREATEs are events of their own
            yield client
        finally:
            await client.close()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    assert fake.unknown_routes == [] and fake.internal_errors == []


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord(token="test-token") as server:
        server.add_guild("Home")
        yield server


async def test_a_guild_without_the_bot_is_invisible_until_the_bot_joins_it(fake: FakeDiscord) -> None:
    elsewhere = fake.add_guild("Elsewhere", with_bot=False)
    lobby = fake.add_channel(elsewhere, "lobby")
    async with watching(fake) as client:
        assert client.get_guild(elsewhere.id) is None, "READY lists only the bot's guilds"
        fake.add_channel(elsewhere, "more")  # its events do not reach the bot either
        with pytest.raises(discord.NotFound) as unknown_guild:
            await client.fetch_guild(elsewhere.id)
        assert unknown_guild.value.code == 10004
        with pytest.raises(discord.Forbidden) as no_access:
            await client.fetch_channel(lobby.id)
        assert no_access.value.code == 50001

        fake.join_guild(elsewhere)
        await until(lambda: client.joined)
        assert client.joined == [elsewhere.id] and elsewhere.id not in client.available
        joined = client.get_guild(elsewhere.id)
        assert joined is not None and {c.name for c in joined.channels} == {"lobby", "more"}
        assert joined.me is not None and joined.owner_id == fake.owner.id
        assert (await client.fetch_channel(lobby.id)).id == lobby.id


async def test_only_a_new_join_is_a_join_not_a_resume_a_new_session_or_a_guild_coming_back(fake: FakeDiscord) -> None:
    elsewhere = fake.add_guild("Elsewhere", with_bot=False)
    async with watching(fake) as client:
        fake.join_guild(elsewhere)
        await until(lambda: client.joined)
        await fake.drop_gateway()
        await until(lambda: fake.resumes == 1)
        fake.add_guild("Known already")  # announced as available, as after an outage
        await until(lambda: len(client.available) == 1)
        await asyncio.sleep(0.1)
        assert client.joined == [elsewhere.id]
    async with watching(fake) as again:  # a new process, or a new session: READY brings every guild
        assert elsewhere.id in again.available and again.joined == []


async def test_joining_needs_manage_server_and_happens_once(fake: FakeDiscord) -> None:
    elsewhere = fake.add_guild("Elsewhere", with_bot=False)
    member = fake.add_member(elsewhere, "member")
    with pytest.raises(ValueError, match="Manage Server"):
        fake.join_guild(elsewhere, added_by=member)
    fake.join_guild(elsewhere)
    with pytest.raises(ValueError, match="already"):
        fake.join_guild(elsewhere)


async def test_the_audit_log_names_who_added_the_bot(fake: FakeDiscord) -> None:
    elsewhere = fake.add_guild("Elsewhere", with_bot=False)
    admin = fake.add_member(elsewhere, "admin", permissions=perm.MANAGE_GUILD)
    fake.join_guild(elsewhere, added_by=admin, bot_permissions=perm.DEFAULT_BOT | perm.VIEW_AUDIT_LOG)
    async with watching(fake) as client:
        guild = client.get_guild(elsewhere.id)
        assert guild is not None and guild.me.guild_permissions.view_audit_log
        entries = [entry async for entry in guild.audit_logs(limit=5, action=discord.AuditLogAction.bot_add)]
        assert [(e.action, e.user_id, e.target.id if e.target else None) for e in entries] == [
            (discord.AuditLogAction.bot_add, admin.id, fake.bot.id)]
        assert entries[0].user is not None and entries[0].user.name == "admin", "the users list carries the actor"
        assert [e async for e in guild.audit_logs(limit=5, action=discord.AuditLogAction.ban)] == []
        assert [e async for e in guild.audit_logs(limit=5, user=fake.owner)] == []  # type: ignore[arg-type]
        assert fake.requests[-1].path == f"/guilds/{elsewhere.id}/audit-logs"


async def test_the_audit_log_is_refused_without_view_audit_log(fake: FakeDiscord) -> None:
    elsewhere = fake.add_guild("Elsewhere", with_bot=False)
    fake.join_guild(elsewhere)  # a typical invite: no View Audit Log
    async with watching(fake) as client:
        guild = client.get_guild(elsewhere.id)
        assert guild is not None and not guild.me.guild_permissions.view_audit_log
        with pytest.raises(discord.Forbidden) as refused:
            await anext(guild.audit_logs(limit=1))
        assert refused.value.code == 50013


async def test_the_system_channel_is_in_the_guild_and_its_changes_reach_the_bot(fake: FakeDiscord) -> None:
    guild = fake.add_guild("Elsewhere")
    general = fake.add_channel(guild, "general")
    fake.set_system_channel(guild, general)
    async with watching(fake) as client:
        seen = client.get_guild(guild.id)
        assert seen is not None and seen.system_channel is not None and seen.system_channel.id == general.id
        fake.set_system_channel(guild, None)
        await until(lambda: seen.system_channel is None)
        fake.set_system_channel(guild, general)
        await until(lambda: seen.system_channel is not None and seen.system_channel.id == general.id)
