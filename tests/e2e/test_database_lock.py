"""Another program locks the bot's database for 10 s (a backup, an operator's shell) mid-song.

On SQLite it holds `BEGIN EXCLUSIVE` on the file; on PostgreSQL the bots' write lock and
`LOCK TABLE jobs IN EXCLUSIVE MODE` (tests/support/db_lock.py says why), from its own process.
"""

import asyncio
import sys

from bot.core.postgres import WRITE_LOCK
from bot.songs.ui.cog import DATABASE_BUSY_MESSAGE
from fakes.audio import make_mp3
from fakes.music_api import Timing
from tests.e2e.harness import running_stack
from tests.support.databases import database_url, on_postgres, query
from tests.support.db_lock import POSTGRES_LOCK

LOCK_SECONDS = 10.0
# Run as its own process: BEGIN EXCLUSIVE, say so, hold it, give it back.
LOCKER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("ROLLBACK")
db.close()
"""
POSTGRES_LOCKER = f"""
import asyncio, sys
import asyncpg
async def main():
    db = await asyncpg.connect(sys.argv[1])
    async with db.transaction():
        await db.execute({POSTGRES_LOCK[0]!r}, {WRITE_LOCK})
        await db.execute({POSTGRES_LOCK[1]!r})
        print("locked", flush=True)
        await asyncio.sleep(float(sys.argv[2]))
        raise SystemExit(0)
asyncio.run(main())
"""


def jobs_of(stack, member):
    rows = query(stack.data_dir / "songjam.db", "SELECT COUNT(*) AS n FROM jobs WHERE user_id = ?", (member.id,))
    return rows[0]["n"]


async def test_a_paid_song_survives_a_locked_database_and_a_new_song_is_turned_away_privately(tmp_path):
    async with running_stack(tmp_path) as stack:
        rights = await stack.discord.slash_command(user=stack.discord.owner, channel=stack.channel,
                                                   name=["songadmin", "settings", "rights"],
                                                   options={"required": False})
        await rights.wait_response()  # no rights prompt: bob's command needs no write before its answer
        stack.api.timing = Timing(post_delay_s=3.0)  # the submit is out when the lock comes, and answers during it

        ix = await stack.create_song(stack.alice, "locked out", stack.attach("ref.mp3", make_mp3(20.0)))
        followup = (await ix.wait_followups(1, timeout=10))[0]
        assert "Queued as job" in followup.content, followup.content
        job_id = int(followup.content.split("job ")[1].split(".")[0])
        await stack.wait_row(job_id, lambda r: r["state"] == "submitting" and r["status_message_id"] is not None)

        locker = await asyncio.create_subprocess_exec(
            sys.executable, "-c", POSTGRES_LOCKER if on_postgres() else LOCKER,
            database_url(stack.data_dir / "songjam.db") if on_postgres() else str(stack.data_dir / "songjam.db"),
            str(LOCK_SECONDS),
            stdout=asyncio.subprocess.PIPE,
        )
        try:
            assert (await asyncio.wait_for(locker.stdout.readline(), 10)).strip() == b"locked"
            bob = await stack.discord.slash_command(
                user=stack.bob, channel=stack.channel, name="song create",
                options={"reference": stack.attach("ref.mp3", make_mp3(20.0)), "lyrics": "during the lock"},
            )
            first = await bob.wait_response()
            assert first.latency < 3.0
            answer = (await bob.wait_followups(1, timeout=3 * LOCK_SECONDS))[0]
            assert answer.ephemeral and answer.content == str(DATABASE_BUSY_MESSAGE)
            assert stack.job_row(job_id)["generation_id"] is None, "the lock is still held"
            assert await asyncio.wait_for(locker.wait(), 3 * LOCK_SECONDS) == 0
        finally:
            if locker.returncode is None:
                locker.kill()
                await locker.wait()

        song = await stack.wait_song(job_id, timeout=40)
        assert song.attachments[0].data == stack.api.only_task().audio
        row = await stack.wait_row(job_id, lambda r: r["state"] == "delivered")
        assert row["generation_id"] == stack.api.only_task().id and row["refunded"] == 0
        await asyncio.sleep(1.0)
        assert len(stack.songs_for(job_id)) == 1, "posted exactly once"
        assert stack.api.counters.submit_requests == 1 and stack.api.counters.submits == 1
        assert jobs_of(stack, stack.bob) == 0, "nothing charged to the member turned away"
        assert stack.bot.starts == 1 and stack.bot.process.returncode is None, "the bot never restarted"
        logs = stack.bot.logs()
        assert "database is busy" in logs and row["generation_id"] in logs
