"""`/song create` while another program holds the database: a private "busy" answer, nothing charged."""

import logging
import sqlite3

import pytest

from bot.songs.ui.cog import DATABASE_BUSY_MESSAGE
from tests.support.db_lock import holding_exclusively, set_busy_timeout
from tests.support.live_bot import live_world


def locked():
    return sqlite3.OperationalError("database is locked")


async def job_count(bot):
    return await bot.database.fetch_value("SELECT COUNT(*) FROM jobs")


@pytest.fixture
async def world(tmp_path):
    async with live_world(tmp_path) as world:
        yield world


async def no_rights_prompt(world, bot):
    await bot.moderation.set_rights_required(world.fake.owner.id, world.guild.id, False)


async def test_a_locked_database_at_the_charge_gets_the_busy_answer_and_charges_nothing(world, caplog):
    member = world.fake.add_member(world.guild, "alice")
    async with world.running() as bot:
        await no_rights_prompt(world, bot)
        await set_busy_timeout(bot.database, 300)
        with caplog.at_level(logging.WARNING):
            async with holding_exclusively(world.tmp / "songjam.db"):
                answer = await world.reply_to(member, "song create", reference=world.reference(), lyrics="la la")
        assert answer.content == str(DATABASE_BUSY_MESSAGE) and answer.ephemeral
        assert await job_count(bot) == 0
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "no traceback"
        # The database is back: the same command works.
        answer = await world.reply_to(member, "song create", reference=world.reference(), lyrics="la la")
        assert answer.content.startswith("Queued as job")


async def test_a_locked_database_during_the_moderation_checks_gets_the_busy_answer(world, monkeypatch, caplog):
    member = world.fake.add_member(world.guild, "alice")
    async with world.running() as bot:
        async def admit(*args, **kwargs):
            raise locked()

        monkeypatch.setattr(bot.moderation, "admit", admit)
        with caplog.at_level(logging.WARNING):
            interaction = await world.command(member, "song create", reference=world.reference(), lyrics="la la")
            response = await interaction.wait_response()
            answer = await interaction.wait_original(timeout=5)
        assert response.ephemeral and response.type == 5 and response.latency < 3.0
        assert answer.ephemeral and answer.content == str(DATABASE_BUSY_MESSAGE)
        assert await job_count(bot) == 0
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "no traceback"


async def test_a_locked_database_before_the_song_form_gets_the_busy_answer(world, monkeypatch):
    member = world.fake.add_member(world.guild, "alice")
    async with world.running() as bot:
        async def check_access(*args, **kwargs):
            raise locked()

        monkeypatch.setattr(bot.moderation, "check_access", check_access)
        response = await (await world.command(member, "song create")).wait_response()
        assert response.ephemeral and response.data["content"] == str(DATABASE_BUSY_MESSAGE)


async def test_any_other_command_meeting_a_locked_database_answers_busy_privately(world, monkeypatch, caplog):
    member = world.fake.add_member(world.guild, "alice")
    async with world.running() as bot:
        async def member_jobs(*args, **kwargs):
            raise locked()

        monkeypatch.setattr(bot.storage, "member_jobs", member_jobs)
        with caplog.at_level(logging.WARNING):
            response = await (await world.command(member, "song list")).wait_response()
        assert response.ephemeral and "busy" in response.data["content"]
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "no traceback"
