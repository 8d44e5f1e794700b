"""Stage 5: a slot -> findings (consistent, compatible, conflict, likely typo, variant).

Each kind of value has its own verdicts: numbers in ``compare_numbers``, designators in
``compare_designators``; dates and names are judged here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from discrepancy.compare_designators import compare_designators
from discrepancy.compare_numbers import numbers
from discrepancy.findings import Published, finding, listing, sources_of
from discrepancy.lexicon import Lexicon
from discrepancy.model import (
    DateInterval,
    Entity,
    Fact,
    Finding,
    FindingType,
    Interval,
    Slot,
    Source,
)


def compare(slot: Slot, *, sources: Sequence[Source], lexicon: Lexicon) -> list[Finding]:
    """The findings one slot gives (none when it has nothing to say)."""
    published: dict[str, dt.date | None] = {s.id: s.published for s in sources}
    value = slot.facts[0].value
    if isinstance(value, Interval):
        return numbers(slot, published, lexicon)
    if isinstance(value, DateInterval):
        return dates(slot, published)
    if slot.kind == "designator":
        return compare_designators(slot, published, lexicon)
    return names(slot, published)


def dates(slot: Slot, published: Published) -> list[Finding]:
    """Dates agree when they can name one day; a coarser date is compatible with a finer."""
    facts = list(slot.facts)
    values = [f.value for f in facts if isinstance(f.value, DateInterval)]
    sources = sources_of(facts)
    if len(sources) < 2:
        return []
    if all(a.overlaps(b) for a in values for b in values):
        precisions = {v.precision for v in values if v.resolved and v.year_known}
        if len(precisions) <= 1:
            text = f"{len(sources)} sources agree on the {slot.label}: {listing(facts)}."
            return [
                finding(FindingType.CONSISTENT, slot, facts, text, score=0.9, published=published)
            ]
        text = f"The {slot.label} is given with different precision: {listing(facts)}."
        return [finding(FindingType.COMPATIBLE, slot, facts, text, score=0.5, published=published)]
    text = f"The sources give different dates for the {slot.label}: {listing(facts)}."
    return [finding(FindingType.CONFLICT, slot, facts, text, score=0.7, published=published)]


def names(slot: Slot, published: Published) -> list[Finding]:
    """Several spellings under one variant key are a variant; one full name is an agreement."""
    by_key: dict[str, list[Fact]] = defaultdict(list)
    for fact in slot.facts:
        if isinstance(fact.value, Entity):
            by_key[fact.value.key].append(fact)
    if len(by_key) >= 2:
        spellings = "; ".join(
            f"{key} ({', '.join(sources_of(facts))})" for key, facts in sorted(by_key.items())
        )
        text = f"{len(by_key)} spellings of one name: {spellings}; transliteration variants."
        return [
            finding(FindingType.VARIANT, slot, slot.facts, text, score=0.7, published=published)
        ]
    entity = slot.facts[0].value
    sources = sources_of(slot.facts)
    if isinstance(entity, Entity) and entity.kind == "person" and " " in entity.key:
        text = f"{len(sources)} sources name {entity.key} the same way."
        return [
            finding(FindingType.CONSISTENT, slot, slot.facts, text, score=0.8, published=published)
        ]
    return []
