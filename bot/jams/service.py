"""Song jams: the rules (durations, entries, votes, ranking) and their life cycle, with no Discord code.

A jam is open until its deadline; `close_due` closes the ones past it exactly once, however often
it runs (after a restart too). Closing is then shown in Discord by the jams cog, which marks the
jam finalized when that is done.
"""

from __future__ import annotations

import enum
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from bot.core.i18n import message
from bot.core.leases import new_owner_id
from bot.jams.models import (
    Entry,
    Jam,
    JamDraft,
    JamRefused,
    JamSettings,
    JamState,
    JamSummary,
    MemberStatus,
    Standing,
    SubmitContext,
    VoteContext,
    VoteReceipt,
)
from bot.jams.store import JamStore
from bot.songs.jobs import Job, JobState
from bot.songs.quota import QuotaLimits

MINUTE = 60
UNIT_SECONDS = {"w": 7 * 24 * 3600, "d": 24 * 3600, "h": 3600, "m": MINUTE}
MIN_DURATION_S = 10 * MINUTE
MAX_DURATION_S = 30 * 24 * 3600
MAX_THEME_CHARS = 200
MAX_ENTRIES_PER_MEMBER = 10
HISTORY_SIZE = 10

_DURATION = re.compile(r"(?:\d{1,5}[wdhm])+")
_DURATION_PART = re.compile(r"(\d+)([wdhm])")


def refused(what: str, **args: object) -> JamRefused:
    """The refusal `jams-refused-<what>` (bot/locales/*/jams.ftl)."""
    return JamRefused(message(f"jams-refused-{what}", **args))


