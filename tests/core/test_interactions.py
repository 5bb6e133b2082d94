"""`reply_privately`: a catalogue message is written in the member's language; an expired interaction is let go."""

import logging
from types import SimpleNamespace

import discord
import pytest

from bot.core.i18n import message
from bot.core.interactions import INTERACTION_EXPIRED, reply_privately
from tests.support.interactions import interaction


async def test_a_message_is_rendered_in_the_members_locale_and_text_is_sent_as_written():
    ix = interaction("pt-BR")
    await reply_privately(ix, message("core-error-no-permission"))
    assert ix.response.sent == [("Você não tem permissão para usar este comando.", {"ephemeral": True})]
    later = interaction("ja", deferred=True)
    view = discord.ui.View()
    await reply_privately(later, "Already written.", view=view)
    assert later.followup.sent == [("Already written.", {"ephemeral": True, "view": view})]


@pytest.mark.parametrize(("code", "raised"), [(INTERACTION_EXPIRED, False), (10008, True)])
async def test_only_an_expired_interaction_is_let_go(caplog, code, raised):
    caplog.set_level(logging.INFO, "songjam.interactions")
    gone = discord.NotFound(SimpleNamespace(status=404, reason="Not Found"), {"code": code, "message": "gone"})

    async def expired(content, **options):
        raise gone

    ix = interaction("es-ES")
    ix.response.send_message = expired
    if raised:
        with pytest.raises(discord.NotFound):
            await reply_privately(ix, message("core-not-moderator"))
    else:
        await reply_privately(ix, message("core-not-moderator"))
        assert "interaction expired before the error could be shown: Only this server's song moderators" in caplog.text
