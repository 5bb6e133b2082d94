import asyncio
import logging
import time

import pytest

from bot.core.text import MESSAGE_LIMIT, UPSTREAM_LIMIT
from bot.core.urls import UrlPolicy
from bot.songs.card import eta_margin, job_card
from bot.songs.engine import (
    BAD_RESULT_REASON,
    BUSY_REASON,
    EXPIRED_REASON,
    GENERATION_FAILED_REASON,
    INTERRUPTED_REASON,
    RESULT_LOST_REASON,
    SUBMIT_REFUSED_REASON,
    UNAVAILABLE_REASON,
    UNKNOWN_OUTCOME_REASON,
)
from bot.songs.jobs import Delivery, JobState
from bot.songs.quota import QuotaLimits
from bot.songs.text import end_channel_note, end_notice, job_details
from fakes.audio import make_mp3
from fakes.music_api import RequestFault, TaskBehaviour
from tests.support.engine_harness import harness


@pytest.fixture
async def h(tmp_path):
    async with harness(tmp_path) as h:
        yield h


def audio_of(h) -> bytes:
    return h.api.only_task().audio


async def test_a_job_is_submitted_once_polled_and_delivered_with_the_exact_bytes(h):
    await h.start()
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.DELIVERED and done.delivery is Delivery.REPLY
    assert h.api.counters.submits == 1
    assert h.publisher.delivered == [(job.id, audio_of(h))]
    assert done.generation_id == h.api.only_task().id
    assert done.charged and not done.refunded
    assert not (h.tmp / "results" / f"job-{job.id}.mp3").exists(), "Discord holds the file now"
    await asyncio.sleep(0.1)
    states = [state for job_id, state, _ in h.publisher.shown if job_id == job.id]
    assert states[-1] is JobState.DELIVERED
    assert h.publisher.ended == []


async def test_the_submit_body_follows_the_contract(h):
    await h.start()
    job = await h.enqueue("##line one\nline two##")
    await h.wait_settled(job.id)
    body = h.api.only_task().body
    assert body == {"model": "minimax-music", "prompt": "##line one\nline two##",
                    "reference_audio_url": h.reference_url}


@pytest.mark.parametrize("shape", ["message", "detail"])
async def test_a_failed_generation_is_refunded_and_the_member_told_once(h, shape):
    h.api.on_next_task(TaskBehaviour(outcome="error", error_shape=shape, error_message="Downstream service error"))
    await h.start()
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.FAILED and done.refunded
    assert done.failure_reason == GENERATION_FAILED_REASON
    assert done.failure_detail == "Downstream service error"
    assert h.publisher.ended == [(job.id, JobState.FAILED, done.failure_reason)]
    assert h.publisher.delivered == []
    assert (await h.storage.member_usage(1, 3, now=done.finished_at)).used == 0


@pytest.mark.parametrize("where", ["generation", "submit"])
async def test_the_music_services_words_stay_private_capped_masked_and_escaped(h, caplog, where):
    caplog.set_level(logging.DEBUG)
    key = h.api.api_key
    nasty = f"**Downstream** failure @everyone <@&77> key {key} Bearer abc123def456 at http://10.0.0.9:8080/x " + (
        "y" * 5000)
    if where == "generation":
        h.api.on_next_task(TaskBehaviour(outcome="error", error_message=nasty))
    else:
        h.api.add_fault(RequestFault("submit", status=400, message=nasty))
    await h.start()
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.FAILED and done.refunded
    assert done.failure_reason == (GENERATION_FAILED_REASON if where == "generation" else SUBMIT_REFUSED_REASON)
    detail = done.failure_detail
    assert detail.startswith(r"\*\*Downstream\*\* failure") and len(detail) <= UPSTREAM_LIMIT
    for hidden in (key, "abc123def456", "10.0.0.9", "@everyone", "<@&77>"):
        assert hidden not in detail
    # What everyone sees says only that the music service failed; the member's private view has the words.
    card = job_card(done, None, "en")
    for public in (card.description, card.title, end_channel_note(done, "en"), h.publisher.ended[0][2]):
        assert "Downstream" not in public and key not in public and len(public) <= MESSAGE_LIMIT
    assert "music service" in card.description and "credit is back" in card.description
    assert f"/song status job:{job.id}" in end_channel_note(done, "en")
    for private in (job_details(done, None, None), end_notice(done, time.time(), "en")):
        assert detail in private and len(private) <= MESSAGE_LIMIT
    assert key not in caplog.text and "abc123def456" not in caplog.text
    assert "Downstream" in caplog.text, "the operator sees what went wrong"


