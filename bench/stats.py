"""Percentiles and the small figures the report prints."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def spread(values: Sequence[float], unit: str = "ms") -> str:
    """'p50 / p95 / p99 / max' in ms or s."""
    factor = 1000.0 if unit == "ms" else 1.0
    parts = [percentile(values, p) * factor for p in (50, 95, 99, 100)]
    fmt = "{:.0f}" if unit == "ms" else "{:.2f}"
    return " / ".join(fmt.format(p) for p in parts) + f" {unit}"
