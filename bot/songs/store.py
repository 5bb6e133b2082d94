"""The storage interface the engine and the cogs use; no SQL outside its implementations."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from bot.songs.jobs import Job, JobState, NewJob
from bot.songs.quota import QuotaLimits


@dataclass(frozen=True)
class MemberUsage:
    """A member's charged jobs in the rolling day, and when the oldest of them frees up."""

    used: int
    unfinished: int
    next_free_at: float | None


class Claimed(list[Job]):
    """The jobs one claim leased, in order; `taken_over` names those whose lease another owner had
    held and let run out (a stopped or stalled process): job id -> that previous owner."""

    def __init__(self, jobs: Iterable[Job] = (), taken_over: Mapping[int, str] | None = None) -> None:
        super().__init__(jobs)
        self.taken_over: dict[int, str] = dict(taken_over or {})


class Storage(Protocol):
    async def create_job(self, new: NewJob, limits: QuotaLimits, *, now: float, timeout_s: float) -> Job:
        """Check `limits` and record + charge the job in one transaction (QuotaExceeded if not)."""

    async def get_job(self, job_id: int) -> Job | None: ...

    async def member_jobs(
        self, guild_id: int, user_id: int, *, limit: int = 10, search: str | None = None, offset: int = 0
    ) -> list[Job]:
        """The member's newest jobs in that server (skipping the `offset` newest); `search` matches the id
        or the reference name."""

    async def member_job_count(self, guild_id: int, user_id: int) -> int:
        """How many jobs the member has in that server."""

    async def guild_songs(self, guild_id: int, *, limit: int, offset: int = 0) -> list[Job]:
        """The server's songs posted in a channel (delivered, with a message to jump to), newest first."""

    async def guild_song_count(self, guild_id: int) -> int:
        """How many songs `guild_songs` pages through."""

    async def guild_songs_by_id(self, guild_id: int, job_ids: Collection[int]) -> list[Job]:
        """Those of `job_ids` that are songs posted in that server's channels (any order)."""

    async def due_by_state(self, now: float, limits: Mapping[JobState, int]) -> list[Job]:
        """Up to `limits[state]` due jobs in each state, most overdue first within a state."""

    async def claim_due(
        self, now: float, limits: Mapping[JobState, int], *, owner: str, lease_until: float
    ) -> Claimed:
        """Like `due_by_state`, skipping jobs another process holds, and leasing those returned to `owner`.

        Atomic across processes: a job is returned to one claimer until its lease runs out. A job in
        `submitting` is due as soon as nobody holds it (it is to be closed, never sent again).
        `taken_over` on the result: the claimed jobs another owner's expired lease was on.
        """

    async def renew_leases(self, job_ids: Collection[int], *, owner: str, lease_until: float) -> set[int]:
        """Extend `owner`'s leases on these jobs; returns the ids it still held."""

    async def release_lease(self, job_id: int, *, owner: str) -> bool:
        """Let the job go (its step ended), if `owner` still held it."""

    async def release_leases(self, *, owner: str) -> int:
        """Let every job `owner` holds go (the process stops)."""

    async def next_due_at(self, now: float | None = None) -> float | None:
        """The earliest next attempt; given `now`, of jobs nobody holds, or when a held lease runs out."""

    async def update_job(
        self, job_id: int, expect: Iterable[JobState], *, owner: str | None = None, **changes: Any
    ) -> Job | None:
        """Apply `changes` if the job is still in one of `expect` (and `owner` holds its lease, if given);
        None if it moved on meanwhile."""

    async def finish_job(
        self, job_id: int, state: JobState, reason: str | None, *, now: float, refund: bool | Collection[JobState],
        expect: Iterable[JobState], owner: str | None = None, **changes: Any,
    ) -> Job | None:
        """Move the job to terminal `state` (and give its credit back if `refund`), atomically.

        `refund` may name states instead: the credit comes back if the job was in one of them,
        as read in the same transaction that changes it (the returned job says `refunded`).
        """

    async def jobs_in_state(self, state: JobState) -> list[Job]: ...

    async def recently_finished(self, *, created_since: float, finished_since: float) -> list[Job]:
        """Jobs with a status message that ended after `finished_since` (and were created after `created_since`)."""

    async def queue_position(self, job: Job) -> int:
        """1 for the oldest unfinished job; how many unfinished jobs were created up to this one."""

    async def recent_generation_seconds(self, limit: int) -> list[float]:
        """Submit-to-completion times of the latest completed jobs, newest first."""

    async def member_usage(self, guild_id: int, user_id: int, *, now: float) -> MemberUsage: ...

    async def close(self) -> None: ...
