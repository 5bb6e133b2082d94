"""A song job as the engine and the storage see it."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class JobState(enum.StrEnum):
    """Where a job is; the flow is pending -> submitting -> submitted -> completed -> delivered.

    `submitting` is written (and committed) before the submit call leaves the process, so a crash
    in the middle of it can never lead to a second, paid submit: such a job is closed instead.
    """

    PENDING = "pending"
    SUBMITTING = "submitting"
    SUBMITTED = "submitted"
    COMPLETED = "completed"
    DELIVERED = "delivered"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATES


TERMINAL_STATES = frozenset({JobState.DELIVERED, JobState.FAILED, JobState.EXPIRED, JobState.CANCELLED})
UNFINISHED_STATES = frozenset(set(JobState) - TERMINAL_STATES)


class Delivery(enum.StrEnum):
    """How the finished song reached the member."""

    REPLY = "reply"  # posted in the channel with the file attached (the name is historical: no longer a reply)
    LINK = "link"  # posted in the channel with a link (the file was over the upload limit)
    DM = "dm"  # the channel was gone or closed to the bot: sent to the member directly
    NONE = "none"  # nowhere could take it (or delivery gave up): the member gets the link while it lasts


@dataclass(frozen=True)
class JobProgress:
    """What a waiting member is shown: the songs of their server not started before theirs, and
    when theirs started (when they asked) and should be ready (never in the past when shown)."""

    ahead: int
    started_at: float
    eta: float


@dataclass(frozen=True)
class NewJob:
    """What a member asked for, already validated."""

    guild_id: int
    channel_id: int
    user_id: int
    model: str
    prompt_text: str
    style: str | None
    reference_url: str
    reference_name: str
    jam_id: int | None = None
    title: str | None = None  # the member's title for the song; None: its first lyric line stands for it
    lyrics: str | None = None  # the lyrics as the member wrote them (`prompt_text` is formatted for the model)
    member_name: str | None = None  # the member's display name when they asked (the picture shows it)
    reference_size: int | None = None  # the reference's size and claimed type, to check it again later
    reference_type: str | None = None


@dataclass(frozen=True)
class Job:
    """One row of the jobs table. Times are Unix seconds (UTC)."""

    id: int
    guild_id: int
    channel_id: int
    user_id: int
    model: str
    prompt_text: str
    style: str | None
    reference_url: str
    reference_name: str
    jam_id: int | None
    state: JobState
    api_status: str | None
    generation_id: str | None
    status_message_id: int | None
    result_url: str | None
    result_path: str | None
    result_bytes: int | None
    delivery: Delivery | None
    delivery_message_id: int | None
    failure_reason: str | None
    charged: bool
    refunded: bool
    created_at: float
    submitted_at: float | None
    completed_at: float | None
    finished_at: float | None
    expires_at: float
    next_attempt_at: float | None
    poll_count: int
    fault_streak: int
    member_notified: bool
    delivery_attempts: int = 0  # posts started (recorded before each one: a crash may hide its outcome)
    delivery_attempted_at: float | None = None  # when the latest post was started
    delivery_faults: int = 0  # failed tries that count against the limit (not Discord's passing faults)
    # What the music service said when the job failed, already made safe (`upstream_text`). Shown
    # only to the member (`/song status`); `failure_reason` is the bot's own words, shown to all: a
    # catalogue key (`songs-failure-…`), or English text in a row older than the catalogue.
    failure_detail: str | None = None
    # The process running the job's current step, until when (renewed while the step runs; another
    # process may take the job over once it has passed). See `JobEngine`.
    lease_owner: str | None = None
    lease_until: float | None = None
    title: str | None = None
    lyrics: str | None = None
    member_name: str | None = None
    reference_size: int | None = None
    reference_type: str | None = None

    @property
    def is_terminal(self) -> bool:
        return self.state.is_terminal
