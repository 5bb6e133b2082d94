"""What the music service says reaches members only masked, capped and escaped, and only privately."""

from fakes.audio import make_mp3
from fakes.music_api import TaskBehaviour
from tests.e2e.harness import API_KEY, TOKEN, card_text

LIMIT = 2000


async def test_an_api_error_is_generic_in_public_and_masked_in_song_status(stack):
    nasty = (f"**Boom** @everyone <@&1> key {API_KEY} token {TOKEN} Bearer s3cr3t-b3ar3r-t0k3n "
             "via http://10.20.30.40:9000/worker " + "w" * 5000)
    stack.api.on_next_task(TaskBehaviour(outcome="error", error_message=nasty))
    ix = await stack.create_song(stack.alice, "la la la", stack.attach("ref.mp3", make_mp3(20.0)))
    followup = (await ix.wait_followups(1, timeout=10))[0]
    job_id = int(followup.content.split("job ")[1].split(".")[0])

    status = await stack.wait_status(job_id, "failed")
    assert "The music service could not make this song. Your credit is back." in card_text(status)
    hidden = (API_KEY, TOKEN, "s3cr3t-b3ar3r-t0k3n", "10.20.30.40", "@everyone", "<@&1>")
    assert [m.id for m in stack.public_messages()] == [status.id], "the card is all that is public"
    assert "Boom" not in card_text(status) and not any(text in card_text(status) for text in hidden)
    dm = await stack.discord.wait_for_dm(stack.alice, lambda m: f"job {job_id} failed" in m.content, timeout=10)
    assert r"The music service said: \*\*Boom\*\*" in dm.content and len(dm.content) <= LIMIT
    assert not any(text in dm.content for text in hidden), "masked even in private"

    asked = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song status",
                                              options={"job": job_id})
    details = await asked.wait_response()
    content = details.data["content"]
    assert details.ephemeral and len(content) <= LIMIT
    assert r"The music service said: \*\*Boom\*\*" in content
    assert r"\[redacted\]" in content and "[internal address]" in content.replace("\\", "")
    assert not any(text in content for text in hidden)
    row = await stack.wait_row(job_id, lambda r: r["state"] == "failed")
    assert row["refunded"] == 1 and API_KEY not in row["failure_detail"]
    assert API_KEY not in stack.bot.logs() and TOKEN not in stack.bot.logs()
