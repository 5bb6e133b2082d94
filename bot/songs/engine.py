"""The job engine: submits, polls, downloads and delivers songs, and survives restarts.

Everything it knows lives in the storage: each step is a conditional state change there, so a
restarted engine picks up where the last one stopped. What the outside world sees goes through a
`JobPublisher` (Discord in production, a recorder in tests); the engine has no Discord code.

Each song has one card (see `bot.songs.card`), refreshed by the status workers: at once for a
visible change (queued -> being made, the end), and otherwise on a slow cadence: a queued card
every `card_refresh_s` (its count of songs ahead), a card whose "ready" time has passed with a
later one. The music service's intermediate statuses never refresh it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from bot.core.database import DATABASE_ERRORS, is_database_busy
from bot.core.i18n import Message, message
from bot.core.leases import new_owner_id
from bot.core.log_context import log_fields
from bot.core.loops import LoopHealth
from bot.core.metrics import Metrics
from bot.core.text import UpstreamText, upstream_text
from bot.songs.card import card_eta, eta_margin
from bot.songs.catalog import get_model
from bot.songs.jobs import TERMINAL_STATES, Delivery, Job, JobProgress, JobState, NewJob
from bot.songs.music_api import (
    MusicApiBadResult,
    MusicApiBusy,
    MusicApiClient,
    MusicApiError,
    MusicApiGenerationFailed,
    MusicApiNotSent,
    MusicApiOutcomeUnknown,
    MusicApiRejected,
    MusicApiUnavailable,
)
from bot.songs.quota import QuotaLimits
from bot.songs.schedule import DEFAULT_ESTIMATE_S, estimate_generation_s, fault_backoff, next_poll_delay
from bot.songs.store import Claimed, Storage

log = logging.getLogger("songjam.engine")
T = TypeVar("T")

ACTIVE = (JobState.PENDING, JobState.SUBMITTING, JobState.SUBMITTED, JobState.COMPLETED)
MAX_SUBMIT_CONNECT_TRIES = 5
MAX_UNKNOWN_ID_POLLS = 5
MAX_NOTIFY_TRIES = 8
# At start, the cards of jobs that ended this recently are shown again (a crash may have kept their last edit).
RECENT_CARDS_S = 15 * 60
# How long Discord answers a repeated nonce with the message it first made ("a few minutes").
CARD_NONCE_WINDOW_S = 5 * 60
MAX_RESULT_BYTES = 200 * 1024 * 1024
STATUS_WORKERS = 4
MAX_PERSIST_DELAY_S = 30.0
# Each step of a job runs with its own number of slots, so a slow one (a 5 s submit, a rate-limited
# Discord) never keeps the others from being started.
# A job left in `submitting` by a process that stopped (its lease ran out) is closed as a submit step.
STEP_STATES: dict[str, tuple[JobState, ...]] = {
    "submit": (JobState.PENDING, JobState.SUBMITTING),
    "poll": (JobState.SUBMITTED,),
    "deliver": (JobState.COMPLETED,),
    "notify": tuple(sorted(TERMINAL_STATES)),
}
STEP_OF = {state: step for step, states in STEP_STATES.items() for state in states}

# Why a job ended without a song: stored as the job's `failure_reason`, a key of the catalogue
# (`bot/locales/<locale>/songs.ftl`), and rendered in each reader's language when shown (the card,
# `/song status`, the member's DM). The music service's own words never go in these public reasons:
# they are kept as the job's `failure_detail`, which only the member sees (`/song status`).
BUSY_REASON = "songs-failure-busy"
UNAVAILABLE_REASON = "songs-failure-unavailable"
UNKNOWN_OUTCOME_REASON = "songs-failure-unknown-outcome"
INTERRUPTED_REASON = "songs-failure-interrupted"
CANCELLED_REASON = "songs-failure-cancelled"
EXPIRED_REASON = "songs-failure-expired"
RESULT_LOST_REASON = "songs-failure-result-lost"
SUBMIT_REFUSED_REASON = "songs-failure-submit-refused"
GENERATION_FAILED_REASON = "songs-failure-generation-failed"
LOST_TRACK_REASON = "songs-failure-lost-track"
BAD_RESULT_REASON = "songs-failure-bad-result"
UNDELIVERABLE_REASON = "songs-failure-undeliverable"
UNFETCHABLE_REASON = "songs-failure-unfetchable"


def result_file_name(job_id: int) -> str:
    """The one name a job's downloaded song has in the results directory."""
    return f"job-{job_id}.mp3"


class DeliveryRetry(Exception):
    """The publisher could not deliver for a passing reason; try again after `retry_after`."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class JobPublisher(Protocol):
    """How the engine shows jobs to members (implemented with Discord in `cogs`)."""

    async def show(self, job: Job, progress: JobProgress | None) -> int | None:
        """Create, edit (only if what it shows changed) or, once the song is posted, delete the job's
        card; returns the card's id when it created one."""

    async def deliver(self, job: Job) -> tuple[Delivery, int | None]:
        """Post the finished song (the file at `job.result_path`); raises DeliveryRetry."""

    async def announce_end(self, job: Job) -> None:
        """Tell the member privately, once, that a job ended without a song (a cancel needs no notice)."""


