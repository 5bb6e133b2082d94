"""Songs held for a rights confirmation: taken once, by their own member, before they expire."""

from bot.moderation.rights import PendingRights
from bot.moderation.ui.views import RightsButton

HELD = object()


def test_a_held_song_is_taken_once_by_its_member_until_it_expires():
    now = [0.0]
    waiting = PendingRights(clock=lambda: now[0])
    ticket = waiting.hold(10, 1, HELD)
    assert RightsButton.__discord_ui_compiled_template__.fullmatch(f"songjam:rights:{ticket}")
    assert waiting.take(ticket, 10, 2) is None, "another member's click"
    ticket = waiting.hold(10, 1, HELD)
    assert waiting.take(ticket, 10, 1) is HELD
    assert waiting.take(ticket, 10, 1) is None, "only once"
    late = waiting.hold(10, 1, HELD)
    now[0] += PendingRights.TTL_S
    assert waiting.take(late, 10, 1) is None, "expired with the prompt's interaction token"


def test_the_oldest_held_song_makes_room_when_too_many_wait():
    waiting = PendingRights(clock=lambda: 0.0)
    first = waiting.hold(10, 0, HELD)
    for n in range(1, PendingRights.MAX_WAITING + 1):
        waiting.hold(10, n, HELD)
    assert waiting.take(first, 10, 0) is None, "the oldest made room"
