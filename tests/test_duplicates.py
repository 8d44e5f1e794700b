"""Copies count once: the same article twice, and wire copy carried by two outlets."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from discrepancy import FindingType, Source, audit
from discrepancy.duplicates import find_copies

WIRE = (
    "Rescue teams said 21 people died when the ferry capsized near the port on Friday. "
    "The vessel was carrying tourists and local residents. Divers searched the wreck "
    "through the night. The coast guard said the weather had been calm. "
    "An investigation into the cause of the accident has been opened by the ministry."
)


def test_exact_and_near_copies_are_found_and_the_earliest_is_the_original() -> None:
    sources = [
        Source(id="b-outlet", text=WIRE, published=dt.date(2024, 5, 2)),
        Source(id="a-wire", text=WIRE.replace("  ", " "), published=dt.date(2024, 5, 1)),
        Source(id="c-outlet", text=WIRE + " Photo: Reuters.", published=dt.date(2024, 5, 3)),
        Source(id="d-other", text="A different story entirely, about 12 goats.", published=None),
    ]
    copies = {c.copy: (c.original, c.exact) for c in find_copies(sources)}
    assert copies == {"b-outlet": ("a-wire", True), "c-outlet": ("a-wire", False)}


def test_wire_copies_do_not_make_a_majority() -> None:
    """Three outlets running one wire story are one witness against another source."""
    other = Source(id="z-local", text="Local radio said 12 people died when the ferry capsized.")
    copies = [Source(id=f"wire-{i}", text=WIRE) for i in range(3)]
    report = audit([*copies, other])
    assert not report.by_type(FindingType.LIKELY_TYPO)
    assert report.by_type(FindingType.CONFLICT)
    notes = [str(p) for p in report.problems]
    assert "wire-1: the same text as wire-0; counted once in majorities" in notes


def test_independent_sources_do_make_a_majority() -> None:
    texts = [
        "Rescuers said 21 people died when the ferry capsized.",
        "The ferry capsized in heavy seas and 21 people died, the coast guard said.",
        "Officials said 21 people died after the ferry capsized near the port.",
        "Local radio said 12 people died when the ferry capsized.",
    ]
    report = audit([Source(id=f"s{i}", text=t) for i, t in enumerate(texts)])
    typos = report.by_type(FindingType.LIKELY_TYPO)
    assert [t.suggestion for t in typos] == ["21"]


def test_fingerprints_taken_apart_find_the_same_copies() -> None:
    """Workers take each source's fingerprint; any order of them gives the same copies."""
    from discrepancy.duplicates import fingerprint

    sources = [
        Source(id="b-outlet", text=WIRE, published=dt.date(2024, 5, 2)),
        Source(id="a-wire", text=WIRE.upper(), published=dt.date(2024, 5, 1)),
        Source(id="c-outlet", text=WIRE + " Photo: Reuters.", published=dt.date(2024, 5, 3)),
    ]
    prints = [fingerprint(s) for s in reversed(sources)]
    assert find_copies(sources, prints) == find_copies(sources)
    assert [c.copy for c in find_copies(sources, prints)] == ["b-outlet", "c-outlet"]


# White space of every kind the fast path must tell apart from single spaces and line breaks
_TEXTS = st.text(alphabet=st.sampled_from("aB.ß \n\t\r\xa0\u2009\u2028\x1c"), max_size=30)


@given(_TEXTS)
def test_squeezing_is_splitting_and_joining(text: str) -> None:
    from discrepancy.duplicates import _squeezed

    assert " ".join(text.split()) == _squeezed(text)


@given(st.text(alphabet="aB. \n", max_size=30))
def test_squeezing_a_text_known_printable_is_splitting_and_joining(text: str) -> None:
    from discrepancy.duplicates import _squeezed

    assert " ".join(text.split()) == _squeezed(text, printable=True)


@given(st.lists(st.sampled_from(["One died.", "Two  died.\n", "THREE died", "ß."]), max_size=6))
def test_a_fingerprint_hashes_the_normal_text_and_sentences(pieces: list[str]) -> None:
    from discrepancy.duplicates import _normal, fingerprint
    from discrepancy.text import sentences

    text = "Title\n" + " ".join(pieces)
    print_ = fingerprint(Source(id="a", text=text, body_start=6))

    def digest(piece: str) -> bytes:
        return hashlib.sha1(_normal(piece).encode()).digest()[:8]

    split = sentences(text, 6)
    assert print_.text == digest(text[6:])
    assert print_.sentences == {
        digest(text[s.start : s.end]) for s in split if s.end - s.start > 20
    }


@given(st.lists(st.frozensets(st.sampled_from([b"a", b"b", b"c", b"d"])), max_size=8))
def test_shared_sentences_are_counted_with_each_earlier_source(
    hashes: list[frozenset[bytes]],
) -> None:
    from discrepancy.duplicates import _COMMON, _shared

    holders = Counter(h for mine in hashes for h in mine)
    expected = {
        later: Counter(
            {
                earlier: n
                for earlier in range(later)
                if (n := sum(1 < holders[h] <= _COMMON for h in hashes[earlier] & hashes[later]))
            }
        )
        for later in range(len(hashes))
    }
    got = _shared(hashes)
    assert {k: v for k, v in expected.items() if v} == {k: v for k, v in got.items() if v}


def test_a_sentence_in_too_many_sources_is_not_evidence_of_copying() -> None:
    from discrepancy.duplicates import _COMMON, _shared

    common = [frozenset({b"boilerplate", bytes([i])}) for i in range(_COMMON + 1)]
    assert {} == _shared(common)
    assert list(range(1, _COMMON)) == sorted(_shared(common[:_COMMON]))


def test_folding_keeps_a_text_printable_or_not() -> None:
    """``fingerprint`` asks ``isprintable`` of the text and squeezes its folded pieces."""
    chars = map(chr, range(0x110000))
    assert not [c for c in chars if c.isprintable() != c.casefold().isprintable()]
