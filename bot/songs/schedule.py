"""When to poll a generation next, and how long one is likely to take.

Polling is sparse while a generation is surely still running and dense around the time it is
expected to finish (from recent generation times), then thins out again for the slow ones: the
song is noticed about half a dense interval after it completes, at well under one poll every two
seconds on average.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence

DEFAULT_ESTIMATE_S = 30.0
MAX_FAULT_BACKOFF_S = 120.0


def estimate_generation_s(recent: Sequence[float], default: float = DEFAULT_ESTIMATE_S) -> float:
    """A typical generation time: the median of recent ones, or `default` with too few samples."""
    samples = [value for value in recent if value > 0]
    if len(samples) < 3:
        return default
    return float(statistics.median(samples))


def next_poll_delay(elapsed_s: float, estimate_s: float, dense_interval_s: float) -> float:
    """Seconds until the next poll of a generation submitted `elapsed_s` ago."""
    quiet_until = 0.7 * estimate_s
    if elapsed_s < quiet_until:
        return max(dense_interval_s, quiet_until - elapsed_s)
    dense_until = 1.2 * estimate_s
    if elapsed_s < dense_until:
        return dense_interval_s
    # Slower than usual: back off gradually, to at most five dense intervals.
    overrun = (elapsed_s - dense_until) / max(estimate_s, 1.0)
    return dense_interval_s * min(5.0, 1.0 + 2.0 * overrun)


def fault_backoff(fault_streak: int, base_s: float, retry_after: float | None = None) -> float:
    """Delay after `fault_streak` consecutive transient faults (with jitter); honours Retry-After."""
    delay = min(MAX_FAULT_BACKOFF_S, base_s * 2 ** max(0, fault_streak - 1))
    delay *= random.uniform(0.8, 1.2)  # jitter, not cryptography
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay
