"""Delivery ends: a song that cannot be delivered fails in bounded time, refunded, with the link;
and no terminal state leaves the job's file behind."""

import asyncio

import pytest

from bot.songs.jobs import Delivery, JobState
from fakes.music_api import RequestFault, TaskBehaviour
from tests.support.engine_harness import harness


class BadRequest(Exception):
    """What a Discord 4xx other than 403/404/413 looks like to the engine: not a passing fault."""


@pytest.fixture
async def h(tmp_path):
    async with harness(tmp_path) as h:
        yield h


def result_file(h, job_id):
    return h.tmp / "results" / f"job-{job_id}.mp3"


async def test_a_post_that_keeps_failing_gives_up_after_the_tries_refunds_and_offers_the_link(h):
    h.publisher.failure = BadRequest("400 Bad Request (error code: 50035)")
    await h.start(max_delivery_tries=3)
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.FAILED and done.refunded
    assert h.publisher.delivery_attempts == 3 and done.delivery_attempts == 3
    assert done.delivery is Delivery.NONE and done.result_url, "the song can still be fetched from the link"
    assert h.publisher.ended == [(job.id, JobState.FAILED, done.failure_reason)]
    assert not result_file(h, job.id).exists()
    usage = await h.storage.member_usage(1, 3, now=done.finished_at)
    assert usage.used == 0 and usage.unfinished == 0, "the credit and the in-progress slot are back"


async def test_a_discord_outage_ends_at_the_delivery_deadline_not_at_the_tries(h):
    h.publisher.retries_before_delivery = 10**6  # Discord answers 503 for ever
    await h.start(max_delivery_tries=2, delivery_deadline_s=0.8)
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.FAILED and done.refunded and done.delivery is Delivery.NONE
    assert h.publisher.delivery_attempts > 2, "passing Discord faults do not use up the tries"
    assert done.finished_at - done.completed_at >= 0.8
    assert done.finished_at - done.completed_at < 3.0, "the last retry is never scheduled past the deadline"
    assert not result_file(h, job.id).exists()


@pytest.mark.parametrize("last_try_failed", [False, True])
async def test_a_song_finished_before_a_long_downtime_gets_one_more_try(h, last_try_failed):
    h.publisher.failure = BadRequest("400")
    await h.start(delivery_deadline_s=60.0)
    job = await h.enqueue()
    await h.wait_for(job.id, lambda j: j.delivery_attempts >= 1)
    await h.stop()
    h.publisher.failure = None
    await h.storage.update_job(job.id, (JobState.COMPLETED,), completed_at=job.created_at - 3600.0,
                               fault_streak=int(last_try_failed), delivery_faults=0, next_attempt_at=0.0)
    await h.start(delivery_deadline_s=60.0)
    done = await h.wait_settled(job.id)
    if last_try_failed:  # still failing at the deadline: over
        assert done.state is JobState.FAILED and done.refunded and h.publisher.delivered == []
    else:  # the bot was down, not the delivery: it gets its try
        assert done.state is JobState.DELIVERED and len(h.publisher.delivered) == 1


async def test_a_result_url_that_keeps_failing_gives_up_after_the_tries(h):
    h.api.add_fault(RequestFault("download", status=503, times=None))
    await h.start(max_delivery_tries=3)
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.FAILED and done.refunded and done.delivery is Delivery.NONE
    assert h.api.counters.download_requests == 3
    assert h.publisher.delivered == [] and [e[0] for e in h.publisher.ended] == [job.id]
    assert not list((h.tmp / "results").glob("*"))


async def test_a_result_url_that_hangs_gives_up_at_the_deadline(h):
    h.api.add_fault(RequestFault("download", hang=True, times=None))
    await h.start(delivery_deadline_s=0.5)  # the harness's client gives up a silent download after 2 s
    done = await h.wait_settled((await h.enqueue()).id, timeout=15)
    assert done.state is JobState.FAILED and done.refunded and done.delivery is Delivery.NONE


async def test_each_post_is_recorded_as_an_attempt_before_it_is_made(h):
    h.publisher.retries_before_delivery = 2
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.DELIVERED
    assert h.publisher.attempts_seen == [1, 2, 3] and done.delivery_attempts == 3
    assert done.delivery_attempted_at is not None and done.delivery_attempted_at <= done.finished_at


@pytest.mark.parametrize("lands_as", [Delivery.REPLY, Delivery.DM, Delivery.LINK, Delivery.NONE])
async def test_a_delivered_song_leaves_no_file_however_it_was_delivered(h, lands_as):
    h.publisher.lands_as = lands_as
    await h.start()
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.DELIVERED and done.delivery is lands_as
    assert not result_file(h, job.id).exists() and done.result_path is None


async def test_a_job_cancelled_during_its_download_leaves_no_file(h):
    engine = await h.start()
    real_download = engine.api.download

    async def download_then_cancel(url, dest, **options):
        size = await real_download(url, dest, **options)
        assert dest.exists()
        await engine.cancel(job.id, user_id=3)  # the member cancels while the file is being written
        return size

    engine.api.download = download_then_cancel
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.CANCELLED
    await asyncio.sleep(0.1)
    assert not result_file(h, job.id).exists()
    assert h.publisher.delivered == []


async def test_a_job_cancelled_while_its_post_is_retried_leaves_no_file(h):
    h.publisher.retries_before_delivery = 10**6
    engine = await h.start()
    job = await h.enqueue()
    await h.wait_for(job.id, lambda j: j.delivery_attempts >= 1)
    assert result_file(h, job.id).exists()
    await engine.cancel(job.id, user_id=3)
    assert not result_file(h, job.id).exists()


async def test_a_failed_generation_leaves_no_file(h):
    h.api.on_next_task(TaskBehaviour(audio_missing=True))
    await h.start()
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.FAILED and done.delivery is None, "a dead link is not offered"
    assert not list((h.tmp / "results").glob("*"))
