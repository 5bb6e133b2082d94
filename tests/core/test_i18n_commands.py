"""Every slash command, group, option and choice of the bot, localised for Discord in every shipped locale."""

import logging
import unicodedata
from pathlib import Path

import aiohttp
import pytest
from discord import app_commands

from bot.app import EXTENSIONS, make_bot
from bot.config import Secret, Settings
from bot.core.database import Database
from bot.core.i18n import translate
from bot.core.i18n.commands import CatalogueTranslator, choice_key, command_key, option_key
from bot.songs.catalog import MODELS
from bot.songs.music_api import MusicApiClient

PUBLISHED_LOCALES = ("es-ES", "es-419", "pt-BR", "ja")


async def translated_payloads(tmp_path: Path, model: str) -> tuple[list[dict], list[app_commands.Command]]:
    """The sync payload of the bot's commands with `model` configured, as `tree.sync` builds it."""
    database = await Database.open(":memory:")
    async with aiohttp.ClientSession() as session:
        settings = Settings(discord_token=Secret("t" * 40), music_api_key=Secret("k" * 20),
                            music_api_base_url="http://127.0.0.1:9", database_path=tmp_path / "db",
                            results_dir=tmp_path / "results", music_model=model)
        bot = make_bot(settings, session=session, database=database,
                       music_api=MusicApiClient(session, settings.music_api_base_url, "k" * 20), sync_only=True)
        try:
            for extension in EXTENSIONS:
                await bot.load_extension(extension)
            translator = CatalogueTranslator()
            commands = bot.tree.get_commands()
            payloads = [await command.get_translated_payload(bot.tree, translator) for command in commands]
            leaves = [c for c in bot.tree.walk_commands() if isinstance(c, app_commands.Command)]
        finally:
            for extension in list(bot.extensions):
                await bot.unload_extension(extension)
            await bot.close()
            await database.close()
    return payloads, leaves


@pytest.fixture(params=sorted(MODELS))
async def synced(request, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="songjam.i18n"):
        payloads, leaves = await translated_payloads(tmp_path, request.param)
    assert not [r for r in caplog.records if r.name == "songjam.i18n"], "every command text has its translations"
    return payloads, leaves


def discord_name(name: str) -> bool:
    """Discord's `^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$`, lowercase (a slash command's name)."""
    def allowed(char: str) -> bool:
        return (char in "-_" or unicodedata.category(char)[0] in "LN"
                or unicodedata.name(char, "").startswith(("DEVANAGARI", "THAI")))
    return 1 <= len(name) <= 32 and all(allowed(c) for c in name) and name == name.lower()


def is_context_menu(entry: dict) -> bool:
    """A user or message command: no description, and a name of 1-32 characters, spaces and capitals allowed."""
    return "description" not in entry


def walk(payloads: list[dict], path: str = "") -> list[tuple[str, dict, list[dict]]]:
    """(path, entry, its siblings) for every command, group, subcommand and option."""
    found = []
    for entry in payloads:
        here = f"{path} {entry['name']}".strip()
        found.append((here, entry, payloads))
        found += walk(entry.get("options") or [], here)
    return found


async def test_every_name_description_and_choice_is_localised_in_every_published_locale(synced):
    payloads, _ = synced
    for path, entry, _siblings in walk(payloads):
        for locale in PUBLISHED_LOCALES:
            assert locale in entry.get("name_localizations", {}), f"/{path}: no {locale} name"
            if not is_context_menu(entry):
                assert locale in entry.get("description_localizations", {}), f"/{path}: no {locale} description"
        for choice in entry.get("choices") or []:
            assert set(PUBLISHED_LOCALES) <= set(choice.get("name_localizations", {})), f"/{path} {choice}"
        assert not {"en-US", "en-GB"} & set(entry.get("name_localizations", {})), "English is the default"


async def test_localised_names_are_valid_for_discord_and_unique_among_siblings(synced):
    payloads, _ = synced
    for path, entry, siblings in walk(payloads):
        for locale, name in entry["name_localizations"].items():
            valid = 1 <= len(name) <= 32 if is_context_menu(entry) else discord_name(name)
            assert valid, f"/{path} in {locale}: {name!r} is not a valid command name"
            clashes = [s["name"] for s in siblings if s is not entry and s["name_localizations"].get(locale) == name]
            assert not clashes, f"/{path} in {locale}: {name!r} also names {clashes}"
        assert discord_name(entry["name"]) or is_context_menu(entry)


async def test_localised_descriptions_and_choices_fit_discords_limits(synced):
    payloads, _ = synced
    for path, entry, _siblings in walk(payloads):
        for locale, text in entry.get("description_localizations", {}).items():
            assert 1 <= len(text) <= 100, f"/{path} in {locale}: {len(text)} characters"
        for choice in entry.get("choices") or []:
            for locale, text in choice["name_localizations"].items():
                assert 1 <= len(text) <= 100, f"/{path} choice {choice['name']} in {locale}"


async def test_the_english_catalogue_says_what_the_code_says(synced):
    """The English entries are the source the translators work from: they must not drift from the code."""
    _, leaves = synced
    groups = {leaf.parent for leaf in leaves if leaf.parent} | {leaf.parent.parent for leaf in leaves
                                                                if leaf.parent and leaf.parent.parent}
    for command in [*leaves, *groups]:
        key = command_key(command.qualified_name)
        assert translate("en", key) == command.name
        assert translate("en", key + ".description") == command.description
    for leaf in leaves:
        for parameter in leaf.parameters:
            key = option_key(leaf.qualified_name, parameter.name)
            assert translate("en", key) == parameter.name
            assert translate("en", key + ".description") == parameter.description
            for choice in parameter.choices:
                assert translate("en", choice_key(choice.name)) == choice.name
