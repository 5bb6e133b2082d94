"""The moderation extension (loaded by the bot class as `bot.moderation.extension`).

Not the package's `__init__`: discord.py drops an extension's submodules from `sys.modules` when
it unloads it, and the services the bot class built from this package must outlive that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.moderation.ui.admin_cog import Admin
from bot.moderation.ui.quota_cog import Quota
from bot.moderation.ui.welcome import Welcome

if TYPE_CHECKING:
    from bot.app import SongjamBot


async def setup(bot: SongjamBot) -> None:
    """The extension: `/songadmin`, `/quota`, the rights and paging buttons, and the welcome on joining a server."""
    await bot.add_cog(Admin(bot))
    await bot.add_cog(Quota(bot))
    await bot.add_cog(Welcome(bot))
