"""Hedged amounts, ranges, percentages, measures and money: ``quantities.find``/``parse``."""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy import find_quantities
from discrepancy.kinds import _anchors as anchors
from discrepancy.kinds import _hedges as hd
from discrepancy.kinds import _parts as pt
from discrepancy.kinds import quantities as qt
from discrepancy.kinds._numlex import resolve
from discrepancy.kinds.quantities import find, parse
from discrepancy.lexicon import LexiconError, default_lexicon, load_lexicon
from discrepancy.model import Interval, Mention
from discrepancy.strategies.quantities import Phrasing, amounts, news_texts, phrasings

N = None
EXACT = (True, True, False)  # both ends inclusive, not approximate
ALL = (*EXACT, N)
# (text, surface, kind, low, high, low_inclusive, high_inclusive, approximate, unit)
Row = tuple[str, str, str, float | None, float | None, bool, bool, bool, str | None]
EXAMPLES: list[Row] = [
    ("15 people died", "15", "number", 15, 15, True, True, False, N),
    ("all 15 passengers", "all 15", "number", 15, 15, True, True, False, N),
    ("over 200 airstrikes", "over 200", "range", 200, N, False, True, False, N),
    ("more than 200", "more than 200", "range", 200, N, False, True, False, N),
    ("at least 12 dead", "at least 12", "range", 12, N, True, True, False, N),
    ("200+ people", "200+", "range", 200, N, True, True, False, N),
    ("500 or more", "500 or more", "range", 500, N, True, True, False, N),
    ("up to 700 workers", "up to 700", "range", N, 700, True, True, False, N),
    ("no more than 12", "no more than 12", "range", N, 12, True, True, False, N),
    ("less than 30", "less than 30", "range", N, 30, True, False, False, N),
    ("fewer than 30", "fewer than 30", "range", N, 30, True, False, False, N),
    ("under 30", "under 30", "range", N, 30, True, False, False, N),
    ("about 200", "about 200", "number", 200, 200, True, True, True, N),
    ("nearly 200", "nearly 200", "number", 200, 200, True, True, True, N),
    ("some 2,000 troops", "some 2,000", "number", 2000, 2000, True, True, True, N),
    ("roughly two hundred", "roughly two hundred", "number", 200, 200, True, True, True, N),
    ("between 20 and 30", "between 20 and 30", "range", 20, 30, True, True, False, N),
    ("from 1,000 to 1,500", "from 1,000 to 1,500", "range", 1000, 1500, True, True, False, N),
    ("10-20 dollars", "10-20 dollars", "range", 10, 20, True, True, False, "dollar"),
    ("two or three", "two or three", "range", 2, 3, True, True, True, N),
    ("hundreds of strikes", "hundreds", "range", 200, 1000, True, False, True, N),
    ("dozens of them", "dozens", "range", 24, 100, True, False, True, N),
    ("tens of thousands", "tens of thousands", "range", 20000, 100000, True, False, True, N),
    ("x>10", ">10", "range", 10, N, False, True, False, N),
    ("20%", "20%", "percent", 20, 20, True, True, False, "percent"),
    ("twenty per cent", "twenty per cent", "percent", 20, 20, True, True, False, "percent"),
    ("22 miles off the coast", "22 miles", "dimension", 22, 22, True, True, False, "mile"),
    ("a 22-mile trip", "22-mile", "dimension", 22, 22, True, True, False, "mile"),
    ("a one-minute warning", "one-minute", "duration", 1, 1, True, True, False, "minute"),
    ("less than a minute", "less than a minute", "range", N, 1, True, False, False, "minute"),
    ("an hour and a half", "an hour and a half", "duration", 1.5, 1.5, True, True, False, "hour"),
    ("half an hour", "half an hour", "duration", 0.5, 0.5, True, True, False, "hour"),
    (
        "2 years and 3 months",
        "2 years and 3 months",
        "duration",
        27,
        27,
        True,
        True,
        False,
        "month",
    ),
    ("$5bn", "$5bn", "currency", 5e9, 5e9, True, True, False, "dollar"),
    ("$5m", "$5m", "currency", 5e6, 5e6, True, True, False, "dollar"),
    ("£2,000", "£2,000", "currency", 2000, 2000, True, True, False, "pound_currency"),
    ("3 dollars 50 cents", "3 dollars 50 cents", "currency", 3.5, 3.5, True, True, False, "dollar"),
    ("the 21st century", "21st", "ordinal", 21, 21, True, True, False, N),
    ("per cent of 210", "per cent of 210", "percent", 210, 210, True, True, False, "percent"),
    ("less than 5000 or equal", "less than 5000 or equal", "range", N, 5000, True, True, False, N),
    ("it is one over three.", "one over three", "number", 1 / 3, 1 / 3, True, True, False, N),
    (
        "a tenth of a gallon",
        "a tenth of a gallon",
        "dimension",
        0.1,
        0.1,
        True,
        True,
        False,
        "gallon",
    ),
    ("20 below zero", "20 below zero", "number", -20, -20, True, True, False, N),
    (
        "higher than the tenth but lower than the fifteenth",
        "higher than the tenth but lower than the fifteenth",
        "range",
        10,
        15,
        False,
        False,
        False,
        N,
    ),
]

