"""Every message of every catalogue file renders, in every shipped locale, within Discord's 2,000
characters and without a formatting error (which would show English, or the generic text).

The arguments come from each message's own variable references in the Fluent syntax tree (followed
through the messages it refers to): a `DISCORD_TIME` argument is a Unix time, a `DATETIME` one an
aware datetime, a plural selector's (or `NUMBER`'s) a number, tried as 0, 1, 2, 1234 and 1,000,000
so every plural branch renders; a selector on words tries each of its keys; anything else is a
100-character text. A key or a file added later is checked without touching this test.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.core.i18n import SHIPPED_LOCALES, catalogue
from bot.core.i18n.catalogue import GENERIC_TEXT, Catalogue, locales_dir

MESSAGE_LIMIT = 2000
ROOT = Path(str(locales_dir()))
CLDR_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
NUMBERS = (0, 1, 2, 1234, 1_000_000)
UNIX_TIME = 1_800_000_000  # 2027-01-15: a Discord timestamp is its <t:…:R> markup, whatever the time
DATE = datetime(2026, 11, 30, 23, 59, tzinfo=UTC)
LONG_TEXT = ("A member's long words, typed at length: " * 3)[:100]
assert len(LONG_TEXT) == 100

# What a variable is, by the strongest use made of it (a time beats a number beats a word beats text).
TIME, DATE_KIND, NUMBER, WORD, TEXT = "time", "date", "number", "word", "text"
RANK = {TIME: 4, DATE_KIND: 3, NUMBER: 2, WORD: 1, TEXT: 0}


@dataclass
class Variables(Visitor):
    """The variables a pattern uses, each with its kind, and the messages it refers to."""

    kinds: dict[str, str] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)
    references: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        super().__init__()

    def note(self, name: str, kind: str) -> None:
        if RANK[kind] >= RANK[self.kinds.get(name, TEXT)]:
            self.kinds[name] = kind

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.note(node.id.name, TEXT)

    def visit_FunctionReference(self, node: ast.FunctionReference) -> None:
        kind = {"DISCORD_TIME": TIME, "DATETIME": DATE_KIND, "NUMBER": NUMBER}.get(node.id.name, TEXT)
        for argument in node.arguments.positional:
            if isinstance(argument, ast.VariableReference):
                self.note(argument.id.name, kind)
        self.generic_visit(node)

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
        if isinstance(node.selector, ast.VariableReference):
            name = node.selector.id.name
            keys = {v.key.name if isinstance(v.key, ast.Identifier) else v.key.value for v in node.variants}
            if any(isinstance(v.key, ast.NumberLiteral) for v in node.variants) or keys & CLDR_CATEGORIES:
                self.note(name, NUMBER)
            else:
                self.note(name, WORD)
                self.words.setdefault(name, set()).update(keys)
        self.generic_visit(node)

    def visit_MessageReference(self, node: ast.MessageReference) -> None:
        self.references.add(node.id.name + (f".{node.attribute.name}" if node.attribute else ""))

    def visit_TermReference(self, node: ast.TermReference) -> None:
        """A term's own variables are given by the call (`-term(x: 1)`), not by the code: nothing to supply."""


def parse(path: Path) -> dict[str, ast.Pattern]:
    """Each message value and attribute of one file (`id`, `id.attribute`)."""
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
    assert not junk, f"{path}: does not parse"
    found: dict[str, ast.Pattern] = {}
    for entry in resource.body:
        if isinstance(entry, ast.Message):
            if entry.value is not None:
                found[entry.id.name] = entry.value
            for attribute in entry.attributes:
                found[f"{entry.id.name}.{attribute.id.name}"] = attribute.value
    return found


def locale_patterns(locale: str) -> dict[str, ast.Pattern]:
    return {key: pattern for path in sorted((ROOT / locale).glob("*.ftl")) for key, pattern in parse(path).items()}


def variables(key: str, patterns: dict[str, ast.Pattern]) -> Variables:
    """The variables of `key` and of every message it refers to (Fluent passes them the same arguments)."""
    found, seen, todo = Variables(), set(), [key]
    while todo:
        current = todo.pop()
        if current in seen or current not in patterns:
            continue
        seen.add(current)
        before = set(found.references)
        found.visit(patterns[current])
        todo.extend(found.references - before)
    return found


