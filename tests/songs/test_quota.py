"""Quota refusals: each limit is named by the storage, counted by its reason and told in the member's language."""

import pytest

from bot.core.i18n import SHIPPED_LOCALES
from bot.songs.quota import REFUSALS, QuotaExceeded, refusal_reason


@pytest.mark.parametrize("reason", sorted(REFUSALS))
@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_every_limit_is_translated_and_logs_keep_the_english(reason, locale):
    refused = QuotaExceeded(reason, count=3)
    assert refusal_reason(refused) == reason
    text = refused.render(locale)
    assert text and "moderation-" not in text and "{" not in text
    assert str(refused) == refused.render("en"), "logs read the English"
    if locale != "en":
        assert text != refused.render("en"), f"{locale} has its own words for {reason}"


def test_a_refusal_in_portuguese_spanish_and_japanese_with_when_it_frees_up():
    daily = QuotaExceeded("member_daily", count=3, lifts_at=1_800_000_000.5)
    assert refusal_reason(daily) == "member_daily"
    assert daily.render("en") == ("You've used all 3 of your songs for the last 24 hours. "
                                  "It frees up <t:1800000000:R>.")
    assert daily.render("pt-BR") == ("Você já usou todas as suas 3 músicas das últimas 24 horas. "
                                     "Libera <t:1800000000:R>.")
    busy = QuotaExceeded("member_unfinished", count=1)
    assert busy.render("es-419") == "Ya tienes 1 canción en curso; espera a que termine."
    assert busy.render("ja") == "すでに 1 曲が作成中です。終わるまでお待ちください。"


def test_an_unknown_limit_is_a_programming_error():
    with pytest.raises(KeyError):
        QuotaExceeded("a brand new limit")
