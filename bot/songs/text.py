"""The text members see about a job: pure functions, so every wording is testable without Discord."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Literal

from bot.core.text import code_safe, fit, message_link, ordinal, plain, plural, timestamp, truncate
from bot.songs.jobs import Delivery, Job, JobProgress, JobState
from bot.songs.lyrics import first_line, preview

# The music API's result links last about a day from the song's completion.
RESULT_LINK_LIFETIME_S = 24 * 60 * 60

STATE_LABELS: dict[JobState, str] = {
    JobState.PENDING: "queued",
    JobState.SUBMITTING: "sending to the music service",
    JobState.SUBMITTED: "queued at the music service",
    JobState.COMPLETED: "finishing up",
    JobState.DELIVERED: "done",
    JobState.FAILED: "failed",
    JobState.EXPIRED: "expired",
    JobState.CANCELLED: "cancelled",
}
STATE_ICONS: dict[JobState, str] = {
    JobState.DELIVERED: "✅",
    JobState.FAILED: "❌",
    JobState.EXPIRED: "⌛",
    JobState.CANCELLED: "🚫",
}


def state_label(job: Job) -> str:
    if job.state is JobState.SUBMITTED and job.api_status == "generating":
        return "generating"
    return STATE_LABELS[job.state]


def elapsed_text(job: Job) -> str:
    end = job.finished_at
    if end is None:
        return f"started {timestamp(job.created_at)}"
    seconds = max(0, round(end - job.created_at))
    minutes, seconds = divmod(seconds, 60)
    return f"took {minutes} min {seconds} s" if minutes else f"took {seconds} s"


def status_message(job: Job, progress: JobProgress | None) -> str:
    """The public job message, edited as the job moves (the bot's own words only, never `failure_detail`)."""
    icon = STATE_ICONS.get(job.state, "🎵")
    lines = [f"{icon} **Job {job.id}** for <@{job.user_id}>: {state_label(job)} · {elapsed_text(job)}"]
    if progress is not None:
        lines.append(f"{ordinal(progress.position)} in line · ready about {timestamp(progress.eta)}")
    if job.state in (JobState.FAILED, JobState.EXPIRED) and job.failure_reason:
        lines.append(job.failure_reason)
    lines.append(f"> {preview(job.prompt_text)}")
    lines.append(f"Reference: `{code_safe(job.reference_name)}`")
    return truncate("\n".join(lines))


def song_marker(job: Job) -> str:
    """The words every song post carries: how a post whose answer was lost is recognised later."""
    return f"your song from job {job.id} is ready"


def delivery_message(job: Job, *, as_link: bool) -> str:
    if as_link:
        return (f"<@{job.user_id}> {song_marker(job)}, but it is too large to upload "
                f"here. Download it (the link expires within a day): {job.result_url}")
    return f"<@{job.user_id}> {song_marker(job)}! 🎶"


def end_message(job: Job) -> str:
    """The public notice that a job ended without a song. What the music service said is not in it:
    the member reads that privately with `/song status` (a DM could be closed, and would cost a
    request for every failure)."""
    verb = {JobState.EXPIRED: "expired", JobState.CANCELLED: "was cancelled"}.get(job.state, "failed")
    more = f" `/song status job:{job.id}` shows you what the music service said." if job.failure_detail else ""
    return truncate(f"<@{job.user_id}> job {job.id} {verb}. {job.failure_reason or ''}".strip() + more)


def fetch_link(job: Job, now: float) -> str | None:
    """Where a made song whose delivery gave up can still be fetched, while its link lasts; for the member only."""
    if (job.state is not JobState.FAILED or job.delivery is not Delivery.NONE or not job.result_url
            or job.completed_at is None):
        return None
    expires = job.completed_at + RESULT_LINK_LIFETIME_S
    if now >= expires:
        return None
    return f"You can still download it while the link lasts (it expires {timestamp(expires)}): {job.result_url}"


SONGS_PER_PAGE = 10


def job_line(job: Job) -> str:
    """One line of `/song list`, with a jump link to the posted song (or else its card) when it has one."""
    line = (f"`{job.id}` {STATE_ICONS.get(job.state, '🎵')} {state_label(job)} · "
            f"{timestamp(job.created_at)} · {preview(job.prompt_text, limit=32)}")
    if job.delivery_message_id is not None:
        line += f" · [song]({message_link(job.guild_id, job.channel_id, job.delivery_message_id)})"
    elif job.status_message_id is not None:
        line += f" · [card]({message_link(job.guild_id, job.channel_id, job.status_message_id)})"
    return line


def page_count(total: int) -> int:
    return max(1, -(-total // SONGS_PER_PAGE))


def song_list_page(jobs: list[Job], page: int, total: int) -> str:
    """One page of `/song list` (page counts from 0), newest first."""
    if not jobs:
        return "You have no songs here yet: try `/song create`."
    first = page * SONGS_PER_PAGE + 1
    head = (f"**Your songs here** ({first}–{first + len(jobs) - 1} of {total}, "
            f"page {page + 1} of {page_count(total)})")
    return fit([head, *(job_line(job) for job in jobs)])


GalleryKind = Literal["recent", "top"]
GALLERY_KINDS: tuple[GalleryKind, ...] = ("recent", "top")
GALLERY_TITLES: dict[GalleryKind, str] = {"recent": "Recent songs here", "top": "Top songs here, by jam votes"}
GALLERY_EMPTY: dict[GalleryKind, str] = {
    "recent": "No song has been posted in this server yet: make the first with `/song create`.",
    "top": "No song here has jam votes yet: the entries of a `/jam` get Vote buttons.",
}


TITLE_LIMIT = 28  # ten of the longest lines (ids, jump link, votes) still fit one message


def song_title(job: Job) -> str:
    """What the gallery calls a song: the member's title, else its first line of lyrics; made harmless."""
    return plain(job.title or first_line(job.prompt_text), TITLE_LIMIT) or "untitled"


def gallery_line(rank: int, job: Job, votes: int | None = None) -> str:
    """One song of `/song gallery`: its title linking to the post, the member, when it was posted (and votes).

    The member is a mention: it shows as their name, and the message is sent with no pings allowed.
    The title is escaped (`plain`), so no bracket in the lyrics can break the link around it."""
    assert job.delivery_message_id is not None
    link = message_link(job.guild_id, job.channel_id, job.delivery_message_id)
    counted = f" · {plural(votes, 'vote')}" if votes is not None else ""
    return (f"**{rank}.** [{song_title(job)}]({link}) · <@{job.user_id}> · "
            f"{timestamp(job.finished_at or job.created_at)}{counted}")


def gallery_page(kind: GalleryKind, songs: list[tuple[Job, int | None]], page: int, total: int) -> str:
    """One page of `/song gallery` (page counts from 0): the songs with their votes (Top) or None (Recent)."""
    if not songs:
        return GALLERY_EMPTY[kind]
    first = page * SONGS_PER_PAGE + 1
    head = (f"**{GALLERY_TITLES[kind]}** ({first}–{first + len(songs) - 1} of {total}, "
            f"page {page + 1} of {page_count(total)})")
    return fit([head, *(gallery_line(first + index, job, votes) for index, (job, votes) in enumerate(songs))])


def job_details(job: Job, progress: JobProgress | None, jump_url: str | None) -> str:
    """`/song status`: everything a member may want to know about one of their jobs."""
    lines = [f"**Job {job.id}**: {state_label(job)} · {elapsed_text(job)}"]
    if progress is not None:
        lines.append(f"{ordinal(progress.position)} in line · ready about {timestamp(progress.eta)}")
    if job.failure_reason and job.state is not JobState.DELIVERED:
        lines.append(job.failure_reason)
    if job.failure_detail and job.state is not JobState.DELIVERED:
        lines.append(f"The music service said: {job.failure_detail}")  # made safe when it was stored
    if job.state is JobState.FAILED and job.delivery is Delivery.NONE and job.result_url:
        lines.append(f"Download (expires within a day of completion): {job.result_url}")
    if job.state is JobState.DELIVERED:
        if job.delivery is Delivery.DM:
            lines.append("Sent to you by direct message.")
        elif jump_url and job.delivery in (Delivery.REPLY, Delivery.LINK):
            lines.append(f"Posted here: {jump_url}")
        if job.result_url and job.delivery in (Delivery.LINK, Delivery.NONE):
            lines.append(f"Download (expires within a day of completion): {job.result_url}")
    lines.append(f"Lyrics: {preview(job.prompt_text, limit=300)}")
    lines.append(f"Reference: `{code_safe(job.reference_name)}`")
    return truncate("\n".join(lines))


def song_filename(job: Job) -> str:
    """A readable name for the delivered file: `songjam-12-my-reference.mp3`."""
    stem = re.sub(r"[^a-z0-9]+", "-", PurePath(job.reference_name).stem.lower()).strip("-")[:40]
    return f"songjam-{job.id}-{stem or 'song'}.mp3"