@pytest.mark.parametrize("status", [429, 500, 502, 503])
async def test_a_busy_api_at_submit_is_not_retried_and_costs_nothing(h, status):
    h.api.add_fault(RequestFault("submit", status=status, retry_after="1" if status == 429 else None))
    await h.start()
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.FAILED and done.refunded and done.failure_reason == BUSY_REASON
    assert h.api.counters.submit_requests == 1 and h.api.counters.submits == 0
    assert h.publisher.ended[0][0] == job.id


async def test_an_html_error_page_at_submit_is_a_busy_service(h):
    h.api.add_fault(RequestFault("submit", status=502, html=True))
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.failure_reason == BUSY_REASON


@pytest.mark.parametrize("key_problem", ["bad key", "no credits"])
async def test_an_operator_problem_tells_members_the_service_is_unavailable(h, key_problem):
    if key_problem == "bad key":
        h.api.api_keys.clear()
    else:
        h.api.keys_without_credits.add(h.api.api_key)
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.FAILED and done.refunded and done.failure_reason == UNAVAILABLE_REASON


async def test_a_submit_that_hangs_is_never_sent_twice(h):
    h.api.add_fault(RequestFault("submit", hang=True))
    await h.start(submit_timeout=0.3)
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.FAILED and done.refunded and done.failure_reason == UNKNOWN_OUTCOME_REASON
    await asyncio.sleep(0.2)
    assert h.api.counters.submit_requests == 1


async def test_a_job_whose_card_a_crash_kept_from_being_posted_gets_it_at_the_next_start(h):
    h.api.on_next_task(TaskBehaviour(outcome="never"))
    h.publisher.show_failures = 100  # the card's post does not land before the process stops
    await h.start()
    job = await h.enqueue()
    await h.wait_for(job.id, lambda j: j.state is JobState.SUBMITTED)
    await h.stop()
    assert h.publisher.shown == [] and (await h.storage.get_job(job.id)).status_message_id is None
    h.publisher.show_failures = 0
    await h.start()
    shown = await h.wait_for(job.id, lambda j: j.status_message_id is not None)
    assert h.publisher.shown[0][0] == job.id and shown.state is JobState.SUBMITTED


async def test_a_submit_that_surely_never_arrived_is_retried(h):
    await h.stop()
    closed = h.new_engine(base_url="http://127.0.0.1:9")  # nothing listens there
    h.engine = closed
    await closed.recover()
    h.task = asyncio.create_task(closed.run())
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.FAILED and done.refunded and done.failure_reason == BUSY_REASON
    assert h.api.counters.submit_requests == 0


async def test_flaky_polls_are_retried_and_the_song_still_arrives(h):
    h.api.on_next_task(TaskBehaviour(generating_s=0.5))
    h.api.add_fault(RequestFault("poll", status=503, every=2, times=None))
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.DELIVERED
    assert h.api.counters.faults_fired >= 1 and h.api.counters.submits == 1


async def test_a_poll_429_is_honoured(h):
    h.api.add_fault(RequestFault("poll", status=429, retry_after="0.3", times=1))
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.DELIVERED


async def test_a_504_generation_timeout_fails_the_job_with_a_refund(h):
    h.api.add_fault(RequestFault("poll", status=504, times=None))
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.FAILED and done.refunded and done.failure_reason == GENERATION_FAILED_REASON
    assert done.failure_detail == "Generation timeout"


