"""A member asks for a song and gets it: the whole flow through the real bot process."""

import asyncio

from fakes.audio import make_mp3
from fakes.music_api import TaskBehaviour, Timing
from tests.e2e.harness import card_text, is_status, running_stack


async def test_a_member_gets_their_song_as_a_reply_with_the_exact_bytes(stack):
    ref = stack.attach("my track.mp3", make_mp3(20.0))
    ix = await stack.create_song(stack.alice, "##hello @everyone / second line // after a pause##", ref)
    response = await ix.wait_response()
    # Deferred at once; a member's first song is answered by their rights click, which updates its prompt.
    assert response.latency < 3.0 and response.ephemeral and response.type in (5, 7)
    confirmation = (await ix.wait_followups(1, timeout=10))[0]
    assert confirmation.ephemeral and "Queued as job 1" in confirmation.content

    song = await stack.wait_song(1)
    task = stack.api.only_task()
    assert song.attachments[0].data == task.audio
    assert song.attachments[0].filename == "songjam-1-my-track.mp3"
    assert song.mentions == [stack.alice.id], "only the requester is pinged"
    assert not song.mention_everyone
    assert song.message_reference is None, "a new message: its card is deleted, nothing to reply to"

    await stack.wait_delivered(1)
    [card] = stack.cards(1)
    assert card.deleted and card.mentions == [] and not card.mention_everyone, "the card never pinged"
    assert stack.public_messages() == [song], "one message per song stays in the channel"
    assert task.body["prompt"] == "##hello @everyone\nsecond line\n\nafter a pause##"
    assert task.body["reference_audio_url"] == ref.url
    assert stack.api.counters.submits == 1


async def test_the_status_message_appears_at_once_with_a_cancel_button(stack):
    stack.api.timing = Timing(queued_s=1.0, generating_s=1.0)
    ix = await stack.create_song(stack.alice, "la la la", stack.attach("ref.mp3", make_mp3(20.0)))
    status = await stack.wait_public(lambda m: is_status(m, 1), timeout=5)
    text = card_text(status)
    assert "la la la" in text and "`ref.mp3`" in text and "ready <t:" in text and "ahead" not in text
    assert "songjam:cancel:1" in status.custom_ids()
    await stack.wait_song(1)
    assert ix.response.latency < 3.0


async def test_the_form_takes_a_file_and_multi_line_lyrics(stack):
    ix = await stack.discord.slash_command(user=stack.bob, channel=stack.channel, name="song create")
    modal = await ix.wait_response()
    assert modal.type == 9
    await asyncio.sleep(0.05)
    submit = await stack.discord.submit_modal(
        modal, values={"lyrics": "first line\nsecond line\n\n\n\nthird line"},
        files={"reference": stack.attach("ref.mp3", make_mp3(20.0))},
    )
    carry_on = await stack.confirm_rights_if_asked(stack.bob, submit)
    followup = (await carry_on.wait_followups(1, timeout=10))[0]
    assert followup.ephemeral and "Queued as job 1" in followup.content
    await stack.wait_song(1)
    assert stack.api.only_task().body["prompt"] == "##first line\nsecond line\n\nthird line##"


async def test_the_form_only_asks_for_lyrics_when_the_file_came_with_the_command(stack):
    ix = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song create",
                                           options={"reference": stack.attach("ref.mp3", make_mp3(20.0))})
    modal = await ix.wait_response()
    assert modal.type == 9
    assert "reference" not in str(modal.data["components"]) or "lyrics" in str(modal.data["components"])
    await asyncio.sleep(0.05)
    submit = await stack.discord.submit_modal(modal, values={"lyrics": "just lyrics"})
    carry_on = await stack.confirm_rights_if_asked(stack.alice, submit)
    assert "Queued as job 1" in (await carry_on.wait_followups(1, timeout=10))[0].content
    await stack.wait_song(1)


