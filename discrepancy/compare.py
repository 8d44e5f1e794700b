"""Stage 5: a slot -> findings: consistent, compatible, conflict, likely typo, variant.

Numbers are intervals in base units: values agree when equal, are compatible when they
overlap ("over 200" and "hundreds"), and conflict when no value fits all of them. An
exact measure ("a one-minute warning") is read with the precision it was written in
(half its last digit either way), since news rounds. A lone value one edit away from a
value that several sources give is a likely typo, with the edit explained.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from discrepancy import similarity
from discrepancy.kinds import designators, units
from discrepancy.lexicon import Lexicon
from discrepancy.model import (
    DateInterval,
    Entity,
    Evidence,
    Fact,
    Finding,
    FindingType,
    Interval,
    Precision,
    Slot,
    Source,
)


def compare(slot: Slot, *, sources: Sequence[Source], lexicon: Lexicon) -> list[Finding]:
    """The findings one slot gives (none when it has nothing to say)."""
    published: dict[str, dt.date | None] = {s.id: s.published for s in sources}
    value = slot.facts[0].value
    if isinstance(value, Interval):
        return _numbers(slot, published)
    if isinstance(value, DateInterval):
        return _dates(slot, published)
    if slot.kind == "designator":
        return _designators(slot, published, lexicon)
    return _names(slot, published)


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
    """A finding with a stable id (a hash of its type, slot and evidence spans)."""
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
    digest = hashlib.sha1(
        "|".join(
            [
                kind.value,
                slot.key,
                *(f"{e.span.source}:{e.span.start}:{e.span.end}" for e in evidence),
            ]
        ).encode()
    ).hexdigest()[:10]
    return Finding(
        id=f"{kind.value[:4]}-{digest}",
        type=kind,
        score=round(min(max(score, 0.0), 1.0), 3),
        slot=slot.label,
        kind=slot.kind,
        evidence=evidence,
        explanation=explanation,
        suggestion=suggestion,
        evolving=evolving,
    )


# -- numbers -------------------------------------------------------------------------------


def normalise(fact: Fact) -> Interval:
    """The fact's interval in base units, widened by the precision of an exact measure."""
    value = fact.value
    assert isinstance(value, Interval)
    low, high, unit = value.low, value.high, value.unit
    factor = 1.0
    if unit is not None:
        base = units.to_base(1.0, unit)
        if base is not None:
            factor, unit = base[0], base[1]
    low = 0.0 if low is None else low * factor
    high = None if high is None else high * factor
    widen = fact.kind in ("duration", "dimension") and value.exact and not value.approximate
    if widen and value.low is not None:
        half = _last_digit(value.low) / 2 * factor
        return Interval(low=low - half, high=(high or low) + half, high_inclusive=False, unit=unit)
    return Interval(
        low=low,
        high=high,
        low_inclusive=value.low_inclusive or value.low is None,
        high_inclusive=value.high_inclusive,
        approximate=value.approximate,
        unit=unit,
    )


def _last_digit(x: float) -> float:
    """The place of the last written digit: 22 -> 1, 35.4 -> 0.1, 200 -> 1."""
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return 10.0 ** -len(text.split(".")[1]) if "." in text else 1.0


def _key(value: Interval) -> tuple[object, ...]:
    return (value.low, value.high, value.low_inclusive, value.high_inclusive, value.unit)


def _numbers(slot: Slot, published: Published) -> list[Finding]:
    facts = list(slot.facts)
    values = {f: normalise(f) for f in facts}
    exact_keys = {_key(_plain(f)) for f in facts}
    units_seen = {v.unit for v in values.values()}
    if len(units_seen) > 1:
        return []
    sources = len({f.span.source for f in facts})
    if len(exact_keys) == 1:
        if sources < 2:
            return []
        text = f"All {sources} sources agree: {facts[0].value} ({slot.label})."
        return [finding(FindingType.CONSISTENT, slot, facts, text, score=1.0, published=published)]
    out, rest = _number_typos(slot, facts, published)
    if len({f.span.source for f in rest}) < 2:
        return out
    if all(values[a].overlaps(values[b]) for a in rest for b in rest):
        text = (
            f"The {slot.label} figures differ in precision but can all be true: {_listing(rest)}."
        )
        out.append(
            finding(FindingType.COMPATIBLE, slot, rest, text, score=0.6, published=published)
        )
        return out
    out.append(_conflict(slot, rest, values, published))
    return out


