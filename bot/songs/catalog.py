"""What each music model takes and its limits: the one table the rest of the bot reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

PromptStyle = Literal["legacy", "structured"]


@dataclass(frozen=True)
class MusicModel:
    """One music model on the gateway's `/v2/generate/audio` endpoint.

    `lyrics_field` names the body field the lyrics go into; `style_field` the one for a style
    description (None when the model takes none). Character limits count the text exactly as it is
    sent, markers and line breaks included.
    """

    name: str
    lyrics_field: str
    lyrics_min_chars: int
    lyrics_max_chars: int
    style_field: str | None
    style_min_chars: int
    style_max_chars: int
    reference_formats: frozenset[str]
    reference_min_seconds: float
    reference_max_seconds: float | None
    reference_max_bytes: int | None
    prompt_style: PromptStyle

    @property
    def wants_style(self) -> bool:
        return self.style_field is not None

    def build_request(self, *, prompt_text: str, reference_url: str, style: str | None) -> dict[str, Any]:
        """The JSON body of the submit call; `prompt_text` is already formatted for this model."""
        body: dict[str, Any] = {
            "model": self.name,
            "reference_audio_url": reference_url,
            self.lyrics_field: prompt_text,
        }
        if self.style_field is not None and style:
            body[self.style_field] = style
        return body


MB = 1024 * 1024

MODELS: dict[str, MusicModel] = {
    model.name: model
    for model in (
        MusicModel(
            name="minimax-music",
            lyrics_field="prompt",
            lyrics_min_chars=1,
            lyrics_max_chars=600,
            style_field=None,
            style_min_chars=0,
            style_max_chars=0,
            reference_formats=frozenset({"mp3", "wav"}),
            reference_min_seconds=15.0,
            reference_max_seconds=None,
            reference_max_bytes=None,
            prompt_style="legacy",
        ),
        MusicModel(
            name="minimax/music-cover",
            lyrics_field="lyrics",
            lyrics_min_chars=10,
            lyrics_max_chars=3000,
            style_field="prompt",
            style_min_chars=10,
            style_max_chars=2000,
            reference_formats=frozenset({"mp3", "wav", "flac"}),
            reference_min_seconds=6.0,
            reference_max_seconds=360.0,
            reference_max_bytes=50 * MB,
            prompt_style="structured",
        ),
    )
}

DEFAULT_MODEL = "minimax-music"


def style_models() -> list[str]:
    """The names of the models that take a style description, from the table."""
    return sorted(name for name, model in MODELS.items() if model.wants_style)


def get_model(name: str) -> MusicModel:
    """The model called `name`; a KeyError lists the supported names."""
    try:
        return MODELS[name]
    except KeyError:
        raise KeyError(f"unknown music model {name!r}; supported: {', '.join(sorted(MODELS))}") from None
