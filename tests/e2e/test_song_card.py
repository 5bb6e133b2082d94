"""One card per song, through the bot process: what it shows, how it moves, and what a song costs in requests."""

from __future__ import annotations

import asyncio
import re
import time

from bot.songs.card import COLOURS, CardState
from fakes.audio import make_mp3
from fakes.discord.permissions import MANAGE_GUILD
from fakes.music_api import TaskBehaviour
from tests.e2e.harness import (
    REPORT,
    card_colour,
    card_text,
    discord_requests,
    is_status,
    running_stack,
    wait_until,
)

ETA = re.compile(r"ready <t:(\d+):R>")
MAX_REQUESTS_PER_SONG = 3  # the card's POST, the song's POST, the card's DELETE


async def test_a_song_leaves_one_message_pings_once_and_costs_three_requests(stack):
    await stack.create_song(stack.alice, "warm-up", stack.attach("ref.mp3", make_mp3(20.0)))  # rights, once
    await stack.wait_delivered(1)
    since = len(stack.discord.requests)
    ix = await stack.create_song(stack.alice, "first *line* <@&1> / second line", stack.attach("my-ref.mp3",
                                                                                                 make_mp3(20.0)))
    await ix.wait_followups(1, timeout=10)
    card = await stack.wait_public(lambda m: is_status(m, 2), timeout=10)
    embed = card.embeds[0]
    assert embed["author"]["name"] == "alice" and embed["title"].startswith("first \\*line\\* <\u200b@&1")
    assert card_colour(card) == COLOURS[CardState.MAKING]
    text = card_text(card)
    assert "first \\*line\\*" in text and "/ second line" in text and "<@&1>" not in text
    assert "Reference: `my-ref.mp3`" in text
    assert "ready <t:" in text and card.mentions == [] and card.mention_roles == []
    assert "songjam:cancel:2" in card.custom_ids()

    song = await stack.wait_delivered(2)
    assert song.mentions == [stack.alice.id] and song.mention_roles == [] and not song.mention_everyone
    files = {a.filename: a for a in song.attachments}
    assert set(files) == {"songjam-2-my-ref.mp3", "songjam-2-my-ref.png"}
    assert files["songjam-2-my-ref.png"].data.startswith(b"\x89PNG")
    assert song.embeds[0]["image"]["url"] == files["songjam-2-my-ref.png"].url, "the picture is on the embed"
    assert song.embeds[0]["color"] == COLOURS[CardState.DONE] and "second line" in song.embeds[0]["description"]
    assert [m.id for m in stack.public_messages()] == [stack.songs_for(1)[0].id, song.id], "one message per song"

    requests = discord_requests(stack.discord, since)
    REPORT.append(f"Discord requests for one delivered song (nothing ahead): {len(requests)}: {requests}")
    assert len(requests) <= MAX_REQUESTS_PER_SONG, requests
    assert [r.split()[0] for r in requests] == ["POST", "POST", "DELETE"], requests


async def test_the_place_in_line_counts_only_unstarted_songs_of_this_server(stack):
    stack.api.on_next_task(TaskBehaviour(outcome="never"))
    other_guild = stack.discord.add_guild("Other Server")
    other_channel = stack.discord.add_channel(other_guild, "songs")
    alice_there = stack.discord.add_member(other_guild, stack.alice.user)
    ref = stack.attach("ref.mp3", make_mp3(20.0))
    await stack.create_song(stack.alice, "generating", ref)
    await stack.wait_submitted(1)  # being made: never ahead of anyone

    await stack.api.stop()  # from now on submits do not reach the music service: the songs stay pending
    there = await stack.discord.slash_command(user=alice_there, channel=other_channel, name="song create",
                                              options={"reference": stack.attach("ref.mp3", make_mp3(20.0)),
                                                       "lyrics": "elsewhere"})
    stack.rights_confirmed.discard(stack.alice.id)  # her rights are confirmed per server
    there = await stack.confirm_rights_if_asked(alice_there, there)
    assert "Queued as job 2" in (await there.wait_followups(1, timeout=10))[-1].content
    await stack.create_song(stack.alice, "waiting", stack.attach("ref.mp3", make_mp3(20.0)))
    await stack.wait_row(3, lambda row: row["state"] == "pending" and row["fault_streak"] >= 1)
    await stack.wait_row(2, lambda row: row["state"] == "pending" and row["fault_streak"] >= 1)
    await stack.create_song(stack.bob, "behind", stack.attach("ref.mp3", make_mp3(20.0)))

    card = await stack.wait_status(4, "ahead", timeout=10)
    assert "1 song ahead of yours in this server" in card_text(card), card_text(card)
    assert card_colour(card) == COLOURS[CardState.QUEUED]
    first = stack.status_message(3)
    assert "ahead" not in card_text(first) and "ready <t:" in card_text(first), "nothing unstarted before it"


