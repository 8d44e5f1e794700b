"""Designators: weapon, aircraft, vehicle, flight and model codes.

New rows go in the tables below: ``EXAMPLES`` for behaviour we rely on,
``EXAMPLES_BUGS_CAUGHT`` for a bug that was fixed (one row per report) and
``EXAMPLES_XFAIL`` for known gaps (strict: fixing one fails the suite until the row moves up).
"""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.kinds import _designators_data, designators
from discrepancy.lexicon import Lexicon, LexiconError, default_lexicon
from discrepancy.model import Entity, Mention
from discrepancy.similarity import DASHES
from discrepancy.strategies.entities import designator_spellings
from discrepancy.strategies.entities import designators as entities

# (surface, (key, family, known, category)) or None for junk
Parsed = tuple[str, str, bool, str] | None
EXAMPLES: list[tuple[str, Parsed]] = [
    ("S-200", ("S-200", "S200", True, "surface-to-air missile system")),
    ("S200", ("S-200", "S200", True, "surface-to-air missile system")),
    ("s–200", ("S-200", "S200", True, "surface-to-air missile system")),
    ("S-300PMU2", ("S-300PMU2", "S300", True, "surface-to-air missile system")),
    ("Buk-M1", ("BUK-M1", "BUK", True, "surface-to-air missile system")),
    ("Buk M-1", ("BUK-M1", "BUK", True, "surface-to-air missile system")),
    ("BUK-M1", ("BUK-M1", "BUK", True, "surface-to-air missile system")),
    ("Il-20", ("IL-20", "IL20", True, "reconnaissance aircraft")),
    ("IL-20PP", ("IL-20PP", "IL20", True, "reconnaissance aircraft")),
    ("Airbus A320-200", ("A320-200", "A320", True, "airliner")),
    ("A320–200", ("A320-200", "A320", True, "airliner")),
    ("MH17", ("MH-17", "MH17", False, "")),
    ("MH-17", ("MH-17", "MH17", False, "")),
    ("F-16", ("F-16", "F16", True, "fighter aircraft")),
    ("F-35I", ("F-35I", "F35", True, "fighter aircraft")),
    ("Su-24", ("SU-24", "SU24", True, "attack aircraft")),
    ("Tu-22M3", ("TU-22M3", "TU22", True, "bomber")),
    ("MiG-29", ("MIG-29", "MIG29", True, "fighter aircraft")),
    ("Pantsir-S1", ("PANTSIR-S1", "PANTSIR", True, "surface-to-air missile system")),
    ("AK-47", ("AK-47", "AK47", True, "rifle")),
    ("T-72", ("T-72", "T72", True, "tank")),
    ("B-52", ("B-52", "B52", True, "bomber")),
    ("Boeing 737 MAX 8", ("737 MAX 8", "737", True, "airliner")),
    ("SA-5", ("S-200", "S200", True, "surface-to-air missile system")),
    ("Iron Dome", ("IRON DOME", "IRONDOME", True, "air defence system")),
    ("F/A-18E", ("F/A-18E", "F/A18", True, "fighter aircraft")),
    ("ZSU-23-4", ("ZSU-23-4", "ZSU23", True, "anti-aircraft gun")),
    ("A320neo", ("A320NEO", "A320", True, "airliner")),
    ("S-300PMU3", ("S-300PMU3", "S300", False, "surface-to-air missile system")),
    ("Buk-M4", ("BUK-M4", "BUK", False, "surface-to-air missile system")),
    ("Kh-999", ("KH-999", "KH999", False, "")),
    ("A-200", ("A-200", "A200", False, "")),
    ("S-2OO", ("S-2OO", "S2", False, "")),
    ("the", None),
    ("15", None),
    ("2018-09-17", None),
    ("10:30", None),
    ("COVID-19", None),
    ("Mid-2000s", None),
    ("G20", None),
    ("", None),
]
EXAMPLES_BUGS_CAUGHT: list[tuple[str, Parsed]] = [
    ("737", ("737", "737", True, "airliner")),  # a known bare number parses on its own
    ("ATR 72", ("ATR 72", "ATR72", True, "airliner")),  # a maker that is also in the key
    ("Boeing 797", ("797", "797", False, "")),  # after a maker, digits alone are a code
    ("USD115", None),  # a currency code glued to an amount
    ("ABC-12345-A1B2C3", None),  # a serial number: five digits
    ("S-20000", None),  # no series number has five digits
]
EXAMPLES_XFAIL: list[tuple[str, Parsed]] = [
    ("9K37M1", ("9K37M1", "BUK", True, "surface-to-air missile system")),  # GRAU sub-index
    ("Mi-8AMTSh", ("MI-8AMTSH", "MI8", True, "helicopter")),  # a sub-model not in the data
]


