"""Autocomplete for `jam` options (`/song create`, `/jam ...`): indexed queries, at most 25 choices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discord import app_commands

from bot.core.i18n import private_locale
from bot.jams.models import Jam
from bot.jams.text import choice_labels

if TYPE_CHECKING:
    from bot.app import Interaction


async def open_jam_choices(interaction: Interaction, current: str) -> list[app_commands.Choice[int]]:
    """The open jams of this server."""
    if interaction.guild_id is None:
        return []
    jams = interaction.client.jams
    now = jams.clock()
    return choices(await jams.open_jams(interaction.guild_id, now), current, now, private_locale(interaction))


async def any_jam_choices(interaction: Interaction, current: str) -> list[app_commands.Choice[int]]:
    """This server's latest jams, open or not."""
    if interaction.guild_id is None:
        return []
    jams = interaction.client.jams
    return choices(await jams.recent_jams(interaction.guild_id), current, jams.clock(), private_locale(interaction))


def choices(jams: list[Jam], current: str, now: float, locale: str) -> list[app_commands.Choice[int]]:
    """Labelled in the member's language: only they see their autocomplete."""
    return [app_commands.Choice(name=label, value=jam_id)
            for label, jam_id in choice_labels(jams, current, now, locale)]