async def test_the_estimate_is_refreshed_before_it_passes_and_never_shows_in_the_past(tmp_path):
    async with running_stack(tmp_path, GENERATION_ESTIMATE_SECONDS="1", CARD_REFRESH_SECONDS="1.5") as stack:
        stack.api.on_next_task(TaskBehaviour(generating_s=6.0))
        await stack.create_song(stack.alice, "slow one", stack.attach("ref.mp3", make_mp3(20.0)))
        seen: set[int] = set()
        while stack.job_row(1) is None or stack.job_row(1)["state"] != "delivered":
            card = stack.status_message(1)
            if card is not None:
                shown = ETA.search(card_text(card))
                assert shown is not None, card_text(card)
                eta = int(shown[1])
                # Replaced a fraction of a second before it passes; a second of slack for a loaded machine.
                assert eta >= int(time.time()) - 1, f"the card shows {eta}, in the past at {time.time():.1f}"
                seen.add(eta)
            await asyncio.sleep(0.05)
        await stack.wait_delivered(1)
        [card] = stack.cards(1)
        assert len(seen) >= 3, f"refreshed as its estimates passed: {sorted(seen)}"
        assert len(card.edits) <= 8, "paced: about one edit per 1.5 s over a 6 s song"


async def test_a_failure_turns_the_card_red_and_tells_the_member_privately_once(stack):
    stack.api.on_next_task(TaskBehaviour(outcome="error", error_message="Boom: the GPU melted"))
    await stack.create_song(stack.alice, "doomed", stack.attach("ref.mp3", make_mp3(20.0)))
    card = await stack.wait_status(1, "failed")
    assert card_colour(card) == COLOURS[CardState.FAILED]
    assert "could not make this song" in card_text(card) and card.components == []
    dm = await stack.discord.wait_for_dm(stack.alice, lambda m: "Boom" in m.content, timeout=10)
    assert "job 1 failed" in dm.content and "The music service said: Boom: the GPU melted" in dm.content
    await stack.wait_row(1, lambda row: row["member_notified"] == 1)
    await asyncio.sleep(0.5)
    assert len(stack.discord.dm_messages(stack.alice)) == 1, "told once"
    assert [m.id for m in stack.public_messages()] == [card.id], "the card is the only public message"
    assert all("Boom" not in card_text(m) and "Boom" not in m.content for m in stack.public_messages())


async def test_with_dms_closed_the_member_gets_one_short_channel_reply(stack):
    carol = stack.discord.add_member(stack.guild, "carol", accepts_dms=False)
    stack.api.on_next_task(TaskBehaviour(outcome="error", error_message="Boom: the GPU melted"))
    await stack.create_song(carol, "doomed", stack.attach("ref.mp3", make_mp3(20.0)))
    card = await stack.wait_status(1, "failed")
    note = await stack.wait_public(lambda m: not is_status(m, 1), timeout=10)
    assert note.mentions == [carol.id] and not note.mention_everyone
    assert "/song status job:1" in note.content and "Boom" not in note.content
    await stack.wait_row(1, lambda row: row["member_notified"] == 1)
    await asyncio.sleep(0.5)
    assert [m.id for m in stack.public_messages()] == [card.id, note.id], "the card and one note"


