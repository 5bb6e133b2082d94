"""`spoken_list`: names joined the way each shipped language joins them."""

import pytest

from bot.core.i18n.lists import spoken_list


@pytest.mark.parametrize(("locale", "two", "three"), [
    ("en", "A and B", "A, B, and C"),
    ("es-419", "A y B", "A, B y C"),
    ("pt-BR", "A e B", "A, B e C"),
    ("ja", "A、B", "A、B、C"),
    ("ko", "A and B", "A, B, and C"),
])
def test_names_are_joined_as_the_language_joins_them(locale, two, three):
    assert spoken_list(["A"], locale) == "A"
    assert spoken_list(["A", "B"], locale) == two
    assert spoken_list(["A", "B", "C"], locale) == three
