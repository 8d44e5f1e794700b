"""Token and phrase helpers of ``roles``: the fast readings equal the plain ones.

The regexes and lookups here were rewritten for speed; each property compares one with the
plain reading it replaced, over arbitrary text (non-ASCII letters, letters whose case
folds oddly, apostrophes, underscores, dashes, line breaks).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy import roles as R
from discrepancy.extract import _ATTRIBUTED
from discrepancy.lexicon import default_lexicon

# Letters that fold oddly: İ lower-cases to two characters, ı and ſ and the Kelvin sign
# match i, s and k case-blind; ’ joins words like '; _ is a word character but no token's.
_ALPHABET = "aAcCfFiInNoOsStTwWkK ,.;:'’_-–—()\n\tİıſKéÉ09"
texts = st.text(alphabet=_ALPHABET, max_size=60)
words = st.text(alphabet="acfinostwkK-'ıſ", min_size=1, max_size=6)

TOKENS = [
    ("All 15 crew-members died.", ["all", "15", "crew", "members", "died"]),
    ("Russia’s MoD didn't say", ["russia’s", "mod", "didn't", "say"]),
    ("rock'n'roll", ["rock'n", "roll"]),
    ("snake_case", ["snake", "case"]),
    ("İstanbul", ["i̇stanbul"]),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS, ids=[t for t, _ in TOKENS])
def test_tokens(text: str, expected: list[str]) -> None:
    assert [t.word for t in R.tokens(text, 0, len(text))] == expected


def _plain_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in R._TOKEN.finditer(text)]


@given(texts)
def test_tokens_with_lowered_text_are_the_plain_reading(text: str) -> None:
    low = R.lowered(text)
    assert R.tokens(text, 0, len(text), low) == _plain_tokens(text)
    assert R.tokens(text, 0, len(text)) == _plain_tokens(text)


def _plain_cue(found: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted({re.escape(w) for w in found}, key=lambda w: (-len(w), w)))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


# Spellings a case-blind regex takes for a letter (ſ and the Kelvin sign included).
_FOLDS = {"i": "iIİı", "s": "sSſ", "k": "kKK", "a": "aA", "n": "nN", "o": "oO"}


@st.composite
def _spelt(draw: st.DrawFn, word: str) -> str:
    return "".join(draw(st.sampled_from(_FOLDS.get(c, c))) for c in word)


@given(st.lists(words, min_size=1, max_size=5), st.data())
def test_cue_finds_what_the_plain_word_regex_finds(found: list[str], data: st.DataObject) -> None:
    pieces = st.one_of(texts, st.sampled_from(found).flatmap(_spelt))
    text = "".join(data.draw(st.lists(pieces, max_size=6)))
    assert _spans(R._cue(found), text) == _spans(_plain_cue(found), text)


def test_cue_of_no_words_never_matches() -> None:
    assert _spans(R._cue([]), "no warning at all") == []


_PLAIN_ATTRIBUTED = re.compile(
    r"""\b(?:according\ to|citing)\s+(?:the\s+|a\s+|an\s+)?
        (?P<who>[^,.;:“”"]{2,60}?)
        (?=[,.;:“”"]|\s+(?:said|says|report|statement)\b|$)""",
    re.IGNORECASE | re.VERBOSE,
)
_OPENINGS = st.sampled_from(["according to ", "ACCORDING TO the ", "citing ", "Citing a ", "x"])


@given(texts, _OPENINGS, texts, st.integers(0, 10))
def test_attribution_opening_is_the_plain_regex(
    before: str, opening: str, after: str, cut: int
) -> None:
    text = before + opening + after
    for start in (0, min(cut, len(text))):
        fast, plain = _ATTRIBUTED.search(text, start), _PLAIN_ATTRIBUTED.search(text, start)
        assert (fast and fast.span("who")) == (plain and plain.span("who"))


def _plain_phrases(
    toks: list[R.Token], table: dict[tuple[str, ...], int], longest: int
) -> list[tuple[int, int, int]]:
    found = [t.word for t in toks]
    out, resume = [], 0
    for i in range(len(found)):
        for size in range(min(longest, len(found) - i), 0, -1) if i >= resume else ():
            if tuple(found[i : i + size]) in table:
                out.append((i, i + size, table[tuple(found[i : i + size])]))
                resume = i + size
                break
    return out


_VOCABULARY = st.sampled_from(["no", "prior", "warning", "not", "warned", "had", "the"])


@given(
    st.lists(_VOCABULARY, max_size=12),
    st.lists(st.lists(_VOCABULARY, min_size=1, max_size=4), max_size=6),
)
def test_phrases_with_first_words_are_the_plain_search(
    sentence: list[str], keys: list[list[str]]
) -> None:
    text = " ".join(sentence)
    toks = R.tokens(text, 0, len(text))
    table = {tuple(k): n for n, k in enumerate(keys)}
    longest = max(map(len, table), default=1)
    plain = _plain_phrases(toks, table, longest)
    assert R.find_phrases(toks, R.Phrases(table), longest) == plain
    assert R.find_phrases(toks, table, longest) == plain


def test_first_words_of_the_role_tables_know_their_longest_phrase() -> None:
    table = R.compiled(default_lexicon())
    assert table.absent.firsts["no"] >= 2  # "no warning", "no advance warning"
    assert "no" not in table.events.firsts
    assert max(table.counted.firsts.values()) == max(map(len, table.counted))
