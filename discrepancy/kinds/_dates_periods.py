"""Grammar rules for named periods: holidays, weeks by number, parts of a year or month."""

from __future__ import annotations

import datetime as dt
import functools

import attrs

from discrepancy.kinds import _dates_absolute as ab
from discrepancy.kinds import _dates_calendar as cal
from discrepancy.kinds import _dates_relative as rel
from discrepancy.kinds._dates_lex import Words
from discrepancy.kinds._dates_scan import (
    Match,
    Parsed,
    Part,
    Scanner,
    kept,
    longest,
    unresolved,
    value_of,
)
from discrepancy.model import DateInterval, Precision

PORTIONS = {
    "early": 0, "beginning": 0, "start": 0,
    "mid": 1, "middle": 1,
    "late": 2, "end": 2,
}  # fmt: skip
_NTH_UNITS = {"month": 1, "quarter": 3, "half": 6, "day": 0}


@kept
def holiday(s: Scanner, i: int) -> Match | None:
    """ "Christmas", "easter 2018", "last easter", "independence day of this year"."""
    shift = s.w.shifts.get(s.low(i))
    k = i + 1 if shift is not None else s.skip(i, "the")
    if s.low(k) not in s.w.holiday_heads:
        return None
    for size in _name_sizes(s.w).get(s.low(k), ()):
        rule = s.w.holidays.get(tuple(s.low(k + n) for n in range(size)))
        if rule is not None:
            break
    else:
        return None
    end = k + size
    year = s.year_number(end) if s.low(end).isdigit() else None
    if year is None and s.low(end) == "of":
        this = rel.shift_unit(s, end + 1)
        if this is not None and this[1].precision == Precision.YEAR and this[1].resolved:
            year = this[0], this[1].low.year
    if year is not None:
        d = cal.holiday(rule, year[1], s.w.holiday_names)
        return None if d is None else (year[0], cal.day(d))
    if s.ref is None:
        fixed = rule.nth == 0 and rule.easter is None and not rule.of
        return end, Part(month=rule.month, day=rule.day) if fixed else unresolved()
    days = [cal.holiday(rule, s.ref.year + n, s.w.holiday_names) for n in (-1, 0, 1)]
    d = _pick(s.ref, [x for x in days if x is not None], shift)
    return None if d is None else (end, cal.day(d))


@functools.cache
def _name_sizes(w: Words) -> dict[str, tuple[int, ...]]:
    """The numbers of tokens (five at most) of the holiday names beginning with each word,
    longest first: only those are read."""
    sizes: dict[str, set[int]] = {}
    for key in w.holidays:
        if len(key) <= 5:
            sizes.setdefault(key[0], set()).add(len(key))
    return {word: tuple(sorted(found, reverse=True)) for word, found in sizes.items()}


def _pick(ref: dt.date, days: list[dt.date], shift: int | None) -> dt.date | None:
    past = [d for d in days if d < ref]
    ahead = [d for d in days if d > ref]
    if shift == -1:
        return max(past, default=None)
    if shift == 1:
        return min(ahead, default=None)
    if shift == 0 or ref in days:
        return next((d for d in days if d.year == ref.year), None)
    future = min((d for d in ahead if (d - ref).days <= cal.AHEAD_DAYS), default=None)
    return cal.prefer_past(ref, max(past, default=None), future)


def holiday_weekend(s: Scanner, i: int) -> Match | None:
    """ "Labor Day weekend", "the weekend of Halloween", "Thanksgiving 2023 weekend"."""
    k = s.skip(i, "the")
    lead = s.low(k) == "weekend" and s.low(k + 1) == "of"
    found = holiday(s, k + 2 if lead else i)
    if found is None or not (lead or s.low(found[0]) == "weekend"):
        return None
    value = found[1]
    if not isinstance(value, DateInterval) or not value.resolved:
        return None
    d = value.low
    if d.weekday() == 0:
        low, high = d - dt.timedelta(days=2), d
    elif d.weekday() >= 5:
        low = d - dt.timedelta(days=d.weekday() - 5)
        high = low + dt.timedelta(days=1)
    else:
        low, high = d, d + dt.timedelta(days=6 - d.weekday())
    return found[0] + (0 if lead else 1), cal.span(low, high, Precision.WEEK)


def portion(s: Scanner, i: int) -> Match | None:
    """ "mid-2015", "early September", "the end of 2000", "late this year"."""
    k = s.skip(i, "the", "at")
    which = PORTIONS.get(s.low(k))
    if which is None:
        return None
    j = k + 1
    if s.low(j) == "-" and s.glued(j):
        j += 1
    j = s.skip(s.skip(j, "of"), "the")
    inner = longest(s, j, (ab.month_first, ab.bare_year_cued, rel.shift_unit, rel.current))
    value = None if inner is None else value_of(inner[1], s.ref)
    if inner is None or value is None or not value.resolved:
        return None
    if value.precision == Precision.YEAR:
        first = cal.add_months(value.low, 4 * which)
        last = None if first is None else cal.add_months(first, 4)
        if first is None or last is None:
            return None
        return inner[0], attrs.evolve(value, low=first, high=last - dt.timedelta(days=1))
    if value.precision == Precision.MONTH and value.low.month == value.high.month:
        low = value.low.replace(day=(1, 10, 16)[which])
        high = value.high.replace(day=(15, 20, value.high.day)[which])
        return inner[0], attrs.evolve(value, low=low, high=high)
    return None


