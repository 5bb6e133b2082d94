"""Where real bots run: two processes, one per shard of two, on one database (PostgreSQL in its pass),
the fake Discord routing each server's interactions to its shard's session. 200 songs across 8
servers; one process is SIGKILLed mid-run; every song is submitted once and posted once, and the
survivor finishes the dead process's jobs (whatever shard their servers are on) within the lease."""

import asyncio
import re
import time

import aiohttp

from bot.core.database import Database
from fakes.audio import make_mp3
from fakes.music_api import RequestFault, TaskBehaviour
from tests.e2e.harness import REPORT, Stack, running_stack
from tests.e2e.test_operations import free_port, sample
from tests.support.databases import on_postgres, open_test_database

SONGS = 200
SERVERS_PER_SHARD = 4
MEMBERS = 5
LEASE_S = 3.0
MARGIN_S = 5.0
STEPS = ("submit", "poll", "deliver", "notify")


async def request_song(stack: Stack, member, channel, lyrics: str, reference) -> int:
    ix = await stack.discord.slash_command(user=member, channel=channel, name="song create",
                                           options={"reference": reference, "lyrics": lyrics})
    followup = (await ix.wait_followups(1, timeout=30))[0]
    assert "Queued as job" in followup.content, followup.content
    return int(followup.content.split("job ")[1].split(".")[0])


