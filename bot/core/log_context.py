"""Ids a log line carries without each call passing them: the job, guild and member being worked on.

Set per job step (the engine) and per interaction (`/song create`); every record logged inside,
by any module, carries them (the JSON log format shows them as fields). A contextvar is per
asyncio task, so concurrent steps never mix their ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

FIELDS = ("job_id", "guild_id", "member_id")

_current: ContextVar[dict[str, int]] = ContextVar("songjam_log_fields", default={})  # noqa: B039 - never mutated


@contextmanager
def log_fields(**ids: int | None) -> Iterator[None]:
    """Within the block (in this task), log records carry these ids besides the outer ones."""
    token = _current.set(_current.get() | {key: value for key, value in ids.items() if value is not None})
    try:
        yield
    finally:
        _current.reset(token)


def current_fields() -> dict[str, int]:
    return _current.get()