async def test_a_card_a_crash_left_after_the_song_post_is_removed_at_the_next_start(stack):
    refused = stack.discord.fail_next("DELETE", r"/channels/\d+/messages/\d+", 503, times=None)
    await stack.create_song(stack.alice, "crash after posting", stack.attach("ref.mp3", make_mp3(20.0)))
    song = await stack.wait_song(1)
    await stack.wait_row(1, lambda row: row["state"] == "delivered")
    await wait_until(lambda: refused.hits > 0, "the card's delete was tried")
    await stack.bot.kill()  # before the card's delete is tried again
    assert [m.deleted for m in stack.cards(1)] == [False]
    stack.discord.clear_faults()

    await stack.start_bot()
    await stack.wait_card_gone(1)
    assert [m.id for m in stack.public_messages()] == [song.id], "one message per song, after all"


def button_labels(message) -> list[str]:
    return [button["label"] for row in message.components for button in row["components"]]


async def test_a_server_set_to_spanish_gets_its_card_song_post_cancel_button_and_failure_in_spanish(tmp_path):
    mods = []
    async with running_stack(tmp_path, prepare=lambda s: mods.append(
            s.discord.add_member(s.guild, "mod", permissions=MANAGE_GUILD))) as stack:
        [mod] = mods
        assert stack.guild.preferred_locale == "en-US"
        chosen = await stack.discord.slash_command(user=mod, channel=stack.channel, name="songadmin settings language",
                                                   options={"language": "es-ES"})
        await chosen.wait_response()
        stack.api.on_next_task(TaskBehaviour(generating_s=2.0))
        await stack.create_song(stack.alice, "lluvia en la ventana", stack.attach("mi-ref.mp3", make_mp3(20.0)))
        card = await stack.wait_status(1, "lista <t:", timeout=10)
        text = card_text(card)
        assert text.splitlines()[2] == f"🎵 **En creación** · canción para <@{stack.alice.id}>", text
        assert "Empezó <t:" in text and "Referencia: `mi-ref.mp3`" in text and text.endswith("Trabajo 1 · en creación")
        assert button_labels(card) == ["Cancelar"], "the card is public: the server's language"

        song = await stack.wait_delivered(1)
        assert song.content == f"<@{stack.alice.id}> ¡tu canción del trabajo 1 está lista! 🎶"
        embed = song.embeds[0]
        assert embed["description"].startswith(f"Canción para <@{stack.alice.id}>")
        assert [field["name"] for field in embed["fields"]] == ["Referencia", "Duración"]
        assert embed["footer"]["text"] == "Trabajo 1 · lista"

        stack.api.on_next_task(TaskBehaviour(outcome="error", error_message="Boom: the GPU melted"))
        await stack.create_song(stack.alice, "otra", stack.attach("mi-ref.mp3", make_mp3(20.0)))
        failed = await stack.wait_status(2, "Trabajo 2 · fallida")
        assert "❌ **Fallida**" in card_text(failed)
        assert "El servicio de música no pudo crear esta canción. Tu crédito está devuelto." in card_text(failed)
        assert "Boom" not in card_text(failed) and failed.components == []
        dm = await stack.discord.wait_for_dm(stack.alice, lambda m: "Boom" in m.content, timeout=10)
        assert dm.content.startswith("Tu canción del trabajo 2 falló. El servicio de música no pudo crear")
        assert "El servicio de música dijo: Boom: the GPU melted" in dm.content

        status = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song status",
                                                   options={"job": 2})
        details = (await status.wait_response()).data["content"]
        assert details.startswith("**Job 2**: failed") and "The music service could not make this song." in details, (
            "her own /song status is in her language (en-US), the same stored reason")