async def test_a_japanese_member_gets_the_form_and_its_answers_in_japanese(stack):
    kenji = stack.discord.add_member(stack.guild, "kenji", locale="ja")
    ix = await stack.discord.slash_command(user=kenji, channel=stack.channel, name="song create")
    modal = await ix.wait_response()
    assert modal.type == 9 and modal.data["title"] == "曲を作る"
    labels = modal.data["components"]
    assert [label["label"] for label in labels] == ["参照曲", "歌詞", "タイトル"]
    assert labels[0]["description"] == "音楽とボーカル入りの .mp3 または .wav ファイル"
    assert labels[1]["description"] == "600 文字まで"
    assert labels[1]["component"]["placeholder"] == "1行に1フレーズ。空行で間が空きます。"
    assert labels[2]["component"]["placeholder"] == "空欄なら歌詞の最初の行を使います"
    await asyncio.sleep(0.05)
    submit = await stack.discord.submit_modal(modal, values={"lyrics": "一行目\n二行目"},
                                              files={"reference": stack.attach("ref.mp3", make_mp3(20.0))})
    carry_on = await stack.confirm_rights_if_asked(kenji, submit)
    queued = (await carry_on.wait_followups(1, timeout=10))[0]
    assert queued.ephemeral
    assert queued.content == "ジョブ 1 として受け付けました。曲ができたらこのチャンネルに投稿します。"
    await stack.wait_song(1)


async def test_a_brazilian_member_is_answered_in_portuguese_and_the_song_post_keeps_the_servers_english(stack):
    joao = stack.discord.add_member(stack.guild, "joao", locale="pt-BR")
    ix = await stack.create_song(joao, "la la la", stack.attach("ref.mp3", make_mp3(20.0)))
    queued = (await ix.wait_followups(1, timeout=10))[0]
    assert queued.ephemeral
    assert queued.content == "Na fila como pedido 1. Vou postar a música neste canal quando ela ficar pronta."
    song = await stack.wait_song(1)
    assert [button["label"] for button in song.components[0]["components"]] == ["Again", "Edit lyrics"], \
        "buttons everyone sees are in the server's language"
    status = await (await stack.discord.slash_command(user=joao, channel=stack.channel, name="song status",
                                                      options={"job": 99})).wait_response()
    assert status.ephemeral and status.data["content"] == "Não encontrei esse pedido entre os seus."


async def test_status_list_and_cancel(stack):
    stack.api.on_next_task(TaskBehaviour(outcome="never"))
    ref = stack.attach("ref.mp3", make_mp3(20.0))
    await (await stack.create_song(stack.alice, "first", ref)).wait_followups(1, timeout=10)
    await stack.wait_submitted(1)

    status = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song status",
                                               options={"job": 1})
    details = await status.wait_response()
    assert details.ephemeral and "**Job 1**" in details.data["content"]

    choices = await stack.discord.autocomplete(user=stack.alice, channel=stack.channel, name="song cancel",
                                               focused="job", options={"job": ""})
    assert [c["value"] for c in choices] == [1]
    assert await stack.discord.autocomplete(user=stack.bob, channel=stack.channel, name="song cancel",
                                            focused="job", options={"job": ""}) == []

    denied = await stack.discord.slash_command(user=stack.bob, channel=stack.channel, name="song cancel",
                                               options={"job": 1})
    assert "can't find" in (await denied.wait_followups(1))[0].content

    listing = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song list")
    assert "`1`" in (await listing.wait_response()).data["content"]

    cancel = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song cancel",
                                               options={"job": 1})
    assert "cancelled" in (await cancel.wait_followups(1))[0].content
    await stack.wait_status(1, "cancelled")
    assert stack.status_message(1).components == []


async def test_the_cancel_button_works_only_for_the_requester(stack):
    stack.api.on_next_task(TaskBehaviour(outcome="never"))
    await (await stack.create_song(stack.alice, "first", stack.attach("ref.mp3", make_mp3(20.0)))).wait_followups(
        1, timeout=10)
    status = await stack.wait_submitted(1)
    await asyncio.sleep(0.1)
    bob_click = await stack.discord.click_button(user=stack.bob, message=status, custom_id="songjam:cancel:1")
    refused = await bob_click.wait_response()
    assert refused.ephemeral and "Only the member who asked" in refused.data["content"]
    alice_click = await stack.discord.click_button(user=stack.alice, message=status, custom_id="songjam:cancel:1")
    assert "cancelled" in (await alice_click.wait_followups(1))[0].content
    await stack.wait_status(1, "cancelled")


