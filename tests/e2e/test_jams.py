"""A song jam through the real bot process: its results message carries the leaderboard picture."""

import asyncio
import io

import discord
from PIL import Image

from bot.jams.picture import leaderboard_size
from fakes.audio import make_mp3
from tests.e2e.harness import running_stack

MOD = discord.Permissions(manage_guild=True).value


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
