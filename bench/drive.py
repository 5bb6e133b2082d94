"""Acting as members: `/song create` at chosen moments; and the bench process's own event-loop lag."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from bench.stack import Stack
from fakes.audio import make_mp3
from fakes.discord.interactions import FakeInteraction

REFERENCE_SECONDS = 16.0  # minimax-music wants more than 15 s


async def send_songs(stack: Stack, offsets: Sequence[float]) -> list[FakeInteraction]:
    """Member i (round-robin) runs `/song create` `offsets[i]` seconds from now, with its own upload."""
    members = stack.community.members
    reference = make_mp3(REFERENCE_SECONDS)
    uploads = [stack.discord.upload_attachment(f"ref-{i}.mp3", reference) for i in range(len(offsets))]
    sent = []
    start = time.monotonic()
    for i, offset in enumerate(offsets):
        delay = start + offset - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        member, channel = members[i % len(members)]
        sent.append(await stack.discord.slash_command(
            user=member, channel=channel, name="song create",
            options={"reference": uploads[i], "lyrics": f"song number {i} / la la la // the end"},
        ))
    return sent


def queued_reply_s(interactions: Sequence[FakeInteraction]) -> list[float]:
    """INTERACTION_CREATE sent -> the "Queued as job N" reply (the deferred answer edited)."""
    found = []
    for ix in interactions:
        original = ix.original
        if original is None or original.loading or ix.delivered_at is None:
            continue
        stamp = original.edited_timestamp or original.timestamp
        found.append(datetime.fromisoformat(stamp).timestamp() - ix.delivered_at)
    return found


def peak_channel_posts(stack: Stack, window_s: float = 5.0) -> int:
    """Most messages the bot posted into one channel within `window_s` (Discord allows ~5 per 5 s)."""
    peak = 0
    for channel in stack.community.channels:
        times = sorted(datetime.fromisoformat(m.timestamp).timestamp()
                       for m in stack.discord.messages(channel, include_ephemeral=False)
                       if m.author.id == stack.discord.bot.id)
        first = 0
        for last, stamp in enumerate(times):
            while stamp - times[first] >= window_s:
                first += 1
            peak = max(peak, last - first + 1)
    return peak


def channel_requests_per_job(stack: Stack, jobs: int) -> str:
    """Message posts and edits the bot made through the channel API (interaction answers are exempt)."""
    done = [r for r in stack.discord.requests if r.path.startswith("/channels/") and r.status < 300]
    posts = sum(1 for r in done if r.method == "POST")
    edits = sum(1 for r in done if r.method == "PATCH")
    return f"{(posts + edits) / jobs:.1f} ({posts / jobs:.1f} posts, {edits / jobs:.1f} edits)"


def requests_per_song(stack: Stack, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Per delivered song, the bot's requests for it beyond interaction answers, read from its messages:
    its card's post, edits and delete, and the song's post (`fake.requests` do not name the job)."""
    counts = []
    messages = stack.discord.world.messages
    for row in rows:
        if row["state"] != "delivered":
            continue
        card = messages.get(row["status_message_id"]) if row["status_message_id"] else None
        song = messages.get(row["delivery_message_id"]) if row["delivery_message_id"] else None
        card_requests = 0 if card is None else 1 + len(card.edits) + int(card.deleted)
        counts.append(card_requests + int(song is not None))
    return counts


def counted_requests(stack: Stack, since: int = 0) -> int:
    """Every REST request the global rate limit counts (interaction answers and followups are not)."""
    return sum(1 for record in stack.discord.requests[since:] if record.counted)


async def discord_idle(stack: Stack, quiet_s: float, within: float) -> None:
    """Until the fake Discord has had no request for `quiet_s` (the bot's queued edits are done)."""
    deadline = time.monotonic() + within
    seen, since = len(stack.discord.requests), time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - since < quiet_s:
        await asyncio.sleep(0.05)
        if len(stack.discord.requests) != seen:
            seen, since = len(stack.discord.requests), time.monotonic()


def rate_limited(stack: Stack) -> int:
    """Requests the fake Discord answered 429."""
    return sum(1 for record in stack.discord.requests if record.status == 429)


class LoopLag:
    """How late this process's event loop wakes up: the fakes' own timestamps are only as good as that."""

    def __init__(self, tick_s: float = 0.01) -> None:
        self.tick_s = tick_s
        self.samples: list[float] = []

    async def _run(self) -> None:
        while True:
            before = time.monotonic()
            await asyncio.sleep(self.tick_s)
            self.samples.append(time.monotonic() - before - self.tick_s)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[LoopLag]:
        task = asyncio.create_task(self._run())
        try:
            yield self
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
