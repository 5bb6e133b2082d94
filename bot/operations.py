"""Running the bot as a service: /healthz and /metrics over HTTP, and alerts to the operator in Discord.

Both read several capabilities (the gateway, the database, the engine's loops, the jobs table),
so they live next to the bot class rather than in the core. Both are optional: the HTTP server
runs only with METRICS_PORT; alerts always log, and reach Discord when there is somewhere to send
them (OPERATOR_CHANNEL_ID, else the application owner's DMs). An alert in the operator channel
speaks that server's language (as any post there would); a DM, whose reader's language Discord does
not tell, and the log line are English.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.core.database import DATABASE_ERRORS
from bot.core.i18n import DEFAULT_LOCALE, Message, message, public_locale
from bot.core.loops import LoopStats
from bot.core.pacer import Priority
from bot.songs.jobs import JobState

if TYPE_CHECKING:
    from bot.app import SongjamBot

log = logging.getLogger("songjam.operations")

DATABASE_TIMEOUT_S = 2.0
# A loop restarting this often within the window is reported by /healthz and alerted on.
RESTART_WINDOW_S = 10 * 60
RESTARTS_IN_WINDOW = 3
# Consecutive transient music API failures (busy, unreachable, outcome unknown) before an alert.
API_FAILURE_STREAK = 5

# --- health -----------------------------------------------------------------------------------

async def health_problems(bot: SongjamBot) -> list[str]:
    """Why the bot is unhealthy (empty: healthy): gateway, database, background loops."""
    problems = list(bot.gateway_problems())
    try:
        async with asyncio.timeout(DATABASE_TIMEOUT_S):
            await bot.database.fetch_value("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure (timeout, locked, closed, another backend's) is the answer
        problems.append(f"database: {type(exc).__name__}: {exc}".strip(": "))
    problems += loop_problems(bot.loops.snapshot().values(), time.time())
    return problems


def loop_problems(loops: Any, now: float) -> list[str]:
    problems = []
    for stats in loops:
        stats_: LoopStats = stats
        if stats_.repeat and not stats_.running:
            problems.append(f"loop {stats_.name}: not running")
        elif (recent := stats_.restarts_since(now - RESTART_WINDOW_S)) >= RESTARTS_IN_WINDOW:
            problems.append(f"loop {stats_.name}: restarted {recent} times in 10 minutes ({stats_.last_error})")
    return problems


class OpsServer:
    """`GET /healthz` and `GET /metrics`, on the bot's own event loop (aiohttp.web)."""

    def __init__(self, bot: SongjamBot, host: str, port: int) -> None:
        self.bot = bot
        self.host, self.port = host, port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.add_routes([web.get("/healthz", self.healthz), web.get("/metrics", self.metrics)])
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        log.info("health and metrics on http://%s:%d/healthz and /metrics", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def healthz(self, _request: web.Request) -> web.Response:
        problems = await health_problems(self.bot)
        body = {"status": "ok" if not problems else "unhealthy", "process": self.bot.settings.process_name,
                "problems": problems}
        return web.json_response(body, status=200 if not problems else 503, dumps=json.dumps)

    async def metrics(self, _request: web.Request) -> web.Response:
        metrics = self.bot.metrics
        try:
            async with asyncio.timeout(DATABASE_TIMEOUT_S):
                rows = await self.bot.database.fetch_all("SELECT state, COUNT(*) FROM jobs GROUP BY state")
            counts = {state.value: 0 for state in JobState} | {str(row[0]): int(row[1]) for row in rows}
            metrics.set_jobs(counts)
        except Exception:
            log.warning("/metrics: the job counts could not be read; the last ones are shown", exc_info=True)
        return web.Response(body=metrics.render(), headers={"Content-Type": "text/plain; version=0.0.4; charset=utf-8"})


# --- alerts -----------------------------------------------------------------------------------

class OperatorAlerts:
    """Tells the operator, at most once per ALERT_INTERVAL_MINUTES for each kind, through the paced publisher."""

    def __init__(self, bot: SongjamBot, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.bot = bot
        self.clock = clock
        self.interval_s = bot.settings.alert_interval_s
        self._last_sent: dict[str, float] = {}
        self._failure_streak = 0
        self._tasks: set[asyncio.Task[None]] = set()
        bot.metrics.listen(self.on_event)
        bot.loops.on_restart = self.on_loop_restart

    def on_event(self, kind: str, detail: str) -> None:
        if kind == "api_refused":
            self.alert("api-refused", status=detail or "401/403")
        elif kind == "api":
            if detail == "transient":
                self._failure_streak += 1
                if self._failure_streak >= API_FAILURE_STREAK:
                    self.alert("api-failing", count=self._failure_streak)
            elif detail == "ok":
                self._failure_streak = 0
        elif kind == "quota" and detail == "global_cap":
            self.alert("global-cap")

    def on_loop_restart(self, stats: LoopStats) -> None:
        count = stats.restarts_since(time.time() - RESTART_WINDOW_S)
        if count >= RESTARTS_IN_WINDOW:
            self.alert("loop-restarts", loop=stats.name, count=count)

    def alert(self, kind: str, **fields: object) -> None:
        """Log it always; send it to Discord unless this kind was sent within the interval.

        `kind` names the text: `core-alert-<kind>` in the catalogue, with `fields` as its arguments."""
        alert = message(f"core-alert-{kind}", **fields)
        text = str(alert)
        now = self.clock()
        last = self._last_sent.get(kind)
        if last is not None and now - last < self.interval_s:
            log.info("operator alert %s (already sent %.0f s ago): %s", kind, now - last, text)
            return
        self._last_sent[kind] = now
        log.warning("operator alert %s: %s", kind, text)
        self.bot.metrics.alerts.labels(kind).inc()
        task = asyncio.get_running_loop().create_task(self._send(alert), name=f"songjam-alert-{kind}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send(self, alert: Message) -> None:
        publisher = self.bot.publisher
        channel_id = self.bot.settings.operator_channel_id
        try:
            if channel_id is not None:
                channel = await publisher.channel(channel_id, Priority.STATUS)
                await publisher.send(channel, Priority.STATUS, alert.render(await self._language_of(channel)))
                return
            application = self.bot.application
            owner = application.owner if application is not None else None
            if owner is None:
                return  # nowhere to send it: the log line is the alert
            await publisher.direct_message(owner.id, Priority.STATUS, str(alert))
        except Exception as exc:  # never a reason to disturb what raised the alert
            log.warning("could not send an operator alert (%s)", type(exc).__name__, exc_info=True)

    async def _language_of(self, channel: object) -> str:
        """The operator channel's server language; its Discord locale alone when the database cannot
        say (an alert may be about that very database)."""
        guild = getattr(channel, "guild", None)
        if guild is None:
            return DEFAULT_LOCALE  # a DM channel: no server to speak for
        guild_locale = getattr(guild, "preferred_locale", None)  # unknown for a stand-in (another shard's)
        try:
            return await public_locale(self.bot.languages, guild.id, guild_locale)
        except DATABASE_ERRORS as exc:
            log.info("the operator channel's language is unknown (%s); its server's locale is used", exc)
            return await public_locale(self.bot.languages, None, guild_locale)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
