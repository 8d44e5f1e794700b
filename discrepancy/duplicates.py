"""Copies in a corpus: the same article twice, or one wire story carried by several outlets.

A copy still appears in the report, but counts once when a majority is decided (three
outlets running one wire story are one witness, not three). Exact copies are found by a
hash of the normalised text; near copies by the share of sentences two articles have in
common (an inverted index of sentence hashes, so the cost grows with the corpus, not with
pairs of articles), confirmed with rapidfuzz's ``ratio`` on the whole text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import attrs
from rapidfuzz import fuzz

from discrepancy.model import Source
from discrepancy.text import sentences

_SPACE = re.compile(r"\s+")
_COMMON = 50  # a sentence in more articles than this is boilerplate, not evidence of copying
SHARED = 0.8  # share of sentences in common that makes a near copy ...
SIMILAR = 90.0  # ... when the whole texts are also this similar (rapidfuzz ratio, 0-100)


@attrs.frozen(kw_only=True)
class Copy:
    """``copy`` repeats ``original`` (``exact``, or a near copy with ``similarity``)."""

    copy: str
    original: str
    exact: bool
    similarity: float

    def __str__(self) -> str:
        if self.exact:
            return f"the same text as {self.original}; counted once in majorities"
        return (
            f"a near copy of {self.original} ({self.similarity:.0f}% similar); "
            "counted once in majorities"
        )


def find_copies(sources: Sequence[Source]) -> list[Copy]:
    """Every source that repeats an earlier one (earliest dateline, then smallest id, first).

    >>> a = Source(id="a", text="Fifteen people died. The plane fell into the sea.")
    >>> b = Source(id="b", text="Fifteen  people died.\\nThe plane fell into the sea.")
    >>> [str(c) for c in find_copies([b, a])]
    ['the same text as a; counted once in majorities']
    """
    ordered = sorted(sources, key=lambda s: (s.published or dt.date.max, s.id))
    bodies = {s.id: _normal(s.text[s.body_start :]) for s in ordered}
    out: list[Copy] = []
    seen: dict[str, str] = {}
    for source in ordered:
        digest = hashlib.sha1(bodies[source.id].encode()).hexdigest()
        if digest in seen:
            out.append(Copy(copy=source.id, original=seen[digest], exact=True, similarity=100.0))
        else:
            seen[digest] = source.id
    exact = {c.copy for c in out}
    out.extend(_near([s for s in ordered if s.id not in exact], bodies))
    return sorted(out, key=lambda c: c.copy)


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _sentence_hashes(source: Source) -> set[str]:
    text = source.text
    return {
        hashlib.sha1(_normal(text[s.start : s.end]).encode()).hexdigest()[:16]
        for s in sentences(text, source.body_start)
        if s.end - s.start > 20
    }


def _near(ordered: Sequence[Source], bodies: dict[str, str]) -> list[Copy]:
    hashes = {s.id: _sentence_hashes(s) for s in ordered}
    index: dict[str, list[str]] = defaultdict(list)
    for source in ordered:
        for h in hashes[source.id]:
            index[h].append(source.id)
    rank = {s.id: i for i, s in enumerate(ordered)}
    out: list[Copy] = []
    copied: set[str] = set()
    for source in ordered:
        mine = hashes[source.id]
        shared: Counter[str] = Counter()
        for h in mine:
            holders = index[h]
            if len(holders) <= _COMMON:
                shared.update(o for o in holders if rank[o] < rank[source.id])
        for other, count in sorted(shared.items(), key=lambda kv: (-kv[1], rank[kv[0]])):
            if other in copied or count < SHARED * min(len(mine), len(hashes[other])):
                continue
            score = fuzz.ratio(bodies[source.id], bodies[other])
            if score >= SIMILAR:
                out.append(Copy(copy=source.id, original=other, exact=False, similarity=score))
                copied.add(source.id)
                break
    return out
