"""The jams extension (loaded by the bot class as `bot.jams.extension`).

Not the package's `__init__`: discord.py drops an extension's submodules from `sys.modules` when
it unloads it, and the services the bot class built from this package must outlive that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.jams.ui.cog import JamsCog

if TYPE_CHECKING:
    from bot.app import SongjamBot


async def setup(bot: SongjamBot) -> None:
    """The extension: `/jam`, the vote and submit buttons, and the loop that closes jams."""
    await bot.add_cog(JamsCog(bot))
