"""Who is asking: the member behind an interaction, and whether they may moderate songs here."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.moderation import Member


class NotModerator(app_commands.CheckFailure):
    """Shown privately by the error handler (cogs/errors.py turns CheckFailure into its message)."""

    def __init__(self, message: str = "Only this server's song moderators can do that.") -> None:
        super().__init__(message)


def member_of(user: discord.Member | discord.User, guild_id: int) -> Member:
    """The member with their role ids (interactions carry them; no members intent needed)."""
    return Member(guild_id, user.id, frozenset(role.id for role in getattr(user, "roles", ())))


def as_member(interaction: discord.Interaction[Any]) -> Member:
    assert interaction.guild_id is not None
    return member_of(interaction.user, interaction.guild_id)


def can_manage_guild(interaction: discord.Interaction[Any]) -> bool:
    permissions = interaction.permissions
    return permissions.administrator or permissions.manage_guild


async def ensure_moderator(interaction: discord.Interaction[Any]) -> None:
    """Manage Server, or the server's moderator role; NotModerator otherwise."""
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    moderation = interaction.client.moderation  # type: ignore[attr-defined]
    if not await moderation.is_moderator(as_member(interaction), can_manage_guild=can_manage_guild(interaction)):
        raise NotModerator()
