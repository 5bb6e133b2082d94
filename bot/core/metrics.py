"""The bot's operational figures, in the Prometheus format, and the events operator alerts watch.

The bot owns one `Metrics` (its own `CollectorRegistry`, never prometheus' global default: two
bots in one test process never collide) and hands it to what it instruments: the job engine, the
publisher, discord.py's HTTP client (an aiohttp trace), the songs cog. Besides counting, a few
calls are also events (`listen`): operator alerts react to them as they happen.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace

import aiohttp
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.core.loops import LoopHealth

log = logging.getLogger("songjam.metrics")

CONTENT_TYPE = CONTENT_TYPE_LATEST
# A music API call takes from tens of milliseconds (a poll) to several seconds (a submit, a download).
API_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
# Generation completed -> song posted: a download and an upload, longer when Discord is slow or down.
LAG_BUCKETS = (0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)

Listener = Callable[[str, str], None]


class LoopCollector(Collector):
    """Each supervised loop's restarts (a counter) and whether it runs (a gauge), read at scrape time."""

    def __init__(self, loops: LoopHealth) -> None:
        self.loops = loops

    def collect(self) -> Iterator[CounterMetricFamily | GaugeMetricFamily]:
        restarts = CounterMetricFamily("songjam_loop_restarts", "Restarts of each supervised background loop",
                                       labels=["loop"])
        running = GaugeMetricFamily("songjam_loop_running", "1 while a supervised background loop runs",
                                    labels=["loop"])
        for name, stats in sorted(self.loops.snapshot().items()):
            restarts.add_metric([name], stats.restarts)
            running.add_metric([name], 1.0 if stats.running else 0.0)
        yield restarts
        yield running


class Metrics:
    """Every figure the bot exposes on /metrics; each method is cheap (a counter or histogram update)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        self.jobs = Gauge("songjam_jobs", "Jobs in the database by state (read at scrape time)", ["state"],
                          registry=registry)
        self.submits = Counter("songjam_submits", "Songs submitted to the music API, by outcome", ["outcome"],
                               registry=registry)
        self.api_seconds = Histogram("songjam_music_api_seconds", "Music API call latency, by operation",
                                     ["operation"], buckets=API_BUCKETS, registry=registry)
        self.api_failures = Counter("songjam_music_api_failures", "Music API calls that failed, by operation and kind",
                                    ["operation", "kind"], registry=registry)
        self.delivery_lag = Histogram("songjam_delivery_lag_seconds", "From generation completed to song posted",
                                      buckets=LAG_BUCKETS, registry=registry)
        self.discord_requests = Counter("songjam_discord_requests", "HTTP requests discord.py sent, by status",
                                        ["status"], registry=registry)
        self.discord_rate_limited = Counter("songjam_discord_rate_limited", "Discord answers 429 (rate limited)",
                                            registry=registry)
        self.paced = Counter("songjam_discord_paced_requests", "Requests through the bot's own pacer, by priority",
                             ["priority"], registry=registry)
        self.quota_refusals = Counter("songjam_quota_refusals", "Songs refused before any charge, by reason",
                                      ["reason"], registry=registry)
        self.leases_taken_over = Counter(
            "songjam_leases_taken_over", "Jobs this process claimed after another owner's lease on them ran out"
            " (that process stopped or stalled), by the step taken over", ["step"], registry=registry)
        self.alerts = Counter("songjam_operator_alerts", "Operator alerts sent, by kind", ["kind"], registry=registry)
        self._listeners: list[Listener] = []

    # --- events -------------------------------------------------------------------------------

    def listen(self, listener: Listener) -> None:
        """`listener(kind, detail)` runs for each event: ("submit", outcome), ("api", "ok"/a failure
        kind), ("api_refused", HTTP status), ("quota", reason). It must not block or raise."""
        self._listeners.append(listener)

    def _emit(self, kind: str, detail: str) -> None:
        for listener in self._listeners:
            try:
                listener(kind, detail)
            except Exception:
                log.exception("a metrics listener failed on %s %s", kind, detail)

    # --- what the bot reports -----------------------------------------------------------------

    def submit_outcome(self, outcome: str) -> None:
        self.submits.labels(outcome).inc()
        self._emit("submit", outcome)

    @contextmanager
    def api_call(self, operation: str) -> Iterator[None]:
        """Time one music API call (`submit`, `poll`, `download`); the caller reports failures."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.api_seconds.labels(operation).observe(time.perf_counter() - started)

    def api_ok(self, operation: str) -> None:
        self._emit("api", "ok")

    def api_failed(self, operation: str, kind: str, status: int | None = None) -> None:
        """`kind`: `transient` (busy, unreachable, outcome unknown), `refused` (credits or key), `rejected`."""
        self.api_failures.labels(operation, kind).inc()
        self._emit("api", kind)
        if kind == "refused":
            self._emit("api_refused", str(status or ""))

    def delivered(self, lag_s: float) -> None:
        self.delivery_lag.observe(max(0.0, lag_s))

    def lease_taken_over(self, step: str) -> None:
        self.leases_taken_over.labels(step).inc()

    def paced_request(self, priority: str) -> None:
        self.paced.labels(priority).inc()

    def quota_refused(self, reason: str) -> None:
        self.quota_refusals.labels(reason).inc()
        self._emit("quota", reason)

    def watch_loops(self, loops: LoopHealth) -> None:
        self.registry.register(LoopCollector(loops))

    def set_jobs(self, counts: dict[str, int]) -> None:
        for state, count in counts.items():
            self.jobs.labels(state).set(count)

    def render(self) -> bytes:
        return generate_latest(self.registry)

    def http_trace(self) -> aiohttp.TraceConfig:
        """Counts every HTTP request discord.py makes (REST, interaction callbacks, webhooks) by status,
        and the 429s among them, from the responses themselves rather than from log messages."""
        trace = aiohttp.TraceConfig()

        async def on_end(_session: aiohttp.ClientSession, _context: SimpleNamespace,
                         params: aiohttp.TraceRequestEndParams) -> None:
            status = params.response.status
            self.discord_requests.labels(str(status)).inc()
            if status == 429:
                self.discord_rate_limited.inc()

        async def on_error(_session: aiohttp.ClientSession, _context: SimpleNamespace,
                           _params: aiohttp.TraceRequestExceptionParams) -> None:
            self.discord_requests.labels("error").inc()

        trace.on_request_end.append(on_end)
        trace.on_request_exception.append(on_error)
        return trace
