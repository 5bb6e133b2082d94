"""The fake's message history and lost answers, as Discord behaves (raw REST, no bot needed)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from fakes.discord import FakeDiscord

TOKEN = "test-token"


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord(token=TOKEN) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(headers={"Authorization": f"Bot {TOKEN}"}) as session:
        yield session


async def post(http, fake, channel, content, **extra):
    async with http.post(f"{fake.api_base}/channels/{channel.id}/messages", json={"content": content, **extra}) as r:
        return r.status, await r.json()


async def history(http, fake, channel, **query):
    params = {key: str(value) for key, value in query.items()}
    async with http.get(f"{fake.api_base}/channels/{channel.id}/messages", params=params) as r:
        assert r.status == 200
        return await r.json()


async def test_history_pages_newest_first_and_never_returns_the_nonce(fake, http):
    guild = fake.add_guild("g")
    channel = fake.add_channel(guild, "songs")
    status, created = await post(http, fake, channel, "one", nonce="sjd1", enforce_nonce=True)
    assert status == 200 and created["nonce"] == "sjd1", "the create answer echoes the nonce"
    ids = [int(created["id"])]
    for text in ("two", "three", "four"):
        ids.append(int((await post(http, fake, channel, text))[1]["id"]))

    newest = await history(http, fake, channel, limit=2)
    assert [m["content"] for m in newest] == ["four", "three"]
    everything = await history(http, fake, channel)
    assert [int(m["id"]) for m in everything] == ids[::-1]
    assert all("nonce" not in m for m in everything), "Discord does not store nonces"
    first = everything[-1]
    assert first["author"]["id"] == str(fake.bot.id) and first["channel_id"] == str(channel.id)
    assert {"timestamp", "attachments", "embeds", "mentions", "type", "flags"} <= set(first)

    after = await history(http, fake, channel, after=ids[0], limit=2)
    assert [m["content"] for m in after] == ["three", "two"], "the oldest after it, newest first"
    before = await history(http, fake, channel, before=ids[3], limit=2)
    assert [m["content"] for m in before] == ["three", "two"]
    async with http.get(f"{fake.api_base}/channels/{channel.id}/messages/{ids[0]}") as r:
        assert "nonce" not in await r.json()


async def test_history_is_empty_without_read_message_history(fake, http):
    guild = fake.add_guild("g")
    channel = fake.add_channel(guild, "songs")
    await post(http, fake, channel, "hello")
    fake.set_overwrite(channel, fake.bot, deny=1 << 16)  # READ_MESSAGE_HISTORY
    assert await history(http, fake, channel) == []


async def test_a_handled_fault_creates_the_message_and_loses_the_answer(fake, http):
    guild = fake.add_guild("g")
    channel = fake.add_channel(guild, "songs")
    fault = fake.fail_next("POST", rf"/channels/{channel.id}/messages", 503, handled=True)
    status, _ = await post(http, fake, channel, "song", nonce="sjd7", enforce_nonce=True)
    assert status == 503 and fault.hits == 1
    assert [m.content for m in fake.messages(channel)] == ["song"], "Discord created it all the same"

    status, again = await post(http, fake, channel, "song", nonce="sjd7", enforce_nonce=True)
    assert status == 200 and again["id"] == str(fake.messages(channel)[0].id), "the nonce holds a few minutes"
    fake.advance_time(5 * 60 + 1)
    status, later = await post(http, fake, channel, "song", nonce="sjd7", enforce_nonce=True)
    assert status == 200 and later["id"] != again["id"], "after the window the same nonce posts again"
