"""The fake's message history and lost answers, as Discord behaves (raw REST, no bot needed)."""

from __future__ import annotations

import json
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


async def test_an_embed_image_naming_an_attachment_shows_that_file_and_a_card_can_be_deleted(fake, http):
    guild = fake.add_guild("g")
    channel = fake.add_channel(guild, "songs")
    form = aiohttp.FormData()
    payload = {"content": "ready", "embeds": [{"title": "Song", "image": {"url": "attachment://pic.png"}}],
               "attachments": [{"id": 0, "filename": "pic.png"}]}
    form.add_field("payload_json", json.dumps(payload), content_type="application/json")
    form.add_field("files[0]", b"\x89PNG fake", filename="pic.png", content_type="image/png")
    async with http.post(f"{fake.api_base}/channels/{channel.id}/messages", data=form) as r:
        assert r.status == 200
        created = await r.json()
    attachment = created["attachments"][0]
    assert created["embeds"][0]["image"]["url"] == attachment["url"], "Discord puts the attachment's URL there"
    assert fake.message(int(created["id"])).embeds[0]["image"]["url"] == attachment["url"]

    async with http.delete(f"{fake.api_base}/channels/{channel.id}/messages/{created['id']}") as r:
        assert r.status == 204
    assert fake.messages(channel) == [] and fake.message(int(created["id"])).deleted
    async with http.delete(f"{fake.api_base}/channels/{channel.id}/messages/{created['id']}") as r:
        assert r.status == 404 and (await r.json())["code"] == 10008, "a deleted message is unknown"


async def test_a_client_gone_in_the_middle_of_an_upload_makes_nothing_and_is_no_fake_bug(fake):
    """A bot killed while sending a song: the request's body never arrives whole, so nothing is posted."""
    import asyncio

    import yarl

    guild = fake.add_guild("g")
    channel = fake.add_channel(guild, "songs")
    url = yarl.URL(fake.api_base)
    _reader, writer = await asyncio.open_connection(url.host, url.port)
    boundary = "x" * 16
    head = (f"POST {url.path}/channels/{channel.id}/messages HTTP/1.1\r\nHost: {url.host}\r\n"
            f"Authorization: Bot {TOKEN}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: 1000000\r\n\r\n--{boundary}\r\n")
    writer.write(head.encode() + b"Content-Disposition: form-data; name=\"files[0]\"; filename=\"a.mp3\"\r\n\r\n"
                 + b"\xff" * 1000)
    await writer.drain()
    await asyncio.sleep(0.2)
    writer.transport.abort()
    await asyncio.sleep(0.3)
    assert fake.internal_errors == []
    assert fake.messages(channel) == []
