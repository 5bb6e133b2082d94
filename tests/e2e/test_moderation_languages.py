"""Moderation in each reader's language: a Brazilian moderator and member in an English server, a Spanish mod log."""

import asyncio

from fakes.audio import make_mp3
from fakes.discord.permissions import MANAGE_GUILD

MP3 = make_mp3(20.0)


async def admin(stack, user, *path, **options):
    ix = await stack.discord.slash_command(user=user, channel=stack.channel, name=["songadmin", *path], options=options)
    response = await ix.wait_response()
    assert response.ephemeral and response.data["allowed_mentions"]["parse"] == []
    return response


async def refusal(stack, member):
    """`/song create` as the member: the private text they finally read."""
    ix = await stack.discord.slash_command(user=member, channel=stack.channel, name="song create",
                                           options={"reference": stack.attach("ref.mp3", MP3), "lyrics": "la la la"})
    response = await ix.wait_response()
    assert response.ephemeral and response.type == 5
    [answer] = await ix.wait_followups(1, timeout=10)
    assert answer.ephemeral
    return answer.content


async def test_a_brazilian_moderator_reads_songadmin_in_portuguese_in_an_english_server(stack):
    ana = stack.discord.add_member(stack.guild, "ana", locale="pt-BR", permissions=MANAGE_GUILD)
    assert stack.guild.preferred_locale == "en-US"
    done = (await admin(stack, ana, "quota", "default", songs=3)).data["content"]
    assert done.startswith("Os membros daqui agora têm 3 músicas a cada 24 horas.")
    for n in range(11):
        await admin(stack, ana, "words", "add", word=f"palavra{n:02d}")
    listing = await admin(stack, ana, "words", "list")
    assert listing.data["content"].startswith(f"**Palavras bloqueadas** · página 1 de 2\n`palavra00` · adicionada por "
                                              f"<@{ana.id}>")
    assert [row["label"] for row in listing.message.components[0]["components"]] == ["‹ Anterior", "Próxima ›"]
    await asyncio.sleep(0.05)
    click = await stack.discord.click_button(user=ana, message=listing.message, custom_id="songjam:page:words:1:0")
    second = await click.wait_response()
    assert second.type == 7 and second.data["content"].startswith("**Palavras bloqueadas** · página 2 de 2")

    audit = (await admin(stack, ana, "audit")).data["content"]
    assert audit.startswith("**Ações de moderação, as mais recentes primeiro** · página 1 de 2")
    assert f"<@{ana.id}> bloqueou `palavra10`" in audit
    shown = (await admin(stack, ana, "settings", "show")).data["content"]
    assert shown.startswith("**Configurações de músicas deste servidor**\nMúsicas por membro a cada 24 horas: "
                            "3 músicas (padrão deste servidor)")
    assert "`/adminmúsicas palavras lista`" in shown, "commands named as the Portuguese client shows them"
    assert shown.endswith("(uma conexão com o gateway, sem shards)") and "Atendido pelo processo" in shown
    refused = (await admin(stack, ana, "ban", member=ana, reason="teste")).data["content"]
    assert refused == "Você não pode se bloquear."

    owner_audit = (await admin(stack, stack.discord.owner, "audit")).data["content"]
    assert owner_audit.startswith("**Moderator actions, newest first**") and f"<@{ana.id}> blocked `palavra10`" in (
        owner_audit), "the same audit rows read in English by an English moderator"


async def test_a_barred_brazilian_member_is_refused_privately_in_portuguese(stack):
    joao = stack.discord.add_member(stack.guild, "joao", locale="pt-BR")
    await admin(stack, stack.discord.owner, "ban", member=joao, reason="spam no canal", days=2)
    text = await refusal(stack, joao)
    assert text.startswith("Um moderador impediu você de criar músicas neste servidor. Motivo: spam no canal. "
                           "A restrição termina <t:")
    form = await (await stack.discord.slash_command(user=joao, channel=stack.channel, name="song create")
                  ).wait_response()
    assert form.type == 4 and form.ephemeral and form.data["content"] == text, "told before the form too"
    standing = await (await stack.discord.slash_command(user=joao, channel=stack.channel, name="quota")
                      ).wait_response()
    assert standing.data["content"].startswith("**Suas músicas neste servidor**\nUsadas **0** de **50**")
    assert "⛔ Você está impedido de criar músicas aqui até <t:" in standing.data["content"]
    assert stack.api.counters.submits == 0