@kept
def numbered_week(s: Scanner, i: int) -> Match | None:
    """ "week 31", "week 3 of 2027", "the first week of 2021", "the last week of July"."""
    k = s.skip(i, "the")
    if s.low(k) == "week" and s.low(k + 1).isdigit():
        n, j = int(s.low(k + 1)), k + 2
    else:
        n_found = s.day_number(k)
        last = s.low(k) == "last" and s.low(k + 1) == "week"
        if not (last or (n_found and n_found[2])) or s.low(k + 1 if last else n_found[0]) != "week":  # type: ignore[index]
            return None
        n, j = (-1, k + 2) if last else (n_found[1], n_found[0] + 1)  # type: ignore[index]
    if s.low(j) != "of":
        if s.low(k) != "week" or s.ref is None:
            return None
        return _iso_week(s.ref.year, n, j)
    inner = longest(s, j + 1, (ab.month_first, ab.bare_year_cued, rel.shift_unit))
    value = None if inner is None else value_of(inner[1], s.ref)
    if inner is None or value is None or not value.resolved:
        return None
    if value.precision == Precision.YEAR:
        year = value.low.year
        return _iso_week(year, n if n > 0 else dt.date(year, 12, 28).isocalendar()[1], inner[0])
    return _week_in(value, n, inner[0])


def _iso_week(year: int, n: int, end: int) -> Match | None:
    try:
        monday = dt.date.fromisocalendar(year, n, 1)
    except ValueError:
        return None
    return end, cal.week_span(monday)


def _week_in(value: DateInterval, n: int, end: int) -> Match | None:
    """Week ``n`` of a period: weeks belong to the period holding their Thursday."""
    thursdays = []
    d = value.low + dt.timedelta(days=(3 - value.low.weekday()) % 7)
    while d <= value.high:
        thursdays.append(d)
        d += dt.timedelta(weeks=1)
    if not thursdays or abs(n) > len(thursdays) or n == 0:
        return None
    thursday = thursdays[n - 1] if n > 0 else thursdays[n]
    return end, cal.week_span(thursday)


def nth_of(s: Scanner, i: int) -> Match | None:
    """ "the third month of 2021", "the first quarter of the year", "the 15th day of next month"."""
    k = s.skip(i, "the")
    nth = s.day_number(k)
    if nth is None or not nth[2]:
        return None
    size = _NTH_UNITS.get(s.low(nth[0]))
    if size is None:
        return None
    j = nth[0] + 2
    if s.low(nth[0] + 1) != "of":  # "in the second quarter": of the reference year
        if size not in (3, 6) or s.low(i) != "the" or s.ref is None:
            return None
        year = rel.unit_span(s.ref, "year", 1, 0)
        found: tuple[int, Parsed] | None = None if year is None else (nth[0] + 1, year)
    elif (s.low(j), s.low(j + 1)) in (("the", "year"), ("the", "month")) and s.ref is not None:
        unit = "year" if s.low(j + 1) == "year" else "month"
        span_ = rel.unit_span(s.ref, unit, 1, 0)
        found = None if span_ is None else (j + 2, span_)
    else:
        found = longest(s, j, (ab.month_first, ab.bare_year_cued, rel.shift_unit))
    value = None if found is None else value_of(found[1], s.ref)
    if found is None or value is None or not value.resolved:
        return None
    n = nth[1]
    if size == 0:
        d = cal.make(value.low.year, value.low.month, n)
        if d is None or value.precision != Precision.MONTH:
            return None
        return found[0], cal.day(d)
    if value.precision != Precision.YEAR or n * size > 12:
        return None
    first = cal.add_months(value.low, size * (n - 1))
    last = None if first is None else cal.add_months(first, size)
    if first is None or last is None:
        return None
    return found[0], cal.span(first, last - dt.timedelta(days=1), Precision.MONTH)


def first_last_of(s: Scanner, i: int) -> Match | None:
    """ "the first 2 weeks of 2021", "the last four months of 2021", "first ten days of 2020"."""
    k = s.skip(i, "the")
    side = s.low(k)
    count = s.count(k + 1) if side in ("first", "last") else None
    unit = None if count is None else s.unit(count[0])
    if count is None or unit is None or s.low(unit[0]) != "of":
        return None
    inner = longest(s, unit[0] + 1, (ab.month_first, ab.bare_year_cued, rel.shift_unit))
    value = None if inner is None else value_of(inner[1], s.ref)
    if inner is None or value is None or not value.resolved or count[1] < 1:
        return None
    n, name = count[1] * unit[1], unit[2]
    found = _first_last(value, n, name, first=side == "first")
    if found is None or found.low < value.low - dt.timedelta(days=6):
        return None
    return inner[0], found


def _first_last(value: DateInterval, n: int, unit: str, *, first: bool) -> DateInterval | None:
    low, high = value.low, value.high
    if unit == "week":
        if value.precision != Precision.YEAR:
            return None
        year = low.year
        low = dt.date.fromisocalendar(year, 1, 1)
        high = dt.date.fromisocalendar(year, dt.date(year, 12, 28).isocalendar()[1], 7)
        unit, n = "day", 7 * n
    if unit == "day":
        if first:
            return cal.span(low, low + dt.timedelta(days=n - 1), Precision.DAY)
        return cal.span(high - dt.timedelta(days=n - 1), high, Precision.DAY)
    if unit != "month":
        return None
    if first:
        end = cal.add_months(low, n)
        return None if end is None else cal.span(low, end - dt.timedelta(days=1), Precision.MONTH)
    start = cal.add_months(high + dt.timedelta(days=1), -n)
    return None if start is None else cal.span(start, high, Precision.MONTH)
