"""Two bot processes on one database and one Discord: SIGKILL one mid-run, the other finishes its work;
every song is submitted once and posted once."""

import asyncio
import time

from fakes.audio import make_mp3
from fakes.music_api import RequestFault, TaskBehaviour
from tests.e2e.harness import REPORT, route_interactions_to_one_session, running_stack
from tests.support.databases import execute, query

GUILDS = 4
MEMBERS = 3
SONGS_BEFORE_KILL = 24
SONGS_AFTER_KILL = 16
LEASE_S = 3.0


def db_rows(stack, sql, params=()):
    """Rows as tuples, on the test's database (SQLite or PostgreSQL)."""
    return [tuple(row.values()) for row in query(stack.data_dir / "songjam.db", sql, params)]


async def request_song(stack, member, channel, lyrics, reference):
    ix = await stack.discord.slash_command(user=member, channel=channel, name="song create",
                                           options={"reference": reference, "lyrics": lyrics})
    followup = (await ix.wait_followups(1, timeout=15))[0]
    assert "Queued as job" in followup.content, followup.content
    return int(followup.content.split("job ")[1].split(".")[0])


async def until(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out: {what}")
        await asyncio.sleep(0.05)


async def test_two_processes_share_the_songs_and_the_survivor_finishes_a_killed_ones_jobs(tmp_path):
    async with running_stack(tmp_path, LEASE_SECONDS=str(LEASE_S), POLL_TIMEOUT_SECONDS="60",
                             MAX_UNFINISHED_PER_SERVER="50") as stack:
        fake = stack.discord
        received = route_interactions_to_one_session(fake)
        places = [(stack.channel, [stack.alice, stack.bob, fake.add_member(stack.guild, "carol")])]
        for g in range(GUILDS - 1):
            guild = fake.add_guild(f"Server {g + 2}")
            places.append((fake.add_channel(guild, "songs"),
                           [fake.add_member(guild, f"member{g}{i}") for i in range(MEMBERS)]))
        seats = [(channel, member) for channel, members in places for member in members]
        execute(stack.data_dir / "songjam.db",  # rights confirmed beforehand
                "INSERT INTO rights_confirmations (guild_id, user_id, confirmed_at) VALUES "
                + ", ".join(["(?, ?, ?)"] * len(seats)),
                [v for channel, member in seats for v in (channel.guild_id, member.id, time.time())])
        second = stack.add_process()
        await stack.start_bot(second)
        processes = {stack.bot.process.pid: stack.bot, second.process.pid: second}

        stack.api.on_next_task(TaskBehaviour(generating_s=(1.0, 2.0)), times=None)
        # One song's first poll never gets an answer: the process polling it holds its lease when killed.
        hung = stack.api.add_fault(RequestFault(endpoint="poll", hang=True, times=1, prompt_contains="held"))
        reference = stack.attach("ref.mp3", make_mp3(20.0))
        jobs: dict[int, tuple[str, object]] = {}

        async def batch(first, count):
            async def one(n):
                channel, member = seats[n % len(seats)]
                lyrics = f"song {n} {'held' if n == 5 else 'free'}"
                await asyncio.sleep(0.02 * (n - first))
                jobs[await request_song(stack, member, channel, lyrics, reference)] = (lyrics, channel)
            await asyncio.gather(*(one(n) for n in range(first, first + count)))

        started = time.monotonic()
        await batch(0, SONGS_BEFORE_KILL)
        # Kill once every song so far is past its submit (so none is lost mid-submit), a few are posted,
        # and the hung poll holds one.
        await until(lambda: hung.seen >= 1 and not db_rows(
            stack, "SELECT 1 FROM jobs WHERE state IN ('pending', 'submitting')") and db_rows(
            stack, "SELECT COUNT(*) FROM jobs WHERE state = 'delivered'")[0][0] >= 5, 30, "submits done")
        [(held_job, owner)] = db_rows(stack, "SELECT id, lease_owner FROM jobs WHERE prompt_text LIKE '%held%'")
        victim_pid = int(owner.split("-")[-2])
        victim = processes[victim_pid]
        survivor = second if victim is stack.bot else stack.bot
        leased_at_kill = db_rows(stack, "SELECT id FROM jobs WHERE lease_owner = ?", (owner,))
        delivered_at_kill = db_rows(stack, "SELECT COUNT(*) FROM jobs WHERE state = 'delivered'")[0][0]
        await victim.kill()
        killed_at = time.monotonic()
        await until(lambda: sum(s.connection is not None for s in fake.gateway.sessions.values()) == 1, 10,
                    "the fake notices the dead session")
        await batch(SONGS_BEFORE_KILL, SONGS_AFTER_KILL)  # all of these reach the survivor

        await until(lambda: db_rows(stack, "SELECT state FROM jobs WHERE id = ?", (held_job,))[0][0] == "delivered",
                    LEASE_S + 15, "the killed process's job taken over")
        takeover_s = time.monotonic() - killed_at
        await until(lambda: db_rows(stack, "SELECT COUNT(*) FROM jobs WHERE state = 'delivered'")[0][0] == len(jobs),
                    60, "every song delivered")
        finished_s = time.monotonic() - started
        await asyncio.sleep(0.5)  # anything posted twice would show up now

        per_prompt = stack.api.counters.submits_by_prompt
        for job_id, (lyrics, channel) in jobs.items():
            assert len(stack.songs_for(job_id, channel)) == 1, f"job {job_id} was not posted exactly once"
            assert per_prompt[f"##{lyrics}##"] == 1, f"job {job_id} was submitted {per_prompt[f'##{lyrics}##']} times"
        assert stack.api.counters.submits == len(jobs) == SONGS_BEFORE_KILL + SONGS_AFTER_KILL
        assert not db_rows(stack, "SELECT 1 FROM jobs WHERE refunded = 1")
        assert takeover_s < LEASE_S + 5, f"took {takeover_s:.1f} s to take over"
        assert survivor.process.returncode is None and "Traceback" not in survivor.logs()
        REPORT.append(
            f"two processes: {len(jobs)} songs in {GUILDS} servers, interactions per session "
            f"{sorted(received.values())}; SIGKILL of one with {delivered_at_kill} delivered and "
            f"{len(leased_at_kill)} job(s) leased by it; its hung job taken over and delivered {takeover_s:.1f} s "
            f"later (lease {LEASE_S:g} s); all delivered {finished_s:.1f} s after the first request; each posted "
            f"once, {stack.api.counters.submits} submits for {len(jobs)} jobs, none refunded")