async def test_a_brazilian_member_asked_for_rights_reads_the_question_and_button_in_portuguese(stack):
    joao = stack.discord.add_member(stack.guild, "joao", locale="pt-BR")
    ix = await stack.discord.slash_command(user=joao, channel=stack.channel, name="song create",
                                           options={"reference": stack.attach("ref.mp3", MP3), "lyrics": "la la la"})
    assert (await ix.wait_response()).type == 5
    prompt = await ix.wait_original(timeout=10)
    assert prompt.content.startswith("Antes da sua primeira música neste servidor")
    assert prompt.components[0]["components"][0]["label"] == "Tenho o direito de usar minhas faixas"
    [button] = [cid for cid in prompt.custom_ids() if cid.startswith("songjam:rights:")]
    await asyncio.sleep(0.05)
    clicked = await (await stack.discord.click_button(user=joao, message=prompt, custom_id=button)).wait_response()
    assert clicked.type == 7 and clicked.data["content"].startswith("✅ Você confirmou <t:")


async def test_a_brazilian_member_over_the_quota_is_refused_in_portuguese(stack):
    joao = stack.discord.add_member(stack.guild, "joao", locale="pt-BR")
    await admin(stack, stack.discord.owner, "quota", "member", member=joao, songs=0)
    ix = await stack.create_song(joao, "la la la", stack.attach("ref.mp3", MP3))
    await ix.wait_response()
    [answer] = await ix.wait_followups(1, timeout=10)
    assert answer.ephemeral and answer.content == "Você já usou todas as suas 0 músicas das últimas 24 horas."


async def test_the_mod_log_of_a_server_set_to_spanish_is_spanish(stack):
    owner = stack.discord.owner
    modlog = stack.discord.add_channel(stack.guild, "mod-log")
    await admin(stack, owner, "settings", "mod-log", channel=modlog)
    await admin(stack, owner, "settings", "language", language="es-ES")
    await admin(stack, owner, "ban", member=stack.alice, reason="spam")
    await admin(stack, owner, "words", "add", word="malo")
    await stack.create_song(stack.alice, "x", stack.attach("ref.mp3", MP3))  # refused: barred
    await admin(stack, owner, "unban", member=stack.alice)
    ix = await stack.create_song(stack.alice, "muy MALO", stack.attach("ref.mp3", MP3))
    await ix.wait_response()
    [told] = await ix.wait_followups(1, timeout=10)
    assert told.content.startswith("Your lyrics contain a word"), "the member reads their own language (en-US)"
    expected = [
        f"🛡️ <@{owner.id}> puso el registro de moderación en <#{modlog.id}>",
        f"🛡️ <@{owner.id}> puso el idioma de las publicaciones en español",
        f"🛡️ <@{owner.id}> vetó a <@{stack.alice.id}>: spam",
        f"🛡️ <@{owner.id}> bloqueó `malo`",
        f"🛡️ <@{owner.id}> levantó el veto a <@{stack.alice.id}>",
        f"🚫 Letra rechazada de <@{stack.alice.id}> en <#{stack.channel.id}>: "
        "coincide con la entrada bloqueada `malo`.",
    ]
    await stack.wait_public(lambda m: m.content == expected[-1], channel=modlog)
    posts = stack.public_messages(modlog)
    assert [post.content for post in posts][1:] == expected[1:]
    assert all(not post.mentions and not post.mention_roles and not post.mention_everyone for post in posts)
