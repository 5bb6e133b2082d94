"""Faults of the music API and of Discord: each job ends as the pipeline promises, and the member is told."""

import pytest

from fakes.audio import make_mp3
from fakes.music_api import RequestFault, TaskBehaviour
from tests.e2e.harness import card_text, running_stack


async def start_song(stack, lyrics="la la la", member=None):
    ix = await stack.create_song(member or stack.alice, lyrics, stack.attach("ref.mp3", make_mp3(20.0)))
    followup = (await ix.wait_followups(1, timeout=10))[0]
    assert "Queued as job" in followup.content, followup.content
    return int(followup.content.split("job ")[1].split(".")[0])


async def told(stack, job_id, words):
    """The card says what happened in public, and the member is told privately, by DM."""
    await stack.wait_status(job_id, words)
    return await stack.discord.wait_for_dm(
        stack.alice, lambda m: f"job {job_id}" in m.content and words in m.content, timeout=15)


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_a_busy_api_at_submit_is_told_plainly_and_costs_nothing(stack, status):
    stack.api.add_fault(RequestFault("submit", status=status, retry_after="5" if status == 429 else None))
    job_id = await start_song(stack)
    await told(stack, job_id, "busy right now, so nothing was charged")
    row = await stack.wait_row(job_id, lambda r: r["state"] == "failed")
    assert row["refunded"] == 1 and stack.api.counters.submits == 0 and stack.api.counters.submit_requests == 1
    await stack.wait_status(job_id, "failed")


async def test_a_failed_generation_is_refunded_with_the_reason(stack):
    stack.api.on_next_task(TaskBehaviour(outcome="error", error_shape="detail", error_message="Lyrics too long"))
    job_id = await start_song(stack)
    notice = await told(stack, job_id, "The music service could not make this song. Your credit is back.")
    assert "The music service said: Lyrics too long" in notice.content, "the service's words: for the member only"
    assert all("Lyrics too long" not in card_text(m) + m.content for m in stack.public_messages())
    row = await stack.wait_row(job_id, lambda r: r["state"] == "failed")
    assert row["refunded"] == 1
    status = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song status",
                                               options={"job": job_id})
    details = await status.wait_response()
    assert details.ephemeral and "The music service said: Lyrics too long" in details.data["content"]


async def test_a_poll_that_hangs_is_retried(tmp_path):
    async with running_stack(tmp_path, POLL_TIMEOUT_SECONDS="0.5") as stack:
        stack.api.add_fault(RequestFault("poll", hang=True, times=1))
        job_id = await start_song(stack)
        song = await stack.wait_song(job_id)
        assert song.attachments[0].data == stack.api.only_task().audio


async def test_flaky_polls_and_a_poll_429_still_deliver(stack):
    stack.api.on_next_task(TaskBehaviour(generating_s=1.0))
    stack.api.add_fault(RequestFault("poll", status=502, every=2, times=3))
    stack.api.add_fault(RequestFault("poll", status=429, retry_after="0.2", times=1))
    job_id = await start_song(stack)
    await stack.wait_song(job_id)


async def test_a_song_that_never_completes_expires_and_is_refunded(tmp_path):
    async with running_stack(tmp_path, JOB_TIMEOUT_MINUTES="0.03") as stack:
        stack.api.on_next_task(TaskBehaviour(outcome="never"))
        job_id = await start_song(stack)
        await told(stack, job_id, "did not finish your song in time")
        row = await stack.wait_row(job_id, lambda r: r["state"] == "expired")
        assert row["refunded"] == 1
        await stack.wait_status(job_id, "expired")


async def test_a_result_that_404s_is_refunded(stack):
    stack.api.on_next_task(TaskBehaviour(audio_missing=True))
    job_id = await start_song(stack)
    await told(stack, job_id, "expired before I could fetch it")
    assert (await stack.wait_row(job_id, lambda r: r["state"] == "failed"))["refunded"] == 1


