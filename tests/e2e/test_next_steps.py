"""What to do next with a delivered song (Again, Edit lyrics, Cover), a title, and "Make a song from this"."""

from __future__ import annotations

import asyncio
from typing import Any

import discord

from fakes.audio import make_mp3
from fakes.discord import FakeInteraction, StoredMessage
from tests.e2e.harness import Stack, running_stack

MENU = "Make a song from this"
MANAGE_GUILD = discord.Permissions(manage_guild=True).value


async def first_song(stack: Stack, lyrics: str = "first line / second line", **options: Any) -> StoredMessage:
    """Alice's song 1, delivered; its message with the next-step buttons."""
    ix = await stack.create_song(stack.alice, lyrics, options.pop("reference", None)
                                 or stack.attach("ref.mp3", make_mp3(20.0)), **options)
    assert "Queued as job 1" in (await ix.wait_followups(1, timeout=10))[0].content
    song = await stack.wait_song(1)
    await asyncio.sleep(0.05)  # as a person would: the buttons are there once the post is
    return song


async def click(stack: Stack, member: Any, message: StoredMessage, custom_id: str) -> FakeInteraction:
    return await stack.discord.click_button(user=member, message=message, custom_id=custom_id)


async def private_answer(ix: FakeInteraction) -> StoredMessage:
    """The first private message the bot answered with (after "thinking…" or at once)."""
    response = await ix.wait_response()
    assert response.ephemeral
    if response.type == 5:
        return (await ix.wait_followups(1, timeout=10))[0]
    assert response.message is not None
    return response.message


def task_body(stack: Stack, index: int) -> dict[str, Any]:
    """What the music API was sent for its `index`th task (in the order they came)."""
    return list(stack.api.tasks.values())[index].body


def field(modal: dict[str, Any], custom_id: str) -> dict[str, Any] | None:
    """A form's input by custom id (inside its label)."""
    for row in modal["components"]:
        component = row.get("component") or {}
        if component.get("custom_id") == custom_id:
            return component
    return None


async def test_again_makes_a_second_song_with_the_same_lyrics_title_and_a_charge(stack):
    song = await first_song(stack, title="  Rainy Days  ")
    assert [row["components"][0]["custom_id"] for row in song.components] == ["songjam:again:1"]
    assert song.custom_ids() == ["songjam:again:1", "songjam:edit:1"], "no Cover: this model takes no style"
    assert stack.job_row(1)["title"] == "Rainy Days", "trimmed, and kept through the rights click"

    refused = await private_answer(await click(stack, stack.bob, song, "songjam:again:1"))
    assert f"Only <@{stack.alice.id}> can make this song again" in refused.content
    assert stack.job_count() == 1, "another member's click makes nothing"

    again = await private_answer(await click(stack, stack.alice, song, "songjam:again:1"))
    assert "Queued as job 2" in again.content
    await stack.wait_song(2)
    first, second = task_body(stack, 0), task_body(stack, 1)
    assert second["prompt"] == first["prompt"] == "##first line\nsecond line##"
    assert second["reference_audio_url"] == first["reference_audio_url"], "a link with a day left is reused"
    row = stack.job_row(2)
    assert row["title"] == "Rainy Days" and row["lyrics"] == "first line\nsecond line" and row["charged"] == 1
    assert not any(r.path == "/attachments/refresh-urls" for r in stack.discord.requests)


async def test_a_title_with_a_mention_is_refused_privately_and_nothing_is_made(stack):
    ix = await stack.discord.slash_command(
        user=stack.alice, channel=stack.channel, name="song create",
        options={"reference": stack.attach("ref.mp3", make_mp3(20.0)), "lyrics": "la la", "title": "Hi @everyone"},
    )
    refused = await private_answer(ix)
    assert "can't mention anyone" in refused.content
    assert stack.job_count() == 0 and stack.api.counters.submits == 0


