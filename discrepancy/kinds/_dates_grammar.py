"""The date grammar put together: single dates, weeks, holidays, parts of periods, ranges."""

from __future__ import annotations

import datetime as dt

import attrs

from discrepancy.kinds import _dates_absolute as ab
from discrepancy.kinds import _dates_calendar as cal
from discrepancy.kinds import _dates_relative as rel
from discrepancy.kinds._dates_scan import Match, Parsed, Part, Scanner, resolve, unresolved
from discrepancy.model import DateInterval, Precision

_FINER = (Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR, Precision.DECADE)
_PORTIONS = {
    "early": 0, "beginning": 0, "start": 0,
    "mid": 1, "middle": 1,
    "late": 2, "end": 2,
}  # fmt: skip
_WEEK_OF = frozenset({"beginning", "starting", "commencing"})


def value_of(parsed: Parsed, ref: dt.date | None) -> DateInterval | None:
    """The interval a rule's result stands for."""
    return resolve(parsed, ref) if isinstance(parsed, Part) else parsed


def _longest(s: Scanner, i: int, rules: tuple[rel.Rule, ...]) -> Match | None:
    best: Match | None = None
    for rule in rules:
        found = rule(s, i)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return best


def written(s: Scanner, i: int) -> Match | None:
    """A date written out, with "this"/"next"/"last" or a weekday before it."""
    shift = s.w.shifts.get(s.low(i))
    if shift is not None and s.low(i + 1) not in s.w.weekdays:
        found = _longest(s, i + 1, _WRITTEN)
        part = None if found is None else found[1]
        if found and isinstance(part, Part) and part.year is None and part.month is not None:
            return found[0], attrs.evolve(part, shift=shift)
    return _longest(s, i, _WRITTEN)


def weekday_lead(s: Scanner, i: int) -> Match | None:
    """A weekday beside a date: "Tuesday March 7", "Friday 7/6", "Mon 13th", "Monday 21!"."""
    k = s.skip(i, *s.w.weekday_shifts)
    this = s.w.weekday_shifts.get(s.low(i)) == "this_week"
    found = s.weekday(k)
    if found is None:
        return None
    j = s.skip(found[0], ",", "-", "(")
    date = _longest(s, j, _WRITTEN)
    if date is None:
        j = s.skip(j, "the")
        day = s.day_number(j, words=True)
        if day is None or not (day[2] or not s.low(day[0]).isalnum()):
            return None
        date = day[0], Part(day=day[1])
    end, part = date
    if not isinstance(part, Part) or part.day is None or part.weekday is not None:
        return None
    end = end + 1 if s.low(end) == ")" and s.low(j - 1) == "(" else end
    part = attrs.evolve(part, weekday=found[1])
    return end, attrs.evolve(part, shift=0) if this and part.month else part


def holiday(s: Scanner, i: int) -> Match | None:
    """ "Christmas", "easter 2018", "last easter", "independence day of this year"."""
    shift = s.w.shifts.get(s.low(i))
    k = i + 1 if shift is not None else s.skip(i, "the")
    if s.low(k) not in s.w.holiday_heads:
        return None
    for size in (5, 4, 3, 2, 1):
        key = tuple(s.low(k + n) for n in range(size))
        rule = s.w.holidays.get(key)
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


def _pick(ref: dt.date, days: list[dt.date], shift: int | None) -> dt.date | None:
    past = [d for d in days if d < ref]
    ahead = [d for d in days if d > ref]
    if shift == -1:
        return max(past, default=None)
    if shift == 1:
        return min(ahead, default=None)
    if shift == 0 or ref in days:
        return next((d for d in days if d.year == ref.year), None)
    near = [d for d in ahead if (d - ref).days <= cal.AHEAD_DAYS] + past
    return min(near, key=lambda d: abs((d - ref).days), default=None)


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


def for_amount(s: Scanner, i: int) -> Match | None:
    """ "for 3 days from today", "for a week starting tomorrow": a span from a date."""
    if s.low(i) != "for":
        return None
    count = s.count(i + 1)
    unit = None if count is None else s.unit(count[0])
    if count is None or unit is None:
        return None
    k = s.skip(unit[0], ",")
    if s.low(k) not in ("from", "starting", "beginning"):
        return None
    k = s.skip(s.skip(k + 1, "from", "on"), "on")
    start = single(s, k)
    value = None if start is None else value_of(start[1], s.ref)
    if start is None or value is None or not value.resolved or not value.year_known:
        return None
    end = cal.shift(value.low, count[1] * unit[1], unit[2])
    if end is None:
        return None
    return start[0], cal.span(value.low, end - dt.timedelta(days=1), Precision.DAY)


