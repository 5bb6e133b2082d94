"""Interaction helpers every Discord layer uses: who is asking, may they moderate, and replying safely."""

from __future__ import annotations

import logging
from typing import Any, Protocol

import discord
from discord import app_commands

from bot.core.database import is_database_busy
from bot.core.i18n import Message, catalogue, message, private_locale, translate
from bot.core.i18n.lists import spoken_list
from bot.core.i18n.locales import DEFAULT_LOCALE
from bot.core.i18n.message import localised
from bot.core.members import Member
from bot.core.text import code_safe

log = logging.getLogger("songjam.interactions")

INTERACTION_EXPIRED = 10062
NOT_MODERATOR = message("core-not-moderator")


class Moderators(Protocol):
    """Who moderates songs in a server (the moderation service answers it)."""

    async def is_moderator(self, member: Member, *, can_manage_guild: bool) -> bool: ...


class NotModerator(app_commands.CheckFailure):
    """Shown privately by the error handler, in the member's language; `str()` is English, for logs."""

    def __init__(self, text: Message | str = NOT_MODERATOR) -> None:
        super().__init__(str(text))
        self.text = text


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


def friendly_message(error: app_commands.AppCommandError, locale: str | None) -> str | None:
    """What to tell the member, in `locale`; None for an error we did not expect (logged with its traceback)."""
    if isinstance(error, app_commands.CommandOnCooldown):
        return translate(locale, "core-error-cooldown", at=discord.utils.utcnow().timestamp() + error.retry_after)
    if isinstance(error, app_commands.NoPrivateMessage):
        return translate(locale, "core-error-server-only")
    if isinstance(error, app_commands.MissingPermissions | app_commands.MissingAnyRole | app_commands.MissingRole):
        return translate(locale, "core-error-no-permission")
    if isinstance(error, app_commands.BotMissingPermissions):
        names = [permission_name(flag, locale) for flag in error.missing_permissions]
        return translate(locale, "core-error-bot-permissions", permissions=spoken_list(names, locale))
    if isinstance(error, NotModerator):
        return localised(error.text, locale)
    if isinstance(error, app_commands.CheckFailure):  # discord.py's own: "The check functions for ... failed."
        return translate(locale, "core-error-not-here")
    if isinstance(error, app_commands.TransformerError):
        return translate(locale, "core-error-bad-value", value=code_safe(str(error.value), 50))
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        log.warning("a command Discord knows differs from this process's (%s); it may need a sync", error)
        return translate(locale, "core-error-outdated-command")
    if isinstance(error, app_commands.CommandInvokeError) and is_database_busy(error.original):
        log.warning("/%s: the database is busy (%s)", error.command.qualified_name, error.original)
        return translate(locale, "core-error-database-busy")
    return None


def permission_name(flag: str, locale: str | None) -> str:
    """A permission as Discord's settings name it (`manage_guild`: "Manage Server"); an unlisted one as written."""
    key = "core-permission-" + flag.replace("_", "-")
    return translate(locale, key) if catalogue().has(DEFAULT_LOCALE, key) else flag.replace("_", " ")


async def reply_privately(
    interaction: discord.Interaction[Any], content: Message | str, *, view: discord.ui.View | None = None
) -> None:
    """Answer whether the interaction is fresh, already answered (deferred), or expired; a `Message`
    is written in the member's language."""
    text = localised(content, private_locale(interaction))
    extra: dict[str, Any] = {"view": view} if view is not None else {}
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, **extra)
        else:
            await interaction.response.send_message(text, ephemeral=True, **extra)
    except discord.NotFound as exc:
        if exc.code != INTERACTION_EXPIRED:
            raise
        log.info("interaction expired before the error could be shown: %s", content)
    except discord.HTTPException:
        log.warning("could not tell the member about an error", exc_info=True)