async def test_discord_rate_limiting_the_post_still_delivers_once(stack):
    stack.discord.fail_next("POST", r"/channels/\d+/messages", 429, times=2, retry_after=0.3)
    job_id = await start_song(stack)
    await stack.wait_row(job_id, lambda r: r["state"] == "delivered")
    assert len(stack.songs_for(job_id)) == 1


async def test_a_song_the_bot_may_not_post_goes_to_the_member_by_dm(stack):
    stack.api.on_next_task(TaskBehaviour(generating_s=1.0))
    job_id = await start_song(stack)
    await stack.wait_submitted(job_id)
    stack.discord.set_bot_permissions(stack.channel, can_attach=False, can_send=False)
    dm = await stack.discord.wait_for_dm(stack.alice, lambda m: bool(m.attachments), timeout=20)
    assert dm.attachments[0].data == stack.api.only_task().audio
    row = await stack.wait_row(job_id, lambda r: r["state"] == "delivered")
    assert row["delivery"] == "dm"


async def test_a_deleted_channel_sends_the_song_by_dm(stack):
    stack.api.on_next_task(TaskBehaviour(generating_s=1.0))
    job_id = await start_song(stack)
    await stack.wait_submitted(job_id)
    stack.discord.delete_channel(stack.channel)
    dm = await stack.discord.wait_for_dm(stack.alice, lambda m: bool(m.attachments), timeout=20)
    assert dm.attachments[0].data == stack.api.only_task().audio
    assert (await stack.wait_row(job_id, lambda r: r["state"] == "delivered"))["delivery"] == "dm"


async def test_a_member_with_closed_dms_keeps_the_song_on_song_status(tmp_path):
    async with running_stack(tmp_path) as stack:
        carol = stack.discord.add_member(stack.guild, "carol", accepts_dms=False)
        stack.api.on_next_task(TaskBehaviour(generating_s=1.0))
        job_id = await start_song(stack, member=carol)
        stack.discord.delete_channel(stack.channel)
        row = await stack.wait_row(job_id, lambda r: r["state"] == "delivered")
        assert row["delivery"] == "none" and row["result_url"]
        other = stack.discord.add_channel(stack.guild, "other")
        ix = await stack.discord.slash_command(user=carol, channel=other, name="song status", options={"job": job_id})
        assert row["result_url"] in (await ix.wait_response()).data["content"]


async def test_a_file_over_the_upload_limit_is_posted_as_a_link(stack):
    stack.api.on_next_task(TaskBehaviour(audio_min_bytes=11 * 1024 * 1024))
    job_id = await start_song(stack)
    row = await stack.wait_row(job_id, lambda r: r["state"] == "delivered")
    assert row["delivery"] == "link"
    posts = [m for m in stack.public_messages() if "too large to upload" in m.content]
    assert len(posts) == 1 and row["result_url"] in posts[0].content
    assert [a.filename for a in posts[0].attachments] == [f"songjam-{job_id}-ref.png"], "the picture, not the file"
    await stack.wait_card_gone(job_id)


async def test_discord_refusing_the_file_as_too_large_falls_back_to_the_link(stack):
    stack.api.on_next_task(TaskBehaviour(generating_s=1.0))
    job_id = await start_song(stack)
    await stack.wait_submitted(job_id)
    stack.discord.fail_next("POST", r"/channels/\d+/messages", 413, times=1)  # the next post is the song
    row = await stack.wait_row(job_id, lambda r: r["state"] == "delivered")
    assert row["delivery"] == "link"
    assert stack.songs_for(job_id) == []


async def test_a_dropped_gateway_is_resumed_and_the_song_still_arrives(stack):
    stack.api.on_next_task(TaskBehaviour(generating_s=1.0))
    job_id = await start_song(stack)
    resumes = stack.discord.resumes
    await stack.discord.drop_gateway()
    await stack.wait_song(job_id)
    ix = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song list")
    assert f"`{job_id}`" in (await ix.wait_response(timeout=10)).data["content"]
    assert stack.discord.resumes == resumes + 1
