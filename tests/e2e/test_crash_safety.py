"""SIGKILL the bot at each stage of a job and start it again: every song arrives once, nothing is paid twice."""

from fakes.audio import make_mp3
from fakes.music_api import TaskBehaviour
from tests.e2e.harness import REPORT, running_stack

ROUNDS = 4
STAGES = ("submitted", "generating", "posted")


async def start_song(stack, lyrics):
    ix = await stack.create_song(stack.alice, lyrics, stack.attach("ref.mp3", make_mp3(20.0)))
    followup = (await ix.wait_followups(1, timeout=10))[0]
    assert "Queued as job" in followup.content, followup.content
    return int(followup.content.split("job ")[1].split(".")[0])


async def reach(stack, job_id, stage):
    if stage == "submitted":
        await stack.wait_row(job_id, lambda r: r["state"] == "submitted")
    elif stage == "generating":
        await stack.wait_row(job_id, lambda r: r["api_status"] == "generating")
    else:  # the song message exists; the database may or may not say so yet
        await stack.wait_public(lambda m: f"job {job_id} is ready" in m.content)


async def test_sigkill_at_every_stage_delivers_each_song_exactly_once(tmp_path):
    async with running_stack(tmp_path) as stack:
        # Long enough generations that a poll sees "generating" before the kill.
        stack.api.on_next_task(TaskBehaviour(generating_s=3.0), prompt_contains="generating", times=None)
        stack.api.on_next_task(TaskBehaviour(generating_s=1.0), times=None)
        jobs: dict[int, str] = {}
        kills = 0
        for round_no in range(ROUNDS):
            for stage in STAGES:
                lyrics = f"round {round_no} killed when {stage}"
                job_id = await start_song(stack, lyrics)
                jobs[job_id] = lyrics
                await reach(stack, job_id, stage)
                await stack.restart_bot()
                kills += 1
                await stack.wait_row(job_id, lambda r: r["state"] == "delivered", timeout=30)
        for job_id in jobs:
            await stack.wait_delivered(job_id)
        await stack.restart_bot()  # one more start over a database of finished jobs: nothing is replayed
        kills += 1

        per_prompt = stack.api.counters.submits_by_prompt
        for job_id, lyrics in jobs.items():
            assert len(stack.songs_for(job_id)) == 1, f"job {job_id} ({lyrics}) was not posted exactly once"
            assert per_prompt[f"##{lyrics}##"] == 1, f"job {job_id} was submitted {per_prompt[f'##{lyrics}##']} times"
            assert stack.job_row(job_id)["refunded"] == 0
        cards = {job_id: [m.deleted for m in stack.cards(job_id)] for job_id in jobs}
        # At most one card per song, gone once the song is posted. (A song that finished while the bot
        # was down is posted at once after the restart, without a card first.)
        assert all(deleted in ([True], []) for deleted in cards.values()), f"one card per song at most: {cards}"
        assert sum(len(deleted) for deleted in cards.values()) >= len(jobs) - ROUNDS, cards
        assert len(stack.public_messages()) == len(jobs), "one message per song stays"
        assert stack.api.counters.submits == len(jobs)
        REPORT.append(f"crash safety: {kills} SIGKILL/restart cycles, {len(jobs)} songs each delivered exactly "
                      f"once, {stack.api.counters.submits} submits for {len(jobs)} jobs")
