"""`/quota`: a member's own songs in this server, privately."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import SongjamBot
from bot.moderation_reports import member_standing
from cogs.mod_access import as_member


class Quota(commands.Cog):
    def __init__(self, bot: SongjamBot) -> None:
        self.bot = bot

    @app_commands.command(name="quota")
    @app_commands.guild_only()
    async def quota(self, interaction: discord.Interaction[Any]) -> None:
        """How many songs you have left, and when the next one frees up."""
        report = await member_standing(self.bot.moderation, self.bot.storage, as_member(interaction), you=True)
        await interaction.response.send_message(report, ephemeral=True)


async def setup(bot: SongjamBot) -> None:
    await bot.add_cog(Quota(bot))