EXAMPLES_BUGS_CAUGHT: list[Row] = [
    # "over" between two numbers is a preposition, not a hedge
    ("$2000 over 3 years", "3 years", "duration", 3, 3, True, True, False, "year"),
    # "and more" followed by "than" belongs to the next hedge
    ("no more than 12 and more than 194", "no more than 12", "range", N, 12, True, True, False, N),
    # a fiscal quarter is not a quarter of one
    (
        "the quarter to $254 million",
        "$254 million",
        "currency",
        254e6,
        254e6,
        True,
        True,
        False,
        "dollar",
    ),
    # "scores" is a verb here
    ("He scores between 10 and 15", "between 10 and 15", "range", 10, 15, True, True, False, N),
    # "or" between equal numbers is not a range
    ("5.00 or 5", "5.00", "number", 5, 5, True, True, False, N),
    # the "$" after the hyphen starts the second amount, not a unit of the first
    ("about $10-$20", "about $10-$20", "range", 10, 20, True, True, True, "dollar"),
    # a currency code between amount and cents
    ("3 CAD 3 cents", "3 CAD 3 cents", "currency", 3.03, 3.03, True, True, False, "CAD"),
    # "over" between a number and a noun phrase is a preposition
    ("won 3 over 2 rivals", "3", "number", 3, 3, True, True, False, N),
    # a bare number ending the clause after hours means minutes
    ("1 hour thirty", "1 hour thirty", "duration", 90, 90, True, True, False, "minute"),
    ("2 hours and 10.", "2 hours and 10", "duration", 130, 130, True, True, False, "minute"),
    ("2 hours and 10 people", "2 hours", "duration", 2, 2, True, True, False, "hour"),
    # a share: "X out of Y", "1 in Y"
    ("one out of four voters", "one out of four", "number", 0.25, 0.25, True, True, False, N),
    ("1 in 20 homes", "1 in 20", "number", 0.05, 0.05, True, True, False, N),
    ("2 in 5 or more", "2 in 5 or more", "range", 0.4, N, True, True, False, N),
    ("killed 5 in 2019", "2019", "number", 2019, 2019, True, True, False, N),
    ("won 12 in 20 races", "12", "number", 12, 12, True, True, False, N),
    # the currency word before the number ("ringgit 42", Malaysian usage)
    ("ringgit 42", "ringgit 42", "currency", 42, 42, True, True, False, "MYR"),
    # a currency code followed by a number belongs to that number
    ("rmb 10 usd 20", "usd 20", "currency", 20, 20, True, True, False, "USD"),
    ("rmb 10 usd 20", "rmb 10", "currency", 10, 10, True, True, False, "CNY"),
    # "4 thousand 3 hundred": digits before "hundred" after a larger scale
    ("4 thousand 3 hundred and 21", "4 thousand 3 hundred and 21", "number", *(4321, 4321), *ALL),
    ("3 hundred and 2 hundred", "2 hundred", "number", 200, 200, True, True, False, N),
    # a range written from its high end
    ("from -18 °C to -34 °C", "from -18 °C to -34 °C", "range", -34, -18, *EXACT, "degree_celsius"),
    # a currency before the number, a rate after it
    ("$80 a barrel", "$80 a barrel", "currency", 80, 80, True, True, False, "dollar_per_barrel"),
    ("$10-$20 an hour", "$10-$20 an hour", "range", 10, 20, True, True, False, "dollar_per_hour"),
    ("$1.2 billion a year earlier", "$1.2 billion", "currency", 1.2e9, 1.2e9, *EXACT, "dollar"),
    # a scale word after a currency code; a scaled code ("MUSD")
    ("75 USD million", "75 USD million", "currency", 75e6, 75e6, True, True, False, "USD"),
    # a minus and a space before a temperature; not between two numbers
    ("convert - 20 degrees", "- 20 degrees", "dimension", -20, -20, *EXACT, "degree_temperature"),
    ("10 - 20 degrees", "10 - 20 degrees", "range", 10, 20, *EXACT, "degree_temperature"),
    ("120 MEUR", "120 MEUR", "currency", 120e6, 120e6, True, True, False, "EUR"),
    ("about MAUD 60", "about MAUD 60", "currency", 60e6, 60e6, True, True, True, "AUD"),
]

