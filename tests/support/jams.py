"""A jams service over a real SQLite database, and songs made the way the engine makes them."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

from bot.jams.models import Jam
from bot.jams.service import Jams
from bot.jams.store import JamStore
from bot.songs.jobs import Delivery, Job, JobState, NewJob
from bot.songs.quota import QuotaLimits
from bot.songs.sqlite_store import SqliteStorage
from tests.support.databases import open_test_storage

NOW = 1_800_000_000.0
GUILD = 10
CHANNEL = 20
HOST = 1
NO_LIMITS = QuotaLimits(member_daily=None)
_message_ids = itertools.count(5000)


async def open_world(path: Path) -> tuple[SqliteStorage, Jams]:
    storage = await open_test_storage(path)
    return storage, Jams(JamStore(storage.db))


async def start_jam(jams: Jams, *, channel_id: int = CHANNEL, duration: str = "2h", now: float = NOW,
                    guild_id: int = GUILD, **options: object) -> Jam:
    return await jams.start(guild_id=guild_id, channel_id=channel_id, host_id=HOST, theme="Rainy days",
                            duration=duration, now=now, **options)  # type: ignore[arg-type]


def new_job(user_id: int, *, channel_id: int = CHANNEL, jam_id: int | None = None, guild_id: int = GUILD) -> NewJob:
    return NewJob(guild_id=guild_id, channel_id=channel_id, user_id=user_id, model="minimax-music",
                  prompt_text="##la la##", style=None, reference_url="https://cdn.example/ref.mp3",
                  reference_name="ref.mp3", jam_id=jam_id)


async def deliver(storage: SqliteStorage, job: Job, *, at: float, delivery: Delivery = Delivery.REPLY) -> Job:
    delivered = await storage.finish_job(
        job.id, JobState.DELIVERED, None, now=at, refund=False, expect=(job.state,), delivery=delivery,
        delivery_message_id=next(_message_ids), next_attempt_at=None,
    )
    assert delivered is not None
    return delivered


async def make_song(
    storage: SqliteStorage, user_id: int, *, jam: Jam | None = None, channel_id: int = CHANNEL, at: float = NOW + 60,
    delivered_at: float | None = None, limits: QuotaLimits = NO_LIMITS,
) -> Job:
    """A song made at `at` (as an entry of `jam` if given) and delivered at `delivered_at` (default: a minute later)."""
    job = await storage.create_job(
        new_job(user_id, channel_id=channel_id, jam_id=jam.id if jam else None),
        dataclasses.replace(limits, jam_entry_limit=jam.entries_per_member) if jam else limits,
        now=at, timeout_s=1200,
    )
    return await deliver(storage, job, at=delivered_at if delivered_at is not None else at + 60)
