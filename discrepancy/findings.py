"""Building findings: stable ids, evidence with normalised values, listings for sentences."""

from __future__ import annotations

import datetime as dt
import hashlib
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
    ordered = sorted(set(facts), key=lambda f: (f.span.source, f.span.start, f.span.end))
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
