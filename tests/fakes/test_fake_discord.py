"""The fake Discord against a real discord.py 2.7.1 bot running in-process."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import zlib
from collections.abc import AsyncIterator, Callable, Iterator

import aiohttp
import discord
import pytest
import yarl
from discord import app_commands, ui
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from fakes.discord import FakeDiscord, StoredMessage
from fakes.discord.models import FakeChannel, FakeGuild

MIB = 1024 * 1024


# ---------------------------------------------------------------------- the bot under test


class SongModal(ui.Modal, title="New song"):
    """Lyrics (paragraph) and a reference file in one form."""

    lyrics: ui.Label[SongModal] = ui.Label(
        text="Lyrics", component=ui.TextInput(custom_id="lyrics", style=discord.TextStyle.paragraph)
    )
    reference: ui.Label[SongModal] = ui.Label(
        text="Reference", component=ui.FileUpload(custom_id="reference", max_values=1)
    )

    def __init__(self, sink: list[object]) -> None:
        super().__init__(custom_id="song-modal")
        self.sink = sink

    async def on_submit(self, interaction: discord.Interaction) -> None:
        text_input = self.lyrics.component
        upload = self.reference.component
        assert isinstance(text_input, ui.TextInput)
        assert isinstance(upload, ui.FileUpload)
        attachment = upload.values[0]
        data = await attachment.read()
        self.sink.append((text_input.value, attachment.filename, data))
        await interaction.response.send_message(
            f"{len(text_input.value.splitlines())} lines, {attachment.filename}", ephemeral=True
        )


class VoteView(ui.View):
    """A persistent view: fixed custom id, no timeout."""

    def __init__(self, sink: list[object]) -> None:
        super().__init__(timeout=None)
        self.sink = sink

    @ui.button(label="Vote", custom_id="jam:vote:1", style=discord.ButtonStyle.primary)
    async def vote(self, interaction: discord.Interaction, button: ui.Button[VoteView]) -> None:
        self.sink.append(("vote", interaction.user.id))
        await interaction.response.send_message("counted", ephemeral=True)


class Pager(ui.View):
    """Component responses: update the message (7), deferred update (6), a select menu."""

    def __init__(self) -> None:
        super().__init__(timeout=60)

    @ui.button(label="Next", custom_id="pager:next")
    async def next_page(self, interaction: discord.Interaction, button: ui.Button[Pager]) -> None:
        button.disabled = True
        await interaction.response.edit_message(content="page 2", view=self)

    @ui.button(label="Refresh", custom_id="pager:refresh")
    async def refresh(self, interaction: discord.Interaction, button: ui.Button[Pager]) -> None:
        await interaction.response.defer()
        await interaction.edit_original_response(content="refreshed")

    @ui.select(custom_id="pager:style", options=[discord.SelectOption(label=s) for s in ("rock", "jazz")])
    async def style(self, interaction: discord.Interaction, select: ui.Select[Pager]) -> None:
        await interaction.response.send_message(f"style={select.values[0]}", ephemeral=True)


class JamBot(commands.Bot):
    """A minimal bot: a /jam group synced to one guild, and a persistent view."""

    def __init__(self, guild_id: int) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        super().__init__(command_prefix="!", intents=intents, guild_ready_timeout=0.1)
        self.guild_id = guild_id
        self.seen: list[object] = []

    async def setup_hook(self) -> None:
        group = app_commands.Group(name="jam", description="Jam commands")
        admin = app_commands.Group(
            name="jamadmin", description="Admin", default_permissions=discord.Permissions(manage_guild=True)
        )
        quota = app_commands.Group(name="quota", description="Quota", parent=admin)
        seen = self.seen

        @group.command(name="song", description="Make a song")
        async def song(interaction: discord.Interaction, lyrics: str, reference: discord.Attachment) -> None:
            await interaction.response.send_message(f"queued {reference.filename} ({reference.size} B)")
            seen.append(("song", lyrics, await reference.read()))

        @group.command(name="slow", description="Defer then follow up")
        async def slow(interaction: discord.Interaction) -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            await asyncio.sleep(0.05)
            await interaction.followup.send("done")
            await interaction.followup.send("extra")

        @group.command(name="late", description="Answers after the 3 second window")
        async def late(interaction: discord.Interaction) -> None:
            await asyncio.sleep(0.1)
            try:
                await interaction.response.send_message("too late")
            except discord.NotFound as exc:
                seen.append(("late", exc.code))

        @group.command(name="pages", description="A message with components")
        async def pages(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("page 1", view=Pager())

        @group.command(name="form", description="Open the song form")
        async def form(interaction: discord.Interaction) -> None:
            await interaction.response.send_modal(SongModal(seen))

        @quota.command(name="set", description="Set a quota")
        async def quota_set(interaction: discord.Interaction, member: discord.Member, count: int) -> None:
            await interaction.response.send_message(f"{member.display_name}={count}", ephemeral=True)

        @group.command(name="pick", description="Autocomplete")
        async def pick(interaction: discord.Interaction, style: str) -> None:
            await interaction.response.send_message(style)

        @pick.autocomplete("style")
        async def pick_style(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            styles = ["rock", "reggae", "rap", "jazz"]
            return [app_commands.Choice(name=s, value=s) for s in styles if s.startswith(current)]

        guild = discord.Object(self.guild_id)
        self.tree.add_command(group, guild=guild)
        self.tree.add_command(admin, guild=guild)
        self.add_view(VoteView(seen))
        await self.tree.sync(guild=guild)


@contextlib.contextmanager
def pointed_at(fake: FakeDiscord) -> Iterator[None]:
    old_base, old_gateway = discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = fake.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = old_base, old_gateway


@contextlib.asynccontextmanager
async def running(fake: FakeDiscord, guild: FakeGuild, token: str | None = None) -> AsyncIterator[JamBot]:
    bot = JamBot(guild.id)
    with pointed_at(fake):
        task = asyncio.create_task(bot.start(token or fake.token))
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


async def until(condition: Callable[[], object], limit: float = 3.0) -> None:
    """Poll bot-side state (the fake's own waits use its change notifications)."""
    for _ in range(int(limit / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise TimeoutError("condition not met")


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord(token="test-token") as server:
        yield server


@pytest.fixture
def world(fake: FakeDiscord) -> tuple[FakeGuild, FakeChannel]:
    guild = fake.add_guild("Jam Server", premium_tier=0)
    channel = fake.add_channel(guild, "general")
    return guild, channel


# ---------------------------------------------------------------------- interactions


async def test_slash_command_with_attachment(fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]) -> None:
    guild, channel = world
    alice = fake.add_member(guild, "alice")
    async with running(fake, guild) as bot:
        synced = fake.commands(guild)
        assert [c["name"] for c in synced] == ["jam", "jamadmin"]
        att = fake.upload_attachment("ref.mp3", b"ID3" + b"\0" * 500, content_type="audio/mpeg")
        ix = await fake.slash_command(
            user=alice, channel=channel, name="jam song", options={"lyrics": "la la / la", "reference": att}
        )
        resp = await ix.wait_response(timeout=5)
        assert resp.type == 4 and not resp.ephemeral and resp.latency < 3
        msg = await ix.wait_original()
        assert msg.content == "queued ref.mp3 (503 B)"
        assert msg.interaction_metadata is not None and msg.interaction_metadata["name"] == "jam"
        await until(lambda: bot.seen)
        assert bot.seen[0] == ("song", "la la / la", b"ID3" + b"\0" * 500)
        with pytest.raises(ValueError, match="line breaks"):
            await fake.slash_command(
                user=alice, channel=channel, name="jam song", options={"lyrics": "a\nb", "reference": att}
            )


async def test_defer_then_followups(fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]) -> None:
    guild, channel = world
    alice = fake.add_member(guild, "alice")
    async with running(fake, guild):
        ix = await fake.slash_command(user=alice, channel=channel, name=["jam", "slow"])
        resp = await ix.wait_response()
        assert resp.type == 5 and resp.ephemeral
        first = await ix.wait_original()
        assert first.content == "done" and first.ephemeral and not first.loading
        followups = await ix.wait_followups(2)
        assert followups[0] is first
        assert followups[1].content == "extra" and not followups[1].ephemeral
        assert [m.content for m in fake.messages(channel, include_ephemeral=False)] == ["extra"]


async def test_modal_with_label_text_input_and_file_upload(
    fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]
) -> None:
    guild, channel = world
    alice = fake.add_member(guild, "alice")
    async with running(fake, guild) as bot:
        ix = await fake.slash_command(user=alice, channel=channel, name="jam form")
        resp = await ix.wait_response()
        assert resp.type == 9 and resp.data["custom_id"] == "song-modal"
        assert [c["type"] for c in resp.data["components"]] == [18, 18]
        att = fake.upload_attachment("take.wav", b"RIFF1234")
        submit = await fake.submit_modal(
            user=alice,
            channel=channel,
            modal=resp.data,
            values={"lyrics": "line1\nline2\nline3"},
            files={"reference": att},
        )
        answer = await submit.wait_response()
        assert answer.ephemeral and answer.message is not None
        assert answer.message.content == "3 lines, take.wav"
        assert bot.seen == [("line1\nline2\nline3", "take.wav", b"RIFF1234")]
        with pytest.raises(ValueError, match="required"):
            await fake.submit_modal(resp, values={"lyrics": "x"})


