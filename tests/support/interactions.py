"""The thinnest interaction double for the core's reply helpers: the member's locale and where answers go."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import discord


class Response:
    def __init__(self, done: bool) -> None:
        self.done = done
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def is_done(self) -> bool:
        return self.done

    async def send_message(self, content: str, **options: Any) -> None:
        self.sent.append((content, options))


class Followup:
    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, Any]]] = []

    async def send(self, content: str, **options: Any) -> None:
        self.sent.append((content, options))


def interaction(locale: str = "en-US", *, deferred: bool = False,
                kind: discord.InteractionType = discord.InteractionType.application_command) -> Any:
    return SimpleNamespace(locale=discord.Locale(locale), type=kind, command=SimpleNamespace(qualified_name="jam end"),
                           response=Response(deferred), followup=Followup())
