"""Moderation as members and moderators meet it: the real bot process against the fake Discord."""

import asyncio
import csv
import io
import time

import pytest

from bot.moderation.service import BLOCKED_MESSAGE
from fakes.audio import make_mp3
from fakes.discord import CommandUnavailable
from fakes.discord.permissions import MANAGE_GUILD
from tests.e2e.harness import running_stack
from tests.support.databases import execute, query

MP3 = make_mp3(20.0)


@pytest.fixture
async def stack(tmp_path):
    async with running_stack(tmp_path, COOLDOWN_SECONDS="0") as stack:
        yield stack


async def admin(stack, *path, user=None, **options):
    """A moderator command (the server owner by default); its private answer."""
    ix = await stack.discord.slash_command(user=user or stack.discord.owner, channel=stack.channel,
                                           name=["songadmin", *path], options=options)
    response = await ix.wait_response()
    assert response.ephemeral and response.latency < 3.0
    return response


async def song(stack, member, lyrics="la la la", channel=None):
    """`/song create` as the member; the text they finally see, and the first response."""
    ix = await stack.discord.slash_command(user=member, channel=channel or stack.channel, name="song create",
                                           options={"reference": stack.attach("ref.mp3", MP3), "lyrics": lyrics})
    response = await ix.wait_response()
    assert response.ephemeral and response.latency < 3.0
    if response.type == 5:
        return (await ix.wait_followups(1, timeout=10))[0].content, response
    return response.data["content"], response


async def quota(stack, member):
    response = await (await stack.discord.slash_command(user=member, channel=stack.channel, name="quota")
                      ).wait_response()
    assert response.ephemeral
    return response.data["content"]


def db_rows(stack, sql):
    return [tuple(row.values()) for row in query(stack.data_dir / "songjam.db", sql)]


async def click(stack, user, message, custom_id):
    await asyncio.sleep(0.05)  # as a person would: the button is registered once the message is sent
    return await (await stack.discord.click_button(user=user, message=message, custom_id=custom_id)).wait_response()


async def with_modlog(stack):
    modlog = stack.discord.add_channel(stack.guild, "mod-log")
    await admin(stack, "settings", "mod-log", channel=modlog)
    return modlog


def modlog_posts(stack, modlog):
    posts = stack.public_messages(modlog)
    assert all(post.mentions == [] and post.mention_roles == [] and not post.mention_everyone for post in posts)
    return [post.content for post in posts]


# --- rights ----------------------------------------------------------------------------------------


async def test_a_members_first_song_waits_for_their_rights_confirmation(stack):
    asked_at = time.time()
    ix = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song create",
                                           options={"reference": stack.attach("ref.mp3", MP3), "lyrics": "la la la"})
    assert (await ix.wait_response()).type == 5, "answered at once, before any database read"
    prompt = await ix.wait_original(timeout=10)
    assert prompt.ephemeral and "right to use the tracks you upload" in prompt.content
    assert stack.api.counters.submits == 0 and db_rows(stack, "SELECT COUNT(*) FROM jobs") == [(0,)]
    [button] = [cid for cid in prompt.custom_ids() if cid.startswith("songjam:rights:")]

    assert db_rows(stack, "SELECT user_id, reference_name, lyrics FROM held_songs") == [
        (stack.alice.id, "ref.mp3", "la la la")], "held in the database, not in the process"

    await asyncio.sleep(0.05)  # as a person would: the view is registered once the reply is sent
    clicked = await stack.discord.click_button(user=stack.alice, message=prompt, custom_id=button)
    answer = await clicked.wait_response()
    assert answer.type == 7 and answer.latency < 3.0, "the prompt is updated through the click's own answer"
    assert "Queued as job 1" in (await clicked.wait_followups(1, timeout=10))[0].content
    await stack.wait_song(1)
    [(confirmed_at,)] = db_rows(stack, "SELECT confirmed_at FROM rights_confirmations")
    assert asked_at <= confirmed_at <= time.time()
    prompt_now = stack.discord.message(prompt.id)
    assert f"You confirmed <t:{int(confirmed_at)}:f>" in prompt_now.content and prompt_now.components == []
    assert db_rows(stack, "SELECT COUNT(*) FROM held_songs") == [(0,)]

    text, response = await song(stack, stack.alice)
    assert response.type == 5 and "Queued as job 2" in text, "asked once only"


