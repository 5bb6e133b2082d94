"""Blocked words: entries and lyrics are compared after Unicode NFKC and case folding.

An entry matches whole words (or a phrase of them), so blocking `ass` leaves `class` and `grass`
alone; `*` inside an entry stands for any letters (`hate*` also blocks `hateful`). Scripts written
without spaces between words (Chinese, Japanese, Thai...) match anywhere. Invisible formatting
characters (zero-width spaces and joiners) are dropped first, so they cannot split a word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

MAX_ENTRY_CHARS = 100
_UNSPACED_SCRIPTS = ("CJK", "IDEOGRAPHIC", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")


class InvalidEntry(Exception):
    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


def fold(text: str) -> str:
    """NFKC + case folding (so fullwidth `BAD` and `Bad` are `bad`), without invisible format characters."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")


def make_entry(text: str) -> str:
    """The stored form of a moderator's entry, or InvalidEntry saying what is wrong with it."""
    entry = " ".join(fold(text).split())
    entry = re.sub(r"\*+", "*", entry)
    if not re.search(r"\w", entry):
        raise InvalidEntry("A blocked word needs at least one letter or digit.")
    if len(entry) > MAX_ENTRY_CHARS:
        raise InvalidEntry(f"A blocked word can be at most {MAX_ENTRY_CHARS} characters.")
    return entry


def find_blocked(text: str, entries: Iterable[str]) -> str | None:
    """The first entry that `text` contains, or None."""
    folded = fold(text)
    for entry in entries:
        if _pattern(entry).search(folded):
            return entry
    return None


def _unspaced(char: str) -> bool:
    return unicodedata.name(char, "").startswith(_UNSPACED_SCRIPTS)


@functools.lru_cache(maxsize=4096)
def _pattern(entry: str) -> re.Pattern[str]:
    words = [r"\w*".join(re.escape(piece) for piece in word.split("*")) for word in entry.split(" ")]
    body = r"[\W_]+".join(words)
    core = entry.strip("*")
    left = "" if entry.startswith("*") or _unspaced(core[0]) else r"(?<!\w)"
    right = "" if entry.endswith("*") or _unspaced(core[-1]) else r"(?!\w)"
    return re.compile(f"{left}{body}{right}")
