import dataclasses

import pytest

from bot.core.migrations import MIGRATIONS
from bot.core.migrations_postgres import MIGRATIONS as POSTGRES_MIGRATIONS
from bot.songs.jobs import Delivery, JobState, NewJob
from bot.songs.quota import DAY_SECONDS, QuotaExceeded, QuotaLimits
from tests.support.concurrency import simultaneous_creates
from tests.support.databases import open_test_storage
from tests.support.jams import NO_LIMITS as FREE
from tests.support.jams import deliver, make_song

NOW = 1_800_000_000.0
FIVE = QuotaLimits(member_daily=5)


def new_job(user_id: int = 1, guild_id: int = 10, name: str = "ref.mp3") -> NewJob:
    return NewJob(guild_id=guild_id, channel_id=20, user_id=user_id, model="minimax-music",
                  prompt_text="##la la##", style=None, reference_url="https://cdn.example/ref.mp3",
                  reference_name=name)


async def test_migrations_set_the_schema_version_and_reopen_cleanly(tmp_path):
    store = await open_test_storage(tmp_path / "db.sqlite")
    job = await store.create_job(new_job(), FIVE, now=NOW, timeout_s=60)
    await store.close()
    reopened = await open_test_storage(tmp_path / "db.sqlite")
    if reopened.db.backend == "sqlite":
        assert await reopened.db.fetch_value("PRAGMA user_version") == len(MIGRATIONS)
        assert await reopened.db.fetch_value("PRAGMA journal_mode") == "wal"
    else:
        assert await reopened.db.fetch_value("SELECT version FROM schema_version") == len(POSTGRES_MIGRATIONS)
        assert len(POSTGRES_MIGRATIONS) == len(MIGRATIONS), "the same numbered steps on both backends"
    assert (await reopened.get_job(job.id)).prompt_text == "##la la##"
    await reopened.close()


async def test_a_new_job_is_pending_charged_and_due_at_once(storage):
    job = await storage.create_job(new_job(), FIVE, now=NOW, timeout_s=1200)
    assert job.state is JobState.PENDING
    assert job.charged and not job.refunded
    assert job.expires_at == NOW + 1200
    assert [j.id for j in await storage.due_by_state(NOW, {JobState.PENDING: 10})] == [job.id]
    usage = await storage.member_usage(10, 1, now=NOW)
    assert usage.used == 1 and usage.unfinished == 1 and usage.next_free_at == NOW + DAY_SECONDS


async def test_a_job_keeps_what_its_card_and_next_steps_reuse(storage):
    new = dataclasses.replace(new_job(), title="Night Drive", lyrics="la la\n\nla", member_name="Alice ✨",
                              reference_size=123_456, reference_type="audio/mpeg")
    job = await storage.create_job(new, FIVE, now=NOW, timeout_s=60)
    again = await storage.get_job(job.id)
    assert (again.title, again.lyrics, again.member_name) == ("Night Drive", "la la\n\nla", "Alice ✨")
    assert (again.reference_size, again.reference_type) == (123_456, "audio/mpeg")
    plain = await storage.create_job(new_job(), FIVE, now=NOW, timeout_s=60)
    assert (plain.title, plain.lyrics, plain.member_name, plain.reference_size) == (None, None, None, None)


async def test_the_daily_quota_refuses_and_says_when_it_lifts(storage):
    limits = QuotaLimits(member_daily=2)
    await storage.create_job(new_job(), limits, now=NOW, timeout_s=60)
    await storage.create_job(new_job(), limits, now=NOW + 10, timeout_s=60)
    with pytest.raises(QuotaExceeded) as refused:
        await storage.create_job(new_job(), limits, now=NOW + 20, timeout_s=60)
    assert refused.value.lifts_at == NOW + DAY_SECONDS
    assert len(await storage.member_jobs(10, 1)) == 2
    # a day later the first credit is free again; other members and servers are untouched
    await storage.create_job(new_job(), limits, now=NOW + DAY_SECONDS + 1, timeout_s=60)
    await storage.create_job(new_job(user_id=2), limits, now=NOW + 20, timeout_s=60)
    await storage.create_job(new_job(guild_id=11), limits, now=NOW + 20, timeout_s=60)