async def test_again_on_the_last_credit_asks_first_and_cancel_charges_nothing(tmp_path):
    async with running_stack(tmp_path, DEFAULT_DAILY_QUOTA="2") as stack:
        song = await first_song(stack)
        question = await private_answer(await click(stack, stack.alice, song, "songjam:again:1"))
        assert "This uses your last credit today — make it?" in question.content
        assert question.custom_ids() == ["songjam:again-yes:1", "songjam:again-no:1"]
        await asyncio.sleep(0.05)
        cancel = await click(stack, stack.alice, question, "songjam:again-no:1")
        assert (await cancel.wait_response()).type == 7
        assert "Nothing was made, and nothing charged" in stack.discord.message(question.id).content
        assert stack.discord.message(question.id).components == []
        assert stack.job_count() == 1

        question = await private_answer(await click(stack, stack.alice, song, "songjam:again:1"))
        await asyncio.sleep(0.05)
        confirm = await click(stack, stack.alice, question, "songjam:again-yes:1")
        assert "Queued as job 2" in (await confirm.wait_followups(1, timeout=10))[0].content
        await stack.wait_song(2)
        assert stack.job_row(2)["charged"] == 1


async def test_again_after_the_reference_link_expired_renews_it(stack):
    reference = stack.discord.upload_attachment("ref.mp3", make_mp3(20.0), expires_in=60)
    song = await first_song(stack, reference=reference)
    stack.discord.advance_time(120)  # the member's link is dead now
    again = await private_answer(await click(stack, stack.alice, song, "songjam:again:1"))
    assert "Queued as job 2" in again.content
    await stack.wait_song(2)
    fetched = task_body(stack, 1)["reference_audio_url"]
    assert fetched != reference.url and fetched.split("?")[0] == reference.url.split("?")[0]
    assert stack.job_row(2)["reference_url"] == fetched, "the new job keeps the renewed link"
    assert [r.method for r in stack.discord.requests if r.path == "/attachments/refresh-urls"] == ["POST"]


async def test_a_reference_discord_no_longer_has_is_refused_privately_and_nothing_charged(stack):
    reference = stack.discord.upload_attachment("ref.mp3", make_mp3(20.0), expires_in=60)
    song = await first_song(stack, reference=reference)
    del stack.discord.world.attachments[reference.id]  # the member deleted the file
    refused = await private_answer(await click(stack, stack.alice, song, "songjam:again:1"))
    assert "That reference is no longer on Discord: run `/song create` with the file again" in refused.content
    assert stack.job_count() == 1


async def test_edit_lyrics_opens_the_form_filled_in_and_makes_the_new_lyrics(stack):
    song = await first_song(stack, title="Old title")
    refused = await private_answer(await click(stack, stack.bob, song, "songjam:edit:1"))
    assert f"Only <@{stack.alice.id}> can edit this song's lyrics" in refused.content

    edit = await click(stack, stack.alice, song, "songjam:edit:1")
    form = await edit.wait_response()
    assert form.type == 9 and form.latency < 3.0
    assert field(form.data, "reference") is None, "the same reference: no file to upload"
    assert field(form.data, "lyrics")["value"] == "first line\nsecond line"
    assert field(form.data, "title")["value"] == "Old title"
    await asyncio.sleep(0.05)
    submit = await stack.discord.submit_modal(form, values={"lyrics": "brand new words\nand more", "title": "New"})
    assert "Queued as job 2" in (await private_answer(submit)).content
    await stack.wait_song(2)
    assert task_body(stack, 1)["prompt"] == "##brand new words\nand more##"
    assert stack.job_row(2)["title"] == "New"


async def test_cover_shows_with_the_cover_model_and_uses_the_new_style(tmp_path):
    async with running_stack(tmp_path, MUSIC_MODEL="minimax/music-cover") as stack:
        lyrics = "[Verse] walking down the road"
        song = await first_song(stack, lyrics, style="dreamy lo-fi, soft vocals")
        assert song.custom_ids() == ["songjam:again:1", "songjam:edit:1", "songjam:cover:1"]
        cover = await click(stack, stack.alice, song, "songjam:cover:1")
        form = await cover.wait_response()
        assert form.type == 9 and field(form.data, "style")["value"] == "dreamy lo-fi, soft vocals"
        await asyncio.sleep(0.05)
        submit = await stack.discord.submit_modal(form, values={"style": "loud punk rock, shouted vocals"})
        assert "Queued as job 2" in (await private_answer(submit)).content
        await stack.wait_song(2)
        body = task_body(stack, 1)
        assert body["prompt"] == "loud punk rock, shouted vocals" and body["lyrics"] == lyrics


