"""The text members see about jams: pure functions, so every wording is testable without Discord.

Every message here echoes a theme someone typed: the cogs send them with mentions that ping nobody.
"""

from __future__ import annotations

from bot.core.text import fit, message_link, ordinal, plain, plural, timestamp
from bot.jams.models import Jam, JamState, JamSummary, MemberStatus, Standing, VoteReceipt

MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}


def left_text(seconds: float) -> str:
    """A plain countdown for places where Discord timestamps don't render (autocomplete)."""
    minutes = max(0, int(seconds // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days}d {hours}h"
    return f"{hours}h {minutes}m" if hours else f"{minutes}m"


def jam_choice(jam: Jam, now: float) -> str:
    """An autocomplete label (at most 100 characters)."""
    if jam.is_open_at(now):
        when = f"closes in {left_text(jam.ends_at - now)}"
    else:
        when = "cancelled" if jam.state is JamState.CANCELLED else "ended"
    suffix = f" · {when} · #{jam.id}"
    return jam.theme[: 100 - len(suffix)] + suffix


def choice_labels(jams: list[Jam], current: str, now: float) -> list[tuple[str, int]]:
    """Autocomplete entries (label, jam id): the jams whose theme contains what was typed, or whose number it is."""
    wanted = current.strip().lower().lstrip("#")
    return [(jam_choice(jam, now), jam.id) for jam in jams
            if not wanted or wanted in jam.theme.lower() or wanted == str(jam.id)][:25]


def rank_label(standing: Standing) -> str:
    return f"{ordinal(standing.rank)} (tie)" if standing.tied else ordinal(standing.rank)


def entries_rule(jam: Jam) -> str:
    allowed = "One entry" if jam.entries_per_member == 1 else f"Up to {jam.entries_per_member} entries"
    cost = ("Entries are free: this jam is sponsored." if jam.sponsored
            else "Entries count toward your daily songs.")
    return f"{allowed} per member. {cost}"


def rules(jam: Jam, *, with_thread: bool) -> list[str]:
    where = "in this channel or the jam's thread" if with_thread else "in this channel"
    votes = ("Votes stay secret until the close." if jam.anonymous
             else "See the standings any time with `/jam leaderboard`.")
    prize = f" and get the <@&{jam.winner_role_id}> role" if jam.winner_role_id else ""
    return [
        f"• Make a song for the theme with `/song create` {where} (or anywhere, with its `jam` option), "
        "or press **Submit to jam** under a song of yours posted here during the jam.",
        f"• {entries_rule(jam)}",
        "• Vote with the **Vote** button under an entry: one vote per member, changeable until the deadline, "
        "never for your own song.",
        f"• {votes} Only songs finished before the deadline can get votes.",
        f"• The winners are announced here at the deadline{prize}.",
    ]


def announcement(jam: Jam, *, with_thread: bool) -> str:
    return fit([
        f"🎤 **Song jam: {plain(jam.theme)}**",
        f"Hosted by <@{jam.host_id}> · closes {timestamp(jam.ends_at)} ({timestamp(jam.ends_at, 'f')})",
        "",
        *rules(jam, with_thread=with_thread),
    ])


def thread_name(jam: Jam) -> str:
    return f"Jam: {jam.theme}"[:100]


def state_text(jam: Jam, now: float) -> str:
    if jam.is_open_at(now):
        return f"open, closes {timestamp(jam.ends_at)}"
    if jam.state is JamState.CANCELLED:
        return f"cancelled {timestamp(jam.closed_at or jam.ends_at)}"
    return f"ended {timestamp(jam.closed_at or jam.ends_at)}"


def status(jam: Jam, *, entries: int, member: MemberStatus, now: float) -> str:
    """`/jam status`, for one member (private)."""
    votes = "public: see `/jam leaderboard`" if jam.votes_visible else "secret until the close"
    mine = f"{member.entries} of {jam.entries_per_member}"
    voted = f"you voted for job {member.voted_for}" if member.voted_for else "you haven't voted"
    lines = [
        f"🎤 **{plain(jam.theme)}** · {state_text(jam, now)}",
        f"{plural(entries, 'entry', 'entries')} so far · {entries_rule(jam)}",
        f"Votes are {votes}.",
        f"Your entries: {mine} · {voted}.",
    ]
    if jam.announcement_message_id:
        lines.append(f"Announcement: {message_link(jam.guild_id, jam.channel_id, jam.announcement_message_id)}")
    return fit(lines)


def entry_link(jam: Jam, standing: Standing) -> str:
    entry = standing.entry
    if entry.message_id is None:
        return f"job {entry.job_id} (not posted in the server)"
    return f"[job {entry.job_id}]({message_link(jam.guild_id, entry.channel_id, entry.message_id)})"


def standing_line(jam: Jam, standing: Standing, *, show_votes: bool) -> str:
    entry = standing.entry
    link = entry_link(jam, standing)
    if not show_votes:
        return f"• <@{entry.user_id}> · {link}"
    medal = MEDALS.get(standing.rank, "▫️") if entry.votes else "▫️"
    return f"{medal} **{rank_label(standing)}** · <@{entry.user_id}> · {plural(entry.votes, 'vote')} · {link}"


def leaderboard(summary: JamSummary, now: float) -> str:
    """`/jam leaderboard`: live standings while open (entries only, when votes are secret), final after."""
    jam = summary.jam
    if jam.state is JamState.CANCELLED:
        return f"🚫 The jam **{plain(jam.theme)}** was cancelled, so it has no standings."
    head = f"📊 **Standings: {plain(jam.theme)}** · {state_text(jam, now)}"
    if not summary.standings:
        return f"{head}\nNo entries yet." if jam.is_open_at(now) else f"{head}\nNo songs were entered."
    lines = [head]
    if not jam.votes_visible:
        lines.append("Votes stay secret until the close. The entries so far:")
        ordered = sorted(summary.standings, key=lambda s: (s.entry.delivered_at, s.entry.job_id))
        lines += [standing_line(jam, s, show_votes=False) for s in ordered]
    else:
        lines += [standing_line(jam, s, show_votes=True) for s in summary.standings]
    return fit(lines)


def winners_line(summary: JamSummary) -> str:
    winners = summary.winners
    if not summary.standings:
        return "No songs were entered, so there is no winner."
    if not winners:
        return "No votes were cast, so there is no winner."
    names = [f"<@{user_id}>" for user_id in winners]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    title = "Winner" if len(winners) == 1 else "Winners, tied for first"
    return f"🏆 {title}: {joined}! Congratulations 🎉"


def results(summary: JamSummary, role_notes: list[str]) -> str:
    """The message posted when a jam ends: ranked entries with votes and links, the winners, the role."""
    jam = summary.jam
    total_votes = sum(s.entry.votes for s in summary.standings)
    lines = [
        f"🏁 **Song jam results: {plain(jam.theme)}**",
        f"{plural(len(summary.standings), 'entry', 'entries')} · {plural(total_votes, 'vote')} · "
        f"closed {timestamp(jam.closed_at or jam.ends_at, 'f')}",
        winners_line(summary),
        *role_notes,
        "",
        *(standing_line(jam, s, show_votes=True) for s in summary.standings),
    ]
    return fit(lines)


def cancelled_notice(jam: Jam) -> str:
    by = f" by <@{jam.closed_by}>" if jam.closed_by else ""
    return f"🚫 The song jam **{plain(jam.theme)}** was cancelled{by}. Voting is closed and there are no results."


def thread_closing_note(jam: Jam, results_link: str | None) -> str:
    if jam.state is JamState.CANCELLED:
        return "🚫 This jam was cancelled."
    return f"🏁 This jam is over: results {results_link}" if results_link else "🏁 This jam is over."


def history(summaries: list[JamSummary]) -> str:
    """`/jam history`: the server's latest past jams and their winners."""
    if not summaries:
        return "No jams have ended in this server yet."
    lines = ["📜 **Past jams**"]
    for summary in summaries:
        jam = summary.jam
        when = timestamp(jam.closed_at or jam.ends_at, "D")
        if jam.state is JamState.CANCELLED:
            lines.append(f"• **{plain(jam.theme)}** · cancelled {when}")
            continue
        winners = ", ".join(f"<@{user_id}>" for user_id in summary.winners) or "no winner"
        lines.append(f"• **{plain(jam.theme)}** · ended {when} · "
                     f"{plural(len(summary.standings), 'entry', 'entries')} · 🏆 {winners}")
    return fit(lines)


def vote_reply(receipt: VoteReceipt) -> str:
    jam = receipt.jam
    lines = [f"🗳️ Your vote is on <@{receipt.entrant_id}>'s entry (job {receipt.job_id})."]
    if receipt.previous_job_id is not None:
        lines.append(f"I moved it from job {receipt.previous_job_id}.")
    if jam.votes_visible:
        lines.append(f"It has {plural(receipt.votes, 'vote')} now.")
    lines.append(f"You can change it until {timestamp(jam.ends_at)}.")
    return " ".join(lines)


def entered_reply(jam: Jam) -> str:
    return f"🎤 Your song is entered in the jam **{plain(jam.theme)}**. Voting closes {timestamp(jam.ends_at)}."


def entry_note(jam: Jam) -> str:
    """Added to the queued confirmation of a song made as an entry."""
    cost = " It's free: the jam is sponsored." if jam.sponsored else ""
    return f" It's an entry in the jam **{plain(jam.theme)}**.{cost}"


def closed_button_label(jam: Jam, votes: int) -> str:
    if jam.state is JamState.CANCELLED:
        return "Jam cancelled"
    return f"Voting closed · {plural(votes, 'vote')}"


def started_reply(jam: Jam, channel_mention: str, notes: list[str]) -> str:
    """What the moderator sees after `/jam start`."""
    return " ".join([f"Jam #{jam.id} is open in {channel_mention} and closes {timestamp(jam.ends_at)}.", *notes])