async def until(check, timeout: float, what: str, every: float = 0.1):
    """Wait until the (async) check returns something true; returns it."""
    deadline = time.monotonic() + timeout
    while not (result := await check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out: {what}")
        await asyncio.sleep(every)
    return result


async def scrape(port: int) -> str:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/metrics") as response:
        assert response.status == 200
        return await response.text()


async def test_two_sharded_processes_deliver_200_songs_once_and_the_survivor_takes_over_a_killed_ones_jobs(
        tmp_path):
    places = []  # (shard, channel, members)

    def servers_on_both_shards(stack: Stack) -> None:
        fake = stack.discord
        for n in range(2 * SERVERS_PER_SHARD):
            shard = n % 2
            guild = fake.add_guild(f"Server {n} (shard {shard})", shard=shard)
            places.append((shard, fake.add_channel(guild, "songs"),
                           [fake.add_member(guild, f"member{n}-{i}") for i in range(MEMBERS)]))

    ports = (free_port(), free_port())
    async with running_stack(
        tmp_path, discord_options={"shards": 2, "max_concurrency": 2}, prepare=servers_on_both_shards,
        SHARD_COUNT="2", SHARD_IDS="0", PROCESS_NAME="e2e-shard-0", METRICS_PORT=str(ports[0]),
        LEASE_SECONDS=str(LEASE_S), POLL_TIMEOUT_SECONDS="60", DEFAULT_DAILY_QUOTA="100",
        MAX_UNFINISHED_PER_MEMBER="100", MAX_UNFINISHED_PER_SERVER="200", COOLDOWN_SECONDS="0",
        DISCORD_REQUESTS_PER_SECOND="200",
    ) as stack:
        fake = stack.discord
        second = stack.add_process()
        second.env.update(SHARD_IDS="1", PROCESS_NAME="e2e-shard-1", METRICS_PORT=str(ports[1]))
        await stack.start_bot(second)
        await fake.wait_until_connected(shards=[0, 1], timeout=15)
        assert sorted(s.shard for s in fake.sessions if s.live) == [[0, 2], [1, 2]]
        for shard, channel, _ in places:
            assert fake.shard_of(channel.guild_id) == shard
        processes = {stack.bot.process.pid: (stack.bot, 0, ports[0]), second.process.pid: (second, 1, ports[1])}

        db: Database = await open_test_database(stack.data_dir / "songjam.db")
        try:
            async def value(sql, params=()):
                return (await db.fetch_all(sql, params))[0][0]

            seats = [(channel, member) for _, channel, members in places for member in members]
            async with db.transaction() as tx:  # rights confirmed beforehand
                await tx.execute(
                    "INSERT INTO rights_confirmations (guild_id, user_id, confirmed_at) VALUES "
                    + ", ".join(["(?, ?, ?)"] * len(seats)),
                    [v for channel, member in seats for v in (channel.guild_id, member.id, time.time())])

            # Long enough generations that many songs are in flight at the kill; small songs.
            stack.api.on_next_task(TaskBehaviour(generating_s=(2.0, 5.0), audio_seconds=2.0), times=None)
            # One song's first poll never gets an answer: the process polling it holds its lease when killed.
            hung = stack.api.add_fault(RequestFault(endpoint="poll", hang=True, times=1, prompt_contains="held"))
            reference = stack.attach("ref.mp3", make_mp3(20.0))
            jobs: dict[int, tuple[str, object]] = {}

            async def one(n):
                channel, member = seats[n % len(seats)]
                lyrics = f"song {n} {'held' if n == 3 else 'free'}"
                await asyncio.sleep(0.01 * n)
                jobs[await request_song(stack, member, channel, lyrics, reference)] = (lyrics, channel)

            started = time.monotonic()
            await asyncio.gather(*(one(n) for n in range(SONGS)))
            queued_s = time.monotonic() - started

            # Kill once every song is past its submit (none lost mid-submit), some are posted, and the
            # hung poll holds one.
            async def ready_to_kill():
                return hung.seen >= 1 and await value(
                    "SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'submitting')") == 0 and await value(
                    "SELECT COUNT(*) FROM jobs WHERE state = 'delivered'") >= 10
            await until(ready_to_kill, 30, "every song submitted, some delivered")
            owner = await value("SELECT lease_owner FROM jobs WHERE prompt_text LIKE ?", ("%held%",))
            victim, victim_shard, _ = processes[int(owner.split("-")[-2])]
            survivor, _, survivor_port = next(p for pid, p in processes.items() if p[0] is not victim)
            await victim.kill()
            killed_at = time.monotonic()
            leased = [tuple(row) for row in await db.fetch_all(
                "SELECT id, guild_id FROM jobs WHERE lease_owner = ? AND next_attempt_at IS NOT NULL", (owner,))]
            delivered_at_kill = await value("SELECT COUNT(*) FROM jobs WHERE state = 'delivered'")
            in_flight_at_kill = SONGS - delivered_at_kill
            assert leased, "the killed process held leases"
            leased_ids = [job_id for job_id, _ in leased]

            async def dead_ones_done():
                return await value(
                    f"SELECT COUNT(*) FROM jobs WHERE state = 'delivered' AND id IN ({', '.join('?' * len(leased))})",
                    leased_ids) == len(leased)
            await until(dead_ones_done, LEASE_S + 20, "the killed process's jobs taken over")
            takeover_s = time.monotonic() - killed_at
            async def all_delivered():
                return await value("SELECT COUNT(*) FROM jobs WHERE state = 'delivered'") == SONGS
            await until(all_delivered, 60, "every song delivered")
            finished_s = time.monotonic() - started
            await asyncio.sleep(0.5)  # anything posted twice would show up now
            refunded = await value("SELECT COUNT(*) FROM jobs WHERE refunded <> 0")
            states = {row[0]: row[1] for row in await db.fetch_all("SELECT state, COUNT(*) FROM jobs GROUP BY state")}
        finally:
            await db.close()

        assert len(jobs) == SONGS
        per_prompt = stack.api.counters.submits_by_prompt
        for job_id, (lyrics, channel) in jobs.items():
            assert len(stack.songs_for(job_id, channel)) == 1, f"job {job_id} was not posted exactly once"
            assert per_prompt[f"##{lyrics}##"] == 1, f"job {job_id} was submitted {per_prompt[f'##{lyrics}##']} times"
        assert stack.api.counters.submits == SONGS, "one submit per song"
        assert refunded == 0 and states == {"delivered": SONGS}, states
        assert takeover_s < LEASE_S + MARGIN_S, f"took {takeover_s:.1f} s to take over (lease {LEASE_S:g} s)"
        assert survivor.process.returncode is None and "Traceback" not in survivor.logs()
        taken_over = re.findall(r"job (\d+) taken over \((\w+)\) from " + re.escape(owner), survivor.logs())
        assert sorted(int(job_id) for job_id, _ in taken_over) == sorted(leased_ids), "each taken over once"
        metrics = await scrape(survivor_port)
        counted = sum(sample(metrics, "songjam_leases_taken_over_total", step=step) for step in STEPS)
        assert counted == len(leased), metrics
        on_other_shard = sum(1 for _, guild_id in leased if fake.shard_of(guild_id) != victim_shard)
        REPORT.append(
            f"sharded processes ({'PostgreSQL' if on_postgres() else 'SQLite'}): {SONGS} songs in "
            f"{2 * SERVERS_PER_SHARD} servers ({SERVERS_PER_SHARD} per shard, 2 shards, one process each), "
            f"all queued in {queued_s:.1f} s; SIGKILL of the shard-{victim_shard} process with {delivered_at_kill} "
            f"delivered ({in_flight_at_kill} in flight) and {len(leased)} job(s) leased by it ({on_other_shard} "
            f"in servers of the other shard); the survivor delivered them within {takeover_s:.1f} s of the kill "
            f"(lease {LEASE_S:g} s; songjam_leases_taken_over_total {counted:g}); all delivered {finished_s:.1f} s "
            f"after the first request; each posted once, {stack.api.counters.submits} submits, none refunded")