@dataclass(frozen=True)
class EngineConfig:
    results_dir: Path
    job_timeout_s: float = 20 * 60
    dense_poll_interval_s: float = 1.0
    fault_base_s: float = 2.0
    max_concurrent_polls: int = 16
    max_concurrent_submits: int = 64  # a submit waits 4.5-7 s on the API: 64 make about 10 a second
    max_concurrent_deliveries: int = 8
    idle_wait_s: float = 60.0
    initial_estimate_s: float = DEFAULT_ESTIMATE_S  # until recent generations say otherwise
    # A finished song not delivered this long after it completed, or after this many failed tries
    # (downloads, posts Discord refuses; not its passing 5xx), fails: refunded, the member gets the link.
    delivery_deadline_s: float = 120 * 60
    max_delivery_tries: int = 10
    # How long a process holds a job's step without renewing it: a process that stops (or stalls)
    # loses its jobs to another after this; renewed every third of it while the step runs.
    lease_s: float = 30.0
    # The slow cadence of card edits: a passed "ready" time is replaced by one at least this far
    # ahead, and a queued card's count of songs ahead is checked this often (an edit only if it changed).
    card_refresh_s: float = 30.0


@dataclass(frozen=True)
class CancelResult:
    """The cancelled job (None: not the member's), and what they are told, in their language."""

    job: Job | None
    message: Message


