"""What a song's card shows, decided from (job, progress): pure functions, no Discord.

The card is the one bot message a song keeps in the channel while it is made: an embed whose
colour says the state, with the member, a title, the lyrics preview, the reference's name, and
either how many songs of this server are ahead of it or a progress line. Its progress line uses
Discord timestamps (`<t:…:R>`), which every client keeps live by itself, so the bot edits the card
only when what it says changes: never for the music service's own intermediate statuses, and for
the estimate only when the shown "ready" time has passed (see `card_eta`).

When the song is done it is posted once as a new message (`song_post`) and the card is deleted:
Discord never notifies anyone of an edit, so a card carrying the song would need a second
message to ping the member; a new post pings them once and leaves one message in the channel.

The card and the post are public: their words come from `bot/locales/<locale>/songs.ftl` in the
server's language (`locale`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from bot.core.i18n import translate
from bot.core.text import code_safe, one_line, plain
from bot.songs.jobs import Job, JobProgress, JobState
from bot.songs.lyrics import preview
from bot.songs.text import duration_text, failure_text

TITLE_LIMIT = 256  # an embed title
LYRICS_PREVIEW_LIMIT = 300
# A shown "ready" time that has passed is replaced by one at least this far ahead (and by a
# quarter of the estimate for long songs), so the card is edited at most about once this often.
MIN_ETA_LEAD_S = 30.0
# A shown time this close is replaced already: Discord timestamps count whole seconds, and the
# edit takes a moment to reach the clients, so none of them ever shows it as past.
ETA_MARGIN_S = 1.0


class CardState(enum.StrEnum):
    """What the card says the song is doing; each has its own colour."""

    QUEUED = "queued"
    MAKING = "being made"
    DONE = "done"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


# Distinct in hue and lightness (readable for the common colour-vision deficiencies); the state is
# also written on the card, so the colour is never the only sign.
COLOURS: dict[CardState, int] = {
    CardState.QUEUED: 0x8E7CC3,  # lavender
    CardState.MAKING: 0x1F77B4,  # blue
    CardState.DONE: 0x2CA02C,  # green
    CardState.FAILED: 0xD62728,  # red
    CardState.EXPIRED: 0xFF9F1C,  # orange
    CardState.CANCELLED: 0x7F7F7F,  # grey
}
ICONS: dict[CardState, str] = {
    CardState.QUEUED: "🕒", CardState.MAKING: "🎵", CardState.DONE: "✅",
    CardState.FAILED: "❌", CardState.EXPIRED: "⌛", CardState.CANCELLED: "🚫",
}


@dataclass(frozen=True)
class Card:
    """An embed's parts; the Discord layer turns it into a `discord.Embed` (equal cards: no edit)."""

    colour: int
    author: str
    title: str
    description: str
    fields: tuple[tuple[str, str], ...]
    footer: str
    image: str | None = None  # an `attachment://name` of the message


def card_state(job: Job, progress: JobProgress | None) -> CardState:
    """Pending with nothing ahead shows as being made: the submit that follows costs no edit."""
    if job.state is JobState.DELIVERED:
        return CardState.DONE
    if job.state is JobState.FAILED:
        return CardState.FAILED
    if job.state is JobState.EXPIRED:
        return CardState.EXPIRED
    if job.state is JobState.CANCELLED:
        return CardState.CANCELLED
    if job.state is JobState.PENDING and progress is not None and progress.ahead > 0:
        return CardState.QUEUED
    return CardState.MAKING


def _t(locale: str, what: str, **args: Any) -> str:
    return translate(locale, f"songs-card-{what}", **args)


def state_word(state: CardState, locale: str) -> str:
    """The state as the footer writes it (`being made`)."""
    return _t(locale, f"state-{state.name.lower()}")


def song_title(job: Job, locale: str) -> str:
    """The member's title, else the first line of their lyrics (one line, safe to show)."""
    if job.title and job.title.strip():
        return plain(job.title, TITLE_LIMIT)
    lyrics = job.lyrics if job.lyrics and job.lyrics.strip() else job.prompt_text
    first = preview(lyrics, limit=TITLE_LIMIT).split(" / ", 1)[0]
    return first or _t(locale, "untitled", job=str(job.id))