def _summary(entity: Entity | None) -> Parsed:
    if entity is None:
        return None
    return entity.key, entity.family, entity.known, entity.category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *EXAMPLES,
        *EXAMPLES_BUGS_CAUGHT,
        *(pytest.param(*e, marks=pytest.mark.xfail(strict=True)) for e in EXAMPLES_XFAIL),
    ],
    ids=str,
)
def test_parse(text: str, expected: Parsed) -> None:
    assert expected == _summary(designators.parse(text))


FIND_EXAMPLES: list[tuple[str, list[tuple[str, str]]]] = [
    ("An S-200 hit the Il-20.", [("S-200", "S-200"), ("Il-20", "IL-20")]),
    ("four F-16s and two MiG-29s", [("F-16", "F-16"), ("MiG-29", "MIG-29")]),
    ("an Ilyushin Il-20 turbo-prop", [("Ilyushin Il-20", "IL-20")]),
    ("A IL-20PP reconnaissance aircraft", [("IL-20PP", "IL-20PP")]),
    ("the Buk M-1 system", [("Buk M-1", "BUK-M1")]),
    ("a Boeing 737 MAX 8 crashed", [("Boeing 737 MAX 8", "737 MAX 8")]),
    ("an Airbus A320–200 (MH17)", [("Airbus A320–200", "A320-200"), ("MH17", "MH-17")]),
    ("Patriot missiles and Iron Dome", [("Patriot", "PATRIOT"), ("Iron Dome", "IRON DOME")]),
    ("Syria's S-200/300 batteries", [("S-200", "S-200")]),
    ("the S-200—a Soviet design", [("S-200", "S-200")]),
    ("Leopard 2A4 and ATR 72", [("Leopard 2A4", "LEOPARD 2A4"), ("ATR 72", "ATR 72")]),
    ("In Mid-2018 COVID-19 hit 15 people at 10:30 on 2018-09-17.", []),
    ("XS-200abc and abcS-200 and G20 and Q3", []),
    ("A Typhoon hit the coast; Tor said; a patriot", []),
    ("a buk and an s-200", []),
    ("Boeing 2019 results", []),
    ("He met the 737 crew", []),
]
FIND_BUGS_CAUGHT: list[tuple[str, list[tuple[str, str]]]] = [
    ("An S-200 missile", [("S-200", "S-200")]),  # "An" is not the prefix of a code
    ("the Patriot air defense system", [("Patriot", "PATRIOT")]),  # noun after "air"
    ("said Bradley and Abrams", []),  # an ambiguous alias needs a noun too
    ("two Abrams tanks", [("Abrams", "M1")]),
    ("the S 200 and A 320", []),  # a one-letter prefix needs no space after it
]
FIND_XFAIL: list[tuple[str, list[tuple[str, str]]]] = [
    ("S-300s and -400s", [("S-300", "S-300"), ("-400", "S-400")]),  # elliptical series
    ("MH 17 was downed", [("MH 17", "MH-17")]),  # a flight number written with a space
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *FIND_EXAMPLES,
        *FIND_BUGS_CAUGHT,
        *(pytest.param(*e, marks=pytest.mark.xfail(strict=True)) for e in FIND_XFAIL),
    ],
    ids=str,
)
def test_find(text: str, expected: list[tuple[str, str]]) -> None:
    found = designators.find(text)
    assert expected == [(m.surface, m.value.key) for m in found]  # type: ignore[union-attr]
    assert all(m.kind == "designator" for m in found)


