"""Verdicts on designator slots (weapon systems, aircraft, models of one category).

Designators that share a key agree (``consistent`` across sources); keys of one family
(Il-20 and IL-20PP) are a ``variant``; an unknown key one edit from a known one, or from a
key that other sources write, is a ``likely_typo`` with the edit explained; two known
systems of one category written by different sources, neither mentioning the other, are
a ``conflict``.
"""

from __future__ import annotations

from collections import defaultdict

from discrepancy import similarity
from discrepancy.findings import Context, finding
from discrepancy.kinds import designators
from discrepancy.model import Entity, Fact, Finding, FindingType, Slot


def compare_designators(slot: Slot, context: Context) -> list[Finding]:
    """Findings for a designator slot: see the module docstring."""
    by_key: dict[str, list[Fact]] = defaultdict(list)
    for fact in slot.facts:
        if isinstance(fact.value, Entity):
            by_key[fact.value.key].append(fact)
    out, typo_keys = _typos(slot, by_key, context)
    families: dict[str, list[str]] = defaultdict(list)
    for key, facts in sorted(by_key.items()):
        if key not in typo_keys:
            families[_entity(facts).family or _entity(facts).variant_key].append(key)
    for keys in families.values():
        out.extend(_family(slot, keys, by_key, context))
    out.extend(_rivals(slot, families, by_key, context))
    return out


def _entity(facts: list[Fact]) -> Entity:
    value = facts[0].value
    assert isinstance(value, Entity)
    return value


def _family(
    slot: Slot, keys: list[str], by_key: dict[str, list[Fact]], context: Context
) -> list[Finding]:
    out: list[Finding] = []
    for key in keys:
        sources = context.source_count(by_key[key])
        if sources >= 2:
            text = f"{sources} sources name the same {slot.label}: {key}."
            out.append(
                finding(FindingType.CONSISTENT, slot, by_key[key], text, score=1.0, context=context)
            )
    if len(keys) >= 2:
        facts = [f for k in keys for f in by_key[k]]
        text = f"One family written as {', '.join(keys)}: sub-models or spellings of one system."
        out.append(finding(FindingType.VARIANT, slot, facts, text, score=0.6, context=context))
    return out


def _rivals(
    slot: Slot,
    families: dict[str, list[str]],
    by_key: dict[str, list[Fact]],
    context: Context,
) -> list[Finding]:
    """Two known families named by disjoint sets of sources: they disagree on the system."""
    named = {
        family: context.source_set(f for k in keys for f in by_key[k])
        for family, keys in families.items()
        if all(_entity(by_key[k]).known for k in keys)
    }
    if len(named) != 2:
        return []
    (fa, sa), (fb, sb) = sorted(named.items())
    if sa & sb:
        return []
    facts = [f for fam in (fa, fb) for k in families[fam] for f in by_key[k]]
    text = (
        f"The sources name different systems as the {slot.label}: "
        f"{', '.join(families[fa])} ({', '.join(sorted(sa))}) and "
        f"{', '.join(families[fb])} ({', '.join(sorted(sb))}); both are real, so this is "
        "not a typo."
    )
    return [finding(FindingType.CONFLICT, slot, facts, text, score=0.6, context=context)]


def _typos(
    slot: Slot, by_key: dict[str, list[Fact]], context: Context
) -> tuple[list[Finding], set[str]]:
    out: list[Finding] = []
    wrong: set[str] = set()
    for key, facts in sorted(by_key.items()):
        entity = _entity(facts)
        if entity.known:
            continue
        target = _target(entity, by_key, context)
        if target is None:
            continue
        right, reason, support = target
        wrong.add(key)
        text = f"{key} is not a known designator; {right} is {support}: {reason}."
        out.append(
            finding(
                FindingType.LIKELY_TYPO,
                slot,
                [*facts, *by_key.get(right, [])],
                text,
                score=0.85,
                context=context,
                suggestion=right,
            )
        )
    return out, wrong


def _target(
    entity: Entity, by_key: dict[str, list[Fact]], context: Context
) -> tuple[str, str, str] | None:
    """The known (or widely written) key one edit from ``entity``, with the reason."""
    candidates: list[tuple[int, str, str]] = []
    for key, facts in by_key.items():
        other = _entity(facts)
        if key == entity.key or other.family == entity.family:
            continue
        count = context.source_count(facts)
        if other.known:
            candidates.append((0, key, "a known system written by another source"))
        elif count >= 2:
            candidates.append((1, key, f"written by {count} sources"))
    for known, _distance in designators.nearest_known(entity, lexicon=context.lexicon):
        candidates.append((2, known.key, "a known system"))
    for _rank, key, support in sorted(candidates):
        edit = similarity.explain_edit(entity.key, key, lexicon=context.lexicon)
        # one slip, or look-alike characters however many ("S-2OO" for "S-200")
        if edit is not None and (edit.distance <= 1 or edit.kind == "lookalike"):
            return key, edit.reason, support
    return None
