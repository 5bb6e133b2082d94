"""Songs held back while their member confirms the right to use their reference tracks.

A held song is a row in the database (`held_songs`, through the moderation store): what
`/song create` needs to run again (the reference's url, name, size and type, the lyrics, the
style, the jam) and where it ran, in plain fields. So it survives a restart and any process
sharing the database can resume it: the click takes it exactly once (DELETE ... RETURNING), only
for the member it belongs to and only before it expires. A click on an expired (or unknown)
ticket still records the confirmation and asks the member to run `/song create` again; nothing
was charged for the held song.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable

from bot.moderation.store import HeldSong, ModerationStore
from bot.songs.intake import SongOrder

__all__ = ["HeldSong", "PendingRights"]


class PendingRights:
    """Tickets for held songs, in the database; a ticket is taken once, by its member, before it expires."""

    TTL_S = 14 * 60  # inside the 15-minute life of the prompt's interaction token
    MAX_PER_MEMBER = 3  # songs one member may have waiting at once
    MAX_WAITING = 1000  # in the whole database (every server, every process)

    def __init__(self, store: ModerationStore, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self._clock = clock

    @staticmethod
    def new_ticket() -> str:
        return secrets.token_hex(8)

    async def hold(
        self, guild_id: int, channel_id: int, parent_id: int | None, user_id: int, order: SongOrder
    ) -> str | None:
        """Store the song under a new ticket; None (nothing held) when too many are waiting already."""
        now = self._clock()
        song = HeldSong(self.new_ticket(), guild_id, channel_id, parent_id, user_id, order, now, now + self.TTL_S)
        stored = await self.store.hold_song(song, max_per_member=self.MAX_PER_MEMBER, max_waiting=self.MAX_WAITING)
        return song.ticket if stored else None

    async def take(self, ticket: str, guild_id: int, user_id: int) -> HeldSong | None:
        """The held song, removed; None if it is not this member's, was taken already or expired."""
        return await self.store.take_held_song(ticket, guild_id, user_id, self._clock())

    async def prune(self) -> int:
        return await self.store.prune_held_songs(self._clock())
