"""Lyrics formatting and validation for each model, style checks and Discord-safe previews."""

from __future__ import annotations

import dataclasses

import pytest

from bot.songs.catalog import MODELS
from bot.songs.lyrics import LyricsRejected, check_style, check_title, first_line, format_prompt, from_inline, preview

LEGACY = MODELS["minimax-music"]
COVER = MODELS["minimax/music-cover"]
ZWSP = "\u200b"


def rejected(lyrics: str, model=LEGACY) -> str:
    with pytest.raises(LyricsRejected) as info:
        format_prompt(lyrics, model)
    return str(info.value)


# --- from_inline ---------------------------------------------------------------------------


def test_inline_slash_separates_lines_and_double_slash_makes_a_pause():
    assert from_inline("Side by side / thick and thin // With a laugh / we win") == (
        "Side by side\nthick and thin\n\nWith a laugh\nwe win"
    )


def test_inline_leaves_slashes_inside_words_and_urls():
    assert from_inline("and/or http://x.y/z 1/2") == "and/or http://x.y/z 1/2"


def test_inline_tolerates_extra_spaces_and_repeated_separators():
    assert from_inline("a   /   b / / c") == "a\nb\n\nc"


def test_inline_text_without_separators_is_unchanged():
    assert from_inline("just one line") == "just one line"


def test_inline_then_format_gives_the_legacy_prompt():
    assert format_prompt(from_inline("la la / da da // end"), LEGACY) == "##la la\nda da\n\nend##"


# --- format_prompt: normalisation ------------------------------------------------------------


def test_legacy_prompt_is_wrapped_in_accompaniment_markers():
    assert format_prompt("line one\nline two", LEGACY) == "##line one\nline two##"


@pytest.mark.parametrize(
    "typed",
    ["##line one\nline two##", "##line one\nline two", "line one\nline two##", "## line one\nline two ##"],
)
def test_markers_the_member_typed_are_not_doubled(typed):
    assert format_prompt(typed, LEGACY) == "##line one\nline two##"


def test_crlf_and_lone_cr_become_newlines():
    assert format_prompt("a\r\nb\rc\r\n\r\nd", LEGACY) == "##a\nb\nc\n\nd##"


def test_trailing_spaces_stripped_and_whole_trimmed():
    assert format_prompt("  \n\n  first  \t\nsecond   \n\n  ", LEGACY) == "##first\nsecond##"


def test_three_or_more_newlines_collapse_to_one_pause():
    assert format_prompt("a\n\n\n\n\nb\n \n \n\nc", LEGACY) == "##a\n\nb\n\nc##"


def test_text_is_nfc_normalised_so_the_count_matches():
    decomposed = "cafe\u0301"
    assert format_prompt(decomposed, LEGACY) == "##caf\u00e9##"


def test_structured_model_keeps_tags_and_gets_no_markers():
    lyrics = "[Verse]\nwalking home\n\n[Chorus]\nla la la"
    assert format_prompt(lyrics, COVER) == lyrics


def test_tabs_are_allowed():
    assert format_prompt("a\tb", LEGACY) == "##a\tb##"


# --- format_prompt: validation ---------------------------------------------------------------


@pytest.mark.parametrize("lyrics", ["", "   ", "\n\n\t\n", "####", "## \n ##", "\r\n"])
def test_empty_lyrics_are_refused(lyrics):
    assert "Your lyrics are empty" in rejected(lyrics)


@pytest.mark.parametrize(("char", "code"), [("\x07", "U+0007"), ("\x00", "U+0000"), ("\x1b", "U+001B")])
def test_control_characters_are_refused_by_code_point(char, code):
    message = rejected(f"hello{char}world")
    assert f"contain a control character ({code})" in message


def test_exactly_600_formatted_characters_pass():
    body = "a" * 596
    prompt = format_prompt(body, LEGACY)
    assert len(prompt) == 600
    assert prompt == f"##{body}##"


def test_601_formatted_characters_are_one_character_over():
    assert rejected("a" * 597) == (
        "Your lyrics are 1 character over the 600-character limit for minimax-music "
        "(the count includes line breaks and the ## markers)."
    )


def test_line_breaks_count_towards_the_limit():
    lyrics = "\n".join(["a" * 9] * 60)  # 540 letters + 59 breaks + 4 marker chars = 603
    assert "3 characters over the 600-character limit" in rejected(lyrics)


