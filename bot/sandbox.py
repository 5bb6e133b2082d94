"""`python -m bot sandbox`: the real bot against a local fake Discord and fake music API.

No token, no network: it plays a short scripted session, prints what each member sees, and
saves the delivered songs under `data/sandbox/`.
"""

from __future__ import annotations

import asyncio
import logging
import re
import shutil
import time
from pathlib import Path
from typing import Any

import aiohttp

from bot.app import SongjamBot, point_discord_at
from bot.config import load_settings
from bot.core.database import Database
from bot.songs.music_api import MusicApiClient
from fakes.audio import SANDBOX_SONG, make_png
from fakes.discord import FakeDiscord, FakeInteraction
from fakes.discord.models import FakeChannel, FakeMember, StoredMessage
from fakes.music_api import FakeMusicApi, TaskBehaviour, Timing

SANDBOX_DIR = Path("data/sandbox")
TOKEN = "sandbox-discord-token"
API_KEY = "sandbox-music-key"
# Like the real service, only quicker: a slow submit, then a few seconds of generation.
SANDBOX_TIMING = Timing(post_delay_s=(0.5, 1.0), queued_s=(0.3, 0.6), generating_s=(2.0, 4.0))


def relative(seconds: float) -> str:
    """What a Discord client shows for a relative timestamp."""
    return f"in {round(seconds)} s" if seconds >= 0.5 else f"{round(-seconds)} s ago"


class Transcript:
    """Prints what members see, with names in place of mention ids."""

    def __init__(self, names: dict[int, str]) -> None:
        self.names = names
        self.started = time.monotonic()

    def readable(self, text: str) -> str:
        text = re.sub(r"<@!?(\d+)>", lambda m: "@" + self.names.get(int(m[1]), m[1]), text)
        return re.sub(r"<t:(\d+):R>", lambda m: relative(int(m[1]) - time.time()), text)

    def say(self, who: str, text: str) -> None:
        stamp = f"{time.monotonic() - self.started:5.1f}s"
        lines = self.readable(text).splitlines() or [""]
        print(f"{stamp}  {who:<26} {lines[0]}")
        for line in lines[1:]:
            print(f"{'':8}{'':<26} {line}")

    def message(self, where: str, message: StoredMessage) -> None:
        label = "(only you)" if message.ephemeral else f"[{where}]"
        files = "".join(f"  📎 {a.filename} ({len(a.data) // 1024} KB)" for a in message.attachments)
        pings = ", ".join("@" + self.names.get(uid, str(uid)) for uid in message.mentions)
        edited = " (edited)" if message.edits else ""
        text = "\n".join(part for part in (message.content + files, *map(embed_text, message.embeds)) if part)
        self.say(f"{label} songjam{edited}", text + (f"   (pings {pings})" if pings else ""))


def embed_text(embed: dict[str, Any]) -> str:
    """An embed as a client shows it, roughly: author and title, text, fields, footer."""
    head = " — ".join(part for part in ((embed.get("author") or {}).get("name"), embed.get("title")) if part)
    lines = [f"┃ {head}"] if head else []
    lines += [f"┃ {line}" for line in (embed.get("description") or "").splitlines()]
    lines += [f"┃ {field['name']}: {field['value']}" for field in embed.get("fields", [])]
    if embed.get("image"):
        lines.append("┃ 🖼 (the song's picture)")
    if embed.get("footer"):
        lines.append(f"┃ {embed['footer']['text']}")
    return "\n".join(lines)


async def play(out_dir: Path) -> int:
    song = SANDBOX_SONG.read_bytes()  # each reference and each finished song
    async with FakeDiscord(token=TOKEN) as discord, FakeMusicApi(api_key=API_KEY, timing=SANDBOX_TIMING,
                                                                 song_audio=lambda _seconds: song) as api:
        guild = discord.add_guild("Sandbox Jam Club")
        channel = discord.add_channel(guild, "songs")
        members = {name: discord.add_member(guild, name) for name in ("alice", "bob", "carol", "dave")}
        transcript = Transcript({m.id: name for name, m in members.items()} | {discord.bot.id: "songjam"})
        settings = load_settings({
            "DISCORD_TOKEN": TOKEN, "MUSIC_API_KEY": API_KEY, "MUSIC_API_BASE_URL": api.base_url,
            "DISCORD_API_BASE": discord.api_base, "DISCORD_GATEWAY_URL": discord.gateway_url,
            "DATABASE_PATH": str(out_dir / "songjam.db"), "GENERATION_ESTIMATE_SECONDS": "3",
            "POLL_INTERVAL_SECONDS": "0.5", "COOLDOWN_SECONDS": "0",
        })
        point_discord_at(settings)
        database = await Database.open(settings.database_path)
        async with aiohttp.ClientSession() as session:
            music_api = MusicApiClient(session, settings.music_api_base_url, API_KEY)
            bot = SongjamBot(settings, session=session, database=database, music_api=music_api, sync_commands=True)
            runner = asyncio.create_task(bot.start(TOKEN))
            try:
                await asyncio.wait_for(bot.wait_until_ready(), 30)
                await asyncio.sleep(0.5)
                songs = await script(discord, api, channel, members, transcript, song)
            finally:
                await bot.close()
                await runner
        await database.close()
    saved = []
    for message in songs:
        for attachment in message.attachments:
            path = out_dir / attachment.filename
            path.write_bytes(attachment.data)
            saved.append(path)
    print()
    for path in saved:
        print(f"saved {path} ({path.stat().st_size // 1024} KB)")
    return 0 if sum(path.suffix == ".mp3" for path in saved) == 2 else 1


