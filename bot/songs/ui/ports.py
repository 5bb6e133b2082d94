"""What the songs Discord layer needs from other capabilities, without importing their Discord layers.

The bot class plugs moderation's gate and the jams' buttons in here (bot/app.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol

import discord

from bot.songs.intake import SongOrder
from bot.songs.jobs import Job
from bot.songs.quota import QuotaLimits

if TYPE_CHECKING:
    from bot.app import Interaction

# Runs a held `/song create` again, with the interaction that released it (a button click, in any
# process sharing the database, before or after a restart) and the order as the member gave it.
Resume = Callable[["Interaction", SongOrder], Awaitable[None]]


class SongGate(Protocol):
    """Who may make a song where, and the limits it is charged against."""

    async def admit(self, interaction: Interaction, order: SongOrder) -> QuotaLimits | None:
        """The limits to charge against; None once the member has been answered (refused, or asked first:
        then the order is held, and runs again through `resume_with`'s callable when they answer)."""

    def resume_with(self, resume: Resume) -> None:
        """Where a held order goes when it is released (the songs cog's `start_job`)."""

    async def refuse_if_barred(self, interaction: Interaction) -> bool:
        """True once a member who may not make songs here has been told so (before the form opens)."""

    async def credits_left(self, interaction: Interaction) -> int | None:
        """Songs the member may still start today (bonus credits count); None: no daily limit."""


# The language of a server's public posts, for one made without an interaction (a delivered song):
# its moderators' choice, else the server's Discord locale, else English (`SongjamBot.server_locale`).
ServerLocale = Callable[[int], Awaitable[str]]


class DeliveryButtons(Protocol):
    """Buttons another capability puts under a delivered song (jams: Submit to jam, Vote)."""

    async def __call__(self, job: Job) -> discord.ui.View | None: ...


class SongVotes(Protocol):
    """The jam votes a server's songs got (jams: `Jams`), for the gallery's Top view."""

    async def top_voted(self, guild_id: int, *, limit: int, offset: int = 0) -> list[tuple[int, int]]:
        """(job id, votes) of the server's posted songs with votes anyone may see: most votes first,
        equal counts newest first."""

    async def voted_song_count(self, guild_id: int) -> int:
        """How many songs `top_voted` pages through."""