async def test_autocomplete_and_subcommand_group_permissions(
    fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]
) -> None:
    from fakes.discord import CommandUnavailable

    guild, channel = world
    alice = fake.add_member(guild, "alice")
    mod = fake.add_member(guild, "mod", permissions=discord.Permissions(manage_guild=True).value)
    async with running(fake, guild):
        choices = await fake.autocomplete(
            user=alice, channel=channel, name="jam pick", focused="style", options={"style": "r"}
        )
        assert [c["value"] for c in choices] == ["rock", "reggae", "rap"]
        with pytest.raises(CommandUnavailable):
            await fake.slash_command(
                user=alice, channel=channel, name=["jamadmin", "quota", "set"], options={"member": alice, "count": 3}
            )
        ix = await fake.slash_command(
            user=mod, channel=channel, name=["jamadmin", "quota", "set"], options={"member": alice, "count": 3}
        )
        assert (await ix.wait_original()).content == "alice=3"


async def test_channel_reply_with_file_and_nonce(fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]) -> None:
    guild, channel = world
    alice = fake.add_member(guild, "alice")
    request = await fake.post_user_message(user=alice, channel=channel, content="make it loud")
    async with running(fake, guild) as bot:
        text = bot.get_channel(channel.id)
        assert isinstance(text, discord.TextChannel)
        ref = discord.MessageReference(message_id=request.id, channel_id=channel.id)
        mentions = discord.AllowedMentions.none()
        mentions.users = [discord.Object(alice.id)]
        sent = []
        for _ in range(2):
            sent.append(
                await text.send(
                    f"{alice.mention} here is your song, @everyone",
                    file=discord.File(io.BytesIO(b"song-bytes"), "my song.mp3"),
                    reference=ref,
                    nonce="job-42",
                    allowed_mentions=mentions,
                )
            )
        assert sent[0].id == sent[1].id
        posted = [m for m in fake.messages(channel) if m.author.id == fake.bot.id]
        assert len(posted) == 1
        msg = posted[0]
        assert msg.type == 19 and msg.message_reference is not None
        assert msg.message_reference["message_id"] == str(request.id)
        assert msg.nonce == "job-42" and msg.mentions == [alice.id] and not msg.mention_everyone
        assert msg.attachments[0].filename == "my_song.mp3" and msg.attachments[0].data == b"song-bytes"
        async with aiohttp.ClientSession() as http, http.get(msg.attachments[0].url) as got:
            assert got.status == 200 and await got.read() == b"song-bytes"
        assert await sent[0].attachments[0].read() == b"song-bytes"


