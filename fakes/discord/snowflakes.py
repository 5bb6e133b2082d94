"""Time-based Discord snowflakes and the fake's clock."""

from __future__ import annotations

import datetime as dt
import time

DISCORD_EPOCH_MS = 1420070400000


class Clock:
    """Wall clock that tests can move forward (token expiry, CDN link expiry, nonce windows)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def now(self) -> float:
        """Seconds since the Unix epoch, shifted by :meth:`advance`."""
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        self.offset += seconds

    def iso(self) -> str:
        """The current time as an ISO 8601 timestamp, as Discord writes it."""
        return dt.datetime.fromtimestamp(self.now(), tz=dt.UTC).isoformat()


class SnowflakeGenerator:
    """Mints ``(ms - epoch) << 22 | counter`` ids that grow strictly."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._last_ms = 0
        self._counter = 0

    def next(self) -> int:
        """A new unique snowflake for the current time."""
        ms = int(self._clock.now() * 1000)
        if ms <= self._last_ms:
            self._counter += 1
            if self._counter > 0xFFF:
                self._last_ms += 1
                self._counter = 0
            ms = self._last_ms
        else:
            self._counter = 0
        self._last_ms = ms
        return ((ms - DISCORD_EPOCH_MS) << 22) | self._counter

    def next_on_shard(self, shard_id: int, shard_count: int) -> int:
        """A new snowflake (now or a few ms later) that puts a guild on ``shard_id`` of ``shard_count``.

        Discord's rule: a guild belongs to shard ``(guild_id >> 22) % shard_count``.
        """
        if not 0 <= shard_id < shard_count:
            raise ValueError(f"shard {shard_id} does not exist among {shard_count}")
        ms = max(int(self._clock.now() * 1000), self._last_ms + 1)
        while (ms - DISCORD_EPOCH_MS) % shard_count != shard_id:
            ms += 1
        self._last_ms, self._counter = ms, 0
        return (ms - DISCORD_EPOCH_MS) << 22
