"""Dates: example tables per written form, and properties over generated dates."""

from __future__ import annotations

import datetime as dt
import pathlib
from collections.abc import Sequence

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from discrepancy import find_dates
from discrepancy.kinds import dates
from discrepancy.kinds._dates_find import PREFIX
from discrepancy.lexicon import LexiconError, load_lexicon
from discrepancy.model import DateInterval, Mention
from discrepancy.strategies.dates import date_phrasings, days, relative_phrasings

REF = dt.date(2018, 9, 19)  # a Wednesday

# (text, reference date, expected "low..high" or "day", precision)
EXAMPLES = [
    # absolute days
    ("September 17, 2018", None, "2018-09-17", "day"),
    ("17 September 2018", None, "2018-09-17", "day"),
    ("Sept. 17, 2018", None, "2018-09-17", "day"),
    ("04th Jan 2019", None, "2019-01-04", "day"),
    ("2018-09-17", None, "2018-09-17", "day"),
    ("9/17/2018", None, "2018-09-17", "day"),
    ("23.04.2022", None, "2022-04-23", "day"),
    ("05-Aug-2016", None, "2016-08-05", "day"),
    ("2019/aug/01", None, "2019-08-01", "day"),
    ("20170302", None, "2017-03-02", "day"),
    ("the 4th of July of 1995", None, "1995-07-04", "day"),
    ("January twenty five nineteen eighty six", None, "1986-01-25", "day"),
    ("Sept. 17", REF, "2018-09-17", "day"),
    ("22/04", REF, "2018-04-22", "day"),
    ("December 27", REF, "2018-12-27", "day"),
    # months, years, decades, quarters
    ("March 2011", None, "2011-03-01..2011-03-31", "month"),
    ("Dec-2018", None, "2018-12-01..2018-12-31", "month"),
    ("June of 1992", None, "1992-06-01..1992-06-30", "month"),
    ("2015-3", None, "2015-03-01..2015-03-31", "month"),
    ("in 2015", None, "2015-01-01..2015-12-31", "year"),
    ("the year 2008", None, "2008-01-01..2008-12-31", "year"),
    ("in nineteen ninety six", None, "1996-01-01..1996-12-31", "year"),
    ("the 1990s", None, "1990-01-01..1999-12-31", "decade"),
    ("1960's", None, "1960-01-01..1969-12-31", "decade"),
    ("the nineties", None, "1990-01-01..1999-12-31", "decade"),
    ("the 15th century", None, "1400-01-01..1499-12-31", "decade"),
    ("mid-2015", None, "2015-05-01..2015-08-31", "year"),
    ("2017 q1", None, "2017-01-01..2017-03-31", "month"),
    ("Q3 2019", None, "2019-07-01..2019-09-30", "month"),
    ("2019 H2", None, "2019-07-01..2019-12-31", "month"),
    ("the first quarter of 2013", None, "2013-01-01..2013-03-31", "month"),
    ("mid-November", REF, "2018-11-10..2018-11-20", "month"),
    ("this September", REF, "2018-09-01..2018-09-30", "month"),
    # ranges
    ("between 3 and 12 of Sept", REF, "2018-09-03..2018-09-12", "day"),
    ("January 12, 2016 - 01/22/2016", None, "2016-01-12..2016-01-22", "day"),
    ("April 9th through 17th", REF, "2018-04-09..2018-04-17", "day"),
    ("from 2014 to 2018", None, "2014-01-01..2018-01-01", "year"),
    ("2014-2018", None, "2014-01-01..2018-01-01", "year"),
    ("Nov 18-Dec 19, 2015", None, "2015-11-18..2015-12-19", "day"),
    ("Jan-Feb 2017", None, "2017-01-01..2017-02-01", "month"),
    ("10/1-11/7", REF, "2018-10-01..2018-11-07", "day"),
    ("from March to date", REF, "2018-03-01..2018-09-19", "day"),
    ("from 5/1-5/7, 2020", REF, "2020-05-01..2020-05-07", "day"),
    ("earlier this year", REF, "2018-01-01..2018-09-19", "day"),
    ("later this month", REF, "2018-09-19..2018-09-30", "day"),
    ("the 21st of next month", REF, "2018-10-21", "day"),
    ("the week after next", REF, "2018-10-01..2018-10-07", "week"),
    ("the next 4 business days", REF, "2018-09-20..2018-09-25", "day"),
    ("Labor Day weekend", REF, "2018-09-01..2018-09-03", "week"),
    ("for 3 days from today", REF, "2018-09-19..2018-09-21", "day"),
    ("3 days from Thursday", REF, "2018-09-23", "day"),
    ("Monday two weeks from now", REF, "2018-10-01", "day"),
    ("in 3 days on Friday", REF, "2018-09-21", "day"),
    ("the first 2 weeks of 2021", None, "2021-01-04..2021-01-17", "day"),
    ("the last four months of 2021", None, "2021-09-01..2021-12-31", "month"),
    ("the end of the month", REF, "2018-09-16..2018-09-30", "month"),
    ("from 2007 to the start of 2008", None, "2007-01-01..2008-01-01", "year"),
    ("this calendar year", REF, "2018-01-01..2018-12-31", "year"),
    ("next workweek", REF, "2018-09-24..2018-09-28", "week"),
    ("in the nineties", None, "1990-01-01..1999-12-31", "decade"),
    ("the 1st week of October on Friday", REF, "2018-10-05", "day"),
    ("from 4-23 in next month", REF, "2018-10-04..2018-10-23", "day"),
    ("between 3 and 5 of June 2011", None, "2011-06-03..2011-06-05", "day"),
    ("2016 10 16,", None, "2016-10-16", "day"),
    ("In 2016 10 people died.", None, "2016-01-01..2016-12-31", "year"),
    ("in the second quarter", REF, "2018-04-01..2018-06-30", "month"),
    ("H1", REF, "2018-01-01..2018-06-30", "month"),
    ("September-2020-23", None, "2020-09-23", "day"),
    ("23-2020-September", None, "2020-09-23", "day"),
    ("the worst attack of the year.", REF, "2018-01-01..2018-12-31", "year"),
    ("from 2007 to the end of 2008", None, "2007-01-01..2008-12-31", "year"),
    # weekdays and relative dates
    ("Monday", REF, "2018-09-17", "day"),
    ("on Tuesday", REF, "2018-09-18", "day"),
    ("Wednesday", REF, "2018-09-19", "day"),
    ("Monday evening", REF, "2018-09-17", "day"),
    ("late Monday night", REF, "2018-09-17", "day"),
    ("next Friday", REF, "2018-09-28", "day"),
    ("last Friday", REF, "2018-09-14", "day"),
    ("this coming Friday", REF, "2018-09-21", "day"),
    ("this past Thursday", REF, "2018-09-13", "day"),
    ("Tuesday of next week", REF, "2018-09-25", "day"),
    ("yesterday", REF, "2018-09-18", "day"),
    ("today", REF, "2018-09-19", "day"),
    ("tomorrow morning", REF, "2018-09-20", "day"),
    ("last night", REF, "2018-09-18", "day"),
    ("the day before yesterday", REF, "2018-09-17", "day"),
    ("last week", REF, "2018-09-10..2018-09-16", "week"),
    ("next month", REF, "2018-10-01..2018-10-31", "month"),
    ("last year", REF, "2017-01-01..2017-12-31", "year"),
    ("next quarter", REF, "2018-10-01..2018-12-31", "month"),
    ("the next decade", REF, "2020-01-01..2029-12-31", "decade"),
    ("three years ago", REF, "2015-09-19", "day"),
    ("two days later", REF, "2018-09-21", "day"),
    ("in two weeks", REF, "2018-10-03", "day"),
    ("2 weeks before Christmas", REF, "2018-12-11", "day"),
    ("the last 3 months", REF, "2018-06-19..2018-09-19", "month"),
    ("the next 3 days", REF, "2018-09-20..2018-09-22", "day"),
    ("Christmas", REF, "2018-12-25", "day"),
    ("easter 2018", None, "2018-04-01", "day"),
    ("thanksgiving 2023", None, "2023-11-23", "day"),
    ("the week of April 10th, 2017", None, "2017-04-10..2017-04-16", "week"),
    ("week 31", REF, "2018-07-30..2018-08-05", "week"),
    ("the first week of 2015", None, "2014-12-29..2015-01-04", "week"),
    ("on the 18th.", REF, "2018-09-18", "day"),
]