async def test_persistent_button_survives_restart(fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]) -> None:
    guild, channel = world
    alice = fake.add_member(guild, "alice")
    async with running(fake, guild) as bot:
        text = bot.get_channel(channel.id)
        assert isinstance(text, discord.TextChannel)
        await text.send("vote here", view=VoteView(bot.seen))
    msg = await fake.wait_for_message(channel, lambda m: "jam:vote:1" in m.custom_ids())
    async with running(fake, guild) as bot:
        ix = await fake.click_button(user=alice, message=msg, custom_id="jam:vote:1")
        resp = await ix.wait_response()
        assert resp.type == 4 and resp.ephemeral and resp.message is not None
        assert resp.message.content == "counted"
        assert bot.seen == [("vote", alice.id)]
    assert fake.identifies == 2


async def test_response_after_three_seconds_is_refused(fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]) -> None:
    guild, channel = world
    alice = fake.add_member(guild, "alice")
    async with running(fake, guild) as bot:
        ix = await fake.slash_command(user=alice, channel=channel, name="jam late")
        await until(lambda: ix.delivered_at is not None)
        fake.advance_time(3.5)
        await until(lambda: bot.seen)
        assert bot.seen == [("late", 10062)] and ix.response is None


async def test_component_update_deferred_update_and_select(
    fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]
) -> None:
    guild, channel = world
    alice = fake.add_member(guild, "alice")
    async with running(fake, guild):
        ix = await fake.slash_command(user=alice, channel=channel, name="jam pages")
        page = await ix.wait_original()
        await asyncio.sleep(0.05)  # the view is registered once the bot's HTTP call returns
        click = await fake.click_button(user=alice, message=page, custom_id="pager:next")
        assert (await click.wait_response()).type == 7
        assert page.content == "page 2" and page.edits[0].content == "page 1"
        with pytest.raises(ValueError, match="disabled"):
            await fake.click_button(user=alice, message=page, custom_id="pager:next")
        click = await fake.click_button(user=alice, message=page, custom_id="pager:refresh")
        assert (await click.wait_response()).type == 6
        await fake.wait_for_message(channel, lambda m: m.id == page.id and m.content == "refreshed")
        pick = await fake.select_menu(user=alice, message=page, custom_id="pager:style", values=["jazz"])
        answer = await pick.wait_response()
        assert answer.message is not None and answer.message.content == "style=jazz"