async def test_a_refund_gives_the_credit_back(storage):
    limits = QuotaLimits(member_daily=1)
    job = await storage.create_job(new_job(), limits, now=NOW, timeout_s=60)
    failed = await storage.finish_job(job.id, JobState.FAILED, "the API failed", now=NOW + 5, refund=True,
                                      expect=(JobState.PENDING,))
    assert failed.state is JobState.FAILED and failed.refunded and failed.failure_reason == "the API failed"
    assert (await storage.member_usage(10, 1, now=NOW + 6)).used == 0
    await storage.create_job(new_job(), limits, now=NOW + 6, timeout_s=60)


async def test_free_jobs_are_never_charged(storage):
    limits = QuotaLimits(member_daily=0, free=True)
    job = await storage.create_job(new_job(), limits, now=NOW, timeout_s=60)
    assert not job.charged


async def test_updates_are_conditional_on_the_state(storage):
    job = await storage.create_job(new_job(), FIVE, now=NOW, timeout_s=60)
    claimed = await storage.update_job(job.id, (JobState.PENDING,), state=JobState.SUBMITTING, next_attempt_at=None)
    assert claimed.state is JobState.SUBMITTING and claimed.next_attempt_at is None
    assert await storage.update_job(job.id, (JobState.PENDING,), state=JobState.SUBMITTING) is None
    assert await storage.finish_job(job.id, JobState.CANCELLED, "x", now=NOW, refund=False,
                                    expect=(JobState.PENDING,)) is None
    with pytest.raises(ValueError, match="not updatable"):
        await storage.update_job(job.id, (JobState.SUBMITTING,), user_id=5)
    with pytest.raises(ValueError, match="terminal"):
        await storage.finish_job(job.id, JobState.SUBMITTED, None, now=NOW, refund=False, expect=(JobState.SUBMITTING,))


async def test_due_jobs_come_most_overdue_first(storage):
    a = await storage.create_job(new_job(), FIVE, now=NOW, timeout_s=60)
    b = await storage.create_job(new_job(), FIVE, now=NOW, timeout_s=60)
    c = await storage.create_job(new_job(), FIVE, now=NOW, timeout_s=60)
    await storage.update_job(a.id, (JobState.PENDING,), next_attempt_at=NOW + 30)
    await storage.update_job(b.id, (JobState.PENDING,), next_attempt_at=NOW - 5)
    await storage.update_job(c.id, (JobState.PENDING,), next_attempt_at=None)
    assert [j.id for j in await storage.due_by_state(NOW, {JobState.PENDING: 10})] == [b.id]
    assert [j.id for j in await storage.due_by_state(NOW + 31, {JobState.PENDING: 10})] == [b.id, a.id]
    assert await storage.next_due_at() == NOW - 5


async def test_due_jobs_by_state_take_each_states_most_overdue_up_to_its_limit(storage):
    jobs = [await storage.create_job(new_job(), FIVE, now=NOW, timeout_s=60) for _ in range(5)]
    for job, due in zip(jobs[:3], (NOW - 1, NOW - 3, NOW - 2), strict=True):  # three polls due
        await storage.update_job(job.id, (JobState.PENDING,), state=JobState.SUBMITTED, next_attempt_at=due)
    await storage.update_job(jobs[3].id, (JobState.PENDING,), next_attempt_at=NOW + 10)  # a submit not yet due
    due = await storage.due_by_state(NOW, {JobState.SUBMITTED: 2, JobState.PENDING: 5, JobState.COMPLETED: 0})
    assert [(j.id, j.state) for j in due] == [
        (jobs[1].id, JobState.SUBMITTED), (jobs[2].id, JobState.SUBMITTED), (jobs[4].id, JobState.PENDING),
    ]
    assert await storage.due_by_state(NOW, {}) == []


async def test_songs_ahead_counts_only_unstarted_songs_of_the_same_server(storage):
    jobs = [await storage.create_job(new_job(user_id=n), FIVE, now=NOW + n, timeout_s=60) for n in range(4)]
    other_server = await storage.create_job(new_job(user_id=9, guild_id=11), FIVE, now=NOW, timeout_s=60)
    await storage.finish_job(jobs[0].id, JobState.DELIVERED, None, now=NOW, refund=False, expect=(JobState.PENDING,))
    await storage.update_job(jobs[1].id, (JobState.PENDING,), state=JobState.SUBMITTED)  # being made
    assert await storage.songs_ahead(jobs[1]) == 0
    assert await storage.songs_ahead(jobs[2]) == 0, "a finished and a started song are not ahead"
    assert await storage.songs_ahead(jobs[3]) == 1, "the pending one before it is"
    late = await storage.create_job(new_job(user_id=8), FIVE, now=NOW + 9, timeout_s=60)
    assert await storage.songs_ahead(late) == 2, "another server's pending song is not counted"
    assert await storage.songs_ahead(other_server) == 0