NEAREST: list[tuple[str, str, int]] = [
    ("A-200", "S-200", 1),
    ("S-2OO", "S-200", 2),
    ("F-61", "F-16", 1),
    ("Il-02", "IL-20", 1),
]


@pytest.mark.parametrize(("text", "expected", "distance"), NEAREST, ids=str)
def test_nearest_known_ranks_the_likely_target_first(
    text: str, expected: str, distance: int
) -> None:
    entity = designators.parse(text)
    assert entity is not None
    first, found = designators.nearest_known(entity)[0]
    assert (expected, distance) == (first.key, found)


def test_nearest_known_leaves_out_the_entity_itself() -> None:
    entity = designators.parse("S-200")
    assert entity is not None
    assert all(e.variant_key != "S200" for e, _ in designators.nearest_known(entity))


@given(designator_spellings(entities()))
def test_every_spelling_reads_as_the_same_key(pair: tuple[str, Entity]) -> None:
    text, entity = pair
    parsed = designators.parse(text)
    assert parsed is not None
    assert entity.key == parsed.key
    assert entity.variant_key == parsed.variant_key


@given(entities())
def test_keys_are_idempotent(entity: Entity) -> None:
    parsed = designators.parse(entity.key)
    assert parsed is not None
    assert entity.key == parsed.key
    assert designators.variant_key(entity.key) == entity.variant_key
    if not (entity.variant_key.startswith(entity.family) or entity.known):
        # a sub-model ("MI-17A") takes the family of the known model it extends ("MI-17": MI8)
        base = designators.parse(entity.key.rstrip(string.ascii_letters).rstrip("-"))
        assert base is not None
        assert base.known
        assert base.family == entity.family


@given(entities().filter(lambda e: any(c.isalpha() for c in e.key)))
def test_a_key_in_a_sentence_is_found(entity: Entity) -> None:
    text = f"Reports say the {entity.key} system was used."
    found = designators.find(text)
    assert [entity.key] == [m.value.key for m in found]  # type: ignore[union-attr]


@given(entities())
def test_nearest_known_is_within_two_edits_and_sorted(entity: Entity) -> None:
    distances = [d for _, d in designators.nearest_known(entity)]
    assert all(1 <= d <= 2 for d in distances)
    assert distances == sorted(distances)


_CODEISH = st.text(alphabet="SFAIlu-–/ 0123456789MPsk.,\n", max_size=60)


@given(st.one_of(st.text(max_size=80), _CODEISH))
def test_found_offsets_slice_back_to_the_surface(text: str) -> None:
    found = designators.find(text)
    for mention in found:
        assert text[mention.start : mention.end] == mention.surface
    assert [m.start for m in found] == sorted(m.start for m in found)


@given(st.text(max_size=40))
def test_parse_never_raises(text: str) -> None:
    result = designators.parse(text)
    assert result is None or result.kind == "designator"


def test_long_inputs_are_handled() -> None:
    """Long runs of digits, hyphens and codes are read without blowing up."""
    text = "S-200-" * 5000 + "1" * 50000 + " F-16" * 5000
    assert len(designators.find(text)) == 5000


BAD_DATA = [
    {"known": {"s-200": {"category": "x"}}},
    {"known": {"S-200": {"category": 5}}},
    {"known": {"S-200": {"aliases": "SA-5"}}},
    {"known": {"S-200": {}, "S200": {}}},
    {"words": {"makers": [1]}},
    {"words": []},
]


@pytest.mark.parametrize("table", BAD_DATA, ids=str)
def test_bad_data_is_reported(table: dict[str, object]) -> None:
    lexicon = Lexicon(tables={"designators": table})
    with pytest.raises(LexiconError, match=r"designators\.toml"):
        designators.parse("S-200", lexicon=lexicon)


def test_user_data_extends_the_known_list() -> None:
    lexicon = Lexicon(tables={"designators": {"known": {"XQ-58": {"category": "drone"}}}})
    entity = designators.parse("XQ-58", lexicon=lexicon)
    assert entity is not None
    assert (True, "drone") == (entity.known, entity.category)


# -- the fast scan against the token-by-token reading it replaced -------------------------

_SLOW_TOKEN = re.compile(r"[^\W_]+(?:[" + re.escape(DASHES) + r"/][^\W_]+)*")


