"""Jam wording: announcement, rules, standings, results, history, in every shipped language."""

import dataclasses

import pytest

from bot.core.i18n import SHIPPED_LOCALES, translate
from bot.core.text import MESSAGE_LIMIT
from bot.jams import text as render
from bot.jams.models import Entry, Jam, JamState, JamSummary, MemberStatus, Standing, VoteReceipt
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
                               with_thread=True, locale="en")
    assert "**Song jam: Rainy \\*days\\***" in text
    assert f"<t:{int(NOW + 7200)}:R>" in text and "<@1>" in text
    assert "Up to 2 entries per member" in text and "Entries are free" in text
    assert "the jam's thread" in text and "Submit to jam" in text and "never for your own song" in text
    assert "<@&55>" in text and "/jam leaderboard" in text
    anonymous = render.announcement(dataclasses.replace(JAM, anonymous=True), with_thread=False, locale="en")
    assert "One entry per member" in anonymous and "count toward your daily songs" in anonymous
    assert "Votes stay secret until the close" in anonymous and "thread" not in anonymous


def test_results_rank_entries_show_ties_link_each_entry_and_name_the_winners():
    summary = JamSummary(jam=CLOSED, standings=rank(entries(3, 5, 5, 0)))
    text = render.results(summary, ["🎖️ <@101> now has the <@&55> role."], "en")
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
    assert "No votes were cast" in render.results(JamSummary(jam=CLOSED, standings=rank(entries(0, 0))), [], "en")
    assert "No songs were entered" in render.results(JamSummary(jam=CLOSED, standings=[]), [], "en")
    one = render.results(JamSummary(jam=CLOSED, standings=rank(entries(1))), [], "en")
    assert "🏆 Winner: <@100>!" in one and "1 entry · 1 vote" in one


def test_long_results_stay_within_a_message_and_say_what_was_left_off():
    text = render.results(JamSummary(jam=CLOSED, standings=rank(entries(*range(80)))), [], "en")
    assert len(text) <= 2000
    assert text.splitlines()[-1].startswith("…and ") and text.splitlines()[-1].endswith(" more")


def test_live_standings_hide_counts_in_an_anonymous_jam_until_the_close():
    standings = rank(entries(1, 4))
    public = render.leaderboard(JamSummary(jam=JAM, standings=standings), NOW + 10, "en")
    assert "4 votes" in public and "1st" in public
    secret = render.leaderboard(JamSummary(jam=dataclasses.replace(JAM, anonymous=True), standings=standings),
                                NOW + 10, "en")
    assert "vote" not in secret.replace("Votes stay secret", "") and "1st" not in secret
    assert secret.index("<@100>") < secret.index("<@101>")  # in the order they came in
    revealed = render.leaderboard(JamSummary(jam=dataclasses.replace(CLOSED, anonymous=True), standings=standings),
                                  NOW + 8000, "en")
    assert "4 votes" in revealed
    assert "No entries yet" in render.leaderboard(JamSummary(jam=JAM, standings=[]), NOW, "en")
    cancelled = dataclasses.replace(JAM, state=JamState.CANCELLED)
    assert "was cancelled" in render.leaderboard(JamSummary(jam=cancelled, standings=standings), NOW, "en")


def test_a_vote_reply_says_where_the_vote_is_and_until_when():
    receipt = VoteReceipt(jam=JAM, job_id=2, entrant_id=101, previous_job_id=1, votes=3)
    text = render.vote_reply(receipt, "en")
    assert "<@101>'s entry (job 2)" in text and "moved it from job 1" in text and "3 votes" in text
    assert f"<t:{int(JAM.ends_at)}:R>" in text
    secret = dataclasses.replace(receipt, jam=dataclasses.replace(JAM, anonymous=True))
    assert "votes" not in render.vote_reply(secret, "en")