def test_count_is_on_the_formatted_text_not_the_raw_text():
    raw = "a" * 296 + "\r\n\r\n\r\n\r\n" + "b" * 296 + "   "  # formatted: 4 + 296 + 2 + 296
    assert len(raw) > 600
    assert len(format_prompt(raw, LEGACY)) == 598


def test_structured_model_limit_message_has_no_marker_note():
    message = rejected("x" * 3042, COVER)
    assert message == (
        "Your lyrics are 42 characters over the 3000-character limit for minimax/music-cover "
        "(the count includes line breaks)."
    )
    assert format_prompt("x" * 3000, COVER) == "x" * 3000


def test_structured_model_minimum_length():
    assert "at least 10 characters" in rejected("short", COVER)
    assert format_prompt("ten chars!", COVER) == "ten chars!"


def test_limits_come_from_the_model_table():
    tiny = dataclasses.replace(LEGACY, name="tiny", lyrics_max_chars=10)
    assert format_prompt("abcdef", tiny) == "##abcdef##"
    assert "1 character over the 10-character limit for tiny" in rejected("abcdefg", tiny)


# --- check_style ---------------------------------------------------------------------------


def test_style_for_cover_is_trimmed_and_returned():
    assert check_style("  dreamy synth-pop  ", COVER) == "dreamy synth-pop"


@pytest.mark.parametrize("style", [None, "", "   "])
def test_style_is_required_for_cover(style):
    with pytest.raises(LyricsRejected, match="needs a style description"):
        check_style(style, COVER)


def test_style_minimum_and_maximum_for_cover():
    assert check_style("a" * 10, COVER) == "a" * 10
    assert check_style("a" * 2000, COVER) == "a" * 2000
    with pytest.raises(LyricsRejected) as short:
        check_style("a" * 9, COVER)
    assert "too short" in str(short.value)
    assert "at least 10 characters, and yours has 9" in str(short.value)
    with pytest.raises(LyricsRejected) as long:
        check_style("a" * 2001, COVER)
    assert str(long.value) == (
        "Your style description is 1 character over the 2000-character limit for minimax/music-cover."
    )


def test_style_with_control_character_is_refused():
    with pytest.raises(LyricsRejected, match=r"control character \(U\+0007\)"):
        check_style("dreamy \x07 synth-pop", COVER)


def test_style_refused_for_a_model_without_one():
    with pytest.raises(LyricsRejected) as info:
        check_style("jazz please, lots of it", LEGACY)
    assert "takes no style" in str(info.value)


@pytest.mark.parametrize("style", [None, "", "  "])
def test_no_style_for_a_model_without_one_is_none(style):
    assert check_style(style, LEGACY) is None


# --- preview -------------------------------------------------------------------------------


def test_preview_joins_lines_and_drops_markers():
    assert preview("##first line\nsecond\n\nthird##") == "first line / second / third"


def test_preview_of_short_plain_text_is_unchanged():
    assert preview("hello there") == "hello there"


def test_preview_collapses_whitespace_and_control_characters():
    assert preview("  a \t b\x07c  \r\n d ") == "a b c / d"


def test_preview_truncates_with_an_ellipsis_within_the_limit():
    text = preview("word " * 100)
    assert len(text) <= 120
    assert text.endswith("…")
    assert not text.endswith(" …")
    assert preview("abcdef", limit=4) == "abc…"
    assert preview("abcd", limit=4) == "abcd"


def test_preview_limit_counts_escapes_and_never_splits_one():
    text = preview("*" * 300, limit=50)
    assert len(text) <= 50
    assert text.endswith("…")
    assert text[:-1] == "\\*" * 24


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("**bold**", r"\*\*bold\*\*"),
        ("__under__ ~~strike~~", r"\_\_under\_\_ \~\~strike\~\~"),
        ("`code`", r"\`code\`"),
        ("||spoiler||", r"\|\|spoiler\|\|"),
        ("> quote", r"\> quote"),
        ("# Heading", r"\# Heading"),
        ("-# subtext", r"\-\# subtext"),
        ("[click](https://evil.example)", r"\[click\]\(https://evil.example\)"),
        ("back\\slash", "back\\\\slash"),
        ("1. first", r"1\. first"),
    ],
)
def test_preview_escapes_markdown(raw, expected):
    assert preview(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("@everyone", f"@{ZWSP}everyone"),
        ("hi @here!", f"hi @{ZWSP}here!"),
        ("@Everyone", f"@{ZWSP}Everyone"),
        ("<@123>", f"<{ZWSP}@123\\>"),
        ("<@!123>", f"<{ZWSP}@!123\\>"),
        ("<@&456>", f"<{ZWSP}@&456\\>"),
        ("<#789>", f"<{ZWSP}\\#789\\>"),
        ("mail me@example.com", "mail me@example.com"),
    ],
)
def test_preview_defuses_mentions(raw, expected):
    assert preview(raw) == expected


