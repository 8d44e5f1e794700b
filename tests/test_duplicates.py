"""Copies count once: the same article twice, and wire copy carried by two outlets."""

from __future__ import annotations

import datetime as dt

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