async def test_another_model_takes_a_style_and_longer_lyrics(tmp_path):
    async with running_stack(tmp_path, MUSIC_MODEL="minimax/music-cover") as stack:
        lyrics = "[Verse] " + "walking down the road " * 40  # ~850 characters: over minimax-music's 600
        ix = await stack.create_song(stack.alice, lyrics, stack.attach("ref.mp3", make_mp3(20.0)),
                                     style="dreamy lo-fi, soft vocals")
        assert "Queued as job 1" in (await ix.wait_followups(1, timeout=10))[0].content
        await stack.wait_song(1)
        body = stack.api.only_task().body
        assert body["model"] == "minimax/music-cover"
        assert body["prompt"] == "dreamy lo-fi, soft vocals"
        assert body["lyrics"] == lyrics.strip()

        form = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song create")
        modal = await form.wait_response()
        assert "style" in str(modal.data["components"]), "the form asks for the style this model needs"


async def test_dev_guild_id_syncs_the_commands_to_that_server_only(tmp_path):
    async with running_stack(tmp_path, dev_guild=True) as stack:
        names = {command["name"] for command in stack.discord.commands(stack.guild)}
        assert {"song", "quota", "songadmin", "jam"} <= names
        assert stack.discord.commands() == []


async def test_sigterm_closes_the_bot_at_once_and_the_next_start_finishes_the_song(stack):
    import time

    stack.api.on_next_task(TaskBehaviour(generating_s=3.0))
    ix = await stack.create_song(stack.alice, "la la la", stack.attach("ref.mp3", make_mp3(20.0)))
    await ix.wait_followups(1, timeout=10)
    await stack.wait_row(1, lambda r: r["state"] == "submitted")
    started = time.monotonic()
    assert await stack.bot.stop() == 0, "a clean exit on SIGTERM"
    assert time.monotonic() - started < 5
    assert "closed in" in stack.bot.logs()
    await stack.start_bot()
    song = await stack.wait_song(1)
    assert song.attachments[0].data == stack.api.only_task().audio
    assert stack.api.counters.submits == 1


async def _old_client_create(stack, options, *, style):
    """`/song create` from a client that still shows `style:` (the fake's client refuses an unknown
    option, so the option is added to the payload by hand)."""
    from fakes.discord import commands, interactions

    world = stack.discord.world
    data = commands.build_command_data(world, path=["song", "create"], options=options,
                                       user=stack.alice.user, channel=stack.channel)
    data["options"][0]["options"].append({"name": "style", "type": 3, "value": style})
    ix = interactions.new_interaction(world, type=interactions.APPLICATION_COMMAND, user=stack.alice.user,
                                      channel=stack.channel, data=data)
    await stack.discord._dispatch(ix)
    return ix


def _create_options(stack) -> set[str]:
    song = next(c for c in stack.discord.commands() if c["name"] == "song")
    create = next(o for o in song["options"] if o["name"] == "create")
    return {option["name"] for option in create.get("options", [])}


async def test_style_is_offered_only_where_the_model_takes_one(stack):
    assert _create_options(stack) == {"reference", "lyrics", "jam", "title"}, "minimax-music takes no style"

    inline = await _old_client_create(
        stack, {"reference": stack.attach("ref.mp3", make_mp3(20.0)), "lyrics": "la la la"}, style="lo-fi")
    refused = await inline.wait_response()
    assert refused.ephemeral and "takes no style" in refused.data["content"]
    assert "`minimax/music-cover`" in refused.data["content"], "the refusal names the models that take one"

    form = await _old_client_create(stack, {}, style="lo-fi")
    refused = await form.wait_response()
    assert refused.type != 9 and refused.ephemeral and "takes no style" in refused.data["content"]
    assert stack.job_count() == 0 and stack.api.counters.submits == 0, "nothing charged"


async def test_style_is_offered_where_the_model_takes_one(tmp_path):
    async with running_stack(tmp_path, MUSIC_MODEL="minimax/music-cover") as stack:
        assert _create_options(stack) == {"reference", "lyrics", "style", "jam", "title"}


