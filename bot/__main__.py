"""`python -m bot`: run the bot; `sync`: publish the slash commands and exit; `sandbox`: try it offline;
`migrate-db --to postgresql://...`: copy the SQLite database into PostgreSQL (bot/migrate_db.py).

`--sync` (publish at start, then run) is the development shortcut; a deployment runs `sync` once
per release (Procfile `release:`, systemd `ExecStartPre=`) and then the bot without it.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
import time

import aiohttp
import discord

from bot.app import SongjamBot, make_bot, point_discord_at
from bot.config import ConfigError, Settings, load_settings
from bot.core.database import Database, open_database
from bot.core.loop_watch import watch_event_loop
from bot.logging_setup import setup_logging
from bot.songs.music_api import MusicApiClient

log = logging.getLogger("songjam")

# Gateway close codes that no retry fixes: the settings must change.
GATEWAY_REFUSALS = {
    4010: "Discord refused the shard (close 4010): check SHARD_COUNT and SHARD_IDS",
    4011: "Discord requires sharding for this many servers (close 4011): set SHARD_COUNT=auto (see .env.example)",
}


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
                secrets=settings.secrets,
            )
            async with make_bot(
                settings, session=session, database=database, music_api=music_api, sync_commands=sync_commands
            ) as bot:
                # A host stopping the worker sends SIGTERM: close the gateway and database cleanly.
                loop = asyncio.get_running_loop()
                loop.add_signal_handler(signal.SIGTERM, lambda: asyncio.ensure_future(stop(bot)))
                await bot.start(settings.discord_token.reveal())
    finally:
        await database.close()


async def sync_commands(settings: Settings) -> tuple[list[str], int | None]:
    """Log in over REST only (no gateway), publish the slash commands, and close.

    Returns the published command names and the guild they went to (None: globally). The bot is
    built as usual, so the commands are exactly those `run` serves; its database is a throwaway
    in-memory one, since nothing is read or written.
    """
    point_discord_at(settings)
    database = await Database.open(":memory:")
    try:
        async with aiohttp.ClientSession() as session:
            music_api = MusicApiClient(session, settings.music_api_base_url, settings.music_api_key.reveal())
            bot = make_bot(settings, session=session, database=database, music_api=music_api, sync_only=True)
            try:
                await bot.login(settings.discord_token.reveal())  # its setup_hook publishes
            finally:
                for extension in list(bot.extensions):
                    await bot.unload_extension(extension)
                await bot.close()
            return bot.published, settings.dev_guild_id
    finally:
        await database.close()


def run_sync(settings: Settings) -> int:
    try:
        names, guild_id = asyncio.run(sync_commands(settings))
    except discord.LoginFailure:
        print("songjam: Discord refused DISCORD_TOKEN; check it in .env", file=sys.stderr)
        return 1
    except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:
        print(f"songjam: could not publish the commands: {one_line_error(exc)}", file=sys.stderr)
        return 1
    where = (f"to guild {guild_id} (DEV_GUILD_ID)" if guild_id is not None
             else "globally (Discord may take a while to show them everywhere)")
    print(f"songjam: published {len(names)} command(s) {where}: {', '.join('/' + name for name in names)}")
    return 0


def one_line_error(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:300]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["migrate-db"]:
        from bot.migrate_db import main as migrate_main

        return migrate_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m bot", description="songjam: songs from a reference track")
    parser.add_argument("command", nargs="?", choices=("run", "sync", "sandbox", "migrate-db"), default="run",
                        help="run the bot (default); sync: publish the slash commands (to DEV_GUILD_ID if set) "
                             "and exit, as a release step does; sandbox: play a scripted session offline; "
                             "migrate-db: copy the SQLite database into PostgreSQL (migrate-db --help)")
    parser.add_argument("--sync", action="store_true",
                        help="development shortcut: publish the slash commands at start, then run")
    args = parser.parse_args(argv)
    if args.command == "sandbox":
        from bot.sandbox import main as sandbox_main

        return sandbox_main()
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"songjam: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level, settings.secrets, settings.process_name, settings.log_format)
    if args.command == "sync":
        return run_sync(settings)
    try:
        asyncio.run(run_bot(settings, sync_commands=args.sync))
    except discord.LoginFailure:
        print("songjam: Discord refused DISCORD_TOKEN; check it in .env", file=sys.stderr)
        return 1
    except discord.ConnectionClosed as exc:
        if exc.code not in GATEWAY_REFUSALS:
            raise
        print(f"songjam: {GATEWAY_REFUSALS[exc.code]}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