def test_status_history_and_small_pieces():
    text = render.status(JAM, entries=3, member=MemberStatus(entries=1, voted_for=4), now=NOW, locale="en")
    assert "open, closes" in text and "3 entries so far" in text and "1 of 1" in text and "job 4" in text
    assert "https://discord.com/channels/10/20/900" in text
    past = render.history([JamSummary(jam=CLOSED, standings=rank(entries(2, 2))),
                           JamSummary(jam=dataclasses.replace(JAM, state=JamState.CANCELLED), standings=[])], "en")
    assert "2 entries · 🏆 <@100>, <@101>" in past and "cancelled" in past
    assert render.history([], "en") == "No jams have ended in this server yet."
    long_theme = dataclasses.replace(JAM, theme="x" * 200)
    assert render.jam_choice(long_theme, NOW + 60, "en").endswith("closes in 1h 59m · #7")
    assert len(render.jam_choice(dataclasses.replace(JAM, theme="x" * 200), NOW, "en")) == 100
    assert render.closed_button_label(CLOSED, 1, "en") == "Voting closed · 1 vote"
    assert render.closed_button_label(dataclasses.replace(JAM, state=JamState.CANCELLED), 0, "en") == "Jam cancelled"
    assert render.thread_name(dataclasses.replace(JAM, theme="y" * 300), "en") == ("Jam: " + "y" * 300)[:100]
    assert render.left_text(2 * 86400 + 3 * 3600 + 59, "en") == "2d 3h"


# --- in every shipped language ---------------------------------------------------------------------


def worst_case_jam(state: JamState) -> Jam:
    """A jam whose texts are as long as they get: the longest theme, all markdown (escaping doubles it)."""
    return dataclasses.replace(JAM, theme="*_" * 100, state=state, entries_per_member=10, sponsored=True,
                               winner_role_id=55_555_555_555_555_555, host_id=44_444_444_444_444_444,
                               closed_by=33_333_333_333_333_333, closed_at=NOW + 7200 if state is not JamState.OPEN
                               else None)


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_every_long_jam_text_fits_one_message_in_every_language(locale):
    open_jam, closed = worst_case_jam(JamState.OPEN), worst_case_jam(JamState.CLOSED)
    many = [dataclasses.replace(e, user_id=10**18 + e.user_id, job_id=10**6 + e.job_id) for e in entries(*range(80))]
    final = JamSummary(jam=closed, standings=rank(many))
    notes = [f"⚠️ note {n} " + "x" * 150 for n in range(3)]
    texts = [
        render.announcement(open_jam, with_thread=True, locale=locale),
        render.results(final, notes, locale),
        render.leaderboard(final, NOW + 9000, locale),
        render.leaderboard(JamSummary(jam=dataclasses.replace(open_jam, anonymous=True), standings=rank(many)),
                           NOW, locale),
        render.status(open_jam, entries=10**6, member=MemberStatus(entries=10, voted_for=10**9), now=NOW,
                      locale=locale),
        render.history([final] * 10, locale),
        render.cancelled_notice(dataclasses.replace(closed, state=JamState.CANCELLED), locale),
        render.vote_reply(VoteReceipt(jam=open_jam, job_id=10**9, entrant_id=10**18, previous_job_id=10**9,
                                      votes=10**6), locale),
        render.started_reply(open_jam, "<#123456789012345678>", notes, locale),
    ]
    assert all(0 < len(text) <= MESSAGE_LIMIT for text in texts), [len(text) for text in texts]
    lines = render.results(final, notes, locale).splitlines()
    shown = sum("](https://discord.com/channels/" in line for line in lines)
    assert 0 < shown < 80 and lines[-1] == translate(locale, "core-more-lines", count=80 - shown)
    assert all(len(render.jam_choice(open_jam, NOW, locale)) <= 100 for locale in SHIPPED_LOCALES)