EXAMPLES_BUGS_CAUGHT = [
    ("last quarter", REF, "2018-04-01..2018-06-30", "month"),  # quarters moved by 3
    ("November 18-19", REF, "2018-11-18..2018-11-19", "day"),  # "-19" read as 2019
    ("I bought it for $12 December 27", REF, "2018-12-27", "day"),  # "$12 December"
    ("October two thousand and five", None, "2005-10-01..2005-10-31", "month"),  # "October two"
    ("Listen to 1990s music", None, "1990-01-01..1999-12-31", "decade"),
    ("q1-2019", None, "2019-01-01..2019-03-31", "month"),
]

EXAMPLES_XFAIL = [
    ("the same week", REF, "2018-09-17..2018-09-23", "week"),
    ("in two years since 2011", REF, "2013-01-01", "day"),
    ("the weekend of halloween", REF, "2018-10-27..2018-10-28", "week"),
]

NOTHING = [
    "This may or may not be right.",
    "May I ask what this is for?",
    "15 people died and over 200 were hurt.",
    "The S-200 missile and an F-16 jet.",
    "He entered 2000 pieces into the register.",
    "Tel: +86 138-2010-2015",
    "The code of this object is 133-03-03-2020",
    "Mortgages were at 6.45 percent",
    "They met at 3pm.",
    "This screen has a 4:3 aspect ratio.",
    "In their 90s, they marched on.",
    "Scores were 18 and 19 points.",
    "The service runs 24/7 and a 1/2 mile away.",
    "the 9th Infantry Division",
    "The Sunday Times and April Ryan reported it.",
    "Sun and rain; we march on, and we may.",
]


