"""The text members see about a job: pure functions, so every wording is testable without Discord.

Every line is a message of `bot/locales/<locale>/songs.ftl`, rendered in the `locale` given: the
member's for `/song status`, list and gallery, the server's for what the channel shows (the song's
post, the note when a member's DMs are closed) and for the DM about a song that ended without being
posted (a DM carries no member locale).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any, Literal

from bot.core.i18n import DEFAULT_LOCALE, catalogue, translate
from bot.core.text import code_safe, fit, message_link, plain, truncate
from bot.songs.jobs import Delivery, Job, JobProgress, JobState
from bot.songs.lyrics import first_line, preview

# The music API's result links last about a day from the song's completion.
RESULT_LINK_LIFETIME_S = 24 * 60 * 60
# A job's failure reason is stored as the key of one of these messages (`songs-failure-busy`).
FAILURE_KEY_PREFIX = "songs-failure-"

STATE_ICONS: dict[JobState, str] = {
    JobState.DELIVERED: "✅",
    JobState.FAILED: "❌",
    JobState.EXPIRED: "⌛",
    JobState.CANCELLED: "🚫",
}


def _t(locale: str, what: str, **args: Any) -> str:
    return translate(locale, f"songs-{what}", **args)


def state_key(job: Job) -> str:
    """The catalogue key of the job's state as `/song status` words it."""
    if job.state is JobState.SUBMITTED and job.api_status == "generating":
        return "songs-status-state-generating"
    return f"songs-status-state-{job.state.value}"


def state_label(job: Job, locale: str) -> str:
    return translate(locale, state_key(job))


def duration_text(seconds: float, locale: str) -> str:
    """`1 min 35 s`, `42 s`."""
    minutes, secs = divmod(max(0, round(seconds)), 60)
    if minutes:
        return _t(locale, "card-minutes-seconds", minutes=minutes, seconds=secs)
    return _t(locale, "card-seconds", seconds=secs)


def failure_text(reason: str, locale: str) -> str:
    """A job's stored failure reason in `locale`.

    It is a catalogue key; a row written before the catalogue holds the English words themselves,
    which are shown as written (they are data, not a key).
    """
    if reason.startswith(FAILURE_KEY_PREFIX) and catalogue().has(DEFAULT_LOCALE, reason):
        return translate(locale, reason)
    return reason


def elapsed_text(job: Job, locale: str) -> str:
    end = job.finished_at
    if end is None:
        return _t(locale, "status-started", at=job.created_at)
    return _t(locale, "status-took", duration=duration_text(end - job.created_at, locale))


def delivery_message(job: Job, *, as_link: bool, locale: str) -> str:
    """The words of the song's post (it pings the member once)."""
    if as_link:
        return _t(locale, "card-post-link", user=str(job.user_id), job=str(job.id), url=job.result_url or "")
    return _t(locale, "card-post", user=str(job.user_id), job=str(job.id))


def end_notice(job: Job, now: float, locale: str) -> str:
    """The member's private notice (a DM) that their song ended without being posted: the bot's
    reason, what the music service said (only ever to them), and the download link if it was made."""
    state = job.state.value if job.state in (JobState.EXPIRED, JobState.CANCELLED) else "failed"
    reason = failure_text(job.failure_reason, locale) if job.failure_reason else ""
    lines = [_t(locale, "failure-notice", state=state, job=str(job.id), reason=reason).strip()]
    if job.failure_detail:  # made safe when it was stored
        lines.append(_t(locale, "failure-service-said", detail=job.failure_detail))
    link = fetch_link(job, now, locale)
    if link is not None:
        lines.append(link)
    return truncate("\n".join(lines))


def end_channel_note(job: Job, locale: str) -> str:
    """Posted in the channel only when the member's DMs are closed: the bot's words, pointing at the details."""
    return _t(locale, "failure-channel-note", user=str(job.user_id), job=str(job.id))


def fetch_link(job: Job, now: float, locale: str) -> str | None:
    """Where a made song whose delivery gave up can still be fetched, while its link lasts; for the member only."""
    if (job.state is not JobState.FAILED or job.delivery is not Delivery.NONE or not job.result_url
            or job.completed_at is None):
        return None
    expires = job.completed_at + RESULT_LINK_LIFETIME_S
    if now >= expires:
        return None
    return _t(locale, "failure-fetch-link", at=expires, url=job.result_url)


SONGS_PER_PAGE = 10


def job_line(job: Job, locale: str) -> str:
    """One line of `/song list`, with a jump link to the posted song (or else its card) when it has one."""
    line = _t(locale, "list-line", job=str(job.id), icon=STATE_ICONS.get(job.state, "🎵"),
              state=state_label(job, locale), at=job.created_at, lyrics=preview(job.prompt_text, limit=32))
    if job.delivery_message_id is not None:
        link = message_link(job.guild_id, job.channel_id, job.delivery_message_id)
        line += " · " + _t(locale, "list-song-link", link=link)
    elif job.status_message_id is not None:
        link = message_link(job.guild_id, job.channel_id, job.status_message_id)
        line += " · " + _t(locale, "list-card-link", link=link)
    return line


