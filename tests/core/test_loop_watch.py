"""ASYNCIO_SLOW_CALLBACK_MS: asyncio's slow-callback warnings, without the rest of its debug mode."""

import asyncio
import logging
import time

import pytest

from bot.core.loop_watch import ENV_VAR, threshold_s, watch_event_loop


@pytest.mark.parametrize(("raw", "expected"), [(None, None), ("", None), (" 25 ", 0.025), ("0.5", 0.0005)])
def test_the_threshold_is_read_in_milliseconds(raw, expected):
    assert threshold_s({} if raw is None else {ENV_VAR: raw}) == expected


@pytest.mark.parametrize("raw", ["ten", "0", "-5", "nan"])
def test_a_threshold_that_is_not_a_positive_number_is_ignored_with_a_warning(raw, caplog):
    assert threshold_s({ENV_VAR: raw}) is None
    assert ENV_VAR in caplog.text


async def test_a_callback_that_holds_the_loop_is_logged_and_nothing_else_is_recorded(caplog):
    watch_event_loop({ENV_VAR: "20"})
    loop = asyncio.get_running_loop()
    loop.call_soon(time.sleep, 0.001)
    loop.call_soon(time.sleep, 0.05)
    await asyncio.sleep(0.01)
    slow = [record for record in caplog.records if record.name == "asyncio" and record.levelno == logging.WARNING]
    assert len(slow) == 1 and "Executing <Handle sleep(0.05)" in slow[0].getMessage()
    # Full debug mode would also record where every callback, future and task was made (costly).
    assert not loop.get_debug()
    assert loop.call_soon(lambda: None)._source_traceback is None
    assert loop.create_future()._source_traceback is None


async def test_without_the_variable_nothing_changes():
    loop = asyncio.get_running_loop()
    before = loop.slow_callback_duration, loop.get_debug()
    watch_event_loop({})
    assert (loop.slow_callback_duration, loop.get_debug()) == before
