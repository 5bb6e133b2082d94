"""Blocked words: entries and lyrics are compared after Unicode NFKC and case folding.

An entry matches whole words (or a phrase of them), so blocking `ass` leaves `class` and `grass`
alone; `*` inside an entry stands for any letters, digits or `_` (`hate*` also blocks `hateful`),
and a leading or trailing `*` drops the whole-word rule on that side. The words of a phrase match
whatever separates them (`very evil` blocks `very-evil` and `very_evil`). Scripts written without
spaces between words (Chinese, Japanese, Thai...) match anywhere. Invisible formatting characters
(zero-width spaces and joiners) are dropped first, so they cannot split a word.

Matching runs on the event loop, so it must be fast whatever the entries: no regex (a backtracking
engine took minutes on `a*a*a*a*b` against a long run of `a`). All of a server's entries become one
automaton (`_Automaton`) that reads the lyrics once, character by character, keeping the set of
places in the entries a match could have reached as the bits of one integer (the bit-parallel
"shift-and" method for patterns with character classes and repetitions, Navarro & Raffinot,
"Flexible Pattern Matching in Strings", 2002). Each character costs a fixed handful of integer
operations on that set, one machine word per 64 characters of entries, so the work is
len(lyrics) x total entry length / 64 at worst: linear in the lyrics, however many wildcards.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from bot.core.i18n import Message, message

MAX_ENTRY_CHARS = 100
MAX_WILDCARDS = 4
_UNSPACED_SCRIPTS = ("CJK", "IDEOGRAPHIC", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")
_WILDCARD = "*"
_SEPARATOR = " "


class InvalidEntry(Exception):
    """What is wrong with a moderator's entry: `message` for them, `str()` in English for logs."""

    def __init__(self, reason: Message) -> None:
        super().__init__(str(reason))
        self.message = reason


def fold(text: str) -> str:
    """NFKC + case folding (so fullwidth `BAD` and `Bad` are `bad`), without invisible format characters.

    Format characters go first, so one between a letter and its accent cannot keep them apart
    (and folding twice changes nothing).
    """
    visible = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", visible).casefold())


def make_entry(text: str, *, max_wildcards: int | None = MAX_WILDCARDS) -> str:
    """The stored form of a moderator's entry, or InvalidEntry saying what is wrong with it.

    `max_wildcards=None` skips the wildcard limit: for finding an entry stored before it existed.
    """
    entry = " ".join(fold(text).split())
    while _WILDCARD * 2 in entry:
        entry = entry.replace(_WILDCARD * 2, _WILDCARD)
    if not any(_is_word(ch) for ch in entry):
        raise InvalidEntry(message("moderation-error-word-empty"))
    if len(entry) > MAX_ENTRY_CHARS:
        raise InvalidEntry(message("moderation-error-word-long", max=MAX_ENTRY_CHARS))
    if max_wildcards is not None and entry.count(_WILDCARD) > max_wildcards:
        raise InvalidEntry(message("moderation-error-word-wildcards", max=max_wildcards))
    return entry


def find_blocked(text: str, entries: Iterable[str]) -> str | None:
    """The first entry that `text` contains, or None."""
    return scan(text, entries).entry


class Scan(NamedTuple):
    entry: str | None  # the first entry (in the order given) that the text contains
    steps: int  # the work done: one per character of the text per 64-bit word of the automaton's state


def scan(text: str, entries: Iterable[str]) -> Scan:
    """find_blocked, and how much work it took (for tests and the benchmark; no state is kept)."""
    automaton = _compile(tuple(entries))
    return automaton.run(fold(text))


# --- the automaton -------------------------------------------------------------------------------------


def _is_word(ch: str) -> bool:
    """What regex `\\w` matches in a str pattern."""
    return ch.isalnum() or ch == "_"


def _unspaced(char: str) -> bool:
    return unicodedata.name(char, "").startswith(_UNSPACED_SCRIPTS)


