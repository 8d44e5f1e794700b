"""String similarity, explanations of small slips, and accidental repeated words.

New rows go in the tables: ``EXAMPLES`` for behaviour we rely on, ``EXAMPLES_BUGS_CAUGHT``
for fixed bugs, ``EXAMPLES_XFAIL`` for known gaps (strict).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import find, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from discrepancy.lexicon import Lexicon, LexiconError, default_lexicon
from discrepancy.similarity import DASHES, EDIT_KINDS, doubled_words, explain_edit, similarity
from discrepancy.strategies.entities import designators, typos

# (wrong, right, kind, reason) with kind None when there is nothing to explain
EXAMPLES: list[tuple[str, str, str | None, str]] = [
    ("A-200", "S-200", "adjacent_key", "one character apart; A is next to S on a QWERTY keyboard"),
    ("21", "12", "transposition", "two digits swapped (21/12)"),
    ("Norkni", "Norkin", "transposition", "two letters swapped (ni/in)"),
    ("S-2OO", "S-200", "lookalike", "a letter O written for a zero (2 times)"),
    ("S-20O", "S-200", "lookalike", "a letter O written for a zero"),
    ("rnodern", "modern", "lookalike", "the letters rn written for a letter m"),
    ("С-200", "C-200", "lookalike", "a Cyrillic С written for a Latin C"),
    ("I1-20", "Il-20", "lookalike", "a one written for a lower-case L"),
    ("S–200", "S-200", "lookalike", "an en dash written for a hyphen"),
    ("200", "2000", "dropped", "a zero dropped"),
    ("Netanyau", "Netanyahu", "dropped", "a letter h dropped"),
    ("2000", "200", "doubled", "a zero doubled"),
    ("Putiin", "Putin", "doubled", "a lower-case i doubled"),
    ("Putxin", "Putin", "inserted", "an extra character inserted: a letter x"),
    ("Putgin", "Putin", "inserted", "an extra character inserted: a letter g"),
    ("15", "16", "adjacent_key", "one character apart; 5 is next to 6 on a QWERTY keyboard"),
    ("S-700", "S-200", "substitution", "one character apart: 7 written for 2"),
    ("IL-20", "Il-20", "substitution", "one character apart: L written for l (letter case)"),
    ("S-200", "S-200", None, ""),
    ("Netanyahu", "Putin", None, ""),
    ("S-300", "S-200", "adjacent_key", "one character apart; 3 is next to 2"),
]
EXAMPLES_BUGS_CAUGHT: list[tuple[str, str, str | None, str]] = [
    ("Putinx", "Putin", "inserted", "an extra character inserted: a letter x"),  # at the end
    ("xPutin", "Putin", "inserted", "an extra character inserted: a letter x"),  # at the start
]
EXAMPLES_XFAIL: list[tuple[str, str, str | None, str]] = [
    # two edits: each is named, but the reason does not yet say "two zeros dropped"
    ("2", "200", "dropped", "two zeros dropped"),
]


@pytest.mark.parametrize(
    ("wrong", "right", "kind", "reason"),
    [
        *EXAMPLES,
        *EXAMPLES_BUGS_CAUGHT,
        *(pytest.param(*e, marks=pytest.mark.xfail(strict=True)) for e in EXAMPLES_XFAIL),
    ],
    ids=str,
)
def test_explain_edit(wrong: str, right: str, kind: str | None, reason: str) -> None:
    edit = explain_edit(wrong, right)
    if kind is None:
        assert edit is None
        return
    assert edit is not None
    assert kind == edit.kind
    assert edit.reason.startswith(reason)
    assert edit.kind in EDIT_KINDS


def test_two_edits_are_explained_with_distance_two() -> None:
    edit = explain_edit("Hizbullah", "Hezbollah")
    assert edit is not None
    assert (2, "substitution") == (edit.distance, edit.kind)
    assert "two edits apart: i written for e; u written for o" == edit.reason
    twice = explain_edit("2", "200")
    assert twice is not None
    assert "two edits apart: a zero dropped, twice" == twice.reason


@given(typos(st.text(alphabet="abcdeklmnorsuvw0125SOIl -", max_size=12)))
def test_a_planted_typo_is_explained_as_the_kind_planted(planted: tuple[str, str, str]) -> None:
    wrong, right, kind = planted
    edit = explain_edit(wrong, right)
    assert edit is not None
    assert kind == edit.kind
    assert 1 <= edit.distance <= 2


def test_typos_rejects_unknown_kinds() -> None:
    with pytest.raises(InvalidArgument):
        find(typos(st.just("abc"), kinds=("typo",)), lambda _: True)


@given(typos(designators().map(lambda e: e.key), kinds=("transposition", "lookalike")))
def test_planted_typos_in_designators(planted: tuple[str, str, str]) -> None:
    wrong, right, kind = planted
    edit = explain_edit(wrong, right)
    assert edit is not None
    assert kind == edit.kind


@given(st.text(max_size=12), st.text(max_size=12))
def test_explain_edit_is_none_exactly_for_equal_or_distant_strings(a: str, b: str) -> None:
    edit = explain_edit(a, b)
    if a == b:
        assert edit is None
    elif edit is not None:
        assert edit.distance in (1, 2)
        assert edit.reason


SIMILARITY: list[tuple[str, str, float]] = [
    ("S-200", "S-200", 100.0),
    ("S-200", "s–200", 100.0),
    ("abc", "xyz", 0.0),
]


@pytest.mark.parametrize(("a", "b", "expected"), SIMILARITY, ids=str)
def test_similarity(a: str, b: str, expected: float) -> None:
    assert expected == similarity(a, b)


@given(st.text(max_size=20), st.text(max_size=20))
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    score = similarity(a, b)
    assert score == similarity(b, a)
    assert 0.0 <= score <= 100.0


DOUBLED: list[tuple[str, list[str]]] = [
    ("Commander Amikam Norkin Norkin and", ["Norkin Norkin"]),
    ("from the the area", ["the the"]),
    ("Syrian anti anti-aircraft fire", ["anti anti-aircraft"]),
    ("the end. The the start", ["The the"]),
    ("across a\nline\nline break", ["line\nline"]),
    ("he flew to Bora Bora and Pago Pago", []),
    ("what he had had was that that was fine", []),
    ("the end. The start", []),
    ("in Norkin. Norkin said", []),
    ("a paragraph\n\nparagraph", []),
    ("15 15 people", []),
    ("Baden-Baden and bye bye", []),
    ("Boutros Boutros-Ghali spoke", []),
]
DOUBLED_XFAIL: list[tuple[str, list[str]]] = [
    ("What it is is a problem", []),  # "is is" is English here; we report it as a slip
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [*DOUBLED, *(pytest.param(*e, marks=pytest.mark.xfail(strict=True)) for e in DOUBLED_XFAIL)],
    ids=str,
)
def test_doubled_words(text: str, expected: list[str]) -> None:
    assert expected == [surface for _, _, surface in doubled_words(text)]


@given(st.text(alphabet="ab AB-.\n", max_size=60))
def test_doubled_word_spans_slice_back(text: str) -> None:
    for start, end, surface in doubled_words(text):
        assert text[start:end] == surface
        first, second = surface.split(maxsplit=1)
        assert second.casefold().startswith(first.casefold())


def test_long_repetitions_are_handled() -> None:
    """A long repetition is read in one pass, each pair once."""
    text = "more than " * 20000
    assert 0 == len(doubled_words(text))
    assert 19999 == len(doubled_words("the " * 20000))


BAD_DATA = [
    {"keyboard": {"rows": "qwerty"}, "lookalikes": {"pairs": []}, "doubled_words": {"allowed": []}},
    {"keyboard": {"rows": []}, "lookalikes": {"pairs": [["0"]]}, "doubled_words": {"allowed": []}},
    {"keyboard": {"rows": []}, "lookalikes": {"pairs": []}, "doubled_words": {"allowed": ["x"]}},
    {"keyboard": {"rows": []}, "lookalikes": {"pairs": []}},
]


@pytest.mark.parametrize("table", BAD_DATA, ids=str)
def test_bad_data_is_reported(table: dict[str, object]) -> None:
    with pytest.raises(LexiconError, match=r"typos\.toml"):
        explain_edit("a", "b", lexicon=Lexicon(tables={"typos": table}))


# -- the fast doubled-word finder against the word-by-word reading it replaced ----------

_SLOW_WORD = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*")


def _slow_doubled_words(text: str) -> list[tuple[int, int, str]]:
    """The first implementation of ``doubled_words``: every pair of neighbouring words."""
    allowed = {w.casefold() for w in default_lexicon().table("typos")["doubled_words"]["allowed"]}
    out: list[tuple[int, int, str]] = []
    previous: re.Match[str] | None = None
    for match in _SLOW_WORD.finditer(text):
        if previous is not None:
            gap = text[previous.end() : match.start()]
            a, b = previous.group().casefold(), match.group().casefold()
            head = re.split(r"[-‐‑]", b, maxsplit=1)[0]
            if (
                gap
                and gap.isspace()
                and gap.count("\n") <= 1
                and any(c.isalpha() for c in a)
                and (a == b or (head == a and len(b) > len(a) and b[len(a)] in DASHES))
                and f"{a} {head}" not in allowed
            ):
                out.append((previous.start(), match.end(), text[previous.start() : match.end()]))
        previous = match
    return out


_PIECES = st.sampled_from(
    [
        "the",
        "The",
        "THE",
        "anti",
        "anti-aircraft",
        "Bora",
        "had",
        "a",
        "ß",
        "SS",
        "ss",
        "x_",
        "’s",
        "'",
        "-",
        "‐",
        "15",
        "İ",
        "i̇",
        "Straße",
        "STRASSE",
    ]
)
_GAPS = st.sampled_from([" ", "  ", "\n", "\n\n", ". ", ", ", "-", "’", "\t", "\u00a0", ""])
_DOUBLED_TEXT = st.lists(st.tuples(_PIECES, _GAPS), max_size=30).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@given(st.one_of(st.text(max_size=80), _DOUBLED_TEXT))
def test_doubled_words_agrees_with_the_word_by_word_reading(text: str) -> None:
    assert _slow_doubled_words(text) == doubled_words(text)


def test_doubled_words_reads_a_text_with_long_folds() -> None:
    """ "ß" folds to "ss": such a text is read word by word, with the same answer."""
    text = "Straße straße and the the STRASSE Straße"
    assert ["Straße straße", "the the", "STRASSE Straße"] == [s for _, _, s in doubled_words(text)]
