"""The nouns that cross the pipeline's stages.

text -> ``Mention`` (a span of one text and its value) -> ``Fact`` (a mention in a
``Source``, with the role it answers) -> ``Slot`` (one question across sources) ->
``Finding`` -> ``Report``. Every class is frozen, keyword-only and typed.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from typing import Any

import attrs

SCHEMA = "discrepancy.report/1"


class FindingType(enum.StrEnum):
    """What a finding says about the values in a slot."""

    CONFLICT = "conflict"
    LIKELY_TYPO = "likely_typo"
    COMPATIBLE = "compatible"
    VARIANT = "variant"
    CONSISTENT = "consistent"


class Precision(enum.StrEnum):
    """How much of a date the text gave."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


@attrs.frozen(kw_only=True)
class Source:
    """One article: its text exactly as read, and what is known about it.

    >>> Source(id="a", text="15 died").id
    'a'
    """

    id: str
    text: str
    path: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    body_start: int = 0  # where the article's text begins after a dateline prefix


@attrs.frozen(kw_only=True)
class Span:
    """A stretch of one source's text: ``source.text[start:end] == surface``."""

    source: str
    start: int
    end: int
    surface: str
    sentence: str = ""


@attrs.frozen(kw_only=True)
class Interval:
    """A numeric value as an interval: ``15`` is [15, 15], ``over 200`` is (200, inf).

    ``None`` stands for an open end. ``unit`` is the canonical name (a pint unit name,
    ``"percent"``, or an ISO 4217 code); ``unit_surface`` is the unit as written.

    >>> str(Interval(low=200, high=None, low_inclusive=False))
    'more than 200'
    """

    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    unit: str | None = None
    unit_surface: str | None = None

    @property
    def exact(self) -> bool:
        """Whether the interval is a single point."""
        return self.low is not None and self.low == self.high

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both intervals (units assumed comparable)."""
        lows = [(_lo(v), v.low_inclusive or v.low is None) for v in (self, other)]
        highs = [(_hi(v), v.high_inclusive or v.high is None) for v in (self, other)]
        low = max(x for x, _ in lows)
        high = min(x for x, _ in highs)
        low_in = all(inc for x, inc in lows if x == low)
        high_in = all(inc for x, inc in highs if x == high)
        return low < high or (low == high and low_in and high_in)

    def __str__(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        tilde = "about " if self.approximate else ""
        if self.exact:
            return f"{tilde}{_num(self.low)}{unit}"
        if self.high is None and self.low is not None:
            word = "at least" if self.low_inclusive else "more than"
            return f"{word} {_num(self.low)}{unit}"
        if self.low is None and self.high is not None:
            word = "at most" if self.high_inclusive else "less than"
            return f"{word} {_num(self.high)}{unit}"
        if self.low is None:
            return f"any{unit}"
        left = "[" if self.low_inclusive else "("
        right = "]" if self.high_inclusive else ")"
        return f"{tilde}{left}{_num(self.low)}, {_num(self.high)}{right}{unit}"


def _lo(value: Interval) -> float:
    return -math.inf if value.low is None else value.low


def _hi(value: Interval) -> float:
    return math.inf if value.high is None else value.high


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}" if abs(x) >= 10_000 else str(int(x))  # 2,000,000,000 reads
    return f"{x:g}"


@attrs.frozen(kw_only=True)
class DateInterval:
    """A date or a span of dates, both ends inclusive, with the precision the text gave.

    ``year_known`` is False for "September 17" without a year and without a dateline;
    ``weekday`` keeps a weekday that was written ("Monday" is 0, as ``date.weekday()``);
    ``resolved`` is False for a relative date that had no reference date to resolve
    against ("Monday night" in an undated article): ``low``/``high`` are then
    ``date.min``/``date.max`` and only ``weekday`` (if any) says something.
    """

    low: dt.date
    high: dt.date
    precision: Precision = Precision.DAY
    year_known: bool = True
    weekday: int | None = None
    resolved: bool = True

    def overlaps(self, other: DateInterval) -> bool:
        """Whether the two spans of dates can name the same day."""
        if not (self.resolved and other.resolved):
            return _weekday_overlap(self, other)
        if not (self.year_known and other.year_known):
            return _month_day_overlap(self, other)
        return self.low <= other.high and other.low <= self.high

    def __str__(self) -> str:
        if not self.resolved:
            day = _WEEKDAYS[self.weekday] if self.weekday is not None else "a day"
            return f"{day} (no dateline to resolve it)"
        if self.low == self.high:
            text = self.low.isoformat() if self.year_known else self.low.strftime("--%m-%d")
        else:
            text = f"{self.low.isoformat()}..{self.high.isoformat()}"
        return text


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _weekday_overlap(a: DateInterval, b: DateInterval) -> bool:
    for x, y in ((a, b), (b, a)):
        known_day = y.resolved and y.year_known and y.low == y.high
        if not x.resolved and x.weekday is not None and known_day:
            return y.low.weekday() == x.weekday
    if a.weekday is not None and b.weekday is not None:
        return a.weekday == b.weekday
    return True


def _month_day_overlap(a: DateInterval, b: DateInterval) -> bool:
    if a.precision != Precision.DAY or b.precision != Precision.DAY:
        return True
    return (a.low.month, a.low.day) == (b.low.month, b.low.day)


@attrs.frozen(kw_only=True)
class Entity:
    """A named thing: a designator (S-200, Il-20), a person or an organisation.

    ``key`` is the canonical spelling (equal keys name one thing); ``variant_key`` is
    where transliterations meet; ``family`` groups sub-models (IL-20PP is in IL20).
    """

    kind: str
    key: str
    variant_key: str
    family: str = ""
    title: str = ""
    known: bool = False
    category: str = ""

    def __str__(self) -> str:
        return self.key


Value = Interval | DateInterval | Entity


@attrs.frozen(kw_only=True)
class Mention:
    """A stretch of a text that states one value.

    The fields ``low``, ``high``, ``low_inclusive``, ``high_inclusive``, ``unit`` and
    ``approximate`` read through to the value (the contract of ``find_quantities``).
    """

    start: int
    end: int
    surface: str
    kind: str
    value: Value

    @property
    def low(self) -> Any:
        """Lower bound (number or date), ``None`` when open."""
        return getattr(self.value, "low", None)

    @property
    def high(self) -> Any:
        """Upper bound (number or date), ``None`` when open."""
        return getattr(self.value, "high", None)

    @property
    def low_inclusive(self) -> bool:
        """Whether the lower bound belongs to the value."""
        return bool(getattr(self.value, "low_inclusive", True))

    @property
    def high_inclusive(self) -> bool:
        """Whether the upper bound belongs to the value."""
        return bool(getattr(self.value, "high_inclusive", True))

    @property
    def unit(self) -> str | None:
        """Canonical unit, ``None`` for a bare count."""
        return getattr(self.value, "unit", None)

    @property
    def approximate(self) -> bool:
        """Whether the text hedged the value."""
        return bool(getattr(self.value, "approximate", False))


@attrs.frozen(kw_only=True)
class Fact:
    """A mention in a source, with the question it answers.

    ``role`` names what is counted or measured and what happened ("people killed",
    "strikes", "warning time", "event date"); ``subject`` is the sub-group counted, when
    the noun names one ("crew", "passengers"): parts of one whole, not rivals;
    ``attribution`` is who the sentence says it comes from.
    """

    span: Span
    kind: str
    value: Value
    role: str = ""
    subject: str = ""
    attribution: str = ""


@attrs.frozen(kw_only=True)
class Slot:
    """The same question asked of every source: its facts, sorted by source and offset."""

    key: str
    label: str
    kind: str
    facts: tuple[Fact, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """The sources that answer this slot, sorted."""
        return tuple(sorted({f.span.source for f in self.facts}))


@attrs.frozen(kw_only=True)
class Evidence:
    """One quoted span behind a finding, with its normalised value as text."""

    span: Span
    value: str
    attribution: str = ""
    published: dt.date | None = None


@attrs.frozen(kw_only=True)
class Finding:
    """A verdict on one slot, explained in one sentence."""

    id: str
    type: FindingType
    score: float
    slot: str
    kind: str
    evidence: tuple[Evidence, ...]
    explanation: str
    suggestion: str | None = None
    evolving: bool = False


@attrs.frozen(kw_only=True)
class InputProblem:
    """A file (or line) that could not be read, and why."""

    path: str
    reason: str
    line: int | None = None
    fatal: bool = True

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


@attrs.frozen(kw_only=True)
class Report:
    """What an audit found: the sources, the slots, the findings, single-source facts."""

    sources: tuple[Source, ...]
    slots: tuple[Slot, ...]
    findings: tuple[Finding, ...]
    single_source: tuple[Fact, ...] = ()
    problems: tuple[InputProblem, ...] = ()
    schema: str = SCHEMA

    def by_type(self, kind: FindingType) -> tuple[Finding, ...]:
        """The findings of one type, in report order."""
        return tuple(f for f in self.findings if f.type == kind)

    def to_pandas(self) -> Any:
        """One row per evidence item as a ``pandas.DataFrame`` (optional extra ``pandas``).

        The columns are ``discrepancy.report.CSV_COLUMNS``, the same as the CSV report's.
        """
        import importlib

        from discrepancy.report import CSV_COLUMNS, evidence_rows

        pandas: Any = importlib.import_module("pandas")
        return pandas.DataFrame(evidence_rows(self), columns=list(CSV_COLUMNS))

    def _repr_html_(self) -> str:
        """The HTML report, for notebooks: findings beside the highlighted sources."""
        from discrepancy.html import fragment

        return fragment(self)
