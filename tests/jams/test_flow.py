"""Song jams as members and moderators meet them: the real bot against the fake Discord and music API."""

import asyncio
import io
import logging
import sys
import time

import discord
from PIL import Image

from bot.jams.picture import leaderboard_png, leaderboard_size
from fakes.discord import StoredMessage
from fakes.discord.permissions import DEFAULT_EVERYONE
from fakes.music_api import TaskBehaviour
from tests.support.live_bot import LiveWorld, eventually, live_world

MOD = discord.Permissions(manage_guild=True, manage_roles=True).value


def vote_id(message: StoredMessage) -> str:
    [custom_id] = [c for c in message.custom_ids() if c.startswith("songjam:vote:")]
    return custom_id


def button(world: LiveWorld, message: StoredMessage) -> dict:
    """The (single) jam button under a message, as it is now (the song's next steps are on the row above)."""
    [component] = [c for row in world.fake.message(message.id).components for c in row["components"]
                   if c["custom_id"].startswith(("songjam:vote:", "songjam:jamsubmit:"))]
    return component


def next_steps(message: StoredMessage) -> list[str]:
    """The song's own buttons (Again, Edit lyrics), which the jam's button never takes away."""
    return [c for c in message.custom_ids() if c.startswith(("songjam:again:", "songjam:edit:"))]


def is_results(message: StoredMessage) -> bool:
    return "Song jam results" in message.content


async def reach_deadline(world: LiveWorld, jam_id: int) -> StoredMessage:
    """Let jam time run to just before the deadline; the bot closes the jam on its own when it passes."""
    assert world.bot is not None
    jam = await world.bot.jams.get(jam_id)
    world.clock.offset = jam.ends_at - time.time() - 0.3
    world.bot.get_cog("Jams").wake()  # as the sleeping task would be, had this much time really passed
    return await world.fake.wait_for_message(world.general, is_results, timeout=10)


async def test_a_jam_from_its_announcement_to_the_results(tmp_path):
    async with live_world(tmp_path) as world:
        fake, guild, general = world.fake, world.guild, world.general
        mod = fake.add_member(guild, "mod", permissions=MOD)
        alice, bob, carol, dave, erin = (fake.add_member(guild, name) for name in ("alice", "bob", "carol", "dave",
                                                                                   "erin"))
        champion = fake.add_role(guild, "Jam Champion")
        async with world.running():
            start = await world.command(mod, "jam start", theme="Rainy days @everyone", duration="1h",
                                        winner_role=champion)
            response = await start.wait_response()
            assert response.type == 5 and response.ephemeral and response.latency < 3
            assert (await start.wait_original()).content.startswith(f"Jam #1 is open in {general.mention}")
            announcement = await fake.wait_for_message(general, lambda m: m.content.startswith("🎤 **Song jam"))
            assert "Rainy days @\u200beveryone" in announcement.content and ":R>" in announcement.content
            assert "One entry per member" in announcement.content and champion.mention in announcement.content
            assert announcement.mentions == [] and announcement.mention_roles == []
            assert not announcement.mention_everyone and not announcement.ephemeral

            songs = {}
            for member in (alice, bob, carol):
                answer, songs[member.id] = await world.make_song(member)
                assert answer.ephemeral and "entry in the jam **Rainy days @\u200beveryone**" in answer.content
            a, b, c = songs[alice.id], songs[bob.id], songs[carol.id]
            assert [vote_id(s) for s in (a, b, c)] == ["songjam:vote:1:1", "songjam:vote:1:2", "songjam:vote:1:3"]

            assert "It has 1 vote now" in await world.click(dave, a, vote_id(a))
            assert "already on this entry" in await world.click(dave, a, vote_id(a))
            assert "can't vote for your own entry" in await world.click(alice, a, vote_id(a))
            assert "I moved it from job 1" in await world.click(dave, b, vote_id(b))  # a 0, b 1
            await world.click(erin, a, vote_id(a))  # a 1
            await world.click(alice, c, vote_id(c))  # c 1
            await world.click(bob, a, vote_id(a))  # a 2
            await world.click(carol, b, vote_id(b))  # b 2
            assert "I moved it from job 2" in await world.click(carol, a, vote_id(a))  # a 3, b 1, c 1

            live = await world.reply_to(erin, "jam leaderboard")
            assert not live.ephemeral and live.mentions == []
            assert f"🥇 **1st** · <@{alice.id}> · 3 votes" in live.content
            assert f"🥈 **2nd (tie)** · <@{bob.id}> · 1 vote" in live.content
            assert f"🥈 **2nd (tie)** · <@{carol.id}> · 1 vote" in live.content
            mine = await world.reply_to(carol, "jam status")
            assert mine.ephemeral and "Your entries: 1 of 1 · you voted for job 1" in mine.content

            await world.click(bob, c, vote_id(c))  # a 2, b 1, c 2: Alice and Carol tie for first

            results = await reach_deadline(world, 1)
            text = results.content
            link = f"https://discord.com/channels/{guild.id}/{general.id}"
            assert f"🏆 Winners, tied for first: <@{alice.id}> and <@{carol.id}>! Congratulations" in text
            assert f"🥇 **1st (tie)** · <@{alice.id}> · 2 votes · [job 1]({link}/{a.id})" in text
            assert f"🥇 **1st (tie)** · <@{carol.id}> · 2 votes · [job 3]({link}/{c.id})" in text
            assert f"🥉 **3rd** · <@{bob.id}> · 1 vote · [job 2]({link}/{b.id})" in text
            assert "3 entries · 5 votes" in text
            assert f"<@{alice.id}>, <@{carol.id}> now have the {champion.mention} role" in text
            assert results.mentions == [] and results.mention_roles == [] and not results.mention_everyone
            assert results.message_reference["message_id"] == str(announcement.id)
            assert champion.id in guild.members[alice.id].roles and champion.id in guild.members[carol.id].roles
            assert champion.id not in guild.members[bob.id].roles

            await eventually(lambda: button(world, b).get("disabled"))
            assert [button(world, s)["label"] for s in (a, b, c)] == [
                "Voting closed · 2 votes", "Voting closed · 1 vote", "Voting closed · 2 votes",
            ]
            assert all(button(world, s)["disabled"] for s in (a, b, c))
            assert all(len(next_steps(fake.message(s.id))) == 2 for s in (a, b, c)), "the song's own buttons stay"

            assert "ended" in (await world.reply_to(alice, "jam status")).content
            past = await world.reply_to(alice, "jam history")
            assert "Rainy days @\u200beveryone" in past.content and f"🏆 <@{alice.id}>, <@{carol.id}>" in past.content
            assert not past.mention_everyone and past.mentions == []
            assert sum(is_results(m) for m in fake.messages(general)) == 1