# ---------------------------------------------------------------------- gateway


async def test_wrong_token_fails_login(fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]) -> None:
    guild, _ = world
    with pytest.raises(discord.LoginFailure):
        async with running(fake, guild, token="nope"):
            pass


async def test_gateway_protocol_uncompressed_and_zlib(fake: FakeDiscord) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.ws_connect(fake.gateway_url + "?v=10&encoding=json") as ws:
            hello = await ws.receive_json()
            assert hello["op"] == 10 and hello["d"]["heartbeat_interval"] > 0
            await ws.send_json({"op": 2, "d": {"token": "wrong", "intents": 1, "properties": {}}})
            closing = await ws.receive()
            assert closing.type is aiohttp.WSMsgType.CLOSE and closing.data == 4004
        async with http.ws_connect(fake.gateway_url + "?v=10&encoding=json&compress=zlib-stream") as ws:
            inflate = zlib.decompressobj()
            frame = await ws.receive_bytes()
            assert frame.endswith(b"\x00\x00\xff\xff")
            assert json.loads(inflate.decompress(frame))["op"] == 10
            await ws.send_json({"op": 1, "d": None})
            assert json.loads(inflate.decompress(await ws.receive_bytes()))["op"] == 11
            await ws.send_json({"op": 2, "d": {"token": fake.token, "intents": 1 << 15, "properties": {}}})
            closing = await ws.receive()
            assert closing.data == 4014


async def test_dropped_gateway_resumes_and_replays(fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]) -> None:
    guild, channel = world
    alice = fake.add_member(guild, "alice")
    async with running(fake, guild) as bot:
        resumed = asyncio.Event()

        async def on_resumed() -> None:
            resumed.set()

        bot.add_listener(on_resumed)
        await fake.drop_gateway()
        ix = await fake.slash_command(user=alice, channel=channel, name="jam pick", options={"style": "jazz"})
        await asyncio.wait_for(resumed.wait(), 5)
        assert fake.resumes == 1 and fake.identifies == 1
        assert (await ix.wait_original()).content == "jazz"
        ix = await fake.slash_command(user=alice, channel=channel, name="jam pick", options={"style": "rock"})
        assert (await ix.wait_original()).content == "rock"


async def test_reconnect_and_resumable_invalid_session(fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]) -> None:
    guild, channel = world
    alice = fake.add_member(guild, "alice")
    async with running(fake, guild):
        fake.request_reconnect()
        await until(lambda: fake.resumes == 1)
        fake.invalidate_session(resumable=True)
        await until(lambda: fake.resumes == 2)
        await fake.wait_until_connected()
        ix = await fake.slash_command(user=alice, channel=channel, name="jam pick", options={"style": "rap"})
        assert (await ix.wait_original()).content == "rap"
        assert fake.identifies == 1


# ---------------------------------------------------------------------- faults and limits


