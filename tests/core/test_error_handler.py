"""Any app command error becomes one friendly private reply, in the member's own Discord language."""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from types import SimpleNamespace

import discord
import pytest
from discord import app_commands

from bot.core.error_handler import Errors
from bot.core.i18n import message
from bot.core.interactions import NotModerator
from tests.support.interactions import interaction


async def reply_to(error: app_commands.AppCommandError, locale: str = "en-US") -> str:
    """The one private text the member gets."""
    handler = Errors(SimpleNamespace(tree=SimpleNamespace(on_error=None)))
    ix = interaction(locale)
    await handler.on_app_command_error(ix, error)
    [(content, options)] = ix.response.sent
    assert options["ephemeral"] is True
    return content


def cooldown(seconds: float = 30.0) -> app_commands.CommandOnCooldown:
    return app_commands.CommandOnCooldown(app_commands.Cooldown(1, seconds), seconds)


def invoke_error(original: Exception) -> app_commands.CommandInvokeError:
    return app_commands.CommandInvokeError(SimpleNamespace(name="create", qualified_name="song create"), original)


async def test_a_cooldown_says_when_to_try_again_in_the_members_language():
    before = time.time()
    text = await reply_to(cooldown(30.0), "pt-BR")
    match = re.fullmatch(r"Calma aí: tente de novo <t:(\d+):R>\.", text)
    assert match, text
    assert before + 29 <= int(match[1]) <= time.time() + 31
    assert (await reply_to(cooldown(), "en-US")).startswith("Slow down a little: try again <t:")
    assert (await reply_to(cooldown(), "ja")).startswith("少し待ってください。<t:")


@pytest.mark.parametrize(("locale", "expected"), [
    ("en-GB", "You don't have permission to use this command."),
    ("es-ES", "No tienes permiso para usar este comando."),
    ("es-419", "No tienes permiso para usar este comando."),
    ("pt-BR", "Você não tem permissão para usar este comando."),
    ("ja", "このコマンドを使う権限がありません。"),
    ("fr", "You don't have permission to use this command."),
])
async def test_a_missing_permission_or_role_is_refused_in_the_members_language(locale, expected):
    assert await reply_to(app_commands.MissingPermissions(["manage_guild"]), locale) == expected
    assert await reply_to(app_commands.MissingRole(5), locale) == expected
    assert await reply_to(app_commands.MissingAnyRole([5, 6]), locale) == expected


async def test_the_bots_missing_permissions_are_named_as_discord_names_them():
    error = app_commands.BotMissingPermissions(["manage_roles", "attach_files", "use_soundboard"])
    assert await reply_to(error) == ("I need these permissions here first: Manage Roles, Attach Files, "
                                     "and use soundboard.")
    assert await reply_to(error, "es-ES") == ("Primero necesito estos permisos aquí: Gestionar roles, "
                                              "Adjuntar archivos y use soundboard.")
    assert await reply_to(error, "ja") == "先にここで次の権限が必要です: ロールの管理、ファイルを添付、use soundboard"


async def test_a_moderator_refusal_speaks_the_members_language_and_logs_in_english():
    refusal = NotModerator()
    assert str(refusal) == "Only this server's song moderators can do that."
    assert await reply_to(refusal, "pt-BR") == "Só os moderadores de músicas deste servidor podem fazer isso."
    assert await reply_to(refusal, "ja") == "この操作ができるのは、このサーバーの曲モデレーターだけです。"
    chosen = NotModerator(message("core-error-server-only"))
    assert await reply_to(chosen, "es-ES") == "Este comando funciona en un servidor, no en mensajes directos."
    assert await reply_to(NotModerator("Only members with Manage Server can do that."), "ja") == (
        "Only members with Manage Server can do that."), "text not yet in the catalogue is shown as written"


async def test_dms_and_other_failed_checks():
    assert await reply_to(app_commands.NoPrivateMessage(), "es-419") == (
        "Este comando funciona en un servidor, no en mensajes directos.")
    failed = app_commands.CheckFailure("The check functions for command 'end' failed.")
    assert await reply_to(failed, "pt-BR") == "Você não pode usar este comando aqui.", "never discord.py's English"


async def test_a_value_that_does_not_convert_is_quoted_safely_and_briefly():
    transformer = app_commands.transformers.IdentityTransformer(discord.AppCommandOptionType.string)
    typed = "`@everyone` " + "x" * 100
    error = app_commands.TransformerError(typed, discord.AppCommandOptionType.string, transformer)
    text = await reply_to(error, "pt-BR")
    assert text.startswith("Não entendi `'@everyone' xxx") and text.endswith("…` aí.")
    assert text.count("`") == 2 and len(text) < 80


async def test_a_command_discord_knows_but_this_process_does_not_asks_to_try_again(caplog):
    caplog.set_level(logging.WARNING, "songjam.interactions")
    assert await reply_to(app_commands.CommandNotFound("old", []), "es-ES") == (
        "Este comando se acaba de actualizar. Vuelve a intentarlo en un minuto.")
    assert "may need a sync" in caplog.text


async def test_a_busy_database_is_explained_and_anything_else_is_logged_with_its_traceback(caplog):
    caplog.set_level(logging.WARNING)
    busy = invoke_error(sqlite3.OperationalError("database is locked"))
    assert await reply_to(busy, "ja") == (
        "少しの間手が離せません（データベースを使用中です）。しばらくしてからもう一度お試しください。")
    assert "/song create: the database is busy" in caplog.text
    unexpected = await reply_to(invoke_error(RuntimeError("boom: secret internals")), "pt-BR")
    assert unexpected == "Algo deu errado do meu lado; já foi registrado. Tente de novo mais tarde."
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.getMessage() == "unexpected error in /jam end" and record.exc_info is not None


async def test_an_answer_already_deferred_gets_a_private_followup():
    ix = interaction("es-ES", deferred=True)
    await Errors(SimpleNamespace(tree=SimpleNamespace(on_error=None))).on_app_command_error(ix, NotModerator())
    assert ix.response.sent == []
    assert ix.followup.sent == [("Solo los moderadores de canciones de este servidor pueden hacer eso.",
                                 {"ephemeral": True})]


async def test_an_autocomplete_request_gets_no_message():
    ix = interaction("pt-BR", kind=discord.InteractionType.autocomplete)
    await Errors(SimpleNamespace(tree=SimpleNamespace(on_error=None))).on_app_command_error(
        ix, app_commands.CommandNotFound("old", []))
    assert ix.response.sent == [] and ix.followup.sent == []
