"""The text members see about jams: pure functions, so every wording is testable without Discord.

Every line is a message of `bot/locales/<locale>/jams.ftl`, rendered in the `locale` given: the
member's for a private reply, the server's for a post. Every message here echoes a theme someone
typed: the cogs send them with mentions that ping nobody.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from babel import Locale

from bot.core.i18n import resolve_locale, translate
from bot.core.i18n.lists import spoken_list
from bot.core.text import fit, message_link, plain
from bot.jams.models import Jam, JamState, JamSummary, MemberStatus, Standing, VoteReceipt

MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}


def _t(locale: str, what: str, **args: Any) -> str:
    return translate(locale, f"jams-{what}", **args)


def _yes(flag: bool) -> str:
    """A Fluent selector value for a two-way choice (`[yes]` / `*[no]`)."""
    return "yes" if flag else "no"


@cache
def _babel(locale: str) -> Locale:
    """Babel's locale data (here: CLDR ordinal rules) for a shipped locale or a Discord code."""
    return Locale.parse(resolve_locale(locale).replace("-", "_"))


def left_text(seconds: float, locale: str) -> str:
    """A plain countdown for places where Discord timestamps don't render (autocomplete)."""
    minutes = max(0, int(seconds // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return _t(locale, "left-days", days=days, hours=hours)
    return _t(locale, "left-hours", hours=hours, minutes=minutes) if hours else _t(locale, "left-minutes",
                                                                                  minutes=minutes)


def jam_choice(jam: Jam, now: float, locale: str) -> str:
    """An autocomplete label (at most 100 characters)."""
    if jam.is_open_at(now):
        when = _t(locale, "choice-open", left=left_text(jam.ends_at - now, locale))
    else:
        when = _t(locale, "choice-cancelled" if jam.state is JamState.CANCELLED else "choice-ended")
    suffix = f" · {when} · #{jam.id}"
    return jam.theme[: 100 - len(suffix)] + suffix


def choice_labels(jams: list[Jam], current: str, now: float, locale: str = "en") -> list[tuple[str, int]]:
    """Autocomplete entries (label, jam id): the jams whose theme contains what was typed, or whose number it is.

    `locale` is the member's (autocomplete is private to them).
    """
    wanted = current.strip().lower().lstrip("#")
    return [(jam_choice(jam, now, locale), jam.id) for jam in jams
            if not wanted or wanted in jam.theme.lower() or wanted == str(jam.id)][:25]


def rank_label(standing: Standing, locale: str) -> str:
    """`1st`, `3rd (tie)`: the ordinal's form is chosen by the locale's CLDR ordinal category."""
    place = _t(locale, "rank", rank=standing.rank, ordinal=_babel(locale).ordinal_form(standing.rank))
    return _t(locale, "rank-tied", place=place) if standing.tied else place


def entries_rule(jam: Jam, locale: str) -> str:
    return _t(locale, "entries-rule", allowed=jam.entries_per_member, sponsored=_yes(jam.sponsored))


def rules(jam: Jam, *, with_thread: bool, locale: str) -> list[str]:
    winners = (_t(locale, "rule-winners-role", role=str(jam.winner_role_id)) if jam.winner_role_id
               else _t(locale, "rule-winners"))
    return [
        _t(locale, "rule-make", thread=_yes(with_thread)),
        _t(locale, "rule-entries", rule=entries_rule(jam, locale)),
        _t(locale, "rule-vote"),
        _t(locale, "rule-standings", anonymous=_yes(jam.anonymous)),
        winners,
    ]


def announcement(jam: Jam, *, with_thread: bool, locale: str) -> str:
    return fit([
        _t(locale, "announcement-title", theme=plain(jam.theme)),
        _t(locale, "announcement-host", host=str(jam.host_id), ends=jam.ends_at),
        "",
        *rules(jam, with_thread=with_thread, locale=locale),
    ], locale=locale)


def thread_name(jam: Jam, locale: str) -> str:
    return _t(locale, "thread-name", theme=jam.theme)[:100]


def state_text(jam: Jam, now: float, locale: str) -> str:
    if jam.is_open_at(now):
        return _t(locale, "state-open", at=jam.ends_at)
    at = jam.closed_at or jam.ends_at
    return _t(locale, "state-cancelled" if jam.state is JamState.CANCELLED else "state-ended", at=at)


def status(jam: Jam, *, entries: int, member: MemberStatus, now: float, locale: str) -> str:
    """`/jam status`, for one member (private)."""
    mine = {"mine": member.entries, "allowed": jam.entries_per_member}
    lines = [
        _t(locale, "status-title", theme=plain(jam.theme), state=state_text(jam, now, locale)),
        _t(locale, "status-entries", entries=entries, rule=entries_rule(jam, locale)),
        _t(locale, "status-votes", visible=_yes(jam.votes_visible)),
        _t(locale, "status-mine-voted", job=str(member.voted_for), **mine) if member.voted_for
        else _t(locale, "status-mine", **mine),
    ]
    if jam.announcement_message_id:
        link = message_link(jam.guild_id, jam.channel_id, jam.announcement_message_id)
        lines.append(_t(locale, "status-announcement", link=link))
    return fit(lines, locale=locale)


def entry_link(jam: Jam, standing: Standing, locale: str) -> str:
    entry = standing.entry
    if entry.message_id is None:
        return _t(locale, "entry-unposted", job=str(entry.job_id))
    return _t(locale, "entry-link", job=str(entry.job_id),
              link=message_link(jam.guild_id, entry.channel_id, entry.message_id))


def standing_line(jam: Jam, standing: Standing, *, show_votes: bool, locale: str) -> str:
    entry = standing.entry
    link = entry_link(jam, standing, locale)
    if not show_votes:
        return _t(locale, "standing-entry", user=str(entry.user_id), link=link)
    medal = MEDALS.get(standing.rank, "▫️") if entry.votes else "▫️"
    return _t(locale, "standing", medal=medal, place=rank_label(standing, locale), user=str(entry.user_id),
              votes=entry.votes, link=link)


def leaderboard(summary: JamSummary, now: float, locale: str) -> str:
    """`/jam leaderboard`: live standings while open (entries only, when votes are secret), final after."""
    jam = summary.jam
    if jam.state is JamState.CANCELLED:
        return _t(locale, "leaderboard-cancelled", theme=plain(jam.theme))
    head = _t(locale, "leaderboard-title", theme=plain(jam.theme), state=state_text(jam, now, locale))
    if not summary.standings:
        return "\n".join([head, _t(locale, "leaderboard-empty" if jam.is_open_at(now) else "no-songs")])
    lines = [head]
    if not jam.votes_visible:
        lines.append(_t(locale, "leaderboard-secret"))
        ordered = sorted(summary.standings, key=lambda s: (s.entry.delivered_at, s.entry.job_id))
        lines += [standing_line(jam, s, show_votes=False, locale=locale) for s in ordered]
    else:
        lines += [standing_line(jam, s, show_votes=True, locale=locale) for s in summary.standings]
    return fit(lines, locale=locale)


def winners_line(summary: JamSummary, locale: str) -> str:
    winners = summary.winners
    if not summary.standings:
        return _t(locale, "no-winner-no-songs")
    if not winners:
        return _t(locale, "no-winner-no-votes")
    names = spoken_list([f"<@{user_id}>" for user_id in winners], locale)
    return _t(locale, "winners", count=len(winners), names=names)


def results(summary: JamSummary, role_notes: list[str], locale: str) -> str:
    """The message posted when a jam ends: ranked entries with votes and links, the winners, the role."""
    jam = summary.jam
    total_votes = sum(s.entry.votes for s in summary.standings)
    lines = [
        _t(locale, "results-title", theme=plain(jam.theme)),
        _t(locale, "results-summary", entries=len(summary.standings), votes=total_votes,
           at=jam.closed_at or jam.ends_at),
        winners_line(summary, locale),
        *role_notes,
        "",
        *(standing_line(jam, s, show_votes=True, locale=locale) for s in summary.standings),
    ]
    return fit(lines, locale=locale)


def cancelled_notice(jam: Jam, locale: str) -> str:
    if jam.closed_by:
        return _t(locale, "cancelled-by", theme=plain(jam.theme), by=str(jam.closed_by))
    return _t(locale, "cancelled", theme=plain(jam.theme))


def thread_closing_note(jam: Jam, results_link: str | None, locale: str) -> str:
    if jam.state is JamState.CANCELLED:
        return _t(locale, "thread-cancelled")
    return _t(locale, "thread-over-results", link=results_link) if results_link else _t(locale, "thread-over")


def history(summaries: list[JamSummary], locale: str) -> str:
    """`/jam history`: the server's latest past jams and their winners."""
    if not summaries:
        return _t(locale, "history-empty")
    lines = [_t(locale, "history-title")]
    for summary in summaries:
        jam = summary.jam
        at = jam.closed_at or jam.ends_at
        if jam.state is JamState.CANCELLED:
            lines.append(_t(locale, "history-cancelled", theme=plain(jam.theme), at=at))
            continue
        winners = ", ".join(f"<@{user_id}>" for user_id in summary.winners) or _t(locale, "history-no-winner")
        lines.append(_t(locale, "history-ended", theme=plain(jam.theme), at=at, entries=len(summary.standings),
                        winners=winners))
    return fit(lines, locale=locale)


def vote_reply(receipt: VoteReceipt, locale: str) -> str:
    jam = receipt.jam
    lines = [_t(locale, "vote-on", user=str(receipt.entrant_id), job=str(receipt.job_id))]
    if receipt.previous_job_id is not None:
        lines.append(_t(locale, "vote-moved", previous=str(receipt.previous_job_id)))
    if jam.votes_visible:
        lines.append(_t(locale, "vote-count", votes=receipt.votes))
    lines.append(_t(locale, "vote-until", at=jam.ends_at))
    return " ".join(lines)


def entered_reply(jam: Jam, locale: str) -> str:
    return _t(locale, "entered", theme=plain(jam.theme), at=jam.ends_at)


def entry_note(jam: Jam, locale: str = "en") -> str:
    """Added to the queued confirmation of a song made as an entry (`locale`: the member's)."""
    return " " + _t(locale, "entry-note", theme=plain(jam.theme), sponsored=_yes(jam.sponsored))


def vote_label(locale: str) -> str:
    return _t(locale, "button-vote")


def submit_label(locale: str) -> str:
    return _t(locale, "button-submit")


def closed_button_label(jam: Jam, votes: int, locale: str) -> str:
    if jam.state is JamState.CANCELLED:
        return _t(locale, "button-cancelled")
    return _t(locale, "button-closed", votes=votes)


def started_reply(jam: Jam, channel_mention: str, notes: list[str], locale: str) -> str:
    """What the moderator sees after `/jam start`."""
    return " ".join([_t(locale, "started", jam=str(jam.id), channel=channel_mention, at=jam.ends_at), *notes])
