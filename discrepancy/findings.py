"""Building findings: stable ids, evidence with normalised values, listings for sentences."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from discrepancy.lexicon import Lexicon
from discrepancy.model import Evidence, Fact, Finding, FindingType, Slot, Source


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
        return sorted({self.copies.get(f.span.source, f.span.source) for f in facts})


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
    ordered = sorted(
        sample(list(set(facts))), key=lambda f: (f.span.source, f.span.start, f.span.end)
    )
    evidence = tuple(
        Evidence(
            span=f.span,
            value=str(f.value),
            attribution=f.attribution,
            published=context.published.get(f.span.source),
        )
        for f in ordered
    )
    spans = [f"{e.span.source}:{e.span.start}:{e.span.end}" for e in evidence]
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


LISTED = 12  # sources named one by one in an explanation; more are counted
EVIDENCE_PER_VALUE = 10  # quotes kept per distinct value when a slot is large
LARGE = 50  # a finding with more facts than this quotes a sample of each value


def sample(facts: Sequence[Fact], per_value: int = EVIDENCE_PER_VALUE) -> list[Fact]:
    """At most ``per_value`` facts of each value (from distinct sources first), or all of
    them when there are at most ``LARGE``: ten thousand articles that agree need not all be
    quoted in every finding about them."""
    if len(facts) <= LARGE:
        return list(facts)
    kept: dict[str, list[Fact]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for fact in sorted(facts, key=lambda f: (f.span.source, f.span.start)):
        value = str(fact.value)
        if len(kept[value]) < per_value and (value, fact.span.source) not in seen:
            kept[value].append(fact)
            seen.add((value, fact.span.source))
    return [f for group in kept.values() for f in group]


def listing(facts: Sequence[Fact]) -> str:
    """'a says 15; b says more than 200' for an explanation sentence (one per source).

    A long list is summarised: the first sources, then how many more say each value.
    """
    seen: dict[str, list[str]] = {}
    for fact in sorted(facts, key=lambda f: (f.span.source, f.span.start)):
        values = seen.setdefault(fact.span.source, [])
        if str(fact.value) not in values:
            values.append(str(fact.value))
    said = [f"{source} says {' and '.join(values)}" for source, values in seen.items()]
    if len(said) <= LISTED:
        return "; ".join(said)
    counts: dict[str, int] = defaultdict(int)
    for values in seen.values():
        counts[" and ".join(values)] += 1
    tally = ", ".join(
        f"{n} say {value}" for value, n in sorted(counts.items(), key=lambda kv: -kv[1])
    )
    return f"{len(said)} sources: {tally}"


def sources_of(facts: Iterable[Fact]) -> list[str]:
    """The distinct sources of ``facts``, sorted."""
    return sorted({f.span.source for f in facts})
