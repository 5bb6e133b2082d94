"""The run-time moderator check behind every /songadmin command (Discord only hides the command).

A member the server let see the command (Integrations settings) still needs Manage Server or the
moderator role; the fake Discord hides the command from them, so this is checked on the cog with
the thinnest interaction double: the ids, roles and permissions an interaction carries.
"""

from types import SimpleNamespace

import discord
import pytest

from bot.config import Secret, Settings
from bot.core.interactions import NotModerator, friendly_message
from bot.moderation.service import Moderation
from bot.moderation.store import ModerationStore
from bot.moderation.ui.admin_cog import Admin
from tests.support.databases import open_test_storage

GUILD = 10
MOD_ROLE = 777


@pytest.fixture
async def moderation(tmp_path):
    storage = await open_test_storage(tmp_path / "songjam.db")
    yield Moderation(ModerationStore(storage.db), Settings(discord_token=Secret("t"), music_api_key=Secret("k")))
    await storage.close()


def interaction(moderation, *, roles=(), manage_guild=False):
    return SimpleNamespace(
        guild_id=GUILD, user=SimpleNamespace(id=5, roles=[SimpleNamespace(id=r) for r in roles]),
        permissions=discord.Permissions(manage_guild=manage_guild), client=SimpleNamespace(moderation=moderation),
    )


def songadmin_commands(cog):
    return [c for c in cog.walk_app_commands() if isinstance(c, discord.app_commands.Command)]


async def test_every_songadmin_command_checks_the_member_again_when_it_runs(moderation):
    cog = Admin(SimpleNamespace(moderation=moderation))
    commands = songadmin_commands(cog)
    assert len(commands) == 24
    member = interaction(moderation, roles=[MOD_ROLE])
    for command in commands:
        with pytest.raises(NotModerator) as refused:
            await command._check_can_run(member)
        assert friendly_message(refused.value, "en") == "Only this server's song moderators can do that."
        assert await command._check_can_run(interaction(moderation, manage_guild=True))
    await moderation.set_moderator_role(1, GUILD, MOD_ROLE)
    for command in commands:
        assert await command._check_can_run(member)


async def test_only_server_managers_choose_the_moderator_role(moderation):
    cog = Admin(SimpleNamespace(moderation=moderation))
    await moderation.set_moderator_role(1, GUILD, MOD_ROLE)
    with pytest.raises(NotModerator, match="Manage Server"):
        await cog.settings_moderator_role.callback(cog, interaction(moderation, roles=[MOD_ROLE]), None)
