"""Stage 5: a slot -> findings (consistent, compatible, conflict, likely typo, variant).

Each kind of value has its own verdicts: numbers in ``compare_numbers``, designators in
``compare_designators``; dates and names are judged here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from discrepancy.compare_designators import compare_designators
from discrepancy.compare_numbers import numbers
from discrepancy.findings import Context, finding, listing
from discrepancy.model import (
    DateInterval,
    Entity,
    Fact,
    Finding,
    FindingType,
    Interval,
    Slot,
)


def compare(slot: Slot, *, context: Context) -> list[Finding]:
    """The findings one slot gives (none when it has nothing to say)."""
    value = slot.facts[0].value
    if isinstance(value, Interval):
        return numbers(slot, context)
    if isinstance(value, DateInterval):
        return dates(slot, context)
    if slot.kind == "designator":
        return compare_designators(slot, context)
    return names(slot, context)


def dates(slot: Slot, context: Context) -> list[Finding]:
    """Dates agree when they can name one day; a coarser date is compatible with a finer."""
    facts = list(slot.facts)
    values = [f.value for f in facts if isinstance(f.value, DateInterval)]
    sources = context.source_count(facts)
    if sources < 2:
        return []
    counts = Counter(values)  # distinct dates: the pairs below cost (distinct dates)^2
    distinct = list(counts)
    if all(a.overlaps(b) for a in distinct for b in distinct):
        precisions = {v.precision for v in values if v.resolved and v.year_known}
        if len(precisions) <= 1:
            text = f"{sources} sources agree on the {slot.label}: {listing(facts)}."
            return [finding(FindingType.CONSISTENT, slot, facts, text, score=0.9, context=context)]
        text = f"The {slot.label} is given with different precision: {listing(facts)}."
        return [finding(FindingType.COMPATIBLE, slot, facts, text, score=0.5, context=context)]
    pairs = [(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1 :]]
    pairs.extend((a, a) for a in distinct if counts[a] > 1)  # one date written twice
    if not any(not a.overlaps(b) and a.precision == b.precision for a, b in pairs):
        return []  # a year against a day that misses it dates another event, not this one
    text = f"The sources give different dates for the {slot.label}: {listing(facts)}."
    return [finding(FindingType.CONFLICT, slot, facts, text, score=0.7, context=context)]


def names(slot: Slot, context: Context) -> list[Finding]:
    """Several spellings under one variant key are a variant; one full name is an agreement.

    Only spelling variants count (Hezbollah / Hizbullah): an abbreviation (IDF), a form with
    words added (State of Israel) or an inflection (Israel / Israeli, Force / Forces) names
    the entity differently without spelling it differently.
    """
    by_key: dict[str, list[Fact]] = defaultdict(list)
    for fact in slot.facts:
        if isinstance(fact.value, Entity):
            by_key[fact.value.key].append(fact)
    spelled = spelling_variants(sorted(by_key))
    if spelled:
        facts = [f for key in spelled for f in by_key[key]]
        spellings = "; ".join(
            f"{key} ({', '.join(context.sources_of(by_key[key]))})" for key in spelled
        )
        text = f"{len(spelled)} spellings of one name: {spellings}; transliteration variants."
        return [finding(FindingType.VARIANT, slot, facts, text, score=0.7, context=context)]
    entity = slot.facts[0].value
    if not (isinstance(entity, Entity) and entity.kind == "person"):
        return []
    full = [k for k in by_key if " " in k]
    if len(full) != 1 or (sources := context.source_count(slot.facts)) < 2:
        return []
    text = f"{sources} sources name {full[0]} the same way."
    return [finding(FindingType.CONSISTENT, slot, slot.facts, text, score=0.8, context=context)]


def spelling_variants(keys: Sequence[str]) -> list[str]:
    """The keys that are spellings of one another (not abbreviations or inflections).

    >>> spelling_variants(["Hezbollah", "Hizbullah", "IDF", "Hizbollah"])
    ['Hezbollah', 'Hizbollah', 'Hizbullah']
    >>> spelling_variants(["Israel", "Israeli", "State of Israel"])
    []
    >>> spelling_variants(["Bashar al-Assad", "Bashar Assad"])
    []
    """
    words = [k for k in keys if any(c.islower() for c in k) and len(k) > 3]
    # "Zelenskyy" alone is compared with the surname of "Volodymyr Zelenskiy"
    out = {
        key
        for a in words
        for b in words
        if a.casefold() != b.casefold() and _respelled(a, b)
        for key in (a, b)
    }
    return sorted(out)


_PARTICLE = re.compile(r"^[a-z]{1,3}[-’'](?=\w)")


def _stem(word: str) -> str:
    """A name word without a lower-case particle ("al-Assad" -> "assad"), case folded."""
    return _PARTICLE.sub("", word).casefold()


def _respelled(a: str, b: str) -> bool:
    left, right = [_stem(w) for w in a.split()], [_stem(w) for w in b.split()]
    if len(left) != len(right):
        if min(len(left), len(right)) != 1:
            return False
        left, right = left[-1:], right[-1:]
    pairs = [(x, y) for x, y in zip(left, right, strict=True) if x != y]
    return bool(pairs) and all(not (x.startswith(y) or y.startswith(x)) for x, y in pairs)
