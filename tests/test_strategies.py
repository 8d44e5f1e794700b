"""The public strategies: registered through Hypothesis' entry point, and valid."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from discrepancy.model import DateInterval, Entity, Interval


@given(st.from_type(Interval))
def test_intervals_are_registered_and_ordered(value: Interval) -> None:
    if value.low is not None and value.high is not None:
        assert value.low <= value.high


@given(st.from_type(DateInterval))
def test_dates_are_registered_and_ordered(value: DateInterval) -> None:
    assert value.low <= value.high


@given(st.from_type(Entity))
def test_designators_are_registered_with_their_keys(value: Entity) -> None:
    assert value.kind == "designator"
    assert value.variant_key == value.variant_key.upper()
