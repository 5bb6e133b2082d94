"""`/help` pages: accurate to the configured model, short enough for one message."""

import pytest

from bot.core.text import MESSAGE_LIMIT
from bot.help.text import PAGES, HelpFacts, help_page
from bot.songs.catalog import MODELS


def facts(model: str) -> HelpFacts:
    return HelpFacts(model=MODELS[model], daily_quota=5, cooldown_s=30.0, unfinished_per_member=2,
                     reference_max_bytes=25_000_000)


@pytest.mark.parametrize("model", sorted(MODELS))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_fits_one_message(model, page):
    assert 0 < len(help_page(page, facts(model))) <= MESSAGE_LIMIT


def test_the_songs_page_follows_the_model():
    plain = help_page("songs", facts("minimax-music"))
    assert "style:" not in plain and "1–600 characters" in plain and ".mp3, .wav," in plain
    cover = help_page("songs", facts("minimax/music-cover"))
    assert "`style:`" in cover and "10–3000 characters" in cover and "up to 360 seconds" in cover


def test_the_quota_page_takes_the_settings():
    text = help_page("quota", facts("minimax-music"))
    assert "5 songs a day" in text and "up to 2 in progress" in text and "30 seconds between songs" in text