def portion(s: Scanner, i: int) -> Match | None:
    """ "mid-2015", "early September", "the end of 2000", "late this year"."""
    k = s.skip(i, "the", "at")
    which = _PORTIONS.get(s.low(k))
    if which is None:
        return None
    j = k + 1
    if s.low(j) == "-" and s.glued(j):
        j += 1
    j = s.skip(s.skip(j, "of"), "the")
    inner = _longest(s, j, (ab.month_first, ab.bare_year_cued, rel.shift_unit))
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


def week_of(s: Scanner, i: int) -> Match | None:
    """ "the week of April 10th", "w/c Feb 4", "the week beginning February 4"."""
    k = s.skip(i, "the")
    if (s.low(k), s.low(k + 1), s.low(k + 2)) == ("w", "/", "c"):
        j = k + 3
    elif s.low(k) == "week" and s.low(k + 1) in ({"of"} | _WEEK_OF):
        j = s.skip(k + 2, "on")
    else:
        return None
    inner = _longest(s, j, (written, holiday, ordinal_day))
    value = None if inner is None else value_of(inner[1], s.ref)
    if inner is None or value is None or not value.resolved or value.precision != Precision.DAY:
        return None
    return inner[0], cal.week_span(value.low)


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
    inner = _longest(s, j + 1, (ab.month_first, ab.bare_year_cued, rel.shift_unit))
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


def ordinal_day(s: Scanner, i: int) -> Match | None:
    """ "on the 18th", "the 4th." (a day of the reference month; not "the 4th Infantry")."""
    if s.low(i) not in ("the", "on"):
        return None
    k = s.skip(i + 1, "the")
    day = s.day_number(k)
    if day is None or not day[2]:
        return None
    month = rel.shift_unit(s, s.skip(day[0], "of"))
    if month is not None and month[1].precision == Precision.MONTH and month[1].resolved:
        d = cal.make(month[1].low.year, month[1].low.month, day[1])
        return None if d is None else (month[0], cal.day(d))
    if s.low(day[0]).isalnum():
        return None
    return day[0], Part(day=day[1])


_NTH_UNITS = {"month": 1, "quarter": 3, "half": 6, "day": 0}


def nth_of(s: Scanner, i: int) -> Match | None:
    """ "the third month of 2021", "the first quarter of the year", "the 15th day of next month"."""
    k = s.skip(i, "the")
    nth = s.day_number(k)
    if nth is None or not nth[2]:
        return None
    size = _NTH_UNITS.get(s.low(nth[0]))
    if size is None or s.low(nth[0] + 1) != "of":
        return None
    j = nth[0] + 2
    if (s.low(j), s.low(j + 1)) in (("the", "year"), ("the", "month")) and s.ref is not None:
        unit = "year" if s.low(j + 1) == "year" else "month"
        span_ = rel.unit_span(s.ref, unit, 1, 0)
        found: tuple[int, Parsed] | None = None if span_ is None else (j + 2, span_)
    else:
        found = _longest(s, j, (ab.month_first, ab.bare_year_cued, rel.shift_unit))
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


def single(s: Scanner, i: int) -> Match | None:
    """The longest single date starting at token ``i``."""
    return _longest(s, i, _SINGLE)


def _day_only(s: Scanner, i: int) -> Match | None:
    day = s.day_number(s.skip(i, "the"), words=True)
    if day is None or (s.low(i).isdigit() and not s.free_start(i)):
        return None
    return day[0], Part(day=day[1])


def range_(s: Scanner, i: int) -> Match | None:
    """ "between 3 and 12 of Sept", "from 2014 to 2018", "January 12, 2016 - 01/22/2016"."""
    opener = s.low(i)
    k = i + 1 if opener in ("between", "from") else i
    first = _longest(s, k, (single, _day_only, ab.bare_year_cued, _now))
    if first is None:
        return None
    joiner = s.low(first[0])
    if joiner not in ab.RANGE_WORDS or (joiner == "and") != (opener == "between"):
        return None
    if joiner in ("-", "~") and s.low(first[0] + 1) in ("-", "~"):
        return None
    j = first[0] + 1
    s.waived = j
    try:
        second = _longest(s, j, (single, _day_only, ab.bare_year_cued, _now))
    finally:
        s.waived = -1
    if second is None:
        return None
    end, a, b = second[0], first[1], second[1]
    if isinstance(a, Part) and isinstance(b, Part) and a.year is None and b.year is None:
        year = ab.year_tail(s, end) if s.low(end) == "," else None
        if year is not None:
            a, b, end = attrs.evolve(a, year=year[1]), attrs.evolve(b, year=year[1]), year[0]
    value = combine(a, b, s.ref)
    return None if value is None else (end, value)


