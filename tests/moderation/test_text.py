"""The welcome a server gets when the bot joins: real commands, no pings, one message."""

import re

import pytest
from discord import app_commands

from bot.core.i18n import SHIPPED_LOCALES
from bot.core.text import MESSAGE_LIMIT
from bot.help.ui.cog import Help
from bot.moderation.text import welcome_message
from bot.moderation.ui.admin_cog import Admin


def named_commands(text: str) -> list[tuple[list[str], list[str]]]:
    """Each `/command path option:` in backticks: the path and the options it names."""
    found = []
    for quoted in re.findall(r"`(/[^`]+)`", text):
        words = quoted[1:].split()
        found.append(([w for w in words if not w.endswith(":")], [w[:-1] for w in words if w.endswith(":")]))
    return found


def resolve(path: list[str]) -> app_commands.Command | app_commands.Group | None:
    roots: dict[str, app_commands.Command | app_commands.Group] = {"songadmin": Admin.songadmin}
    roots.update({command.name: command for command in Help.__cog_app_commands__})
    node = roots.get(path[0])
    for name in path[1:]:
        node = node.get_command(name) if isinstance(node, app_commands.Group) else None
    return node


def test_the_welcome_gives_three_numbered_steps_with_commands_that_exist():
    text = welcome_message("Jam Server", in_server=True, locale="en")
    assert [line.split("**")[1] for line in text.splitlines() if line.startswith("**")] == [
        "1. Song channels", "2. Quotas", "3. Mod log"]
    named = named_commands(text)
    assert [" ".join(path) for path, _ in named] == [
        "song create", "songadmin channels add", "songadmin quota default", "songadmin quota tier",
        "songadmin quota server-cap", "songadmin settings mod-log", "songadmin settings show", "help"]
    for path, options in named:
        if path[0] == "song":
            continue  # the songs cog builds /song create per model; its own tests cover it
        command = resolve(path)
        assert isinstance(command, app_commands.Command), path
        assert set(options) <= {parameter.name for parameter in command.parameters}, (path, options)
    assert len(text) <= MESSAGE_LIMIT


def test_by_direct_message_it_names_the_server_harmlessly():
    assert "Thanks for adding songjam here!" in welcome_message("x", in_server=True, locale="en")
    text = welcome_message("@everyone **Club** <@&1>", in_server=False, locale="en")
    assert "to **@\u200beveryone \\*\\*Club\\*\\* <\u200b@&1\\>**!" in text


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_the_welcome_fits_one_message_in_every_language(locale):
    for in_server in (True, False):
        text = welcome_message("n" * 100, in_server=in_server, locale=locale)
        assert len(text) <= MESSAGE_LIMIT and len(text.splitlines()) == 6


def test_the_welcome_in_japanese_and_spanish_names_commands_as_their_clients_show_them():
    ja = welcome_message("ジャム部", in_server=False, locale="ja")
    assert ja.startswith("👋 **ジャム部** に songjam を追加していただきありがとうございます！")
    assert "**1. 曲のチャンネル**: `/曲管理 チャンネル 追加 チャンネル:`" in ja
    assert "`/ヘルプ`" in ja
    es = welcome_message("x", in_server=True, locale="es-ES")
    assert es.startswith("👋 ¡Gracias por añadir songjam aquí!")
    assert "`/admincanciones cuota predeterminada canciones:`" in es
