"""Delivery through the real bot process: a song Discord keeps refusing ends refunded with its link, a
post whose answer was lost is not repeated after a restart, and a crash's leftovers are swept."""

from fakes.audio import make_mp3
from fakes.music_api import TaskBehaviour
from tests.e2e.harness import running_stack


async def start_song(stack, lyrics="la la la"):
    ix = await stack.create_song(stack.alice, lyrics, stack.attach("ref.mp3", make_mp3(20.0)))
    followup = (await ix.wait_followups(1, timeout=10))[0]
    assert "Queued as job" in followup.content, followup.content
    return int(followup.content.split("job ")[1].split(".")[0])


async def test_a_post_discord_keeps_refusing_ends_refunded_and_the_member_gets_the_link(tmp_path):
    async with running_stack(tmp_path, DELIVERY_MAX_TRIES="3") as stack:
        stack.api.on_next_task(TaskBehaviour(generating_s=1.0))
        job_id = await start_song(stack)
        await stack.wait_submitted(job_id)
        refused = stack.discord.fail_next("POST", rf"/channels/{stack.channel.id}/messages", 400, times=None)

        row = await stack.wait_row(job_id, lambda r: r["state"] == "failed", timeout=40)
        assert row["refunded"] == 1 and row["delivery"] == "none" and row["delivery_attempts"] == 3
        assert refused.hits == 3, "each try posted once, then the bot gave up"
        dm = await stack.discord.wait_for_dm(stack.alice, lambda m: row["result_url"] in m.content, timeout=10)
        assert f"job {job_id} failed" in dm.content and "expires" in dm.content and "credit is back" in dm.content
        assert stack.songs_for(job_id) == []
        assert not list((stack.data_dir / "results").glob("*")), "no file is left behind"
        await stack.wait_status(job_id, "failed")


async def test_a_post_that_went_out_unrecorded_is_not_posted_again_after_a_restart(tmp_path):
    async with running_stack(tmp_path) as stack:
        stack.api.on_next_task(TaskBehaviour(generating_s=1.0))
        job_id = await start_song(stack)
        await stack.wait_submitted(job_id)
        # Discord creates the song message, but the bot dies before it hears back.
        stack.discord.fail_next("POST", rf"/channels/{stack.channel.id}/messages", 503, handled=True, delay=5)
        song = await stack.wait_song(job_id)
        await stack.bot.kill()
        row = stack.job_row(job_id)
        assert row["state"] == "completed" and row["delivery_attempts"] == 1, "the try was recorded before the post"

        stack.discord.advance_time(6 * 60)  # a long outage: Discord's nonce no longer stops a repeat
        await stack.start_bot()

        row = await stack.wait_row(job_id, lambda r: r["state"] == "delivered")
        assert row["delivery_message_id"] == song.id and row["delivery"] == "reply"
        assert len(stack.songs_for(job_id)) == 1, "the song is posted once"
        assert stack.api.counters.submits == 1 and row["refunded"] == 0
        await stack.wait_delivered(job_id)


async def test_a_crashs_partial_and_orphan_files_are_swept_at_start(tmp_path):
    async with running_stack(tmp_path) as stack:
        await stack.bot.kill()
        results, incoming = stack.data_dir / "results", stack.data_dir / "incoming"
        results.mkdir(exist_ok=True)
        incoming.mkdir(exist_ok=True)
        leftovers = [results / "job-7.part", results / "job-8.mp3", incoming / "reference-k2j3.part"]
        for path in leftovers:
            path.write_bytes(b"half a song")

        await stack.start_bot()

        assert [path for path in leftovers if path.exists()] == []
        assert "swept 3 orphan file(s)" in stack.bot.logs()