class JobEngine:
    def __init__(
        self,
        storage: Storage,
        api: MusicApiClient,
        publisher: JobPublisher,
        config: EngineConfig,
        *,
        clock: Callable[[], float] = time.time,
        loops: LoopHealth | None = None,
        owner: str | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        self.storage = storage
        # This process run's name on the leases it takes; unique, so a restarted process never
        # mistakes its predecessor's leases (or a stale step of its own) for current ones.
        self.owner = owner or new_owner_id()
        self.api = api
        self.publisher = publisher
        self.config = config
        self.clock = clock
        self._wake = asyncio.Event()
        self._in_flight: dict[int, asyncio.Task[None]] = {}
        self._slots = {"submit": config.max_concurrent_submits, "poll": config.max_concurrent_polls,
                       "deliver": config.max_concurrent_deliveries, "notify": config.max_concurrent_deliveries}
        self._running: dict[str, set[int]] = {step: set() for step in STEP_STATES}
        self._delivery_locks: dict[int, asyncio.Lock] = {}
        self._status_wanted: dict[int, None] = {}
        self._status_event = asyncio.Event()
        self._status_locks: dict[int, asyncio.Lock] = {}
        self._cards_sought: set[int] = set()  # unfinished jobs found without a card (see _show_missing_card)
        # Per unfinished job with a card shown by this process: the "ready" time it shows (kept
        # while ahead, so a new estimate alone costs no edit), or when a queued card was last checked.
        self._shown_eta: dict[int, float] = {}
        self._queued_checked: dict[int, float] = {}
        self._card_retry_at: dict[int, float] = {}  # cards Discord did not take (a 503): shown again then
        self._estimate_s = config.initial_estimate_s
        self.loops = loops if loops is not None else LoopHealth()
        self.metrics = metrics if metrics is not None else Metrics()
        self._unsaved: dict[object, str] = {}

    # --- entry points -------------------------------------------------------------------------

    async def enqueue(self, new: NewJob, limits: QuotaLimits) -> Job:
        """Record and charge a job (raises QuotaExceeded), show it, and wake the loop."""
        job = await self.storage.create_job(new, limits, now=self.clock(), timeout_s=self.config.job_timeout_s)
        with log_fields(job_id=job.id, guild_id=job.guild_id, member_id=job.user_id):
            log.info("job %d created for user %d in guild %d", job.id, job.user_id, job.guild_id)
        self.wake()
        self._cards_sought.add(job.id)  # its card is asked for here, once
        self.request_status(job.id)
        return job

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        """Process due jobs until cancelled; call `recover()` once first.

        The dispatcher and the status workers run under `self.loops`: an error is logged and
        counted, and the loop starts again after a growing delay.
        """
        backoff = self.config.fault_base_s
        workers = [
            asyncio.create_task(self.loops.supervise(f"engine-status-{n}", self._status_loop, base_delay_s=backoff),
                                name=f"songjam-status-{n}")
            for n in range(STATUS_WORKERS)
        ]
        workers.append(asyncio.create_task(
            self.loops.supervise("engine-leases", self._renew_leases, base_delay_s=backoff), name="songjam-leases"))
        workers.append(asyncio.create_task(
            self.loops.supervise("engine-cards", self._card_clock, base_delay_s=backoff), name="songjam-cards"))
        try:
            await self.loops.supervise("engine-dispatch", self._dispatch_due, base_delay_s=backoff)
        finally:
            tasks = [*workers, *self._in_flight.values()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            # Stopping (not crashing): another process may take this one's jobs at once.
            try:
                await self.storage.release_leases(owner=self.owner)
            except Exception:
                log.warning("could not let go of this process's leases; they run out in %.0f s",
                            self.config.lease_s, exc_info=True)

    async def recover(self) -> None:
        """Close jobs a crash left mid-submit: resending could pay twice for one song.

        Only jobs no live process holds: one still submitting elsewhere is left alone. The same
        rule takes over a stopped process's submits later on (see `_take_over_submit`).
        """
        self._estimate_s = estimate_generation_s(
            await self.storage.recent_generation_seconds(20), default=self.config.initial_estimate_s
        )
        while True:
            claimed = await self.storage.claim_due(self.clock(), {JobState.SUBMITTING: 100}, owner=self.owner,
                                                   lease_until=self.clock() + self.config.lease_s)
            self._count_taken_over(claimed)
            for job in claimed:
                try:
                    await self._take_over_submit(job)
                finally:
                    await self._release(job.id)
            if len(claimed) < 100:
                break
        await self._refresh_recent_cards()

    async def _refresh_recent_cards(self) -> None:
        """Show the final state on the cards of jobs that ended shortly before this start.

        A card is refreshed in memory after the job's end is recorded; a crash in between would
        leave it showing "generating" forever. Editing a card to what it already shows is harmless.
        """
        now = self.clock()
        oldest = now - self.config.job_timeout_s - self.config.delivery_deadline_s - RECENT_CARDS_S
        for job in await self.storage.recently_finished(created_since=oldest, finished_since=now - RECENT_CARDS_S):
            self.request_status(job.id)

    def _count_taken_over(self, claimed: Claimed) -> None:
        """Count (and log) the claimed jobs whose previous owner let its lease run out."""
        for job in claimed:
            previous = claimed.taken_over.get(job.id)
            if previous is not None:
                step = STEP_OF[job.state]
                log.info("job %d taken over (%s) from %s: its lease ran out", job.id, step, previous)
                self.metrics.lease_taken_over(step)

    async def _take_over_submit(self, job: Job) -> None:
        log.warning("job %d was interrupted while submitting; closing it without resending", job.id)
        await self._fail(job, INTERRUPTED_REASON, refund=True, expect=(JobState.SUBMITTING,))

    async def cancel(self, job_id: int, user_id: int) -> CancelResult:
        """Cancel a member's own job that has not been delivered; it will never be posted."""
        job = await self.storage.get_job(job_id)
        if job is None or job.user_id != user_id:
            return CancelResult(None, message("songs-job-not-found"))
        async with self._delivery_lock(job_id):
            job = await self.storage.get_job(job_id)
            assert job is not None
            if job.is_terminal:
                return CancelResult(job, message("songs-status-cancel-already", job=str(job_id),
                                                 state=message(f"songs-status-state-{job.state.value}")))
            # The credit comes back only if nothing was sent yet, as the write itself finds the job:
            # a submit may claim it, or hand it back, between the read above and this write.
            cancelled = await self.storage.finish_job(
                job_id, JobState.CANCELLED, CANCELLED_REASON, now=self.clock(), refund=(JobState.PENDING,),
                expect=ACTIVE, next_attempt_at=None, member_notified=True,
            )
        if cancelled is None:
            return CancelResult(await self.storage.get_job(job_id),
                                message("songs-status-cancel-finished", job=str(job_id)))
        self._forget_result(cancelled)
        self.request_status(job_id)
        told = "songs-status-cancelled-refunded" if cancelled.refunded else "songs-status-cancelled-charged"
        return CancelResult(cancelled, message(told, job=str(job_id)))

    async def progress(self, job: Job) -> JobProgress | None:
        """Songs of its server ahead of an unfinished job, and its ETA (never in the past; see `card_eta`).

        Measured from when the member asked, so a song that was queued shows the same line as one
        being made: the submit itself changes nothing on the card. A pending song that is due while
        a submit slot is free starts at once: nothing is ahead of it (the songs of its server that
        are also about to start would make a "queued" card that is stale a moment later).
        """
        if job.is_terminal:
            return None
        ahead = 0
        if job.state is JobState.PENDING and not self._starts_now(job):
            ahead = await self.storage.songs_ahead(job)
        eta = card_eta(job.created_at, self._estimate_s, self._shown_eta.get(job.id), self.clock(),
                       min_lead_s=self.config.card_refresh_s)
        return JobProgress(ahead=ahead, started_at=job.created_at, eta=eta)

    def _starts_now(self, job: Job) -> bool:
        due = job.next_attempt_at is not None and job.next_attempt_at <= self.clock()
        return due and len(self._running["submit"]) < self._slots["submit"]

    # --- the loop -----------------------------------------------------------------------------

    async def _dispatch_due(self) -> None:
        self._wake.clear()
        now = self.clock()
        free = {step: self._slots[step] - len(running) for step, running in self._running.items()}
        # Running jobs hold their leases, so only jobs nobody runs come back (leased to this process).
        wanted = {state: free[step] for state, step in STEP_OF.items() if free[step] > 0}
        claimed = await self.storage.claim_due(now, wanted, owner=self.owner, lease_until=now + self.config.lease_s)
        self._count_taken_over(claimed)
        for job in claimed:
            step = STEP_OF[job.state]
            if job.id in self._in_flight:
                continue  # its lease had run out while its step is still running here: kept (renewed)
            if free[step] > 0:
                self._start(step, job)
                free[step] -= 1
            else:
                await self._release(job.id)  # a submitting job beyond the free slots: for later
        next_due = await self.storage.next_due_at(now)
        idle = self.config.idle_wait_s
        if next_due is None:
            timeout = idle
        elif next_due > now:
            timeout = min(idle, next_due - now)
        else:
            timeout = idle if self._in_flight else 0.05  # due jobs in flight: woken when one ends
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a cancellation that
        # lands as its timeout fires, and the engine would then never stop.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._wake.wait()

    def _start(self, step: str, job: Job) -> None:
        task = asyncio.create_task(self._process(job), name=f"songjam-{step}-{job.id}")
        self._in_flight[job.id] = task
        self._running[step].add(job.id)
        task.add_done_callback(lambda _t, step=step, job_id=job.id: self._job_done(step, job_id))

    def _job_done(self, step: str, job_id: int) -> None:
        self._running[step].discard(job_id)
        task = self._in_flight.pop(job_id, None)
        if task is not None and not task.cancelled() and task.exception() is not None:
            log.error("job %d: unexpected error", job_id, exc_info=task.exception())
        self._wake.set()

    async def _process(self, job: Job) -> None:
        """One step for one job, under its lease (let go when the step ends); its log lines carry its ids."""
        with log_fields(job_id=job.id, guild_id=job.guild_id, member_id=job.user_id):
            try:
                await self._step(job)
            finally:
                await self._release(job.id)

    async def _release(self, job_id: int) -> None:
        try:
            await self.storage.release_lease(job_id, owner=self.owner)
        except Exception:  # it runs out by itself
            log.warning("job %d: could not let go of its lease", job_id, exc_info=True)

    async def _renew_leases(self) -> None:
        """Keep the leases of the jobs whose steps are running here (a long poll, a slow post)."""
        await asyncio.sleep(self.config.lease_s / 3)
        running = set(self._in_flight)
        if not running:
            return
        held = await self.storage.renew_leases(running, owner=self.owner,
                                               lease_until=self.clock() + self.config.lease_s)
        for job_id in sorted(running - held):
            if job_id in self._in_flight:
                log.warning("job %d: its lease was lost (another process took it over); this process's step "
                            "cannot change it any more", job_id)

    def _update_job(self, job_id: int, expect: tuple[JobState, ...], **changes: object) -> Awaitable[Job | None]:
        """A change a step makes: only while this process still holds the job's lease."""
        return self.storage.update_job(job_id, expect, owner=self.owner, **changes)

    def _finish_job(self, job_id: int, state: JobState, reason: str | None, **kwargs: Any) -> Awaitable[Job | None]:
        return self.storage.finish_job(job_id, state, reason, owner=self.owner, **kwargs)

    async def _step(self, job: Job) -> None:
        """One step for one job; any unexpected error is recorded on the job, never fatal to the loop."""
        try:
            if job.is_terminal:
                await self._notify_end(job)
            elif job.state is JobState.SUBMITTING:
                await self._take_over_submit(job)
            elif job.state is JobState.PENDING:
                await self._submit(job)
            elif job.state is JobState.SUBMITTED:
                await self._poll(job)
            elif job.state is JobState.COMPLETED:
                await self._finish_delivery(job)
        except Exception:
            log.exception("job %d: unexpected error in state %s", job.id, job.state.value)
            current = await self._reload(job)
            if current.next_attempt_at is not None:
                streak = current.fault_streak + 1
                await self._update_job(
                    job.id, (current.state,), fault_streak=streak,
                    next_attempt_at=self.clock() + fault_backoff(streak, self.config.fault_base_s),
                )

    # --- steps --------------------------------------------------------------------------------

    async def _submit(self, job: Job) -> None:
        now = self.clock()
        claimed = await self._update_job(
            job.id, (JobState.PENDING,), state=JobState.SUBMITTING, next_attempt_at=None
        )
        if claimed is None:
            return
        model = get_model(job.model)
        body = model.build_request(prompt_text=job.prompt_text, reference_url=job.reference_url, style=job.style)
        metrics = self.metrics
        try:
            with metrics.api_call("submit"):
                generation_id = await self.api.submit(body)
        except MusicApiNotSent:
            metrics.api_failed("submit", "transient")
            streak = claimed.fault_streak + 1
            if streak >= MAX_SUBMIT_CONNECT_TRIES:
                metrics.submit_outcome("unreachable")
                await self._submit_failed(claimed, BUSY_REASON)
                return
            metrics.submit_outcome("retried")
            log.warning("job %d: music API unreachable, retry %d", job.id, streak)
            retry = await self._persist(
                job.id, "its submit never reached the music service (to be sent again)",
                lambda: self._update_job(
                    job.id, (JobState.SUBMITTING,), state=JobState.PENDING, fault_streak=streak,
                    next_attempt_at=now + fault_backoff(streak, self.config.fault_base_s),
                ),
            )
            if retry is None:
                await self._refund_cancelled_submit(claimed)
            else:
                self.request_status(job.id)  # waiting now: the songs ahead of it may show (if any)
            return
        except MusicApiBusy as exc:
            log.warning("job %d: music API busy at submit (%s)", job.id, exc.status)
            metrics.api_failed("submit", "transient")
            metrics.submit_outcome("busy")
            await self._submit_failed(claimed, BUSY_REASON)
            return
        except MusicApiUnavailable as exc:
            log.error("job %d: music API refused our key (HTTP %s): check MUSIC_API_KEY and credits",
                      job.id, exc.status)
            metrics.api_failed("submit", "refused", exc.status)
            metrics.submit_outcome("unavailable")
            await self._submit_failed(claimed, UNAVAILABLE_REASON)
            return
        except MusicApiOutcomeUnknown:
            log.warning("job %d: submit outcome unknown; not resending", job.id)
            metrics.api_failed("submit", "transient")
            metrics.submit_outcome("unknown")
            await self._submit_failed(claimed, UNKNOWN_OUTCOME_REASON)
            return
        except MusicApiError as exc:
            log.warning("job %d: submit rejected: %s", job.id, exc.detail or exc.user_message)
            metrics.api_failed("submit", "rejected")
            metrics.submit_outcome("rejected")
            await self._submit_failed(claimed, SUBMIT_REFUSED_REASON, detail=exc.detail)
            return
        metrics.api_ok("submit")
        metrics.submit_outcome("accepted")
        submitted_at = self.clock()
        first_poll_at = submitted_at + next_poll_delay(0.0, self._estimate_s, self.config.dense_poll_interval_s)
        updated = await self._persist(
            job.id, f"the music service accepted it (paid) as generation {generation_id}",
            lambda: self._update_job(
                job.id, (JobState.SUBMITTING,), state=JobState.SUBMITTED, generation_id=generation_id,
                api_status="queued", submitted_at=submitted_at, fault_streak=0, next_attempt_at=first_poll_at,
            ),
        )
        if updated is None:
            log.warning("job %d: cancelled while being submitted; generation %s is paid for and will not be posted",
                        job.id, generation_id)
            return
        log.info("job %d submitted as %s", job.id, generation_id)
        self.request_status(job.id)

    async def _poll(self, job: Job) -> None:
        now = self.clock()
        if now >= job.expires_at:
            log.info("job %d expired after %.0f s", job.id, now - job.created_at)
            await self._fail(job, EXPIRED_REASON, refund=True, expect=(JobState.SUBMITTED,), state=JobState.EXPIRED)
            return
        assert job.generation_id is not None
        try:
            with self.metrics.api_call("poll"):
                generation = await self.api.poll(job.generation_id)
        except MusicApiGenerationFailed as exc:
            await self._fail(job, GENERATION_FAILED_REASON, refund=True, expect=(JobState.SUBMITTED,),
                             detail=exc.detail)
            return
        except (MusicApiBusy, MusicApiUnavailable, MusicApiNotSent, MusicApiOutcomeUnknown) as exc:
            self._api_fault("poll", exc)
            await self._retry_later(job, exc)
            return
        except MusicApiRejected as exc:  # unknown id: tolerate a few, then give up
            if job.fault_streak + 1 >= MAX_UNKNOWN_ID_POLLS:
                await self._fail(job, LOST_TRACK_REASON, refund=True, expect=(JobState.SUBMITTED,),
                                 detail=exc.detail)
                return
            await self._retry_later(job, exc)
            return
        self.metrics.api_ok("poll")
        poll_count = job.poll_count + 1
        if generation.is_failed:
            await self._fail(job, GENERATION_FAILED_REASON, refund=True, expect=(JobState.SUBMITTED,),
                             detail=upstream_text(generation.error or ""), poll_count=poll_count)
            return
        if generation.is_completed and generation.audio_url:
            completed = await self._update_job(
                job.id, (JobState.SUBMITTED,), state=JobState.COMPLETED, api_status=generation.status,
                result_url=generation.audio_url, result_bytes=generation.audio_size, completed_at=now,
                poll_count=poll_count, fault_streak=0, next_attempt_at=now,
            )
            if completed is not None:
                self._learn(completed)
                self.wake()  # delivered as a step of its own: a slow Discord never holds up polling
            return
        elapsed = now - (job.submitted_at or job.created_at)
        delay = next_poll_delay(elapsed, self._estimate_s, self.config.dense_poll_interval_s)
        await self._update_job(
            job.id, (JobState.SUBMITTED,), api_status=generation.status, poll_count=poll_count,
            fault_streak=0, next_attempt_at=min(now + delay, job.expires_at),
        )
        # The music service's own intermediate statuses (queued, generating) do not change the card;
        # a song still being made that has no card gets one (a finished one goes straight to its post).
        self._show_missing_card(job)

    async def _finish_delivery(self, job: Job) -> None:
        """Download the result (result URLs are temporary), then post it.

        Gives up once out of tries, or when the last try failed and the deadline has passed (a song
        that finished before a long downtime still gets a try after the restart).
        """
        past_deadline = job.fault_streak > 0 and self.clock() >= self._delivery_deadline(job)
        if job.delivery_faults >= self.config.max_delivery_tries or past_deadline:
            await self._give_up_delivery(job)
            return
        if job.result_path is None or not Path(job.result_path).exists():
            downloaded = await self._download(job)
            if downloaded is None:
                return
            job = downloaded
        if job.status_message_id is None and self.clock() - job.created_at < CARD_NONCE_WINDOW_S:
            # A process that stopped may have posted the card without recording it. Showing the card
            # again sends the same nonce, so Discord hands back that message (or makes it now): its id
            # is recorded, and the card is removed once the song is posted instead of staying behind.
            await self.refresh_status(job.id)
        async with self._delivery_lock(job.id):
            current = await self.storage.get_job(job.id)
            if current is None or current.state is not JobState.COMPLETED:
                return  # cancelled meanwhile: never posted
            # Recorded before posting: if the outcome is lost (a crash, a dropped answer), the next
            # try knows a post may already be out, and looks for it before posting again.
            attempt = await self._update_job(
                job.id, (JobState.COMPLETED,), delivery_attempts=current.delivery_attempts + 1,
                delivery_attempted_at=self.clock(),
            )
            if attempt is None:
                return
            try:
                delivery, message_id = await self.publisher.deliver(attempt)
            except DeliveryRetry as exc:  # a passing Discord fault: retried until the deadline
                await self._defer_delivery(attempt, str(exc), counts=False, retry_after=exc.retry_after)
                return
            except Exception as exc:  # e.g. a 4xx Discord keeps answering: a failed try
                log.warning("job %d: the song could not be posted", job.id, exc_info=True)
                await self._defer_delivery(attempt, type(exc).__name__, counts=True)
                return
            delivered = await self._persist(
                job.id, f"the song was posted ({delivery.value}, message {message_id})",
                lambda: self._finish_job(
                    job.id, JobState.DELIVERED, None, now=self.clock(), refund=False, expect=(JobState.COMPLETED,),
                    delivery=delivery, delivery_message_id=message_id, next_attempt_at=None, member_notified=True,
                    result_path=None,
                ),
            )
        log.info("job %d delivered (%s)", job.id, delivery.value)
        if delivered is not None:
            self.metrics.delivered(self.clock() - (current.completed_at or current.created_at))
            self._forget_result(current)  # Discord holds the file now, or the link stands for it
            self.request_status(job.id)

    def _delivery_deadline(self, job: Job) -> float:
        return (job.completed_at or job.created_at) + self.config.delivery_deadline_s

    async def _defer_delivery(self, job: Job, reason: str, *, counts: bool, retry_after: float | None = None) -> None:
        """Try again later, never after the deadline; `counts`: a failed try, not a passing Discord fault."""
        now = self.clock()
        streak = job.fault_streak + 1
        faults = job.delivery_faults + int(counts)
        next_attempt = min(now + fault_backoff(streak, self.config.fault_base_s, retry_after),
                           max(now, self._delivery_deadline(job)))
        if faults >= self.config.max_delivery_tries:
            next_attempt = now  # out of tries: the next step gives up
        log.warning("job %d: delivery deferred (%s), %d failed tries", job.id, reason, faults)
        await self._update_job(
            job.id, (JobState.COMPLETED,), fault_streak=streak, delivery_faults=faults, next_attempt_at=next_attempt,
        )

    async def _give_up_delivery(self, job: Job) -> None:
        """Fail a song that could not be delivered in time: refunded, and the member gets its link."""
        fetched = job.result_path is not None and Path(job.result_path).exists()
        log.warning("job %d: giving up its delivery after %d failed tries, %.0f s after completion",
                    job.id, job.delivery_faults, self.clock() - (job.completed_at or job.created_at))
        await self._fail(job, UNDELIVERABLE_REASON if fetched else UNFETCHABLE_REASON, refund=True,
                         expect=(JobState.COMPLETED,), delivery=Delivery.NONE)

    async def _download(self, job: Job) -> Job | None:
        """Fetch the result to disk; None when the job cannot be delivered now (failed, or retrying).

        A result too large to fetch comes back without a `result_path`: its link is delivered.
        """
        assert job.result_url is not None
        dest = self.config.results_dir / result_file_name(job.id)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self.metrics.api_call("download"):
                size = await self.api.download(job.result_url, dest, max_bytes=MAX_RESULT_BYTES)
        except MusicApiGenerationFailed:
            await self._fail(job, RESULT_LOST_REASON, refund=True, expect=(JobState.COMPLETED,))
            return None
        except MusicApiBadResult as exc:  # an unsafe URL or not audio: never posted, never the member's fault
            log.warning("job %d: result refused: %s", job.id, exc.detail)
            await self._fail(job, BAD_RESULT_REASON, refund=True, expect=(JobState.COMPLETED,), detail=exc.detail)
            return None
        except MusicApiRejected:
            log.warning("job %d: result over %d bytes; delivering the link", job.id, MAX_RESULT_BYTES)
            return job
        except (MusicApiBusy, MusicApiUnavailable, MusicApiNotSent, MusicApiOutcomeUnknown) as exc:
            self._api_fault("download", exc)
            retry_after = exc.retry_after if isinstance(exc, MusicApiBusy) else None
            await self._defer_delivery(job, f"download: {type(exc).__name__}", counts=True, retry_after=retry_after)
            return None
        self.metrics.api_ok("download")
        fetched = await self._update_job(
            job.id, (JobState.COMPLETED,), result_path=str(dest), result_bytes=size, fault_streak=0
        )
        if fetched is None:
            dest.unlink(missing_ok=True)  # cancelled during the download
        return fetched

    async def _notify_end(self, job: Job) -> None:
        """Tell the member once that a job ended without a song; retried if Discord is down."""
        try:
            await self.publisher.announce_end(job)
        except Exception as exc:
            streak = job.fault_streak + 1
            if streak < MAX_NOTIFY_TRIES:
                log.warning("job %d: could not tell the member yet", job.id, exc_info=True)
                retry_after = exc.retry_after if isinstance(exc, DeliveryRetry) else None
                await self._update_job(
                    job.id, (job.state,), fault_streak=streak,
                    next_attempt_at=self.clock() + fault_backoff(streak, self.config.fault_base_s, retry_after),
                )
                return
            log.warning("job %d: giving up telling the member", job.id)
        await self._persist(
            job.id, f"the member was told it {job.state.value} (or given up on)",
            lambda: self._update_job(job.id, (job.state,), member_notified=True, next_attempt_at=None),
        )

    # --- helpers ------------------------------------------------------------------------------

    async def _fail(
        self, job: Job, reason: str, *, refund: bool, expect: tuple[JobState, ...],
        state: JobState = JobState.FAILED, detail: UpstreamText | None = None, durable: bool = False,
        **changes: object,
    ) -> Job | None:
        """End the job without a song and tell the member; None if it was no longer in `expect`.

        `reason` is the key of the bot's own words (a `*_REASON`), shown publicly; `detail` is what the
        music service said (only ever `UpstreamText`), kept for the member's eyes only. `durable`: the
        end records an outcome that cannot be asked for again (a submit's), so it is kept and retried
        while the database is busy.
        """
        def finish() -> Awaitable[Job | None]:
            return self._finish_job(
                job.id, state, reason, now=self.clock(), refund=refund, expect=expect,
                next_attempt_at=self.clock(), fault_streak=0, failure_detail=detail or None, **changes,
            )

        failed = await (self._persist(job.id, f"it {state.value}: {reason}", finish) if durable else finish())
        if failed is None:
            return None
        log.info("job %d %s: %s%s", job.id, state.value, reason, f" ({detail})" if detail else "")
        self._forget_result(failed)
        self.request_status(job.id)
        await self._notify_end(failed)
        return failed

    async def _submit_failed(self, job: Job, reason: str, *, detail: UpstreamText | None = None) -> None:
        """The music service did not take the song: the job fails with its credit back."""
        if await self._fail(job, reason, refund=True, expect=(JobState.SUBMITTING,), durable=True,
                            detail=detail) is None:
            await self._refund_cancelled_submit(job)

    async def _refund_cancelled_submit(self, job: Job) -> None:
        """The member cancelled while the submit was out, and the music service did not take it: credit back.

        (The cancel could not know the outcome, so it kept the credit.)
        """
        refunded = await self._persist(
            job.id, "it was cancelled while submitting and the music service did not take it (refund)",
            lambda: self._finish_job(
                job.id, JobState.CANCELLED, CANCELLED_REASON, now=self.clock(), refund=True,
                expect=(JobState.CANCELLED,),
            ),
        )
        if refunded is not None:
            log.info("job %d: cancelled while submitting, and the music service did not take it; credit back", job.id)

    @property
    def unsaved_writes(self) -> list[str]:
        """What the engine knows but the database does not have yet (it is busy), one line each."""
        return list(self._unsaved.values())

    async def _persist(self, job_id: int, what: str, write: Callable[[], Awaitable[T]]) -> T:
        """Run a write that records what the outside world already did (a paid submit, a post).

        A passing lock on the database (a backup, an operator's sqlite3 shell) must not lose it:
        `what` and the write stay here and are tried again, with a growing delay, until they land,
        and the job carries on from there. Stopped first (or failing otherwise), the log says what
        was not saved, so an operator can record it.
        """
        key = object()
        self._unsaved[key] = f"job {job_id}: {what}"
        attempt = 0
        try:
            while True:
                try:
                    return await write()
                except DATABASE_ERRORS as exc:
                    if not is_database_busy(exc):
                        raise
                    attempt += 1
                    delay = min(MAX_PERSIST_DELAY_S, self.config.fault_base_s * 2 ** (attempt - 1))
                    log.warning("job %d: the database is busy (%s); kept in memory and saved again in %.1f s "
                                "(try %d): %s", job_id, exc, delay, attempt, what)
                    await asyncio.sleep(delay)
        except BaseException as exc:
            log.error("job %d: stopped (%s) before this could be saved; if the database lacks it, record it by "
                      "hand: %s", job_id, type(exc).__name__, what)
            raise
        finally:
            del self._unsaved[key]

    def _api_fault(self, operation: str, exc: MusicApiError) -> None:
        if isinstance(exc, MusicApiUnavailable):
            self.metrics.api_failed(operation, "refused", exc.status)
        else:
            self.metrics.api_failed(operation, "transient")

    async def _retry_later(self, job: Job, exc: MusicApiError) -> None:
        streak = job.fault_streak + 1
        retry_after = exc.retry_after if isinstance(exc, MusicApiBusy) else None
        delay = fault_backoff(streak, self.config.fault_base_s, retry_after)
        log.info("job %d: transient fault (%s); retry in %.1f s", job.id, type(exc).__name__, delay)
        next_attempt = self.clock() + delay
        if job.state is JobState.SUBMITTED:  # still notice the expiry on time
            next_attempt = max(min(next_attempt, job.expires_at), self.clock() + 1.0)
        await self._update_job(job.id, (job.state,), fault_streak=streak, next_attempt_at=next_attempt)

    async def _reload(self, job: Job) -> Job:
        reloaded = await self.storage.get_job(job.id)
        assert reloaded is not None
        return reloaded

    def _learn(self, job: Job) -> None:
        """Fold a finished generation's time into the running estimate."""
        if job.completed_at and job.submitted_at:
            sample = job.completed_at - job.submitted_at
            self._estimate_s = 0.8 * self._estimate_s + 0.2 * sample

    def _forget_result(self, job: Job) -> None:
        """Delete the job's file, wherever it is recorded and wherever a download may have left it."""
        if job.result_path:
            Path(job.result_path).unlink(missing_ok=True)
        (self.config.results_dir / result_file_name(job.id)).unlink(missing_ok=True)

    def _delivery_lock(self, job_id: int) -> asyncio.Lock:
        return self._delivery_locks.setdefault(job_id, asyncio.Lock())

    # --- status messages ----------------------------------------------------------------------

    def _show_missing_card(self, job: Job) -> None:
        """Post the card of a song being made that has none, once per process run: a process stopped
        between submitting it and posting its card (a crash, a deploy) leaves it without one, and the
        music service's own progress does not refresh a card. (A pending song's card comes with its
        submit; a finished one's song is posted instead.)"""
        if job.status_message_id is None and not job.is_terminal and job.id not in self._cards_sought:
            self._cards_sought.add(job.id)
            self.request_status(job.id)

    def request_status(self, job_id: int) -> None:
        """Ask for the job's status message to be refreshed; requests for one job coalesce."""
        self._status_wanted[job_id] = None
        self._status_event.set()

    async def _status_loop(self) -> None:
        """Refresh requested status messages with the latest state, so edits never pile up."""
        while True:
            await self._status_event.wait()
            while self._status_wanted:
                job_id = next(iter(self._status_wanted))
                del self._status_wanted[job_id]
                try:
                    await self.refresh_status(job_id)
                except Exception as exc:
                    self.request_status(job_id)  # shown once the worker is back
                    exc.add_note(f"refreshing the status of job {job_id}")
                    raise
            self._status_event.clear()

    async def refresh_status(self, job_id: int) -> None:
        """Show the job's current state; one refresh per job at a time, so none overtakes another."""
        async with self._status_locks.setdefault(job_id, asyncio.Lock()):
            job = await self.storage.get_job(job_id)
            if job is None:
                return
            progress = await self.progress(job)
            try:
                message_id = await self.publisher.show(job, progress)
            except Exception:
                log.exception("job %d: could not update its card; trying again later", job_id)
                self._card_retry_at[job_id] = self.clock() + self.config.card_refresh_s
                return
            self._remember_card(job, progress)
            if message_id is not None and message_id != job.status_message_id:
                await self._persist(
                    job_id, f"its status message was posted as {message_id}",
                    lambda: self.storage.update_job(job_id, tuple(JobState), status_message_id=message_id),
                )
        if job.is_terminal:
            self._status_locks.pop(job_id, None)
            self._cards_sought.discard(job_id)
            self._delivery_locks.pop(job_id, None)

    def _remember_card(self, job: Job, progress: JobProgress | None) -> None:
        """What the card now shows, for `_card_clock` to know when it needs a refresh."""
        self._shown_eta.pop(job.id, None)
        self._queued_checked.pop(job.id, None)
        self._card_retry_at.pop(job.id, None)
        if progress is None:
            return
        if progress.ahead > 0:
            self._queued_checked[job.id] = self.clock()
        else:
            self._shown_eta[job.id] = progress.eta

    async def _card_clock(self) -> None:
        """Refresh the cards whose shown "ready" time has passed, and check queued cards now and then."""
        margin = eta_margin(self.config.card_refresh_s)
        await asyncio.sleep(margin / 2)
        now = self.clock()
        for job_id, eta in list(self._shown_eta.items()):
            if eta <= now + margin:
                self.request_status(job_id)
        for job_id, checked in list(self._queued_checked.items()):
            if now - checked >= self.config.card_refresh_s:
                self.request_status(job_id)
        for job_id, retry_at in list(self._card_retry_at.items()):
            if retry_at <= now:
                self.request_status(job_id)
