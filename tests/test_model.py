"""The model's values: interval overlap and rendering."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.model import DateInterval, Interval, Precision

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = sorted((draw(finite), draw(finite)))
    return Interval(
        low=draw(st.none() | st.just(a)),
        high=draw(st.none() | st.just(b)),
        low_inclusive=draw(st.booleans()),
        high_inclusive=draw(st.booleans()),
    )


@given(intervals(), intervals())
def test_overlap_is_symmetric(a: Interval, b: Interval) -> None:
    assert a.overlaps(b) == b.overlaps(a)


@given(intervals(), finite)
def test_two_intervals_holding_one_point_overlap(a: Interval, x: float) -> None:
    point = Interval(low=x, high=x)
    lo = a.low if a.low is not None else float("-inf")
    hi = a.high if a.high is not None else float("inf")
    inside = (lo < x < hi) or (x == lo and a.low_inclusive) or (x == hi and a.high_inclusive)
    if lo == hi == x:
        inside = a.low_inclusive and a.high_inclusive
    assert a.overlaps(point) == inside


RENDERED = [
    (Interval(low=15, high=15), "15"),
    (Interval(low=200, high=None, low_inclusive=False), "more than 200"),
    (Interval(low=200, high=None), "at least 200"),
    (Interval(low=None, high=1, high_inclusive=False, unit="minute"), "less than 1 minute"),
    (Interval(low=200, high=1000, high_inclusive=False, approximate=True), "about [200, 1000)"),
    (Interval(low=22, high=22, unit="mile"), "22 mile"),
    (Interval(low=1.5, high=1.5), "1.5"),
]


@pytest.mark.parametrize(("value", "text"), RENDERED, ids=[t for _, t in RENDERED])
def test_interval_renders_for_readers(value: Interval, text: str) -> None:
    assert text == str(value)


def test_dates_without_a_year_meet_on_month_and_day() -> None:
    with_year = DateInterval(low=dt.date(2018, 9, 17), high=dt.date(2018, 9, 17))
    no_year = DateInterval(low=dt.date(2000, 9, 17), high=dt.date(2000, 9, 17), year_known=False)
    other = DateInterval(low=dt.date(2000, 9, 20), high=dt.date(2000, 9, 20), year_known=False)
    assert with_year.overlaps(no_year)
    assert not with_year.overlaps(other)


def test_an_unresolved_weekday_meets_only_dates_on_that_weekday() -> None:
    monday = DateInterval(low=dt.date.min, high=dt.date.max, weekday=0, resolved=False)
    assert monday.overlaps(DateInterval(low=dt.date(2018, 9, 17), high=dt.date(2018, 9, 17)))
    assert not monday.overlaps(DateInterval(low=dt.date(2018, 9, 18), high=dt.date(2018, 9, 18)))
    assert str(monday) == "Monday (no dateline to resolve it)"


def test_month_precision_date_contains_its_days() -> None:
    month = DateInterval(
        low=dt.date(2011, 3, 1), high=dt.date(2011, 3, 31), precision=Precision.MONTH
    )
    assert month.overlaps(DateInterval(low=dt.date(2011, 3, 9), high=dt.date(2011, 3, 9)))
    assert str(month) == "2011-03-01..2011-03-31"
