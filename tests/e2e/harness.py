"""The real bot process (`python -m bot`) against the local fake Discord and fake music API."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fakes.discord import FakeDiscord, FakeInteraction
from fakes.discord.events import Event
from fakes.discord.models import FakeChannel, FakeGuild, FakeMember, StoredMessage
from fakes.music_api import FakeMusicApi
from tests.support.databases import database_env, query

REPO = Path(__file__).resolve().parents[2]
TOKEN = "e2e-discord-token-0123456789"
API_KEY = "e2e-music-key-0123456789"

REPORT: list[str] = []  # figures a test wants shown at the end of the run (see conftest.py)

FAST_ENV = {
    "POLL_INTERVAL_SECONDS": "0.1",
    "GENERATION_ESTIMATE_SECONDS": "0.3",
    "JOB_TIMEOUT_MINUTES": "2",
    "LOG_LEVEL": "DEBUG",
    # Generous limits: the quota tests set their own.
    "COOLDOWN_SECONDS": "0",
    "DEFAULT_DAILY_QUOTA": "50",
    "MAX_UNFINISHED_PER_MEMBER": "5",
    # A killed process's jobs are taken over (by the next start, or another process) after this.
    "LEASE_SECONDS": "3",
}


class BotProcess:
    """One `python -m bot` process; it can be killed (SIGKILL) and started again on the same data."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env = env
        self.log_path = log_path
        self.process: asyncio.subprocess.Process | None = None
        self.starts = 0

    async def start(self) -> None:
        log = self.log_path.open("ab")
        log.write(f"\n===== start {self.starts + 1} =====\n".encode())
        log.flush()
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--sync", cwd=REPO, env=self.env, stdout=log, stderr=log,
        )
        log.close()
        self.starts += 1

    async def kill(self) -> None:
        """As a crash would: no clean-up at all."""
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            await self.process.wait()

    async def stop(self) -> int | None:
        """As a host stopping the worker would: SIGTERM, then wait."""
        if self.process is None or self.process.returncode is not None:
            return None if self.process is None else self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(self.process.wait(), 15)
        except TimeoutError:
            # Not a test failure (the kill tests cover crashes), but worth seeing in the run's summary.
            REPORT.append(f"slow shutdown: the bot ignored SIGTERM for 15 s (log: {self.log_path})")
            await self.kill()
            return None

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@dataclass
class Stack:
    discord: FakeDiscord
    api: FakeMusicApi
    bot: BotProcess
    guild: FakeGuild
    channel: FakeChannel
    alice: FakeMember
    bob: FakeMember
    data_dir: Path
    rights_confirmed: set[int] = field(default_factory=set)
    others: list[BotProcess] = field(default_factory=list)  # more processes on the same database

    def add_process(self) -> BotProcess:
        """Another `python -m bot` on the same database and the same fake Discord (its own log)."""
        process = BotProcess(dict(self.bot.env), self.bot.log_path.with_name(f"bot-{len(self.others) + 2}.log"))
        self.others.append(process)
        return process

    async def start_bot(self, process: BotProcess | None = None) -> None:
        """Start the bot (or another process) and wait until it is connected with its commands synced."""
        bot = process or self.bot
        identifies = self.discord.identifies
        await bot.start()
        deadline = time.monotonic() + 30
        dev_guild = bot.env.get("DEV_GUILD_ID")
        while not (self.discord.connected and self.discord.identifies > identifies
                   and self.discord.commands(int(dev_guild) if dev_guild else None)):
            if bot.process is not None and bot.process.returncode is not None:
                raise AssertionError(f"the bot exited with {bot.process.returncode}:\n{bot.logs()[-3000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the bot did not come up:\n{bot.logs()[-3000:]}")
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # GUILD_CREATE handled, engine started

    async def restart_bot(self) -> None:
        await self.bot.kill()
        await self.start_bot()

    def attach(self, filename: str, data: bytes, content_type: str | None = None) -> Any:
        return self.discord.upload_attachment(filename, data, content_type=content_type)

    async def create_song(self, member: FakeMember, lyrics: str, reference: Any, **options: Any) -> FakeInteraction:
        """Run `/song create`; a member's first song waits for their rights confirmation, which they give.

        Returns the interaction that carries on with the song (the command, or the button click).
        """
        ix = await self.discord.slash_command(
            user=member, channel=self.channel, name="song create",
            options={"reference": reference, "lyrics": lyrics, **options},
        )
        return await self.confirm_rights_if_asked(member, ix)

    async def confirm_rights_if_asked(self, member: FakeMember, ix: FakeInteraction) -> FakeInteraction:
        if member.id in self.rights_confirmed:
            return ix
        response = await ix.wait_response()
        if response.type == 9:  # the form: nothing to confirm yet
            return ix
        answer = await ix.wait_original(timeout=10)  # the first answer after "thinking..."
        button = next((cid for cid in answer.custom_ids() if cid.startswith("songjam:rights:")), None)
        if button is None:
            return ix
        await asyncio.sleep(0.05)  # as a person would: the view is registered once the reply is sent
        self.rights_confirmed.add(member.id)
        return await self.discord.click_button(user=member, message=answer, custom_id=button)

    def public_messages(self, channel: FakeChannel | None = None) -> list[StoredMessage]:
        return [m for m in self.discord.messages(channel or self.channel, include_ephemeral=False)
                if m.author.id == self.discord.bot.id]

    async def wait_public(
        self, predicate: Callable[[StoredMessage], bool], timeout: float = 15.0, channel: FakeChannel | None = None
    ) -> StoredMessage:
        return await self.discord.wait_for_message(
            channel or self.channel, lambda m: not m.ephemeral and predicate(m), timeout=timeout
        )

    async def wait_song(self, job_id: int, timeout: float = 20.0, channel: FakeChannel | None = None) -> StoredMessage:
        return await self.wait_public(lambda m: is_song_of(m, job_id), timeout, channel)

    async def wait_status(self, job_id: int, text: str, timeout: float = 20.0) -> StoredMessage:
        """The job's card, once its embed says `text` (e.g. "failed", "cancelled", "songs ahead")."""
        return await self.wait_public(lambda m: is_status(m, job_id) and text in card_text(m), timeout)

    async def wait_submitted(self, job_id: int, timeout: float = 20.0) -> StoredMessage:
        """The job's card, once the music service has the song (the card itself does not change then)."""
        await self.wait_row(job_id, lambda row: row["state"] == "submitted", timeout)
        return await self.wait_public(lambda m: is_status(m, job_id), timeout)

    async def wait_delivered(self, job_id: int, timeout: float = 20.0, channel: FakeChannel | None = None
                             ) -> StoredMessage:
        """The posted song, once its card is gone (one message per song stays)."""
        song = await self.wait_song(job_id, timeout, channel)
        await self.wait_card_gone(job_id, timeout, channel)
        return song

    async def wait_card_gone(self, job_id: int, timeout: float = 20.0, channel: FakeChannel | None = None) -> None:
        await wait_until(lambda: all(m.deleted for m in self.cards(job_id, channel)),
                         f"the card of job {job_id} is deleted", timeout)

    def cards(self, job_id: int, channel: FakeChannel | None = None) -> list[StoredMessage]:
        """Every card the job ever had, deleted ones included."""
        return [m for m in self.discord.messages(channel or self.channel, include_ephemeral=False, include_deleted=True)
                if m.author.id == self.discord.bot.id and is_status(m, job_id)]

    def job_row(self, job_id: int) -> dict[str, Any] | None:
        """The job as the bot's database holds it (read-only; WAL lets us read while it writes)."""
        rows = query(self.data_dir / "songjam.db", "SELECT * FROM jobs WHERE id = ?", (job_id,))
        return rows[0] if rows else None

    def job_count(self) -> int:
        return int(query(self.data_dir / "songjam.db", "SELECT COUNT(*) AS n FROM jobs")[0]["n"])

    async def wait_row(self, job_id: int, predicate: Callable[[dict[str, Any]], bool], timeout: float = 20.0
                       ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            row = self.job_row(job_id)
            if row is not None and predicate(row):
                return row
            if time.monotonic() > deadline:
                raise AssertionError(f"job {job_id} never got there: {row}")
            await asyncio.sleep(0.02)

    def songs_for(self, job_id: int, channel: FakeChannel | None = None) -> list[StoredMessage]:
        return [m for m in self.public_messages(channel) if is_song_of(m, job_id)]

    def status_message(self, job_id: int) -> StoredMessage | None:
        found = [m for m in self.public_messages() if is_status(m, job_id)]
        return found[0] if found else None


def route_interactions_to_one_session(discord: FakeDiscord) -> Counter[str]:
    """Send each interaction to one live gateway session, in turn, as Discord does with several
    processes (the fake sends every event to every session). Returns how many each session got."""
    gateway = discord.gateway
    fan_out = gateway.dispatch
    turns = itertools.count()
    received: Counter[str] = Counter()

    def dispatch(event: Event) -> None:
        if event.name != "INTERACTION_CREATE":
            fan_out(event)
            return
        live = [s for s in gateway.sessions.values() if s.connection is not None and not s.invalid]
        if not live:
            return
        session = live[next(turns) % len(live)]
        received[session.id] += 1
        assert session.connection is not None
        session.connection.send(session.next_frame(event.name, event.data, event), event)

    gateway.dispatch = dispatch  # type: ignore[method-assign]
    gateway.world.emit = dispatch  # the world sends its events straight to the gateway's dispatch
    return received


async def wait_until(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        await asyncio.sleep(0.02)


def is_song_of(message: StoredMessage, job_id: int) -> bool:
    """The job's song posted with its MP3, named after the job in any language (`songjam-12-….mp3`; a song
    posted as a link carries only its picture)."""
    return any(a.filename.startswith(f"songjam-{job_id}-") and a.filename.endswith(".mp3") for a in message.attachments)


def is_status(message: StoredMessage, job_id: int) -> bool:
    """The job's card (the message that is edited as the job moves): an embed, no content, whose footer
    names the job in the server's language ("Job 12 · queued", "Trabajo 12 · en cola", "ジョブ 12 · 順番待ち")."""
    return not message.content and any(
        (embed.get("footer") or {}).get("text", "").split(" · ")[0].endswith(f" {job_id}") for embed in message.embeds)


def card_text(message: StoredMessage) -> str:
    """Everything a card's embed says, as one text (author, title, description, fields, footer)."""
    parts: list[str] = []
    for embed in message.embeds:
        parts += [(embed.get("author") or {}).get("name", ""), embed.get("title", ""), embed.get("description", "")]
        parts += [f"{field['name']}: {field['value']}" for field in embed.get("fields", [])]
        parts.append((embed.get("footer") or {}).get("text", ""))
    return "\n".join(part for part in parts if part)


def card_colour(message: StoredMessage) -> int | None:
    return message.embeds[0].get("color") if message.embeds else None


def discord_requests(discord: FakeDiscord, since: int = 0) -> list[str]:
    """The REST requests the bot made (from index `since` of the log) beyond interaction responses."""
    # `counted`: what the global rate limit counts, i.e. not interaction callbacks, webhooks (followups), the CDN.
    return [f"{r.method} {r.path}" for r in discord.requests[since:] if r.counted]


def bot_env(discord: FakeDiscord, api: FakeMusicApi, data_dir: Path, **overrides: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DISCORD_", "MUSIC_"))}
    env.update({
        "DISCORD_TOKEN": discord.token,
        "MUSIC_API_KEY": api.api_key,
        "MUSIC_API_BASE_URL": api.base_url,
        "DISCORD_API_BASE": discord.api_base,
        "DISCORD_GATEWAY_URL": discord.gateway_url,
        **database_env(data_dir / "songjam.db"),
        "PYTHONUNBUFFERED": "1",
        **FAST_ENV,
        **overrides,
    })
    return env


@contextlib.asynccontextmanager
async def running_stack(
    tmp_path: Path, *, dev_guild: bool = False, discord_options: dict[str, Any] | None = None,
    prepare: Callable[[Stack], object] | None = None, **env_overrides: str,
) -> AsyncIterator[Stack]:
    """Fakes in this process, the bot in its own (`dev_guild`: DEV_GUILD_ID names the test server).

    `discord_options` go to `FakeDiscord` (e.g. `shards=2`); `prepare` builds more of the world
    before the bot starts.
    """
    async with FakeDiscord(token=TOKEN, global_rate_limit=None, **(discord_options or {})) as discord, \
            FakeMusicApi(api_key=API_KEY) as api:
        guild = discord.add_guild("Jam Server")
        channel = discord.add_channel(guild, "songs")
        alice = discord.add_member(guild, "alice")
        bob = discord.add_member(guild, "bob")
        data_dir = tmp_path / "data"
        if dev_guild:
            env_overrides["DEV_GUILD_ID"] = str(guild.id)
        bot = BotProcess(bot_env(discord, api, data_dir, **env_overrides), tmp_path / "bot.log")
        stack = Stack(discord=discord, api=api, bot=bot, guild=guild, channel=channel, alice=alice, bob=bob,
                      data_dir=data_dir)
        try:
            if prepare is not None:
                prepare(stack)
            await stack.start_bot()
            yield stack
        except BaseException:
            sys.stderr.write(f"\n----- bot log -----\n{bot.logs()[-8000:]}\n")
            raise
        finally:
            for process in (bot, *stack.others):
                await process.stop()
        for process in (bot, *stack.others):
            assert TOKEN not in process.logs() and API_KEY not in process.logs(), "a secret reached the log"
        assert not discord.internal_errors, discord.internal_errors
        assert not discord.unknown_routes, discord.unknown_routes