def page_count(total: int) -> int:
    return max(1, -(-total // SONGS_PER_PAGE))


def _span(page: int, shown: int, total: int) -> dict[str, int]:
    """The numbers of a page's head: which songs of how many, which page of how many."""
    first = page * SONGS_PER_PAGE + 1
    return {"first": first, "last": first + shown - 1, "total": total, "page": page + 1, "pages": page_count(total)}


def song_list_page(jobs: list[Job], page: int, total: int, locale: str = DEFAULT_LOCALE) -> str:
    """One page of `/song list` (page counts from 0), newest first."""
    if not jobs:
        return _t(locale, "list-empty")
    head = _t(locale, "list-head", **_span(page, len(jobs), total))
    return fit([head, *(job_line(job, locale) for job in jobs)], locale=locale)


GalleryKind = Literal["recent", "top"]
GALLERY_KINDS: tuple[GalleryKind, ...] = ("recent", "top")


TITLE_LIMIT = 28  # ten of the longest lines (ids, jump link, votes) still fit one message


def song_title(job: Job, locale: str) -> str:
    """What the gallery calls a song: the member's title, else its first line of lyrics; made harmless."""
    return plain(job.title or first_line(job.prompt_text), TITLE_LIMIT) or _t(locale, "gallery-untitled")


def gallery_line(rank: int, job: Job, votes: int | None, locale: str) -> str:
    """One song of `/song gallery`: its title linking to the post, the member, when it was posted (and votes).

    The member is a mention: it shows as their name, and the message is sent with no pings allowed.
    The title is escaped (`plain`), so no bracket in the lyrics can break the link around it."""
    assert job.delivery_message_id is not None
    link = message_link(job.guild_id, job.channel_id, job.delivery_message_id)
    line = _t(locale, "gallery-line", rank=rank, title=song_title(job, locale), link=link, user=str(job.user_id),
              at=job.finished_at or job.created_at)
    return line + (" · " + _t(locale, "gallery-votes", count=votes) if votes is not None else "")


def gallery_page(kind: GalleryKind, songs: list[tuple[Job, int | None]], page: int, total: int,
                 locale: str = DEFAULT_LOCALE) -> str:
    """One page of `/song gallery` (page counts from 0): the songs with their votes (Top) or None (Recent)."""
    if not songs:
        return _t(locale, f"gallery-empty-{kind}")
    head = _t(locale, "gallery-head", title=_t(locale, f"gallery-title-{kind}"), **_span(page, len(songs), total))
    first = page * SONGS_PER_PAGE + 1
    return fit([head, *(gallery_line(first + index, job, votes, locale)
                        for index, (job, votes) in enumerate(songs))], locale=locale)


def job_details(job: Job, progress: JobProgress | None, jump_url: str | None, locale: str = DEFAULT_LOCALE) -> str:
    """`/song status`: everything a member may want to know about one of their jobs."""
    lines = [_t(locale, "status-head", job=str(job.id), state=state_label(job, locale),
                elapsed=elapsed_text(job, locale))]
    if progress is not None and progress.ahead > 0:
        lines.append(_t(locale, "card-ahead", count=progress.ahead))
    elif progress is not None:
        lines.append(_t(locale, "status-ready", at=progress.eta))
    if job.failure_reason and job.state is not JobState.DELIVERED:
        lines.append(failure_text(job.failure_reason, locale))
    if job.failure_detail and job.state is not JobState.DELIVERED:  # made safe when it was stored
        lines.append(_t(locale, "failure-service-said", detail=job.failure_detail))
    if job.state is JobState.FAILED and job.delivery is Delivery.NONE and job.result_url:
        lines.append(_t(locale, "status-download", url=job.result_url))
    if job.state is JobState.DELIVERED:
        if job.delivery is Delivery.DM:
            lines.append(_t(locale, "status-sent-by-dm"))
        elif jump_url and job.delivery in (Delivery.REPLY, Delivery.LINK):
            lines.append(_t(locale, "status-posted", link=jump_url))
        if job.result_url and job.delivery in (Delivery.LINK, Delivery.NONE):
            lines.append(_t(locale, "status-download", url=job.result_url))
    lines.append(_t(locale, "status-lyrics", lyrics=preview(job.prompt_text, limit=300)))
    lines.append(_t(locale, "status-reference", name=code_safe(job.reference_name)))
    return truncate("\n".join(lines))


def song_filename(job: Job) -> str:
    """A readable name for the delivered file: `songjam-12-my-reference.mp3`."""
    stem = re.sub(r"[^a-z0-9]+", "-", PurePath(job.reference_name).stem.lower()).strip("-")[:40]
    return f"songjam-{job.id}-{stem or 'song'}.mp3"


def picture_filename(job: Job) -> str:
    """The song's picture, named after its file: `songjam-12-my-reference.png`."""
    return song_filename(job).removesuffix(".mp3") + ".png"