def test_results_in_spanish_with_spanish_ordinals_lists_and_plurals():
    summary = JamSummary(jam=CLOSED, standings=rank(entries(3, 5, 5, 0)))
    text = render.results(summary, [], "es-ES")
    lines = text.splitlines()
    assert lines[0] == "🏁 **Resultados de la jam de canciones: Rainy \\*days\\***"
    assert lines[1].startswith("4 entradas · 13 votos · cerrada <t:")
    assert lines[2] == "🏆 Ganadores, empatados en el primer puesto: ¡<@101> y <@102>! Enhorabuena 🎉"
    link = "[trabajo 2](https://discord.com/channels/10/20/5001)"
    assert f"🥇 **1.er puesto (empate)** · <@101> · 5 votos · {link}" in text
    assert "🥉 **3.er puesto** · <@100> · 3 votos" in text and "▫️ **4.º puesto** · <@103> · 0 votos" in text
    one = render.results(JamSummary(jam=CLOSED, standings=rank(entries(1))), [], "es-419")
    assert "1 entrada · 1 voto" in one and "🏆 Ganador: ¡<@100>!" in one


def test_ordinals_follow_each_languages_rules():
    def place(rank_: int, locale: str) -> str:
        return render.rank_label(Standing(rank=rank_, tied=False, entry=entries(0)[0]), locale)

    assert [place(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st"]
    assert [place(n, "es-ES") for n in (1, 2, 3, 11, 21)] == [
        "1.er puesto", "2.º puesto", "3.er puesto", "11.º puesto", "21.er puesto"]
    assert place(2, "pt-BR") == "2º lugar" and place(2, "ja") == "2位"
    assert render.rank_label(Standing(rank=1, tied=True, entry=entries(0)[0]), "ja") == "1位（同率）"


def test_a_brazilian_members_status_and_vote_reply_are_in_portuguese():
    text = render.status(JAM, entries=3, member=MemberStatus(entries=1, voted_for=4), now=NOW, locale="pt-BR")
    assert text.startswith("🎤 **Rainy \\*days\\*** · aberta, fecha <t:")
    assert "3 inscrições até agora · Uma inscrição por membro. As inscrições contam nas suas músicas diárias." in text
    assert "Os votos são públicos: veja `/jam classificação`." in text, "the command as a Portuguese client shows it"
    assert "Suas inscrições: 1 de 1 · você votou no pedido 4." in text
    receipt = VoteReceipt(jam=JAM, job_id=2, entrant_id=101, previous_job_id=None, votes=1)
    assert render.vote_reply(receipt, "pt-BR") == (
        f"🗳️ Seu voto está na inscrição de <@101> (pedido 2). Agora ela tem 1 voto. "
        f"Você pode trocá-lo até <t:{int(JAM.ends_at)}:R>.")


def test_the_announcement_and_the_history_in_japanese():
    text = render.announcement(dataclasses.replace(JAM, winner_role_id=55), with_thread=False, locale="ja")
    assert text.startswith("🎤 **ソングジャム: Rainy \\*days\\***\n主催 <@1> · 締め切り <t:")
    assert "**ジャムに応募**" in text and "**投票**" in text and "<@&55> ロール" in text
    assert "`/ジャム 順位表`" in text and "`/曲 作成`" in text
    past = render.history([JamSummary(jam=CLOSED, standings=rank(entries(2, 2)))], "ja")
    assert past.startswith("📜 **過去のジャム**") and "2件の応募 · 🏆 <@100>, <@101>" in past
    assert render.winners_line(JamSummary(jam=CLOSED, standings=rank(entries(2, 2))), "ja") == (
        "🏆 同率優勝: <@100>、<@101>！おめでとうございます 🎉")
    assert render.left_text(2 * 86400 + 3 * 3600, "ja") == "2日3時間"
    assert render.closed_button_label(CLOSED, 3, "ja") == "投票終了 · 3票"


def test_an_unshipped_language_reads_english():
    assert render.history([], "fr") == "No jams have ended in this server yet."
    assert render.entry_note(JAM, "de") == " It's an entry in the jam **Rainy \\*days\\***."
    assert render.entry_note(dataclasses.replace(JAM, sponsored=True), "es-ES") == (
        " Es una entrada de la jam **Rainy \\*days\\***. Es gratis: la jam está patrocinada.")
