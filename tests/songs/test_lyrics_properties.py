"""Properties of the lyrics parser that must hold for anything a member can type."""

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.songs.catalog import MODELS
from bot.songs.lyrics import ACCOMPANIMENT_MARKER, LyricsRejected, format_prompt, from_inline, preview

PROPERTY = settings(max_examples=200, deadline=None)

# What a slash-command option holds: one line, with the ` / ` and ` // ` separators, markers, mentions
# and markdown mixed into ordinary text (and, rarely, anything at all).
pieces = st.sampled_from([" / ", " // ", "/", "//", "///", " ", "\t", "la", "and/or", "##", "@everyone", "<@1>",
                          "*", "_", "1.", "é", "e\u0301", "\u200b", "\x07"])
one_line = st.one_of(
    st.lists(pieces, max_size=30).map("".join),
    st.text(max_size=60).map(lambda text: text.replace("\n", " ").replace("\r", " ")),
)
anything = st.one_of(one_line, st.text(max_size=700), st.text(alphabet="ab \n\r\t/#", max_size=3100))


def outside_separators(text: str) -> str:
    """The text without slashes and whitespace: what from_inline must leave alone."""
    return "".join(ch for ch in text if ch not in "/ \t\n")


@PROPERTY
@given(one_line)
@example("a / / / b")
def test_from_inline_only_turns_separators_into_line_breaks(typed):
    lines = from_inline(typed)
    assert outside_separators(lines) == outside_separators(typed)
    assert lines.count("\n") <= typed.count("/")
    if "/" not in typed:
        assert lines == typed


@PROPERTY
@given(one_line)
@example("a / / / b")
@example("a // // b")
def test_inline_lyrics_reach_the_model_with_at_most_one_blank_line_in_a_row(typed):
    # from_inline itself gives one line break per `/`, so separators in a row ("a / / / b") make
    # more than one blank line; format_prompt, which every request goes through, collapses them.
    for model in MODELS.values():
        try:
            prompt = format_prompt(from_inline(typed), model)
        except LyricsRejected:
            continue
        assert "\n\n\n" not in prompt


@PROPERTY
@given(anything)
@example("x" * 597)
@example("##")
@example("\u00a0")
def test_format_prompt_fits_the_model_or_says_why_not(typed):
    for model in MODELS.values():
        try:
            prompt = format_prompt(typed, model)
        except LyricsRejected as refused:
            assert str(refused) and "\n" not in str(refused)
            continue
        assert model.lyrics_min_chars <= len(prompt) <= model.lyrics_max_chars
        assert "\r" not in prompt and "\n\n\n" not in prompt
        assert unicodedata.is_normalized("NFC", prompt)
        if model.prompt_style == "legacy":
            assert prompt.startswith(ACCOMPANIMENT_MARKER) and prompt.endswith(ACCOMPANIMENT_MARKER)
        assert format_prompt(prompt, model) == prompt, "formatting twice changes nothing"


@PROPERTY
@given(anything, st.integers(min_value=1, max_value=400))
@example("@everyone " * 50, 40)
@example("<@123> " * 50, 41)
def test_preview_fits_its_limit_on_one_line_without_pinging(typed, limit):
    shown = preview(typed, limit)
    assert len(shown) <= limit
    assert "\n" not in shown and "\r" not in shown
    assert "@everyone" not in shown.lower() and "@here" not in shown.lower() and "<@" not in shown
