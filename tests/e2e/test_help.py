"""`/help`: private pages per capability, switched with persistent buttons."""

import asyncio


async def test_help_answers_privately_with_the_songs_page_and_switches_to_jams(stack):
    ix = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="help")
    answer = await ix.wait_response()
    content = answer.data["content"]
    assert answer.ephemeral and content.startswith("**Songs**")
    assert "/song create" in content and "/song list" in content
    assert "1–600 characters" in content, "the lyrics limit of the configured model (minimax-music)"
    assert "style:" not in content, "minimax-music takes no style"
    assert answer.data["allowed_mentions"]["parse"] == []

    message = stack.discord.messages(stack.channel)[-1]
    assert message.custom_ids() == ["songjam:help:songs", "songjam:help:quota", "songjam:help:jams",
                                    "songjam:help:moderators"]
    await asyncio.sleep(0.05)
    click = await stack.discord.click_button(user=stack.alice, message=message, custom_id="songjam:help:jams")
    switched = await click.wait_response()
    assert switched.type == 7 and switched.data["content"].startswith("**Jams**")
    assert "/jam leaderboard" in switched.data["content"]
    assert not message.mentions and not message.mention_everyone


async def test_the_help_buttons_work_after_a_restart(stack):
    ix = await stack.discord.slash_command(user=stack.bob, channel=stack.channel, name="help")
    await ix.wait_response()
    message = stack.discord.messages(stack.channel)[-1]
    await stack.restart_bot()
    click = await stack.discord.click_button(user=stack.bob, message=message, custom_id="songjam:help:moderators")
    switched = await click.wait_response()
    assert switched.type == 7 and "/songadmin" in switched.data["content"]


async def test_help_answers_a_brazilian_member_in_portuguese_in_an_english_server(stack):
    joao = stack.discord.add_member(stack.guild, "joao", locale="pt-BR")
    assert stack.guild.preferred_locale == "en-US"
    ix = await stack.discord.slash_command(user=joao, channel=stack.channel, name="help")
    answer = await ix.wait_response()
    content = answer.data["content"]
    assert answer.ephemeral and content.startswith("**Músicas**: crie uma música")
    assert "`/música criar referência:<arquivo> letra:<texto>`" in content, "the Portuguese command names"
    assert "de 1 a 600 caracteres" in content
    message = stack.discord.messages(stack.channel)[-1]
    assert [row["label"] for row in message.components[0]["components"]] == ["Músicas", "Cotas", "Jams", "Moderação"]
    await asyncio.sleep(0.05)
    click = await stack.discord.click_button(user=joao, message=message, custom_id="songjam:help:quota")
    switched = (await click.wait_response()).data["content"]
    assert switched.startswith("**Cotas**") and "50 músicas por dia" in switched

    english = await (await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="help")
                     ).wait_response()
    assert english.data["content"].startswith("**Songs**"), "an en-US member in the same server reads English"
