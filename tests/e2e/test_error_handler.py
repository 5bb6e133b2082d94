"""A command error reaches the member privately, in their own Discord language, through the real bot process."""


async def test_a_brazilian_member_refused_a_moderator_command_reads_why_in_portuguese(stack):
    joao = stack.discord.add_member(stack.guild, "joao", locale="pt-BR")
    assert stack.guild.preferred_locale == "en-US", "an English server"
    ix = await stack.discord.slash_command(user=joao, channel=stack.channel, name="jam end", options={})
    answer = await ix.wait_response()
    assert answer.ephemeral
    assert answer.data["content"] == "Só os moderadores de músicas deste servidor podem fazer isso."
    assert answer.data["allowed_mentions"]["parse"] == []

    english = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="jam end", options={})
    assert (await english.wait_response()).data["content"] == "Only this server's song moderators can do that."
    assert not stack.public_messages(), "a refusal posts nothing"
    assert "unexpected error" not in stack.bot.logs()
