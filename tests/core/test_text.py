"""`fit`: a list cut to one message says how many lines it left off, in the reader's language."""

from bot.core.text import fit


def test_a_list_too_long_is_cut_and_says_how_many_lines_are_left_off_in_the_readers_language():
    lines = [f"{n:02d} " + "x" * 40 for n in range(10)]
    english = fit(lines, 200)
    assert english.splitlines()[-1] == "…and 6 more" and len(english) <= 200
    assert fit(lines, 200, locale="pt-BR").splitlines()[-1] == "…e mais 6"
    assert fit(lines, 200, locale="es-419").splitlines()[-1] == "…y 6 más"
    assert fit(lines, 200, locale="ja").splitlines()[-1] == "…ほか 6 件"
    assert fit(lines, 2000, locale="ja") == "\n".join(lines), "nothing to cut: nothing said"
