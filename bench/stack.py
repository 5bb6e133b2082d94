"""The real bot process (`python -m bot`) against both fakes running in this process.

Same approach as tests/e2e/harness.py: the fakes' addresses go to the bot through its env
(DISCORD_API_BASE, DISCORD_GATEWAY_URL, MUSIC_API_BASE_URL, DATABASE_URL, ...). Several bot
processes may share the fakes and the database (`processes`: each one's own env on top).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.probe import ProcessProbe
from bench.recorder import Recorder
from bench.seed import SQLITE, BenchDatabase, DatabaseChoice, scratch_database
from fakes.discord import FakeDiscord
from fakes.discord.models import FakeChannel, FakeMember
from fakes.music_api import FakeMusicApi, Timing

REPO = Path(__file__).resolve().parents[1]
TOKEN = "bench-discord-token-0123456789"
API_KEY = "bench-music-key-0123456789"
DEFAULT_POLL_INTERVAL_S = 1.0  # the bot's defaults (.env.example), divided by the scale
DEFAULT_ESTIMATE_S = 30.0
DEFAULT_JOB_TIMEOUT_MIN = 20.0

# Limits out of the way: a jam's members each send songs at once.
OPEN_LIMITS = {
    "DEFAULT_DAILY_QUOTA": "100000",
    "COOLDOWN_SECONDS": "0",
    "MAX_UNFINISHED_PER_MEMBER": "1000",
    "MAX_UNFINISHED_PER_SERVER": "100000",
}


@dataclass(frozen=True)
class Layout:
    """Where the members are: `members` spread round-robin over guilds x channels."""

    guilds: int
    channels_per_guild: int
    members: int
    shards: int = 1  # guilds spread round-robin over this many shards of the fake Discord

    def describe(self) -> str:
        where = f"{self.members} members in {self.guilds} guilds x {self.channels_per_guild} channels"
        return where + (f" over {self.shards} shards" if self.shards > 1 else "")


@dataclass
class Community:
    channels: list[FakeChannel]
    members: list[tuple[FakeMember, FakeChannel]]  # each member and the channel they use


def build_community(discord: FakeDiscord, layout: Layout) -> Community:
    channels: list[FakeChannel] = []
    for g in range(layout.guilds):
        guild = discord.add_guild(f"Jam {g + 1}", shard=g % layout.shards if layout.shards > 1 else None)
        channels += [discord.add_channel(guild, f"songs-{c + 1}") for c in range(layout.channels_per_guild)]
    members = []
    for m in range(layout.members):
        channel = channels[m % len(channels)]
        members.append((discord.add_member(channel.guild_id, f"member{m + 1}"), channel))
    return Community(channels, members)


def scaled_timing(timing: Timing, scale: float) -> Timing:
    """`timing` with every duration divided by `scale`."""

    def div(value: float | tuple[float, float]) -> float | tuple[float, float]:
        return (value[0] / scale, value[1] / scale) if isinstance(value, tuple) else value / scale

    return Timing(post_delay_s=div(timing.post_delay_s), queued_s=div(timing.queued_s),
                  generating_s=div(timing.generating_s))


class BotProcess:
    """One `python -m bot --sync`, its log in a file."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env = env
        self.log_path = log_path
        self.process: asyncio.subprocess.Process | None = None
        self.spawned_at = 0.0

    async def start(self) -> ProcessProbe:
        with self.log_path.open("ab") as log:
            self.spawned_at = time.monotonic()
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "--sync", cwd=REPO, env=self.env, stdout=log, stderr=log,
            )
        return ProcessProbe(self.process.pid)

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def exited(self) -> bool:
        return self.process is not None and self.process.returncode is not None

    def log_has(self, text: str) -> bool:
        return self.log_path.exists() and text in self.log_path.read_text(errors="replace")

    async def stop(self) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), 15)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


