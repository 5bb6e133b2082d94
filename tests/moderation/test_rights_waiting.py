"""Songs held for a rights confirmation, in the database (both backends): taken once, by their own
member, before they expire, by whichever process gets the click."""

import asyncio

import pytest

from bot.moderation.rights import PendingRights
from bot.moderation.store import ModerationStore
from bot.moderation.ui.views import RightsButton
from bot.songs.intake import ReferenceUpload, SongOrder
from tests.support.databases import open_test_database, query

NOW = 1_800_000_000.0
GUILD = 10
ORDER = SongOrder(ReferenceUpload(filename="ref.mp3", url="https://cdn.example/ref.mp3?ex=1&is=2", size=123_456,
                                  content_type="audio/mpeg"), "la la la\nla", "dreamy lo-fi", jam_id=7,
                  title="Rainy Days")


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def db(tmp_path):
    database = await open_test_database(tmp_path / "songjam.db")
    yield database
    await database.close()


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def waiting(db, clock):
    return PendingRights(ModerationStore(db), clock=clock)


async def test_a_held_song_keeps_everything_resuming_needs_and_is_taken_once_by_its_member(waiting):
    ticket = await waiting.hold(GUILD, 20, 21, 1, ORDER)
    assert ticket is not None
    assert RightsButton.__discord_ui_compiled_template__.fullmatch(f"songjam:rights:{ticket}")
    assert await waiting.take(ticket, GUILD, 2) is None, "another member's click"
    assert await waiting.take(ticket, 11, 1) is None, "the same member in another server"
    held = await waiting.take(ticket, GUILD, 1)
    assert held is not None, "another member's click left it in place"
    assert (held.guild_id, held.channel_id, held.parent_id, held.user_id) == (GUILD, 20, 21, 1)
    assert held.order == ORDER and held.expires_at == NOW + PendingRights.TTL_S
    assert await waiting.take(ticket, GUILD, 1) is None, "only once"


async def test_a_held_song_is_not_taken_after_it_expires_and_is_pruned(waiting, clock, tmp_path):
    late = await waiting.hold(GUILD, 20, None, 1, ORDER)
    clock.now += PendingRights.TTL_S
    assert await waiting.take(late, GUILD, 1) is None, "expired with the prompt's interaction token"
    assert query(tmp_path / "songjam.db", "SELECT COUNT(*) AS n FROM held_songs") == [{"n": 1}]
    assert await waiting.prune() == 1
    assert query(tmp_path / "songjam.db", "SELECT COUNT(*) AS n FROM held_songs") == [{"n": 0}]


async def test_a_held_song_survives_a_restart_and_another_process_can_take_it(waiting, clock, tmp_path):
    ticket = await waiting.hold(GUILD, 20, None, 1, ORDER)
    other = await open_test_database(tmp_path / "songjam.db")  # a restarted bot, or a second process
    try:
        held = await PendingRights(ModerationStore(other), clock=clock).take(ticket, GUILD, 1)
        assert held is not None and held.order == ORDER
    finally:
        await other.close()
    assert await waiting.take(ticket, GUILD, 1) is None


async def test_two_clicks_at_once_in_two_processes_resume_the_song_once(waiting, clock, tmp_path):
    others = [await open_test_database(tmp_path / "songjam.db") for _ in range(2)]
    try:
        for _ in range(5):
            ticket = await waiting.hold(GUILD, 20, None, 1, ORDER)
            takers = [PendingRights(ModerationStore(db), clock=clock) for db in others]
            got = await asyncio.gather(*(taker.take(ticket, GUILD, 1) for taker in takers))
            assert sum(held is not None for held in got) == 1
    finally:
        for db in others:
            await db.close()


async def test_a_member_may_have_only_a_few_songs_waiting_and_expired_ones_make_room(waiting, clock):
    tickets = [await waiting.hold(GUILD, 20, None, 1, ORDER) for _ in range(PendingRights.MAX_PER_MEMBER)]
    assert None not in tickets and len(set(tickets)) == len(tickets)
    assert await waiting.hold(GUILD, 20, None, 1, ORDER) is None, "refused: nothing more is held"
    assert await waiting.hold(GUILD, 20, None, 2, ORDER) is not None, "another member is not held back"
    assert await waiting.take(tickets[0], GUILD, 1) is not None
    assert await waiting.hold(GUILD, 20, None, 1, ORDER) is not None, "a taken one made room"
    clock.now += PendingRights.TTL_S
    assert await waiting.hold(GUILD, 20, None, 1, ORDER) is not None, "expired ones are pruned"


async def test_the_database_holds_at_most_max_waiting(db, clock, monkeypatch):
    monkeypatch.setattr(PendingRights, "MAX_WAITING", 3)
    waiting = PendingRights(ModerationStore(db), clock=clock)
    assert None not in [await waiting.hold(GUILD, 20, None, user, ORDER) for user in (1, 2, 3)]
    assert await waiting.hold(GUILD, 20, None, 4, ORDER) is None
    clock.now += PendingRights.TTL_S
    assert await waiting.hold(GUILD, 20, None, 4, ORDER) is not None, "expired ones made room"
