"""Another program holding the bot's SQLite file, as a backup or an operator's `sqlite3` shell would."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path


@contextlib.contextmanager
def held_exclusively(path: Path | str) -> Iterator[sqlite3.Connection]:
    """`BEGIN EXCLUSIVE` on its own connection until the block ends (WAL readers still read).

    Blocks while it waits for the lock: where the bot may be writing in the same event loop, use
    `holding_exclusively`, or the bot's open transaction could never finish.
    """
    other = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


@contextlib.asynccontextmanager
async def holding_exclusively(path: Path | str) -> AsyncIterator[None]:
    """`held_exclusively`, taken and given back in a thread so that the event loop runs meanwhile."""
    held = held_exclusively(path)
    await asyncio.to_thread(held.__enter__)
    try:
        yield
    finally:
        await asyncio.to_thread(held.__exit__, None, None, None)
