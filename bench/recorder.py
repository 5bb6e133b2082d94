"""Timestamps taken inside the fakes (both run in this process) on the system-wide monotonic clock.

- a song message stored by the fake Discord (its nonce is `sjd<job id>`, see cogs/publisher.py);
- the first poll answer that told the bot a generation was completed.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from fakes.discord import FakeDiscord
from fakes.discord.models import StoredMessage
from fakes.music_api import FakeMusicApi, FakeTask

SONG_NONCE = "sjd"


class Recorder:
    def __init__(self, discord: FakeDiscord, api: FakeMusicApi) -> None:
        self.song_at: dict[int, float] = {}  # job id -> when its song message was stored
        self.seen_completed_at: dict[str, float] = {}  # task id -> first "completed" poll answer
        self.songs = asyncio.Event()
        self._hook_discord(discord)
        self._hook_api(api)

    def _hook_discord(self, discord: FakeDiscord) -> None:
        world = discord.world
        emit = world.emit_message

        def emit_message(name: str, msg: StoredMessage) -> None:
            if name == "MESSAGE_CREATE" and msg.nonce and msg.nonce.startswith(SONG_NONCE) and msg.attachments:
                self.song_at.setdefault(int(msg.nonce[len(SONG_NONCE):]), time.monotonic())
                self.songs.set()
            emit(name, msg)

        world.emit_message = emit_message  # type: ignore[method-assign]

    def _hook_api(self, api: FakeMusicApi) -> None:
        answer = api._poll_answer

        def poll_answer(task: FakeTask) -> dict[str, Any]:
            body = answer(task)
            if body["status"] == "completed":
                self.seen_completed_at.setdefault(task.id, time.monotonic())
            return body

        api._poll_answer = poll_answer  # type: ignore[method-assign]

    async def wait_songs(self, count: int, within: float) -> bool:
        """Until `count` songs are stored; False on timeout."""
        deadline = time.monotonic() + within
        while len(self.song_at) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.songs.clear()
            try:
                await asyncio.wait_for(self.songs.wait(), min(remaining, 1.0))
            except TimeoutError:
                continue
        return True
