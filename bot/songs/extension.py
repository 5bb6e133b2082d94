"""The songs extension (loaded by the bot class as `bot.songs.extension`).

Not the package's `__init__`: discord.py drops an extension's submodules from `sys.modules` when
it unloads it, and the services the bot class built from this package must outlive that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.songs.ui.cog import Songs

if TYPE_CHECKING:
    from bot.app import SongjamBot


async def setup(bot: SongjamBot) -> None:
    """The extension: `/song` and the Cancel button (the engine itself is the bot's)."""
    await bot.add_cog(Songs(bot))
