"""Interaction helpers every Discord layer uses: who is asking, may they moderate, and replying safely."""

from __future__ import annotations

import logging
from typing import Any, Protocol

import discord
from discord import app_commands

from bot.core.database import is_database_busy
from bot.core.members import Member
from bot.core.text import timestamp

log = logging.getLogger("songjam.interactions")

INTERACTION_EXPIRED = 10062


class Moderators(Protocol):
    """Who moderates songs in a server (the moderation service answers it)."""

    async def is_moderator(self, member: Member, *, can_manage_guild: bool) -> bool: ...


class NotModerator(app_commands.CheckFailure):
    """Shown privately by the error handler (which turns CheckFailure into its message)."""

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


async def ensure_moderator(interaction: discord.Interaction[Any], moderators: Moderators) -> None:
    """Manage Server, or the server's moderator role; NotModerator otherwise."""
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    if not await moderators.is_moderator(as_member(interaction), can_manage_guild=can_manage_guild(interaction)):
        raise NotModerator()


def friendly_message(error: app_commands.AppCommandError) -> str | None:
    """What to tell the member; None for an error we did not expect (logged with its traceback)."""
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: try again {timestamp(discord.utils.utcnow().timestamp() + error.retry_after)}."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server, not in direct messages."
    if isinstance(error, app_commands.MissingPermissions | app_commands.MissingAnyRole | app_commands.MissingRole):
        return "You don't have permission to use this command."
    if isinstance(error, app_commands.BotMissingPermissions):
        missing = ", ".join(p.replace("_", " ") for p in error.missing_permissions)
        return f"I need these permissions here first: {missing}."
    if isinstance(error, app_commands.CheckFailure):
        return str(error) or "You can't use this command here."
    if isinstance(error, app_commands.TransformerError):
        return f"I couldn't understand `{str(error.value)[:50]}` there."
    if isinstance(error, app_commands.CommandInvokeError) and is_database_busy(error.original):
        log.warning("/%s: the database is busy (%s)", error.command.qualified_name, error.original)
        return "I'm busy for a moment (my database is in use). Please try again shortly."
    return None


async def reply_privately(
    interaction: discord.Interaction[Any], content: str, *, view: discord.ui.View | None = None
) -> None:
    """Answer whether the interaction is fresh, already answered (deferred), or expired."""
    extra: dict[str, Any] = {"view": view} if view is not None else {}
    try:
        if interaction.response.is_done():
            await interaction.followup.send(content, ephemeral=True, **extra)
        else:
            await interaction.response.send_message(content, ephemeral=True, **extra)
    except discord.NotFound as exc:
        if exc.code != INTERACTION_EXPIRED:
            raise
        log.info("interaction expired before the error could be shown: %s", content)
    except discord.HTTPException:
        log.warning("could not tell the member about an error", exc_info=True)