def _now(s: Scanner, i: int) -> Match | None:
    """The reference day as a range's end: "now", "date" ("to date"), "current date"."""
    k = s.skip(i, "current")
    if s.low(k) not in ("now", "date") or (
        k == i and s.low(k) == "date" and s.low(i - 1) in ("up", "of")
    ):
        return None
    return k + 1, cal.day(s.ref) if s.ref else unresolved()


def combine(a: Parsed, b: Parsed, ref: dt.date | None) -> DateInterval | None:
    """Two ends of a range; a missing month or year is taken from the other end."""
    if isinstance(a, Part) and isinstance(b, Part):
        a, b = _inherit(a, b)
    low = value_of(a, ref)
    if low is None:
        return None
    if isinstance(b, Part) and b.year is None and b.month is not None and low.year_known:
        before = isinstance(a, Part) and (b.month, b.day or 1) < (a.month or 1, a.day or 1)
        if low.resolved and b.shift is None:
            b = attrs.evolve(b, year=low.low.year + (1 if before else 0))
    if isinstance(a, Part) and a.month is None and a.day is not None:
        return None
    high = value_of(b, ref)
    if high is None or not (low.resolved and high.resolved):
        return None
    if low.year_known != high.year_known:
        return None
    if high.weekday is not None and low.precision == Precision.DAY and high.low < low.low:
        weeks = (low.low - high.low).days // 7 + 1
        high = cal.day(high.low + dt.timedelta(weeks=weeks), high.weekday)
    top = high.high if high.precision == Precision.DAY or _partial(high) else high.low
    if top < low.low and isinstance(a, Part) and a.year is None and a.shift is None:
        earlier = value_of(attrs.evolve(a, year=low.low.year - 1), ref) if low.year_known else None
        if earlier is not None and earlier.low <= top:
            low = earlier
    if top < low.low or (low.precision == Precision.DAY and top == low.low):
        return None
    precision = min(low.precision, high.precision, key=_FINER.index)
    return DateInterval(low=low.low, high=top, precision=precision, year_known=low.year_known)


def _partial(value: DateInterval) -> bool:
    """Whether an interval is part of a month or year ("the end of 2008"), not all of it."""
    if value.precision == Precision.YEAR:
        return (value.low.month, value.low.day) != (1, 1) or value.high.month != 12
    return value.precision == Precision.MONTH and value.low.day != 1


def _inherit(a: Part, b: Part) -> tuple[Part, Part]:
    if b.month is None and b.day is not None and a.month is not None and a.day is not None:
        month, year = a.month, a.year
        if b.day < a.day:
            month, year = month % 12 + 1, None if year is None else year + month // 12
        b = attrs.evolve(b, month=month, year=year, shift=a.shift)
    if a.month is None and a.day is not None and b.month is not None and b.day is not None:
        a = attrs.evolve(a, month=b.month, year=b.year, shift=b.shift)
    if a.year is None and b.year is not None and a.month is not None and a.shift is None:
        later = (a.month, a.day or 1) > (b.month or 12, b.day or 31)
        a = attrs.evolve(a, year=b.year - (1 if later else 0))
    return a, b


def _offset(s: Scanner, i: int) -> Match | None:
    return rel.offset(s, i, single)


_WRITTEN: tuple[rel.Rule, ...] = (
    ab.month_first,
    ab.day_first,
    ab.numeric,
    ab.year_first,
)
_SINGLE: tuple[rel.Rule, ...] = (
    written,
    weekday_lead,
    ab.quarter_first,
    ab.bare_year,
    ab.decade,
    ab.century,
    holiday,
    portion,
    week_of,
    numbered_week,
    ordinal_day,
    nth_of,
    rel.relative_day,
    rel.next_day,
    rel.shift_unit,
    rel.shift_count,
    rel.in_count,
    _offset,
    rel.weekday_expr,
    rel.year_to_date,
    rel.earlier_later,
    rel.the_unit,
    holiday_weekend,
    for_amount,
)
