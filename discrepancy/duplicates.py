"""Copies in a corpus: the same article twice, or one wire story carried by several outlets.

A copy still appears in the report, but counts once when a majority is decided (three
outlets running one wire story are one witness, not three). Exact copies are found by a
hash of the normalised text; near copies by the share of sentences two articles have in
common (an inverted index of sentence hashes, so the cost grows with the corpus, not with
pairs of articles), confirmed with rapidfuzz's ``ratio`` on the whole text.

What one article contributes (its ``Fingerprint``: the hash of its text, the hashes of its
sentences) depends on that article alone, so it can be taken in the worker that extracts
the article's facts; only the match across articles is left to ``find_copies``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence

import attrs
from rapidfuzz import fuzz

from discrepancy.model import Source
from discrepancy.text import Sentence, sentences

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


@attrs.frozen(kw_only=True)
class Fingerprint:
    """What copy detection needs of one source: hashes of its normalised text and sentences."""

    source: str
    text: bytes
    sentences: frozenset[bytes]


def fingerprint(source: Source, split: Sequence[Sentence] | None = None) -> Fingerprint:
    """The fingerprint of one source (white space and case do not count); ``split`` is
    its sentences, if already split.

    >>> a = fingerprint(Source(id="a", text="Fifteen people died. The plane fell into the sea."))
    >>> b = fingerprint(Source(id="a", text="Fifteen people died.\\nThe plane  fell into the SEA."))
    >>> a == b, len(a.sentences)
    (True, 1)
    """
    text = source.text
    split = sentences(text, source.body_start) if split is None else split
    long = [s for s in split if s.end - s.start > 20]
    whole = text.casefold()  # once, not per sentence: folding maps character to character,
    if len(whole) == len(text):  # ... unless a letter folds to several ("ß" to "ss")
        pieces = [whole[s.start : s.end] for s in long]
        body = whole[source.body_start :]
    else:
        pieces = [text[s.start : s.end].casefold() for s in long]
        body = text[source.body_start :].casefold()
    printable = all(map(str.isprintable, text.split("\n")))  # (folding keeps it so)
    hashes = frozenset([_hash(p, printable=printable) for p in pieces])
    return Fingerprint(source=source.id, text=_hash(body, printable=printable), sentences=hashes)


def find_copies(
    sources: Sequence[Source], fingerprints: Sequence[Fingerprint] | None = None
) -> list[Copy]:
    """Every source that repeats an earlier one (earliest dateline, then smallest id, first).

    ``fingerprints`` (one per source, in any order) saves taking them again.

    >>> a = Source(id="a", text="Fifteen people died. The plane fell into the sea.")
    >>> b = Source(id="b", text="Fifteen  people died.\\nThe plane fell into the sea.")
    >>> [str(c) for c in find_copies([b, a])]
    ['the same text as a; counted once in majorities']
    """
    ordered = sorted(sources, key=lambda s: (s.published or dt.date.max, s.id))
    prints = {f.source: f for f in fingerprints or ()}
    for source in ordered:
        if source.id not in prints:
            prints[source.id] = fingerprint(source)
    out: list[Copy] = []
    seen: dict[bytes, str] = {}
    for source in ordered:
        digest = prints[source.id].text
        if digest in seen:
            out.append(Copy(copy=source.id, original=seen[digest], exact=True, similarity=100.0))
        else:
            seen[digest] = source.id
    exact = {c.copy for c in out}
    out.extend(_near([s for s in ordered if s.id not in exact], prints))
    return sorted(out, key=lambda c: c.copy)


def _normal(text: str) -> str:
    """White space runs as one space, no space at the ends, case folded."""
    return " ".join(text.split()).casefold()


def _hash(folded: str, *, printable: bool = False) -> bytes:
    """A short hash of ``_normal`` of a text, given the text already case folded (folding
    never makes or removes white space); ``printable``: see ``_squeezed``."""
    return hashlib.sha1(_squeezed(folded, printable=printable).encode()).digest()[:8]


def _squeezed(text: str, *, printable: bool = False) -> str:
    """``" ".join(text.split())``, without cutting the text into words when its only white
    space is single spaces and line breaks (``isprintable`` rules out every other kind;
    ``printable``: the text is known to have no other kind).

    >>> _squeezed(" Fifteen people died.\\n\\nThe plane fell. "), _squeezed("a\\tb  c")
    ('Fifteen people died. The plane fell.', 'a b c')
    """
    if "  " not in text:
        if "\n" not in text:
            if printable or text.isprintable():
                return text.strip()
        else:
            lines = text.split("\n")
            if printable or all(map(str.isprintable, lines)):
                return " ".join(filter(None, map(str.strip, lines)))
    return " ".join(text.split())


def _near(ordered: Sequence[Source], prints: dict[str, Fingerprint]) -> list[Copy]:
    """Near copies among ``ordered`` (no exact copies left), each of an earlier source."""
    hashes = [prints[s.id].sentences for s in ordered]
    limits = [SHARED * len(h) for h in hashes]  # shared with the shorter: n >= either limit
    out: list[Copy] = []
    copied: set[int] = set()
    for rank, shared in sorted(_shared(hashes).items()):
        source, mine = ordered[rank], limits[rank]
        enough = [(o, n) for o, n in shared.items() if n >= mine or n >= limits[o]]
        for other, _ in sorted(enough, key=lambda kv: (-kv[1], kv[0])):
            if other in copied:
                continue
            original = ordered[other].id
            score = fuzz.ratio(_body(source), _body(ordered[other]))
            if score >= SIMILAR:
                out.append(Copy(copy=source.id, original=original, exact=False, similarity=score))
                copied.add(rank)
                break
    return out


def _shared(hashes: Sequence[frozenset[bytes]]) -> dict[int, Counter[int]]:
    """For each source (by its place in ``hashes``), how many sentences it shares with each
    earlier one; a sentence in one source only, or in more than ``_COMMON``, does not count.

    >>> shared = _shared([frozenset({b"a", b"b"}), frozenset({b"a"}), frozenset({b"a", b"b"})])
    >>> sorted(shared.items())
    [(1, Counter({0: 1})), (2, Counter({0: 2, 1: 1}))]
    """
    index: dict[bytes, list[int]] = defaultdict(list)
    for rank, mine in enumerate(hashes):
        for h in mine:
            index[h].append(rank)
    shared: dict[int, Counter[int]] = defaultdict(Counter)
    for holders in index.values():  # each in the order of ``hashes``
        if 1 < len(holders) <= _COMMON:
            for i in range(1, len(holders)):
                shared[holders[i]].update(holders[:i])
    return dict(shared)


def _body(source: Source) -> str:
    return _normal(source.text[source.body_start :])
