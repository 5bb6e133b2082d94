"""Job and quota storage: one small interface, one SQLite implementation of it."""

from bot.storage.base import Storage
from bot.storage.database import Database
from bot.storage.sqlite import SqliteStorage

__all__ = ["Database", "SqliteStorage", "Storage"]
