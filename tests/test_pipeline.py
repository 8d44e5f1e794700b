"""How facts cross from a worker process to the main one (``pipeline._pack``/``_unpack``).

The audit's result must not depend on ``jobs``: whatever a worker sends has to come back
equal, of the same types (15 and 15.0, True and 1, 0.0 and -0.0 are equal in Python but
print differently), and a value shared in the main process only where it is the same value.
"""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given
from hypothesis import strategies as st

from discrepancy import pipeline
from discrepancy.lexicon import default_lexicon
from discrepancy.model import DateInterval, Entity, Fact, Interval, Precision, Source, Span, Value
from discrepancy.strategies.entities import designators, names
from discrepancy.strategies.quantities import news_texts
from discrepancy.strategies.stories import Story, stories

_numbers = st.one_of(
    st.none(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.sampled_from([0.0, -0.0, 0, 1, True]),
)
_intervals = st.builds(
    Interval,
    low=_numbers,
    high=_numbers,
    low_inclusive=st.booleans(),
    unit=st.sampled_from([None, "meter", "USD"]),
)
_dates = st.builds(
    DateInterval,
    low=st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    high=st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    precision=st.sampled_from(list(Precision)),
    weekday=st.none() | st.integers(0, 6),
)
_values: st.SearchStrategy[Value] = st.one_of(_intervals, _dates, names(), designators())


def _fact(value: Value, start: int = 0) -> Fact:
    span = Span(source="a", start=start, end=start + 2, surface="xx", sentence="xx.")
    return Fact(span=span, kind="k", value=value, role="r")


def _typed(value: object) -> object:
    """The value's fields with their types (and the sign of zero) spelled out."""
    if isinstance(value, Interval):
        fields = (value.low, value.high, value.low_inclusive, value.high_inclusive)
        return [(type(x), math.copysign(1, x) if isinstance(x, float) else x) for x in fields]
    return repr(value)


@given(st.lists(_values, max_size=8))
def test_values_come_back_equal_and_of_the_same_types(values: list[Value]) -> None:
    facts = [_fact(v, i) for i, v in enumerate(values)]
    back = pipeline._unpack(pipeline._pack(facts))
    assert back == facts
    assert [_typed(f.value) for f in back] == [_typed(v) for v in values]


@given(st.lists(_values, min_size=1, max_size=6), st.lists(_values, min_size=1, max_size=6))
def test_only_equal_values_of_equal_types_are_shared(a: list[Value], b: list[Value]) -> None:
    shared = pipeline._Values()
    first = pipeline._unpack(pipeline._pack([_fact(v) for v in a]), shared)
    second = pipeline._unpack(pipeline._pack([_fact(v) for v in b]), shared)
    for x in first:
        for y in second:
            if x.value is y.value:
                assert _typed(x.value) == _typed(y.value)
                assert not isinstance(x.value, Interval)  # numbers are never shared


def test_a_name_in_two_articles_is_one_object() -> None:
    shared = pipeline._Values()
    name = Entity(kind="person", key="Ivan Petrov", variant_key="ivan petrov")
    again = Entity(kind="person", key="Ivan Petrov", variant_key="ivan petrov")
    first = pipeline._unpack(pipeline._pack([_fact(name)]), shared)
    second = pipeline._unpack(pipeline._pack([_fact(again)]), shared)
    assert first[0].value is second[0].value
    assert pipeline._unpack(pipeline._pack([_fact(name)]))[0].value is not first[0].value


@given(news_texts())
def test_extracted_facts_survive_the_trip(text: str) -> None:
    source = Source(id="a", text=text, published=dt.date(2018, 9, 18))
    facts, _, _ = pipeline._analyse(source, default_lexicon())
    assert pipeline._unpack(pipeline._pack(facts)) == facts


@given(stories(max_sources=3))
def test_workers_change_nothing(story: Story) -> None:
    sources = story.articles
    lexicon = default_lexicon()
    alone = pipeline.extract_all(sources, lexicon=lexicon, jobs=1)
    rows = [pipeline._extract_one(s) for s in sources]
    assert tuple(f for packed, _, _ in rows for f in pipeline._unpack(packed)) == alone.facts
