"""Grammar rules for dates relative to the reference date: "yesterday", "last week", "Monday"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from discrepancy.kinds import _dates_calendar as cal
from discrepancy.kinds._dates_scan import Match, Parsed, Part, Scanner, kept, resolve, unresolved
from discrepancy.model import DateInterval, Precision

Rule = Callable[[Scanner, int], Match | None]
_BACK = frozenset({"ago", "earlier", "before", "prior"})
_AHEAD = frozenset({"later", "hence", "after", "from"})
_NEXT_BUT_ONE = (("after", "next"), ("before", "last"))  # "the week after next"


def _part_of_day(s: Scanner, j: int) -> int:
    return j + 1 if s.low(j) in s.w.parts_of_day else j


def relative_day(s: Scanner, i: int) -> Match | None:
    """ "today", "yesterday evening", "the day after tomorrow", "last night"."""
    k = i + 1 if s.low(i) in ("early", "late") else i
    offset = s.w.relative_days.get(s.low(k))
    end = k + 1
    if offset is None and s.low(i) == "the" and s.low(i + 1) == "day":
        direction = {"before": -1, "after": 1}.get(s.low(i + 2), 0)
        base = s.w.relative_days.get(s.low(i + 3))
        if direction and base is not None and base != 0:
            offset, end = base + direction, i + 4
    if offset is None and s.low(k) in s.w.shifts and s.low(k + 1) in s.w.parts_of_day:
        shift = s.w.shifts[s.low(k)]
        offset, end = (shift if shift <= 0 else None), k + 2
    if offset is None:
        return None
    return _part_of_day(s, end), _days(s, offset)


def _days(s: Scanner, offset: int) -> DateInterval:
    return cal.day(s.ref + dt.timedelta(days=offset)) if s.ref else unresolved()


def next_day(s: Scanner, i: int) -> Match | None:
    """ "the next day", "the following day", "the day before" (at the end of a clause)."""
    if s.low(i) != "the":
        return None
    shift = s.w.shifts.get(s.low(i + 1))
    if shift and s.low(i + 2) == "day" and not s.low(i + 3).isalnum():
        return i + 3, _days(s, shift)
    direction = {"before": -1, "after": 1}.get(s.low(i + 2), 0)
    if s.low(i + 1) == "day" and direction and not s.low(i + 3).isalnum():
        return i + 3, _days(s, direction)
    return None


def unit_span(ref: dt.date, unit: str, count: int, shift: int) -> DateInterval | None:
    """The period ``shift`` periods away from the one holding ``ref``."""
    if unit == "day":
        return cal.day(ref + dt.timedelta(days=shift))
    if unit == "week" and count == 2:  # fortnight
        monday = cal.week_span(ref).low + dt.timedelta(weeks=2 * shift)
        return cal.span(monday, monday + dt.timedelta(days=13), Precision.WEEK)
    if unit == "week":
        return cal.week_span(ref + dt.timedelta(weeks=shift))
    if unit == "month" and count == 3:
        quarter = (ref.month - 1) // 3 + shift
        year, q = divmod(quarter, 4)
        return cal.quarter_span(ref.year + year, q + 1)
    if unit == "month":
        first = cal.add_months(ref.replace(day=1), shift)
        return None if first is None else cal.month_span(first.year, first.month)
    if count == 10:
        return cal.year_span(ref.year // 10 * 10 + 10 * shift, 10)
    return cal.year_span(ref.year + shift)


def shift_unit(s: Scanner, i: int) -> tuple[int, DateInterval] | None:
    """ "last week", "this month", "the next quarter", "next decade", "this weekend"."""
    k = s.skip(i, "the", "that")
    period = s.low(k)
    if period in ("week", "month", "year") and (s.low(k + 1), s.low(k + 2)) in _NEXT_BUT_ONE:
        jump = 2 if s.low(k + 1) == "after" else -2
        found = unit_span(s.ref, period, 1, jump) if s.ref else unresolved()
        return None if found is None else (k + 3, found)
    if s.low(k) == "weekend" and k > i:
        return k + 1, _weekend(s.ref, None)
    shift = s.w.shifts.get(s.low(k))
    if shift is None:
        return None
    if s.low(k + 1) == "weekend":
        return k + 2, _weekend(s.ref, shift)
    work = _work_week(s, k + 1)
    if work is not None:
        return work, _weekdays_of(s.ref, shift)
    if s.low(k + 1) == "calendar" and s.low(k + 2) == "year":
        k += 1
    unit = s.unit(k + 1)
    if unit is None or s.low(k + 1).endswith("s"):
        return None
    if s.ref is None:
        return unit[0], unresolved(Precision.DAY if unit[2] == "day" else Precision.MONTH)
    found = unit_span(s.ref, unit[2], unit[1], shift)
    return None if found is None else (unit[0], found)


def _work_week(s: Scanner, i: int) -> int | None:
    """The end of "workweek", "work week" or "working week" at ``i``."""
    if s.low(i) == "workweek":
        return i + 1
    if s.low(i) in ("work", "working") and s.low(i + 1) == "week":
        return i + 2
    return None


def _weekdays_of(ref: dt.date | None, shift: int) -> DateInterval:
    """Monday to Friday of the week ``shift`` weeks from the reference week."""
    if ref is None:
        return unresolved(Precision.WEEK)
    monday = cal.weekday_in_week(ref, 0, shift)
    return cal.span(monday, monday + dt.timedelta(days=4), Precision.WEEK)


def _weekend(ref: dt.date | None, shift: int | None) -> DateInterval:
    """A Saturday and Sunday; with no "this"/"last"/"next", the nearest one."""
    if ref is None:
        return unresolved(Precision.WEEK)
    if shift is None:
        shift = -1 if ref.weekday() < 3 else 0
    saturday = cal.weekday_in_week(ref, 5, shift)
    return cal.span(saturday, saturday + dt.timedelta(days=1), Precision.WEEK)


def shift_count(s: Scanner, i: int) -> Match | None:
    """ "the next 3 days", "last 3 months", "the 3 next weeks", "within 9 months"."""
    k = s.skip(i, "the")
    within = s.low(k) == "within"
    if within:
        k = s.skip(k + 1, "the", "next")
        shift: int | None = 1
    else:
        shift = s.w.shifts.get(s.low(k))
    count = s.count(k + (0 if within else 1)) if shift is not None else None
    if count is None:
        count = s.count(k)
        shift = s.w.shifts.get(s.low(count[0])) if count else None
        if count is None or shift is None:
            return None
        count = (count[0] + 1, count[1])
        if not s.low(count[0]).endswith("s"):
            return None
    if s.low(count[0]) in ("business", "working") and s.low(count[0] + 1) == "days":
        if not shift or count[1] < 1 or count[1] > 400:
            return None
        return count[0] + 2, _business_days(s.ref, count[1], shift) if s.ref else unresolved()
    unit = s.unit(count[0])
    if unit is None or not shift or count[1] < 1:
        return None
    if s.ref is None:
        return unit[0], unresolved()
    found = _count_span(s.ref, unit[2], unit[1] * count[1], shift, aligned=unit[1] in (3, 10))
    return None if found is None else (unit[0], found if not within else _from_ref(s.ref, found))


def _business_days(ref: dt.date, n: int, shift: int) -> DateInterval:
    """The ``n`` weekdays (Monday to Friday) after, or before, the reference date."""
    days: list[dt.date] = []
    d = ref
    while len(days) < n:
        d += dt.timedelta(days=shift)
        if d.weekday() < 5:
            days.append(d)
    return cal.span(min(days), max(days), Precision.DAY)


def _from_ref(ref: dt.date, found: DateInterval) -> DateInterval:
    return cal.span(ref, found.high, found.precision)


def _count_span(
    ref: dt.date, unit: str, n: int, shift: int, *, aligned: bool
) -> DateInterval | None:
    precision = Precision.DAY if unit in ("day", "week") else Precision.MONTH
    if aligned and unit == "month":
        start = cal.quarter_span(ref.year, (ref.month - 1) // 3 + 1)
        base = None if start is None else (start.low if shift < 0 else start.high)
        base = base if base is None or shift < 0 else base + dt.timedelta(days=1)
    elif aligned:
        base = dt.date(ref.year // 10 * 10 + (10 if shift > 0 else 0), 1, 1)
    else:
        base = ref + dt.timedelta(days=1) if shift > 0 else ref
    if base is None:
        return None
    other = cal.shift(base, n * shift, unit)
    if other is None:
        return None
    if shift > 0:
        high = other - dt.timedelta(days=1) if aligned else cal.shift(ref, n, unit)
        return None if high is None else cal.span(base, high, precision)
    return cal.span(other, base - dt.timedelta(days=1) if aligned else base, precision)


def _amount(s: Scanner, i: int) -> tuple[int, list[tuple[int, str]]] | None:
    """ "2 weeks", "a fortnight", "2 years 1 month 21 days", "2 weeks and 2 days"."""
    out: list[tuple[int, str]] = []
    k = i
    while True:
        count = s.count(k)
        unit = None if count is None else s.unit(count[0])
        if count is None or unit is None:
            break
        out.append((count[1] * unit[1], unit[2]))
        k = unit[0]
        nxt = s.skip(k, "and", ",")
        again = s.count(nxt)
        if again is None or s.unit(again[0]) is None:
            break
        k = nxt
    return (k, out) if out else None


def _moved(d: dt.date, amounts: list[tuple[int, str]], sign: int) -> dt.date | None:
    for n, unit in amounts:
        moved = cal.shift(d, sign * n, unit)
        if moved is None:
            return None
        d = moved
    return d


def offset(s: Scanner, i: int, single: Rule) -> Match | None:
    """ "three years ago", "two days later", "2 weeks from now", "3 days after January 12th"."""
    amount = _amount(s, i)
    if amount is None:
        return None
    k, amounts = amount
    word = s.low(k)
    if word not in _BACK and word not in _AHEAD:
        return None
    sign = -1 if word in _BACK else 1
    end, base = k + 1, _base_now(s)
    if s.low(k + 1) == "now" and word == "from":
        end = k + 2
    elif word in ("before", "after", "from", "prior"):
        j = s.skip(k + 1, "to") if word == "prior" else k + 1
        anchor = single(s, j)
        if anchor and word == "from" and s.weekday(j) and s.ref and anchor[0] == j + 1:
            found = s.weekday(j)
            assert found is not None
            anchor = anchor[0], cal.day(cal.weekday_after(s.ref - dt.timedelta(days=1), found[1]))
        base = _anchor_day(s, anchor[1]) if anchor else None
        end = anchor[0] if anchor else end
        if anchor is None:
            return None
    if base is None:
        return (end, unresolved()) if s.ref is None else None
    moved = _moved(base, amounts, sign)
    return None if moved is None else (end, cal.day(moved))


def _base_now(s: Scanner) -> dt.date | None:
    return s.ref


def current(s: Scanner, i: int) -> tuple[int, DateInterval] | None:
    """A bare "month", "week" or "year" after "the end of": the one holding the reference."""
    unit = s.low(i)
    if unit not in ("week", "month", "year") or s.low(i + 1).isalnum() or s.ref is None:
        return None
    found = unit_span(s.ref, unit, 1, 0)
    return None if found is None else (i + 1, found)


def _anchor_day(s: Scanner, parsed: Parsed) -> dt.date | None:
    value = resolve(parsed, s.ref) if isinstance(parsed, Part) else parsed
    if value is None or not value.resolved or not value.year_known:
        return None
    return value.low


@kept
def in_count(s: Scanner, i: int) -> Match | None:
    """ "in two weeks", "in a fortnight", "in 3 days' time" (not "in 10 days of fighting")."""
    if s.low(i) != "in":
        return None
    amount = _amount(s, i + 1)
    if amount is None or s.low(amount[0]) == "of":
        return None
    end, amounts = amount
    if s.ref is None:
        return end, unresolved()
    moved = _moved(s.ref, amounts, 1)
    return None if moved is None else (end, cal.day(moved))


def _week_shift(s: Scanner, i: int) -> tuple[int, int] | None:
    k = s.skip(i, "the")
    shift = s.w.shifts.get(s.low(k))
    if shift is None or s.low(k + 1) != "week":
        return None
    return k + 2, shift


def weekday_expr(s: Scanner, i: int) -> Match | None:
    """ "Monday", "late Monday night", "next Friday", "this past Wednesday", "Tuesday of next week",
    "next week on Tuesday"."""
    week = _week_shift(s, i)
    if week is not None:
        k = s.skip(week[0], "on", "-")
        found = s.weekday(k)
        if found is None:
            return None
        return _part_of_day(s, found[0]), _weekday_value(s, found[1], "week", week[1])
    k = i + 1 if s.low(i) in ("early", "late") else i
    mode = "bare"
    if s.low(k) == "this" and s.low(k + 1) in ("past", "coming", "upcoming"):
        k += 1
    if s.low(k) in s.w.weekday_shifts:
        mode, k = s.w.weekday_shifts[s.low(k)], k + 1
    found = s.weekday(k)
    if found is None:
        return None
    named = s.ambiguous(k) or (s.low(k - 1) == "the" and s.name_follows(found[0]))
    if mode == "bare" and s.low(k - 1) != "on" and named:
        return None
    end, weekday = found
    if s.low(end) == "of":
        week = _week_shift(s, end + 1)
        if week is not None:
            return _part_of_day(s, week[0]), _weekday_value(s, weekday, "week", week[1])
    return _part_of_day(s, end), _weekday_value(s, weekday, mode, 0)


def _weekday_value(s: Scanner, weekday: int, mode: str, weeks: int) -> DateInterval:
    ref = s.ref
    if ref is None:
        return unresolved(weekday=weekday)
    if mode == "week":
        d = cal.weekday_in_week(ref, weekday, weeks)
    elif mode in ("last_week", "this_week", "next_week"):
        d = cal.weekday_in_week(ref, weekday, {"last_week": -1, "this_week": 0}.get(mode, 1))
    elif mode == "upcoming":
        d = cal.weekday_after(ref, weekday)
    else:
        d = cal.weekday_before(ref, weekday, strict=mode == "recent")
    return cal.day(d, weekday)


def earlier_later(s: Scanner, i: int) -> Match | None:
    """ "earlier this year" (its start to the reference date), "later this month" (the rest)."""
    word = s.low(i)
    if word not in ("earlier", "later"):
        return None
    k = s.skip(i + 1, "in")
    k = s.skip(k, "the") if s.low(k) == "the" else k
    unit = s.unit(k if s.low(k) in ("week", "month", "year") else k + 1)
    if unit is None or unit[1] != 1 or (k == unit[0] - 1 and s.low(i + 1) != "in"):
        return None
    if k != unit[0] - 1 and s.low(k) not in ("this", "the"):
        return None
    if s.ref is None:
        return unit[0], unresolved()
    whole = unit_span(s.ref, unit[2], 1, 0)
    if whole is None:
        return None
    if word == "earlier":
        return unit[0], cal.span(whole.low, s.ref, Precision.DAY)
    return unit[0], cal.span(s.ref, whole.high, Precision.DAY)


def the_unit(s: Scanner, i: int) -> Match | None:
    """ "(for) the day", "(of) the year" closing a clause: the reference day, week, ..."""
    if s.low(i) != "the" or s.low(i - 1) not in ("for", "of", "in"):
        return None
    unit = s.low(i + 1)
    if unit not in ("day", "week", "month", "year") or s.low(i + 2).isalnum():
        return None
    if s.low(i + 2) in ("'", "-"):
        return None
    found = unit_span(s.ref, unit, 1, 0) if s.ref else unresolved()
    return None if found is None else (i + 2, found)


def year_to_date(s: Scanner, i: int) -> Match | None:
    """ "year to date": from the first of January to the reference date."""
    if (s.low(i), s.low(i + 1), s.low(i + 2)) != ("year", "to", "date"):
        return None
    if s.ref is None:
        return i + 3, unresolved(Precision.YEAR)
    return i + 3, cal.span(s.ref.replace(month=1, day=1), s.ref, Precision.DAY)
