"""Autocomplete for `jam` options (`/song create`, `/jam ...`): indexed queries, at most 25 choices."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.jam_models import Jam
from bot.render_jams import jam_choice


async def open_jam_choices(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[int]]:
    """The open jams of this server."""
    if interaction.guild_id is None:
        return []
    jams = interaction.client.jams
    now = jams.clock()
    return choices(await jams.open_jams(interaction.guild_id, now), current, now)


async def any_jam_choices(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[int]]:
    """This server's latest jams, open or not."""
    if interaction.guild_id is None:
        return []
    jams = interaction.client.jams
    return choices(await jams.recent_jams(interaction.guild_id), current, jams.clock())


def choices(jams: list[Jam], current: str, now: float) -> list[app_commands.Choice[int]]:
    """The jams whose theme contains what the member typed (or whose number it is)."""
    wanted = current.strip().lower().lstrip("#")
    return [app_commands.Choice(name=jam_choice(jam, now), value=jam.id) for jam in jams
            if not wanted or wanted in jam.theme.lower() or wanted == str(jam.id)][:25]
