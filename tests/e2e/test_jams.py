"""A song jam through the real bot process: its results message carries the leaderboard picture; its
public posts speak the server's language, its private replies the member's."""

import asyncio
import io

import discord
from PIL import Image

from bot.jams.picture import LeaderboardRow, leaderboard_size, render_leaderboard
from fakes.audio import make_mp3
from tests.e2e.harness import running_stack

MOD = discord.Permissions(manage_guild=True).value


def vote_button(message) -> dict:
    """The jam's button under a song (its next-step buttons aside)."""
    [button] = [c for row in message.components for c in row["components"]
                if c["custom_id"].startswith("songjam:vote:")]
    return button


async def test_a_closed_jam_posts_its_results_with_a_leaderboard_png(tmp_path):
    mods = []
    async with running_stack(tmp_path, prepare=lambda s: mods.append(s.discord.add_member(s.guild, "mod",
                                                                                           permissions=MOD))) as stack:
        fake, [mod] = stack.discord, mods
        start = await fake.slash_command(user=mod, channel=stack.channel, name="jam start",
                                         options={"theme": "Rainy days", "duration": "1h"})
        assert "is open in" in (await start.wait_original(timeout=10)).content
        await stack.create_song(stack.alice, "Side by side / through thick and thin",
                                stack.attach("ref.mp3", make_mp3(20.0)))
        song = await stack.wait_song(1)
        await asyncio.sleep(0.05)  # as a person would
        vote = await fake.click_button(user=stack.bob, message=song, custom_id="songjam:vote:1:1")
        await vote.wait_response()
        end = await fake.slash_command(user=mod, channel=stack.channel, name="jam end", options={})
        await end.wait_response()
        results = await stack.wait_public(lambda m: "Song jam results" in m.content)
        assert f"🏆 Winner: <@{stack.alice.id}>!" in results.content
        [attachment] = results.attachments
        picture = Image.open(io.BytesIO(attachment.data))
        assert picture.format == "PNG" and picture.size == leaderboard_size(1)
        assert len(picture.convert("RGB").getcolors(maxcolors=1 << 16)) > 8
        assert sum("Song jam results" in m.content for m in stack.public_messages()) == 1


async def test_a_server_set_to_spanish_gets_its_jam_announcement_results_and_picture_in_spanish(tmp_path):
    mods = []
    async with running_stack(tmp_path, prepare=lambda s: mods.append(s.discord.add_member(s.guild, "mod",
                                                                                           permissions=MOD))) as stack:
        fake, [mod] = stack.discord, mods
        assert stack.guild.preferred_locale == "en-US"
        chosen = await fake.slash_command(user=mod, channel=stack.channel, name="songadmin settings language",
                                          options={"language": "es-ES"})
        await chosen.wait_response()
        start = await fake.slash_command(user=mod, channel=stack.channel, name="jam start",
                                         options={"theme": "Días de lluvia", "duration": "1h"})
        assert (await start.wait_original(timeout=10)).content.startswith("Jam #1 is open in"), "the mod's English"
        announcement = await stack.wait_public(lambda m: m.content.startswith("🎤"))
        assert announcement.content.startswith("🎤 **Jam de canciones: Días de lluvia**\nOrganiza <@")
        assert "• Vota con el botón **Votar** bajo una entrada" in announcement.content

        await stack.create_song(stack.alice, "Side by side / through thick and thin",
                                stack.attach("ref.mp3", make_mp3(20.0)))
        song = await stack.wait_song(1)
        assert vote_button(song)["label"] == "Votar", "the song post is public: the server's language"
        await asyncio.sleep(0.05)  # as a person would
        vote = await fake.click_button(user=stack.bob, message=song, custom_id="songjam:vote:1:1")
        assert (await vote.wait_response()).data["content"].startswith("🗳️ Your vote is on"), "bob's own English"
        end = await fake.slash_command(user=mod, channel=stack.channel, name="jam end", options={})
        await end.wait_response()

        results = await stack.wait_public(lambda m: m.content.startswith("🏁"))
        lines = results.content.splitlines()
        assert lines[0] == "🏁 **Resultados de la jam de canciones: Días de lluvia**"
        assert lines[1].startswith("1 entrada · 1 voto · cerrada <t:")
        assert lines[2] == f"🏆 Ganador: ¡<@{stack.alice.id}>! Enhorabuena 🎉"
        assert f"🥇 **1.er puesto** · <@{stack.alice.id}> · 1 voto · [trabajo 1](" in results.content
        [attachment] = results.attachments
        assert attachment.description == "Resultados de la jam de canciones Días de lluvia"
        rows = [LeaderboardRow(rank=1, tied=False, member_name="alice", song_title="Side by side", votes=1)]
        assert attachment.data == render_leaderboard("Días de lluvia", rows, "es-ES"), "RESULTADOS DE LA JAM, 1 voto"
        assert attachment.data != render_leaderboard("Días de lluvia", rows, "en")
        await asyncio.sleep(0.3)  # the closer then closes the entry's button
        closed = vote_button(fake.message(song.id))
        assert closed["disabled"] and closed["label"] == "Votación cerrada · 1 voto"


async def test_a_brazilian_member_gets_private_jam_replies_in_portuguese_in_an_english_server(tmp_path):
    members = {}

    def prepare(s):
        members["mod"] = s.discord.add_member(s.guild, "mod", permissions=MOD)
        members["joao"] = s.discord.add_member(s.guild, "joao", locale="pt-BR")

    async with running_stack(tmp_path, prepare=prepare) as stack:
        fake, mod, joao = stack.discord, members["mod"], members["joao"]
        none_yet = await fake.slash_command(user=joao, channel=stack.channel, name="jam status", options={})
        refused = await none_yet.wait_response()
        assert refused.ephemeral and refused.data["content"] == (
            "Não há nenhuma jam aberta neste canal. Escolha uma com a opção `jam`.")

        start = await fake.slash_command(user=mod, channel=stack.channel, name="jam start",
                                         options={"theme": "Rainy days", "duration": "1h"})
        await start.wait_original(timeout=10)
        announcement = await stack.wait_public(lambda m: m.content.startswith("🎤"))
        assert announcement.content.startswith("🎤 **Song jam: Rainy days**"), "the server's English"

        status = await (await fake.slash_command(user=joao, channel=stack.channel, name="jam status",
                                                 options={})).wait_response()
        content = status.data["content"]
        assert status.ephemeral and content.startswith("🎤 **Rainy days** · aberta, fecha <t:")
        assert "nenhuma inscrição até agora · Uma inscrição por membro." in content
        assert "Suas inscrições: 0 de 1 · você ainda não votou." in content

        await stack.create_song(joao, "Chuva / na janela", stack.attach("ref.mp3", make_mp3(20.0)))
        song = await stack.wait_song(1)
        assert vote_button(song)["label"] == "Vote", "the song post is the server's: English"
        await asyncio.sleep(0.05)
        own = await fake.click_button(user=joao, message=song, custom_id="songjam:vote:1:1")
        answer = await own.wait_response()
        assert answer.ephemeral and answer.data["content"] == "Você não pode votar na sua própria inscrição."
        english = await (await fake.click_button(user=stack.alice, message=song, custom_id="songjam:vote:1:1")
                         ).wait_response()
        assert english.data["content"].startswith("🗳️ Your vote is on"), "an en-US member in the same server"