async def test_make_a_song_from_any_message_with_an_audio_file(stack):
    [menu] = [c for c in stack.discord.commands() if c["type"] == 3]
    assert menu["name"] == MENU
    posted = await stack.discord.post_user_message(
        user=stack.alice, channel=stack.channel, content="my demo",
        attachments=[stack.attach("cover.png", b"\x89PNG...", "image/png"), stack.attach("demo.mp3", make_mp3(20.0))],
    )
    ix = await stack.discord.message_command(user=stack.bob, message=posted, name=MENU)
    form = await ix.wait_response()
    assert form.type == 9 and field(form.data, "reference") is None and field(form.data, "title") is not None
    await asyncio.sleep(0.05)
    submit = await stack.discord.submit_modal(form, values={"lyrics": "words for the demo", "title": "Demo"})
    carry_on = await stack.confirm_rights_if_asked(stack.bob, submit)
    assert "Queued as job 1" in (await carry_on.wait_followups(1, timeout=10))[0].content
    await stack.wait_song(1)
    assert stack.api.only_task().body["reference_audio_url"] == posted.attachments[1].url
    row = stack.job_row(1)
    assert row["user_id"] == stack.bob.id and row["reference_name"] == "demo.mp3" and row["title"] == "Demo"


async def test_make_a_song_from_a_message_without_audio_is_refused_privately(stack):
    posted = await stack.discord.post_user_message(user=stack.alice, channel=stack.channel, content="just words")
    ix = await stack.discord.message_command(user=stack.bob, message=posted, name=MENU)
    refused = await ix.wait_response()
    assert refused.type == 4 and refused.ephemeral
    assert "no audio file" in refused.data["content"] and "a .mp3 or .wav file" in refused.data["content"]
    assert stack.job_count() == 0


async def test_a_barred_member_is_refused_before_the_form(stack):
    mod = stack.discord.add_member(stack.guild, "mod", permissions=MANAGE_GUILD)
    ban = await stack.discord.slash_command(user=mod, channel=stack.channel, name=["songadmin", "ban"],
                                            options={"member": stack.bob, "reason": "spamming songs"})
    await ban.wait_original(timeout=10)  # recorded
    posted = await stack.discord.post_user_message(user=stack.alice, channel=stack.channel,
                                                   attachments=[stack.attach("demo.mp3", make_mp3(20.0))])
    ix = await stack.discord.message_command(user=stack.bob, message=posted, name=MENU)
    refused = await ix.wait_response()
    assert refused.type == 4 and refused.ephemeral and "spamming songs" in refused.data["content"]


async def test_a_server_set_to_spanish_gets_spanish_next_steps_while_answers_stay_in_each_members_language(stack):
    mod = stack.discord.add_member(stack.guild, "mod", permissions=MANAGE_GUILD)
    chosen = await stack.discord.slash_command(user=mod, channel=stack.channel,
                                               name=["songadmin", "settings", "language"],
                                               options={"language": "es-ES"})
    await chosen.wait_original(timeout=10)
    song = await first_song(stack)  # Alice's answers stay English (en-US)
    assert [[button["label"] for button in row["components"]] for row in song.components] == [
        ["Otra vez", "Editar letra"]]

    joao = stack.discord.add_member(stack.guild, "joao", locale="pt-BR")
    refused = await private_answer(await click(stack, joao, song, "songjam:again:1"))
    assert refused.content == (f"Só <@{stack.alice.id}> pode fazer esta música de novo. "
                               "Use `/música criar` para fazer a sua.")
    kenji = stack.discord.add_member(stack.guild, "kenji", locale="ja")
    edit = await click(stack, kenji, song, "songjam:edit:1")
    answer = await edit.wait_response()
    assert answer.ephemeral and answer.data["content"].startswith("この曲の歌詞を編集できるのは")
    assert stack.job_count() == 1
