"""Jam wording: announcement, rules, standings, results, history."""

import dataclasses

from bot.jams import text as render
from bot.jams.models import Entry, Jam, JamState, JamSummary, MemberStatus, VoteReceipt
from bot.jams.service import rank

NOW = 1_800_000_000.0
JAM = Jam(id=7, guild_id=10, channel_id=20, thread_id=None, announcement_message_id=900, host_id=1,
          theme="Rainy *days*", entries_per_member=1, sponsored=False, anonymous=False, winner_role_id=None,
          state=JamState.OPEN, started_at=NOW, ends_at=NOW + 7200, closed_at=None, closed_by=None,
          results_message_id=None, results_posted_at=None, finalized_at=None)
CLOSED = dataclasses.replace(JAM, state=JamState.CLOSED, closed_at=NOW + 7200)


def entries(*votes: int) -> list[Entry]:
    return [Entry(job_id=i + 1, user_id=100 + i, channel_id=20, message_id=5000 + i, delivered_at=NOW + i, votes=v)
            for i, v in enumerate(votes)]


def test_the_announcement_has_the_theme_the_deadline_and_the_rules():
    text = render.announcement(dataclasses.replace(JAM, entries_per_member=2, sponsored=True, winner_role_id=55),
                               with_thread=True)
    assert "**Song jam: Rainy \\*days\\***" in text
    assert f"<t:{int(NOW + 7200)}:R>" in text and "<@1>" in text
    assert "Up to 2 entries per member" in text and "Entries are free" in text
    assert "the jam's thread" in text and "Submit to jam" in text and "never for your own song" in text
    assert "<@&55>" in text and "/jam leaderboard" in text
    anonymous = render.announcement(dataclasses.replace(JAM, anonymous=True), with_thread=False)
    assert "One entry per member" in anonymous and "count toward your daily songs" in anonymous
    assert "Votes stay secret until the close" in anonymous and "thread" not in anonymous


def test_results_rank_entries_show_ties_link_each_entry_and_name_the_winners():
    summary = JamSummary(jam=CLOSED, standings=rank(entries(3, 5, 5, 0)))
    text = render.results(summary, ["🎖️ <@101> now has the <@&55> role."])
    lines = text.splitlines()
    assert lines[0] == "🏁 **Song jam results: Rainy \\*days\\***"
    assert "4 entries · 13 votes" in lines[1]
    assert lines[2] == "🏆 Winners, tied for first: <@101> and <@102>! Congratulations 🎉"
    assert lines[3].startswith("🎖️")
    assert "🥇 **1st (tie)** · <@101> · 5 votes · [job 2](https://discord.com/channels/10/20/5001)" in text
    assert "🥇 **1st (tie)** · <@102> · 5 votes" in text
    assert "🥉 **3rd** · <@100> · 3 votes" in text
    assert "▫️ **4th** · <@103> · 0 votes" in text


def test_results_without_votes_or_entries_have_no_winner():
    assert "No votes were cast" in render.results(JamSummary(jam=CLOSED, standings=rank(entries(0, 0))), [])
    assert "No songs were entered" in render.results(JamSummary(jam=CLOSED, standings=[]), [])
    one = render.results(JamSummary(jam=CLOSED, standings=rank(entries(1))), [])
    assert "🏆 Winner: <@100>!" in one and "1 entry · 1 vote" in one


def test_long_results_stay_within_a_message_and_say_what_was_left_off():
    text = render.results(JamSummary(jam=CLOSED, standings=rank(entries(*range(80)))), [])
    assert len(text) <= 2000
    assert text.splitlines()[-1].startswith("…and ") and text.splitlines()[-1].endswith(" more")


def test_live_standings_hide_counts_in_an_anonymous_jam_until_the_close():
    standings = rank(entries(1, 4))
    public = render.leaderboard(JamSummary(jam=JAM, standings=standings), NOW + 10)
    assert "4 votes" in public and "1st" in public
    secret = render.leaderboard(JamSummary(jam=dataclasses.replace(JAM, anonymous=True), standings=standings),
                                NOW + 10)
    assert "vote" not in secret.replace("Votes stay secret", "") and "1st" not in secret
    assert secret.index("<@100>") < secret.index("<@101>")  # in the order they came in
    revealed = render.leaderboard(JamSummary(jam=dataclasses.replace(CLOSED, anonymous=True), standings=standings),
                                  NOW + 8000)
    assert "4 votes" in revealed
    assert "No entries yet" in render.leaderboard(JamSummary(jam=JAM, standings=[]), NOW)
    cancelled = dataclasses.replace(JAM, state=JamState.CANCELLED)
    assert "was cancelled" in render.leaderboard(JamSummary(jam=cancelled, standings=standings), NOW)


def test_a_vote_reply_says_where_the_vote_is_and_until_when():
    receipt = VoteReceipt(jam=JAM, job_id=2, entrant_id=101, previous_job_id=1, votes=3)
    text = render.vote_reply(receipt)
    assert "<@101>'s entry (job 2)" in text and "moved it from job 1" in text and "3 votes" in text
    assert f"<t:{int(JAM.ends_at)}:R>" in text
    assert "votes" not in render.vote_reply(dataclasses.replace(receipt, jam=dataclasses.replace(JAM, anonymous=True)))


def test_status_history_and_small_pieces():
    text = render.status(JAM, entries=3, member=MemberStatus(entries=1, voted_for=4), now=NOW)
    assert "open, closes" in text and "3 entries so far" in text and "1 of 1" in text and "job 4" in text
    assert "https://discord.com/channels/10/20/900" in text
    past = render.history([JamSummary(jam=CLOSED, standings=rank(entries(2, 2))),
                           JamSummary(jam=dataclasses.replace(JAM, state=JamState.CANCELLED), standings=[])])
    assert "2 entries · 🏆 <@100>, <@101>" in past and "cancelled" in past
    assert render.history([]) == "No jams have ended in this server yet."
    assert render.jam_choice(dataclasses.replace(JAM, theme="x" * 200), NOW + 60).endswith("closes in 1h 59m · #7")
    assert len(render.jam_choice(dataclasses.replace(JAM, theme="x" * 200), NOW)) == 100
    assert render.closed_button_label(CLOSED, 1) == "Voting closed · 1 vote"
    assert render.closed_button_label(dataclasses.replace(JAM, state=JamState.CANCELLED), 0) == "Jam cancelled"
    assert render.thread_name(dataclasses.replace(JAM, theme="y" * 300)) == ("Jam: " + "y" * 300)[:100]
    assert render.left_text(2 * 86400 + 3 * 3600 + 59) == "2d 3h"
