"""Songs held for a rights confirmation: taken once, by their own member, before they expire."""

from types import SimpleNamespace

from cogs.moderation_views import AwaitingRights, RightsButton


async def resume(interaction) -> None:
    """A held submission (never run here)."""


def prompt(guild_id=10, user_id=1):
    return SimpleNamespace(guild_id=guild_id, user=SimpleNamespace(id=user_id))


def test_a_held_song_is_taken_once_by_its_member_until_it_expires():
    now = [0.0]
    waiting = AwaitingRights(clock=lambda: now[0])
    ticket = waiting.hold(prompt(), resume)
    assert RightsButton.__discord_ui_compiled_template__.fullmatch(f"songjam:rights:{ticket}")
    assert waiting.take(ticket, 10, 2) is None, "another member's click"
    ticket = waiting.hold(prompt(), resume)
    assert waiting.take(ticket, 10, 1).resume is resume
    assert waiting.take(ticket, 10, 1) is None, "only once"
    late = waiting.hold(prompt(), resume)
    now[0] += AwaitingRights.TTL_S
    assert waiting.take(late, 10, 1) is None, "expired with the prompt's interaction token"


def test_the_oldest_held_song_makes_room_when_too_many_wait():
    waiting = AwaitingRights(clock=lambda: 0.0)
    first = waiting.hold(prompt(user_id=0), resume)
    for n in range(1, AwaitingRights.MAX_WAITING + 1):
        waiting.hold(prompt(user_id=n), resume)
    assert waiting.take(first, 10, 0) is None, "the oldest made room"