def _plain(fact: Fact) -> Interval:
    value = fact.value
    assert isinstance(value, Interval)
    factor = 1.0
    unit = value.unit
    if unit is not None and (base := units.to_base(1.0, unit)) is not None:
        factor, unit = base
    return Interval(
        low=None if value.low is None else value.low * factor,
        high=None if value.high is None else value.high * factor,
        low_inclusive=value.low_inclusive,
        high_inclusive=value.high_inclusive,
        approximate=value.approximate,
        unit=unit,
    )


def _listing(facts: Sequence[Fact]) -> str:
    return "; ".join(f"{f.span.source} says {f.value}" for f in facts)


def _number_typos(
    slot: Slot, facts: list[Fact], published: Published
) -> tuple[list[Finding], list[Fact]]:
    """Lone exact values one edit from a value that two or more sources give."""
    by_value: dict[float, list[Fact]] = defaultdict(list)
    for fact in facts:
        value = fact.value
        if isinstance(value, Interval) and value.exact and value.low is not None:
            by_value[value.low].append(fact)
    out: list[Finding] = []
    rest = list(facts)
    for odd, odd_facts in sorted(by_value.items()):
        if len({f.span.source for f in odd_facts}) != 1:
            continue
        for major, major_facts in sorted(by_value.items(), key=lambda kv: -len(kv[1])):
            if major == odd or len({f.span.source for f in major_facts}) < 2:
                continue
            edit = similarity.explain_edit(_digits(odd), _digits(major))
            if edit is None:
                continue
            text = (
                f"{odd_facts[0].span.source} says {_digits(odd)} where "
                f"{len({f.span.source for f in major_facts})} sources say {_digits(major)}: "
                f"{edit.reason}."
            )
            out.append(
                finding(
                    FindingType.LIKELY_TYPO,
                    slot,
                    [*odd_facts, *major_facts],
                    text,
                    score=0.8,
                    published=published,
                    suggestion=_digits(major),
                )
            )
            rest = [f for f in rest if f not in odd_facts]
            break
    return out, rest


