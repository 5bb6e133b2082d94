"""requirements.txt (what hosts install) stays generated from pyproject.toml (what the code declares)."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def pinned() -> dict[str, tuple[str, set[str]]]:
    """name -> (version, what pulled it in) from pip-compile's output."""
    found: dict[str, tuple[str, set[str]]] = {}
    current = None
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==([^\s;]+).*", line)
        if match:
            current = canonicalize_name(match[1])
            found[current] = (match[2], set())
        elif current and (via := re.fullmatch(r"\s+#\s+(?:via\s+)?(?:#\s+)?(\S.*)", line)):
            found[current][1].add(via[1].removeprefix("via ").strip())
    return found


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [Requirement(spec) for spec in project["dependencies"]]


def test_every_dependency_is_pinned_within_its_specifier():
    pins = pinned()
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is not in requirements.txt: regenerate it (see its first lines)"
        version = pins[name][0]
        assert requirement.specifier.contains(version, prereleases=True), f"{name}=={version} breaks {requirement}"


def test_nothing_else_is_installed_at_the_top_level():
    declared_names = {canonicalize_name(r.name) for r in declared()}
    top_level = {name for name, (_version, via) in pinned().items() if "songjam (pyproject.toml)" in via}
    assert top_level == declared_names
    orphans = [name for name, (_version, via) in pinned().items() if not via]
    assert orphans == [], f"pinned but pulled in by nothing: {orphans}"


def test_the_pinned_python_satisfies_requires_python():
    requires = SpecifierSet(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"])
    pinned_python = (ROOT / ".python-version").read_text().strip()
    assert re.fullmatch(r"3\.\d+", pinned_python)
    assert requires.contains(pinned_python + ".0")
