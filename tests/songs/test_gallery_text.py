"""`/song gallery`'s text: one line a song with a jump link, pages that fit one message."""

from typing import Any

import pytest

from bot.core.i18n import SHIPPED_LOCALES
from bot.core.text import MESSAGE_LIMIT
from bot.songs.jobs import Delivery, Job, JobState
from bot.songs.text import SONGS_PER_PAGE, gallery_line, gallery_page, song_title

BIG_ID = 1_234_567_890_123_456_789  # a snowflake as long as today's


def posted(job_id: int = 7, lyrics: str = "Rain on the window\nand the night is long", **changes: Any) -> Job:
    """A song delivered as a reply in its channel."""
    fields: dict[str, Any] = {
        "id": job_id, "guild_id": 10, "channel_id": 20, "user_id": 30, "model": "minimax-music",
        "prompt_text": lyrics, "style": None, "reference_url": "https://cdn.example/r.mp3", "reference_name": "r.mp3",
        "jam_id": None, "state": JobState.DELIVERED, "api_status": None, "generation_id": "g", "status_message_id": 39,
        "result_url": None, "result_path": None, "result_bytes": None, "delivery": Delivery.REPLY,
        "delivery_message_id": 40, "failure_reason": None, "charged": True, "refunded": False,
        "created_at": 1_800_000_000.0, "submitted_at": None, "completed_at": None, "finished_at": 1_800_000_090.0,
        "expires_at": 1_800_001_000.0, "next_attempt_at": None, "poll_count": 0, "fault_streak": 0,
        "member_notified": False,
    }
    return Job(**(fields | changes))


def test_a_song_is_its_first_line_linked_to_its_post_with_the_member_and_when():
    line = gallery_line(3, posted(), None, "en")
    assert line == ("**3.** [Rain on the window](https://discord.com/channels/10/20/40) · <@30> · "
                    "<t:1800000090:R>")
    assert gallery_line(1, posted(), 2, "en").endswith("<t:1800000090:R> · 2 votes")
    assert gallery_line(1, posted(), 1, "en").endswith(" · 1 vote")


def test_a_title_cannot_break_the_link_ping_or_run_long():
    title = song_title(posted(lyrics="##[click](https://evil.example) @everyone##"), "en")
    assert title.startswith("\\[click\\]\\(https") and "](" not in title and title.endswith("…")
    assert "@\u200beveryone" in song_title(posted(lyrics="@everyone sing"), "en")
    assert song_title(posted(lyrics="\n\n   \nSecond line first"), "en") == "Second line first"
    assert len(song_title(posted(lyrics="la " * 100), "en")) <= 28
    assert song_title(posted(title="My *own* title"), "en") == "My \\*own\\* title", "the member's title first"
    assert song_title(posted(lyrics="  "), "es-ES") == "sin título"


def test_pages_count_and_number_from_where_they_start():
    songs = [(posted(job_id=n), None) for n in range(12, 10, -1)]
    text = gallery_page("recent", songs, 1, 12)
    head, *lines = text.splitlines()
    assert head == "**Recent songs here** (11–12 of 12, page 2 of 2)"
    assert [line.split()[0] for line in lines] == ["**11.**", "**12.**"]
    top = gallery_page("top", [(posted(), 4)], 0, 1)
    assert top.startswith("**Top songs here, by jam votes** (1–1 of 1, page 1 of 1)") and top.endswith("4 votes")


def test_an_empty_gallery_says_how_songs_get_there():
    assert "/song create" in gallery_page("recent", [], 0, 0)
    assert "/jam" in gallery_page("top", [], 0, 0)


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_a_full_page_of_the_longest_lines_fits_one_message_whole(locale):
    songs = [(posted(job_id=n, lyrics="Ω[" * 40, user_id=BIG_ID, guild_id=BIG_ID, channel_id=BIG_ID,
                     delivery_message_id=BIG_ID), 1000) for n in range(SONGS_PER_PAGE)]
    text = gallery_page("top", songs, 99_999, 1_000_000, locale)
    assert len(text) <= MESSAGE_LIMIT and len(text.splitlines()) == SONGS_PER_PAGE + 1, "nothing left off"


def test_the_gallery_in_spanish_portuguese_and_japanese():
    songs = [(posted(job_id=n), None) for n in range(12, 10, -1)]
    assert gallery_page("recent", songs, 1, 12, "es-ES").splitlines()[0] == (
        "**Canciones recientes aquí** (11–12 de 12, página 2 de 2)")
    top = gallery_page("top", [(posted(), 1)], 0, 1, "pt-BR")
    assert top.startswith("**As mais votadas aqui, por votos em jams** (1–1 de 1, página 1 de 1)")
    assert top.endswith("<t:1800000090:R> · 1 voto")
    assert gallery_line(1, posted(), 5, "ja").endswith(" · 5票")
    assert "`/曲 作成`" in gallery_page("recent", [], 0, 0, "ja"), "commands named as the Japanese client shows them"
    assert "botones de Votar" in gallery_page("top", [], 0, 0, "es-ES"), "the jam's own button label"
