"""Building findings: stable ids, evidence with normalised values, listings for sentences."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Generic, TypeVar

import attrs

from discrepancy.lexicon import Lexicon
from discrepancy.model import Entity, Evidence, Fact, Finding, FindingType, Slot, Source


@attrs.frozen(kw_only=True)
class Context:
    """What verdicts need beyond the slot: the corpus's datelines and texts, which sources
    are copies of which (wire copy counts once in a majority), and the lexicon."""

    lexicon: Lexicon
    published: Mapping[str, dt.date | None]
    texts: Mapping[str, str]
    copies: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def of(
        cls, sources: Sequence[Source], lexicon: Lexicon, copies: Mapping[str, str] | None = None
    ) -> Context:
        """The context of a corpus."""
        return cls(
            lexicon=lexicon,
            published={s.id: s.published for s in sources},
            texts={s.id: s.text for s in sources},
            copies=dict(copies or {}),
        )

    def sources_of(self, facts: Iterable[Fact]) -> list[str]:
        """The distinct sources of ``facts``, a copy counted as its original, sorted."""
        return sorted(self.source_set(facts))

    def source_set(self, facts: Iterable[Fact]) -> set[str]:
        """``sources_of`` unsorted (sorting ten thousand names costs more than counting)."""
        sources = set(map(_SOURCE, facts))
        if self.copies:
            sources = {self.copies.get(s, s) for s in sources}
        return sources

    def source_count(self, facts: Iterable[Fact]) -> int:
        """How many sources ``facts`` come from: ``len(sources_of(facts))``."""
        return len(self.source_set(facts))


def finding(
    kind: FindingType,
    slot: Slot,
    facts: Iterable[Fact],
    explanation: str,
    *,
    score: float,
    context: Context,
    suggestion: str | None = None,
    evolving: bool = False,
) -> Finding:
    """A finding with a stable id: a hash of its type, slot and evidence spans.

    Evidence is sorted by source and offset, so the finding does not depend on the order
    in which facts arrive.
    """
    ordered = sorted(_quoted(list(facts)), key=_SPAN)
    memo = _QUOTED.get(context.published, _new_quotes)
    quote = functools.partial(_quote, context.published)
    quoted = [memo.get(f, quote) for f in ordered]
    evidence = tuple(e for e, _ in quoted)
    spans = [place for _, place in quoted]
    digest = hashlib.sha1("|".join([kind.value, slot.key, *spans]).encode()).hexdigest()
    return Finding(
        id=f"{kind.value[:4]}-{digest[:10]}",
        type=kind,
        score=round(min(max(score, 0.0), 1.0), 3),
        slot=slot.label,
        kind=slot.kind,
        evidence=evidence,
        explanation=explanation,
        suggestion=suggestion,
        evolving=evolving,
    )


def _quoted(facts: list[Fact]) -> list[Fact]:
    """``sample(distinct(facts))``: the facts a finding quotes.

    When more than ``LARGE`` places are quoted, the sample of the facts themselves is the
    same (a repeat of a fact is never sampled twice: it has its twin's value and source),
    and costs one pass fewer over a slot of ten thousand facts.
    """
    if len(facts) > LARGE:
        places = set()
        for place in map(_SPAN, facts):
            places.add(place)
            if len(places) > LARGE:
                return sample(facts, always=True)
    return sample(distinct(facts))


def _quote(published: Mapping[str, dt.date | None], fact: Fact) -> tuple[Evidence, str]:
    """How a finding quotes a fact: its evidence, and its place as the finding's id hashes it.

    The same facts are quoted by many findings (a part against the same wholes), so each
    quote is made once per fact and corpus (see ``_QUOTED``).
    """
    span = fact.span
    evidence = Evidence(
        span=span,
        value=said(fact.value),
        attribution=fact.attribution,
        published=published.get(span.source),
    )
    return evidence, f"{span.source}:{span.start}:{span.end}"


def _new_quotes(_published: object) -> IdentityMemo[Fact, tuple[Evidence, str]]:
    return IdentityMemo()


_SOURCE = operator.attrgetter("span.source")
_PLACE = operator.attrgetter("span.source", "span.start")
_SPAN = operator.attrgetter("span.source", "span.start", "span.end")


def said(value: object) -> str:
    """``str(value)``, remembered for numbers and dates (the same values recur by the
    thousand, and writing them out costs more than looking them up).

    >>> from discrepancy.model import Interval
    >>> said(Interval(low=15, high=15))
    '15'
    """
    if isinstance(value, Entity):
        return str(value)
    return _WRITTEN.get(value, _written)


_written = functools.lru_cache(maxsize=2**16)(str)


K = TypeVar("K")
R = TypeVar("R")


class IdentityMemo(Generic[K, R]):
    """Results of a pure function of one object, remembered by the object's identity.

    A fact is looked at many times over a comparison; hashing its value (a frozen attrs
    object) each time costs more than the work. The memo keeps each object it saw alive
    (so that its ``id`` is not reused) and forgets everything past ``size`` entries.

    >>> memo = IdentityMemo[tuple[int], int](size=2)
    >>> memo.get((1, 2), sum), memo.get((3,), sum), memo.get((4,), sum)
    (3, 3, 4)
    """

    def __init__(self, *, size: int = 2**17) -> None:
        self._size = size
        self._seen: dict[int, tuple[K, R]] = {}

    def get(self, key: K, compute: Callable[[K], R]) -> R:
        """``compute(key)``, computed once per object ``key`` (while remembered)."""
        slot = id(key) >> 4  # ids are multiples of 16: as they are, they crowd a dict
        hit = self._seen.get(slot)
        if hit is not None and hit[0] is key:
            return hit[1]
        if len(self._seen) >= self._size:
            self._seen.clear()
        result = compute(key)
        self._seen[slot] = (key, result)
        return result


_WRITTEN: IdentityMemo[object, str] = IdentityMemo()
# a corpus's datelines -> each fact's quote (``_quote``): evidence depends on the datelines
_QUOTED: IdentityMemo[Mapping[str, dt.date | None], IdentityMemo[Fact, tuple[Evidence, str]]] = (
    IdentityMemo(size=4)
)


LISTED = 12  # sources named one by one in an explanation; more are counted
EVIDENCE_PER_VALUE = 10  # quotes kept per distinct value when a slot is large
LARGE = 50  # a finding with more facts than this quotes a sample of each value


def distinct(facts: Iterable[Fact]) -> list[Fact]:
    """``facts`` without repeats (equal facts), in the order first seen.

    Like a set, without hashing whole facts: only facts at one place are compared.
    """
    out: list[Fact] = []
    first: dict[tuple[str, int, int], Fact] = {}
    more: dict[tuple[str, int, int], list[Fact]] = defaultdict(list)
    for fact in facts:
        key = _SPAN(fact)
        other = first.get(key)
        if other is None:
            first[key] = fact
        elif other is fact or other == fact or any(f == fact for f in more[key]):
            continue
        else:
            more[key].append(fact)
        out.append(fact)
    return out


def sample(
    facts: Sequence[Fact], per_value: int = EVIDENCE_PER_VALUE, *, always: bool = False
) -> list[Fact]:
    """At most ``per_value`` facts of each value (from distinct sources first), or all of
    them when there are at most ``LARGE`` (unless ``always``): ten thousand articles that
    agree need not all be quoted in every finding about them."""
    if len(facts) <= LARGE and not always:
        return list(facts)
    kept: dict[str, list[Fact]] = defaultdict(list)
    for fact in _shortlist(facts, per_value):
        kept[said(fact.value)].append(fact)
    return [f for group in kept.values() for f in group]


def listing(facts: Sequence[Fact]) -> str:
    """'a says 15; b says more than 200' for an explanation sentence (one per source).

    A long list is summarised: the first sources, then how many more say each value.
    """
    seen = _said(facts)
    parts = [f"{source} says {' and '.join(values)}" for source, values in seen.items()]
    if len(parts) <= LISTED:
        return "; ".join(parts)
    counts: dict[str, int] = defaultdict(int)
    for values in seen.values():
        counts[" and ".join(values)] += 1
    tally = ", ".join(
        f"{n} say {value}" for value, n in sorted(counts.items(), key=lambda kv: -kv[1])
    )
    return f"{len(parts)} sources: {tally}"


def sources_of(facts: Iterable[Fact]) -> list[str]:
    """The distinct sources of ``facts``, sorted."""
    return sorted({f.span.source for f in facts})


class Quotes:
    """One large set of facts quoted by many findings, each time without one source
    ("a part larger than every other source's whole"): the listing and the evidence are
    prepared once, so that each quote costs (distinct values), not (facts).

    >>> from discrepancy.model import Span, Interval
    >>> def fact(source, n):
    ...     span = Span(source=source, start=0, end=2, surface=str(n))
    ...     return Fact(span=span, kind="count", value=Interval(low=n, high=n))
    >>> quotes = Quotes([fact("a", 15), fact("b", 12)])
    >>> quotes.listing(without="a") == listing([fact("b", 12)])
    True
    """

    def __init__(self, facts: Sequence[Fact]) -> None:
        self._joined = {s: " and ".join(v) for s, v in _said(facts).items()}
        self._position = {source: i for i, source in enumerate(self._joined)}
        self._counts: Counter[str] = Counter()
        self._firsts: dict[str, list[int]] = {}  # values -> where its first two sources are
        for i, joined in enumerate(self._joined.values()):
            self._counts[joined] += 1
            firsts = self._firsts.setdefault(joined, [])
            if len(firsts) < 2:
                firsts.append(i)
        self._unique = distinct(facts)
        self._per_source = Counter(f.span.source for f in self._unique)
        self._short = _shortlist(self._unique, EVIDENCE_PER_VALUE + 1)

    def has_other_than(self, source: str) -> bool:
        """Whether a source other than ``source`` is quoted."""
        return len(self._joined) > (source in self._joined)

    def listing(self, *, without: str) -> str:
        """``listing`` of the facts not from source ``without``."""
        sources = len(self._joined) - (without in self._joined)
        if sources <= LISTED:
            return "; ".join(f"{s} says {j}" for s, j in self._joined.items() if s != without)
        skip = self._joined.get(without)
        rows = []
        for joined, count in self._counts.items():
            firsts = self._firsts[joined]
            if joined == skip:
                count -= 1
                firsts = [i for i in firsts if i != self._position[without]]
            if count:
                rows.append((-count, firsts[0], joined))
        tally = ", ".join(f"{-count} say {joined}" for count, _, joined in sorted(rows))
        return f"{sources} sources: {tally}"

    def evidence(self, extra: Fact, *, without: str) -> list[Fact]:
        """What ``finding`` quotes of ``extra`` (a fact of source ``without``) and the facts
        not from ``without``: the same facts, fewer to sort."""
        if 1 + len(self._unique) - self._per_source[without] <= LARGE:
            return [extra, *(f for f in self._unique if f.span.source != without)]
        kept = [extra, *(f for f in self._short if f.span.source != without)]
        return sample(kept, always=True)


def _said(facts: Sequence[Fact]) -> dict[str, list[str]]:
    """Each source's distinct values, in source order (and in order of offset)."""
    seen: dict[str, list[str]] = {}
    for fact in sorted(facts, key=_PLACE):
        values = seen.setdefault(fact.span.source, [])
        if (value := said(fact.value)) not in values:
            values.append(value)
    return seen


def _shortlist(facts: Sequence[Fact], per_value: int) -> list[Fact]:
    """At most ``per_value`` facts of each value, one per source and value, in order of
    source and offset (``sample`` groups them by value)."""
    kept: dict[str, int] = defaultdict(int)
    seen: set[tuple[str, str]] = set()
    out = []
    for fact in sorted(facts, key=_PLACE):
        value = said(fact.value)
        if kept[value] < per_value and (value, fact.span.source) not in seen:
            kept[value] += 1
            seen.add((value, fact.span.source))
            out.append(fact)
    return out
