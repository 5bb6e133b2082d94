"""Slash-command names, descriptions, options and choices in every shipped language.

discord.py asks the tree's translator for every Discord locale while it builds the sync payload
(`tree.sync`), so `python -m bot sync` and `--sync` publish `name_localizations` and
`description_localizations`. The keys come from where the string sits, not from its English text
(except choices, whose context carries no command):

- a command or group: `cmd-<qualified name>` (the name), `cmd-<qualified name>.description`;
- an option: `cmd-<qualified name>--<option>` and its `.description`;
- a static choice: `choice-<its English name>`;

where spaces and other separators become `-` (`/songadmin settings mod-log` is
`cmd-songadmin-settings-mod-log`). English is the code itself: no localisation is sent for it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import TranslationContextLocation as Where

from bot.core.i18n.catalogue import Catalogue, catalogue
from bot.core.i18n.locales import DEFAULT_LOCALE, resolve_locale

log = logging.getLogger("songjam.i18n")

_SEPARATORS = re.compile(r"[^a-z0-9_]+")


def slug(text: str) -> str:
    """A Fluent-id-safe form of a command path or choice name."""
    return _SEPARATORS.sub("-", text.lower()).strip("-")


def command_key(qualified_name: str) -> str:
    return f"cmd-{slug(qualified_name)}"


def option_key(qualified_name: str, option: str) -> str:
    return f"{command_key(qualified_name)}--{slug(option)}"


def choice_key(name: str) -> str:
    return f"choice-{slug(name)}"


def key_for(string: app_commands.locale_str, context: app_commands.TranslationContextTypes) -> str | None:
    """The catalogue key of a string the tree wants translated (None: not a command text)."""
    data: Any = context.data
    location = context.location
    if location in (Where.command_name, Where.group_name):
        return command_key(data.qualified_name)
    if location in (Where.command_description, Where.group_description):
        return command_key(data.qualified_name) + ".description"
    if location is Where.parameter_name:
        return option_key(data.command.qualified_name, data.name)
    if location is Where.parameter_description:
        return option_key(data.command.qualified_name, data.name) + ".description"
    if location is Where.choice_name:
        return choice_key(string.message)
    return None


class CatalogueTranslator(app_commands.Translator):
    """Reads command texts from the catalogue; English and unshipped locales keep the code's text."""

    def __init__(self, messages: Catalogue | None = None) -> None:
        self.messages = messages or catalogue()
        self._missing: set[tuple[str, str]] = set()

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        shipped = resolve_locale(str(locale))
        if shipped == DEFAULT_LOCALE:
            return None
        key = key_for(string, context)
        if key is None:
            return None
        if not self.messages.has(shipped, key):
            if (shipped, key) not in self._missing:
                self._missing.add((shipped, key))
                log.warning("no %s translation for %s (%r); Discord shows the English", shipped, key, string.message)
            return None
        return self.messages.translate(shipped, key)
