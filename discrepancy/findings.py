"""Building findings: stable ids, evidence with normalised values, listings for sentences."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence

from discrepancy.model import Evidence, Fact, Finding, FindingType, Slot

Published = Mapping[str, dt.date | None]


def finding(
    kind: FindingType,
    slot: Slot,
    facts: Iterable[Fact],
    explanation: str,
    *,
    score: float,
    published: Published,
    suggestion: str | None = None,
    evolving: bool = False,
) -> Finding:
    """A finding with a stable id: a hash of its type, slot and evidence spans.

    Evidence is sorted by source and offset, so the finding does not depend on the order
    in which facts arrive.
    """
    ordered = sorted(set(facts), key=lambda f: (f.span.source, f.span.start, f.span.end))
    evidence = tuple(
        Evidence(
            span=f.span,
            value=str(f.value),
            attribution=f.attribution,
            published=published.get(f.span.source),
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


def listing(facts: Sequence[Fact]) -> str:
    """'a says 15; b says more than 200' for an explanation sentence (one per source)."""
    seen: dict[str, list[str]] = {}
    for fact in sorted(facts, key=lambda f: (f.span.source, f.span.start)):
        values = seen.setdefault(fact.span.source, [])
        if str(fact.value) not in values:
            values.append(str(fact.value))
    return "; ".join(f"{source} says {' and '.join(values)}" for source, values in seen.items())


def sources_of(facts: Iterable[Fact]) -> list[str]:
    """The distinct sources of ``facts``, sorted."""
    return sorted({f.span.source for f in facts})
