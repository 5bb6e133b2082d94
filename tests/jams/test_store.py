"""The jam store's SQL: the schema's own guarantees, atomic rule checks, and what it reads back."""

import asyncio
import dataclasses

import pytest

from bot.core.migrations import MIGRATIONS
from bot.core.schema_jams import JAM_SCHEMA
from bot.jams.models import JamDraft, JamRefused, JamState, VoteContext
from bot.jams.store import JamStore
from bot.songs.jobs import Delivery, JobState
from bot.songs.quota import QuotaLimits
from tests.support.databases import INTEGRITY_ERRORS
from tests.support.jams import CHANNEL, GUILD, HOST, NOW, deliver, make_song, new_job, open_world

ALICE, BOB, CAROL = 101, 102, 103
DRAFT = JamDraft(guild_id=GUILD, channel_id=CHANNEL, host_id=HOST, theme="Rain", duration_s=3600)


def allow(_context: object) -> None:
    return None


@pytest.fixture
async def world(tmp_path):
    storage, _ = await open_world(tmp_path / "songjam.db")
    yield storage, JamStore(storage.db)
    await storage.close()


async def test_the_jam_schema_is_migration_three(world):
    storage, _ = world
    assert MIGRATIONS[2] is JAM_SCHEMA
    for table in ("jams", "jam_votes", "jam_settings"):
        assert await storage.db.fetch_value(f"SELECT COUNT(*) FROM {table}") == 0


async def test_the_database_itself_allows_one_open_jam_per_channel(world):
    storage, store = world
    await store.create(DRAFT, NOW, allow)
    with pytest.raises(INTEGRITY_ERRORS):
        async with storage.db.transaction() as conn:
            await conn.execute("INSERT INTO jams (guild_id, channel_id, host_id, theme, entries_per_member,"
                               " started_at, ends_at) VALUES (?, ?, ?, 'x', 1, ?, ?)", (GUILD, CHANNEL, HOST, NOW, NOW))


async def test_the_database_itself_keeps_one_vote_per_member_per_jam(world):
    storage, store = world
    jam = await store.create(DRAFT, NOW, allow)
    song = await make_song(storage, ALICE, jam=jam)
    await store.cast_vote(jam.id, song.id, BOB, NOW + 200, allow)
    with pytest.raises(INTEGRITY_ERRORS):
        async with storage.db.transaction() as conn:
            await conn.execute("INSERT INTO jam_votes (jam_id, voter_id, job_id, voted_at) VALUES (?, ?, ?, ?)",
                               (jam.id, BOB, song.id, NOW))


async def test_a_refusing_check_writes_nothing(world):
    storage, store = world
    jam = await store.create(DRAFT, NOW, allow)
    song = await make_song(storage, ALICE, jam=jam)
    seen: list[object] = []

    def refuse(context: object) -> None:
        seen.append(context)
        raise JamRefused("no")

    with pytest.raises(JamRefused):
        await store.cast_vote(jam.id, song.id, BOB, NOW + 200, refuse)
    [context] = seen
    assert isinstance(context, VoteContext) and context.jam == jam and context.song.job_id == song.id
    assert context.previous_job_id is None
    assert (await store.member_status(jam.id, BOB)).voted_for is None
    with pytest.raises(JamRefused):
        await store.create(DRAFT, NOW, refuse)
    assert len(await store.in_guild(GUILD, tuple(JamState), limit=10)) == 1


async def test_changing_a_vote_updates_the_one_row(world):
    storage, store = world
    jam = await store.create(DRAFT, NOW, allow)
    a = await make_song(storage, ALICE, jam=jam)
    b = await make_song(storage, CAROL, jam=jam)
    await store.cast_vote(jam.id, a.id, BOB, NOW + 200, allow)
    receipt = await store.cast_vote(jam.id, b.id, BOB, NOW + 300, allow)
    assert receipt.previous_job_id == a.id and receipt.votes == 1 and receipt.entrant_id == CAROL
    rows = await storage.db.fetch_all("SELECT job_id, voted_at FROM jam_votes WHERE jam_id = ?", (jam.id,))
    assert [tuple(row) for row in rows] == [(b.id, NOW + 300)]


async def test_only_one_closer_wins(world):
    _, store = world
    jam = await store.create(DRAFT, NOW, allow)
    results = await asyncio.gather(store.close(jam.id, JamState.CLOSED, now=NOW + 10, by=HOST),
                                   store.close(jam.id, JamState.CANCELLED, now=NOW + 10, by=HOST))
    assert sum(r is not None for r in results) == 1