async def test_a_restart_mid_jam_keeps_buttons_working_and_a_missed_deadline_closes_once(tmp_path):
    async with live_world(tmp_path) as world:
        fake, guild, general = world.fake, world.guild, world.general
        mod = fake.add_member(guild, "mod", permissions=MOD)
        alice, bob, carol = (fake.add_member(guild, name) for name in ("alice", "bob", "carol"))
        async with world.running():
            await world.reply_to(mod, "jam start", theme="Night drive", duration="2h")
            _, a = await world.make_song(alice)
            _, b = await world.make_song(bob)
        async with world.running():  # restarted mid-jam: buttons posted by the previous process still work
            assert "It has 1 vote now" in await world.click(carol, a, vote_id(a))
            assert "moved it from job 1" in await world.click(carol, b, vote_id(b))
            assert "It has 2 votes now" in await world.click(alice, b, vote_id(b))
        world.clock.offset = 3 * 3600  # the bot stays down past the deadline
        async with world.running():
            results = await fake.wait_for_message(general, is_results, timeout=10)
            assert f"🏆 Winner: <@{bob.id}>!" in results.content
            await eventually(lambda: button(world, a).get("disabled") and button(world, b).get("disabled"))
        async with world.running():  # and once more: nothing is announced twice
            await asyncio.sleep(0.5)
        assert sum(is_results(m) for m in fake.messages(general)) == 1


