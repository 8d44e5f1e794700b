"""The date grammar's state: tokens, word lists, reference date, and the numbers inside dates."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

import attrs

from discrepancy.kinds import _dates_calendar as cal
from discrepancy.kinds._dates_lex import Tokens, Words
from discrepancy.model import DateInterval, Precision

SEPARATORS = frozenset("/-.")
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
CURRENCY = frozenset("$€£¥")


@attrs.frozen(kw_only=True)
class Part:
    """A date as written, before it meets the reference date.

    ``months`` > 1 makes a span of months from ``month`` (quarters, halves, thirds of a
    year); ``years`` > 1 a span of years from ``year`` (decades, centuries); ``shift`` is the
    "this"/"next"/"last" written before a date without a year.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    months: int = 1
    years: int = 1
    shift: int | None = None
    first_day: int = 1
    last_day: int = 31


Parsed = Part | DateInterval
Match = tuple[int, Parsed]


def unresolved(precision: Precision = Precision.DAY, weekday: int | None = None) -> DateInterval:
    """A relative date with no reference date to resolve it against."""
    return DateInterval(
        low=dt.date.min,
        high=dt.date.max,
        precision=precision,
        weekday=weekday,
        resolved=False,
    )


class Scanner:
    """Tokens of one text (or of a window of it) with the helpers every grammar rule uses.

    ``memo`` keeps the single dates already read at a token (rules ask for them again);
    ``every_rule`` tries every rule at every token, not only those that may begin with it.
    """

    def __init__(
        self, tokens: Tokens, words: Words, ref: dt.date | None, *, every_rule: bool = False
    ) -> None:
        self.every_rule = every_rule
        self.t = tokens
        self.lows = tokens.lows
        self.glue = tokens.glued
        self.w = words
        self.ref = ref
        self.waived = -1  # a token just after a range's joiner: free to start a date
        self.memo: dict[tuple[object, ...], Match | None] = {}

    def low(self, i: int) -> str:
        """The lower-cased token at ``i``, or ``""`` past either end."""
        if i >= 0:
            try:
                return self.lows[i]
            except IndexError:
                pass
        return self.lows[i] if self.t.reach(i) else ""

    def glued(self, i: int) -> bool:
        """Whether token ``i`` touches the token before it."""
        if 0 <= i < len(self.glue) or self.t.reach(i):
            return self.glue[i]
        return False

    def has(self, i: int) -> bool:
        """Whether there is a token ``i``."""
        return 0 <= i < len(self.lows) or self.t.reach(i)

    def word(self, i: int) -> str:
        """The characters of token ``i`` as written, or ``""`` past either end."""
        t = self.t
        return t.text[t.starts[i] : t.ends[i]] if self.has(i) else ""

    def skip(self, i: int, *words: str) -> int:
        """``i`` moved past one optional token among ``words``."""
        return i + 1 if self.low(i) in words else i

    def free_start(self, i: int) -> bool:
        """Whether a number at ``i`` can start a date (not inside a code, sum or decimal)."""
        if i == self.waived:
            return True
        prev = self.low(i - 1)
        if self.glued(i):
            if prev.isalnum():
                return False
            before = self.low(i - 2)
            glued_before = self.glued(i - 1) and before.isalnum()
            code = len(before) <= 3 and before not in self.w.year_cues
            if prev in SEPARATORS and glued_before and (before.isdigit() or code):
                return False  # "138-2010", "4.85", "S-200"
        return prev not in CURRENCY

    def free_end(self, j: int) -> bool:
        """Whether a date ending before token ``j`` is not followed by more of a number."""
        if not self.glued(j):
            return True
        nxt = self.low(j)
        if nxt in SEPARATORS or nxt in {":", ","}:
            return not (self.glued(j + 1) and self.low(j + 1).isdigit())
        return not nxt.isalnum()

    def cue_before(self, i: int, cues: frozenset[str]) -> bool:
        """Whether the word before ``i`` (skipping "the") is one of ``cues``."""
        j = i - 1
        if self.low(j) == "the":
            j -= 1
        return self.low(j) in cues

    # numbers -----------------------------------------------------------------------------

    def small_number(self, i: int) -> tuple[int, int] | None:
        """A cardinal in words or digits below 100: "twenty five", "forty", "12"."""
        t = self.low(i)
        if t.isdigit() and len(t) <= 3:
            return i + 1, int(t)
        value = self.w.cardinals.get(t)
        if value is None:
            return None
        if value >= 20 and value % 10 == 0:
            j = self.skip(i + 1, "-")
            unit = self.w.cardinals.get(self.low(j))
            if unit is not None and 1 <= unit <= 9:
                return j + 1, value + unit
        return i + 1, value

    def word_ordinal(self, i: int) -> tuple[int, int] | None:
        """An ordinal in words: "ninth", "twenty-seventh", "thirty first"."""
        t = self.low(i)
        if t in self.w.ordinals:
            return i + 1, self.w.ordinals[t]
        tens = self.w.cardinals.get(t)
        if tens in (20, 30):
            j = self.skip(i + 1, "-")
            unit = self.w.ordinals.get(self.low(j))
            if unit is not None and unit <= 9:
                return j + 1, tens + unit
        return None

    def day_number(self, i: int, *, words: bool = False) -> tuple[int, int, bool] | None:
        """A day of the month: "17", "04th", "ninth"; cardinal words too when ``words``.

        Returns the index after it, the day, and whether it was written as an ordinal.
        """
        t = self.low(i)
        if t.isdigit() and len(t) <= 2 and 1 <= int(t) <= 31:
            if self.low(i + 1) in ORDINAL_SUFFIXES and self.glued(i + 1):
                return i + 2, int(t), True
            return i + 1, int(t), False
        ordinal = self.word_ordinal(i)
        if ordinal is not None:
            return ordinal[0], ordinal[1], True
        if words and not t.isdigit():
            number = self.small_number(i)
            if number is not None and 1 <= number[1] <= 31:
                return number[0], number[1], False
        return None

    def year_number(self, i: int, *, short: bool = False) -> tuple[int, int] | None:
        """A year in digits ("2018"; "87" when ``short``) or words ("nineteen ninety six")."""
        t = self.low(i)
        if t.isdigit():
            if len(t) == 4 and 1000 <= int(t) <= 2999:
                return i + 1, int(t)
            if short and len(t) == 2:
                return i + 1, two_digit_year(int(t))
            return None
        return self.year_words(i)

    def year_words(self, i: int) -> tuple[int, int] | None:
        """ "nineteen eighty six", "two thousand and five", "seventeen hundred thirty three"."""
        head = self.small_number(i)
        if head is None or self.low(i).isdigit():
            return None
        j, first = head
        if first == 2 and self.low(j) == "thousand":
            k = self.skip(j + 1, "and")
            rest = None if self.low(k).isdigit() else self.small_number(k)
            return (rest[0], 2000 + rest[1]) if rest else (j + 1, 2000)
        if not 10 <= first <= 20:
            return None
        if self.low(j) == "hundred":
            j = self.skip(j + 1, "and")
            rest = self.small_number(j) if not self.low(j).isdigit() else None
            return (rest[0], first * 100 + rest[1]) if rest else (j, first * 100)
        if self.low(j) in ("oh", "o") and self.w.cardinals.get(self.low(j + 1), 10) < 10:
            return j + 2, first * 100 + self.w.cardinals[self.low(j + 1)]
        rest = self.small_number(j) if not self.low(j).isdigit() else None
        if rest is None or rest[1] < 10:
            return None
        return rest[0], first * 100 + rest[1]

    def count(self, i: int) -> tuple[int, int] | None:
        """How many units: "3", "three", "a", "an", "a couple of"."""
        t = self.low(i)
        if t == "couple":
            return self.skip(i + 1, "of"), 2
        if t in ("a", "an", "one"):
            if self.low(i + 1) == "couple":
                return self.skip(i + 2, "of"), 2
            return i + 1, 1
        if (t.isdigit() and self.free_start(i) and not self.glued(i + 1)) or not t.isdigit():
            return self.small_number(i)
        return None

    def unit(self, i: int) -> tuple[int, int, str] | None:
        """A unit word: "days", "fortnight", "quarters" -> (next index, count, unit)."""
        found = self.w.units.get(self.low(i))
        if found is None:
            return None
        return i + 1, found[0], found[1]

    def month(self, i: int) -> tuple[int, int] | None:
        """A month name or abbreviation (and its full stop): "Sept." -> 9."""
        found = self.w.months.get(self.low(i))
        if found is None:
            return None
        return self.after_dot(i), found

    def weekday(self, i: int) -> tuple[int, int] | None:
        """A weekday name or abbreviation (and its full stop)."""
        found = self.w.weekdays.get(self.low(i))
        if found is None:
            return None
        return self.after_dot(i), found

    def after_dot(self, i: int) -> int:
        """Past the word at ``i`` and, when it is an abbreviation, its full stop."""
        dot = self.low(i) in self.w.abbreviations and self.low(i + 1) == "." and self.glued(i + 1)
        return i + 2 if dot else i + 1

    def midsentence_capital(self, i: int) -> bool:
        """Whether the token at ``i`` is capitalised where a sentence does not begin."""
        prev = self.low(i - 1)
        return self.word(i)[:1].isupper() and prev != "" and prev not in ".!?:\"'“‘"

    def name_follows(self, i: int) -> bool:
        """Whether a capitalised word that is no date word follows: "Sunday Times", "April Ryan"."""
        if not self.has(i) or self.glued(i) or not self.word(i)[:1].isupper():
            return False
        low = self.low(i)
        return low.isalpha() and low not in self.w.starters and low not in self.w.parts_of_day

    def ambiguous(self, i: int) -> bool:
        """Whether the word at ``i`` is also an ordinary word ("may", "march", "sun")."""
        return self.low(i) in self.w.ambiguous