async def test_a_generation_that_never_finishes_expires_and_is_refunded(h):
    h.api.on_next_task(TaskBehaviour(outcome="never"))
    await h.start(job_timeout_s=0.6)
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.EXPIRED and done.refunded and done.failure_reason == EXPIRED_REASON
    assert [state for _, state, _ in h.publisher.ended] == [JobState.EXPIRED]


async def test_unknown_statuses_and_placeholder_audio_are_treated_as_pending(h):
    h.api.on_next_task(TaskBehaviour(queued_status="waiting", placeholder_audio_file=True, queued_s=0.3))
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.DELIVERED
    assert h.publisher.delivered[0][1] == audio_of(h)


async def test_a_result_url_that_404s_fails_with_a_refund(h):
    h.api.on_next_task(TaskBehaviour(audio_missing=True))
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.FAILED and done.refunded and done.failure_reason == RESULT_LOST_REASON


@pytest.mark.parametrize("where", [
    "http://10.0.0.7/output.mp3",
    "http://169.254.169.254/latest/meta-data/output.mp3",
    "http://[::ffff:192.168.1.10]:8080/output.mp3",
    "http://[fd00::1]/output.mp3",
    "cdn",  # the fake's own CDN, on loopback: refused when the API is not on loopback
])
async def test_a_result_on_a_private_address_is_never_fetched_nor_posted(h, where):
    if where != "cdn":
        h.api.on_next_task(TaskBehaviour(audio_url=where))
    await h.start(url_policy=UrlPolicy(allow_loopback=False))  # as with a public API base URL
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.FAILED and done.refunded
    assert done.failure_reason == BAD_RESULT_REASON
    assert "refused" in done.failure_detail and "not on the public internet" in done.failure_detail
    assert h.publisher.delivered == [] and h.api.counters.download_requests == 0
    assert h.publisher.ended == [(job.id, JobState.FAILED, BAD_RESULT_REASON)]
    assert (await h.storage.member_usage(1, 3, now=done.finished_at)).used == 0
    assert list((h.tmp / "results").glob("*")) == []


@pytest.mark.parametrize(("body", "content_type"), [
    (b"<!DOCTYPE html><html><body>Access denied</body></html>", "text/html"),
    (b'{"error": "not found"}', "application/json"),
    (b"", "audio/mpeg"),
    (b"fLaC\x00\x00\x00\x22" + bytes(64), "audio/mpeg"),  # audio, but not what may be posted as an MP3
])
async def test_a_result_that_is_not_mp3_or_wav_fails_with_a_refund_and_nothing_is_posted(h, body, content_type):
    h.api.on_next_task(TaskBehaviour(audio_url=h.api.host_file("output.mp3", body, content_type)))
    await h.start()
    job = await h.enqueue()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.FAILED and done.refunded
    assert done.failure_reason == BAD_RESULT_REASON
    assert "not MP3 or WAV audio" in done.failure_detail
    assert h.publisher.delivered == []
    assert list((h.tmp / "results").glob("*")) == []


async def test_a_result_hosted_elsewhere_that_is_audio_is_delivered(h):
    song = make_mp3(12.0)
    h.api.on_next_task(TaskBehaviour(audio_url=h.api.host_file("output.mp3", song, "audio/mpeg")))
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.DELIVERED and h.publisher.delivered[0][1] == song


async def test_a_passing_download_fault_is_retried(h):
    h.api.add_fault(RequestFault("download", status=503, times=2))
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.DELIVERED and h.publisher.delivered[0][1] == audio_of(h)


async def test_a_delivery_that_discord_defers_is_retried_and_posted_once(h):
    h.publisher.retries_before_delivery = 2
    await h.start()
    done = await h.wait_settled((await h.enqueue()).id)
    assert done.state is JobState.DELIVERED
    assert h.publisher.delivery_attempts == 3 and len(h.publisher.delivered) == 1


async def test_a_restart_resumes_a_submitted_job_without_submitting_again(h):
    h.api.on_next_task(TaskBehaviour(generating_s=0.6))
    await h.start()
    job = await h.enqueue()
    await h.wait_for(job.id, lambda j: j.state is JobState.SUBMITTED)
    await h.stop()
    await h.start()  # a new engine over the same database
    done = await h.wait_settled(job.id)
    assert done.state is JobState.DELIVERED
    assert h.api.counters.submits == 1 and len(h.publisher.delivered) == 1


