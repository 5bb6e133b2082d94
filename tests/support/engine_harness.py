"""An engine wired to the fake music API and a publisher that records what members would see."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from bot.core.urls import UrlPolicy
from bot.songs.engine import DeliveryRetry, EngineConfig, JobEngine
from bot.songs.jobs import Delivery, Job, JobProgress, JobState, NewJob
from bot.songs.music_api import MusicApiClient
from bot.songs.quota import QuotaLimits
from bot.songs.sqlite_store import SqliteStorage
from fakes.audio import make_mp3
from fakes.music_api import FakeMusicApi
from tests.support.databases import open_test_storage


@dataclass
class RecordingPublisher:
    """Plays Discord's part: remembers every status shown, song delivered and end announced."""

    shown: list[tuple[int, JobState, str | None]] = field(default_factory=list)
    progress: list[tuple[float, JobProgress | None]] = field(default_factory=list)  # (when, progress) per show
    show_failures: int = 0  # the next shows raise (Discord answering 503)
    delivered: list[tuple[int, bytes | None]] = field(default_factory=list)
    ended: list[tuple[int, JobState, str | None]] = field(default_factory=list)
    retries_before_delivery: int = 0
    delivery_attempts: int = 0
    failure: Exception | None = None  # raised by every delivery (e.g. a 4xx Discord keeps answering)
    lands_as: Delivery | None = None  # how a delivery lands (default: a reply with the file, else the link)
    attempts_seen: list[int] = field(default_factory=list)  # the job's recorded delivery attempts at each call
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))

    async def show(self, job: Job, progress: JobProgress | None) -> int | None:
        if self.show_failures > 0:
            self.show_failures -= 1
            raise RuntimeError("Discord answered 503")
        self.shown.append((job.id, job.state, job.api_status))
        self.progress.append((time.time(), progress))
        return next(self._ids) if job.status_message_id is None else None

    async def deliver(self, job: Job) -> tuple[Delivery, int | None]:
        self.delivery_attempts += 1
        self.attempts_seen.append(job.delivery_attempts)
        if self.failure is not None:
            raise self.failure
        if self.retries_before_delivery > 0:
            self.retries_before_delivery -= 1
            raise DeliveryRetry("Discord answered 503", retry_after=0.01)
        data = Path(job.result_path).read_bytes() if job.result_path else None
        self.delivered.append((job.id, data))
        return self.lands_as or (Delivery.REPLY if data else Delivery.LINK), next(self._ids)

    async def announce_end(self, job: Job) -> None:
        self.ended.append((job.id, job.state, job.failure_reason))


@dataclass
class Harness:
    api: FakeMusicApi
    storage: SqliteStorage
    publisher: RecordingPublisher
    session: aiohttp.ClientSession
    tmp: Path
    engine: JobEngine | None = None
    task: asyncio.Task[None] | None = None
    reference_url: str = ""

    def client(self, *, base_url: str | None = None, submit_timeout: float = 5.0,
               url_policy: UrlPolicy | None = None) -> MusicApiClient:
        return MusicApiClient(self.session, base_url or self.api.base_url, self.api.api_key,
                              submit_timeout=submit_timeout, poll_timeout=2.0, url_policy=url_policy)

    def new_engine(self, *, base_url: str | None = None, submit_timeout: float = 5.0, storage: Any = None,
                   api: Any = None, url_policy: UrlPolicy | None = None, **config: float) -> JobEngine:
        """An engine over the harness's storage and fake API (or the `storage`/`api` stand-ins given)."""
        client = api or self.client(base_url=base_url, submit_timeout=submit_timeout, url_policy=url_policy)
        options = {"dense_poll_interval_s": 0.05, "fault_base_s": 0.02, "job_timeout_s": 30.0,
                   "initial_estimate_s": 0.25, **config}
        return JobEngine(storage or self.storage, client, self.publisher,
                         EngineConfig(results_dir=self.tmp / "results", **options))

    async def start(self, **kwargs: Any) -> JobEngine:
        self.engine = self.new_engine(**kwargs)
        await self.engine.recover()
        self.task = asyncio.create_task(self.engine.run())
        return self.engine

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
            self.task = None

    async def enqueue(self, prompt: str = "##la la la##", *, limits: QuotaLimits | None = None) -> Job:
        assert self.engine is not None
        return await self.engine.enqueue(
            NewJob(guild_id=1, channel_id=2, user_id=3, model="minimax-music", prompt_text=prompt, style=None,
                   reference_url=self.reference_url, reference_name="ref.mp3"),
            limits or QuotaLimits(member_daily=5),
        )

    async def wait_for(self, job_id: int, predicate: Callable[[Job], bool], timeout: float = 10.0) -> Job:
        deadline = time.monotonic() + timeout
        while True:
            job = await self.storage.get_job(job_id)
            assert job is not None
            if predicate(job):
                return job
            if time.monotonic() > deadline:
                raise AssertionError(f"job {job_id} stuck in {job.state} ({job.failure_reason})")
            await asyncio.sleep(0.02)

    async def wait_settled(self, job_id: int, timeout: float = 10.0) -> Job:
        """Terminal, and the member told (or delivered)."""
        return await self.wait_for(job_id, lambda j: j.is_terminal and j.next_attempt_at is None, timeout)


@contextlib.asynccontextmanager
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    async with FakeMusicApi() as api, aiohttp.ClientSession() as session:
        storage = await open_test_storage(tmp_path / "songjam.db")
        h = Harness(api=api, storage=storage, publisher=RecordingPublisher(), session=session, tmp=tmp_path)
        h.reference_url = api.host_file("ref.mp3", make_mp3(20.0))
        try:
            yield h
        finally:
            await h.stop()
            await storage.close()