def argument_sets(used: Variables) -> Iterator[dict[str, Any]]:
    """Plausible long arguments: every word key times every plural-deciding number."""
    fixed: dict[str, Any] = {}
    for name, kind in used.kinds.items():
        if kind == TIME:
            fixed[name] = UNIX_TIME
        elif kind == DATE_KIND:
            fixed[name] = DATE
        elif kind == TEXT:
            fixed[name] = LONG_TEXT
    numbers = [name for name, kind in used.kinds.items() if kind == NUMBER]
    words = sorted(name for name, kind in used.kinds.items() if kind == WORD)
    # Each word selector with each of its keys, and a value no key names (its default variant).
    choices = [[*sorted(used.words[name]), LONG_TEXT] for name in words]
    for number in NUMBERS if numbers else (None,):
        for picked in itertools.product(*choices):
            yield fixed | dict.fromkeys(numbers, number) | dict(zip(words, picked, strict=True))


def catalogue_files() -> list[tuple[str, str]]:
    return [(locale, path.name) for locale in SHIPPED_LOCALES for path in sorted((ROOT / locale).glob("*.ftl"))]


def test_every_shipped_locale_has_catalogue_files():
    assert {locale for locale, _ in catalogue_files()} == set(SHIPPED_LOCALES)
    assert ("en", "core.ftl") in catalogue_files()


def problems(messages: Catalogue, locale: str, patterns: dict[str, ast.Pattern], keys: Iterable[str]
             ) -> tuple[int, list[str]]:
    """How many renders were tried, and what went wrong: a formatting error, a text over the limit,
    or `translate` answering with anything but the locale's own text (English, or the generic text)."""
    bundle = messages.bundles[locale]
    found: list[str] = []
    tried = 0
    for key in keys:
        message_id, _, attribute = key.partition(".")
        compiled = bundle.get_message(message_id)
        pattern = compiled.attributes[attribute] if attribute else compiled.value
        for args in argument_sets(variables(key, patterns)):
            tried += 1
            text, errors = bundle.format_pattern(pattern, args)
            if errors:
                found.append(f"{key} {args}: {errors}")
            elif len(text) > MESSAGE_LIMIT:
                found.append(f"{key}: {len(text)} characters with {args}")
            elif text == GENERIC_TEXT or messages.translate(locale, key, **args) != text:
                found.append(f"{key}: not its own text")
    return tried, found


@pytest.mark.parametrize(("locale", "filename"), catalogue_files())
def test_every_message_formats_in_its_own_language_within_discords_limit(locale, filename):
    tried, found = problems(catalogue(), locale, locale_patterns(locale), parse(ROOT / locale / filename))
    assert tried, f"{locale}/{filename} has no messages"
    assert not found, f"{locale}/{filename}:\n" + "\n".join(found[:30])


def test_a_long_or_broken_message_is_caught():
    """The check is real: a text that passes 2,000 characters with long arguments, or fails to format, is named."""
    text = ("x-long = " + "ó" * 1950 + " { $name }\n"
            "x-broken = { $count ->\n [one] { x-nowhere }\n *[other] fine\n}\n"
            "x-fine = { $name } { DISCORD_TIME($at) }\n")
    patterns = parse_text(text)
    tried, found = problems(Catalogue({"en": [text]}), "en", patterns, patterns)
    assert tried == 1 + len(NUMBERS) + 1
    assert [problem.split(" ")[0].rstrip(":") for problem in found] == ["x-long", "x-broken"]
    assert "2051 characters" in found[0]


def test_the_argument_kinds_come_from_the_syntax():
    """The guesses the test relies on, on messages written for the purpose."""
    patterns = parse_text(
        "a = { DISCORD_TIME($at, style: \"R\") } { $who } { $n ->\n [one] one\n *[other] many\n}\n"
        "b = { $state ->\n [open] open\n *[closed] closed\n} { c }\n"
        "c = { DATETIME($day) } { NUMBER($total) }\n"
    )
    a = variables("a", patterns)
    assert a.kinds == {"at": TIME, "who": TEXT, "n": NUMBER}
    b = variables("b", patterns)
    assert b.kinds == {"state": WORD, "day": DATE_KIND, "total": NUMBER}, "followed into the referred message"
    sets = list(argument_sets(b))
    assert {s["state"] for s in sets} == {"open", "closed", LONG_TEXT}
    assert {s["total"] for s in sets} == set(NUMBERS)
    assert next(argument_sets(a))["who"] == LONG_TEXT


def parse_text(text: str) -> dict[str, ast.Pattern]:
    resource = FluentParser().parse(text)
    return {entry.id.name: entry.value for entry in resource.body if isinstance(entry, ast.Message)}