async def test_a_crash_mid_submit_closes_the_job_instead_of_paying_twice(h):
    await h.start()
    await h.stop()
    job = await h.enqueue()
    await h.storage.update_job(job.id, (JobState.PENDING,), state=JobState.SUBMITTING, next_attempt_at=None)
    await h.start()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.FAILED and done.refunded and done.failure_reason == INTERRUPTED_REASON
    assert h.api.counters.submit_requests == 0
    assert len(h.publisher.ended) == 1


async def test_a_job_expired_while_the_bot_was_down_is_closed_once_without_a_poll(h):
    h.api.on_next_task(TaskBehaviour(outcome="never"))
    await h.start()
    job = await h.enqueue()
    await h.wait_for(job.id, lambda j: j.state is JobState.SUBMITTED)
    await h.stop()
    await h.storage.update_job(job.id, (JobState.SUBMITTED,), expires_at=0.0, next_attempt_at=0.0)
    polls_before = h.api.counters.poll_requests
    await h.start()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.EXPIRED and done.refunded
    assert h.api.counters.poll_requests == polls_before
    await h.stop()
    await h.start()  # another restart: the member is not told again
    await asyncio.sleep(0.2)
    assert len(h.publisher.ended) == 1


async def test_a_cancelled_job_is_never_posted(h):
    h.api.on_next_task(TaskBehaviour(generating_s=0.5))
    engine = await h.start()
    job = await h.enqueue()
    await h.wait_for(job.id, lambda j: j.state is JobState.SUBMITTED)
    result = await engine.cancel(job.id, user_id=3)
    assert "cancelled" in str(result.message) and result.job.state is JobState.CANCELLED
    assert not result.job.refunded, "the song was already being paid for"
    await asyncio.sleep(0.8)
    assert h.publisher.delivered == []
    assert str((await engine.cancel(job.id, user_id=3)).message).endswith("already cancelled.")


async def test_only_the_requester_can_cancel_and_a_pending_cancel_is_refunded(h):
    engine = h.new_engine()
    h.engine = engine
    job = await h.enqueue()
    assert "can't find" in str((await engine.cancel(job.id, user_id=999)).message)
    result = await engine.cancel(job.id, user_id=3)
    assert result.job.state is JobState.CANCELLED and result.job.refunded


async def test_progress_counts_the_unstarted_songs_ahead_and_measures_from_the_ask(h):
    engine = h.new_engine()
    h.engine = engine
    first = await h.enqueue()
    second = await h.enqueue()
    assert (await engine.progress(second)).ahead == 0, "due with a submit slot free: it starts at once"
    for job in (first, second):  # both wait (a retry), so the first is ahead of the second
        await h.storage.update_job(job.id, (JobState.PENDING,), next_attempt_at=time.time() + 60)
    second = await h.storage.get_job(second.id)
    assert (await engine.progress(first)).ahead == 0
    progress = await engine.progress(second)
    assert progress.ahead == 1 and progress.started_at == second.created_at
    assert progress.eta >= time.time() + engine.config.card_refresh_s - 1, "never an estimate in the past"


async def test_the_quota_is_checked_when_enqueuing(h):
    from bot.songs.quota import QuotaExceeded

    h.engine = h.new_engine()
    await h.enqueue(limits=QuotaLimits(member_daily=1))
    with pytest.raises(QuotaExceeded):
        await h.enqueue(limits=QuotaLimits(member_daily=1))


async def test_many_jobs_are_all_delivered_exactly_once(h):
    await h.start()
    jobs = [await h.enqueue(f"##song {n}##", limits=QuotaLimits(member_daily=None)) for n in range(30)]
    for job in jobs:
        assert (await h.wait_settled(job.id)).state is JobState.DELIVERED
    assert h.api.counters.submits == 30
    assert sorted(job_id for job_id, _ in h.publisher.delivered) == [job.id for job in jobs]