def parse_duration(text: str) -> int:
    """`90m`, `2d`, `1h30m` or `1h 30m` as seconds; JamRefused says what is wrong otherwise."""
    compact = "".join(text.lower().split())
    if not compact:
        raise refused("duration-missing")
    shown = text.strip()[:20].replace("`", "'")
    if not _DURATION.fullmatch(compact):
        raise refused("duration-unreadable", text=shown)
    parts = _DURATION_PART.findall(compact)
    units = [unit for _, unit in parts]
    if len(set(units)) != len(units):
        raise refused("duration-unit-twice", text=shown)
    seconds = sum(int(number) * UNIT_SECONDS[unit] for number, unit in parts)
    if seconds < MIN_DURATION_S:
        raise refused("duration-short", minutes=MIN_DURATION_S // MINUTE)
    if seconds > MAX_DURATION_S:
        raise refused("duration-long", days=MAX_DURATION_S // UNIT_SECONDS["d"])
    return seconds


def clean_theme(theme: str) -> str:
    """The theme on one line, without runs of spaces; JamRefused when empty or too long."""
    cleaned = " ".join(theme.split())
    if not cleaned:
        raise refused("theme-missing")
    if len(cleaned) > MAX_THEME_CHARS:
        raise refused("theme-long", max=MAX_THEME_CHARS)
    return cleaned


def rank(entries: Iterable[Entry]) -> list[Standing]:
    """Most votes first; equal votes share a place (1, 1, 3) and are marked as ties.

    Within a tie the earlier delivered entry is listed first; that order carries no rank.
    """
    ordered = sorted(entries, key=lambda entry: (-entry.votes, entry.delivered_at, entry.job_id))
    counts = Counter(entry.votes for entry in ordered)
    standings: list[Standing] = []
    for index, entry in enumerate(ordered):
        place = standings[-1].rank if standings and standings[-1].entry.votes == entry.votes else index + 1
        standings.append(Standing(rank=place, tied=counts[entry.votes] > 1, entry=entry))
    return standings


# --- rules: each raises JamRefused with what the member is told -----------------------------------


def check_entry_limit(jam: Jam, entries: int) -> None:
    if entries >= jam.entries_per_member:
        raise refused("entry-limit", allowed=jam.entries_per_member, entries=entries)


def check_vote(ctx: VoteContext) -> None:
    jam, song = ctx.jam, ctx.song
    if jam is None:
        raise refused("jam-gone")
    if not jam.is_open_at(ctx.now):
        raise refused("voting-closed")
    if song is None or song.jam_id != jam.id or song.state is not JobState.DELIVERED:
        raise refused("not-an-entry")
    if song.user_id == ctx.voter_id:
        raise refused("own-entry")
    if ctx.previous_job_id == song.job_id:
        raise refused("same-entry")


def check_submission(ctx: SubmitContext) -> None:
    song, jam = ctx.song, ctx.jam
    if song is None or song.user_id != ctx.user_id:
        raise refused("not-your-song")
    if song.jam_id is not None:
        raise refused("already-entry")
    if song.state is not JobState.DELIVERED:
        raise refused("not-finished")
    if jam is None:
        raise refused("no-jam-any-more")
    if song.finished_at is None or song.finished_at < jam.started_at:
        raise refused("too-early")
    check_entry_limit(jam, ctx.entries)


# --- results of the service -----------------------------------------------------------------------


@dataclass(frozen=True)
class Admission:
    """Whether a new song is a jam entry, and how that changes the limits it must fit in."""

    jam: Jam | None

    @property
    def jam_id(self) -> int | None:
        return self.jam.id if self.jam is not None else None

    def limits(self, base: QuotaLimits) -> QuotaLimits:
        """The entry limit is checked again when the job is recorded; a sponsored jam pays its entries' quota.

        Only the member's own quota: the bot's and the server's daily caps hold for sponsored entries too.
        """
        if self.jam is None:
            return base
        return replace(base, jam_entry_limit=self.jam.entries_per_member, free=base.free or self.jam.sponsored)


class JamButton(enum.StrEnum):
    """The button under a delivered song."""

    VOTE = "vote"  # an entry of an open jam
    SUBMIT = "submit"  # a member's song made in a channel with an open jam


class Jams:
    """The rules take `now` explicitly; `clock` is where the Discord side reads it (tests move it)."""

    def __init__(self, store: JamStore, *, clock: Callable[[], float] = time.time, owner: str | None = None,
                 lease_s: float = 30.0) -> None:
        self.store = store
        self.clock = clock
        # This process's name on the jams it is showing closed; several processes may run the closer.
        self.owner = owner or new_owner_id()
        self.lease_s = lease_s

    # --- life cycle ---------------------------------------------------------------------------

    async def start(
        self, *, guild_id: int, channel_id: int, host_id: int, theme: str, duration: str, now: float,
        entries_per_member: int = 1, sponsored: bool = False, anonymous: bool = False,
        winner_role_id: int | None = None,
    ) -> Jam:
        if not 1 <= entries_per_member <= MAX_ENTRIES_PER_MEMBER:
            raise refused("entries-range", max=MAX_ENTRIES_PER_MEMBER)
        draft = JamDraft(
            guild_id=guild_id, channel_id=channel_id, host_id=host_id, theme=clean_theme(theme),
            duration_s=parse_duration(duration), entries_per_member=entries_per_member, sponsored=sponsored,
            anonymous=anonymous, winner_role_id=winner_role_id,
        )

        def one_per_channel(existing: Jam | None) -> None:
            if existing is None:
                return
            if existing.ends_at <= now:
                raise refused("just-ended")
            raise refused("already-open")

        return await self.store.create(draft, now, one_per_channel)

    async def announced(self, jam_id: int, message_id: int, thread_id: int | None) -> Jam | None:
        """Remember the announcement (and the jam's thread, if one was opened)."""
        return await self.store.attach_messages(jam_id, message_id, thread_id)

    async def discard(self, jam_id: int) -> None:
        """Forget a jam whose announcement could not be posted."""
        await self.store.discard(jam_id)

    async def end(self, jam: Jam, *, by: int, now: float) -> Jam:
        """Close now, with results."""
        return await self._close(jam, JamState.CLOSED, by=by, now=now)

    async def cancel(self, jam: Jam, *, by: int, now: float) -> Jam:
        """Stop without results."""
        return await self._close(jam, JamState.CANCELLED, by=by, now=now)

    async def _close(self, jam: Jam, state: JamState, *, by: int, now: float) -> Jam:
        closed = await self.store.close(jam.id, state, now=now, by=by)
        if closed is None:
            raise refused("already-ended")
        return closed

    async def close_due(self, now: float) -> list[Jam]:
        """Close the open jams past their deadline; each is returned by exactly one call."""
        return await self.store.close_due(now)

    async def next_deadline(self) -> float | None:
        return await self.store.next_deadline()

    async def unfinalized(self) -> list[Jam]:
        return await self.store.unfinalized()

    async def claim_close(self, jam: Jam) -> Jam | None:
        """Take the showing of a closed jam for this process (for `lease_s`); None if another process
        holds it or it is done. The jam comes back as it is now: its results may be out already."""
        now = self.clock()
        return await self.store.claim_close(jam.id, owner=self.owner, now=now, lease_until=now + self.lease_s)

    async def results_posted(self, jam_id: int, message_id: int | None, now: float) -> None:
        await self.store.results_posted(jam_id, message_id, now)

    async def finalized(self, jam_id: int, now: float) -> None:
        await self.store.finalized(jam_id, now)

    # --- finding jams -------------------------------------------------------------------------

    async def get(self, jam_id: int) -> Jam | None:
        return await self.store.get(jam_id)

    async def find(self, *, guild_id: int, channel_id: int, jam_id: int | None, now: float,
                   open_only: bool) -> Jam:
        """The jam a command is about: the one named, else the open one here, else (if allowed) the last one here."""
        if jam_id is not None:
            jam = await self.store.get(jam_id)
            if jam is None or jam.guild_id != guild_id:
                raise refused("not-found")
            if open_only and not jam.is_open_at(now):
                raise refused("already-ended")
            return jam
        jam = await self.store.open_for_channel(channel_id, now)
        if jam is None and not open_only:
            jam = await self.store.latest_for_channel(channel_id)
        if jam is None:
            raise refused("no-jam-here")
        return jam

    async def open_jams(self, guild_id: int, now: float) -> list[Jam]:
        jams = await self.store.in_guild(guild_id, (JamState.OPEN,), limit=25)
        return [jam for jam in jams if jam.is_open_at(now)]

    async def recent_jams(self, guild_id: int) -> list[Jam]:
        return await self.store.in_guild(guild_id, tuple(JamState), limit=25)

    async def history(self, guild_id: int) -> list[JamSummary]:
        past = await self.store.in_guild(guild_id, (JamState.CLOSED, JamState.CANCELLED), limit=HISTORY_SIZE)
        return [await self.summary(jam) for jam in past]

    # --- entries ------------------------------------------------------------------------------

    async def admit(self, *, guild_id: int, channel_id: int, user_id: int, jam_id: int | None,
                    now: float) -> Admission:
        """Is a new song an entry? Yes in an open jam's channel or thread, or when a jam is named.

        Refuses early (before the reference is checked) when the jam is closed or the member's
        entries are used up; the storage checks both again when it records the job.
        """
        if jam_id is not None:
            jam = await self.find(guild_id=guild_id, channel_id=channel_id, jam_id=jam_id, now=now, open_only=True)
        else:
            found = await self.store.open_for_channel(channel_id, now)
            if found is None:
                return Admission(None)
            jam = found
        status = await self.store.member_status(jam.id, user_id)
        check_entry_limit(jam, status.entries)
        return Admission(jam)

    async def submit_song(self, job_id: int, user_id: int, now: float) -> Jam:
        """Enter a member's finished song in the open jam of the channel it was posted in."""
        return await self.store.enter_song(job_id, user_id, now, check_submission)

    async def button_for(self, job: Job, now: float) -> tuple[JamButton, Jam] | None:
        """The button a song posted now gets: Vote on an open jam's entry, Submit on others in an open jam's channel.

        A song made in a jam's channel is an entry from the start; Submit is for the songs that were
        already being made when the jam opened.
        """
        if job.jam_id is not None:
            jam = await self.store.get(job.jam_id)
            return (JamButton.VOTE, jam) if jam is not None and jam.is_open_at(now) else None
        jam = await self.store.open_for_channel(job.channel_id, now)
        return (JamButton.SUBMIT, jam) if jam is not None else None

    async def leftover_submissions(self, jam: Jam) -> list[tuple[int, int]]:
        return await self.store.leftover_submissions(jam)

    async def count_entries(self, jam: Jam) -> int:
        return await self.store.count_entries(jam.id)

    async def member_status(self, jam: Jam, user_id: int) -> MemberStatus:
        return await self.store.member_status(jam.id, user_id)

    # --- votes and standings ------------------------------------------------------------------

    async def vote(self, jam_id: int, job_id: int, voter_id: int, now: float) -> VoteReceipt:
        """One vote per member per jam; voting again elsewhere moves it, until the deadline."""
        return await self.store.cast_vote(jam_id, job_id, voter_id, now, check_vote)

    async def summary(self, jam: Jam) -> JamSummary:
        """The standings: live while open, frozen at the close after."""
        return JamSummary(jam=jam, standings=rank(await self.store.entries(jam)))

    # --- server settings ----------------------------------------------------------------------

    async def top_voted(self, guild_id: int, *, limit: int, offset: int = 0) -> list[tuple[int, int]]:
        """The server's posted songs by the jam votes cast for them (a hidden count is not counted yet):
        (job id, votes), most first, equal counts newest first."""
        return await self.store.top_voted(guild_id, limit=limit, offset=offset)

    async def voted_song_count(self, guild_id: int) -> int:
        return await self.store.voted_song_count(guild_id)

    async def settings(self, guild_id: int) -> JamSettings:
        return await self.store.settings(guild_id)

    async def configure(self, guild_id: int, *, use_threads: bool | None = None,
                        private_standings: bool | None = None) -> JamSettings:
        current = await self.store.settings(guild_id)
        updated = replace(
            current,
            use_threads=current.use_threads if use_threads is None else use_threads,
            private_standings=current.private_standings if private_standings is None else private_standings,
        )
        await self.store.save_settings(updated)
        return updated
