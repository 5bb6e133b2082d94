"""The bot joins a server: one welcome with three setup steps, where moderators will see it."""

import asyncio
import time

import pytest

from fakes.discord import permissions as perm

WITH_AUDIT_LOG = perm.DEFAULT_BOT | perm.VIEW_AUDIT_LOG


@pytest.fixture(autouse=True)
async def ready(stack):
    """Past discord.py's start-up wait for GUILD_CREATEs (`guild_ready_timeout`): a join arriving
    inside it is taken for a guild loading, as with Discord itself."""
    await until_ready(stack, 1)


async def until_ready(stack, times: int) -> None:
    deadline = time.monotonic() + 15
    while stack.bot.logs().count("songjam.app: ready as") < times:
        assert time.monotonic() < deadline, "the bot never got ready"
        await asyncio.sleep(0.05)


def joined_server(stack, *, system_channel_open: bool = True, locale: str = "en-US"):
    """A server the bot is not in yet: a system channel, and an admin who will add the bot."""
    discord = stack.discord
    guild = discord.add_guild("New Server", with_bot=False, locale=locale)
    general = discord.add_channel(guild, "general", bot_can_send=system_channel_open)
    discord.set_system_channel(guild, general)
    admin = discord.add_member(guild, "admin", permissions=perm.MANAGE_GUILD)
    return guild, general, admin


def is_welcome(message) -> bool:
    return "1. Song channels" in message.content and "3. Mod log" in message.content


async def test_the_welcome_is_posted_once_in_the_system_channel(stack):
    guild, general, admin = joined_server(stack)
    stack.discord.join_guild(guild, added_by=admin)
    welcome = await stack.discord.wait_for_message(general, is_welcome, timeout=10)
    assert welcome.author.id == stack.discord.bot.id and welcome.content.startswith("👋 Thanks for adding songjam here")
    assert "`/songadmin channels add channel:`" in welcome.content and "`/help`" in welcome.content
    assert welcome.allowed_mentions is not None and welcome.allowed_mentions.get("parse") == []
    assert not welcome.mentions and not welcome.mention_everyone

    await stack.discord.drop_gateway()  # a resume
    deadline = time.monotonic() + 10
    while stack.discord.resumes < 1:
        assert time.monotonic() < deadline, "the bot never resumed"
        await asyncio.sleep(0.05)
    await stack.restart_bot()  # a new session: READY brings the server back, as a known one
    await until_ready(stack, 2)
    await asyncio.sleep(0.5)
    assert [m.id for m in stack.discord.messages(general) if is_welcome(m)] == [welcome.id]
    assert not stack.discord.dm_messages(admin) and not stack.discord.dm_messages(stack.discord.owner)


async def test_a_closed_system_channel_sends_the_welcome_to_whoever_added_the_bot(stack):
    guild, general, admin = joined_server(stack, system_channel_open=False)
    stack.discord.join_guild(guild, added_by=admin, bot_permissions=WITH_AUDIT_LOG)
    welcome = await stack.discord.wait_for_dm(admin, is_welcome, timeout=10)
    assert "Thanks for adding songjam to **New Server**" in welcome.content
    assert welcome.allowed_mentions is not None and welcome.allowed_mentions.get("parse") == []
    await asyncio.sleep(0.5)
    assert not stack.discord.messages(general) and not stack.discord.dm_messages(stack.discord.owner)
    assert [r.status for r in stack.discord.requests if r.path == f"/guilds/{guild.id}/audit-logs"] == [200]


async def test_without_the_audit_log_the_welcome_goes_to_the_owner(stack):
    guild, general, admin = joined_server(stack, system_channel_open=False)
    stack.discord.join_guild(guild, added_by=admin)  # a typical invite: no View Audit Log
    welcome = await stack.discord.wait_for_dm(stack.discord.owner, is_welcome, timeout=10)
    assert "to **New Server**" in welcome.content
    await asyncio.sleep(0.5)
    assert not stack.discord.dm_messages(admin) and not stack.discord.messages(general)
    assert not [r for r in stack.discord.requests if "audit-logs" in r.path], "known from the cached permissions"


async def test_a_refused_audit_log_falls_back_to_the_owner(stack):
    guild, _general, admin = joined_server(stack, system_channel_open=False)
    stack.discord.fail_next("GET", rf"/guilds/{guild.id}/audit-logs", 403)  # e.g. the permission was just taken
    stack.discord.join_guild(guild, added_by=admin, bot_permissions=WITH_AUDIT_LOG)
    await stack.discord.wait_for_dm(stack.discord.owner, is_welcome, timeout=10)
    assert not stack.discord.dm_messages(admin)


async def test_a_japanese_server_is_welcomed_in_japanese(stack):
    guild, general, admin = joined_server(stack, locale="ja")
    stack.discord.join_guild(guild, added_by=admin)
    welcome = await stack.discord.wait_for_message(general, lambda m: "1. 曲のチャンネル" in m.content, timeout=10)
    lines = welcome.content.splitlines()
    assert lines[0].startswith("👋 songjam を追加していただきありがとうございます！") and len(lines) == 6
    assert "`/曲管理 チャンネル 追加 チャンネル:`" in lines[2], "commands named as the Japanese client shows them"
    assert lines[5].endswith("`/ヘルプ` でほかのことを説明しています。")
    assert welcome.allowed_mentions is not None and welcome.allowed_mentions.get("parse") == []
