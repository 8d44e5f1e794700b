"""Hypothesis strategies for dates and the ways English news writes them.

>>> from hypothesis import find
>>> text, value = find(date_phrasings(), lambda pair: "," in pair[0])
>>> value.precision
<Precision.DAY: 'day'>
"""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import strategies as st

from discrepancy.model import DateInterval, Precision

__all__ = ["date_phrasings", "dates", "days", "relative_phrasings"]

_MIN = dt.date(1900, 1, 1)
_MAX = dt.date(2099, 12, 31)
_MONTHS = [calendar.month_name[m] for m in range(1, 13)]
_ABBREVIATIONS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
                  "Oct.", "Nov.", "Dec."]  # fmt: skip
_WEEKDAYS = [calendar.day_name[d] for d in range(7)]
_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def days(*, min_value: dt.date = _MIN, max_value: dt.date = _MAX) -> st.SearchStrategy[dt.date]:
    """Calendar days between ``min_value`` and ``max_value``."""
    return st.dates(min_value=min_value, max_value=max_value)


def _day(d: dt.date) -> DateInterval:
    return DateInterval(low=d, high=d, precision=Precision.DAY)


def _month(d: dt.date) -> DateInterval:
    last = calendar.monthrange(d.year, d.month)[1]
    return DateInterval(low=d.replace(day=1), high=d.replace(day=last), precision=Precision.MONTH)


def _year(d: dt.date) -> DateInterval:
    return DateInterval(
        low=dt.date(d.year, 1, 1), high=dt.date(d.year, 12, 31), precision=Precision.YEAR
    )


def dates(
    *, min_value: dt.date = _MIN, max_value: dt.date = _MAX
) -> st.SearchStrategy[DateInterval]:
    """Resolved date intervals: single days, whole months and whole years."""
    return days(min_value=min_value, max_value=max_value).flatmap(
        lambda d: st.sampled_from([_day(d), _month(d), _year(d)])
    )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _day_phrasings(d: dt.date) -> list[str]:
    month, short = _MONTHS[d.month - 1], _ABBREVIATIONS[d.month - 1]
    weekday = _WEEKDAYS[d.weekday()]
    return [
        f"{month} {d.day}, {d.year}",
        f"{d.day} {month} {d.year}",
        f"{short} {d.day}, {d.year}",
        f"{month} {_ordinal(d.day)}, {d.year}",
        f"the {_ordinal(d.day)} of {month} {d.year}",
        f"{weekday}, {month} {d.day}, {d.year}",
        d.isoformat(),
        f"{d.month}/{d.day}/{d.year}",
    ]


def _phrasings(value: DateInterval) -> list[str]:
    d = value.low
    if value.precision == Precision.DAY:
        return _day_phrasings(d)
    if value.precision == Precision.MONTH:
        return [f"{_MONTHS[d.month - 1]} {d.year}", f"{_MONTHS[d.month - 1]} of {d.year}"]
    return [f"in {d.year}", f"since {d.year}"]


def date_phrasings(
    *, min_value: dt.date = dt.date(1000, 1, 1), max_value: dt.date = _MAX
) -> st.SearchStrategy[tuple[str, DateInterval]]:
    """A date interval written out in one of several English forms, with the interval."""
    return dates(min_value=min_value, max_value=max_value).flatmap(
        lambda v: st.sampled_from(_phrasings(v)).map(lambda text: (text, v))
    )


_UNITS = {"day": 1, "week": 7}


def _relative(n: int, unit: str, direction: str, spelled: bool) -> tuple[str, int]:
    count = _NUMBER_WORDS[n - 1] if spelled and n <= 10 else str(n)
    word = unit if n == 1 else unit + "s"
    sign = -1 if direction == "ago" else 1
    return f"{count} {word} {direction}", sign * n * _UNITS[unit]


def relative_phrasings(*, max_count: int = 60) -> st.SearchStrategy[tuple[str, int]]:
    """ "three days ago", "2 weeks later": the phrase and its offset in days."""
    return st.builds(
        _relative,
        st.integers(min_value=1, max_value=max_count),
        st.sampled_from(sorted(_UNITS)),
        st.sampled_from(["ago", "later"]),
        st.booleans(),
    )