async def test_entries_read_back_with_votes_and_a_link_only_when_posted_in_the_server(world):
    storage, store = world
    jam = await store.create(DRAFT, NOW, allow)
    posted = await make_song(storage, ALICE, jam=jam)
    job = await storage.create_job(new_job(BOB, jam_id=jam.id), QuotaLimits(None), now=NOW + 70, timeout_s=60)
    by_dm = await deliver(storage, job, at=NOW + 130, delivery=Delivery.DM)
    failed = await storage.create_job(new_job(CAROL, jam_id=jam.id), QuotaLimits(None), now=NOW + 80, timeout_s=60)
    await storage.finish_job(failed.id, JobState.FAILED, "x", now=NOW + 90, refund=True, expect=(JobState.PENDING,))
    await store.cast_vote(jam.id, posted.id, CAROL, NOW + 200, allow)
    entries = await store.entries(jam)
    assert [(e.job_id, e.user_id, e.message_id, e.votes) for e in entries] == [
        (posted.id, ALICE, posted.delivery_message_id, 1), (by_dm.id, BOB, None, 0),
    ]
    assert entries[0].delivered_at == posted.finished_at
    assert [e.title for e in entries] == ["la la", "la la"], "the first lyric line, without the ## markers"
    assert await store.count_entries(jam.id) == 2
    assert (await store.member_status(jam.id, CAROL)).entries == 0


async def test_discard_only_forgets_a_jam_that_was_never_announced(world):
    _, store = world
    jam = await store.create(DRAFT, NOW, allow)
    await store.attach_messages(jam.id, 900, None)
    await store.discard(jam.id)
    assert (await store.get(jam.id)).announcement_message_id == 900


async def test_results_are_recorded_once(world):
    _, store = world
    jam = await store.create(DRAFT, NOW, allow)
    await store.close_due(NOW + 4000)
    await store.results_posted(jam.id, 1, NOW + 4001)
    await store.results_posted(jam.id, 2, NOW + 4002)
    await store.finalized(jam.id, NOW + 4003)
    await store.finalized(jam.id, NOW + 4004)
    stored = await store.get(jam.id)
    assert (stored.results_message_id, stored.results_posted_at, stored.finalized_at) == (1, NOW + 4001, NOW + 4003)


async def test_a_thread_takes_entries_for_its_jam(world):
    _, store = world
    jam = await store.create(DRAFT, NOW, allow)
    await store.attach_messages(jam.id, 900, 21)
    assert (await store.open_for_channel(21, NOW + 1)).id == jam.id
    assert await store.open_for_channel(22, NOW + 1) is None
    assert await store.open_for_channel(CHANNEL, jam.ends_at) is None
    assert (await store.latest_for_channel(21)).id == jam.id


async def test_top_voted_ranks_a_servers_posted_songs_by_the_votes_anyone_may_see(world):
    storage, store = world
    first = await store.create(DRAFT, NOW, allow)
    songs = [await make_song(storage, user, jam=first) for user in (ALICE, BOB, CAROL)]
    for voter, song in ((201, songs[0]), (202, songs[0]), (203, songs[1]), (204, songs[2])):
        await store.cast_vote(first.id, song.id, voter, NOW + 300, allow)
    await store.close(first.id, JamState.CLOSED, now=NOW + 400, by=None)
    hidden = await store.create(dataclasses.replace(DRAFT, anonymous=True), NOW + 500, allow)
    secret = await make_song(storage, ALICE, jam=hidden, at=NOW + 600)
    for voter in (301, 302, 303):
        await store.cast_vote(hidden.id, secret.id, voter, NOW + 700, allow)
    elsewhere = await store.create(dataclasses.replace(DRAFT, guild_id=GUILD + 1, channel_id=CHANNEL + 1), NOW, allow)

    # 2 votes first; 1 and 1 tie, the newer song first; the open anonymous jam's counts stay hidden
    assert await store.top_voted(GUILD, limit=10) == [(songs[0].id, 2), (songs[2].id, 1), (songs[1].id, 1)]
    assert await store.top_voted(GUILD, limit=2, offset=1) == [(songs[2].id, 1), (songs[1].id, 1)]
    assert await store.voted_song_count(GUILD) == 3
    assert await store.top_voted(elsewhere.guild_id, limit=10) == [] and await store.voted_song_count(GUILD + 1) == 0

    await store.close(hidden.id, JamState.CLOSED, now=NOW + 800, by=None)  # the close shows them
    assert (await store.top_voted(GUILD, limit=1)) == [(secret.id, 3)]
    async with storage.db.transaction() as conn:  # sent by DM after all: nothing in the server to jump to
        await conn.execute("UPDATE jobs SET delivery = 'dm' WHERE id = ?", (secret.id,))
    assert await store.voted_song_count(GUILD) == 3
