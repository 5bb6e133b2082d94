"""Every bad input gets a clear private message, and nothing is recorded, charged or submitted."""

import pytest

from fakes.audio import make_lying_mp3, make_mp3, make_png, make_wav


async def refused(stack, lyrics, reference, member=None, **options):
    ix = await stack.create_song(member or stack.alice, lyrics, reference, **options)
    response = await ix.wait_response()
    if response.type in (5, 7):  # deferred (or the rights click's update of its prompt): the file was checked
        message = (await ix.wait_followups(1, timeout=10))[0]
        assert message.ephemeral
        return message.content
    assert response.ephemeral, response
    return response.data["content"]


def assert_nothing_happened(stack):
    assert stack.api.counters.submit_requests == 0
    assert stack.public_messages() == []
    assert stack.job_count() == 0


@pytest.mark.parametrize(("filename", "data", "content_type", "expected"), [
    ("cover.mp3", make_png(), "audio/mpeg", "audio file"),
    ("cover.png", make_png(), "image/png", ".mp3"),
    ("short.mp3", make_mp3(9.0), "audio/mpeg", "longer than 15 seconds"),
    ("short.wav", make_wav(15.0), "audio/wav", "longer than 15 seconds"),
    ("lies.mp3", make_lying_mp3(72 * 3600), "audio/mpeg", "longer than 15 seconds"),  # 1.7 kB "72 hours"
    ("track.ogg", make_mp3(20.0), "audio/ogg", ".mp3"),
    ("track.mp3", make_wav(20.0), "audio/mpeg", None),
])
async def test_a_bad_reference_is_refused_privately(stack, filename, data, content_type, expected):
    message = await refused(stack, "la la la", stack.attach(filename, data, content_type=content_type))
    if expected:
        assert expected in message
    assert "Queued" not in message
    assert_nothing_happened(stack)


async def test_an_oversized_reference_is_refused_without_downloading_it(stack):
    big = stack.attach("big.mp3", make_mp3(20.0, pad_to_bytes=26_000_000))
    message = await refused(stack, "la la la", big)
    assert "25 MB" in message
    assert_nothing_happened(stack)


@pytest.mark.parametrize(("lyrics", "expected"), [
    ("   ", "empty"),
    ("x" * 599, "characters over the 600-character limit"),
    ("bell \x07 here", "control character"),
])
async def test_bad_lyrics_are_refused_privately_and_say_why(stack, lyrics, expected):
    message = await refused(stack, lyrics, stack.attach("ref.mp3", make_mp3(20.0)))
    assert expected in message
    assert_nothing_happened(stack)


async def test_over_long_lyrics_are_told_by_how_much(stack):
    message = await refused(stack, "y" * 610, stack.attach("ref.mp3", make_mp3(20.0)))
    assert "14 characters over" in message  # 610 + the two ## markers


async def test_a_missing_reference_is_explained(stack):
    ix = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song create",
                                           options={"lyrics": "la la"})
    response = await ix.wait_response()
    assert response.ephemeral and "reference" in response.data["content"]
    assert_nothing_happened(stack)


async def test_a_dead_attachment_link_is_refused(stack):
    ref = stack.discord.upload_attachment("ref.mp3", make_mp3(20.0), expires_in=0.0)
    message = await refused(stack, "la la", ref)
    assert "upload it again" in message
    assert_nothing_happened(stack)


async def test_a_brazilian_member_is_refused_in_portuguese_in_an_english_server(stack):
    joao = stack.discord.add_member(stack.guild, "joao", locale="pt-BR")
    assert stack.guild.preferred_locale == "en-US"
    ref = stack.attach("ref.mp3", make_mp3(20.0))

    too_long = await refused(stack, "y" * 610, ref, member=joao)
    assert too_long == ("Sua letra passa 14 caracteres do limite de 600 caracteres do minimax-music "
                        "(a contagem inclui as quebras de linha e as marcas ##).")
    titled = await refused(stack, "la la", ref, member=joao, title="Oi @everyone")
    assert titled.startswith("Seu título não pode mencionar ninguém (nada de @everyone, @here")
    short = await refused(stack, "la la", stack.attach("short.mp3", make_mp3(9.0)), member=joao)
    assert short.startswith("A referência precisa ter mais de 15 segundos; a sua tem 9,"), short
    assert short.endswith(" s.")
    missing = await stack.discord.slash_command(user=joao, channel=stack.channel, name="song create",
                                                options={"lyrics": "la la"})
    answer = await missing.wait_response()
    assert answer.ephemeral and answer.data["content"] == (
        "Anexe uma faixa de referência com `referência:`, ou use `/música criar` sozinho para abrir o formulário.")
    assert_nothing_happened(stack)

    english = await refused(stack, "y" * 610, ref)
    assert english.startswith("Your lyrics are 14 characters over"), "an en-US member in the same server reads English"
