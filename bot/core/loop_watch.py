"""`ASYNCIO_SLOW_CALLBACK_MS=N`: log every callback that holds the bot's event loop for N ms or more.

One event loop serves every server, so a callback that runs long (CPU work, a blocking call)
stalls all their commands. asyncio times each callback and logs `Executing <Task ...> took 0.123
seconds` (logger `asyncio`, WARNING) only in its debug mode, and full debug mode also records a
traceback for every callback, future and coroutine created: in the benchmark's burst that doubled
the bot's CPU and made acknowledgements 20 times slower. So only the timing part is turned on,
and only when the variable is set (the benchmark sets it to report the longest stall).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Mapping

ENV_VAR = "ASYNCIO_SLOW_CALLBACK_MS"

log = logging.getLogger("songjam")


def threshold_s(environ: Mapping[str, str]) -> float | None:
    """The slow-callback threshold in seconds, or None when the variable is unset, empty or not > 0."""
    raw = environ.get(ENV_VAR, "").strip()
    if not raw:
        return None
    try:
        milliseconds = float(raw)
    except ValueError:
        milliseconds = 0.0
    if not milliseconds > 0:  # also NaN
        log.warning("%s=%r is not a number of milliseconds above 0; not timing callbacks", ENV_VAR, raw)
        return None
    return milliseconds / 1000


def watch_event_loop(environ: Mapping[str, str] = os.environ) -> None:
    """From a coroutine on the bot's loop: have asyncio log callbacks slower than the threshold."""
    threshold = threshold_s(environ)
    if threshold is None:
        return
    loop = asyncio.get_running_loop()
    loop.slow_callback_duration = threshold
    if isinstance(loop, asyncio.BaseEventLoop):
        # BaseEventLoop._run_once times callbacks when `_debug` is set; the tracebacks are recorded
        # when get_debug() says so (and coroutine origins by set_debug), which is left off.
        loop._debug = True  # type: ignore[attr-defined]
        loop.get_debug = lambda: False  # type: ignore[method-assign]
    else:
        loop.set_debug(True)
    # The slow-callback warnings whatever LOG_LEVEL is, without debug mode's DEBUG chatter.
    logging.getLogger("asyncio").setLevel(logging.WARNING)
    log.info("event loop: logging callbacks that take %g ms or more", threshold * 1000)