async def script(
    discord: FakeDiscord, api: FakeMusicApi, channel: FakeChannel, members: dict[str, FakeMember],
    transcript: Transcript, song: bytes,
) -> list[StoredMessage]:
    """Two songs made (one inline, one through the form), one bad file refused, one failure refunded."""
    alice, bob, carol, dave = (members[name] for name in ("alice", "bob", "carol", "dave"))
    api.on_next_task(TaskBehaviour(outcome="error", error_message="Downstream service error"),
                     prompt_contains="rainy")
    seen: set[int] = set()

    async def show_new(wait: float = 0.0) -> None:
        await asyncio.sleep(wait)
        for message in discord.messages(channel, include_ephemeral=False, include_deleted=True):
            key = hash((message.id, len(message.edits), message.deleted))
            if key not in seen and message.author.id == discord.bot.id:
                seen.add(key)
                if message.deleted:
                    transcript.say("[#songs] songjam", "(deletes the card: the song is posted)")
                else:
                    transcript.message("#songs", message)
        for name, member in members.items():
            for message in discord.dm_messages(member):
                if hash((message.id, "dm")) not in seen:
                    seen.add(hash((message.id, "dm")))
                    transcript.message(f"DM to {name}", message)

    async def answered(member: FakeMember, ix: FakeInteraction) -> FakeInteraction:
        """Show the private answers; confirm the rights prompt the way a member would."""
        response = await ix.wait_response(timeout=10)
        answer = response.message if response.type == 4 else (await ix.wait_followups(1, timeout=15))[0]
        if answer is None:
            return ix
        transcript.message("", answer)
        rights = [cid for cid in answer.custom_ids() if cid.startswith("songjam:rights:")]
        if rights:
            await asyncio.sleep(0.3)
            transcript.say(member.user.username, "clicks “I have the right to use my tracks”")
            return await answered(member, await discord.click_button(user=member, message=answer,
                                                                     custom_id=rights[0]))
        return ix

    transcript.say("alice", "/song create reference:summer.mp3 lyrics:##Side by side / through thick and thin##")
    await answered(alice, await discord.slash_command(
        user=alice, channel=channel, name="song create",
        options={"reference": discord.upload_attachment("summer.mp3", song),
                 "lyrics": "##Side by side, through thick and thin / With a laugh, we always win##"}))
    await show_new(0.5)

    transcript.say("bob", "/song create   (opens the form)")
    form = await discord.slash_command(user=bob, channel=channel, name="song create")
    modal = await form.wait_response()
    transcript.say("bob", "fills in the form: winter.mp3 and four lines of lyrics")
    await asyncio.sleep(0.3)
    await answered(bob, await discord.submit_modal(
        modal, values={"lyrics": "Snow on the rooftops\nLights in the hall\n\nWe sing together\nOne and all"},
        files={"reference": discord.upload_attachment("winter.mp3", song)}))
    await show_new(0.5)

    transcript.say("carol", "/song create reference:cover-art.mp3 (a picture renamed .mp3)")
    await answered(carol, await discord.slash_command(
        user=carol, channel=channel, name="song create",
        options={"reference": discord.upload_attachment("cover-art.mp3", make_png(), content_type="audio/mpeg"),
                 "lyrics": "this will not work"}))

    transcript.say("dave", "/song create reference:rain.mp3 lyrics:rainy day blues")
    await answered(dave, await discord.slash_command(
        user=dave, channel=channel, name="song create",
        options={"reference": discord.upload_attachment("rain.mp3", song), "lyrics": "rainy day blues"}))

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        await show_new(0.5)
        songs = [m for m in discord.messages(channel, include_ephemeral=False) if has_song(m)]
        failed = [m for m in discord.messages(channel, include_ephemeral=False) if "failed" in str(m.embeds)]
        if len(songs) >= 2 and failed:
            break
    await show_new(1.0)

    transcript.say("dave", "/quota")
    quota = await discord.slash_command(user=dave, channel=channel, name="quota")
    response = await quota.wait_response(timeout=10)
    if response.message is not None:
        transcript.message("", response.message)
    return [m for m in discord.messages(channel, include_ephemeral=False) if has_song(m)]


def has_song(message: StoredMessage) -> bool:
    return any(attachment.filename.endswith(".mp3") for attachment in message.attachments)


def main() -> int:
    """Run the sandbox; the bot's own log goes to data/sandbox/bot.log."""
    if SANDBOX_DIR.exists():
        shutil.rmtree(SANDBOX_DIR)
    SANDBOX_DIR.mkdir(parents=True)
    logging.basicConfig(filename=SANDBOX_DIR / "bot.log", level=logging.INFO,
                        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    print("songjam sandbox: a fake Discord server 'Sandbox Jam Club' with #songs, a fake music API,")
    print("and the real bot. Generation is sped up to a few seconds. Nothing leaves this machine.\n")
    return asyncio.run(play(SANDBOX_DIR))
