"""The extension that turns any app command error into a friendly, private message."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.interactions import friendly_message, reply_privately

log = logging.getLogger("songjam.errors")


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
