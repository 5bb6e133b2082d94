"""Logging that can never print a secret, whatever a library puts in a message or traceback.

Two formats: text (the default, one readable line) and JSON (LOG_FORMAT=json: one object per
line for a log collector). JSON is a small formatter on the standard library rather than a
dependency: it is a dozen lines, and the redaction has to see every field before it is encoded
anyway (a secret with a quote or backslash in it would not match once JSON-escaped).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import UTC, datetime

from bot.core.log_context import FIELDS, current_fields

REDACTED = "[redacted]"


class Redactor:
    def __init__(self, secrets: Iterable[str]) -> None:
        self._secrets = sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then blanks every secret out of the finished line (tracebacks included)."""

    def __init__(self, fmt: str, secrets: Iterable[str]) -> None:
        super().__init__(fmt)
        self._redact = Redactor(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return self._redact(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time (UTC, ISO 8601), level, logger, message, process, the job,
    guild and member ids when known (`extra=` or the log context), and the exception's traceback."""

    def __init__(self, secrets: Iterable[str], process_name: str = "") -> None:
        super().__init__()
        self._redact = Redactor(secrets)
        self._process = process_name

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if self._process:
            entry["process"] = self._process
        context = current_fields()
        for key in FIELDS:
            value = getattr(record, key, None)
            if value is None:
                value = context.get(key)
            if value is not None:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps({key: self._redact(value) if isinstance(value, str) else value
                           for key, value in entry.items()}, ensure_ascii=False, default=str)


def log_format(process_name: str = "") -> str:
    """Each line names the process (`PROCESS_NAME`), so the logs of several processes can be merged."""
    where = f"[{process_name.replace('%', '%%')}] " if process_name else ""
    return f"%(asctime)s {where}%(levelname)-7s %(name)s: %(message)s"


def setup_logging(level: str, secrets: Iterable[str], process_name: str = "", fmt: str = "text") -> None:
    handler = logging.StreamHandler()
    formatter = JsonFormatter(secrets, process_name) if fmt == "json" else RedactingFormatter(
        log_format(process_name), secrets)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("discord").setLevel(max(logging.getLevelName(level), logging.INFO))