def _digits(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _conflict(
    slot: Slot, facts: list[Fact], values: dict[Fact, Interval], published: Published
) -> Finding:
    rivals = [
        (a, b)
        for i, a in enumerate(facts)
        for b in facts[i + 1 :]
        if not values[a].overlaps(values[b])
    ]
    a, b = rivals[0]
    text = f"No single {slot.label} figure fits every source: {_listing(facts)}."
    parties = {f.attribution for f in (a, b)}
    if len(parties) == 2 and "" not in parties:
        text += (
            f" The disagreeing figures come from different parties: {' vs '.join(sorted(parties))}."
        )
    evolving = _evolving(facts, published)
    if evolving:
        text += " The figure changes with the datelines: " + evolving + "."
    return finding(
        FindingType.CONFLICT,
        slot,
        facts,
        text,
        score=0.9 if slot.kind == "count" else 0.8,
        published=published,
        evolving=bool(evolving),
    )


def _evolving(facts: Sequence[Fact], published: Published) -> str:
    """'12 (2024-01-01), 40 (2024-01-03)' when dated values move one way, else ''."""
    dated = []
    for fact in facts:
        when = published.get(fact.span.source)
        value = fact.value
        if when is None or not isinstance(value, Interval):
            return ""
        middle = (
            value.low
            if value.high is None
            else value.high
            if value.low is None
            else ((value.low + value.high) / 2)
        )
        dated.append((when, middle if middle is not None else math.nan, fact))
    dated.sort(key=lambda t: (t[0], t[1]))
    if len({d for d, _, _ in dated}) < 2:
        return ""
    steps = [b[1] - a[1] for a, b in itertools.pairwise(dated) if a[0] != b[0]]
    if not (all(s >= 0 for s in steps) or all(s <= 0 for s in steps)):
        return ""
    return ", ".join(f"{f.value} ({d.isoformat()})" for d, _, f in dated)


# -- dates ---------------------------------------------------------------------------------


def _dates(slot: Slot, published: Published) -> list[Finding]:
    facts = list(slot.facts)
    values = [f.value for f in facts if isinstance(f.value, DateInterval)]
    if len({f.span.source for f in facts}) < 2:
        return []
    if all(a.overlaps(b) for a in values for b in values):
        precisions = {v.precision for v in values if v.resolved}
        if len(precisions) <= 1 or precisions == {Precision.DAY}:
            text = f"All {len({f.span.source for f in facts})} sources agree on the {slot.label}: "
            text += _listing(facts) + "."
            return [
                finding(FindingType.CONSISTENT, slot, facts, text, score=0.9, published=published)
            ]
        text = f"The {slot.label} is given with different precision, all compatible: "
        text += _listing(facts) + "."
        return [finding(FindingType.COMPATIBLE, slot, facts, text, score=0.5, published=published)]
    text = f"The sources give different {slot.label}s: {_listing(facts)}."
    return [finding(FindingType.CONFLICT, slot, facts, text, score=0.7, published=published)]


# -- designators ---------------------------------------------------------------------------


def _designators(slot: Slot, published: Published, lexicon: Lexicon) -> list[Finding]:
    by_key: dict[str, list[Fact]] = defaultdict(list)
    for fact in slot.facts:
        if isinstance(fact.value, Entity):
            by_key[fact.value.key].append(fact)
    out: list[Finding] = []
    typos = _designator_typos(slot, by_key, published, lexicon)
    out.extend(typos)
    typo_keys = {f.evidence[0].value for f in typos}
    families: dict[str, list[str]] = defaultdict(list)
    for key, facts in by_key.items():
        entity = facts[0].value
        assert isinstance(entity, Entity)
        if key not in typo_keys:
            families[entity.family or entity.variant_key].append(key)
    for keys in families.values():
        out.extend(_family_findings(slot, sorted(keys), by_key, published))
    return out


def _family_findings(
    slot: Slot, keys: list[str], by_key: dict[str, list[Fact]], published: Published
) -> list[Finding]:
    out: list[Finding] = []
    for key in keys:
        facts = by_key[key]
        sources = sorted({f.span.source for f in facts})
        if len(sources) >= 2:
            text = f"{len(sources)} sources name the same {slot.label}: {key}."
            out.append(
                finding(FindingType.CONSISTENT, slot, facts, text, score=1.0, published=published)
            )
    if len(keys) >= 2:
        facts = [f for k in keys for f in by_key[k]]
        text = f"One family, written as {', '.join(keys)}: "
        text += f"sub-models or spellings of one {slot.label}."
        out.append(finding(FindingType.VARIANT, slot, facts, text, score=0.6, published=published))
    return out


def _designator_typos(
    slot: Slot, by_key: dict[str, list[Fact]], published: Published, lexicon: Lexicon
) -> list[Finding]:
    out: list[Finding] = []
    for key, facts in sorted(by_key.items()):
        entity = facts[0].value
        assert isinstance(entity, Entity)
        if entity.known:
            continue
        target = _typo_target(entity, by_key, lexicon)
        if target is None:
            continue
        right, edit_reason, support = target
        text = f"{key} is not a known designator; {right} is ({support}): {edit_reason}."
        evidence = [*facts, *by_key.get(right, [])]
        out.append(
            finding(
                FindingType.LIKELY_TYPO,
                slot,
                evidence,
                text,
                score=0.85,
                published=published,
                suggestion=right,
            )
        )
    return out


def _typo_target(
    entity: Entity, by_key: dict[str, list[Fact]], lexicon: Lexicon
) -> tuple[str, str, str] | None:
    candidates: list[tuple[int, str, str]] = []
    for key, facts in by_key.items():
        other = facts[0].value
        if key != entity.key and isinstance(other, Entity) and other.family != entity.family:
            sources = len({f.span.source for f in facts})
            if other.known or sources >= 2:
                support = "a known system" if other.known else f"{sources} sources write it"
                candidates.append((0, key, support))
    for known, _distance in designators.nearest_known(entity, lexicon=lexicon):
        candidates.append((1, known.key, "a known system"))
    for _rank, key, support in sorted(candidates):
        edit = similarity.explain_edit(entity.key, key, lexicon=lexicon)
        if edit is not None and edit.distance <= 1:
            return key, edit.reason, support
    return None


# -- names ---------------------------------------------------------------------------------


def _names(slot: Slot, published: Published) -> list[Finding]:
    by_key: dict[str, list[Fact]] = defaultdict(list)
    for fact in slot.facts:
        if isinstance(fact.value, Entity):
            by_key[fact.value.key].append(fact)
    if len(by_key) >= 2:
        spellings = "; ".join(
            f"{key} ({', '.join(sorted({f.span.source for f in facts}))})"
            for key, facts in sorted(by_key.items())
        )
        text = f"{len(by_key)} spellings of one name: {spellings}; transliteration variants."
        return [
            finding(FindingType.VARIANT, slot, slot.facts, text, score=0.7, published=published)
        ]
    facts = list(slot.facts)
    entity = facts[0].value
    sources = sorted({f.span.source for f in facts})
    if isinstance(entity, Entity) and entity.kind == "person" and " " in entity.key:
        text = f"{len(sources)} sources name {entity.key} the same way."
        return [finding(FindingType.CONSISTENT, slot, facts, text, score=0.8, published=published)]
    return []