async def test_a_start_shows_the_final_state_on_cards_a_crash_left_behind(h):
    await h.start()
    delivered = await h.wait_settled((await h.enqueue()).id)
    assert delivered.state is JobState.DELIVERED and delivered.status_message_id is not None
    await h.stop()  # as if the bot died before the card's last edit
    h.publisher.shown.clear()
    await h.start()
    for _ in range(200):
        if (delivered.id, JobState.DELIVERED, delivered.api_status) in h.publisher.shown:
            break
        await asyncio.sleep(0.02)
    assert (delivered.id, JobState.DELIVERED, delivered.api_status) in h.publisher.shown


async def test_the_music_services_own_statuses_do_not_refresh_the_card(h):
    h.api.on_next_task(TaskBehaviour(queued_s=0.3, generating_s=0.6))
    await h.start(card_refresh_s=30.0)
    job = await h.enqueue()
    await h.wait_settled(job.id)
    await asyncio.sleep(0.1)
    assert [state for _, state, _ in h.publisher.shown] == [JobState.PENDING, JobState.SUBMITTED,
                                                            JobState.DELIVERED]


async def test_a_passing_estimate_is_replaced_on_a_paced_cadence_never_shown_in_the_past(h):
    h.api.on_next_task(TaskBehaviour(generating_s=2.5))
    await h.start(card_refresh_s=0.5)
    job = await h.enqueue()
    await h.wait_settled(job.id)
    etas = [(at, progress.eta) for at, progress in h.publisher.progress if progress is not None]
    assert all(eta > at for at, eta in etas), "every shown estimate is ahead"
    assert len({eta for _, eta in etas}) >= 3, "refreshed as it passed"
    span = etas[-1][0] - etas[0][0]
    assert len(etas) <= span / (0.5 - eta_margin(0.5)) + 3, "paced: one refresh per lead (less its margin)"


async def test_a_card_discord_did_not_take_is_shown_again_later(h):
    h.publisher.show_failures = 1
    h.api.on_next_task(TaskBehaviour(outcome="never"))
    await h.start(card_refresh_s=0.3)
    job = await h.enqueue()
    await h.wait_for(job.id, lambda j: j.status_message_id is not None, timeout=5)


async def test_an_unfinished_job_found_without_a_card_gets_one_while_it_runs(h):
    """A process stopped after the submit but before its card was posted: the next one posts it."""
    h.api.on_next_task(TaskBehaviour(generating_s=3.0))
    h.publisher.show_failures = 10_000  # Discord refuses every card while the first process runs
    await h.start()
    job = await h.enqueue()
    await h.wait_for(job.id, lambda j: j.state is JobState.SUBMITTED)
    await h.stop()
    assert (await h.storage.get_job(job.id)).status_message_id is None
    h.publisher.show_failures = 0
    await h.start()
    with_card = await h.wait_for(job.id, lambda j: j.status_message_id is not None)
    assert not with_card.is_terminal, "the card shows while the song is made, not only once it is done"
    await h.wait_settled(job.id)


async def test_a_song_finished_during_a_restart_finds_the_card_a_stopped_process_may_have_posted(h):
    """Its card is shown again (the same nonce gets Discord's first message) before the song is posted,
    so that the card can be removed after it instead of staying behind unrecorded."""
    h.api.on_next_task(TaskBehaviour(generating_s=0.3))
    h.publisher.show_failures = 10_000  # the first process never records a card
    await h.start()
    job = await h.enqueue()
    await h.wait_for(job.id, lambda j: j.state is JobState.SUBMITTED)
    await h.stop()
    await asyncio.sleep(0.6)  # the song finishes while no process runs
    h.publisher.show_failures = 0
    await h.start()
    done = await h.wait_settled(job.id)
    assert done.state is JobState.DELIVERED and done.status_message_id is not None
    shown = [state for job_id, state, _ in h.publisher.shown if job_id == job.id]
    assert shown[0] is JobState.COMPLETED and shown[-1] is JobState.DELIVERED, shown
