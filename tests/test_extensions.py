"""Smoke test: every module of the bot imports, and every extension is loaded by the bot."""

import importlib
import inspect
import pkgutil

import bot
from bot.app import EXTENSIONS


def all_bot_modules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(bot.__path__, "bot.") if info.name != "bot.__main__")


def test_every_module_imports():
    for name in all_bot_modules():
        importlib.import_module(name)


def test_every_module_with_a_setup_is_a_loaded_extension():
    extensions = {name for name in all_bot_modules()
                  if inspect.iscoroutinefunction(getattr(importlib.import_module(name), "setup", None))}
    assert extensions == set(EXTENSIONS)
