"""Job and quota storage: one small interface, one SQLite implementation of it."""

from bot.storage.base import Storage
from bot.storage.sqlite import SqliteStorage

__all__ = ["SqliteStorage", "Storage"]
