"""`python -m bot sync`: publishes the slash commands over REST and exits, never opening the gateway."""

import asyncio
import sys

from fakes.discord import FakeDiscord
from fakes.music_api import FakeMusicApi
from tests.e2e.harness import API_KEY, REPO, TOKEN, bot_env


async def run_sync(env: dict[str, str]) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "sync", cwd=REPO, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_sync_publishes_to_the_dev_guild_and_exits_without_a_gateway_session(tmp_path):
    async with FakeDiscord(token=TOKEN, global_rate_limit=None) as discord, FakeMusicApi(api_key=API_KEY) as api:
        guild = discord.add_guild("Jam Server")
        env = bot_env(discord, api, tmp_path / "data", DEV_GUILD_ID=str(guild.id))
        code, out, err = await run_sync(env)
        assert code == 0, err
        published = {command["name"] for command in discord.commands(guild.id)}
        assert "song" in published
        assert f"published {len(published)} command(s) to guild {guild.id}" in out
        assert all(f"/{name}" in out for name in published)
        assert [r for r in discord.requests if r.method == "PUT" and r.path.endswith(f"/guilds/{guild.id}/commands")]
        assert discord.sessions == [] and discord.identifies == 0 and not discord.gateway.connections
        assert TOKEN not in out + err
        assert not (tmp_path / "data" / "songjam.db").exists(), "sync opens no database file"


async def test_sync_without_a_dev_guild_publishes_globally(tmp_path):
    async with FakeDiscord(token=TOKEN, global_rate_limit=None) as discord, FakeMusicApi(api_key=API_KEY) as api:
        code, out, err = await run_sync(bot_env(discord, api, tmp_path / "data"))
        assert code == 0, err
        assert "song" in {command["name"] for command in discord.commands()}
        assert "globally" in out and discord.identifies == 0


async def test_sync_with_a_bad_token_says_so_in_one_line_and_fails(tmp_path):
    async with FakeDiscord(token=TOKEN, global_rate_limit=None) as discord, FakeMusicApi(api_key=API_KEY) as api:
        env = bot_env(discord, api, tmp_path / "data", DISCORD_TOKEN="not-the-token-0123456789", LOG_LEVEL="WARNING")
        code, out, err = await run_sync(env)
        assert code != 0
        # One line of its own (discord.py's voice notices aside) and no traceback.
        assert err.strip().splitlines()[-1] == "songjam: Discord refused DISCORD_TOKEN; check it in .env", err
        assert "Traceback" not in err and out == ""
        assert discord.commands() == [] and discord.identifies == 0


async def test_sync_publishes_every_command_in_every_shipped_language(tmp_path):
    async with FakeDiscord(token=TOKEN, global_rate_limit=None) as discord, FakeMusicApi(api_key=API_KEY) as api:
        guild = discord.add_guild("Servidor")
        code, _out, err = await run_sync(bot_env(discord, api, tmp_path / "data", DEV_GUILD_ID=str(guild.id)))
        assert code == 0, err
        synced = {command["name"]: command for command in discord.commands(guild.id)}
        for command in synced.values():
            assert {"es-ES", "es-419", "pt-BR", "ja"} <= set(command["name_localizations"]), command["name"]
            if command.get("type", 1) == 1:  # a message command ("Make a song from this") has no description
                assert {"es-ES", "es-419", "pt-BR", "ja"} <= set(command["description_localizations"]), command["name"]
        assert synced["Make a song from this"]["name_localizations"]["ja"] == "これで曲を作る"
        song = synced["song"]
        assert song["name_localizations"] == {"es-ES": "canción", "es-419": "canción", "pt-BR": "música", "ja": "曲"}
        create = next(o for o in song["options"] if o["name"] == "create")
        assert create["name_localizations"]["pt-BR"] == "criar"
        reference = next(o for o in create["options"] if o["name"] == "reference")
        assert reference["name_localizations"]["ja"] == "参照曲"
        settings = next(o for o in synced["songadmin"]["options"] if o["name"] == "settings")
        language = next(o for o in settings["options"] if o["name"] == "language")["options"][0]
        default = next(c for c in language["choices"] if c["value"] == "default")
        assert default["name_localizations"]["pt-BR"] == "O do servidor"
        assert "translation" not in err, "no command text fell back to English"