async def test_a_click_after_a_restart_resumes_the_held_song_once(stack):
    _, prompt = await song(stack, stack.bob, lyrics="held over / a restart")
    [button] = [cid for cid in prompt.message.custom_ids() if cid.startswith("songjam:rights:")]
    await stack.restart_bot()
    await asyncio.sleep(0.05)
    clicked = await stack.discord.click_button(user=stack.bob, message=prompt.message, custom_id=button)
    answer = await clicked.wait_response()
    assert answer.type == 7 and "You confirmed" in answer.data["content"] and answer.data["components"] == []
    assert "Queued as job 1" in (await clicked.wait_followups(1, timeout=10))[0].content
    await stack.wait_song(1)
    assert db_rows(stack, "SELECT user_id FROM rights_confirmations") == [(stack.bob.id,)]
    [(user_id, prompt_text, charged, reference_name)] = db_rows(
        stack, "SELECT user_id, prompt_text, charged, reference_name FROM jobs")
    assert (user_id, charged, reference_name) == (stack.bob.id, 1, "ref.mp3"), "one job, charged once"
    assert "held over" in prompt_text and "a restart" in prompt_text, "the lyrics came back from the database"
    assert db_rows(stack, "SELECT COUNT(*) FROM held_songs") == [(0,)]

    assert stack.discord.message(prompt.message.id).components == [], "no button left to click twice"
    await asyncio.sleep(0.5)
    assert stack.api.counters.submits == 1 and len(stack.songs_for(1)) == 1, "submitted and delivered once"
    assert db_rows(stack, "SELECT COUNT(*) FROM jobs") == [(1,)]


async def test_a_confirmation_on_an_expired_ticket_is_recorded_and_nothing_is_sent(stack):
    _, prompt = await song(stack, stack.bob)
    [button] = [cid for cid in prompt.message.custom_ids() if cid.startswith("songjam:rights:")]
    await stack.restart_bot()
    execute(stack.data_dir / "songjam.db", "UPDATE held_songs SET expires_at = ?", (time.time() - 1,))
    answer = await click(stack, stack.bob, prompt.message, button)
    assert answer.type == 7 and "Run `/song create` again" in answer.data["content"]
    assert db_rows(stack, "SELECT user_id FROM rights_confirmations") == [(stack.bob.id,)]
    assert stack.api.counters.submits == 0 and db_rows(stack, "SELECT COUNT(*) FROM jobs") == [(0,)]
    assert "Queued as job 1" in (await song(stack, stack.bob))[0]


# --- quotas, credits, refunds, usage, audit ---------------------------------------------------------


async def test_quota_bonus_credit_refund_usage_and_audit(stack):
    modlog = await with_modlog(stack)
    await admin(stack, "settings", "rights", required=False)
    answer = await admin(stack, "quota", "default", songs=1)
    assert "1 song per 24 hours" in answer.data["content"]
    alice = stack.alice

    assert "Queued as job 1" in (await song(stack, alice))[0]
    refusal, _ = await song(stack, alice)
    assert refusal.startswith("You've used your 1 song for the last 24 hours. It frees up <t:")
    assert refusal.endswith(":R>.") and db_rows(stack, "SELECT COUNT(*) FROM jobs") == [(1,)]
    mine = await quota(stack, alice)
    assert "Used **1** of **1** in the last 24 hours · **0** left" in mine and "Next credit frees up <t:" in mine
    assert "server's default" in mine

    granted = await admin(stack, "credits", "grant", member=alice, amount=1, note="jam winner")
    assert "1 bonus credit" in granted.data["content"]
    assert "You have **1 bonus credit**" in await quota(stack, alice)
    assert "Queued as job 2" in (await song(stack, alice))[0]
    await stack.wait_song(2)
    refunded = await admin(stack, "credits", "refund", job=2, note="silent song")
    assert "bonus credit is back" in refunded.data["content"]
    assert "You have **1 bonus credit**" in await quota(stack, alice)

    choices = await stack.discord.autocomplete(user=stack.discord.owner, channel=stack.channel,
                                               name=["songadmin", "credits", "refund"], focused="job",
                                               options={"job": ""})
    assert [choice["value"] for choice in choices] == [1]
    with pytest.raises(CommandUnavailable):  # hidden from members, so no job list either
        await stack.discord.autocomplete(user=stack.bob, channel=stack.channel, name=["songadmin", "credits", "refund"],
                                         focused="job", options={"job": ""})

    report = await admin(stack, "usage", csv=True)
    [attachment] = report.message.attachments
    assert attachment.filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(attachment.data.decode())))
    assert [(r["user_id"], r["jobs"], r["charged"], r["bonus_paid"], r["refunded"]) for r in rows] == [
        (str(alice.id), "2", "1", "0", "1")
    ]
    assert f"<@{alice.id}> · 1 song · 1 refunded" in (await admin(stack, "usage")).data["content"]
    detail = (await admin(stack, "usage", member=alice)).data["content"]
    assert f"**Songs of <@{alice.id}>**" in detail and "Recent jobs:" in detail

    audit = (await admin(stack, "audit")).data["content"]
    owner = f"<@{stack.discord.owner.id}>"
    for action in ("set the mod log", "turned off the rights confirmation", "set the server's default to 1 song",
                   f"granted <@{alice.id}> 1 bonus credit (jam winner)", f"refunded job 2 of <@{alice.id}>"):
        assert f"{owner} {action}" in audit
    assert audit.index("refunded job 2") < audit.index("granted"), "newest first"
    posts = modlog_posts(stack, modlog)
    assert len(posts) == 5 and posts[-1].startswith(f"🛡️ {owner} refunded job 2")