async def test_member_jobs_search_by_id_or_file_name(storage):
    first = await storage.create_job(new_job(name="summer.mp3"), FIVE, now=NOW, timeout_s=60)
    await storage.create_job(new_job(name="winter.wav"), FIVE, now=NOW, timeout_s=60)
    await storage.create_job(new_job(user_id=2, name="summer2.mp3"), FIVE, now=NOW, timeout_s=60)
    assert [j.reference_name for j in await storage.member_jobs(10, 1, search="sum")] == ["summer.mp3"]
    assert [j.id for j in await storage.member_jobs(10, 1, search=str(first.id))] == [first.id]
    assert [j.reference_name for j in await storage.member_jobs(10, 1)] == ["winter.wav", "summer.mp3"]


async def test_member_jobs_pages_newest_first_and_counts(storage):
    made = [await storage.create_job(new_job(), FIVE, now=NOW + n, timeout_s=60) for n in range(5)]
    await storage.create_job(new_job(user_id=2), FIVE, now=NOW, timeout_s=60)
    assert [j.id for j in await storage.member_jobs(10, 1, limit=2, offset=2)] == [made[2].id, made[1].id]
    assert await storage.member_job_count(10, 1) == 5
    assert await storage.member_job_count(10, 3) == 0


async def test_fifty_simultaneous_requests_with_three_credits_make_three_jobs(storage):
    limits = QuotaLimits(member_daily=3)

    assert await simultaneous_creates(storage, new_job(), limits, now=NOW) == 3
    assert len(await storage.member_jobs(10, 1, limit=100)) == 3


async def test_server_and_unfinished_limits(storage):
    await storage.create_job(new_job(), QuotaLimits(member_daily=None), now=NOW, timeout_s=60)
    with pytest.raises(QuotaExceeded, match="in progress"):
        await storage.create_job(new_job(), QuotaLimits(member_daily=None, member_unfinished=1), now=NOW, timeout_s=60)
    with pytest.raises(QuotaExceeded, match="server"):
        await storage.create_job(new_job(user_id=2), QuotaLimits(member_daily=None, guild_daily=1), now=NOW,
                                 timeout_s=60)
    with pytest.raises(QuotaExceeded, match="daily song limit"):
        await storage.create_job(new_job(guild_id=99), QuotaLimits(member_daily=None, global_daily=1), now=NOW,
                                 timeout_s=60)
    with pytest.raises(QuotaExceeded, match="cooldown") as refused:
        await storage.create_job(new_job(), QuotaLimits(member_daily=None, cooldown_s=30), now=NOW + 10, timeout_s=60)
    assert refused.value.lifts_at == NOW + 30


