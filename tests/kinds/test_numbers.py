"""Numbers in digits and words: ``numbers.scan`` and ``numbers.parse_number``."""

from __future__ import annotations

import itertools
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.kinds import _numwords as nw
from discrepancy.kinds import numbers
from discrepancy.kinds.numbers import parse_number, scan
from discrepancy.lexicon import LexiconError, load_lexicon
from discrepancy.strategies.quantities import counts, spellings, to_words

# (text, expected value) for one number that is the whole text
EXAMPLES: list[tuple[str, float]] = [
    ("15", 15),
    ("-504", -504),
    ("1,200,000", 1_200_000),
    ("1.10", 1.1),
    (".77", 0.77),
    ("0033", 33),
    ("1e10", 1e10),
    ("100k", 100_000),
    ("2.33 k", 2330),
    ("5bn", 5e9),
    ("-1.2M", -1_200_000),
    ("10 bln", 1e10),
    ("1.5 million", 1_500_000),
    ("3 hundred and 21", 321),
    ("322 hundred", 32_200),
    ("30 lakh", 3_000_000),
    ("zero", 0),
    ("seventy", 70),
    ("Twenty-two", 22),
    ("two hundred and five", 205),
    ("Three hundred  and  thirty one", 331),
    ("forty five hundred thirty eight", 4538),
    ("twenty-one thousand Eleven", 21_011),
    (
        "fifty-three billion two hundred forty-three thousand seven hundred twenty-one",
        53e9 + 243_721,
    ),
    ("two thousand million", 2e9),
    ("a hundred", 100),
    ("a dozen", 12),
    ("two dozen", 24),
    ("three dozens", 36),
    ("half a dozen", 6),
    ("a couple", 2),
    ("a few", 3),
    ("1/2", 0.5),
    ("3/4", 0.75),
    ("2 1/2", 2.5),
    ("2½", 2.5),
    ("half", 0.5),
    ("a half", 0.5),
    ("three quarters", 0.75),
    ("a third", 1 / 3),
    ("one fifth", 0.2),
    ("twenty-three fifths", 4.6),
    ("one and a half", 1.5),
    ("two and a half", 2.5),
    ("forty two and a third", 42 + 1 / 3),
    ("one hundred and three quarters", 100.75),
    ("five and a half million", 5_500_000),
    ("one million and a half", 1_500_000),
    ("five billion and three quarters", 5.75e9),
    ("quarter million", 250_000),
    ("two point five", 2.5),
    ("nought point nought three", 0.03),
    ("twelve point ninety-nine", 12.99),
    ("minus five", -5),
    ("negative one", -1),
    ("1 234 567", 1_234_567),
    ("40 000", 40_000),
    ("1\u202f234\u202f567.89", 1_234_567.89),
    ("1.1^23", 1.1**23),
    ("-2500^-1", -0.0004),
    ("6.23x10^-4", 0.000623),
    ("one quarter", 0.25),
    ("two million and one half", 2_500_000),
    ("1 point 1", 1.1),
    ("point 77", 0.77),
    ("twentyfifth", 25),
    ("three quarters billion", 750_000_000),
    ("two thirds of a million", 2_000_000 / 3),
]

# (text, [(surface, low, high, ordinal)]) for texts with several numbers or none
SCANS: list[tuple[str, list[tuple[str, float, float, bool]]]] = [
    ("21st", [("21st", 21, 21, True)]),
    ("twenty-first", [("twenty-first", 21, 21, True)]),
    ("one hundred twenty fifth", [("one hundred twenty fifth", 125, 125, True)]),
    ("the second day", [("second", 2, 2, True)]),
    ("dozens", [("dozens", 24, 100, False)]),
    ("hundreds of strikes", [("hundreds", 200, 1000, False)]),
    ("tens of thousands", [("tens of thousands", 20_000, 100_000, False)]),
    ("hundreds of thousands", [("hundreds of thousands", 200_000, 1_000_000, False)]),
    ("several hundred", [("several hundred", 300, 900, False)]),
    ("1, 234, 567", [("1", 1, 1, False), ("234", 234, 234, False), ("567", 567, 567, False)]),
    ("five zero", [("five", 5, 5, False), ("zero", 0, 0, False)]),
    ("one two three", [("one", 1, 1, False), ("two", 2, 2, False), ("three", 3, 3, False)]),
    ("twenty-one, thirty-one", [("twenty-one", 21, 21, False), ("thirty-one", 31, 31, False)]),
    ("4000 3 hundred", [("4000", 4000, 4000, False), ("3 hundred", 300, 300, False)]),
    ("22,24,26", [("22", 22, 22, False), ("24", 24, 24, False), ("26", 26, 26, False)]),
    ("in the 1990s and the 1960's", []),
    ("an S-200 shot down an Il-20 near F-16s", []),
    ("the A320-200 of MH17", []),
    ("27 % in the quarter", [("27", 27, 27, False)]),
    ("10-20", [("10", 10, 10, False), ("20", 20, 20, False)]),
    ("from -18 to -34", [("-18", -18, -18, False), ("-34", -34, -34, False)]),
    ("May 21 100 people", [("21", 21, 21, False), ("100", 100, 100, False)]),
    ("3 hundred and 2 hundred", [("3 hundred", 300, 300, False), ("2 hundred", 200, 200, False)]),
    ("1e999 and 9^999", []),
    ("at 04:17 on 2018-09-18 or 5/17/2018", []),  # clock times and dates are not counts
    ("At one point two men fled; no one died", [("two", 2, 2, False)]),  # idioms
]

