"""A song jam as the service, the storage and the renderers see it. Times are Unix seconds (UTC)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from bot.core.errors import UserFacingError
from bot.core.i18n import Message
from bot.songs.jobs import JobState


class JamState(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"  # ended (at the deadline or by a moderator): results are due or posted
    CANCELLED = "cancelled"  # stopped by a moderator: no results


class JamRefused(UserFacingError):
    """A jam rule says no: its `Message` is what the member is told (privately), `render(locale)`
    in their language; `str()` is its English text, for logs."""

    def __init__(self, user_message: Message) -> None:
        super().__init__(user_message)


@dataclass(frozen=True)
class JamDraft:
    """A jam a moderator asked for, already validated."""

    guild_id: int
    channel_id: int
    host_id: int
    theme: str
    duration_s: int
    entries_per_member: int = 1
    sponsored: bool = False
    anonymous: bool = False
    winner_role_id: int | None = None


@dataclass(frozen=True)
class Jam:
    """One row of the jams table."""

    id: int
    guild_id: int
    channel_id: int
    thread_id: int | None
    announcement_message_id: int | None
    host_id: int
    theme: str
    entries_per_member: int
    sponsored: bool
    anonymous: bool
    winner_role_id: int | None
    state: JamState
    started_at: float
    ends_at: float
    closed_at: float | None
    closed_by: int | None  # the moderator who ended or cancelled it; None when the deadline did
    results_message_id: int | None
    results_posted_at: float | None
    finalized_at: float | None

    def is_open_at(self, now: float) -> bool:
        """Open in the database and before its deadline (the sweep may not have run yet)."""
        return self.state is JamState.OPEN and now < self.ends_at

    @property
    def votes_visible(self) -> bool:
        """Anonymous jams hide the counts until the close."""
        return not self.anonymous or self.state is not JamState.OPEN


@dataclass(frozen=True)
class JamSettings:
    """A server's jam preferences."""

    guild_id: int
    use_threads: bool = False
    private_standings: bool = False


@dataclass(frozen=True)
class Entry:
    """A delivered song entered in a jam, with its votes; `message_id` is its post in `channel_id`."""

    job_id: int
    user_id: int
    channel_id: int
    message_id: int | None
    delivered_at: float
    votes: int
    title: str = ""  # the song's first lyric line, for the results picture


@dataclass(frozen=True)
class Standing:
    """An entry's place: competition ranking, so two entries tied first are both 1st and the next is 3rd."""

    rank: int
    tied: bool
    entry: Entry


@dataclass(frozen=True)
class SongRef:
    """What the jam rules need to know about a job."""

    job_id: int
    user_id: int
    channel_id: int
    jam_id: int | None
    state: JobState
    finished_at: float | None


@dataclass(frozen=True)
class VoteContext:
    """Everything a vote is judged on, read inside the transaction that records it."""

    jam: Jam | None
    song: SongRef | None
    voter_id: int
    previous_job_id: int | None
    now: float


@dataclass(frozen=True)
class VoteReceipt:
    jam: Jam
    job_id: int
    entrant_id: int
    previous_job_id: int | None
    votes: int  # the entry's votes after this one


@dataclass(frozen=True)
class SubmitContext:
    """Everything entering a finished song is judged on, read inside the transaction."""

    song: SongRef | None
    user_id: int
    jam: Jam | None  # the open jam of the song's channel
    entries: int  # the member's live entries in that jam
    now: float


@dataclass(frozen=True)
class MemberStatus:
    entries: int
    voted_for: int | None


@dataclass(frozen=True)
class JamSummary:
    """A jam with its final (or current) standings."""

    jam: Jam
    standings: list[Standing]

    @property
    def winners(self) -> list[int]:
        """The members with an entry ranked first, if anyone voted at all; each named once."""
        firsts = [s.entry.user_id for s in self.standings if s.rank == 1 and s.entry.votes > 0]
        return list(dict.fromkeys(firsts))
