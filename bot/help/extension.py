"""The help extension (loaded by the bot class as `bot.help.extension`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.help.ui.cog import Help

if TYPE_CHECKING:
    from bot.app import SongjamBot


async def setup(bot: SongjamBot) -> None:
    """The extension: `/help` and its page buttons."""
    await bot.add_cog(Help(bot))
