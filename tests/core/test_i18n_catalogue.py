"""The shipped catalogue: every locale has every message, the same placeholders, and complete plurals."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel import Locale
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.core.i18n import SHIPPED_LOCALES
from bot.core.i18n.catalogue import locales_dir

CLDR_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
# A selector on `$ordinal` chooses by the CLDR *ordinal* category of a number ("1st", "2nd"), which
# the code passes from Babel (`Locale.ordinal_form`): its keys are that locale's ordinal categories.
ORDINAL = "ordinal"
TRANSLATED = [locale for locale in SHIPPED_LOCALES if locale != "en"]
ROOT = Path(str(locales_dir()))


def entries(locale: str) -> dict[str, ast.Pattern]:
    """Every message value and attribute of a locale (`id` and `id.attribute`), from every file."""
    found: dict[str, ast.Pattern] = {}
    for path in sorted((ROOT / locale).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
        assert not junk, f"{path}: {junk[0].annotations[0].message if junk[0].annotations else 'syntax error'}"
        for entry in resource.body:
            if isinstance(entry, ast.Message):
                assert entry.id.name not in found, f"{locale}: {entry.id.name} defined twice"
                if entry.value is not None:
                    found[entry.id.name] = entry.value
                for attribute in entry.attributes:
                    found[f"{entry.id.name}.{attribute.id.name}"] = attribute.value
    return found


class Collect(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.selects: list[ast.SelectExpression] = []
        self.references: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.variables.add(node.id.name)

    def visit_MessageReference(self, node: ast.MessageReference) -> None:
        self.references.add(node.id.name + (f".{node.attribute.name}" if node.attribute else ""))

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
        self.selects.append(node)
        self.generic_visit(node)


def collect(pattern: ast.Pattern) -> Collect:
    visitor = Collect()
    visitor.visit(pattern)
    return visitor


def variable_selects(pattern: ast.Pattern) -> Iterator[tuple[str, set[str]]]:
    """(variable, variant keys) of each selector on a variable."""
    for select in collect(pattern).selects:
        if isinstance(select.selector, ast.VariableReference):
            yield select.selector.id.name, {v.key.name for v in select.variants if isinstance(v.key, ast.Identifier)}


def plural_selects(pattern: ast.Pattern) -> Iterator[tuple[str, set[str]]]:
    """(variable, variant keys) of each selector on a number (its keys are CLDR plural categories)."""
    for variable, keys in variable_selects(pattern):
        if variable != ORDINAL and keys & (CLDR_CATEGORIES - {"other"}):
            yield variable, keys


ENGLISH = entries("en")


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_locale_has_exactly_the_english_keys(locale):
    keys = set(entries(locale))
    assert not set(ENGLISH) - keys, f"{locale} lacks {sorted(set(ENGLISH) - keys)}"
    assert not keys - set(ENGLISH), f"{locale} has keys English lacks: {sorted(keys - set(ENGLISH))}"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_placeholders_match_english(locale):
    translated = entries(locale)
    for key, pattern in ENGLISH.items():
        if key in translated:
            assert collect(translated[key]).variables == collect(pattern).variables, f"{locale} {key}"


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_message_references_point_at_existing_messages(locale):
    found = entries(locale)
    for key, pattern in found.items():
        for reference in collect(pattern).references:
            assert reference in found, f"{locale} {key} refers to missing {reference}"


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_plural_selectors_cover_every_cldr_category_of_the_locale(locale):
    categories = set(Locale.parse(locale.replace("-", "_")).plural_form.tags) | {"other"}
    found = entries(locale)
    for key, pattern in found.items():
        for variable, keys in plural_selects(pattern):
            assert categories <= keys, f"{locale} {key} (${variable}) lacks {sorted(categories - keys)}"
            assert keys <= CLDR_CATEGORIES | {str(n) for n in range(100)}, f"{locale} {key}: {keys}"
    if categories == {"other"}:
        return  # a language without plural forms (Japanese) needs no selector at all
    for key, pattern in ENGLISH.items():
        for variable, _keys in plural_selects(pattern):
            assert variable in {v for v, _ in plural_selects(found[key])}, f"{locale} {key}: no plural on ${variable}"


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_ordinal_selectors_cover_every_cldr_ordinal_category_of_the_locale(locale):
    categories = set(Locale.parse(locale.replace("-", "_")).ordinal_form.tags) | {"other"}
    for key, pattern in entries(locale).items():
        for variable, keys in variable_selects(pattern):
            if variable == ORDINAL:
                assert categories <= keys <= CLDR_CATEGORIES, f"{locale} {key}: {sorted(keys)} for {sorted(categories)}"