async def test_song_list_pages_through_all_of_a_members_songs_with_links(stack):
    import time

    from tests.support.databases import execute

    now = time.time()
    for n in range(1, 26):  # job n is newer than job n-1; odd ones were posted, even ones have only their card
        posted, card = (9000 + n, 8000 + n) if n % 2 else (None, 8000 + n)
        execute(stack.data_dir / "songjam.db",
                "INSERT INTO jobs (guild_id, channel_id, user_id, model, prompt_text, reference_url, reference_name,"
                " state, created_at, expires_at, status_message_id, delivery_message_id)"
                " VALUES (?, ?, ?, 'minimax-music', ?, 'https://x.invalid/r.mp3', 'r.mp3', 'delivered', ?, ?, ?, ?)",
                (stack.guild.id, stack.channel.id, stack.alice.id, f"song number {n}", now - 100 + n, now + 86400,
                 card, posted))
    link = f"https://discord.com/channels/{stack.guild.id}/{stack.channel.id}/"

    ix = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song list")
    first = await ix.wait_response()
    content = first.data["content"]
    assert first.ephemeral and "page 1 of 3" in content
    lines = content.splitlines()[1:]
    assert [line.split("`")[1] for line in lines] == [str(n) for n in range(25, 15, -1)], "newest first, 10"
    assert f"[song]({link}9025)" in lines[0] and f"[card]({link}8024)" in lines[1]
    assert "@" not in content

    page_one = stack.discord.messages(stack.channel)[-1]
    assert page_one.custom_ids() == [f"songjam:songs:{stack.alice.id}:0", f"songjam:songs:{stack.alice.id}:1"]
    await asyncio.sleep(0.05)
    turned = await stack.discord.click_button(user=stack.alice, message=page_one,
                                              custom_id=f"songjam:songs:{stack.alice.id}:1")
    second = await turned.wait_response()
    assert second.type == 7 and "page 2 of 3" in second.data["content"]
    assert [line.split("`")[1] for line in second.data["content"].splitlines()[1:]] == [
        str(n) for n in range(15, 5, -1)]

    refused = await stack.discord.click_button(user=stack.bob, message=page_one,  # now showing page 2
                                               custom_id=f"songjam:songs:{stack.alice.id}:2")
    answer = await refused.wait_response()
    assert answer.ephemeral and "Only the member" in answer.data["content"]
    await asyncio.sleep(0.1)
    assert "page 2 of 3" in stack.discord.world.messages[page_one.id].content, "bob's click changed nothing"


async def test_a_brazilian_member_reads_her_songs_in_portuguese_while_the_english_servers_card_stays_english(stack):
    ana = stack.discord.add_member(stack.guild, "ana", locale="pt-BR")
    stack.api.on_next_task(TaskBehaviour(outcome="never"))
    await (await stack.create_song(ana, "primeira linha", stack.attach("ref.mp3", make_mp3(20.0)))).wait_followups(
        1, timeout=10)
    card = await stack.wait_submitted(1)
    assert card_text(card).endswith("Job 1 · being made") and "Cancel" in str(card.components), "public: English"

    status = await stack.discord.slash_command(user=ana, channel=stack.channel, name="song status",
                                               options={"job": 1})
    details = (await status.wait_response()).data["content"].splitlines()
    assert details[0].startswith("**Pedido 1**: ") and " · começou <t:" in details[0]
    assert details[1].startswith("Pronta por volta de <t:")
    assert details[2:] == ["Letra: primeira linha", "Referência: `ref.mp3`"]

    listing = await stack.discord.slash_command(user=ana, channel=stack.channel, name="song list")
    assert (await listing.wait_response()).data["content"].startswith("**Suas músicas aqui** (1–1 de 1, página 1 de 1)")
    await asyncio.sleep(0.1)
    click = await stack.discord.click_button(user=ana, message=card, custom_id="songjam:cancel:1")
    [told] = await click.wait_followups(1)
    assert told.ephemeral and told.content.startswith("O pedido 1 foi cancelado e não será postado.")
    cancelled = await stack.wait_status(1, "cancelled")
    assert "Cancelled by the member who asked for it." in card_text(cancelled)
