"""Stage 4: facts -> slots, the same question asked of every source.

Numbers and dates meet when they answer the same role ("people killed", "warning time",
"attack date"); designators when they name the same kind of thing ("surface-to-air
missile system"); names when their spellings meet under one variant key. Grouping is by
key (a dict), so the cost grows with the number of facts, not with pairs of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from discrepancy.kinds import names
from discrepancy.lexicon import Lexicon
from discrepancy.model import Entity, Fact, Slot

NAME_KINDS = ("person", "organisation", "name")


def slot_key(fact: Fact, surnames: dict[str, str] | None = None) -> str:
    """The question a fact answers, as a key shared by facts that answer the same one.

    >>> from discrepancy.model import Span, Interval
    >>> span = Span(source="a", start=0, end=2, surface="15")
    >>> slot_key(Fact(span=span, kind="count", value=Interval(low=15, high=15),
    ...               role="people killed"))
    'count:people killed'
    """
    value = fact.value
    if isinstance(value, Entity) and fact.kind in NAME_KINDS:
        return f"name:{(surnames or {}).get(value.variant_key, value.variant_key)}"
    family = "count" if fact.kind == "count" else fact.kind
    return f"{family}:{fact.role}"


def align(facts: Sequence[Fact], *, lexicon: Lexicon) -> tuple[list[Slot], list[Fact]]:
    """Group facts by question; return the slots and the facts no other source shares.

    A slot needs two sources, or (for names) two spellings within one source.
    """
    groups: dict[str, list[Fact]] = defaultdict(list)
    surnames = _surnames(facts, lexicon)
    for fact in facts:
        if fact.role:  # a fact with no role answers no question another source could share
            groups[slot_key(fact, surnames)].append(fact)
    slots: list[Slot] = []
    single: list[Fact] = []
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda f: (f.span.source, f.span.start))
        sources = {f.span.source for f in members}
        spellings = {_spelling(f) for f in members}
        if len(sources) >= 2 or (key.startswith("name:") and len(spellings) >= 2):
            slots.append(
                Slot(key=key, label=_label(members), kind=members[0].kind, facts=tuple(members))
            )
        else:
            single.extend(f for f in members if f.kind not in NAME_KINDS)
    return slots, sorted(single, key=lambda f: (f.span.source, f.span.start))


def _surnames(facts: Sequence[Fact], lexicon: Lexicon) -> dict[str, str]:
    """Variant key of a surname -> variant key of the one full name that ends with it.

    "Zelenskyy" alone then meets "Volodymyr Zelenskiy"; a surname that ends two different
    full names (two Smiths) joins neither.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        value = fact.value
        if isinstance(value, Entity) and fact.kind == "person" and " " in value.key:
            last = names.variant_key(value.key.split()[-1], lexicon=lexicon)
            owners[last].add(value.variant_key)
    return {last: next(iter(keys)) for last, keys in owners.items() if len(keys) == 1}


def _spelling(fact: Fact) -> str:
    value = fact.value
    return value.key if isinstance(value, Entity) else fact.span.surface


def _label(members: Sequence[Fact]) -> str:
    if members[0].kind not in NAME_KINDS:
        return members[0].role
    counts: dict[str, int] = defaultdict(int)
    for fact in members:
        counts[_spelling(fact)] += 1
    return min(counts, key=lambda k: (-counts[k], k))