EXAMPLES_BUGS_CAUGHT: list[tuple[str, float]] = [
    ("thirteen thousand", 13_000),  # the end of a scale word was not kept
    ("one hundred and thirty-two fifths", 26.4),  # whole and fraction after "and"
    ("two hundred and fifty-four hundredths", 200.54),
    ("5k", 5000),  # "k-" before a hyphen was read as a designator
    ("12,34,567.89", 1_234_567.89),  # Indian digit grouping (lakh) was split in two
    ("10,00,000", 1_000_000),
]

EXAMPLES_XFAIL: list[tuple[str, float]] = [
    ("one twenty two", 122),  # spoken hundreds
]


@pytest.mark.parametrize(("text", "value"), EXAMPLES + EXAMPLES_BUGS_CAUGHT, ids=repr)
def test_parse_number(text: str, value: float) -> None:
    got = parse_number(text)
    assert got == pytest.approx(value, rel=1e-9)


@pytest.mark.parametrize(("text", "value"), EXAMPLES_XFAIL, ids=repr)
@pytest.mark.xfail(strict=True, reason="known gap")
def test_parse_number_known_gaps(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(("text", "expected"), SCANS, ids=repr)
def test_scan(text: str, expected: list[tuple[str, float, float, bool]]) -> None:
    got = [(m.surface, round(m.low, 9), round(m.high, 9), m.ordinal) for m in scan(text)]
    assert got == [(s, round(lo, 9), round(hi, 9), o) for s, lo, hi, o in expected]


@pytest.mark.parametrize("junk", ["", "x", "two three", "the", "5 and 6", "A320", "-"])
def test_parse_number_is_none_on_junk(junk: str) -> None:
    assert parse_number(junk) is None


def test_keep_glued_flags_designators() -> None:
    found = scan("MH17 and S-200", keep_glued=True)
    assert [(m.surface, m.letter_before, m.designator) for m in found] == [
        ("17", True, False),
        ("200", False, True),
    ]


def test_money_only_abbreviation_is_reported_not_applied() -> None:
    (m,) = scan("$5m", keep_glued=True)
    assert (m.low, m.money_scale, m.money_end) == (5, 1e6, 3)


def test_lexicon_extends_number_words(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text("[numbers.cardinals]\nfourscore = 80\n", encoding="utf-8")
    assert parse_number("fourscore", lexicon=load_lexicon(extra)) == 80
    assert parse_number("fourscore") is None


@pytest.mark.parametrize(
    "entry",
    [
        '[numbers.cardinals]\nbad = "x"\n',
        "[numbers.vague]\nlots = { low = 5 }\n",
        "[numbers.vague]\nlots = { low = 5, high = 2 }\n",
        "[numbers.negative]\nwords = 3\n",
        "[numbers.abbreviations]\nglued_only = [1]\n",
    ],
)
def test_bad_lexicon_entries_raise(tmp_path: Path, entry: str) -> None:
    extra = tmp_path / "bad.toml"
    extra.write_text(entry, encoding="utf-8")
    with pytest.raises(LexiconError):
        scan("five", lexicon=load_lexicon(extra))


@given(counts(max_value=10**14 - 1).filter(lambda n: n < 10**15), st.booleans())
def test_words_parse_back(n: int, british: bool) -> None:
    assert parse_number(to_words(n, british=british)) == n


@given(counts().flatmap(lambda n: st.tuples(st.just(n), spellings(n))))
def test_spellings_parse_back(pair: tuple[int, str]) -> None:
    n, text = pair
    assert parse_number(text) == pytest.approx(n, rel=1e-12)


@given(st.text())
def test_offsets_slice_back_and_bounds_order(text: str) -> None:
    found = scan(text, keep_glued=True)
    for m in found:
        assert text[m.start : m.end] == m.surface
        assert m.low <= m.high
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@given(counts(), st.sampled_from(["", "about ", "(", "killed "]), st.sampled_from(["", ".", ")"]))
def test_rescanning_a_surface_gives_the_same_value(n: int, lead: str, tail: str) -> None:
    text = f"{lead}{to_words(n)}{tail}"
    (m,) = scan(text)
    (again,) = scan(m.surface)
    assert (again.low, again.high) == (m.low, m.high) == (n, n)


def test_long_runs_of_digits_and_commas_are_read() -> None:
    text = "1,2" * 30_000 + " ten-ten-" * 5_000
    found = numbers.scan(text)
    assert found[0].surface == "1"
    assert found[-1].surface == "ten"


def test_digit_strings_beyond_int_conversion_limits_are_skipped() -> None:
    # bug: int() of more than 4300 digits raised ValueError out of scan
    assert numbers.scan("7" * 5_000 + " and 12")[-1].surface == "12"


_LONE_BITS = st.sampled_from(
    ["one", "a ", "an ", "a dozen", "half", "first", "dozens", "minus", "5", ". ", " ", "third"]
)


@given(st.one_of(st.lists(_LONE_BITS, max_size=10).map("".join), st.text(max_size=40)))
def test_lone_words_read_once_read_as_in_place(text: str) -> None:
    # a token no other follows is read once per word, away from the text: same numbers
    remembered = scan(text, keep_glued=True)
    in_place = nw._parse_one  # the token read where it stands, in its list
    with mock.patch.object(
        nw, "_alone", lambda toks, i, a: in_place(toks, i, a, toks[i].start if a is None else a)
    ):
        assert scan(text, keep_glued=True) == remembered
