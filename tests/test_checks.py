"""Within-article checks: doubled words, possessives, names cut short, and their parts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy import checks, extract
from discrepancy.lexicon import default_lexicon
from discrepancy.model import Source
from discrepancy.text import sentences

LEXICON = default_lexicon()

# (text, slot of each finding, in order, with its suggestion)
EXAMPLES = [
    ("The the crash killed 15.", [("doubled word", "the")]),
    ("Commander Amikam Norkin Norkin said so.", [("doubled word", "Norkin")]),
    ("They fired anti anti-aircraft missiles.", [("doubled word", "anti-aircraft")]),
    ("Officials said Russian’s Defense Minister spoke.", [("possessive", "Russia’s")]),
    ("The Russian’s passport was found.", []),
    ("Iran's Army and Israeli's Prime Minister", [("possessive", "Israel's")]),
    ("He flew to Bora Bora. He had had enough.", []),
]

# slips whose sentence was once copied per slip (memory grew with the square of the text)
EXAMPLES_BUGS_CAUGHT = [
    ("Brook Brook Glenn Glenn " * 200, 400),
]


def _findings(text: str) -> list[tuple[str, str | None]]:
    found = checks.check_source(Source(id="a", text=text), (), lexicon=LEXICON)
    return [(f.slot, f.suggestion) for f in (*found.doubled, *found.possessives)]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[t[:30] for t, _ in EXAMPLES])
def test_check_source(text: str, expected: list[tuple[str, str]]) -> None:
    assert expected == _findings(text)


@pytest.mark.parametrize(("text", "count"), EXAMPLES_BUGS_CAUGHT, ids=["long sentence of slips"])
def test_slips_in_one_sentence_share_its_text(text: str, count: int) -> None:
    found = checks.check_source(Source(id="a", text=text), (), lexicon=LEXICON).doubled
    assert count == len(found)
    quoted = {id(f.evidence[0].span.sentence) for f in found}
    assert len(quoted) == 1
    assert found[0].evidence[0].span.sentence == text.strip()


def test_the_split_given_or_not_gives_the_same_checks() -> None:
    text = "Headline\nThe Russian’s Defense Minister said the the plane fell. Norkin Norkin."
    source = Source(id="a", text=text, body_start=9)
    split = sentences(text, source.body_start)
    assert checks.check_source(source, (), lexicon=LEXICON, split=split) == checks.check_source(
        source, (), lexicon=LEXICON
    )


def test_a_name_cut_short_is_found_across_sources() -> None:
    sources = [
        Source(id="a", text="President Vladimir Putin said the crash was a tragedy."),
        Source(id="b", text="President Vladimir Putin spoke later."),
        Source(id="c", text="The Kremlin said President Vladimir to express condolences."),
    ]
    facts = [f for s in sources for f in extract.extract(s, lexicon=LEXICON)]
    found = checks.truncated_names(facts, sources)
    assert [(f.evidence[0].span.source, f.suggestion) for f in found] == [("c", "Vladimir Putin")]


_APOSTROPHE_TEXTS = st.text(alphabet="'’sS aAbR\n\t", max_size=40)


@given(_APOSTROPHE_TEXTS, st.integers(0, 45))
def test_apostrophes_are_where_the_regex_matches(text: str, start: int) -> None:
    expected = [m.start() for m in checks._APOSTROPHE_S.finditer(text, start)]
    assert expected == checks._apostrophes(text, start)


@given(st.text(alphabet="ab. \n", max_size=30), st.integers(0, 31))
def test_the_sentence_at_an_offset_holds_it(text: str, at: int) -> None:
    source = Source(id="a", text=text)
    quoted = checks._sentence_at(source, None)(at)
    around = [s for s in sentences(text) if s.start <= at < s.end]
    assert quoted == (text[around[0].start : around[0].end] if around else "")
    assert re.sub(r"\s", "", quoted) in re.sub(r"\s", "", text)