async def test_moderator_commands_and_refusals_are_private(tmp_path):
    async with live_world(tmp_path) as world:
        fake, guild, general = world.fake, world.guild, world.general
        mod = fake.add_member(guild, "mod", permissions=MOD)
        alice, bob = fake.add_member(guild, "alice"), fake.add_member(guild, "bob")
        random = fake.add_channel(guild, "random")
        async with world.running():
            denied = await world.reply_to(alice, "jam start", theme="Mine", duration="1h")
            assert denied.ephemeral and "Only this server's song moderators" in denied.content
            bad = await world.reply_to(mod, "jam start", theme="Rain", duration="soon")
            assert bad.ephemeral and "couldn't read `soon`" in bad.content and "`1h30m`" in bad.content
            locked = fake.add_channel(guild, "locked", bot_can_send=False)
            no_post = await world.reply_to(mod, "jam start", theme="Rain", duration="1h", channel=locked)
            assert no_post.ephemeral and f"I can't post in {locked.mention}" in no_post.content
            helper = fake.add_member(guild, "helper", permissions=discord.Permissions(manage_guild=True).value)
            no_prize = await world.reply_to(helper, "jam start", theme="Rain", duration="1h",
                                            winner_role=fake.add_role(guild, "Prize"))
            assert no_prize.ephemeral and "you need Manage Roles yourself" in no_prize.content
            assert fake.messages(general, include_ephemeral=False) == []
            assert await world.bot.jams.recent_jams(guild.id) == []

            await world.reply_to(mod, "jam start", theme="Rain", duration="1h")
            again = await world.reply_to(mod, "jam start", theme="More rain", duration="1h")
            assert again.ephemeral and "already an open jam there" in again.content

            nothing = await world.reply_to(alice, "jam status", channel=random)
            assert nothing.ephemeral and "no open jam in this channel" in nothing.content
            choices = await fake.autocomplete(user=alice, channel=random, name="song create", focused="jam",
                                              options={"jam": "rai"})
            assert [c["value"] for c in choices] == [1] and choices[0]["name"].startswith("Rain · closes in ")

            _, entry = await world.make_song(alice, channel=random, jam=1)  # from elsewhere, with the option
            assert vote_id(entry) == "songjam:vote:1:1"
            second = await world.reply_to(alice, "song create", reference=world.reference(),
                                          lyrics="again")
            assert second.ephemeral and "one entry per member, and you've entered 1" in second.content

            not_mod = await world.reply_to(bob, "jam cancel")
            assert not_mod.ephemeral and "Only this server's song moderators" in not_mod.content
            cancelled = await world.reply_to(mod, "jam cancel")
            assert cancelled.ephemeral and "Jam #1 is cancelled" in cancelled.content
            notice = await fake.wait_for_message(general, lambda m: "was cancelled" in m.content)
            assert f"by <@{mod.id}>" in notice.content and notice.mentions == []
            await eventually(lambda: button(world, entry).get("disabled"))
            assert button(world, entry)["label"] == "Jam cancelled"
            board = await world.reply_to(bob, "jam leaderboard")
            assert "was cancelled, so it has no standings" in board.content
            assert "cancelled" in (await world.reply_to(bob, "jam history")).content


async def test_a_sponsored_jam_in_its_own_thread_costs_members_nothing(tmp_path):
    async with live_world(tmp_path) as world:
        world.daily_quota = 1
        fake, guild, general = world.fake, world.guild, world.general
        mod = fake.add_member(guild, "mod", permissions=MOD)
        alice, bob = fake.add_member(guild, "alice"), fake.add_member(guild, "bob")
        random = fake.add_channel(guild, "random")
        async with world.running() as bot:
            settings = await world.reply_to(mod, "jam settings", threads=True)
            assert settings.ephemeral and "Threads for new jams: **on**" in settings.content
            await world.make_song(alice, channel=random)  # her one song of the day
            used_up = await world.reply_to(alice, "song create", channel=random,
                                           reference=world.reference(), lyrics="more")
            assert "used your 1 song" in used_up.content

            await world.reply_to(mod, "jam start", theme="Free for all", duration="1d", sponsored=True)
            jam = await bot.jams.get(1)
            assert jam.thread_id is not None
            thread = fake.world.channels[jam.thread_id]
            assert thread.is_thread and thread.parent_id == general.id and thread.name == "Jam: Free for all"
            announcement = fake.message(jam.announcement_message_id)
            assert "Entries are free: this jam is sponsored" in announcement.content
            assert "the jam's thread" in announcement.content

            answer, entry = await world.make_song(alice, channel=thread)
            assert "It's free: the jam is sponsored" in answer.content
            assert vote_id(entry) == "songjam:vote:1:2"
            assert "It has 1 vote" in await world.click(bob, entry, vote_id(entry))
            by_form, bobs = await world.make_song_by_form(bob, channel=random, jam=1)  # the form keeps the option
            assert "It's an entry in the jam **Free for all**" in by_form.content
            assert vote_id(bobs) == "songjam:vote:1:3"

            ended = await world.reply_to(mod, "jam end")
            assert "closed; the results are being posted" in ended.content
            results = await fake.wait_for_message(general, is_results)
            assert f"🏆 Winner: <@{alice.id}>!" in results.content
            note = await fake.wait_for_message(thread, lambda m: m.content.startswith("🏁 This jam is over"))
            assert f"/{general.id}/{results.id}" in note.content


