"""The song form and the list/gallery paging buttons: in the member's language, within Discord's limits."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from bot.core.i18n import SHIPPED_LOCALES
from bot.songs.catalog import MODELS
from bot.songs.intake import ReferenceUpload
from bot.songs.text import SONGS_PER_PAGE
from bot.songs.ui.views import SongModal, gallery, song_list
from tests.songs.ui.test_next_steps import make_job

# Discord's limits on a form (modal): its title and a label's text 45, a description and a placeholder 100.
TITLE_MAX, LABEL_MAX, HINT_MAX = 45, 45, 100


async def ignore(*_: Any) -> None:
    return None


def form(locale: str, model_name: str = "minimax-music", **changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"reference": None, "style": None, "locale": locale} | changes
    return SongModal(MODELS[model_name], ignore, **fields).to_dict()


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
@pytest.mark.parametrize("model_name", sorted(MODELS))
async def test_every_text_of_the_form_fits_discords_limits_in_every_language(locale, model_name):
    payload = form(locale, model_name)
    assert 0 < len(payload["title"]) <= TITLE_MAX
    for label in payload["components"]:
        assert 0 < len(label["label"]) <= LABEL_MAX, label
        assert len(label.get("description", "")) <= HINT_MAX, label
        assert len(label["component"].get("placeholder", "")) <= HINT_MAX, label


async def test_the_form_speaks_the_members_language():
    english, spanish, japanese = form("en"), form("es-ES"), form("ja")
    assert english["title"] == "Make a song"
    assert [label["label"] for label in english["components"]] == ["Reference track", "Lyrics", "Title"]
    assert english["components"][0]["description"] == "A .mp3 or .wav file with music and vocals"
    assert spanish["title"] == "Crear una canción"
    assert [label["label"] for label in spanish["components"]] == ["Pista de referencia", "Letra", "Título"]
    assert spanish["components"][0]["description"] == "Un archivo .mp3 o .wav con música y voz"
    assert [label["label"] for label in japanese["components"]] == ["参照曲", "歌詞", "タイトル"]


async def test_a_known_reference_is_not_asked_for_and_a_style_model_asks_for_one_in_portuguese():
    upload = ReferenceUpload(filename="a.mp3", url="https://cdn.discordapp.com/a.mp3", size=10, content_type=None)
    payload = form("pt-BR", "minimax/music-cover", reference=upload)
    assert [label["label"] for label in payload["components"]] == ["Letra", "Estilo", "Título"]
    assert payload["components"][0]["description"] == "Até 3.000 caracteres"
    assert payload["components"][1]["component"]["placeholder"] == "ex.: synth-pop animado, voz feminina"


class Songs:
    """A member with two pages of songs, and a server with two pages of them (no votes)."""

    def __init__(self) -> None:
        self.jobs = [dataclasses.replace(make_job(id=n), delivery_message_id=100 + n)
                     for n in range(1, SONGS_PER_PAGE + 1)]

    async def member_jobs(self, guild_id: int, member_id: int, *, limit: int, offset: int = 0) -> list[Any]:
        return self.jobs[:limit]

    async def member_job_count(self, guild_id: int, member_id: int) -> int:
        return 2 * SONGS_PER_PAGE

    async def guild_song_count(self, guild_id: int) -> int:
        return 2 * SONGS_PER_PAGE

    async def guild_songs(self, guild_id: int, *, limit: int, offset: int = 0) -> list[Any]:
        return self.jobs[:limit]


def labels(view: Any) -> list[str]:
    return [c["label"] for row in view.to_components() for c in row["components"]]


@pytest.mark.parametrize(("locale", "expected"), [
    ("en", ["‹ Previous", "Next ›"]), ("es-ES", ["‹ Anterior", "Siguiente ›"]), ("ja", ["‹ 前へ", "次へ ›"]),
])
async def test_the_song_list_pages_are_turned_in_the_members_language(locale, expected):
    _content, view = await song_list(Songs(), 1, 3, 0, locale)
    assert view is not None and labels(view) == expected


async def test_the_gallery_tabs_and_pages_are_in_the_members_language():
    _content, view = await gallery(Songs(), Any, 1, "recent", 0, "pt-BR")  # type: ignore[arg-type]
    assert labels(view) == ["Recentes", "Mais votadas", "‹ Anterior", "Próxima ›"]