def _span(text: str, ref: dt.date | None) -> tuple[str, str]:
    found = find_dates(text, reference_date=ref)
    assert len(found) == 1, found
    value = found[0].value
    assert isinstance(value, DateInterval)
    shown = value.low.isoformat()
    if value.high != value.low:
        shown += f"..{value.high.isoformat()}"
    return shown, value.precision.value


def _ids(rows: Sequence[tuple[str, dt.date | None, str, str]]) -> list[str]:
    return [row[0] for row in rows]


@pytest.mark.parametrize(("text", "ref", "want", "precision"), EXAMPLES, ids=_ids(EXAMPLES))
def test_examples(text: str, ref: dt.date | None, want: str, precision: str) -> None:
    assert _span(text, ref) == (want, precision)


@pytest.mark.parametrize(
    ("text", "ref", "want", "precision"),
    EXAMPLES_BUGS_CAUGHT,
    ids=_ids(EXAMPLES_BUGS_CAUGHT),
)
def test_bugs_caught(text: str, ref: dt.date | None, want: str, precision: str) -> None:
    assert _span(text, ref) == (want, precision)


@pytest.mark.xfail(strict=True, reason="known gap")
@pytest.mark.parametrize(
    ("text", "ref", "want", "precision"), EXAMPLES_XFAIL, ids=_ids(EXAMPLES_XFAIL)
)
def test_known_gaps(text: str, ref: dt.date | None, want: str, precision: str) -> None:
    assert _span(text, ref) == (want, precision)


@pytest.mark.parametrize("text", NOTHING)
def test_nothing(text: str) -> None:
    assert find_dates(text, reference_date=REF) == []


def test_no_year_without_reference() -> None:
    value = dates.parse("September 17")
    assert value is not None
    assert not value.year_known
    assert (value.low.month, value.low.day) == (9, 17)
    assert str(value) == "--09-17"


def test_relative_without_reference_is_unresolved() -> None:
    value = dates.parse("Monday night")
    assert value is not None
    assert not value.resolved
    assert value.weekday == 0
    assert (value.low, value.high) == (dt.date.min, dt.date.max)
    later = dates.parse("last week")
    assert later is not None
    assert not later.resolved


