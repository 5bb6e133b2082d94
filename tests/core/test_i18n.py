"""The catalogue engine: locale resolution, formatting, English fallback logged once, never a raw key."""

import logging
from datetime import UTC, datetime

import discord
import pytest

from bot.core.i18n import Catalogue, private_locale, public_locale, resolve_locale, translate
from bot.core.i18n.catalogue import GENERIC_TEXT, locales_dir

EN = """
greeting = Hello, { $name }!
songs = { $count ->
    [one] { $count } song
   *[other] { $count } songs
}
only-english = Only in English
when = Posted { DISCORD_TIME($at, style: "R") }
day = On { DATETIME($day, dateStyle: "long") }
"""
ES = """
greeting = ¡Hola, { $name }!
songs = { $count ->
    [one] { $count } canción
    [many] { $count } de canciones
   *[other] { $count } canciones
}
when = Publicado { DISCORD_TIME($at, style: "R") }
day = El { DATETIME($day, dateStyle: "long") }
"""
BROKEN_JA = """
greeting = こんにちは、{ $nome }さん
"""


@pytest.fixture
def messages():
    return Catalogue({"en": [EN], "es-ES": [ES], "pt-BR": [], "ja": [BROKEN_JA]})


@pytest.mark.parametrize(("code", "shipped"), [
    ("en-US", "en"), ("en-GB", "en"), ("es-ES", "es-ES"), ("es-419", "es-ES"), ("pt-BR", "pt-BR"), ("ja", "ja"),
    ("fr", "en"), ("zh-TW", "en"), (None, "en"), (discord.Locale.latin_american_spanish, "es-ES"),
    (discord.Locale.brazil_portuguese, "pt-BR"), ("", "en"),
])
def test_discord_locales_map_to_the_shipped_ones(code, shipped):
    assert resolve_locale(code) == shipped


def test_messages_format_with_plurals_and_locale_numbers(messages):
    assert messages.translate("es-419", "greeting", name="Ana") == "¡Hola, Ana!"
    assert messages.translate("en-US", "songs", count=1) == "1 song"
    assert messages.translate("en-GB", "songs", count=1234) == "1,234 songs"
    assert messages.translate("es-ES", "songs", count=1) == "1 canción"
    assert messages.translate("es-ES", "songs", count=1_000_000) == "1.000.000 de canciones"
    assert messages.translate("es-ES", "when", at=1_800_000_000) == "Publicado <t:1800000000:R>"
    day = datetime(2026, 11, 30, 13, 0, tzinfo=UTC)
    assert messages.translate("es-419", "day", day=day) == "El 30 de noviembre de 2026"
    assert messages.translate("en", "day", day=day) == "On November 30, 2026"


def test_a_missing_translation_falls_back_to_english_and_is_logged_once(messages, caplog):
    with caplog.at_level(logging.WARNING, logger="songjam.i18n"):
        first = messages.translate("es-ES", "only-english")
        second = messages.translate("es-419", "only-english")
        other = messages.translate("pt-BR", "only-english")
    assert first == second == other == "Only in English"
    warnings = [r.getMessage() for r in caplog.records]
    assert len([w for w in warnings if "only-english" in w and "es-ES" in w]) == 1, warnings
    assert len([w for w in warnings if "only-english" in w and "pt-BR" in w]) == 1, warnings


def test_a_translation_that_fails_to_format_falls_back_to_english(messages, caplog):
    with caplog.at_level(logging.WARNING, logger="songjam.i18n"):
        assert messages.translate("ja", "greeting", name="Aki") == "Hello, Aki!"
        assert messages.translate("ja", "greeting", name="Aki") == "Hello, Aki!"
    assert len([r for r in caplog.records if "greeting" in r.getMessage()]) == 1


def test_a_key_missing_even_in_english_gives_the_generic_text_never_the_key(messages, caplog):
    with caplog.at_level(logging.ERROR, logger="songjam.i18n"):
        text = messages.translate("ja", "no-such-message")
        again = messages.translate("en", "no-such-message")
    assert text == again == GENERIC_TEXT and "no-such-message" not in text
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "no-such-message" in errors[0].getMessage()


def test_a_missing_argument_in_english_gives_the_generic_text(messages):
    assert messages.translate("en", "greeting") == GENERIC_TEXT


def test_the_catalogue_ships_inside_the_package_and_loads_once():
    assert {entry.name for entry in locales_dir().iterdir()} >= {"en", "es-ES", "pt-BR", "ja"}
    assert translate("pt-BR", "help-label-songs") == "Músicas"
    assert translate("fr", "help-label-songs") == "Songs"
    from bot.core.i18n.catalogue import catalogue
    assert catalogue() is catalogue()


class Interaction:
    def __init__(self, locale):
        self.locale = locale


class Languages:
    def __init__(self, chosen):
        self.chosen = chosen

    async def guild_language(self, guild_id):
        return self.chosen.get(guild_id)


def test_a_private_reply_speaks_the_members_language():
    assert private_locale(Interaction(discord.Locale.brazil_portuguese)) == "pt-BR"
    assert private_locale(Interaction(discord.Locale.french)) == "en"


async def test_a_public_post_speaks_the_moderators_choice_else_the_servers_else_english():
    languages = Languages({1: "es-ES"})
    assert await public_locale(languages, 1, discord.Locale.japanese) == "es-ES"
    assert await public_locale(languages, 2, discord.Locale.japanese) == "ja"
    assert await public_locale(languages, 2, discord.Locale.german) == "en"
    assert await public_locale(languages, 2, None) == "en"
    assert await public_locale(languages, None, "pt-BR") == "pt-BR"



def test_a_message_renders_in_each_reader_language_and_nested_messages_follow():
    from bot.core.i18n import Message, message

    cooldown = message("help-quota-cooldown", seconds=30)
    assert isinstance(cooldown, Message)
    assert cooldown.render("es-419") == "30 segundos entre canciones"
    assert cooldown.render("ja") == "曲と曲の間は 30 秒"
    assert str(cooldown) == "30 seconds between songs"
    length = message("help-songs-length-min", min=message("help-quota-cooldown", seconds=5))
    assert length.render("pt-BR") == "com mais de 5 segundos entre músicas segundos"
