"""Smoke test: every cog module imports, and every extension is loaded by the bot."""

import importlib
import inspect
import pkgutil

import cogs
from bot.client import EXTENSIONS


def all_cog_modules() -> list[str]:
    return sorted(f"cogs.{info.name}" for info in pkgutil.iter_modules(cogs.__path__))


def test_every_cog_module_imports():
    for name in all_cog_modules():
        importlib.import_module(name)


def test_every_module_with_a_setup_is_a_loaded_extension():
    extensions = {name for name in all_cog_modules()
                  if inspect.iscoroutinefunction(getattr(importlib.import_module(name), "setup", None))}
    assert extensions == set(EXTENSIONS)
