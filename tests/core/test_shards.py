"""Shards: Discord's guild-to-shard rule, and identifying as fast as `max_concurrency` allows."""

import asyncio

from bot.core.shards import IdentifyBuckets, shard_of


def test_a_guild_belongs_to_the_shard_its_id_names():
    assert shard_of(0b101 << 22, 2) == 1
    assert shard_of(0b101 << 22, 4) == 1
    assert shard_of((0b110 << 22) | 0x3FFFFF, 4) == 2  # the low 22 bits (worker, counter) play no part
    assert shard_of(12345 << 22, 1) == 0


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


async def test_shards_in_different_buckets_identify_at_once_and_a_bucket_waits_five_seconds():
    time = FakeTime()
    buckets = IdentifyBuckets(2, clock=time.clock, sleep=time.sleep)
    await buckets.wait_turn(0)
    await buckets.wait_turn(1)
    assert time.sleeps == [], "shards 0 and 1 are in buckets 0 and 1: no wait"
    await buckets.wait_turn(2)  # bucket 0 again
    assert time.sleeps == [5.0]
    time.now += 10
    await buckets.wait_turn(3)  # bucket 1, last used long ago
    assert time.sleeps == [5.0]


async def test_with_max_concurrency_one_every_identify_waits_for_the_one_before():
    time = FakeTime()
    buckets = IdentifyBuckets(1, clock=time.clock, sleep=time.sleep)
    await asyncio.gather(*(buckets.wait_turn(shard) for shard in range(3)))
    assert time.sleeps == [5.0, 5.0]
    assert IdentifyBuckets(0).max_concurrency == 1, "a nonsense value from Discord still spaces identifies"
