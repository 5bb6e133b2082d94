"""Songs held back while their member confirms the right to use their reference tracks.

Kept in memory by the moderation service: what is held is the member's request itself (how to
resume it, and the prompt to update), which only this process can act on. A restart forgets
them; the member's click then records the confirmation and asks them to run `/song create`
again, and nothing was charged for the held song.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

Held = TypeVar("Held")


@dataclass(frozen=True)
class Waiting(Generic[Held]):
    guild_id: int
    user_id: int
    held: Held
    expires_at: float


class PendingRights(Generic[Held]):
    """Tickets for held songs; a ticket is taken once, by the member it belongs to, before it expires."""

    TTL_S = 14 * 60  # inside the 15-minute life of the prompt's interaction token
    MAX_WAITING = 1000

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._waiting: dict[str, Waiting[Held]] = {}

    def hold(self, guild_id: int, user_id: int, held: Held) -> str:
        now = self._clock()
        self._waiting = {t: w for t, w in self._waiting.items() if w.expires_at > now}
        while len(self._waiting) >= self.MAX_WAITING:
            del self._waiting[next(iter(self._waiting))]
        ticket = secrets.token_hex(8)
        self._waiting[ticket] = Waiting(guild_id, user_id, held, now + self.TTL_S)
        return ticket

    def take(self, ticket: str, guild_id: int, user_id: int) -> Held | None:
        waiting = self._waiting.pop(ticket, None)
        if waiting is None or waiting.expires_at <= self._clock():
            return None
        if (waiting.guild_id, waiting.user_id) != (guild_id, user_id):
            return None
        return waiting.held
