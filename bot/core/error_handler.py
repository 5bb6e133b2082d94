"""The extension that turns any app command error into a friendly, private message in the member's language."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.i18n import private_locale, translate
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
        locale = private_locale(interaction)
        text = friendly_message(error, locale)
        if text is None:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("unexpected error in /%s", command, exc_info=error)
            text = translate(locale, "core-error-unexpected")
        if interaction.type is discord.InteractionType.autocomplete:
            return  # an autocomplete request takes choices, not a message
        await reply_privately(interaction, text)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Errors(bot))
