"""Sentences and words keep offsets into the text they came from."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.text import sentences, words


def test_titles_do_not_end_sentences() -> None:
    text = "Maj. Gen. Igor Konashenkov said so. Mr. Smith agreed! Did he? Yes."
    got = [text[s.start : s.end] for s in sentences(text)]
    assert got == ["Maj. Gen. Igor Konashenkov said so.", "Mr. Smith agreed!", "Did he?", "Yes."]


def test_line_breaks_end_sentences() -> None:
    text = "Headline without a stop\nBody text. More"
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "Headline without a stop",
        "Body text.",
        "More",
    ]


# (text, start, the sentences of text[start:])
EXAMPLES: list[tuple[str, int, list[str]]] = [
    ("He said so. Then left.", 0, ["He said so.", "Then left."]),
    (
        "Capt. Smith and U.S. Army left. “Yes.” (Then) more",
        0,
        ["Capt. Smith and U.S. Army left.", "“Yes.”", "(Then) more"],
    ),
    ("Sept. 18 was late. Dr. No agreed.", 0, ["Sept. 18 was late.", "Dr. No agreed."]),
    (
        "In 1999. 2000 came.\r\n  Next line  \n\n last",
        0,
        ["In 1999.", "2000 came.", "Next line", "last"],
    ),
    ("xK. Ab", 0, ["xK.", "Ab"]),  # an initial only after a word boundary
    ("a K.\u00a0Ab", 0, ["a K.\u00a0Ab"]),
    ("It is over. ab", 0, ["It is over. ab"]),  # a stop before lower case is none
    ("Mr Mr. Ab", 4, ["r.", "Ab"]),  # a title cut by start is no title
    ("MrK. Ab", 2, ["K.", "Ab"]),  # ... nor is an initial after a cut word
    ("(K. Ab", 1, ["K. Ab"]),  # ... but one after a cut non-word is
    ("Hi. There", 3, ["There"]),
    ("Hi", 7, []),
]


@pytest.mark.parametrize(("text", "start", "expected"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_examples(text: str, start: int, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in sentences(text, start)] == expected
    assert [(s.start, s.end) for s in sentences(text, start)] == _first_sentences(text, start)


@given(st.text())
def test_sentences_are_ordered_trimmed_slices(text: str) -> None:
    previous = 0
    for sent in sentences(text):
        assert previous <= sent.start < sent.end <= len(text)
        piece = text[sent.start : sent.end]
        assert piece == piece.strip()
        previous = sent.end


@given(st.text())
def test_words_slice_back(text: str) -> None:
    for start, end, word in words(text):
        assert text[start:end] == word


# The first splitter, kept as the reference the one-pass splitter must read as: a loop over
# candidate stops, each searched for a title just before it.
_FIRST_END = re.compile(r"""[.!?]['"’”)\]]*(?=\s+['"“‘(\[]?[A-Z0-9])|\n+""")
_FIRST_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Maj|Lt|Col|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|St|No|Jr|Sr|"
    r"Inc|Co|Corp|Ltd|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|"
    r"[A-Z])\.)\Z"
)


def _first_sentences(text: str, start: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    begin = start
    for match in _FIRST_END.finditer(text, start):
        stop = match.start() if match.group().startswith("\n") else match.end()
        window = max(begin, match.start() - 8)
        if not match.group().startswith("\n") and _FIRST_ABBREV.search(
            text, window, match.start() + 1
        ):
            continue
        out.extend(_trimmed(text, begin, stop))
        begin = match.end()
    out.extend(_trimmed(text, begin, len(text)))
    return out


def _trimmed(text: str, begin: int, stop: int) -> list[tuple[int, int]]:
    piece = text[begin:stop]
    lead = len(piece) - len(piece.lstrip())
    tail = len(piece) - len(piece.rstrip())
    return [(begin + lead, stop - tail)] if piece.strip() else []


# Words with stops, closing quotes and white space after them: titles, initials, word
# characters a title may not follow, and white space of all kinds.
_WORDS = ["Mr", "Mrs", "Sept", "U.S", "U.N", "vs", "etc", "K", "x", "é", "_K", "Ab", "7", ""]
_STOPS = ["", ".", ".", "!", "?"]
_CLOSERS = ["", "", '"', "”", ")", "’"]
_GAPS = [" ", " ", "  ", "\n", "\r\n", "\t", "\xa0", "\u2028", " “", " (", "", "\n\n "]
_PIECES = st.tuples(*(st.sampled_from(s) for s in (_WORDS, _STOPS, _CLOSERS, _GAPS))).map("".join)


@given(st.lists(_PIECES, max_size=12).map("".join) | st.text(), st.integers(0, 12))
def test_sentences_read_as_the_first_splitter(text: str, start: int) -> None:
    got = [(sent.start, sent.end) for sent in sentences(text, start)]
    assert got == _first_sentences(text, start)
