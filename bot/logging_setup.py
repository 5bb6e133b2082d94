"""Logging that can never print a secret, whatever a library puts in a message or traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterable

REDACTED = "[redacted]"


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then blanks every secret out of the finished line (tracebacks included)."""

    def __init__(self, fmt: str, secrets: Iterable[str]) -> None:
        super().__init__(fmt)
        self._secrets = sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def log_format(process_name: str = "") -> str:
    """Each line names the process (`PROCESS_NAME`), so the logs of several processes can be merged."""
    where = f"[{process_name.replace('%', '%%')}] " if process_name else ""
    return f"%(asctime)s {where}%(levelname)-7s %(name)s: %(message)s"


def setup_logging(level: str, secrets: Iterable[str], process_name: str = "") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(log_format(process_name), secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("discord").setLevel(max(logging.getLevelName(level), logging.INFO))