def _slow_find(text: str) -> list[Mention]:
    """The first implementation of ``designators.find``: every word of the text in turn."""
    known = _designators_data.compiled(default_lexicon())
    tokens = [m for m in _SLOW_TOKEN.finditer(text) if m.end() - m.start() <= 40]
    out: list[Mention] = []
    busy = 0
    for i, token in enumerate(tokens):
        if token.start() < busy or not designators._may_open(token.group(), known):
            continue
        mention = _slow_mention_at(text, tokens, i)
        if mention is not None:
            out.append(mention)
            busy = mention.end
    return out


def _slow_mention_at(text: str, tokens: list[re.Match[str]], i: int) -> Mention | None:
    known = _designators_data.compiled(default_lexicon())
    start = tokens[i].start()
    maker = 0
    for k in range(i - 1, max(i - 4, -1), -1):
        if text[tokens[k].end() : tokens[k + 1].start()] != " ":
            break
        if text[tokens[k].start() : start - 1] in known.makers:
            maker = start - tokens[k].start()
            break
    after = text[tokens[i].end() : tokens[i].end() + 1]
    if maker == 0 and tokens[i].group().isdigit() and after != " ":
        return None
    for end in _slow_candidate_ends(text, tokens, i):
        multi = end > tokens[i].end()
        entity = designators._read(
            text[start:end], known, strict=True, multi=multi, after_maker=maker > 0
        )
        if entity is None or not designators._stands_alone(text, start, end, known):
            continue
        begin = start - maker
        surface = text[begin:end]
        return Mention(start=begin, end=end, surface=surface, kind="designator", value=entity)
    return None


def _slow_candidate_ends(text: str, tokens: list[re.Match[str]], i: int) -> list[int]:
    run = [tokens[i]]
    for nxt in tokens[i + 1 : i + 4]:
        if text[run[-1].end() : nxt.start()] != " ":
            break
        run.append(nxt)
    ends = [m.end() for m in reversed(run)]
    token = tokens[i].group()
    if token.endswith("s") and token[-2:-1].isdigit():
        ends.append(tokens[i].end() - 1)
    cuts = [m.start() for m in re.finditer("[" + re.escape(DASHES) + "/]", token)]
    ends.extend(tokens[i].start() + cut for cut in reversed(cuts))
    return ends


_NEWS_WORDS = st.sampled_from(
    [
        "S-200",
        "s-200",
        "S200",
        "Il-20",
        "IL-20PP",
        "Boeing",
        "Airbus",
        "A320",
        "737",
        "MAX",
        "8",
        "Lockheed",
        "Martin",
        "F-35I",
        "Buk",
        "buk",
        "BUK",
        "M-1",
        "Iron",
        "Dome",
        "iron",
        "Patriot",
        "missiles",
        "Leopard",
        "2A4",
        "ATR",
        "72",
        "the",
        "The",
        "15",
        "2018-09-17",
        "F-16s",
        "S-200/300",
        "Mid-2018",
        "COVID-19",
        "ß",
        "ſ",
        "ı",
        "İ",
        "Straße",
        "Bayraktar",
        "TB2",
        "Su-24",
        "Tu-22M3",
        "x",
        "Ⅻ",
        "²",
        "١٢",
        "MH17",
        "ZSU-23-4",
    ]
)
_NEWS_GAPS = st.sampled_from([" ", " ", " ", "  ", "-", "–", "/", ", ", ". ", "\n", "’s ", ""])
_NEWS_TEXT = st.lists(st.tuples(_NEWS_WORDS, _NEWS_GAPS), max_size=25).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@given(st.one_of(st.text(max_size=80), _CODEISH, _NEWS_TEXT))
def test_find_agrees_with_the_token_by_token_reading(text: str) -> None:
    assert _slow_find(text) == designators.find(text)


def test_long_runs_of_codes_and_capitals_are_handled() -> None:
    """100 KB of codes, capitals or hyphens is read in one pass (this finishes)."""
    assert 16000 == len(designators.find("S-200 " * 16000))
    assert [] == designators.find("Aaa Bbb " * 12500)
    assert [] == designators.find("-" * 100000)
