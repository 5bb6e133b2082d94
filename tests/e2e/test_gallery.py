"""`/song gallery`: the server's posted songs, newest first or by jam votes, with jump links and page buttons."""

import asyncio
import time

from fakes.audio import make_mp3
from tests.support.databases import execute

LINK = "https://discord.com/channels/{guild}/{channel}/{message}"


def seed(stack, *, songs: int, votes: dict[int, int]) -> float:
    """`songs` more songs posted in the channel (jobs 2.., even ones alice's, odd ones bob's, job n posted at
    the returned time - 500 + n), a DM-delivered and an unfinished one that are never listed, and a closed
    jam whose entries got `votes` (job id -> votes)."""
    db, now = stack.data_dir / "songjam.db", time.time()
    execute(db, "INSERT INTO jams (guild_id, channel_id, host_id, theme, entries_per_member, state, started_at,"
                " ends_at, closed_at) VALUES (?, ?, ?, 'Rain', 1, 'closed', ?, ?, ?)",
            (stack.guild.id, stack.channel.id, stack.alice.id, now - 7200, now - 60, now - 60))
    rows = [(f"seeded song {n}", "delivered", "reply", 9000 + n) for n in range(2, songs + 2)]
    rows += [("sent by dm", "delivered", "dm", 8000), ("still cooking", "pending", None, None)]
    for n, (lyrics, state, delivery, message_id) in enumerate(rows, start=2):
        member = (stack.alice, stack.bob)[n % 2]
        execute(db, "INSERT INTO jobs (guild_id, channel_id, user_id, model, prompt_text, reference_url,"
                    " reference_name, state, delivery, delivery_message_id, jam_id, created_at, finished_at,"
                    " expires_at) VALUES (?, ?, ?, 'minimax-music', ?, 'https://x.invalid/r.mp3', 'r.mp3', ?, ?, ?, ?,"
                    " ?, ?, ?)",
                (stack.guild.id, stack.channel.id, member.id, lyrics, state, delivery, message_id,
                 1 if n in votes else None, now - 600 + n, now - 500 + n, now + 86400))
    voter = 1000
    for job_id, count in votes.items():
        for _ in range(count):
            voter += 1
            execute(db, "INSERT INTO jam_votes (jam_id, voter_id, job_id, voted_at) VALUES (1, ?, ?, ?)",
                    (voter, job_id, now - 100))
    return now


async def test_the_gallery_pages_through_recent_songs_and_ranks_the_top_by_jam_votes(stack):
    ix = await stack.create_song(stack.alice, "Rain on the window / all night long", stack.attach(
        "ref.mp3", make_mp3(20.0)))
    await ix.wait_response()
    song = await stack.wait_song(1)  # job 1, posted by the bot for real
    await stack.wait_row(1, lambda row: row["state"] == "delivered")  # recorded just after the post
    now = seed(stack, songs=11, votes={3: 2, 5: 1, 7: 2})

    def posted(n: int) -> str:
        return f"<t:{int(now - 500 + n)}:R>"

    link = LINK.format(guild=stack.guild.id, channel=stack.channel.id, message="{}")

    command = await stack.discord.slash_command(user=stack.bob, channel=stack.channel, name="song gallery")
    first = await command.wait_response()
    assert first.type == 4 and first.ephemeral and first.data["allowed_mentions"]["parse"] == []
    head, *lines = first.data["content"].splitlines()
    assert head == "**Recent songs here** (1–10 of 12, page 1 of 2)"
    assert lines[0] == f"**1.** [seeded song 12]({link.format(9012)}) · <@{stack.alice.id}> · {posted(12)}"
    assert lines[1] == f"**2.** [seeded song 11]({link.format(9011)}) · <@{stack.bob.id}> · {posted(11)}"
    assert [line.split("](")[0] for line in lines] == [f"**{n}.** [seeded song {13 - n}" for n in range(1, 11)]
    page = stack.discord.messages(stack.channel)[-1]
    assert page.ephemeral and not page.mentions and page.custom_ids() == [
        "songjam:gallery:recent:0", "songjam:gallery:top:0", "songjam:gallery:recent:0:prev",
        "songjam:gallery:recent:1:next"]
    assert page.find_component("songjam:gallery:recent:0")["disabled"], "the view shown is the current tab"

    await asyncio.sleep(0.05)
    turned = await (await stack.discord.click_button(
        user=stack.bob, message=page, custom_id="songjam:gallery:recent:1:next")).wait_response()
    delivered = stack.job_row(1)["finished_at"]
    assert turned.type == 7 and turned.data["content"].splitlines() == [
        "**Recent songs here** (11–12 of 12, page 2 of 2)",
        f"**11.** [seeded song 2]({link.format(9002)}) · <@{stack.alice.id}> · {posted(2)}",
        f"**12.** [Rain on the window]({link.format(song.id)}) · <@{stack.alice.id}> · <t:{int(delivered)}:R>",
    ]
    assert "sent by dm" not in turned.data["content"] and "still cooking" not in turned.data["content"]
    assert stack.discord.message(page.id).find_component("songjam:gallery:recent:1:next")["disabled"]

    top = await (await stack.discord.click_button(
        user=stack.bob, message=page, custom_id="songjam:gallery:top:0")).wait_response()
    head, *lines = top.data["content"].splitlines()
    assert head == "**Top songs here, by jam votes** (1–3 of 3, page 1 of 1)"
    assert [line.split("](")[0] for line in lines] == [  # 2, 2 (the newer first), then 1
        "**1.** [seeded song 7", "**2.** [seeded song 3", "**3.** [seeded song 5"]
    assert lines[0].endswith(" · 2 votes") and lines[2].endswith(" · 1 vote")
    assert f"({link.format(9007)})" in lines[0]
    assert stack.discord.message(page.id).custom_ids() == ["songjam:gallery:recent:0", "songjam:gallery:top:0"]


async def test_an_empty_gallery_says_how_songs_get_there(stack):
    command = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song gallery")
    answer = await command.wait_response()
    assert answer.ephemeral and "/song create" in answer.data["content"]
    page = stack.discord.messages(stack.channel)[-1]
    await asyncio.sleep(0.05)
    top = await (await stack.discord.click_button(
        user=stack.alice, message=page, custom_id="songjam:gallery:top:0")).wait_response()
    assert "No song here has jam votes yet" in top.data["content"]
