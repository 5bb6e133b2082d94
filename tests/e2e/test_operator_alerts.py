"""Operator alerts: a burst of refusals from the music API reaches the operator once, in Discord."""

import asyncio

from fakes.audio import make_mp3
from fakes.music_api import RequestFault
from tests.e2e.harness import running_stack


async def test_a_burst_of_402s_and_403s_is_alerted_once_in_the_operator_channel(tmp_path):
    def prepare(stack):
        stack.ops = stack.discord.add_channel(stack.guild, "ops")
        stack.bot.env["OPERATOR_CHANNEL_ID"] = str(stack.ops.id)

    async with running_stack(tmp_path, prepare=prepare) as stack:
        stack.api.add_fault(RequestFault("submit", status=402, times=2))
        stack.api.add_fault(RequestFault("submit", status=403, times=None))
        for n in range(4):
            ix = await stack.create_song(stack.alice, f"song {n}", stack.attach("ref.mp3", make_mp3(20.0)))
            await ix.wait_followups(1, timeout=10)
        for job_id in range(1, 5):
            await stack.wait_row(job_id, lambda row: row["state"] == "failed" and row["refunded"])
        await stack.discord.wait_for_message(stack.ops, lambda m: "refused the bot" in m.content, timeout=10)
        await asyncio.sleep(0.5)  # any second alert would be out by now
        alerts = [m for m in stack.discord.messages(stack.ops) if m.author.id == stack.discord.bot.id]
        assert len(alerts) == 1, [m.content for m in alerts]
        assert "HTTP 402" in alerts[0].content and "MUSIC_API_KEY" in alerts[0].content
        assert alerts[0].mentions == [] and not alerts[0].mention_everyone
        assert stack.discord.dm_messages(stack.discord.owner) == [], "the channel is set: no DM"
        assert stack.bot.logs().count("operator alert api-refused:") == 1
        assert "already sent" in stack.bot.logs()  # the later refusals are logged, not sent


async def test_without_an_operator_channel_the_application_owner_gets_a_dm(tmp_path):
    async with running_stack(tmp_path) as stack:
        stack.api.add_fault(RequestFault("submit", status=402, times=None))
        for n in range(2):
            ix = await stack.create_song(stack.alice, f"song {n}", stack.attach("ref.mp3", make_mp3(20.0)))
            await ix.wait_followups(1, timeout=10)
        dm = await stack.discord.wait_for_dm(stack.discord.owner, lambda m: "refused the bot" in m.content, timeout=10)
        await stack.wait_row(2, lambda row: row["state"] == "failed")
        await asyncio.sleep(0.5)
        assert len(stack.discord.dm_messages(stack.discord.owner)) == 1 and "out of credits" in dm.content


async def test_an_alert_in_an_operator_channel_speaks_that_servers_language_and_logs_in_english(tmp_path):
    def prepare(stack):
        operators = stack.discord.add_guild("Operadores", locale="pt-BR")
        stack.ops = stack.discord.add_channel(operators, "alertas")
        stack.bot.env["OPERATOR_CHANNEL_ID"] = str(stack.ops.id)

    async with running_stack(tmp_path, prepare=prepare) as stack:
        stack.api.add_fault(RequestFault("submit", status=402, times=None))
        ix = await stack.create_song(stack.alice, "song", stack.attach("ref.mp3", make_mp3(20.0)))
        await ix.wait_followups(1, timeout=10)
        alert = await stack.discord.wait_for_message(stack.ops, lambda m: "recusou o bot" in m.content, timeout=10)
        assert alert.content == ("⚠️ A API de música recusou o bot (HTTP 402): os créditos acabaram ou a MUSIC_API_KEY "
                                 "está errada. As músicas falham (com reembolso) até isso ser corrigido.")
        assert "operator alert api-refused: ⚠️ The music API refused the bot (HTTP 402)" in stack.bot.logs()
