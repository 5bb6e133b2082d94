"""The jams service: durations, starting, entries, votes, ranking and closing, over a real database."""

import asyncio

import pytest

from bot.jams.models import Entry, JamRefused, JamState, JamSummary
from bot.jams.service import Admission, JamButton, clean_theme, parse_duration, rank
from bot.songs.jobs import JobState
from bot.songs.quota import QuotaExceeded, QuotaLimits
from tests.support.jams import CHANNEL, GUILD, HOST, NOW, deliver, make_song, new_job, open_world, start_jam

ALICE, BOB, CAROL, DAVE, ERIN, FRANK = 101, 102, 103, 104, 105, 106
THREAD = 21


@pytest.fixture
async def world(tmp_path):
    storage, jams = await open_world(tmp_path / "songjam.db")
    yield storage, jams
    await storage.close()


# --- durations and themes ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "seconds"), [
    ("90m", 90 * 60), ("2d", 2 * 86400), ("1h30m", 90 * 60), ("1h 30m", 90 * 60), (" 2D12H ", 60 * 3600),
    ("1w", 7 * 86400), ("10m", 600), ("30d", 30 * 86400),
])
def test_durations_read_like_people_write_them(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(("text", "says"), [
    ("", "Give the jam a duration"),
    ("90", "couldn't read `90`"),
    ("1.5h", "couldn't read"),
    ("tomorrow", "couldn't read"),
    ("2s", "couldn't read"),
    ("123456m", "couldn't read"),
    ("1h1h", "names a unit twice"),
    ("9m", "at least 10 minutes"),
    ("31d", "at most 30 days"),
    ("4w3d", "at most 30 days"),
])
def test_bad_durations_are_refused_with_a_clear_reason(text, says):
    with pytest.raises(JamRefused) as refused:
        parse_duration(text)
    assert says in str(refused.value)
    if "couldn't read" in says:
        assert "`90m`, `2d` or `1h30m`" in str(refused.value)


def test_a_refusal_is_said_in_the_members_language():
    with pytest.raises(JamRefused) as refused:
        parse_duration("9m")
    assert str(refused.value) == "A jam needs at least 10 minutes.", "English for the logs"
    assert refused.value.render("pt-BR") == "Uma jam precisa de pelo menos 10 minutos."
    assert refused.value.render("es-419") == "Una jam necesita al menos 10 minutos."
    assert refused.value.render("ja") == "ジャムには少なくとも 10 分が必要です。"
    with pytest.raises(JamRefused) as unreadable:
        parse_duration("tomorrow")
    assert unreadable.value.render("es-ES") == (
        "No entiendo `tomorrow` como duración: usa un número y una unidad (w, d, h o m), como `90m`, `2d` o `1h30m`."
    )


def test_a_duration_echo_is_short_and_cannot_break_out_of_its_code_span():
    with pytest.raises(JamRefused) as refused:
        parse_duration("`@everyone` " + "x" * 500)
    assert "`'@everyone' xxxxxxxx`" in str(refused.value)  # the first 20 characters


def test_themes_are_kept_on_one_line_and_bounded():
    assert clean_theme("  rainy \n  days ") == "rainy days"
    with pytest.raises(JamRefused):
        clean_theme("   ")
    with pytest.raises(JamRefused):
        clean_theme("x" * 201)


# --- ranking ------------------------------------------------------------------------------------


def entry(job_id, votes, user_id=None, delivered_at=None):
    return Entry(job_id=job_id, user_id=user_id or job_id, channel_id=CHANNEL, message_id=job_id,
                 delivered_at=delivered_at if delivered_at is not None else float(job_id), votes=votes)


def test_ranking_shares_places_on_ties_and_skips_after_them():
    standings = rank([entry(1, 1), entry(2, 5), entry(3, 3), entry(4, 5), entry(5, 1), entry(6, 0)])
    assert [(s.entry.job_id, s.rank, s.tied) for s in standings] == [
        (2, 1, True), (4, 1, True), (3, 3, False), (1, 4, True), (5, 4, True), (6, 6, False),
    ]


def test_within_a_tie_the_earlier_entry_is_listed_first():
    standings = rank([entry(1, 2, delivered_at=50.0), entry(2, 2, delivered_at=10.0)])
    assert [s.entry.job_id for s in standings] == [2, 1]
    assert {s.rank for s in standings} == {1}


def test_winners_are_everyone_tied_first_named_once_and_nobody_without_votes():
    tied = JamSummary(jam=None, standings=rank([entry(1, 3, user_id=ALICE), entry(2, 3, user_id=BOB),  # type: ignore[arg-type]
                                                entry(3, 3, user_id=ALICE), entry(4, 1)]))
    assert tied.winners == [ALICE, BOB]
    silent = JamSummary(jam=None, standings=rank([entry(1, 0), entry(2, 0)]))  # type: ignore[arg-type]
    assert silent.winners == []
    assert all(s.rank == 1 and s.tied for s in silent.standings)


# --- starting -------------------------------------------------------------------------------------


async def test_a_jam_starts_open_until_its_deadline(world):
    _, jams = world
    jam = await start_jam(jams, duration="1h30m", entries_per_member=2, sponsored=True, anonymous=True,
                          winner_role_id=77)
    assert jam.state is JamState.OPEN and jam.started_at == NOW and jam.ends_at == NOW + 5400
    assert (jam.entries_per_member, jam.sponsored, jam.anonymous, jam.winner_role_id) == (2, True, True, 77)
    assert jam.is_open_at(NOW + 5399) and not jam.is_open_at(NOW + 5400)
    assert await jams.next_deadline() == NOW + 5400


async def test_one_open_jam_per_channel_and_its_thread(world):
    _, jams = world
    jam = await start_jam(jams)
    await jams.announced(jam.id, 900, THREAD)
    with pytest.raises(JamRefused, match="already an open jam"):
        await start_jam(jams)
    with pytest.raises(JamRefused, match="already an open jam"):
        await start_jam(jams, channel_id=THREAD)
    other = await start_jam(jams, channel_id=30)
    assert other.id != jam.id
    await jams.end(jam, by=HOST, now=NOW + 5)
    assert (await start_jam(jams, now=NOW + 10)).channel_id == CHANNEL


async def test_two_moderators_starting_at_once_get_one_jam(world):
    _, jams = world
    outcomes = await asyncio.gather(start_jam(jams), start_jam(jams), return_exceptions=True)
    assert sorted(type(o).__name__ for o in outcomes) == ["Jam", "JamRefused"]


async def test_a_jam_past_its_deadline_but_not_yet_closed_blocks_with_a_reason(world):
    _, jams = world
    await start_jam(jams, duration="10m")
    with pytest.raises(JamRefused, match="just ended"):
        await start_jam(jams, now=NOW + 601)


async def test_start_refuses_bad_options_before_recording_anything(world):
    _, jams = world
    for options in ({"duration": "forever"}, {"entries_per_member": 0}, {"entries_per_member": 11}):
        with pytest.raises(JamRefused):
            await start_jam(jams, **options)
    assert await jams.recent_jams(GUILD) == []


async def test_a_jam_whose_announcement_failed_is_forgotten(world):
    _, jams = world
    jam = await start_jam(jams)
    await jams.discard(jam.id)
    assert await jams.get(jam.id) is None
    await start_jam(jams)


# --- entries --------------------------------------------------------------------------------------


async def test_songs_made_in_the_jam_channel_or_its_thread_are_entries(world):
    _, jams = world
    jam = await start_jam(jams, entries_per_member=2)
    await jams.announced(jam.id, 900, THREAD)
    for channel in (CHANNEL, THREAD):
        admission = await jams.admit(guild_id=GUILD, channel_id=channel, user_id=ALICE, jam_id=None, now=NOW + 5)
        assert admission.jam_id == jam.id
    elsewhere = await jams.admit(guild_id=GUILD, channel_id=99, user_id=ALICE, jam_id=None, now=NOW + 5)
    assert elsewhere == Admission(None)
    assert elsewhere.limits(QuotaLimits(member_daily=3)) == QuotaLimits(member_daily=3)


async def test_the_jam_option_enters_from_anywhere_but_only_an_open_jam_of_this_server(world):
    _, jams = world
    jam = await start_jam(jams)
    foreign = await start_jam(jams, guild_id=GUILD + 1, channel_id=40)
    admission = await jams.admit(guild_id=GUILD, channel_id=99, user_id=ALICE, jam_id=jam.id, now=NOW + 5)
    assert admission.jam_id == jam.id
    with pytest.raises(JamRefused, match="can't find that jam"):
        await jams.admit(guild_id=GUILD, channel_id=99, user_id=ALICE, jam_id=foreign.id, now=NOW + 5)
    with pytest.raises(JamRefused, match="already ended"):
        await jams.admit(guild_id=GUILD, channel_id=99, user_id=ALICE, jam_id=jam.id, now=jam.ends_at)
    assert (await jams.admit(guild_id=GUILD, channel_id=CHANNEL, user_id=ALICE, jam_id=None,
                             now=jam.ends_at)).jam is None


async def test_sponsored_entries_cost_nothing_and_others_use_the_daily_quota(world):
    storage, jams = world
    daily_used_up = QuotaLimits(member_daily=1)
    await storage.create_job(new_job(ALICE, channel_id=99), daily_used_up, now=NOW, timeout_s=60)
    plain = await start_jam(jams)
    sponsored = await start_jam(jams, channel_id=30, sponsored=True)

    admission = await jams.admit(guild_id=GUILD, channel_id=CHANNEL, user_id=ALICE, jam_id=None, now=NOW + 5)
    with pytest.raises(QuotaExceeded, match="used your 1 song"):
        await storage.create_job(new_job(ALICE, jam_id=plain.id), admission.limits(daily_used_up),
                                 now=NOW + 5, timeout_s=60)

    admission = await jams.admit(guild_id=GUILD, channel_id=30, user_id=ALICE, jam_id=None, now=NOW + 5)
    limits = admission.limits(daily_used_up)
    assert limits.free and limits.jam_entry_limit == 1
    job = await storage.create_job(new_job(ALICE, channel_id=30, jam_id=sponsored.id), limits, now=NOW + 5,
                                   timeout_s=60)
    assert job.jam_id == sponsored.id and not job.charged
    assert (await storage.member_usage(GUILD, ALICE, now=NOW + 6)).used == 1


@pytest.mark.parametrize(("caps", "says"), [
    ({"global_daily": 2}, "The bot has reached its daily song limit for all servers."),
    ({"guild_daily": 2}, "This server has reached its daily song limit."),
])
async def test_sponsored_entries_are_held_by_the_operators_caps(world, caps, says):
    storage, jams = world
    member_limits = QuotaLimits(member_daily=5, **caps)
    sponsored = await start_jam(jams, channel_id=30, sponsored=True, entries_per_member=5)
    admission = await jams.admit(guild_id=GUILD, channel_id=30, user_id=ALICE, jam_id=None, now=NOW + 5)
    limits = admission.limits(member_limits)
    assert limits.free
    for _ in range(2):
        await storage.create_job(new_job(ALICE, channel_id=30, jam_id=sponsored.id), limits, now=NOW + 5,
                                 timeout_s=60)
    with pytest.raises(QuotaExceeded) as entry_refused:
        await storage.create_job(new_job(ALICE, channel_id=30, jam_id=sponsored.id), limits, now=NOW + 6,
                                 timeout_s=60)
    with pytest.raises(QuotaExceeded) as song_refused:
        await storage.create_job(new_job(BOB), member_limits, now=NOW + 6, timeout_s=60)
    assert str(entry_refused.value) == str(song_refused.value) == says
    assert (await storage.member_usage(GUILD, ALICE, now=NOW + 6)).used == 0, "her own quota is untouched"


async def test_the_entry_limit_counts_live_entries_only(world):
    storage, jams = world
    jam = await start_jam(jams, entries_per_member=1)
    first = await storage.create_job(new_job(ALICE, jam_id=jam.id), QuotaLimits(None, jam_entry_limit=1),
                                     now=NOW + 5, timeout_s=60)
    with pytest.raises(JamRefused, match="one entry per member, and you've entered 1"):
        await jams.admit(guild_id=GUILD, channel_id=CHANNEL, user_id=ALICE, jam_id=None, now=NOW + 6)
    await storage.finish_job(first.id, JobState.FAILED, "boom", now=NOW + 7, refund=True, expect=(JobState.PENDING,))
    admission = await jams.admit(guild_id=GUILD, channel_id=CHANNEL, user_id=ALICE, jam_id=None, now=NOW + 8)
    assert admission.jam_id == jam.id
    assert (await jams.admit(guild_id=GUILD, channel_id=CHANNEL, user_id=BOB, jam_id=None, now=NOW + 8)).jam_id


async def test_the_entry_limit_holds_when_two_songs_are_recorded_at_once(world):
    storage, jams = world
    jam = await start_jam(jams, entries_per_member=1)
    admission = await jams.admit(guild_id=GUILD, channel_id=CHANNEL, user_id=ALICE, jam_id=None, now=NOW + 5)
    limits = admission.limits(QuotaLimits(member_daily=5))
    outcomes = await asyncio.gather(*(
        storage.create_job(new_job(ALICE, jam_id=jam.id), limits, now=NOW + 5, timeout_s=60) for _ in range(3)
    ), return_exceptions=True)
    assert sum(not isinstance(o, Exception) for o in outcomes) == 1
    assert all("already entered 1" in str(o) for o in outcomes if isinstance(o, QuotaExceeded))


async def test_an_entry_is_refused_if_the_jam_closes_before_it_is_recorded(world):
    storage, jams = world
    jam = await start_jam(jams)
    admission = await jams.admit(guild_id=GUILD, channel_id=CHANNEL, user_id=ALICE, jam_id=None, now=NOW + 5)
    await jams.end(jam, by=HOST, now=NOW + 6)
    with pytest.raises(QuotaExceeded, match="jam closed before your song"):
        await storage.create_job(new_job(ALICE, jam_id=jam.id), admission.limits(QuotaLimits(5)), now=NOW + 7,
                                 timeout_s=60)
    assert await storage.member_jobs(GUILD, ALICE) == []


# --- submitting a finished song -------------------------------------------------------------------


async def test_a_member_enters_their_finished_song_in_one_click(world):
    storage, jams = world
    song = await make_song(storage, ALICE, at=NOW - 60, delivered_at=NOW + 30)  # begun before the jam opened
    jam = await start_jam(jams)
    assert await jams.button_for(song, NOW + 200) == (JamButton.SUBMIT, jam)
    entered = await jams.submit_song(song.id, ALICE, NOW + 200)
    assert entered.id == jam.id
    song = await storage.get_job(song.id)
    assert song.jam_id == jam.id
    assert await jams.button_for(song, NOW + 200) == (JamButton.VOTE, jam)
    assert [s.entry.job_id for s in (await jams.summary(jam)).standings] == [song.id]


@pytest.mark.parametrize(("who", "setup", "says"), [
    (BOB, None, "Only the member who made this song"),
    (ALICE, "old", "posted while the jam is open"),
    (ALICE, "elsewhere", "no open jam in this channel"),
    (ALICE, "twice", "already a jam entry"),
    (ALICE, "limit", "one entry per member"),
    (ALICE, "closed", "no open jam in this channel"),
])
async def test_submitting_a_song_is_refused_when_the_rules_say_so(world, who, setup, says):
    storage, jams = world
    delivered = NOW - 240 if setup == "old" else NOW + 30
    song = await make_song(storage, ALICE, at=NOW - 300, delivered_at=delivered,
                           channel_id=99 if setup == "elsewhere" else CHANNEL)
    jam = await start_jam(jams)
    if setup == "twice":
        await jams.submit_song(song.id, ALICE, NOW + 200)
    if setup == "limit":
        await make_song(storage, ALICE, jam=jam)
    if setup == "closed":
        await jams.end(jam, by=HOST, now=NOW + 150)
    with pytest.raises(JamRefused, match=says):
        await jams.submit_song(song.id, who, NOW + 200)


async def test_two_songs_submitted_at_once_respect_the_limit(world):
    storage, jams = world
    await start_jam(jams)
    songs = [await make_song(storage, ALICE, at=NOW - 60, delivered_at=NOW + 30) for _ in range(2)]
    outcomes = await asyncio.gather(*(jams.submit_song(s.id, ALICE, NOW + 200) for s in songs),
                                    return_exceptions=True)
    assert sum(isinstance(o, JamRefused) for o in outcomes) == 1


async def test_only_songs_posted_in_an_open_jams_channel_get_a_jam_button(world):
    storage, jams = world
    begun_before = await storage.create_job(new_job(ALICE), QuotaLimits(None), now=NOW - 100, timeout_s=600)
    jam = await start_jam(jams)
    entry_song = await make_song(storage, ALICE, jam=jam)
    elsewhere = await storage.create_job(new_job(ALICE, channel_id=99), QuotaLimits(None), now=NOW + 5, timeout_s=60)
    assert await jams.button_for(begun_before, NOW + 200) == (JamButton.SUBMIT, jam)
    assert await jams.button_for(elsewhere, NOW + 200) is None
    await jams.end(jam, by=HOST, now=NOW + 300)
    assert await jams.button_for(await storage.get_job(entry_song.id), NOW + 400) is None


# --- votes ----------------------------------------------------------------------------------------


async def test_votes_are_counted_moved_and_refused_by_the_rules(world):
    storage, jams = world
    jam = await start_jam(jams)
    a = await make_song(storage, ALICE, jam=jam)
    b = await make_song(storage, BOB, jam=jam)
    receipt = await jams.vote(jam.id, a.id, CAROL, NOW + 300)
    assert (receipt.job_id, receipt.entrant_id, receipt.previous_job_id, receipt.votes) == (a.id, ALICE, None, 1)
    with pytest.raises(JamRefused, match="already on this entry"):
        await jams.vote(jam.id, a.id, CAROL, NOW + 301)
    with pytest.raises(JamRefused, match="your own entry"):
        await jams.vote(jam.id, a.id, ALICE, NOW + 302)
    moved = await jams.vote(jam.id, b.id, CAROL, NOW + 303)
    assert (moved.previous_job_id, moved.votes) == (a.id, 1)
    await jams.vote(jam.id, b.id, ALICE, NOW + 304)
    votes = {s.entry.job_id: s.entry.votes for s in (await jams.summary(jam)).standings}
    assert votes == {a.id: 0, b.id: 2}
    assert (await jams.member_status(jam, CAROL)).voted_for == b.id


async def test_only_delivered_entries_of_this_jam_take_votes(world):
    storage, jams = world
    jam = await start_jam(jams)
    other = await start_jam(jams, channel_id=30)
    not_entered = await make_song(storage, ALICE)
    other_entry = await make_song(storage, ALICE, jam=other, channel_id=30)
    unfinished = await storage.create_job(new_job(BOB, jam_id=jam.id), QuotaLimits(None), now=NOW + 5,
                                          timeout_s=60)
    for job_id in (not_entered.id, other_entry.id, unfinished.id, 424242):
        with pytest.raises(JamRefused, match="isn't an entry in this jam"):
            await jams.vote(jam.id, job_id, CAROL, NOW + 300)
    with pytest.raises(JamRefused, match="no longer exists"):
        await jams.vote(999, other_entry.id, CAROL, NOW + 300)


async def test_voting_stops_at_the_deadline_even_before_the_sweep(world):
    storage, jams = world
    jam = await start_jam(jams, duration="1h")
    a = await make_song(storage, ALICE, jam=jam)
    await jams.vote(jam.id, a.id, BOB, jam.ends_at - 1)
    with pytest.raises(JamRefused, match="Voting in this jam has closed"):
        await jams.vote(jam.id, a.id, CAROL, jam.ends_at)
    await jams.close_due(jam.ends_at + 1)
    with pytest.raises(JamRefused, match="closed"):
        await jams.vote(jam.id, a.id, CAROL, jam.ends_at + 2)


async def test_two_votes_by_one_member_at_once_leave_exactly_one_vote(world):
    storage, jams = world
    jam = await start_jam(jams)
    a = await make_song(storage, ALICE, jam=jam)
    b = await make_song(storage, BOB, jam=jam)
    await asyncio.gather(jams.vote(jam.id, a.id, CAROL, NOW + 300), jams.vote(jam.id, b.id, CAROL, NOW + 300))
    assert sum(s.entry.votes for s in (await jams.summary(jam)).standings) == 1
    same = await asyncio.gather(*(jams.vote(jam.id, a.id, DAVE, NOW + 301) for _ in range(5)),
                                return_exceptions=True)
    assert sum(isinstance(o, JamRefused) for o in same) == 4
    assert sum(s.entry.votes for s in (await jams.summary(jam)).standings) == 2


# --- closing --------------------------------------------------------------------------------------


async def test_the_deadline_closes_a_jam_exactly_once(world):
    _, jams = world
    jam = await start_jam(jams, duration="1h")
    assert await jams.close_due(jam.ends_at - 1) == []
    closed = await jams.close_due(jam.ends_at + 30)
    assert [j.id for j in closed] == [jam.id]
    assert closed[0].state is JamState.CLOSED and closed[0].closed_at == jam.ends_at and closed[0].closed_by is None
    assert await jams.close_due(jam.ends_at + 60) == []
    assert await jams.next_deadline() is None
    with pytest.raises(JamRefused, match="already ended"):
        await jams.end(jam, by=HOST, now=jam.ends_at + 61)


async def test_concurrent_sweeps_close_each_jam_once(world):
    _, jams = world
    first = await start_jam(jams, duration="1h")
    second = await start_jam(jams, channel_id=30, duration="2h")
    sweeps = await asyncio.gather(*(jams.close_due(NOW + 3 * 3600) for _ in range(4)))
    assert sorted(j.id for sweep in sweeps for j in sweep) == [first.id, second.id]


async def test_a_restart_after_the_deadline_closes_the_jam_once(tmp_path):
    path = tmp_path / "songjam.db"
    storage, jams = await open_world(path)
    jam = await start_jam(jams, duration="1h")
    a = await make_song(storage, ALICE, jam=jam)
    await jams.vote(jam.id, a.id, BOB, NOW + 600)
    await storage.close()  # the bot goes down mid-jam and stays down past the deadline

    storage, jams = await open_world(path)
    try:
        assert [j.id for j in await jams.close_due(NOW + 5 * 3600)] == [jam.id]
        assert await jams.close_due(NOW + 5 * 3600 + 1) == []
        [pending] = await jams.unfinalized()
        summary = await jams.summary(pending)
        assert summary.winners == [ALICE] and summary.standings[0].entry.votes == 1
        await jams.results_posted(jam.id, 777, NOW + 5 * 3600)
        await jams.finalized(jam.id, NOW + 5 * 3600)
        assert await jams.unfinalized() == []
        assert (await jams.get(jam.id)).results_message_id == 777
    finally:
        await storage.close()


async def test_ending_early_records_who_and_when_and_cancelling_has_no_results(world):
    _, jams = world
    ended = await jams.end(await start_jam(jams), by=HOST, now=NOW + 100)
    assert (ended.state, ended.closed_at, ended.closed_by) == (JamState.CLOSED, NOW + 100, HOST)
    cancelled = await jams.cancel(await start_jam(jams, channel_id=30), by=HOST, now=NOW + 100)
    assert cancelled.state is JamState.CANCELLED
    assert [j.id for j in await jams.unfinalized()] == [ended.id, cancelled.id]
    with pytest.raises(JamRefused, match="already ended"):
        await jams.cancel(ended, by=HOST, now=NOW + 101)


async def test_standings_freeze_at_the_close(world):
    storage, jams = world
    jam = await start_jam(jams, duration="1h")
    on_time = await make_song(storage, ALICE, jam=jam)
    late = await storage.create_job(new_job(BOB, jam_id=jam.id), QuotaLimits(None), now=jam.ends_at - 10,
                                    timeout_s=600)
    [closed] = await jams.close_due(jam.ends_at + 1)
    await deliver(storage, late, at=jam.ends_at + 120)  # finished after the deadline: shown, never ranked
    assert [s.entry.job_id for s in (await jams.summary(closed)).standings] == [on_time.id]


async def test_a_full_jam_with_ties_and_history(world):
    storage, jams = world
    jam = await start_jam(jams, entries_per_member=2, duration="1d")
    a1 = await make_song(storage, ALICE, jam=jam)
    a2 = await make_song(storage, ALICE, jam=jam, at=NOW + 100)
    b = await make_song(storage, BOB, jam=jam)
    c = await make_song(storage, CAROL, jam=jam)
    for voter, job in ((BOB, a1), (CAROL, a1), (DAVE, a2), (ERIN, b), (ALICE, c), (FRANK, c)):
        await jams.vote(jam.id, job.id, voter, NOW + 1000)
    await jams.vote(jam.id, b.id, DAVE, NOW + 2000)  # Dave changes his mind: a2 loses its only vote to b
    [closed] = await jams.close_due(jam.ends_at)
    summary = await jams.summary(closed)
    placed = [(s.entry.job_id, s.rank, s.tied, s.entry.votes) for s in summary.standings]
    assert placed == [(a1.id, 1, True, 2), (b.id, 1, True, 2), (c.id, 1, True, 2), (a2.id, 4, False, 0)]
    assert summary.winners == [ALICE, BOB, CAROL]
    await jams.cancel(await start_jam(jams, now=NOW + 2 * 86400), by=HOST, now=NOW + 2 * 86400 + 5)
    past = await jams.history(GUILD)
    assert [(p.jam.state, len(p.standings)) for p in past] == [(JamState.CANCELLED, 0), (JamState.CLOSED, 4)]


async def test_leftover_submit_buttons_are_found_for_the_close(world):
    storage, jams = world
    jam = await start_jam(jams, duration="1h")
    await jams.announced(jam.id, 900, THREAD)
    in_channel = await make_song(storage, ALICE)
    in_thread = await make_song(storage, BOB, channel_id=THREAD)
    await make_song(storage, CAROL, at=NOW - 500)  # before the jam: never had the button
    await make_song(storage, CAROL, channel_id=99)
    entered = await make_song(storage, DAVE)
    await jams.submit_song(entered.id, DAVE, NOW + 300)
    [closed] = await jams.close_due(jam.ends_at)
    assert await jams.leftover_submissions(closed) == [
        (CHANNEL, in_channel.delivery_message_id), (THREAD, in_thread.delivery_message_id),
    ]


async def test_open_and_recent_jams_for_autocomplete(world):
    _, jams = world
    first = await start_jam(jams, duration="1h")
    second = await start_jam(jams, channel_id=30)
    await start_jam(jams, guild_id=GUILD + 1, channel_id=40)
    assert [j.id for j in await jams.open_jams(GUILD, NOW + 10)] == [second.id, first.id]
    assert [j.id for j in await jams.open_jams(GUILD, first.ends_at)] == [second.id]
    await jams.cancel(second, by=HOST, now=NOW + 20)
    assert [j.id for j in await jams.recent_jams(GUILD)] == [second.id, first.id]


async def test_find_picks_the_named_jam_else_this_channels(world):
    _, jams = world
    jam = await start_jam(jams)
    found = await jams.find(guild_id=GUILD, channel_id=CHANNEL, jam_id=None, now=NOW + 1, open_only=True)
    assert found.id == jam.id
    with pytest.raises(JamRefused, match="no open jam in this channel"):
        await jams.find(guild_id=GUILD, channel_id=99, jam_id=None, now=NOW + 1, open_only=True)
    await jams.end(jam, by=HOST, now=NOW + 2)
    last = await jams.find(guild_id=GUILD, channel_id=CHANNEL, jam_id=None, now=NOW + 3, open_only=False)
    assert last.id == jam.id and last.state is JamState.CLOSED


async def test_server_settings_change_one_at_a_time(world):
    _, jams = world
    assert not (await jams.settings(GUILD)).use_threads
    await jams.configure(GUILD, use_threads=True)
    updated = await jams.configure(GUILD, private_standings=True)
    assert updated.use_threads and updated.private_standings
    assert await jams.settings(GUILD) == updated
    assert not (await jams.settings(GUILD + 1)).private_standings