@pytest.mark.parametrize("cap", ["global_daily", "guild_daily"])
async def test_free_jobs_count_towards_the_operator_caps_and_are_held_by_them(storage, cap):
    """A sponsored (free) entry skips only the member's own quota: the bot's and the server's caps hold."""
    charged = QuotaLimits(member_daily=5, **{cap: 2})
    free = dataclasses.replace(charged, member_daily=0, free=True)
    first = await storage.create_job(new_job(user_id=1), free, now=NOW, timeout_s=60)
    second = await storage.create_job(new_job(user_id=2), charged, now=NOW + 1, timeout_s=60)
    assert not first.charged and second.charged
    with pytest.raises(QuotaExceeded) as free_refused:
        await storage.create_job(new_job(user_id=3), free, now=NOW + 2, timeout_s=60)
    with pytest.raises(QuotaExceeded) as charged_refused:
        await storage.create_job(new_job(user_id=3), charged, now=NOW + 2, timeout_s=60)
    assert str(free_refused.value) == str(charged_refused.value)
    assert "daily song limit" in str(free_refused.value)
    assert free_refused.value.lifts_at == charged_refused.value.lifts_at == NOW + DAY_SECONDS
    # Free jobs alone fill a cap too (the server cap in another server; the bot's cap is full already).
    if cap == "guild_daily":
        for user_id in (4, 5):
            await storage.create_job(new_job(user_id=user_id, guild_id=11), free, now=NOW + 3, timeout_s=60)
        with pytest.raises(QuotaExceeded, match="daily song limit"):
            await storage.create_job(new_job(user_id=6, guild_id=11), free, now=NOW + 4, timeout_s=60)
    # A refunded free job gives its place back, as a refunded charged one does; one that ran does not.
    await storage.finish_job(first.id, JobState.FAILED, "x", now=NOW + 5, refund=True, expect=(JobState.PENDING,))
    third = await storage.create_job(new_job(user_id=3), free, now=NOW + 6, timeout_s=60)
    await storage.finish_job(third.id, JobState.DELIVERED, None, now=NOW + 7, refund=False,
                             expect=(JobState.PENDING,))
    with pytest.raises(QuotaExceeded, match="daily song limit"):
        await storage.create_job(new_job(user_id=7), free, now=NOW + 8, timeout_s=60)
    # The rolling day frees the places of free jobs as it does for charged ones.
    await storage.create_job(new_job(user_id=7), free, now=NOW + DAY_SECONDS + 2, timeout_s=60)


async def test_fifty_simultaneous_free_entries_never_pass_the_global_cap(storage):
    limits = QuotaLimits(member_daily=None, global_daily=3, free=True)

    assert await simultaneous_creates(storage, new_job(), limits, now=NOW) == 3


@pytest.mark.parametrize(("state", "refunded"), [(JobState.PENDING, True), (JobState.SUBMITTING, False),
                                                 (JobState.SUBMITTED, False)])
async def test_a_refund_can_be_decided_on_the_state_the_same_transaction_changes(storage, state, refunded):
    job = await storage.create_job(new_job(), FIVE, now=NOW, timeout_s=60)
    if state is not JobState.PENDING:
        await storage.update_job(job.id, (JobState.PENDING,), state=state)
    active = (JobState.PENDING, JobState.SUBMITTING, JobState.SUBMITTED)
    cancelled = await storage.finish_job(job.id, JobState.CANCELLED, "x", now=NOW + 1, refund=(JobState.PENDING,),
                                         expect=active)
    assert cancelled.state is JobState.CANCELLED and cancelled.refunded is refunded
    assert (await storage.member_usage(10, 1, now=NOW + 2)).used == (0 if refunded else 1)


async def test_guild_songs_are_the_posted_songs_of_that_server_newest_first(storage):
    posted = [await make_song(storage, 1, at=NOW + n) for n in range(4)]  # GUILD 10, posted as a reply
    by_link = await deliver(storage, await storage.create_job(new_job(user_id=2), FREE, now=NOW + 5, timeout_s=60),
                            at=NOW + 9, delivery=Delivery.LINK)
    await deliver(storage, await storage.create_job(new_job(), FREE, now=NOW + 6, timeout_s=60),
                  at=NOW + 9, delivery=Delivery.DM)  # sent privately: nothing in the server to jump to
    await storage.create_job(new_job(), FREE, now=NOW + 7, timeout_s=60)  # still pending
    other = await make_song(storage, 1, at=NOW + 8)
    async with storage.db.transaction() as conn:  # another server's song
        await conn.execute("UPDATE jobs SET guild_id = 11 WHERE id = ?", (other.id,))

    assert await storage.guild_song_count(10) == 5
    assert [j.id for j in await storage.guild_songs(10, limit=3)] == [by_link.id, posted[3].id, posted[2].id]
    assert [j.id for j in await storage.guild_songs(10, limit=3, offset=3)] == [posted[1].id, posted[0].id]
    assert [j.id for j in await storage.guild_songs(11, limit=10)] == [other.id]
    assert await storage.guild_song_count(12) == 0
    wanted = {posted[0].id, by_link.id, by_link.id + 1, other.id}  # + the DM song and the other server's
    assert {j.id for j in await storage.guild_songs_by_id(10, wanted)} == {posted[0].id, by_link.id}
    assert await storage.guild_songs_by_id(10, []) == []
