"""The Discord client: it holds the shared resources and loads the cogs; no commands live here."""

from __future__ import annotations

import logging

import aiohttp
import discord
import yarl
from discord.ext import commands

from bot.config import Settings
from bot.jams import Jams
from bot.moderation import Moderation
from bot.music_api import MusicApiClient
from bot.storage import Storage
from bot.storage.jams import JamStore
from bot.storage.moderation import ModerationStore

log = logging.getLogger("songjam.client")

EXTENSIONS = ("cogs.errors", "cogs.songs", "cogs.jams", "cogs.moderation_views", "cogs.admin", "cogs.quota")


def point_discord_at(settings: Settings) -> None:
    """Send REST and gateway traffic to the configured endpoints (Discord's own by default).

    A plain `commands.Bot` connects straight to `DiscordWebSocket.DEFAULT_GATEWAY`, so that is
    where a gateway override has to go; REST goes through `Route.BASE`.
    """
    discord.http.Route.BASE = settings.discord_api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


class SongjamBot(commands.Bot):
    def __init__(
        self,
        settings: Settings,
        *,
        session: aiohttp.ClientSession,
        storage: Storage,
        music_api: MusicApiClient,
        sync_commands: bool = False,
        **options: object,
    ) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            # Nothing the bot posts pings anyone unless a message widens this on purpose.
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            **options,
        )
        self.settings = settings
        self.session = session
        self.storage = storage
        self.music_api = music_api
        self.jams = Jams(JamStore(storage.db))  # type: ignore[attr-defined]  # SqliteStorage's database
        self.moderation = Moderation(ModerationStore(storage.db), settings)  # type: ignore[attr-defined]
        self._sync_commands = sync_commands

    async def setup_hook(self) -> None:
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        if self._sync_commands:
            await self.sync_app_commands()

    async def sync_app_commands(self) -> int:
        """Publish the slash commands: to DEV_GUILD_ID at once if set, else globally."""
        if self.settings.dev_guild_id is not None:
            guild = discord.Object(id=self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to guild %d", len(synced), guild.id)
        else:
            synced = await self.tree.sync()
            log.info("synced %d global commands (they may take a while to reach every client)", len(synced))
        return len(synced)

    async def on_ready(self) -> None:
        log.info("ready as %s in %d guild(s)", self.user, len(self.guilds))