async def test_rate_limit_is_retried(fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]) -> None:
    guild, channel = world
    async with running(fake, guild) as bot:
        fault = fake.fail_next("POST", r"/channels/\d+/messages", status=429, retry_after=0.2)
        text = bot.get_channel(channel.id)
        assert isinstance(text, discord.TextChannel)
        await text.send("after a 429")
        assert fault.hits == 1
        statuses = [r.status for r in fake.requests if r.path == f"/channels/{channel.id}/messages"]
        assert statuses == [429, 200]


async def test_server_errors(fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]) -> None:
    guild, channel = world
    async with running(fake, guild) as bot:
        fake.fail_next("GET", rf"/channels/{channel.id}", status=502)
        fetched = await bot.fetch_channel(channel.id)
        assert fetched.id == channel.id
        fake.fail_next("GET", rf"/channels/{channel.id}", status=503)
        with pytest.raises(discord.DiscordServerError):
            await bot.fetch_channel(channel.id)
        statuses = [r.status for r in fake.requests if r.path == f"/channels/{channel.id}"]
        assert statuses == [502, 200, 503]


@pytest.mark.parametrize(
    ("status", "error", "code"),
    [(403, discord.Forbidden, 50013), (404, discord.NotFound, 10003), (413, discord.HTTPException, 40005)],
)
async def test_injected_faults_raise(
    fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel], status: int, error: type[Exception], code: int
) -> None:
    guild, channel = world
    async with running(fake, guild) as bot:
        fake.fail_next("POST", r"/channels/\d+/messages", status=status)
        text = bot.get_channel(channel.id)
        assert isinstance(text, discord.TextChannel)
        with pytest.raises(error) as caught:
            await text.send("x")
        assert caught.value.status == status and caught.value.code == code  # type: ignore[attr-defined]


async def test_real_rules_permissions_deleted_channel_upload_limit_length(
    fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]
) -> None:
    guild, channel = world
    muted = fake.add_channel(guild, "announcements", bot_can_send=False)
    no_files = fake.add_channel(guild, "chat", bot_can_attach=False)
    async with running(fake, guild) as bot:
        me = bot.get_guild(guild.id).me
        assert not bot.get_channel(muted.id).permissions_for(me).send_messages
        with pytest.raises(discord.Forbidden) as forbidden:
            await bot.get_channel(muted.id).send("hello")
        assert forbidden.value.code == 50013
        fake.set_bot_permissions(muted, can_send=True)
        await until(lambda: bot.get_channel(muted.id).permissions_for(me).send_messages)
        await bot.get_channel(muted.id).send("hello")
        with pytest.raises(discord.Forbidden):
            await bot.get_channel(no_files.id).send(file=discord.File(io.BytesIO(b"x"), "a.txt"))
        await bot.get_channel(no_files.id).send("text is fine")
        big = discord.File(io.BytesIO(b"\0" * (10 * MIB + 1)), "big.mp3")
        with pytest.raises(discord.HTTPException) as too_big:
            await bot.get_channel(channel.id).send(file=big)
        assert too_big.value.status == 413 and too_big.value.code == 40005
        with pytest.raises(discord.HTTPException) as too_long:
            await bot.get_channel(channel.id).send("x" * 2001)
        assert too_long.value.code == 50035
        text = bot.get_channel(channel.id)
        fake.delete_channel(channel)
        await until(lambda: bot.get_channel(channel.id) is None)
        with pytest.raises(discord.NotFound) as gone:
            await text.send("anyone?")
        assert gone.value.code == 10003


async def test_dm_and_expired_attachment(fake: FakeDiscord, world: tuple[FakeGuild, FakeChannel]) -> None:
    guild, _ = world
    alice = fake.add_member(guild, "alice")
    shy = fake.add_member(guild, "shy", accepts_dms=False)
    async with running(fake, guild) as bot:
        user = await bot.fetch_user(alice.id)
        await user.send("your song is ready")
        dm: StoredMessage = await fake.wait_for_dm(alice)
        assert dm.content == "your song is ready"
        with pytest.raises(discord.Forbidden) as refused:
            await (await bot.fetch_user(shy.id)).send("hi")
        assert refused.value.code == 50007
    att = fake.upload_attachment("ref.mp3", b"abc")
    async with aiohttp.ClientSession() as http:
        async with http.get(att.url) as ok:
            assert ok.status == 200
        fake.advance_time(25 * 3600)
        async with http.get(att.url) as expired:
            assert expired.status == 404