def test_listed_days_share_the_month() -> None:
    found = find_dates("on 18 and 19 June 2017", reference_date=REF)
    assert [(m.surface, str(m.value)) for m in found] == [
        ("18", "2017-06-18"),
        ("19 June 2017", "2017-06-19"),
    ]


def test_weekday_mismatch() -> None:
    wrong = dates.parse("Tuesday, September 17, 2018")
    right = dates.parse("Monday, September 17, 2018")
    assert wrong is not None
    assert right is not None
    assert wrong.weekday == 1
    assert dates.weekday_mismatch(wrong)
    assert not dates.weekday_mismatch(right)


def test_weekday_chooses_the_year() -> None:
    value = dates.parse("Tue May 9", reference_date=dt.date(2018, 1, 7))
    assert value is not None
    assert value.low == dt.date(2017, 5, 9)
    assert not dates.weekday_mismatch(value)


def test_year_ahead_at_most_six_months() -> None:
    early = dates.parse("September 17", reference_date=dt.date(2018, 8, 1))
    late = dates.parse("September 17", reference_date=dt.date(2018, 1, 1))
    assert early is not None
    assert late is not None
    assert early.low == dt.date(2018, 9, 17)
    assert late.low == dt.date(2017, 9, 17)


def test_parse_junk() -> None:
    assert dates.parse("fifteen people") is None
    assert dates.parse("") is None
    assert dates.parse("Feb 30") is None


def test_bad_lexicon_entry(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[dates.months]\nsmarch = 13\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"months\.smarch"):
        dates.find("March 2011", lexicon=load_lexicon(path))


