"""The fake's command sync keeps localisations and refuses the ones Discord refuses."""

import aiohttp
import pytest

from fakes.discord import FakeDiscord

TOKEN = "fake-bot-token-localizations-0123456789"


def command(**extra):
    return {"name": "song", "description": "Make a song", "type": 1,
            "name_localizations": {"pt-BR": "música", "ja": "曲"},
            "description_localizations": {"pt-BR": "Crie uma música"},
            "options": [{"type": 3, "name": "style", "description": "The style", "required": False,
                         "name_localizations": {"es-ES": "estilo"},
                         "choices": [{"name": "Server default", "value": "default",
                                      "name_localizations": {"ja": "サーバーの言語"}}]}],
            **extra}


async def put(fake: FakeDiscord, guild_id: int, payload: list[dict]) -> tuple[int, dict | list]:
    url = f"{fake.api_base}/applications/{fake.application_id}/guilds/{guild_id}/commands"
    async with aiohttp.ClientSession() as session, session.put(
        url, json=payload, headers={"Authorization": f"Bot {TOKEN}"}
    ) as response:
        return response.status, await response.json()


async def test_localised_names_descriptions_and_choices_are_stored_and_returned():
    async with FakeDiscord(token=TOKEN, global_rate_limit=None) as fake:
        guild = fake.add_guild("Servidor")
        status, body = await put(fake, guild.id, [command()])
        assert status == 200 and body[0]["name_localizations"] == {"pt-BR": "música", "ja": "曲"}
        stored = fake.commands(guild)[0]
        assert stored["description_localizations"] == {"pt-BR": "Crie uma música"}
        option = stored["options"][0]
        assert option["name_localizations"] == {"es-ES": "estilo"}
        assert option["choices"][0]["name_localizations"] == {"ja": "サーバーの言語"}


@pytest.mark.parametrize(("change", "field"), [
    ({"name_localizations": {"pt-BR": "Música"}}, "name_localizations"),  # not lowercase
    ({"name_localizations": {"ja": "曲 を作る"}}, "name_localizations"),  # a space
    ({"name_localizations": {"pt-BR": "m" * 33}}, "name_localizations"),
    ({"name_localizations": {"pt": "musica"}}, "name_localizations"),  # not a Discord locale
    ({"description_localizations": {"ja": "x" * 101}}, "description_localizations"),
    ({"description_localizations": {"ja": ""}}, "description_localizations"),
])
async def test_localisations_discord_refuses_are_refused(change, field):
    async with FakeDiscord(token=TOKEN, global_rate_limit=None) as fake:
        guild = fake.add_guild("Servidor")
        status, body = await put(fake, guild.id, [command(**change)])
        assert status == 400 and body["code"] == 50035
        assert field in body["errors"]["0"]
        assert fake.commands(guild) == []


async def test_a_localised_option_name_and_a_choice_are_checked_too():
    async with FakeDiscord(token=TOKEN, global_rate_limit=None) as fake:
        guild = fake.add_guild("Servidor")
        bad_option = command()
        bad_option["options"][0]["name_localizations"] = {"es-ES": "Estilo"}
        status, body = await put(fake, guild.id, [bad_option])
        assert status == 400 and "name_localizations" in body["errors"]["0"]["options"]["0"]
        bad_choice = command()
        bad_choice["options"][0]["choices"][0]["name_localizations"] = {"ja": "x" * 101}
        status, body = await put(fake, guild.id, [bad_choice])
        assert status == 400 and "choices" in body["errors"]["0"]["options"]["0"]


async def test_message_commands_may_have_capitals_and_spaces_in_any_language():
    async with FakeDiscord(token=TOKEN, global_rate_limit=None) as fake:
        guild = fake.add_guild("Servidor")
        menu = {"name": "Report song", "type": 3, "name_localizations": {"pt-BR": "Denunciar música"}}
        status, _ = await put(fake, guild.id, [menu])
        assert status == 200 and fake.commands(guild)[0]["name_localizations"]["pt-BR"] == "Denunciar música"
