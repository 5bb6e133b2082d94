"""`/help` pages: accurate to the configured model, short enough for one message, in every shipped language."""

import pytest

from bot.core.i18n import SHIPPED_LOCALES
from bot.core.text import MESSAGE_LIMIT
from bot.help.text import PAGES, HelpFacts, help_page
from bot.songs.catalog import MODELS


def facts(model: str) -> HelpFacts:
    return HelpFacts(model=MODELS[model], daily_quota=5, cooldown_s=30.0, unfinished_per_member=2,
                     reference_max_bytes=25_000_000)


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
@pytest.mark.parametrize("model", sorted(MODELS))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_fits_one_message_in_every_language(model, page, locale):
    assert 0 < len(help_page(page, facts(model), locale)) <= MESSAGE_LIMIT


def test_the_songs_page_follows_the_model():
    plain = help_page("songs", facts("minimax-music"), "en")
    assert "style:" not in plain and "1–600 characters" in plain and ".mp3, .wav," in plain
    cover = help_page("songs", facts("minimax/music-cover"), "en-US")
    assert "`style:`" in cover and "10–3,000 characters" in cover and "up to 360 seconds" in cover


def test_the_quota_page_takes_the_settings():
    text = help_page("quota", facts("minimax-music"), "en")
    assert "5 songs a day" in text and "up to 2 in progress" in text and "30 seconds between songs" in text
    one = help_page("quota", HelpFacts(model=MODELS["minimax-music"], daily_quota=1, cooldown_s=2.5,
                                       unfinished_per_member=2, reference_max_bytes=25_000_000), "en")
    assert "1 song a day" in one and "2.5 seconds between songs" in one


def test_the_pages_speak_the_members_language_with_its_plurals_numbers_and_command_names():
    pt = help_page("songs", facts("minimax/music-cover"), "pt-BR")
    assert pt.startswith("**Músicas**") and "`/música criar referência:<arquivo> letra:<texto>`" in pt
    assert "de 10 a 3.000 caracteres" in pt and "`estilo:`" in pt
    assert "5 canciones al día" in help_page("quota", facts("minimax-music"), "es-419")
    one = HelpFacts(model=MODELS["minimax-music"], daily_quota=1, cooldown_s=0, unfinished_per_member=2,
                    reference_max_bytes=25_000_000)
    assert "Por defecto 1 canción al día" in help_page("quota", one, "es-ES")
    assert "sin espera entre canciones" in help_page("quota", one, "es-ES")
    assert "一日 5 曲" in help_page("quota", facts("minimax-music"), "ja")
    assert help_page("jams", facts("minimax-music"), "fr").startswith("**Jams**: a theme")
