"""Stage 4: facts -> slots, the same question asked of every source.

Numbers and dates meet when they answer the same role ("people killed", "warning time",
"attack date"); designators when they name the same kind of thing ("surface-to-air
missile system"); names when their spellings meet under one variant key. Grouping is by
key (a dict), so the cost grows with the number of facts, not with pairs of them.
"""

from __future__ import annotations

import operator
from collections import Counter, defaultdict
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
    families: dict[tuple[str, str], str] = {}  # (kind, role) -> key, for facts not names
    named: dict[str, str] = {}  # variant key -> slot key, for names
    for fact in sorted(facts, key=_PLACE):  # once for all: each group comes out in order
        role = fact.role
        if not role:  # a fact with no role answers no question another source could share
            continue
        value = fact.value
        if fact.kind in NAME_KINDS and isinstance(value, Entity):
            if (key := named.get(value.variant_key, "")) == "":
                key = named[value.variant_key] = slot_key(fact, surnames)
        elif (key := families.get((fact.kind, role), "")) == "":
            key = families[(fact.kind, role)] = slot_key(fact)
        groups[key].append(fact)
    slots: list[Slot] = []
    single: list[Fact] = []
    for key in sorted(groups):
        members = groups[key]
        # sorted by source: two sources at least when the first and last differ
        shared = members[0].span.source != members[-1].span.source
        if shared or (key.startswith("name:") and len(set(map(_spelling, members))) >= 2):
            slots.append(
                Slot(key=key, label=_label(members), kind=members[0].kind, facts=tuple(members))
            )
        else:
            single.extend(f for f in members if f.kind not in NAME_KINDS)
    return slots, sorted(single, key=_PLACE)


_PLACE = operator.attrgetter("span.source", "span.start")


def _surnames(facts: Sequence[Fact], lexicon: Lexicon) -> dict[str, str]:
    """Variant key of a surname -> variant key of the one full name that ends with it.

    "Zelenskyy" alone then meets "Volodymyr Zelenskiy"; a surname that ends two different
    full names (two Smiths) joins neither.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    lasts: dict[str, str] = {}  # a full name's key -> the variant key of its last word
    for fact in facts:
        value = fact.value
        if isinstance(value, Entity) and fact.kind == "person" and " " in value.key:
            last = lasts.get(value.key)
            if last is None:
                word = value.key.split()[-1]
                last = lasts[value.key] = names.variant_key(word, lexicon=lexicon)
            owners[last].add(value.variant_key)
    return {last: next(iter(keys)) for last, keys in owners.items() if len(keys) == 1}


def _spelling(fact: Fact) -> str:
    value = fact.value
    return value.key if isinstance(value, Entity) else fact.span.surface


def _label(members: Sequence[Fact]) -> str:
    if members[0].kind not in NAME_KINDS:
        return members[0].role
    counts = Counter(map(_spelling, members))
    return min(counts, key=lambda k: (-counts[k], k))