# (text, surfaces that must NOT be reported as quantities)
NOT_QUANTITIES: list[tuple[str, list[str]]] = [
    ("an S-200 missile downed an Il-20", ["200", "20"]),
    ("F-16 jets and an A320-200 near MH17", ["16", "320", "200", "17"]),
    ("in the 1990s and 1960's", ["1990", "1960"]),
    ("at 2pm", ["2"]),
]

EXAMPLES_XFAIL: list[Row] = [
    # a range of ordinals with "the" on both sides
    ("between the tenth and the fifteenth", "x", "range", 10, 15, True, True, False, N),
]


def _row(m: Mention) -> tuple[object, ...]:
    return (
        m.surface,
        m.kind,
        m.low,
        m.high,
        m.low_inclusive,
        m.high_inclusive,
        m.approximate,
        m.unit,
    )


@pytest.mark.parametrize("row", EXAMPLES + EXAMPLES_BUGS_CAUGHT, ids=lambda r: r[0])
def test_find(row: Row) -> None:
    text, *expected = row
    assert tuple(expected) in [_row(m) for m in find(text)]


@pytest.mark.parametrize("row", EXAMPLES_XFAIL, ids=lambda r: r[0])
@pytest.mark.xfail(strict=True, reason="known gap")
def test_find_known_gaps(row: Row) -> None:
    text, *expected = row
    assert tuple(expected) in [_row(m) for m in find(text)]


@pytest.mark.parametrize(("text", "surfaces"), NOT_QUANTITIES, ids=repr)
def test_designators_and_decades_are_not_quantities(text: str, surfaces: list[str]) -> None:
    found = {m.surface for m in find(text)}
    assert found.isdisjoint(surfaces)


def test_find_quantities_is_the_public_entry() -> None:
    assert [m.surface for m in find_quantities("over 200 airstrikes")] == ["over 200"]


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [("8/1.5 looks like a formula", ["8"]), ("BUN/Cr of 30/4.85", ["30"])],
)
def test_slash_before_a_decimal_is_no_fraction(text: str, surfaces: list[str]) -> None:
    # bug: int("1.5") raised ValueError out of find
    assert [m.surface for m in find(text)] == surfaces


@pytest.mark.parametrize("junk", ["", "nothing", "5 and 6", "S-200", "over"])
def test_parse_is_none_on_junk(junk: str) -> None:
    assert parse(junk) is None


def test_parse_one_amount() -> None:
    assert parse("between 20 and 30") == Interval(low=20, high=30)


@pytest.mark.parametrize(
    "text", ["more than 10 and less than 40", "less than 40 but more than 10", "over 10, under 40"]
)
def test_two_bounds_join_into_one_range(text: str) -> None:
    (m,) = find(text)
    assert (m.low, m.high, m.low_inclusive, m.high_inclusive) == (10, 40, False, False)


def test_crossed_bounds_stay_apart() -> None:
    assert [(m.low, m.high) for m in find("more than 40 and less than 10")] == [
        (40, None),
        (None, 10),
    ]


@given(phrasings(amounts()))
def test_phrasings_parse_back(p: Phrasing) -> None:
    assert parse(p.text) == p.value


@given(phrasings(amounts(max_value=10**6)), st.sampled_from(["Officials said ", "(", ""]))
def test_phrasings_are_found_in_a_sentence(p: Phrasing, lead: str) -> None:
    text = f"{lead}{p.text} people were hurt."
    found = find(text)
    assert [m.value for m in found] == [p.value]
    assert found[0].start == len(lead)


@given(st.text())
def test_offsets_slice_back_and_bounds_order(text: str) -> None:
    found = find(text)
    for m in found:
        assert text[m.start : m.end] == m.surface
        if m.low is not None and m.high is not None:
            assert m.low <= m.high
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@given(phrasings(amounts()))
def test_parse_is_idempotent_on_its_own_surface(p: Phrasing) -> None:
    (m,) = find(p.text)
    assert parse(m.surface) == m.value


def test_repeated_hedges_are_read_in_one_pass() -> None:
    text = "more than " * 20_000 + "5"
    (m,) = find(text)
    assert (m.low, m.high) == (5, None)


def test_user_hedges_extend_the_lexicon(tmp_path: Path) -> None:
    extra = tmp_path / "hedges.toml"
    extra.write_text('[numbers.hedges.more_than]\nphrases = ["north of"]\n', encoding="utf-8")
    (m,) = find("north of 300", lexicon=load_lexicon(extra))
    assert (m.low, m.high, m.low_inclusive) == (300, None, False)