@dataclass(frozen=True)
class _Automaton:
    """The entries as one Glushkov automaton, a bit per character of an entry (its `position`).

    An entry is a sequence of positions: a literal character, `*` (any run of word characters,
    possibly none: regex `\\w*`) or a space (a run of one or more non-alphanumerics: `[\\W_]+`).
    After reading text[k], bit i of the state is set when the positions of its entry up to and
    including i match a piece of the text ending at text[k]. Reading a character moves every set
    bit on to the positions that may follow it (the next one; the one after a `*`, which may read
    nothing; itself for `*` and space) and keeps those that accept the character.
    """

    entries: tuple[str, ...]
    offsets: tuple[int, ...]  # the first bit of each entry (they follow one another in order)
    literal: dict[str, int]  # character -> the literal positions of that character
    wildcard: int  # `*` positions: they read word characters and may repeat
    separator: int  # space positions: they read non-alphanumerics and may repeat
    repeat: int  # wildcard | separator
    next_one: int  # positions followed by another in the same entry
    next_two: int  # positions followed by a `*` and then another position (the `*` may read nothing)
    first: int  # where an entry can start
    first_after_break: int  # ... only after a non-word character or at the start (whole-word entries)
    last: int  # where an entry is complete
    last_before_break: int  # ... only before a non-word character or at the end
    always: int  # entries that match any text (only wildcards), one bit each
    words: int  # 64-bit words in the state

    def accepting(self, ch: str) -> int:
        """The positions that can read `ch`."""
        mask = self.literal.get(ch, 0)
        if _is_word(ch):
            mask |= self.wildcard
        if not ch.isalnum():
            mask |= self.separator
        return mask

    def run(self, text: str) -> Scan:
        """Read `text` once; every character costs the same few operations on the state."""
        state, hits, steps, words = 0, self.always, 0, self.words
        after_break = True  # the start of the text counts as a break
        accepting: dict[str, int] = {}
        first, first_after_break = self.first, self.first | self.first_after_break
        repeat, next_one, next_two = self.repeat, self.next_one, self.next_two
        last, last_before_break = self.last, self.last_before_break
        for ch in text:
            word = ch.isalnum() or ch == "_"  # _is_word, inlined
            if not word:
                hits |= state & last_before_break
            mask = accepting.get(ch)
            if mask is None:
                mask = accepting[ch] = self.accepting(ch)
            started = first_after_break if after_break else first
            state = (((state & next_one) << 1) | ((state & next_two) << 2) | (state & repeat) | started) & mask
            hits |= state & last
            after_break = not word
            steps += words
        hits |= state & last_before_break
        return Scan(self._first_entry(hits), steps)

    def _first_entry(self, hits: int) -> str | None:
        if not hits:
            return None
        lowest = (hits & -hits).bit_length() - 1
        return self.entries[bisect.bisect_right(self.offsets, lowest) - 1]


def _positions(entry: str) -> str:
    """The entry's positions, one character each: runs of `*` read as one (`\\w*\\w*` is `\\w*`)."""
    out: list[str] = []
    for ch in entry:
        if not (ch == _WILDCARD and out and out[-1] == _WILDCARD):
            out.append(ch)
    return "".join(out)


class _Bits:
    """A bit set built position by position, turned into an int once (so building is linear)."""

    def __init__(self, size: int) -> None:
        self._bytes = bytearray((size + 7) // 8)

    def add(self, bit: int) -> None:
        self._bytes[bit >> 3] |= 1 << (bit & 7)

    def value(self) -> int:
        return int.from_bytes(self._bytes, "little")


@functools.lru_cache(maxsize=64)
def _compile(entries: tuple[str, ...]) -> _Automaton:
    """One automaton for all the entries (a server's list changes rarely; the last few are kept)."""
    all_positions = [_positions(entry) for entry in entries]
    size = sum(max(len(positions), 1) for positions in all_positions)
    literal: dict[str, _Bits] = {}
    wildcard, separator, next_one, next_two, first, first_after_break, last, last_before_break, always = (
        _Bits(size) for _ in range(9)
    )
    offsets: list[int] = []
    offset = 0
    for entry, positions in zip(entries, all_positions, strict=True):
        offsets.append(offset)
        core = entry.strip(_WILDCARD)
        if not core:  # only wildcards (never stored: make_entry needs a letter): matches the empty string
            if positions:
                always.add(offset)
                offset += 1
            continue
        count = len(positions)
        for index, ch in enumerate(positions):
            bit = offset + index
            if ch == _WILDCARD:
                wildcard.add(bit)
            elif ch == _SEPARATOR:
                separator.add(bit)
            else:
                if ch not in literal:
                    literal[ch] = _Bits(size)
                literal[ch].add(bit)
            if index + 1 < count:
                next_one.add(bit)
            if index + 2 < count and positions[index + 1] == _WILDCARD:
                next_two.add(bit)
        # A leading (trailing) `*`, or an unspaced script at that end, drops the whole-word rule there.
        starts = first if entry.startswith(_WILDCARD) or _unspaced(core[0]) else first_after_break
        starts.add(offset)
        if positions[0] == _WILDCARD:
            starts.add(offset + 1)
        ends = last if entry.endswith(_WILDCARD) or _unspaced(core[-1]) else last_before_break
        ends.add(offset + count - 1)
        if positions[-1] == _WILDCARD:
            ends.add(offset + count - 2)
        offset += count
    return _Automaton(
        entries=entries, offsets=tuple(offsets), literal={ch: bits.value() for ch, bits in literal.items()},
        wildcard=wildcard.value(), separator=separator.value(),
        repeat=wildcard.value() | separator.value(), next_one=next_one.value(), next_two=next_two.value(),
        first=first.value(), first_after_break=first_after_break.value(), last=last.value(),
        last_before_break=last_before_break.value(), always=always.value(), words=max(1, (offset + 63) // 64),
    )