async def test_a_song_begun_before_the_jam_can_be_submitted_in_one_click(tmp_path):
    async with live_world(tmp_path) as world:
        fake, guild, general = world.fake, world.guild, world.general
        mod = fake.add_member(guild, "mod", permissions=MOD)
        alice, bob, carol = (fake.add_member(guild, name) for name in ("alice", "bob", "carol"))
        world.api.on_next_task(TaskBehaviour(generating_s=2.0), times=2)
        async with world.running():
            songs = asyncio.gather(world.make_song(alice), world.make_song(bob))
            await asyncio.sleep(1.0)  # both are being made when the jam opens
            await world.reply_to(mod, "jam start", theme="Late bloomers", duration="1h")
            (_, mine), (_, bobs) = await songs
            [submit] = [c for c in mine.custom_ids() if c.startswith("songjam:jamsubmit:")]
            job = submit.rsplit(":", 1)[1]
            assert mine.custom_ids() == [f"songjam:again:{job}", f"songjam:edit:{job}", submit]
            assert bobs.custom_ids()[2].startswith("songjam:jamsubmit:")

            assert "Only the member who made this song" in await world.click(bob, mine, submit)
            entered = await world.click(alice, mine, submit)
            assert "Your song is entered in the jam **Late bloomers**" in entered
            assert fake.message(mine.id).custom_ids() == [f"songjam:again:{job}", f"songjam:edit:{job}",
                                                          f"songjam:vote:1:{job}"], "Submit became Vote, in its row"
            assert "It has 1 vote" in await world.click(carol, mine, f"songjam:vote:1:{job}")

            await world.reply_to(mod, "jam end")
            await fake.wait_for_message(general, is_results)
            # never entered: the jam's button goes, the song's own stay
            await eventually(lambda: fake.message(bobs.id).custom_ids() == next_steps(bobs))
            assert len(next_steps(bobs)) == 2 and button(world, mine)["disabled"]


async def test_anonymous_votes_and_private_standings(tmp_path):
    async with live_world(tmp_path) as world:
        fake, guild = world.fake, world.guild
        mod = fake.add_member(guild, "mod", permissions=MOD)
        alice, bob, carol = (fake.add_member(guild, name) for name in ("alice", "bob", "carol"))
        async with world.running():
            await world.reply_to(mod, "jam settings", private_standings=True)
            await world.reply_to(mod, "jam start", theme="Secret ballot", duration="1h", anonymous=True)
            _, a = await world.make_song(alice)
            await world.make_song(bob)
            reply = await world.click(carol, a, vote_id(a))
            assert "Your vote is on" in reply and "It has" not in reply
            live = await world.reply_to(carol, "jam leaderboard")
            assert live.ephemeral and "Votes stay secret until the close" in live.content
            assert "vote ·" not in live.content and "votes ·" not in live.content
            await world.reply_to(mod, "jam end")
            results = await fake.wait_for_message(world.general, is_results)
            assert f"<@{alice.id}> · 1 vote" in results.content and f"<@{bob.id}> · 0 votes" in results.content
            final = await world.reply_to(carol, "jam leaderboard")
            assert not final.ephemeral and "1 vote" in final.content


async def test_a_winner_role_the_bot_cannot_give_is_reported_in_the_results(tmp_path):
    async with live_world(tmp_path, bot_permissions=DEFAULT_EVERYONE) as world:
        fake, guild = world.fake, world.guild
        mod = fake.add_member(guild, "mod", permissions=MOD)
        alice, bob = fake.add_member(guild, "alice"), fake.add_member(guild, "bob")
        champion = fake.add_role(guild, "Champion")
        async with world.running():
            started = await world.reply_to(mod, "jam start", theme="Hard mode", duration="1h", winner_role=champion)
            assert f"I can't give {champion.mention} yet" in started.content
            _, a = await world.make_song(alice)
            await world.click(bob, a, vote_id(a))
            await world.reply_to(mod, "jam end")
            results = await fake.wait_for_message(world.general, is_results)
            assert f"🏆 Winner: <@{alice.id}>!" in results.content
            assert f"⚠️ I couldn't give <@{alice.id}> the {champion.mention} role: I need Manage Roles" \
                in results.content
            assert champion.id not in guild.members[alice.id].roles


