"""Sentences and words keep offsets into the text they came from."""

from __future__ import annotations

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
