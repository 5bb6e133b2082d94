"""The bot class: it builds every service once, exposes them typed, and loads the extensions."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from typing import Any, TypeAlias

import aiohttp
import discord
import yarl
from discord.ext import commands

from bot.config import Settings
from bot.core.database import Database
from bot.core.i18n import GuildLanguages, public_locale, translate
from bot.core.i18n.commands import CatalogueTranslator
from bot.core.i18n.locales import ShippedLocale
from bot.core.leases import new_owner_id
from bot.core.loops import LoopHealth
from bot.core.metrics import Metrics
from bot.core.publisher import DiscordPublisher
from bot.core.shards import IdentifyBuckets, shard_list, shard_of
from bot.housekeeping import Housekeeping
from bot.jams.service import Jams
from bot.jams.store import JamStore
from bot.jams.ui.views import JamDeliveryButtons
from bot.moderation.service import Moderation
from bot.moderation.store import ModerationStore
from bot.moderation.ui.admission import ModerationGate
from bot.operations import OperatorAlerts, OpsServer
from bot.songs.catalog import MusicModel, get_model
from bot.songs.engine import EngineConfig, JobEngine
from bot.songs.music_api import MusicApiClient
from bot.songs.sqlite_store import SqliteStorage
from bot.songs.ui.next_steps import NextStepButtons
from bot.songs.ui.ports import SongVotes
from bot.songs.ui.presenter import JobPresenter

log = logging.getLogger("songjam.app")

# The error handler first, so it is in place before any command can fail.
EXTENSIONS = (
    "bot.core.error_handler", "bot.songs.extension", "bot.moderation.extension", "bot.jams.extension",
    "bot.help.extension",
)


def point_discord_at(settings: Settings) -> None:
    """Send REST and gateway traffic to the configured endpoints (Discord's own by default).

    A plain `commands.Bot` connects straight to `DiscordWebSocket.DEFAULT_GATEWAY`, so that is
    where a gateway override has to go; REST goes through `Route.BASE`. A sharded bot connects
    there too: `ShardedSongjamBot.launch_shards` settles the shard count before discord.py would
    otherwise take the URL `GET /gateway/bot` returns, so a proxy (or the fake) keeps working.
    """
    discord.http.Route.BASE = settings.discord_api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


class SongjamBot(commands.Bot):
    """Holds the shared resources; `main()` opens the HTTP session and the database and hands them in."""

    def __init__(
        self,
        settings: Settings,
        *,
        session: aiohttp.ClientSession,
        database: Database,
        music_api: MusicApiClient,
        sync_commands: bool = False,
        sync_only: bool = False,
        **options: object,
    ) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        # The one metrics object: everything instrumented gets it from here (served at METRICS_PORT).
        metrics = Metrics()
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            # Nothing the bot posts pings anyone unless a message widens this on purpose.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            http_trace=metrics.http_trace(),  # counts discord.py's requests and 429s
            **options,
        )
        self.metrics = metrics
        self.settings = settings
        self.session = session
        self.database = database
        self.music_api = music_api
        self.model: MusicModel = get_model(settings.music_model)
        # Every background loop runs under it; a health check reads their restarts here.
        self.loops = LoopHealth()
        metrics.watch_loops(self.loops)
        self.storage = SqliteStorage(database)
        self.moderation = Moderation(ModerationStore(database), settings)
        # Where each server's chosen language is kept: public posts (cards, jam posts) speak it.
        self.languages: GuildLanguages = self.moderation.store
        self.housekeeping = Housekeeping(self.storage, self.moderation.store, results_dir=settings.results_dir,
                                         incoming_dir=settings.incoming_dir, retention_days=settings.retention_days)
        self._housekeeping_task: asyncio.Task[None] | None = None
        # This process run's name on the work it takes (jobs, jam closes) from the shared database.
        self.lease_owner = new_owner_id()
        self.jams = Jams(JamStore(database), owner=self.lease_owner, lease_s=settings.lease_s)
        self.song_votes: SongVotes = self.jams  # the gallery's Top view, without songs importing jams
        # One publisher, so one pacer, for everything the bot posts on its own.
        self.publisher = DiscordPublisher(self, settings.discord_requests_per_second, metrics)
        self.song_gate = ModerationGate(self.moderation)
        # Under a delivered song: the next steps (Again, Edit lyrics, Cover), then the jam's button.
        delivery_buttons = NextStepButtons(self.model, JamDeliveryButtons(self), self.server_locale)
        self.engine = JobEngine(
            self.storage, music_api,
            JobPresenter(self.publisher, delivery_buttons, self.server_locale),
            EngineConfig(results_dir=settings.results_dir, job_timeout_s=settings.job_timeout_s,
                         dense_poll_interval_s=settings.poll_interval_s,
                         initial_estimate_s=settings.generation_estimate_s,
                         max_concurrent_polls=settings.max_concurrent_polls,
                         delivery_deadline_s=settings.delivery_deadline_s,
                         max_delivery_tries=settings.delivery_max_tries, lease_s=settings.lease_s,
                         card_refresh_s=settings.card_refresh_s),
            loops=self.loops, owner=self.lease_owner, metrics=metrics,
        )
        self.alerts = OperatorAlerts(self)
        self.ops_server: OpsServer | None = None
        self._sync_commands = sync_commands
        # `python -m bot sync`: log in over REST, publish the commands, and stop (no gateway, no housekeeping).
        self._sync_only = sync_only
        self.published: list[str] = []  # the command names the last sync published

    async def setup_hook(self) -> None:
        # Before any sync: the published commands carry their names and descriptions in every shipped language.
        await self.tree.set_translator(CatalogueTranslator())
        if self._sync_only:
            for extension in EXTENSIONS:
                await self.load_extension(extension)
            await self.sync_app_commands()
            return
        if self.settings.metrics_port is not None:
            self.ops_server = OpsServer(self, self.settings.metrics_host, self.settings.metrics_port)
            await self.ops_server.start()
        await self.housekeeping.at_start()  # before the engine or an upload can write a file
        self._housekeeping_task = asyncio.create_task(self.housekeeping.run(), name="songjam-housekeeping")
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        if self._sync_commands:
            await self.sync_app_commands()

    async def sync_app_commands(self) -> int:
        """Publish the slash commands: to DEV_GUILD_ID at once if set, else globally; names in `self.published`."""
        if self.settings.dev_guild_id is not None:
            guild = discord.Object(id=self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to guild %d", len(synced), guild.id)
        else:
            synced = await self.tree.sync()
            log.info("synced %d global commands (they may take a while to reach every client)", len(synced))
        self.published = [command.name for command in synced]
        return len(synced)

    async def close(self) -> None:
        if self._housekeeping_task is not None:
            self._housekeeping_task.cancel()
        await self.alerts.close()
        if self.ops_server is not None:
            await self.ops_server.stop()
        await super().close()

    def gateway_problems(self) -> list[str]:
        """Why the gateway is not serving (empty: connected)."""
        if self.ws is None or not self.ws.open:
            return ["gateway: not connected"]
        return []

    async def server_locale(self, guild_id: int) -> ShippedLocale:
        """The language of a public post made without an interaction (a delivered song's buttons): the
        moderators' choice, else the server's Discord locale, else English.

        A server on another process's shard is not cached here: when its moderators chose no language,
        Discord is asked for its locale (English if that fails).
        """
        guild = self.get_guild(guild_id)
        if guild is None and await self.languages.guild_language(guild_id) is None:
            try:
                guild = await self.fetch_guild(guild_id, with_counts=False)
            except discord.HTTPException as exc:
                log.info("guild %d: its locale is unknown (%s); its posts are in English", guild_id, exc)
        return await public_locale(self.languages, guild_id, guild.preferred_locale if guild is not None else None)

    def serving(self, guild_id: int | None, locale: str | None = None) -> str:
        """Which process (and shard) serves a server, for `/songadmin settings show`, in `locale` (English: None)."""
        return translate(locale, "core-served-by-unsharded", process=self.settings.process_name)

    async def on_ready(self) -> None:
        log.info("ready as %s in %d guild(s); process %s, one unsharded connection", self.user, len(self.guilds),
                 self.settings.process_name)


class ShardedSongjamBot(SongjamBot, commands.AutoShardedBot):
    """The same bot over several gateway sessions, one per shard (SHARD_COUNT is set).

    This process runs SHARD_IDS (all shards when unset); other processes may run the rest. Each
    process receives only its shards' servers, yet posts anywhere: posts go by channel id over REST.
    """

    def __init__(self, settings: Settings, **options: Any) -> None:
        count = settings.shard_count
        super().__init__(
            settings, shard_count=None if count == "auto" else count,
            shard_ids=list(settings.shard_ids) if settings.shard_ids is not None else None, **options,
        )
        self.identify_buckets = IdentifyBuckets(1)
        self._identified: set[int] = set()

    @property
    def own_shard_ids(self) -> list[int]:
        """The shards this process runs."""
        return list(self.shard_ids or range(self.shard_count or 0))

    async def launch_shards(self) -> None:
        """Learn the shard count (`auto`) and `max_concurrency` from `GET /gateway/bot`, then connect.

        With the count known, discord.py connects every shard to `DiscordWebSocket.DEFAULT_GATEWAY`
        (DISCORD_GATEWAY_URL) rather than to the URL Discord returns, as the unsharded bot does.
        """
        if self.is_closed():
            return
        try:
            recommended, _url, limits = await self.http.get_bot_gateway()
            max_concurrency = int(limits.get("max_concurrency") or 1)
        except discord.GatewayNotFound:
            if self.shard_count is None:
                raise
            log.warning("GET /gateway/bot failed: the shards identify one at a time")
            recommended, max_concurrency = self.shard_count, 1
        if self.shard_count is None:
            self.shard_count = recommended
        self.identify_buckets = IdentifyBuckets(max_concurrency)
        log.info("process %s: connecting shard(s) %s of %d (Discord recommends %d; %d may identify at once)",
                 self.settings.process_name, shard_list(self.own_shard_ids), self.shard_count, recommended,
                 max_concurrency)
        await super().launch_shards()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Identify as fast as `max_concurrency` allows; after a lost session, first wait as discord.py does."""
        if shard_id is None or shard_id in self._identified:
            await super().before_identify_hook(shard_id, initial=initial)
        if shard_id is not None:
            await self.identify_buckets.wait_turn(shard_id)
            self._identified.add(shard_id)

    def gateway_problems(self) -> list[str]:
        """Each of this process's shards must be connected."""
        down = [shard_id for shard_id in self.own_shard_ids
                if (shard := self.get_shard(shard_id)) is None or shard.is_closed()]
        if not self.own_shard_ids:
            return ["gateway: no shard launched yet"]
        return [f"gateway: shard(s) {shard_list(down)} not connected"] if down else []

    def serving(self, guild_id: int | None, locale: str | None = None) -> str:
        count, own = self.shard_count or 0, self.own_shard_ids
        # Shard numbers are names, not quantities: passed as text, never grouped ("1,024").
        names = {"process": self.settings.process_name, "count": str(count), "own": shard_list(own)}
        if guild_id is None or not count:
            return translate(locale, "core-served-by-shards", own_count=len(own), **names)
        shard = shard_of(guild_id, count)
        if shard not in own:
            return translate(locale, "core-served-by-other-shard", own_count=len(own), shard=str(shard), **names)
        key = "core-served-by-this-shard-of-several" if len(own) > 1 else "core-served-by-this-shard"
        return translate(locale, key, shard=str(shard), **names)

    async def on_ready(self) -> None:
        per_shard = Counter(guild.shard_id for guild in self.guilds)
        log.info("ready as %s in %d guild(s); process %s runs shard(s) %s of %d (%s)", self.user, len(self.guilds),
                 self.settings.process_name, shard_list(self.own_shard_ids), self.shard_count,
                 ", ".join(f"shard {i}: {per_shard[i]} guild(s)" for i in self.own_shard_ids))

    async def on_shard_ready(self, shard_id: int) -> None:
        guilds = sum(1 for guild in self.guilds if guild.shard_id == shard_id)
        log.info("shard %d of %d ready with %d guild(s)", shard_id, self.shard_count, guilds)


def make_bot(settings: Settings, **options: Any) -> SongjamBot:
    """The sharded bot when SHARD_COUNT is set; otherwise the plain bot with one gateway connection."""
    if settings.sharded:
        return ShardedSongjamBot(settings, **options)
    return SongjamBot(settings, **options)


# Every interaction the bot handles: `interaction.client` is this bot, with its services typed.
Interaction: TypeAlias = discord.Interaction[SongjamBot]