def member_label(job: Job, locale: str) -> str:
    """The embed's author line (plain text there: Discord shows no markdown or mentions in it)."""
    if job.member_name and job.member_name.strip():
        return one_line(job.member_name, 80)
    return _t(locale, "a-member")


def card_eta(started_at: float, estimate_s: float, shown_eta: float | None, now: float, *,
             min_lead_s: float = MIN_ETA_LEAD_S) -> float:
    """The "ready" time the card shows: never in the past.

    A shown time still ahead (by more than `ETA_MARGIN_S`) is kept, so a new estimate alone causes
    no edit; one about to pass, or the first one, is `started_at + estimate_s`, pushed to at least
    `min_lead_s` (or a quarter of the estimate) from now. So the card is edited for its estimate at
    most about once per `min_lead_s`.
    """
    if shown_eta is not None and shown_eta > now + eta_margin(min_lead_s):
        return shown_eta
    return max(started_at + estimate_s, now + max(min_lead_s, estimate_s / 4))


def eta_margin(min_lead_s: float) -> float:
    """How long before it passes a shown time is replaced (a fraction of the lead, so edits stay paced)."""
    return min(ETA_MARGIN_S, min_lead_s / 4)


def progress_line(progress: JobProgress, locale: str) -> str:
    """Elapsed against the estimate, in Discord timestamps every client keeps live."""
    return _t(locale, "progress", started=progress.started_at, total=approx(progress.eta - progress.started_at, locale),
              ready=progress.eta)


def approx(seconds: float, locale: str) -> str:
    """A rough length: to 10 s under two minutes, else to the minute."""
    if seconds < 120:
        return _t(locale, "seconds", seconds=max(10, round(seconds / 10) * 10))
    return _t(locale, "minutes", minutes=round(seconds / 60))


def job_card(job: Job, progress: JobProgress | None, locale: str) -> Card:
    """The public card, in the bot's own words only (never `failure_detail`)."""
    state = card_state(job, progress)
    lines = [_t(locale, "heading", icon=ICONS[state], state=_t(locale, f"label-{state.name.lower()}"),
                user=str(job.user_id))]
    if state is CardState.QUEUED and progress is not None:
        lines.append(_t(locale, "ahead", count=progress.ahead))
    elif state is CardState.MAKING and progress is not None:
        lines.append(progress_line(progress, locale))
    elif state in (CardState.FAILED, CardState.EXPIRED) and job.failure_reason:
        lines.append(failure_text(job.failure_reason, locale))
    elif state is CardState.CANCELLED:
        lines.append(_t(locale, "cancelled"))
    elif state is CardState.DONE and job.finished_at is not None:
        lines.append(_t(locale, "took", duration=duration_text(job.finished_at - job.created_at, locale)))
    lines.append(f"> {lyrics_preview(job)}")
    return Card(
        colour=COLOURS[state], author=member_label(job, locale), title=song_title(job, locale),
        description="\n".join(lines), fields=((_t(locale, "reference"), f"`{code_safe(job.reference_name)}`"),),
        footer=_t(locale, "footer", job=str(job.id), state=state_word(state, locale)),
    )


def lyrics_preview(job: Job) -> str:
    return preview(job.lyrics if job.lyrics and job.lyrics.strip() else job.prompt_text, limit=LYRICS_PREVIEW_LIMIT)


def song_post(job: Job, *, audio_seconds: float | None, image: str | None, locale: str) -> Card:
    """The embed of the posted song: done colour, title, member, lyrics, reference, length, picture."""
    fields = [(_t(locale, "reference"), f"`{code_safe(job.reference_name)}`")]
    if audio_seconds is not None:
        fields.append((_t(locale, "length"), duration_text(audio_seconds, locale)))
    return Card(
        colour=COLOURS[CardState.DONE], author=member_label(job, locale), title=song_title(job, locale),
        description=f"{_t(locale, 'song-for', user=str(job.user_id))}\n> {lyrics_preview(job)}", fields=tuple(fields),
        footer=_t(locale, "footer", job=str(job.id), state=state_word(CardState.DONE, locale)), image=image,
    )
