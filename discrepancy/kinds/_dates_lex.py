"""The date words of ``dates.toml``, validated and compiled once per lexicon, and the tokens."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from itertools import accumulate
from operator import eq, sub
from typing import Any

import attrs

from discrepancy.lexicon import Lexicon, LexiconError, default_lexicon

FILE = "dates.toml"
STEP = 24  # characters read at a time past the end of a window
UNIT_NAMES = ("day", "week", "month", "year")
WEEKDAY_SHIFTS = ("last_week", "this_week", "next_week", "upcoming", "recent")
# Digit runs, letter runs, or any other single non-space character: linear, no backtracking.
_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+|\S")
_SPACED_TOKEN = re.compile(r"\s*(?:[0-9]+|[^\W\d_]+|\S)")  # and the space before it
_ASCII_SPACED_TOKEN = re.compile(r"\s*(?:[0-9]+|[a-z]+|\S)")  # the same in lower-case ASCII


class Edge(Exception):
    """A read left of a window that does not begin the text: the window must widen."""


class Tokens:
    """The tokens of ``text`` from about offset ``lo`` on, read further right on demand.

    A token is a run of digits, a run of letters, or any other single character that is not
    a space. Parallel lists (no object per token): lower-cased forms (with \u2019 read as
    an apostrophe, and "\ufffd" for letters with digits beyond ASCII), offsets, and
    whether each token touches the one before. With ``lo`` > 0 the
    first token found may be cut, so it is dropped; reading left of the first kept token
    then raises ``Edge``. Reading past the last token reads more of the text.

    >>> t = Tokens("In Sept. 2018", 4)
    >>> t.lows, t.glued
    (['.', '2018'], [True, False])
    """

    def __init__(self, text: str, lo: int = 0, hi: int | None = None) -> None:
        self.text = text
        self.lows: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.glued: list[bool] = []
        self.at_start = lo <= 0
        self._pos = max(lo, 0)
        self._prev = -1  # where the previous token ends
        self._hi = self._pos
        self._drop_first = lo > 0
        self.more(len(text) if hi is None else hi)

    @property
    def at_end(self) -> bool:
        """Whether every token up to the end of the text has been read."""
        return self._pos >= len(self.text)

    def more(self, hi: int) -> None:
        """Read the tokens that end before offset ``hi`` (all of them at the text's end)."""
        text, pos = self.text, self._pos
        size = len(text)
        if hi > size:
            hi = size
        if hi > self._hi:
            self._hi = hi
        sizes, lens, lows = _split(text[pos:hi])
        ends = [*accumulate(sizes, initial=pos)]
        del ends[0]
        n = len(ends)
        if hi < size and n and ends[-1] == hi:  # the last token may go on
            n -= 1
        first = 0
        if self._drop_first and n > 0:
            self._drop_first, self._prev, self._pos, first = False, ends[0], ends[0], 1
        if n <= first:
            if hi == size:
                self._pos = hi
            return
        self._pos = hi if hi == size else ends[n - 1]
        if first or n < len(ends):
            ends, lows, sizes, lens = ends[first:n], lows[first:n], sizes[first:n], lens[first:n]
        glued = [*map(eq, sizes, lens)]  # no space before
        glued[0] = ends[0] - lens[0] == self._prev
        self._prev = ends[-1]
        self.glued += glued
        self.lows += lows
        self.starts += map(sub, ends, lens)
        self.ends += ends

    def reach(self, i: int) -> bool:
        """Whether token ``i`` exists, reading on to it if need be (``Edge`` left of a window)."""
        if i < 0:
            if self.at_start:
                return False
            raise Edge
        while i >= len(self.lows) and not self.at_end:
            self.more(self._hi + max(STEP, self._hi - self._pos))
        return i < len(self.lows)


def _split(segment: str) -> tuple[list[int], list[int], list[str]]:
    """The length of each token of ``segment`` with the space before it, each token's
    length, and each token lower-cased as the grammar reads it.

    >>> _split("In  Sept.")
    ([2, 6, 1], [2, 4, 1], ['in', 'sept', '.'])
    """
    segment = segment.rstrip()  # each space is then followed by a token: no backtracking
    low = segment.lower()
    if low.isascii():
        pieces = _ASCII_SPACED_TOKEN.findall(low)
        lows = [*map(str.lstrip, pieces)]
        return [*map(len, pieces)], [*map(len, lows)], lows
    same = len(low) == len(segment) and "Σ" not in segment  # "Σ" lower-cases by its context
    pieces = _SPACED_TOKEN.findall(low if same else segment)
    lows = [*map(str.lstrip, pieces)]
    lens = [*map(len, lows)]
    if not same:
        lows = [x.lower() for x in lows]
    return [*map(len, pieces)], lens, [x if x.isascii() else _odd(x) for x in lows]


def _odd(low: str) -> str:
    """A lower-cased token with characters beyond ASCII, as the grammar reads it."""
    low = low.replace("\u2019", "'")
    if not low.isascii() and any(c.isdigit() for c in low):
        return "\ufffd"  # superscripts and other digits: not numbers of a date
    return low


@attrs.frozen(kw_only=True)
class Holiday:
    """How to find one holiday in a given year (see the header of ``dates.toml``)."""

    month: int = 0
    day: int = 0
    weekday: int = -1
    nth: int = 0
    easter: int | None = None
    of: str = ""
    days: int = 0


@attrs.frozen(kw_only=True, eq=False)
class Words:
    """Every word list the date grammar reads, from one lexicon."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    ambiguous: frozenset[str]
    cardinals: Mapping[str, int]
    ordinals: Mapping[str, int]
    relative_days: Mapping[str, int]
    shifts: Mapping[str, int]
    weekday_shifts: Mapping[str, str]
    units: Mapping[str, tuple[int, str]]
    parts_of_day: frozenset[str]
    year_cues: frozenset[str]
    month_cues: frozenset[str]
    decades: Mapping[str, int]
    holidays: Mapping[tuple[str, ...], Holiday]
    holiday_names: Mapping[str, Holiday]
    abbreviations: frozenset[str]
    starters: frozenset[str]  # every word a date expression can begin with
    holiday_heads: frozenset[str]  # the first word of each holiday's name


def _int_table(table: Mapping[str, Any], key: str, low: int, high: int) -> dict[str, int]:
    raw = table.get(key, {})
    if not isinstance(raw, Mapping):
        raise LexiconError(FILE, key, "must be a table")
    out: dict[str, int] = {}
    for word, value in raw.items():
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise LexiconError(FILE, f"{key}.{word}", f"must be an integer in {low}..{high}")
        out[str(word).lower()] = value
    return out


def _word_list(table: Mapping[str, Any], key: str) -> frozenset[str]:
    raw = table.get(key, {})
    words = raw.get("words", []) if isinstance(raw, Mapping) else None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise LexiconError(FILE, f"{key}.words", "must be a list of strings")
    return frozenset(w.lower() for w in words)


def _weekday_shifts(table: Mapping[str, Any]) -> dict[str, str]:
    raw = table.get("weekday_shifts", {})
    out: dict[str, str] = {}
    for word, value in raw.items():
        if value not in WEEKDAY_SHIFTS:
            raise LexiconError(FILE, f"weekday_shifts.{word}", f"must be one of {WEEKDAY_SHIFTS}")
        out[str(word).lower()] = value
    return out


def _units(table: Mapping[str, Any]) -> dict[str, tuple[int, str]]:
    raw = table.get("units", {})
    out: dict[str, tuple[int, str]] = {}
    for word, value in raw.items():
        ok = isinstance(value, list) and len(value) == 2
        if not ok or not isinstance(value[0], int) or value[1] not in UNIT_NAMES:
            raise LexiconError(FILE, f"units.{word}", 'must be [count, "day"|"week"|...]')
        out[str(word).lower()] = (value[0], value[1])
    return out


def _holiday(name: str, value: Any) -> Holiday:
    key = f"holidays.{name}"
    if not isinstance(value, Mapping):
        raise LexiconError(FILE, key, "must be a table")
    try:
        if "easter" in value:
            return Holiday(easter=int(value["easter"]))
        if "of" in value:
            return Holiday(of=str(value["of"]), days=int(value.get("days", 0)))
        month = int(value["month"])
        if not 1 <= month <= 12:
            raise ValueError("month out of range")
        if "nth" in value:
            weekday, nth = int(value["weekday"]), int(value["nth"])
            if not (0 <= weekday <= 6 and 1 <= abs(nth) <= 5):
                raise ValueError("weekday must be 0..6 and nth 1..5 or -1..-5")
            return Holiday(month=month, weekday=weekday, nth=nth)
        day = int(value["day"])
        if not 1 <= day <= 31:
            raise ValueError("day out of range")
        return Holiday(month=month, day=day)
    except (KeyError, TypeError, ValueError) as exc:
        raise LexiconError(FILE, key, f"bad rule: {exc}") from exc


def _holidays(table: Mapping[str, Any]) -> dict[str, Holiday]:
    raw = table.get("holidays", {})
    out = {str(name).lower(): _holiday(name, value) for name, value in raw.items()}
    for name, rule in out.items():
        if rule.of and (rule.of not in out or out[rule.of].of):
            reason = f"{rule.of!r} must be a holiday with a rule of its own"
            raise LexiconError(FILE, f"holidays.{name}", reason)
    return out


@functools.cache
def words(lexicon: Lexicon) -> Words:
    """The compiled word lists of ``lexicon`` (cached per lexicon).

    >>> words(default_lexicon()).months["sept"]
    9
    """
    table = lexicon.table("dates")
    names = _holidays(table)
    months = _int_table(table, "months", 1, 12)
    weekdays = _int_table(table, "weekdays", 0, 6)
    lists = [
        _int_table(table, key, -(10**6), 10**6)
        for key in ("cardinals", "ordinals", "relative_days", "shifts", "decades")
    ]
    starters = frozenset().union(months, weekdays, *lists, table.get("weekday_shifts", {}))
    starters |= {name.split()[0] for name in names} | STARTERS
    return Words(
        starters=starters,
        holiday_heads=frozenset(name.split()[0] for name in names),
        months=months,
        weekdays=weekdays,
        abbreviations=_abbreviations(months) | _abbreviations(weekdays),
        ambiguous=_word_list(table, "ambiguous"),
        cardinals=_int_table(table, "cardinals", 0, 90),
        ordinals=_int_table(table, "ordinals", 1, 31),
        relative_days=_int_table(table, "relative_days", -7, 7),
        shifts=_int_table(table, "shifts", -1, 1),
        weekday_shifts=_weekday_shifts(table),
        units=_units(table),
        parts_of_day=_word_list(table, "parts_of_day"),
        year_cues=_word_list(table, "year_cues"),
        month_cues=_word_list(table, "month_cues"),
        decades=_int_table(table, "decades", 1900, 1990),
        holidays={tuple(_TOKEN.findall(n)): h for n, h in names.items()},
        holiday_names=names,
    )


# fmt: off
STARTERS = frozenset({
    "the", "on", "in", "for", "between", "from", "early", "late", "mid", "middle", "beginning",
    "start", "end", "at", "within", "earlier", "later", "that", "couple", "a", "an", "now",
    "current", "date", "week", "year", "weekend", "q", "h", "w", "cy",
})
# fmt: on


def _abbreviations(names: Mapping[str, int]) -> frozenset[str]:
    """The names shorter than another name of the same month or day ("sept", not "june")."""
    longest: dict[int, int] = {}
    for name, value in names.items():
        longest[value] = max(longest.get(value, 0), len(name))
    return frozenset(name for name, value in names.items() if len(name) < longest[value])


def resolve_lexicon(lexicon: Lexicon | None) -> Words:
    """The compiled words of ``lexicon``, or of the shipped lexicon."""
    return words(lexicon or default_lexicon())
