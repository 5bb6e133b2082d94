"""A bot that ran on SQLite moves to PostgreSQL with `python -m bot migrate-db` and carries on where it stopped.

Needs SONGJAM_TEST_POSTGRES (an unreachable server fails the test; it never skips then).
"""

import asyncio
import contextlib
import sqlite3
import sys

import discord

from fakes.audio import make_mp3
from fakes.music_api import TaskBehaviour
from tests.e2e.harness import REPO, running_stack
from tests.support.databases import database_url, postgres_only

MOD = discord.Permissions(manage_guild=True, manage_roles=True).value
THEME = "Songs about moving house"


async def answer(ix) -> str:
    """What the member is told privately: the reply, or the first follow-up after a deferral."""
    response = await ix.wait_response(timeout=10)
    if response.type == 5:
        return (await ix.wait_followups(1, timeout=10))[0].content
    return response.data["content"]


async def command(stack, user, name, **options) -> str:
    ix = await stack.discord.slash_command(user=user, channel=stack.channel, name=name, options=options)
    return await answer(ix)


async def what_members_see(stack, carol) -> dict[str, str]:
    return {
        "quota": await command(stack, stack.bob, "quota"),
        "ban": await command(stack, carol, "song create",
                             reference=stack.attach("ref.mp3", make_mp3(20.0)), lyrics="la la la"),
        "jam": await command(stack, stack.bob, "jam status"),
    }


def sqlite_rows(path, sql):
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute(sql)]


@postgres_only
async def test_the_bot_moves_to_postgresql_and_carries_on_where_it_stopped(tmp_path):
    sqlite_file = tmp_path / "data" / "songjam.db"
    target = database_url(tmp_path / "moved")
    async with running_stack(tmp_path, DATABASE_URL=f"sqlite:///{sqlite_file}") as stack:
        mod = stack.discord.add_member(stack.guild, "mod", permissions=MOD)
        carol = stack.discord.add_member(stack.guild, "carol")
        assert "3" in await command(stack, mod, ["songadmin", "quota", "default"], songs=3)
        await command(stack, mod, ["songadmin", "ban"], member=carol, reason="spam")
        start = await stack.discord.slash_command(user=mod, channel=stack.channel, name="jam start",
                                                  options={"theme": THEME, "duration": "1d"})
        await start.wait_response()
        await stack.wait_public(lambda m: THEME in m.content)

        # Alice's jam entry is at the music service when the bot stops.
        stack.api.on_next_task(TaskBehaviour(generating_s=4.0))
        ix = await stack.create_song(stack.alice, "moving day", stack.attach("ref.mp3", make_mp3(20.0)))
        queued = (await ix.wait_followups(1, timeout=10))[0].content
        assert "Queued as job" in queued, queued
        job_id = int(queued.split("job ")[1].split(".")[0])
        for _ in range(200):  # submitted within 10 s
            if sqlite_rows(sqlite_file, f"SELECT state FROM jobs WHERE id = {job_id}")[0]["state"] == "submitted":
                break
            await asyncio.sleep(0.05)
        else:
            raise AssertionError(f"job {job_id} was never submitted")
        before = await what_members_see(stack, carol)
        assert "3" in before["quota"] and THEME in before["jam"]
        assert "spam" in before["ban"], before["ban"]
        assert await stack.bot.stop() == 0
        assert sqlite_rows(sqlite_file, f"SELECT state FROM jobs WHERE id = {job_id}")[0]["state"] == "submitted"
        assert not stack.songs_for(job_id)

        # The operator's command, as the README gives it: the source is the one the settings name.
        migrate = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "migrate-db", "--to", target, cwd=REPO, env=stack.bot.env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await asyncio.wait_for(migrate.communicate(), 60)
        assert migrate.returncode == 0, (out + err).decode()
        printed = out.decode()
        assert "Stop the bot" in printed and "total" in printed and "jobs" in printed, printed

        # The same bot, now on PostgreSQL, against the same fakes.
        stack.bot.env["DATABASE_URL"] = target
        await stack.start_bot()
        assert "postgres" in target
        song = await stack.wait_song(job_id, timeout=30)
        assert song.attachments
        after = await what_members_see(stack, carol)
        assert after["quota"] == before["quota"]
        assert after["ban"] == before["ban"]
        assert THEME in after["jam"] and after["jam"].splitlines()[0] == before["jam"].splitlines()[0]
        await asyncio.sleep(1.0)  # a second delivery or submit would show by now
        assert len(stack.songs_for(job_id)) == 1, "the song is delivered once"
        assert stack.api.counters.submits == 1, "the job was not submitted again"
