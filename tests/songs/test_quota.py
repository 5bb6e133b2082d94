"""Quota refusals: every limit the job storage words is understood, counted and told in the member's language."""

import ast
from pathlib import Path

import pytest

import bot.songs
from bot.core.i18n import SHIPPED_LOCALES
from bot.songs.quota import QuotaExceeded, refusal_reason

SONGS = Path(bot.songs.__file__).parent


def storage_wordings() -> list[str]:
    """The first argument of every `QuotaExceeded(...)` under bot/songs, with each `{...}` filled by 3."""
    found = []
    for path in sorted(SONGS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QuotaExceeded" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    found.append(first.value)
                elif isinstance(first, ast.JoinedStr):
                    parts = first.values
                    found.append("".join(part.value if isinstance(part, ast.Constant) else "3" for part in parts))
    return found


def test_the_storage_raises_refusals():
    assert len(storage_wordings()) >= 8, "the scan finds the storage's refusals"


@pytest.mark.parametrize("wording", storage_wordings())
@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_every_storage_refusal_is_understood_and_translated(wording, locale):
    refused = QuotaExceeded(wording)
    assert refusal_reason(refused) != "other", wording
    assert str(refused) == refused.user_message == wording, "logs keep the storage's English words"
    text = refused.render(locale)
    assert text and "moderation-" not in text and "{" not in text
    if locale != "en":
        assert text != refused.message.render("en"), f"{locale} has its own words for {wording!r}"


def test_a_refusal_in_portuguese_spanish_and_japanese_with_when_it_frees_up():
    daily = QuotaExceeded("You've used all 3 of your songs for the last 24 hours.", lifts_at=1_800_000_000.5)
    assert refusal_reason(daily) == "member_daily"
    assert daily.render("en") == ("You've used all 3 of your songs for the last 24 hours. "
                                  "It frees up <t:1800000000:R>.")
    assert daily.render("pt-BR") == ("Você já usou todas as suas 3 músicas das últimas 24 horas. "
                                     "Libera <t:1800000000:R>.")
    busy = QuotaExceeded("You already have 1 song(s) in progress; wait for one to finish.")
    assert refusal_reason(busy) == "member_unfinished"
    assert busy.render("es-419") == "Ya tienes 1 canción en curso; espera a que termine."
    assert busy.render("ja") == "すでに 1 曲が作成中です。終わるまでお待ちください。"


def test_words_this_does_not_know_are_shown_as_they_are_and_counted_as_other():
    odd = QuotaExceeded("A brand new limit.")
    assert refusal_reason(odd) == "other" and odd.render("ja") == "A brand new limit."
