"""`python -m bot`: run the bot (`--sync` publishes the slash commands first); `sandbox`: try it offline;
`migrate-db --to postgresql://...`: copy the SQLite database into PostgreSQL (bot/migrate_db.py)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
import time

import aiohttp
import discord

from bot.app import SongjamBot, point_discord_at
from bot.config import ConfigError, Settings, load_settings
from bot.core.database import open_database
from bot.core.loop_watch import watch_event_loop
from bot.logging_setup import setup_logging
from bot.songs.music_api import MusicApiClient

log = logging.getLogger("songjam")


async def stop(bot: SongjamBot) -> None:
    """Close on SIGTERM, saying how long it took (a host kills a worker that takes too long)."""
    started = time.monotonic()
    log.info("SIGTERM: closing")
    await bot.close()
    log.info("closed in %.1f s", time.monotonic() - started)


async def run_bot(settings: Settings, *, sync_commands: bool) -> None:
    """Open the shared HTTP session and the database, hand them to the bot, and run it."""
    watch_event_loop()  # ASYNCIO_SLOW_CALLBACK_MS: log callbacks that stall the loop
    point_discord_at(settings)
    database = await open_database(settings.database.reveal())
    try:
        async with aiohttp.ClientSession() as session:
            music_api = MusicApiClient(
                session, settings.music_api_base_url, settings.music_api_key.reveal(),
                submit_timeout=settings.submit_timeout_s, poll_timeout=settings.poll_timeout_s,
            )
            async with SongjamBot(
                settings, session=session, database=database, music_api=music_api, sync_commands=sync_commands
            ) as bot:
                # A host stopping the worker sends SIGTERM: close the gateway and database cleanly.
                loop = asyncio.get_running_loop()
                loop.add_signal_handler(signal.SIGTERM, lambda: asyncio.ensure_future(stop(bot)))
                await bot.start(settings.discord_token.reveal())
    finally:
        await database.close()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["migrate-db"]:
        from bot.migrate_db import main as migrate_main

        return migrate_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m bot", description="songjam: songs from a reference track")
    parser.add_argument("command", nargs="?", choices=("run", "sandbox", "migrate-db"), default="run",
                        help="run the bot (default), play a scripted session offline, or copy the SQLite "
                             "database into PostgreSQL (migrate-db --help)")
    parser.add_argument("--sync", action="store_true",
                        help="publish the slash commands at start (to DEV_GUILD_ID if set)")
    args = parser.parse_args(argv)
    if args.command == "sandbox":
        from bot.sandbox import main as sandbox_main

        return sandbox_main()
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"songjam: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level, settings.secrets)
    try:
        asyncio.run(run_bot(settings, sync_commands=args.sync))
    except discord.LoginFailure:
        print("songjam: Discord refused DISCORD_TOKEN; check it in .env", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
