"""One place that turns any app command error into a friendly, private message."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.render import timestamp

log = logging.getLogger("songjam.errors")

INTERACTION_EXPIRED = 10062


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
    return None


async def reply_privately(interaction: discord.Interaction[Any], content: str) -> None:
    """Answer whether the interaction is fresh, already answered, or expired."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(content, ephemeral=True)
        else:
            await interaction.response.send_message(content, ephemeral=True)
    except discord.NotFound as exc:
        if exc.code != INTERACTION_EXPIRED:
            raise
        log.info("interaction expired before the error could be shown: %s", content)
    except discord.HTTPException:
        log.warning("could not tell the member about an error", exc_info=True)


class Errors(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self._previous_handler = bot.tree.on_error
        bot.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous_handler  # type: ignore[method-assign]

    async def on_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        message = friendly_message(error)
        if message is None:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("unexpected error in /%s", command, exc_info=error)
            message = "Something went wrong on my side; it has been logged. Please try again later."
        await reply_privately(interaction, message)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Errors(bot))