def two_digit_year(yy: int) -> int:
    """A two-digit year read in the window 1940..2039."""
    return 2000 + yy if yy < 40 else 1900 + yy


def resolve(part: Part, ref: dt.date | None) -> DateInterval | None:
    """A written date against the reference date (``None`` when it cannot exist)."""
    if part.year is not None:
        return _with_year(part, part.year)
    if part.month is None:
        if part.day is not None and ref is not None:
            d = cal.nearest_day(ref, part.day, part.weekday)
            return None if d is None else cal.day(d, part.weekday)
        return None
    day_ = part.day or 1
    if cal.make(cal.NO_YEAR, part.month, day_) is None:
        return None
    if ref is None:
        if part.shift is not None:
            return unresolved(Precision.DAY if part.day else Precision.MONTH, part.weekday)
        value = _with_year(part, cal.NO_YEAR)
        return None if value is None else attrs.evolve(value, year_known=False)
    if part.shift is not None or part.months > 1:  # "next May"; "Q2", "H1": this year's
        year: int | None = ref.year + (part.shift or 0)
    else:
        year = cal.choose_year(ref, part.month, day_, part.weekday if part.day else None)
    return None if year is None else _with_year(part, year)


def _with_year(part: Part, year: int) -> DateInterval | None:
    if part.month is None:
        return cal.year_span(year, part.years)
    if part.day is not None:
        d = cal.make(year, part.month, part.day)
        return None if d is None else cal.day(d, part.weekday)
    first = cal.month_span(year, part.month)
    if first is None:
        return None
    if part.months > 1:
        last = cal.add_months(first.low, part.months)
        return None if last is None else attrs.evolve(first, high=last - dt.timedelta(days=1))
    if part.first_day > 1 or part.last_day < 31:
        low = first.low.replace(day=min(part.first_day, first.high.day))
        high = first.high.replace(day=min(part.last_day, first.high.day))
        return attrs.evolve(first, low=low, high=high)
    return first


Rule = Callable[[Scanner, int], Match | None]


def kept(rule: Rule) -> Rule:
    """``rule``, its results kept in ``s.memo`` (for rules that other rules try again)."""

    @functools.wraps(rule)
    def again(s: Scanner, i: int) -> Match | None:
        key = (rule, i, s.waived)
        memo = s.memo
        if key in memo:
            return memo[key]
        found = memo[key] = rule(s, i)
        return found

    return again


def longest(s: Scanner, i: int, rules: tuple[Rule, ...]) -> Match | None:
    """The longest match of any of ``rules`` at token ``i``."""
    best: Match | None = None
    for rule in rules:
        found = rule(s, i)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return best


def value_of(parsed: Parsed, ref: dt.date | None) -> DateInterval | None:
    """The interval a rule's result stands for."""
    return resolve(parsed, ref) if isinstance(parsed, Part) else parsed