@pytest.mark.parametrize(
    ("entry", "key"),
    [
        ('[dates.holidays."x day"]\nmonth = 13\nday = 1\n', "holidays.x day"),
        ('[dates.holidays."x day"]\nof = "y day"\n', "holidays.x day"),
        ('[dates.holidays."x day"]\nmonth = 1\nweekday = 9\nnth = 1\n', "holidays.x day"),
        ('[dates.units]\nmoon = [1, "lunar"]\n', "units.moon"),
        ("[dates.parts_of_day]\nwords = [1]\n", "parts_of_day.words"),
    ],
)
def test_bad_entries_name_their_key(entry: str, key: str, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(entry, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        dates.find("March 2011", lexicon=load_lexicon(path))
    assert caught.value.key == key


def test_user_lexicon_adds_a_month_word(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "extra.toml"
    path.write_text("[dates.months]\nseptembre = 9\n", encoding="utf-8")
    value = dates.parse("17 septembre 2018", lexicon=load_lexicon(path))
    assert value is not None
    assert value.low == dt.date(2018, 9, 17)


@given(date_phrasings())
def test_phrasings_parse_back(pair: tuple[str, DateInterval]) -> None:
    text, value = pair
    found = dates.parse(text)
    assert found is not None, text
    assert (found.low, found.high, found.precision) == (value.low, value.high, value.precision)


@given(date_phrasings(), st.sampled_from(["On ", "It happened ", "(", "Since then, "]))
def test_phrasings_inside_a_sentence(pair: tuple[str, DateInterval], lead: str) -> None:
    text, value = pair
    sentence = f"{lead}{text}, 15 people died."
    found = dates.find(sentence)
    assert [m.surface for m in found] == [text.removeprefix("in ").removeprefix("since ")]
    assert found[0].value.low == value.low  # type: ignore[union-attr]


@given(
    st.text(alphabet=st.sampled_from("0123456789/-., MayJunSept2018thofinonMonday:'"), max_size=80)
)
def test_offsets_slice_back_and_bounds_ordered(text: str) -> None:
    for mention in dates.find(text, reference_date=REF):
        assert text[mention.start : mention.end] == mention.surface
        value = mention.value
        assert isinstance(value, DateInterval)
        assert value.low <= value.high


@given(
    st.text(max_size=60)
    | st.lists(st.sampled_from(["next", "last", "week", "9999", "0001", "-", "/", "May 31"])).map(
        " ".join
    ),
    st.none() | st.dates(),
)
def test_any_text_is_safe(text: str, ref: dt.date | None) -> None:
    for mention in dates.find(text, reference_date=ref):
        assert text[mention.start : mention.end] == mention.surface


@given(relative_phrasings(), days(min_value=dt.date(1950, 1, 1)))
def test_relative_offsets_resolve_consistently(pair: tuple[str, int], ref: dt.date) -> None:
    text, offset = pair
    value = dates.parse(text, reference_date=ref)
    assert value is not None, text
    assert value.low == value.high == ref + dt.timedelta(days=offset)


@given(days(min_value=dt.date(1950, 1, 1)))
def test_weekday_is_latest_on_or_before_reference(ref: dt.date) -> None:
    for weekday in ("Monday", "Thursday", "Sunday"):
        value = dates.parse(weekday, reference_date=ref)
        assert value is not None
        assert 0 <= (ref - value.low).days < 7
        assert value.low.strftime("%A") == weekday


def test_linear_on_long_inputs() -> None:
    text = "1,2-3/4 " * 1500 + "more than " * 1500 + "May Monday " * 1500
    found = dates.find(text, reference_date=REF)
    assert all(text[m.start : m.end] == m.surface for m in found)


# The fast path (the grammar only near anchors) against the oracle (every token) ----------


def _grammar_words() -> list[str]:
    """Every word the date grammar compares tokens with: its string literals and the lexicon."""
    import ast

    from discrepancy.kinds import _dates_lex

    words: set[str] = set()
    for module in pathlib.Path(dates.__file__).parent.glob("_dates_*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and 0 < len(text) <= 12 and "\n" not in text:
                words.update(text.split())
    w = _dates_lex.resolve_lexicon(None)
    for table in (w.months, w.weekdays, w.cardinals, w.ordinals, w.shifts, w.units):
        words.update(table)
    words.update(x for key in w.holidays for x in key)
    return sorted(words | w.starters | w.parts_of_day | w.year_cues)


_NEWS_TOKENS = st.one_of(
    st.sampled_from(_grammar_words()),
    st.sampled_from(sorted(PREFIX)),
    st.sampled_from(["week", "year", "month", "day", "next", "last", "this", "May", "Monday"]),
    st.sampled_from(["said", "people", "The", "Times", "Sunday", "killed", "Ryan", "S", "Il"]),
    st.integers(min_value=0, max_value=3000).map(str),
    st.sampled_from(["2018", "17", "09", "1990", "20161016", "31", "3rd", "'90s", "1960's"]),
    st.sampled_from([",", ".", "-", "/", "'", "\u2019", "(", ")", ":", "$", "–", "!"]),
)
_NEWS_GLUE = st.sampled_from([" ", " ", " ", "", "\n", "  "])


_PREFIXES = st.lists(st.sampled_from(sorted(PREFIX)), max_size=3)
_FRAGMENTS = st.tuples(_PREFIXES, st.lists(st.tuples(_NEWS_TOKENS, _NEWS_GLUE), max_size=4))


def _fragment(parts: tuple[list[str], list[tuple[str, str]]]) -> str:
    prefix, tokens = parts
    return " ".join(prefix) + " " + "".join(token + glue for token, glue in tokens)


def _news_like() -> st.SearchStrategy[str]:
    """Runs of prefix words ("from the end of") before date words, numbers, punctuation and
    whole dates."""
    dated = st.tuples(
        _PREFIXES,
        date_phrasings().map(lambda pair: pair[0]) | relative_phrasings().map(lambda p: p[0]),
    ).map(lambda parts: " ".join([*parts[0], parts[1]]))
    fragments = st.builds(_fragment, _FRAGMENTS) | dated
    return st.lists(fragments, max_size=8).map(" ".join)


def _mentions(found: list[Mention]) -> list[tuple[int, int, str, object]]:
    return [(m.start, m.end, m.surface, m.value) for m in found]


@settings(max_examples=400)
@given(_news_like() | st.text(max_size=80), st.none() | days(min_value=dt.date(1950, 1, 1)))
def test_fast_path_finds_what_the_oracle_finds(text: str, ref: dt.date | None) -> None:
    fast = dates.find(text, reference_date=ref)
    assert _mentions(fast) == _mentions(dates._find_everywhere(text, reference_date=ref))


@given(_news_like(), st.integers(min_value=0, max_value=200))
def test_fast_path_with_far_context(text: str, pad: int) -> None:
    """Windows widen and read on: long words, and dates far apart, change nothing."""
    long_text = "x" * pad + " " + text + " " + "y" * pad + " " + text
    fast = dates.find(long_text, reference_date=REF)
    assert _mentions(fast) == _mentions(dates._find_everywhere(long_text, reference_date=REF))


_TABLE_TEXTS = [row[0] for row in EXAMPLES + EXAMPLES_BUGS_CAUGHT + EXAMPLES_XFAIL] + NOTHING


@pytest.mark.parametrize("lead", ["", "said ", "It was ", "the ", "On ", "from the end of "])
def test_fast_path_on_every_table_text(lead: str) -> None:
    """Every text of the tables above, alone and after other words, both ways."""
    for text in _TABLE_TEXTS:
        sentence = f"{lead}{text}, 15 people died"
        for ref in (None, REF):
            fast = dates.find(sentence, reference_date=ref)
            slow = dates._find_everywhere(sentence, reference_date=ref)
            assert _mentions(fast) == _mentions(slow), sentence


@pytest.mark.parametrize(
    "text",
    [
        "first 2 weeks of 2021 and the last four months of 2020",
        "15th century art; twentieth century; week 31; q1 2019 and H2; year to date",
        "for 3 days from today, Monday two weeks from now, in 3 days on Friday",
        "Christmas 2019, last easter, Labor Day weekend, three years ago, yesterday evening",
        "nineteen ninety six, the nineties, 1960's, mid-2015, 2017-q1, cy18",
        "from the end of the year to the start of next month, said officials",
        "It was late on Monday, the 17th, and in a couple of weeks' time the war ended.",
        "a" * 300 + " 2018 " + "b" * 300 + ", on the 4th of July of 1995",
        "Between the 3rd and 5th of May, 2019/aug/01 and 20161016.",
        "Prices rose mid-month, fell by the end of the month; in a few days, x- days",
        "New York, new year; il-20 jets, 15 people, 15th century; the following Monday",
        "until now, current tensions; from the current date to now; the year after next",
        "the weekend of Halloween, a popular weekend show, year to date, a year ago",
        "during twenties, during the nineties, in the nineties",
        "in nineties, since eighties; in 2015, in Syria in two days, in a fortnight; in 3",
        "the month before last, month after next, a week after next, year to date; the year",
        "Mon. 13th, Tue. in 3 days, Monday, two weeks from now; Friday (7/6); Sunday night",
        "2018-09-17, 2016 10 16, 2017-q1, 2019 H2, 2017 april, 2015 and 2016, 2015.3, 2014 q",
    ],
)
def test_fast_path_examples(text: str) -> None:
    want = dates._find_everywhere(text, reference_date=REF)
    assert want
    assert _mentions(dates.find(text, reference_date=REF)) == _mentions(want)


_CASED = st.lists(
    st.sampled_from(["wee", "k", "ept", "n", "m", "ay", "Sunday", "two", "days", "2", "2018"])
    | st.sampled_from([" ", "-", ",", "'", "\u2019", "\u0130", "\u0131", "\u017f", "\u212a"])
).map("".join)


_ASCII = st.characters(max_codepoint=127)


@given(_news_like() | _news_like().map(str.title) | st.text() | st.text(_ASCII) | _CASED)
@example("ΟΔΟΣ Σ, 2Σ İstanbul\u00a0 x")
def test_tokens_are_runs_of_digits_letters_or_one_other_character(text: str) -> None:
    """A text's tokens, read in one go or in steps, are those of the one regex."""
    import re

    from discrepancy.kinds._dates_lex import Tokens, _odd

    found = [*re.finditer(r"[0-9]+|[^\W\d_]+|\S", text)]
    lows = [m[0].lower() if m[0].isascii() else _odd(m[0].lower()) for m in found]
    glued = [bool(m.start()) and not text[m.start() - 1].isspace() for m in found]
    for t in (Tokens(text), Tokens(text, 0, 5)):
        t.reach(len(text))
        assert t.lows == lows
        assert t.starts == [m.start() for m in found]
        assert t.ends == [m.end() for m in found]
        assert t.glued == glued