@pytest.mark.parametrize(
    "entry",
    [
        '[numbers.hedges.odd]\nphrases = ["sort of"]\nbound = "sideways"\n',
        '[numbers.hedges.odd]\nphrases = 5\nbound = "low"\n',
        '[numbers.range]\njoiners = [""]\n',
    ],
)
def test_bad_hedge_entries_raise(tmp_path: Path, entry: str) -> None:
    extra = tmp_path / "bad.toml"
    extra.write_text(entry, encoding="utf-8")
    with pytest.raises(LexiconError):
        find("about 5", lexicon=load_lexicon(extra))


@given(st.one_of(news_texts(), st.text()))
def test_anchored_reading_equals_the_full_scan(text: str) -> None:
    # the fast path tries the token patterns only where they can start: same result
    fast = find(text)
    slow = mock.patch.object(anchors, "lowered", lambda t: (t.lower(), False))
    with mock.patch.object(anchors, "safe", return_value=False), slow:
        assert find(text) == fast


@pytest.mark.parametrize("text", ["ÉIGHT Ö five", "Ünd ELF, A MINUTE — Ä Dozen", "\u0130 two"])
def test_ascii_lowering_reads_as_full_lowering(text: str) -> None:
    fast = find(text)
    with mock.patch.object(anchors, "lowered", lambda t: (t.lower(), anchors.safe(t, t.lower()))):
        assert find(text) == fast


_WORD_BITS = st.sampled_from(
    ["one", "-on-", "at", " one ", "point", "\t", "½", "five", "é", "fifths", "x", "’", "4", " "]
)


@given(st.one_of(st.lists(_WORD_BITS, max_size=12).map("".join), st.text()))
def test_word_starts_hold_every_start_of_a_number_word(text: str) -> None:
    # the candidates read from the letters-only bytes miss no match of the word pattern
    lower = text.lower()
    words = resolve(None).lower_word_re
    assert {m.start() for m in words.finditer(lower)} <= set(anchors.word_starts(lower, None))


_ARTICLE_BITS = st.sampled_from(
    ["a", "an", " ", "-", "\t", "\n", "mile", "russian", " ruble", "few", "couple", "é", "5", ","]
)


@given(st.one_of(st.lists(_ARTICLE_BITS, max_size=12).map("".join), st.text()))
def test_openings_hold_every_word_count_and_article(text: str) -> None:
    # the candidates read from the letters-only bytes miss no match of the patterns
    lower, safe = anchors.lowered(text)
    lex = default_lexicon()
    starts = set(qt._starts(lower, lex) or []) if safe else set()
    nl = resolve(lex)
    found = [nl.lower_word_re.finditer(lower), qt._article_unit(lex).finditer(lower)]
    found.append(nl.counts_re.finditer(text) if nl.counts_re is not None else iter(()))
    if safe and qt._starts(lower, lex) is not None:
        assert {m.start() for m in itertools.chain(*found)} <= starts


def test_letters_only_keeps_one_byte_a_character() -> None:
    text = "a\ud800é€𝔘b z"
    assert anchors.letters_only(text) == b"a    b z"


def test_case_folds_onto_ascii_are_all_listed() -> None:
    letter = re.compile(r"(?i)[a-z]")
    folds = [chr(c) for c in range(0x80, sys.maxunicode + 1) if letter.match(chr(c))]
    assert "".join(folds) == anchors.FOLDS_ONTO_ASCII


_HEDGE_BITS = st.sampled_from(
    ["more than ", "at moſt ", "about", "up to  ", "~", " ", "\t", "\n", "K", "é", "5", "approx. "]
)


@given(st.one_of(st.lists(_HEDGE_BITS, max_size=12).map("".join), st.text()), st.integers(0, 99))
def test_hedge_before_equals_its_regex_search(text: str, pos: int) -> None:
    # the cheap test before the search rules out only what the search would not find
    hl = hd.resolve(None)
    pos = min(pos, len(text))
    m = hl.before_re.search(text, max(0, pos - 40), pos)
    hedge = None if m is None else hl.before.get(" ".join(m.group().lower().split()))
    expected = None if m is None or hedge is None else (m.start(), hedge)
    assert hd.hedge_before(hl, text, pos) == expected


@given(st.text(alphabet=" \t\u00a0\n\u2003$(USDrsé."), st.integers(0, 60))
def test_last_token_equals_its_regex_search(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    m = re.compile(r"\S+[ \t\u00a0]{0,3}\Z").search(text, max(0, pos - pt._BEFORE), pos)
    assert pt._last_token(text, pos) == (None if m is None else m.group())


def test_a_case_folded_hedge_does_not_raise() -> None:
    # bug: "moſt" matched "most" case-insensitively and its key was missing: KeyError
    assert [m.surface for m in find("at moſt 5 people")] == ["5"]
