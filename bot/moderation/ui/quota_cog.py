"""`/quota`: a member's own songs in this server, privately."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discord import app_commands
from discord.ext import commands

from bot.core.i18n import private_locale
from bot.core.interactions import as_member
from bot.moderation.reports import member_standing

if TYPE_CHECKING:
    from bot.app import Interaction, SongjamBot


class Quota(commands.Cog):
    def __init__(self, bot: SongjamBot) -> None:
        self.bot = bot

    @app_commands.command(name="quota")
    @app_commands.guild_only()
    async def quota(self, interaction: Interaction) -> None:
        """How many songs you have left, and when the next one frees up."""
        report = await member_standing(self.bot.moderation, self.bot.storage, as_member(interaction),
                                       private_locale(interaction), you=True)
        await interaction.response.send_message(report, ephemeral=True)