async def test_one_jam_failing_to_close_never_holds_up_another(tmp_path, monkeypatch):
    async with live_world(tmp_path) as world:
        fake, guild, general = world.fake, world.guild, world.general
        mod = fake.add_member(guild, "mod", permissions=MOD)
        other = fake.add_channel(guild, "other")
        async with world.running():
            cog = world.bot.get_cog("Jams")
            monkeypatch.setattr(sys.modules[type(cog).__module__], "RETRY_BASE_S", 0.3)  # the extension as loaded
            await world.reply_to(mod, "jam start", theme="Stormy", duration="1h")
            await world.reply_to(mod, "jam start", theme="Sunny", duration="2h", channel=other)
            outage = fake.fail_next("POST", rf"/channels/{general.id}/messages", 503)
            world.clock.offset = 3 * 3600  # both deadlines pass
            cog.wake()
            sunny = await fake.wait_for_message(other, is_results)
            assert "Sunny" in sunny.content and outage.hits == 1
            stormy = await fake.wait_for_message(general, is_results)  # retried a moment later
            assert "Stormy" in stormy.content


async def test_the_results_carry_a_leaderboard_picture_with_plain_names_and_song_titles(tmp_path, monkeypatch):
    drawn = []

    async def spy(jam_title, rows, locale):
        drawn.append((jam_title, rows, locale))
        return await leaderboard_png(jam_title, rows, locale)

    async with live_world(tmp_path) as world:
        fake, guild, general = world.fake, world.guild, world.general
        mod = fake.add_member(guild, "mod", permissions=MOD)
        alice, bob, carol, dave = (fake.add_member(guild, name) for name in ("alice", "bob", "carol", "dave"))
        alice.nick = "Alice the Bassist"
        async with world.running():
            monkeypatch.setattr(sys.modules[type(world.bot.get_cog("Jams")).__module__], "leaderboard_png", spy)
            await world.reply_to(mod, "jam start", theme="Rainy days @everyone", duration="1h")
            _, a = await world.make_song(alice, lyrics="##Side by side / through thick and thin##")
            await world.make_song(bob, lyrics="Neon rain / all night")
            await world.make_song(dave, lyrics="Gone / for good")
            await world.click(carol, a, vote_id(a))
            del guild.members[bob.id]  # bob leaves before the close: his user name stands in
            del guild.members[dave.id], fake.world.users[dave.id]  # dave deletes his account
            await world.reply_to(mod, "jam end")
            results = await fake.wait_for_message(general, is_results)
        assert f"🥇 **1st** · <@{alice.id}> · 1 vote" in results.content, "the text stays"
        [attachment] = results.attachments
        assert attachment.filename == "songjam-jam-1-results.png"
        picture = Image.open(io.BytesIO(attachment.data))
        assert picture.format == "PNG" and picture.size == leaderboard_size(3)
        [(theme, rows, locale)] = drawn
        assert theme == "Rainy days @everyone" and locale == "en"
        assert [(r.rank, r.member_name, r.song_title, r.votes) for r in rows] == [
            (1, "Alice the Bassist", "Side by side", 1), (2, "bob", "Neon rain", 0), (2, "a former member", "Gone", 0),
        ]
        assert results.mentions == [] and not results.mention_everyone
        asked = [(r.method, r.status) for r in fake.requests if r.path.endswith(f"/{bob.id}")]
        assert asked == [("GET", 404), ("GET", 200)], "his member lookup, then his user"


async def test_a_picture_that_fails_never_stops_the_results_text(tmp_path, monkeypatch, caplog):
    async def broken(jam_title, rows, locale):
        raise OSError("no space left for the picture")

    async with live_world(tmp_path) as world:
        fake, guild, general = world.fake, world.guild, world.general
        mod = fake.add_member(guild, "mod", permissions=MOD)
        alice, bob = fake.add_member(guild, "alice"), fake.add_member(guild, "bob")
        async with world.running():
            monkeypatch.setattr(sys.modules[type(world.bot.get_cog("Jams")).__module__], "leaderboard_png", broken)
            await world.reply_to(mod, "jam start", theme="Fragile", duration="1h")
            _, a = await world.make_song(alice)
            await world.click(bob, a, vote_id(a))
            with caplog.at_level(logging.ERROR, logger="songjam.jams"):
                await world.reply_to(mod, "jam end")
                results = await fake.wait_for_message(general, is_results)
        assert f"🏆 Winner: <@{alice.id}>!" in results.content and results.attachments == []
        assert "could not draw the results picture" in caplog.text


async def test_a_jam_without_entries_posts_its_results_without_a_picture(tmp_path):
    async with live_world(tmp_path) as world:
        fake, guild, general = world.fake, world.guild, world.general
        mod = fake.add_member(guild, "mod", permissions=MOD)
        async with world.running():
            await world.reply_to(mod, "jam start", theme="Quiet", duration="1h")
            await world.reply_to(mod, "jam end")
            results = await fake.wait_for_message(general, is_results)
        assert "No songs were entered" in results.content and results.attachments == []
