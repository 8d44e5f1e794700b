"""Calendar arithmetic for the date grammar: spans, offsets, holidays, choosing a year."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Mapping

from discrepancy.kinds._dates_lex import Holiday
from discrepancy.model import DateInterval, Precision

# A date without a year resolves to the nearest occurrence no further than this ahead.
AHEAD_DAYS = 183
# Stand-in year for month-day dates whose year is unknown (a leap year, so Feb 29 exists).
NO_YEAR = 2000


def make(year: int, month: int, day: int) -> dt.date | None:
    """The date, or ``None`` when it does not exist.

    >>> make(2019, 2, 29) is None
    True
    """
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


@functools.lru_cache(maxsize=4096)
def span(low: dt.date, high: dt.date, precision: Precision, **kw: object) -> DateInterval:
    """A resolved interval (``kw`` passes ``weekday`` or ``year_known``; the same value for
    the same arguments: intervals are immutable)."""
    return DateInterval(low=low, high=high, precision=precision, **kw)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=4096)
def day(d: dt.date, weekday: int | None = None) -> DateInterval:
    """One day (the same value for the same day: intervals are immutable)."""
    return DateInterval(low=d, high=d, precision=Precision.DAY, weekday=weekday)


def month_span(year: int, month: int) -> DateInterval | None:
    """A whole month."""
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    last = calendar.monthrange(year, month)[1]
    return span(dt.date(year, month, 1), dt.date(year, month, last), Precision.MONTH)


def year_span(year: int, years: int = 1) -> DateInterval | None:
    """One year, or ``years`` years from ``year`` (a decade when 10)."""
    if not (year >= 1 and year + years - 1 <= 9999):
        return None
    precision = Precision.DECADE if years >= 10 else Precision.YEAR
    return span(dt.date(year, 1, 1), dt.date(year + years - 1, 12, 31), precision)


def week_span(d: dt.date) -> DateInterval:
    """The Monday-to-Sunday week holding ``d``."""
    monday = d - dt.timedelta(days=d.weekday())
    return span(monday, monday + dt.timedelta(days=6), Precision.WEEK)


def quarter_span(year: int, quarter: int, count: int = 1) -> DateInterval | None:
    """Quarter ``quarter`` (1..4) of ``year``, and ``count - 1`` more after it."""
    first = add_months(dt.date(year, 1, 1), 3 * (quarter - 1)) if 1 <= year <= 9998 else None
    if first is None:
        return None
    last = add_months(first, 3 * count)
    if last is None:
        return None
    return span(first, last - dt.timedelta(days=1), Precision.MONTH)


def add_months(d: dt.date, months: int) -> dt.date | None:
    """``d`` moved by whole months, the day clamped to the month's length.

    >>> add_months(dt.date(2018, 1, 31), 1)
    datetime.date(2018, 2, 28)
    """
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        return None
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(d.day, last))


def shift(d: dt.date, count: int, unit: str) -> dt.date | None:
    """``d`` moved by ``count`` days, weeks, months or years (``None`` off the calendar)."""
    try:
        if unit == "day":
            return d + dt.timedelta(days=count)
        if unit == "week":
            return d + dt.timedelta(weeks=count)
    except OverflowError:
        return None
    return add_months(d, count * (12 if unit == "year" else 1))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus).

    >>> easter(2018)
    datetime.date(2018, 4, 1)
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day_ = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day_ + 1)


def holiday(rule: Holiday, year: int, names: Mapping[str, Holiday]) -> dt.date | None:
    """The date of a holiday in ``year``."""
    if not 1 <= year <= 9999:
        return None
    if rule.easter is not None:
        return easter(year) + dt.timedelta(days=rule.easter)
    if rule.of:
        base = holiday(names[rule.of], year, names)
        return None if base is None else base + dt.timedelta(days=rule.days)
    if rule.nth == 0:
        return make(year, rule.month, rule.day)
    days = [
        dt.date(year, rule.month, n)
        for n in range(1, calendar.monthrange(year, rule.month)[1] + 1)
        if dt.date(year, rule.month, n).weekday() == rule.weekday
    ]
    if not days or abs(rule.nth) > len(days):
        return None
    return days[rule.nth - 1] if rule.nth > 0 else days[rule.nth]


@functools.lru_cache(maxsize=4096)
def choose_year(ref: dt.date, month: int, day_: int, weekday: int | None = None) -> int | None:
    """The year of "month/day" nearest ``ref``: past, or ahead by at most ``AHEAD_DAYS``.

    The past one is preferred unless the future one is less than half as far; a written
    weekday picks between the two when only one of them has it.

    >>> choose_year(dt.date(2018, 9, 18), 9, 17)
    2018
    >>> choose_year(dt.date(2018, 1, 7), 5, 9, weekday=1)
    2017
    """
    past = future = None
    for year in range(ref.year - 8, ref.year + 2):
        d = make(year, month, day_)
        if d is None:
            continue
        if d <= ref:
            past = d
        elif future is None:
            future = d
    if future is not None and (future - ref).days > AHEAD_DAYS:
        future = None
    options = [d for d in (past, future) if d is not None]
    if not options:
        return None
    if weekday is not None:
        matching = [d for d in options if d.weekday() == weekday]
        if len(matching) == 1:
            return matching[0].year
    chosen = prefer_past(ref, past, future)
    return None if chosen is None else chosen.year


def prefer_past(ref: dt.date, past: dt.date | None, future: dt.date | None) -> dt.date | None:
    """The past date, unless the future one is less than half as far from ``ref``."""
    if past is None or future is None:
        return past or future
    return future if 2 * (future - ref).days < (ref - past).days else past


def nearest_day(ref: dt.date, day_: int, weekday: int | None) -> dt.date | None:
    """Day ``day_`` of the reference month; with a weekday, the nearest month where it fits."""
    if weekday is None:
        return make(ref.year, ref.month, day_)
    best: dt.date | None = None
    for offset in range(-24, 25):
        first = add_months(dt.date(ref.year, ref.month, 1), offset)
        d = None if first is None else make(first.year, first.month, day_)
        if d is None or d.weekday() != weekday:
            continue
        if best is None or abs((d - ref).days) < abs((best - ref).days):
            best = d
    return best


def weekday_in_week(ref: dt.date, weekday: int, weeks: int) -> dt.date:
    """Weekday ``weekday`` of the week ``weeks`` away from the reference week."""
    monday = ref - dt.timedelta(days=ref.weekday())
    return monday + dt.timedelta(weeks=weeks, days=weekday)


def weekday_before(ref: dt.date, weekday: int, strict: bool = False) -> dt.date:
    """The latest day with ``weekday`` on (or, ``strict``, before) the reference date."""
    back = (ref.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def weekday_after(ref: dt.date, weekday: int) -> dt.date:
    """The first day with ``weekday`` after the reference date."""
    ahead = (weekday - ref.weekday()) % 7 or 7
    return ref + dt.timedelta(days=ahead)
