"""The date grammar put together: single dates, weeks, holidays, parts of periods, ranges."""

from __future__ import annotations

import datetime as dt

import attrs

from discrepancy.kinds import _dates_absolute as ab
from discrepancy.kinds import _dates_calendar as cal
from discrepancy.kinds import _dates_periods as per
from discrepancy.kinds import _dates_relative as rel
from discrepancy.kinds._dates_heads import heads
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

_FINER = (Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR, Precision.DECADE)
_WEEK_OF = frozenset({"beginning", "starting", "commencing"})


def written(s: Scanner, i: int) -> Match | None:
    """A date written out, with "this"/"next"/"last" or a weekday before it."""
    shift = s.w.shifts.get(s.low(i))
    if shift is not None and s.low(i + 1) not in s.w.weekdays:
        found = longest(s, i + 1, heads(s, i + 1, _WRITTEN))
        part = None if found is None else found[1]
        if found and isinstance(part, Part) and part.year is None and part.month is not None:
            return found[0], attrs.evolve(part, shift=shift)
    return longest(s, i, heads(s, i, _WRITTEN))


def weekday_lead(s: Scanner, i: int) -> Match | None:
    """A weekday beside a date: "Tuesday March 7", "Friday 7/6", "Mon 13th", "Monday 21!"."""
    shift = s.w.weekday_shifts.get(s.low(i))
    k = i if shift is None else i + 1
    this = shift == "this_week"
    found = s.weekday(k)
    if found is None:
        return None
    j = s.skip(found[0], ",", "-", "(")
    date = longest(s, j, heads(s, j, _WRITTEN))
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


@kept
def week_of(s: Scanner, i: int) -> Match | None:
    """ "the week of April 10th", "w/c Feb 4", "the week beginning February 4"."""
    k = s.skip(i, "the")
    if (s.low(k), s.low(k + 1), s.low(k + 2)) == ("w", "/", "c"):
        j = k + 3
    elif s.low(k) == "week" and s.low(k + 1) in ({"of"} | _WEEK_OF):
        j = s.skip(k + 2, "on")
    else:
        return None
    inner = longest(s, j, (written, per.holiday, ordinal_day))
    value = None if inner is None else value_of(inner[1], s.ref)
    if inner is None or value is None or not value.resolved or value.precision != Precision.DAY:
        return None
    return inner[0], cal.week_span(value.low)


def ordinal_day(s: Scanner, i: int) -> Match | None:
    """ "on the 18th", "the 4th." (a day of the reference month; not "the 4th Infantry")."""
    if s.low(i) == "the":
        k = i + 1
    elif s.low(i - 1) in ("on", "by", "until", "since") and s.low(i).isdigit():
        k = i
    else:
        return None
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


def single(s: Scanner, i: int) -> Match | None:
    """The longest single date starting at token ``i`` (kept in ``s.memo``: rules ask again)."""
    key = (i, s.waived)
    memo = s.memo
    if key in memo:
        return memo[key]
    found = memo[key] = longest(s, i, heads(s, i, SINGLE))
    return found


def _day_only(s: Scanner, i: int) -> Match | None:
    day = s.day_number(s.skip(i, "the"), words=True)
    if day is None or (s.low(i).isdigit() and not s.free_start(i)):
        return None
    return day[0], Part(day=day[1])


def range_(s: Scanner, i: int) -> Match | None:
    """ "between 3 and 12 of Sept", "from 2014 to 2018", "January 12, 2016 - 01/22/2016"."""
    opener = s.low(i)
    k = i + 1 if opener in ("between", "from") else i
    first = longest(s, k, heads(s, k, ENDS))
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
        second = longest(s, j, heads(s, j, ENDS))
    finally:
        s.waived = -1
    if second is None:
        return None
    end, a, b = second[0], first[1], second[1]
    if isinstance(a, Part) and isinstance(b, Part) and _day_only_part(a) and _day_only_part(b):
        month = _month_after(s, end)
        if month is None:
            return None
        a, b, end = attrs.evolve(a, **month[1]), attrs.evolve(b, **month[1]), month[0]
    if isinstance(a, Part) and isinstance(b, Part) and a.year is None and b.year is None:
        year = ab.year_tail(s, end) if s.low(end) == "," else None
        if year is not None:
            a, b, end = attrs.evolve(a, year=year[1]), attrs.evolve(b, year=year[1]), year[0]
    value = combine(a, b, s.ref)
    return None if value is None else (end, value)


def _day_only_part(part: Part) -> bool:
    return part.day is not None and part.month is None and part.year is None


def _month_after(s: Scanner, i: int) -> tuple[int, dict[str, int]] | None:
    """The month that days of a range belong to: "(4-23) in next month", "(3-5) of June"."""
    if s.low(i) not in ("in", "of"):
        return None
    found = longest(s, i + 1, (ab.month_first, rel.shift_unit))
    value = None if found is None else value_of(found[1], s.ref)
    if found is None or value is None or value.precision != Precision.MONTH:
        return None
    if isinstance(found[1], Part) and found[1].year is None:
        return found[0], {"month": value.low.month}
    if not value.resolved:
        return None
    return found[0], {"month": value.low.month, "year": value.low.year}


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
        return (value.low.month, value.low.day) != (1, 1)
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


@kept
def _offset(s: Scanner, i: int) -> Match | None:
    return rel.offset(s, i, single)


def week_weekday(s: Scanner, i: int) -> Match | None:
    """ "the 1st week of October on Friday": that weekday in the week."""
    week = longest(s, i, (per.numbered_week, week_of))
    if week is None or s.low(week[0]) != "on" or s.weekday(week[0] + 1) is None:
        return None
    value = value_of(week[1], s.ref)
    day = s.weekday(week[0] + 1)
    if value is None or day is None or value.precision != Precision.WEEK:
        return None
    return day[0], cal.day(cal.weekday_in_week(value.low, day[1], 0), day[1])


def weekday_offset(s: Scanner, i: int) -> Match | None:
    """ "Monday two weeks from now", "in 3 days on Friday": that weekday in the week reached."""
    lead = s.weekday(i)
    if lead is not None:
        j = s.skip(lead[0], ",")
        if s.low(j) != "in" and s.count(j) is None:  # no "in two weeks", no "two weeks ago"
            return None
        moved = longest(s, j, (_offset, rel.in_count))
        weekday = lead[1]
    else:
        moved = longest(s, i, (_offset, rel.in_count))
        trail = None if moved is None or s.low(moved[0]) != "on" else s.weekday(moved[0] + 1)
        if moved is None or trail is None:
            return None
        moved, weekday = (trail[0], moved[1]), trail[1]
    if moved is None:
        return None
    value = value_of(moved[1], s.ref)
    if value is None or not value.resolved:
        return (moved[0], unresolved(weekday=weekday)) if value is not None else None
    return moved[0], cal.day(cal.weekday_in_week(value.low, weekday, 0), weekday)


_WRITTEN: tuple[rel.Rule, ...] = (
    ab.listed_day,
    ab.month_first,
    ab.day_first,
    ab.numeric,
    ab.year_first,
)
ENDS: tuple[rel.Rule, ...] = (single, _day_only, ab.bare_year_cued, _now)  # of a range
SINGLE: tuple[rel.Rule, ...] = (
    written,
    weekday_lead,
    ab.quarter_first,
    ab.bare_year,
    ab.decade,
    ab.century,
    per.holiday,
    per.portion,
    week_of,
    per.numbered_week,
    ordinal_day,
    per.nth_of,
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
    per.holiday_weekend,
    per.first_last_of,
    weekday_offset,
    week_weekday,
    for_amount,
)