def test_preview_output_has_no_live_mention_syntax():
    text = preview("@everyone <@1> <@&2> <#3> @here " * 10, limit=500)
    for live in ("@everyone", "@here", "<@", "<#"):
        assert live not in text


def test_first_line_is_the_first_line_with_words_without_markers():
    assert first_line("##\n\n  Side   by side \nthrough thick and thin##") == "Side by side"
    assert first_line("##only line##") == "only line"
    assert first_line("  \n ") == ""


# --- titles --------------------------------------------------------------------------------


def test_a_title_is_trimmed_and_an_empty_one_means_none():
    from bot.songs.lyrics import check_title

    assert check_title("  Rainy Days  ") == "Rainy Days"
    assert check_title("   ") is None and check_title(None) is None
    assert check_title("x" * 80) == "x" * 80


@pytest.mark.parametrize(("title", "words"), [
    ("x" * 81, "1 character over the 80-character limit"),
    ("Hi @everyone", "can't mention anyone"),
    ("for @HERE", "can't mention anyone"),
    ("for <@123456789>", "can't mention anyone"),
    ("for <@!123456789>", "can't mention anyone"),
    ("the <@&42> crew", "can't mention anyone"),
    ("in <#42>", "can't mention anyone"),
    ("two\nlines", "one line"),
    ("bell\x07", "control character"),
])
def test_a_title_that_is_not_plain_one_line_text_is_refused(title, words):
    from bot.songs.lyrics import check_title

    with pytest.raises(LyricsRejected) as info:
        check_title(title)
    assert words in str(info.value)


def test_an_email_like_at_sign_is_fine_in_a_title():
    from bot.songs.lyrics import check_title

    assert check_title("songs@home / everyone's here") == "songs@home / everyone's here"


# --- in the member's language ---------------------------------------------------------------------


def refusal(check, *args) -> LyricsRejected:
    with pytest.raises(LyricsRejected) as info:
        check(*args)
    return info.value


def test_a_lyrics_refusal_is_written_in_the_members_language():
    over = refusal(format_prompt, "x" * 597, LEGACY)  # 601 with the markers
    assert over.render("es-ES") == ("Tu letra se pasa en 1 carácter del límite de 600 caracteres de minimax-music "
                                    "(la cuenta incluye los saltos de línea y las marcas ##).")
    assert over.render("pt-BR").startswith("Sua letra passa 1 caractere do limite de 600 caracteres do minimax-music")
    assert over.render("ja") == ("歌詞が minimax-music の上限 600 文字を 1 文字超えています"
                                 "（改行と ## マーカーも数えます）。")
    assert over.render("fr") == str(over), "a language not shipped reads English"
    assert refusal(format_prompt, "x" * 3050, COVER).render("es-ES").startswith(
        "Tu letra se pasa en 50 caracteres del límite de 3000 caracteres de minimax/music-cover "
        "(la cuenta incluye los saltos de línea)")


def test_a_title_or_style_refusal_is_written_in_the_members_language():
    assert refusal(check_title, "bell\x07").render("ja").startswith("タイトルに制御文字（U+0007）が含まれています。")
    assert refusal(check_title, "x" * 82).render("pt-BR") == "Seu título passa 2 caracteres do limite de 80 caracteres."
    assert refusal(check_style, "short", COVER).render("es-ES") == (
        "Tu descripción de estilo es demasiado corta: minimax/music-cover necesita al menos 10 caracteres, "
        "y la tuya tiene 5.")
    assert refusal(check_style, "dreamy", LEGACY).render("pt-BR").startswith(
        "O modelo musical deste bot, `minimax-music`, não aceita descrição de estilo "
        "(aceitam estilo: `minimax/music-cover`)")