@dataclass
class Stack:
    discord: FakeDiscord
    api: FakeMusicApi
    community: Community
    recorder: Recorder
    bots: list[BotProcess]
    data_dir: Path
    db: BenchDatabase
    probes: list[ProcessProbe] = field(default_factory=list)

    async def prepare_db(self) -> None:
        """The bot's schema, and every member's rights confirmation, before the bot starts."""
        await self.db.create_schema()
        await self.db.confirm_rights(((m.guild_id, m.id) for m, _ in self.community.members), time.time())

    @property
    def bot(self) -> BotProcess:
        """The first (or only) bot process."""
        return self.bots[0]

    async def start_bot(self, within: float = 60.0) -> tuple[ProcessProbe, float]:
        """Spawn the bot process(es); returns the first one's probe and when every shard's gateway
        session was up (monotonic). `probes` has every process's."""
        self.probes = [await bot.start() for bot in self.bots]
        wanted = set(range(self.discord.shards)) if len(self.bots) > 1 else None
        deadline = time.monotonic() + within
        while not (self.discord.connected if wanted is None else wanted <= set(self.discord.connected_shards)):
            self._check_alive(deadline)
            await asyncio.sleep(0.005)
        return self.probes[0], time.monotonic()

    async def wait_engine(self, within: float = 30.0) -> float:
        """Until every bot logged on_ready (its job engine starts then); returns when (monotonic)."""
        deadline = time.monotonic() + within
        while not all(bot.log_has("ready as ") for bot in self.bots):
            self._check_alive(deadline)
            await asyncio.sleep(0.02)
        return time.monotonic()

    def _check_alive(self, deadline: float) -> None:
        for bot in self.bots:
            if bot.exited() or time.monotonic() > deadline:
                tail = bot.log_path.read_text(errors="replace")[-3000:] if bot.log_path.exists() else ""
                raise RuntimeError(f"the bot did not come up:\n{tail}")


@contextlib.asynccontextmanager
async def running_stack(
    work_dir: Path, layout: Layout, *, scale: float, timing: Timing, rate_limit: int | None,
    audio_seconds: float = 5.0, env: dict[str, str] | None = None, database: DatabaseChoice = SQLITE,
    processes: list[dict[str, str]] | None = None,
) -> AsyncIterator[Stack]:
    """Both fakes, a world of guilds, channels and members, and a fresh database; the bot is started
    by the caller. `processes`: one env (on top of the common one) per bot process; default: one."""
    work_dir.mkdir(parents=True, exist_ok=True)
    async with (
        scratch_database(database, work_dir, work_dir.name) as db,
        FakeDiscord(token=TOKEN, global_rate_limit=rate_limit, shards=layout.shards) as discord,
        FakeMusicApi(api_key=API_KEY, timing=scaled_timing(timing, scale), audio_seconds=audio_seconds,
                     seed=1) as api,
    ):
        community = build_community(discord, layout)
        bot_env = {key: value for key, value in os.environ.items() if not key.startswith(("DISCORD_", "MUSIC_"))}
        bot_env.update({
            "DISCORD_TOKEN": discord.token,
            "MUSIC_API_KEY": api.api_key,
            "MUSIC_API_BASE_URL": api.base_url,
            "DISCORD_API_BASE": discord.api_base,
            "DISCORD_GATEWAY_URL": discord.gateway_url,
            "DATABASE_URL": db.url,
            "DATABASE_PATH": str(work_dir / "songjam.db"),  # SQLite's file; RESULTS_DIR defaults next to it
            "PYTHONUNBUFFERED": "1",
            "LOG_LEVEL": "INFO",
            "POLL_INTERVAL_SECONDS": f"{DEFAULT_POLL_INTERVAL_S / scale:g}",
            "GENERATION_ESTIMATE_SECONDS": f"{DEFAULT_ESTIMATE_S / scale:g}",
            "JOB_TIMEOUT_MINUTES": f"{DEFAULT_JOB_TIMEOUT_MIN / scale:g}",
            **OPEN_LIMITS,
            **(env or {}),
        })
        if processes is None:
            bots = [BotProcess(bot_env, work_dir / "bot.log")]
        else:
            bots = []
            for n, extra in enumerate(processes):
                proc_dir = work_dir / f"process-{n + 1}"
                proc_dir.mkdir(exist_ok=True)
                bots.append(BotProcess({**bot_env, "RESULTS_DIR": str(proc_dir / "results"), **extra},
                                       proc_dir / "bot.log"))
        stack = Stack(discord=discord, api=api, community=community, recorder=Recorder(discord, api), bots=bots,
                      data_dir=work_dir, db=db)
        try:
            yield stack
        finally:
            await asyncio.gather(*(bot.stop() for bot in bots))
