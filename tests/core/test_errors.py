"""A member-facing refusal carries a catalogue message: the member reads it in their language, logs in English."""

from bot.core.errors import LimitReached, UserFacingError
from bot.core.i18n import message


def test_a_refusal_renders_in_the_readers_language_and_logs_in_english():
    refusal = UserFacingError(message("core-error-server-only"))
    assert str(refusal) == "This command works in a server, not in direct messages."
    assert refusal.render("pt-BR") == "Este comando funciona em um servidor, não em mensagens diretas."
    assert refusal.render("es-419") == "Este comando funciona en un servidor, no en mensajes directos."
    assert refusal.render("de") == str(refusal), "a language not shipped reads English"


def test_a_limit_keeps_when_it_lifts():
    limit = LimitReached(message("core-error-cooldown", at=1_800_000_000), lifts_at=1_800_000_000)
    assert limit.lifts_at == 1_800_000_000
    assert limit.render("ja") == "少し待ってください。<t:1800000000:R>にもう一度お試しください。"


def test_text_not_yet_in_the_catalogue_is_shown_as_written():
    assert UserFacingError("That file is empty.").render("ja") == "That file is empty."