# --- bans, channels, blocked words -------------------------------------------------------------------


async def test_bans_channels_and_blocked_words_refuse_privately_and_change_nothing(stack):
    modlog = await with_modlog(stack)
    await admin(stack, "settings", "rights", required=False)
    alice = stack.alice

    banned = await admin(stack, "ban", member=alice, reason="spamming the channel", days=1)
    assert "can no longer make songs here until <t:" in banned.data["content"]
    refusal, response = await song(stack, alice)
    assert response.type == 5, "answered at once; the refusal follows privately"
    assert "barred you from making songs in this server. Reason: spamming the channel." in refusal
    assert "It lifts <t:" in refusal
    assert f"<@{alice.id}>" in (await admin(stack, "bans")).data["content"]
    assert "You are barred" in await quota(stack, alice)
    form = await (await stack.discord.slash_command(user=alice, channel=stack.channel, name="song create")
                  ).wait_response()
    assert form.type == 4 and form.ephemeral, "a banned member is told before the form, not after typing"
    assert "spamming the channel" in form.data["content"]
    with pytest.raises(CommandUnavailable):
        await stack.discord.slash_command(user=stack.bob, channel=stack.channel, name=["songadmin", "bans"])
    await admin(stack, "unban", member=alice)

    general = stack.discord.add_channel(stack.guild, "general")
    await admin(stack, "channels", "add", channel=stack.channel)
    refusal, _ = await song(stack, alice, channel=general)
    assert refusal == f"Songs can be made only in <#{stack.channel.id}> on this server."
    form = await (await stack.discord.slash_command(user=alice, channel=general, name="song create")).wait_response()
    assert form.type == 4 and form.data["content"] == refusal

    await admin(stack, "words", "add", word="Bad")
    refusal, response = await song(stack, alice, lyrics="ＢＡＤ vibes only")
    assert refusal == str(BLOCKED_MESSAGE) and response.type == 5
    assert stack.api.counters.submits == 0 and db_rows(stack, "SELECT COUNT(*) FROM jobs") == [(0,)]
    assert "`bad`" in (await admin(stack, "words", "list")).data["content"]

    assert "Queued as job 1" in (await song(stack, alice, lyrics="good vibes only"))[0]
    refused = f"🚫 Refused lyrics from <@{alice.id}> in <#{stack.channel.id}>: they match the blocked entry `bad`."
    await stack.wait_public(lambda m: m.content == refused, channel=modlog)  # mod-log posts share the pacer
    posts = modlog_posts(stack, modlog)
    assert any(f"barred <@{alice.id}> until" in post and "spamming the channel" in post for post in posts)


# --- lists and restarts ----------------------------------------------------------------------------


