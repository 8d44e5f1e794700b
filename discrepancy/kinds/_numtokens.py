"""Number tokens, the gaps between them and the running value of a number (private).

Tokens come from ``_numlex.NumLex`` (digits and words); each knows the gap (the text)
before it. ``Acc`` adds cardinal tokens under the rules of English number words.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import NamedTuple

import attrs

from discrepancy.kinds._numlex import (
    Word,
)

SPACE, HYPHEN, AND, AND_A, A, OF, BREAK = "space", "hyphen", "and", "and_a", "a", "of", "break"
_GAPS = (
    (SPACE, re.compile(r"[ \t\u00a0]{1,20}|\n")),
    (HYPHEN, re.compile(r"[ \t]{0,3}[-‐‑–—][ \t]{0,3}")),
    (AND, re.compile(r"[ \t]{1,20}and[ \t]{1,20}", re.I)),
    (AND_A, re.compile(r"[ \t]{1,20}and[ \t]{1,20}an?[ \t]{1,20}", re.I)),
    (A, re.compile(r"[ \t]{1,20}an?[ \t]{1,20}", re.I)),
    (OF, re.compile(r"[ \t]{1,20}of[ \t]{1,20}(?:an?[ \t]{1,20})?", re.I)),
)


def gap_kind(gap: str) -> str:
    """Classify the text between two number tokens.

    >>> gap_kind(" and "), gap_kind("-"), gap_kind(", ")
    ('and', 'hyphen', 'break')
    """
    if not gap:
        return SPACE
    if len(gap) > 40:
        return BREAK
    for name, pattern in _GAPS:
        if pattern.fullmatch(gap):
            return name
    return BREAK


class Tok(NamedTuple):  # made for every token: a tuple is cheaper than an attrs class
    """One number token: its span, meanings, the gap before it, and (for digits) its value."""

    start: int
    end: int
    meanings: tuple[Word, ...]
    gap: str = BREAK
    word: str = ""
    scaled: bool = False  # digits that carry an abbreviation ("5bn")

    def get(self, kind: str) -> Word | None:
        """The meaning of this token of ``kind``, if it has one."""
        for word in self.meanings:
            if word.kind == kind:
                return word
        return None


class Parsed(NamedTuple):  # made for every number: a tuple is cheaper than an attrs class
    """One number read from tokens: ``[low, high]`` (a point unless vague)."""

    start: int
    end: int
    low: Fraction
    high: Fraction
    high_inclusive: bool = True
    ordinal: bool = False
    vague: bool = False


def category(value: Fraction) -> str:
    """Where a cardinal or ordinal value sits in the grammar.

    >>> category(Fraction(7)), category(Fraction(40)), category(Fraction(1000))
    ('unit', 'tens', 'scale')
    """
    if value < 10:
        return "unit"
    if value < 20:
        return "teen"
    if value < 100:
        return "tens"
    return "hundred" if value == 100 else "scale"


_AFTER = {
    "unit": {None, "hundred", "scale", "tens"},
    "teen": {None, "hundred", "scale"},
    "tens": {None, "hundred", "scale"},
}


@attrs.define
class Acc:
    """The running value of a number being read."""

    start: int
    end: int
    total: Fraction = Fraction(0)
    group: Fraction = Fraction(0)
    big: Fraction | None = None
    last: str | None = None
    whole_before_and: Fraction | None = None
    and_unit: Fraction = Fraction(1)
    sign: int = 1

    @property
    def value(self) -> Fraction:
        return self.sign * (self.total + self.group)

    def take(self, tok: Tok, cat: str, value: Fraction) -> bool:
        """Add a cardinal-like token if the grammar allows it here."""
        if tok.gap == AND and self.last not in {"hundred", "scale"}:
            return False
        if tok.gap not in {SPACE, HYPHEN, AND}:
            return False
        if cat in _AFTER:
            if self.last not in _AFTER[cat] or (
                self.last == "tens" and (cat != "unit" or not value)
            ):
                return False
            if tok.gap == AND:
                self.whole_before_and = self.total + self.group
                big = self.big if self.last == "scale" and self.big is not None else 1
                self.and_unit = Fraction(big)
            self.group += value
        elif cat == "hundred":
            if self.last == "dig" and self.group.denominator == 1 and self.group > 0:
                pass
            elif self.last not in {"unit", "teen", "tens"} or not 0 < self.group < 100:
                return False
            self.group *= 100
        elif self._scale(value):
            cat = "scale"
        else:
            return False
        self.last, self.end = cat, tok.end
        return True

    def _scale(self, value: Fraction) -> bool:
        if (
            self.big is not None
            and value > self.big
            and self.last in {"scale", "unit", "teen", "tens", "hundred"}
        ):
            self.total = (self.total + self.group) * value  # "two thousand million"
            self.group, self.big, self.last = Fraction(0), value, "scale"
            return True
        if self.last in {None, "scale"} or (self.big is not None and value >= self.big):
            return False
        self.total += (self.group or 1) * value
        self.group, self.big, self.last = Fraction(0), value, "scale"
        return True