async def test_long_lists_page_with_buttons_that_survive_a_restart(stack):
    for n in range(25):
        await admin(stack, "words", "add", word=f"word{n:02d}")
    listing = await admin(stack, "words", "list")
    assert "page 1 of 3" in listing.data["content"] and "`word00`" in listing.data["content"]
    page_ids = listing.message.custom_ids()
    assert page_ids == ["songjam:page:words:0:0", "songjam:page:words:1:0"]
    assert listing.message.find_component("songjam:page:words:0:0")["disabled"] is True

    second = await click(stack, stack.discord.owner, listing.message, "songjam:page:words:1:0")
    assert second.type == 7 and "page 2 of 3" in second.data["content"] and "`word10`" in second.data["content"]

    await stack.restart_bot()
    shown = stack.discord.message(listing.message.id)
    third = await click(stack, stack.discord.owner, shown, "songjam:page:words:2:0")
    assert third.type == 7 and "page 3 of 3" in third.data["content"] and "`word24`" in third.data["content"]
    overview = (await admin(stack, "settings", "show")).data["content"]
    assert "Blocked words: 25" in overview, "the settings live in the database"


async def test_a_moderator_role_member_without_manage_server(stack):
    mods = stack.discord.add_role(stack.guild, "Song mods")
    carol = stack.discord.add_member(stack.guild, "carol", roles=[mods.id])
    for n in range(11):
        await admin(stack, "words", "add", word=f"w{n}")
    listing = await admin(stack, "words", "list")

    refused = await click(stack, carol, listing.message, "songjam:page:words:1:0")
    assert refused.type == 4 and refused.ephemeral and "Only this server's song moderators" in refused.data["content"]
    await admin(stack, "settings", "moderator-role", role=mods)
    allowed = await click(stack, carol, listing.message, "songjam:page:words:1:0")
    assert allowed.type == 7 and "page 2 of 2" in allowed.data["content"]


# --- language of public posts ---------------------------------------------------------------------


async def test_the_language_of_public_posts_is_a_moderator_setting_in_the_mod_log(stack):
    modlog = await with_modlog(stack)
    owner = stack.discord.owner
    answer = await admin(stack, "settings", "language", language="es-ES")
    assert answer.data["content"].startswith("This server's public posts") and "Spanish" in answer.data["content"]
    assert db_rows(stack, f"SELECT language FROM guild_settings WHERE guild_id = {stack.guild.id}") == [("es-ES",)]
    await asyncio.sleep(0.3)
    assert modlog_posts(stack, modlog)[-1] == f"🛡️ <@{owner.id}> puso el idioma de las publicaciones en español", (
        "the mod log is public: from this change on, it speaks the server's new language")
    audit = (await admin(stack, "audit")).data["content"]
    assert f"<@{owner.id}> set the language of public posts to Spanish" in audit, "the moderator reads English"

    again = await admin(stack, "settings", "language", language="es-ES")
    assert again.data["content"] == "That is already this server's language setting."
    shown = (await admin(stack, "settings", "show")).data["content"]
    assert "Language of public posts: Spanish" in shown

    with pytest.raises(ValueError, match="not one of the choices"):  # the client offers only the shipped ones
        await stack.discord.slash_command(user=owner, channel=stack.channel, name="songadmin settings language",
                                          options={"language": "fr"})
    with pytest.raises(CommandUnavailable):  # hidden from members without Manage Server
        await stack.discord.slash_command(user=stack.alice, channel=stack.channel,
                                          name="songadmin settings language", options={"language": "ja"})

    brazilian_mod = stack.discord.add_member(stack.guild, "bia", locale="pt-BR", permissions=MANAGE_GUILD)
    cleared = await admin(stack, "settings", "language", user=brazilian_mod, language="default")
    assert cleared.data["content"].startswith("As publicações deste servidor agora seguem o idioma do próprio")
    assert db_rows(stack, f"SELECT language FROM guild_settings WHERE guild_id = {stack.guild.id}") == [(None,)]
    await asyncio.sleep(0.3)
    assert modlog_posts(stack, modlog)[-1] == (f"🛡️ <@{brazilian_mod.id}> made public posts follow the server's "
                                               "own language")
    assert "Language of public posts: the server's own" in (await admin(stack, "settings", "show")).data["content"]
