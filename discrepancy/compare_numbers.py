"""Verdicts on numeric slots (counts, durations, distances).

Every value is an interval in base units. The *core* of a slot is the largest set of
sources whose values share a point (on a line, values that pairwise overlap share one).
The core is ``consistent`` when its values are equal and ``compatible`` when they only
overlap ("over 200" and "hundreds"). A value outside the core is a ``likely_typo`` when it
is exact, stated by one source, and one edit from a value that two or more sources give;
otherwise it is a ``conflict`` with the core. An exact measure is read with the precision
it was written in ("a one-minute warning" is 30-90 s), since news rounds; a value with no
lower end ("less than a minute") is above zero, since the thing it measures happened.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
from collections import defaultdict
from collections.abc import Sequence

import attrs
from rapidfuzz import fuzz

from discrepancy import similarity
from discrepancy.findings import Context, IdentityMemo, Quotes, finding, listing, sample
from discrepancy.kinds import names, units
from discrepancy.model import Fact, Finding, FindingType, Interval, Slot

APPROXIMATE = 0.1  # how far "about N" may be from N, as a share of N


def normalise(fact: Fact) -> Interval:
    """The fact's interval in base units, widened to the precision of an exact measure.

    >>> from discrepancy.model import Span
    >>> span = Span(source="a", start=0, end=2, surface="22")
    >>> str(normalise(Fact(span=span, kind="count", value=Interval(low=None, high=10,
    ...     high_inclusive=False))))
    '(0, 10)'
    """
    value = fact.value
    assert isinstance(value, Interval)
    memo = _NORMALISED.get(fact.kind)
    if memo is None:
        memo = _NORMALISED[fact.kind] = IdentityMemo()
    return memo.get(value, functools.partial(_normalised, fact.kind))


_NORMALISED: dict[str, IdentityMemo[Interval, Interval]] = {}  # per kind of fact


@functools.lru_cache(maxsize=2**16)
def _normalised(kind: str, original: Interval) -> Interval:
    """``normalise`` of a value: a pure function of the kind and the value, and the same
    values recur across thousands of articles."""
    value = _base_value(original)
    widen = kind in ("duration", "dimension") and value.exact and not value.approximate
    if widen and value.low is not None and value.low > 0:
        assert original.low is not None
        half = _last_digit(original.low) / 2 * (value.low / original.low)
        return Interval(
            low=value.low - half, high=value.low + half, high_inclusive=False, unit=value.unit
        )
    if value.approximate and value.exact and value.low is not None:
        # "some 5,600", "about 200": a round figure, read as within a tenth either way
        spread = abs(value.low) * APPROXIMATE
        return Interval(low=value.low - spread, high=value.low + spread, unit=value.unit)
    if value.low is None:
        return Interval(
            low=0.0,
            high=value.high,
            low_inclusive=False,
            high_inclusive=value.high_inclusive,
            approximate=value.approximate,
            unit=value.unit,
        )
    return value


def _in_base_units(fact: Fact) -> Interval:
    assert isinstance(fact.value, Interval)
    return _IN_BASE_UNITS.get(fact.value, _base_value)


_IN_BASE_UNITS: IdentityMemo[Interval, Interval] = IdentityMemo()


@functools.lru_cache(maxsize=2**16)
def _base_value(value: Interval) -> Interval:
    factor, unit = _base(value.unit)
    return Interval(
        low=None if value.low is None else value.low * factor,
        high=None if value.high is None else value.high * factor,
        low_inclusive=value.low_inclusive,
        high_inclusive=value.high_inclusive,
        approximate=value.approximate,
        unit=unit,
    )


@functools.lru_cache(maxsize=1024)
def _base(unit: str | None) -> tuple[float, str | None]:
    """How many base units one ``unit`` is, and the base unit (pint is asked once a unit)."""
    if unit is not None and (base := units.to_base(1.0, unit)) is not None:
        return base
    info = units.unit_info(unit) if unit is not None else None
    if info is not None and info.family:  # money: "USD" and "dollar" may be one currency
        return 1.0, info.family
    return 1.0, unit


def _last_digit(x: float) -> float:
    """The place of the last written digit: 22 -> 1, 35.4 -> 0.1."""
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return 10.0 ** -len(text.split(".")[1]) if "." in text else 1.0


def _key(value: Interval) -> tuple[object, ...]:
    return (value.low, value.high, value.low_inclusive, value.high_inclusive, value.unit)


def numbers(slot: Slot, context: Context) -> list[Finding]:
    """Findings for a numeric slot: see the module docstring.

    When the facts count sub-groups ("150 passengers and 6 crew"), each sub-group is judged
    on its own, and the whole ("156 people") against the sum of the parts one sentence
    gives; values that are all equal agree whatever their sub-group.
    """
    facts = _lone_scopes_dropped(list(slot.facts))
    based = [_in_base_units(f) for f in facts]
    if len({v.unit for v in based}) > 1:
        return []  # different dimensions: the role words misled us; say nothing
    groups = sorted({f.subject for f in facts})
    if len(groups) == 1 or len({_key(v) for v in based}) == 1:
        return _judge(slot, facts, context)
    out: list[Finding] = []
    for group in groups:
        if group:
            part = attrs.evolve(slot, key=f"{slot.key}:{group}", label=f"{slot.label} ({group})")
            out.extend(_judge(part, [f for f in facts if f.subject == group], context))
    wholes = [f for f in facts if not f.subject] + _sums(facts, context)
    out.extend(_judge(slot, wholes, context))
    out.extend(_parts_exceeding(slot, facts, wholes, context))
    return out


def _parts_exceeding(
    slot: Slot, facts: list[Fact], wholes: list[Fact], context: Context
) -> list[Finding]:
    """A sub-group larger than another source's figure ("45 passengers" but "15 people")."""
    out = []
    totals = sorted(
        ((high, w) for w in _largest_per_source(wholes) if (high := normalise(w).high) is not None),
        key=lambda t: t[0],
    )
    highs = [high for high, _ in totals]
    smaller: dict[int, Quotes] = {}  # how many wholes -> those wholes, to quote
    for part in (f for f in facts if f.subject and "in " not in f.subject):  # groups, not places
        low = normalise(part).low or 0.0
        below = bisect.bisect_left(highs, low)  # wholes smaller than the part
        if not below:
            continue
        if below not in smaller:
            smaller[below] = Quotes([w for _, w in totals[:below]])
        quotes, source = smaller[below], part.span.source
        if quotes.has_other_than(source):
            text = (
                f"A part cannot exceed the whole: {source} counts {part.value} "
                f"{part.subject}, more than {quotes.listing(without=source)} in all "
                f"({slot.label})."
            )
            evidence = quotes.evidence(part, without=source)
            out.append(
                finding(FindingType.CONFLICT, slot, evidence, text, score=0.8, context=context)
            )
    return out


def _lone_scopes_dropped(facts: list[Fact]) -> list[Fact]:
    """A place ("in Syria") marks a part only where its source also gives other parts or a
    total; a source's single figure "in Syria" is simply its figure."""
    subjects: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        subjects[fact.span.source].add(fact.subject)
    out = []
    for fact in facts:
        if "in " in fact.subject and len(subjects[fact.span.source]) == 1:
            group = fact.subject.split("in ")[0].strip()
            fact = attrs.evolve(fact, subject=group)
        out.append(fact)
    return out


def _judge(slot: Slot, facts: list[Fact], context: Context) -> list[Finding]:
    facts = _largest_per_source(facts)
    if context.source_count(facts) < 2:
        return []
    values = {id(f): normalise(f) for f in facts}
    core = _core(facts, values, context)
    in_core = {id(f) for f in core}
    outliers = [f for f in facts if id(f) not in in_core]
    out, outliers = _typos(slot, core, outliers, context)
    out.extend(_agreement(slot, core, context))
    if outliers:
        out.append(_conflict(slot, outliers, core, context))
    return out


def _largest_per_source(facts: list[Fact]) -> list[Fact]:
    """Each source's own figure for the slot: its largest value (with every fact stating it).

    A source that gives several values for one question gives a total and parts of it
    ("2,921 in Turkey alone", "380 in rebel-held areas") or an update; its largest value is
    the one to set against other sources.
    """
    by_source: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_source[fact.span.source].append(fact)
    out: list[Fact] = []
    for group in by_source.values():
        if len(group) == 1:  # most sources state a figure once
            out.append(group[0])
            continue
        sizes = [_size(f) for f in group]
        top = max(sizes)
        out.extend(f for f, size in zip(group, sizes, strict=True) if size == top)
    return out


def _size(fact: Fact) -> float:
    value = normalise(fact)
    low = value.low or 0.0
    return low if value.high is None else (low + value.high) / 2


def _sums(facts: list[Fact], context: Context) -> list[Fact]:
    """One fact per sentence that counts two or more sub-groups: their sum, quoting them all."""
    by_sentence: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.subject:
            by_sentence[(fact.span.source, fact.span.sentence)].append(fact)
    out = []
    for (source, _sentence), parts in sorted(by_sentence.items()):
        if len({p.subject for p in parts}) < 2:
            continue
        values = [_in_base_units(p) for p in parts]
        if any(v.low is None or v.high is None for v in values):
            continue
        first, last = min(p.span.start for p in parts), max(p.span.end for p in parts)
        text = context.texts.get(source, "")
        total = Interval(
            low=sum(v.low or 0.0 for v in values),
            high=sum(v.high or 0.0 for v in values),
            approximate=any(v.approximate for v in values),
        )
        span = attrs.evolve(parts[0].span, start=first, end=last, surface=text[first:last])
        out.append(attrs.evolve(parts[0], span=span, value=total, subject=""))
    return out


def _core(facts: list[Fact], values: dict[int, Interval], context: Context) -> list[Fact]:
    """The facts whose values share the point that the most sources admit.

    Facts are grouped by value first, so the search costs (distinct values)^2, however
    many facts state them.
    """
    by_value: dict[tuple[object, ...], list[Fact]] = defaultdict(list)
    for fact in facts:
        by_value[_key(values[id(fact)])].append(fact)
    groups = [
        (values[id(group[0])], group, context.source_set(group)) for group in by_value.values()
    ]
    ends = sorted({x for v, _, _ in groups for x in (v.low, v.high) if x is not None})
    points = [*ends, *(a + (b - a) / 2 for a, b in itertools.pairwise(ends))]
    if ends:
        points.append(ends[-1] + 1.0)
    best: tuple[int, int, float] | None = None
    chosen = facts
    for point in points:
        inside = [(group, sources) for v, group, sources in groups if _contains(v, point)]
        rank = (
            len(set().union(*(s for _, s in inside))),
            sum(len(g) for g, _ in inside),
            -point,
        )
        if best is None or rank > best:
            best = rank
            chosen = [f for g, _ in inside for f in g]
    return chosen


def _contains(value: Interval, x: float) -> bool:
    low = value.low if value.low is not None else float("-inf")
    high = value.high if value.high is not None else float("inf")
    if x < low or x > high:
        return False
    if x == low and not value.low_inclusive:
        return False
    return not (x == high and not value.high_inclusive)


def _agreement(slot: Slot, core: list[Fact], context: Context) -> list[Finding]:
    sources = context.source_count(core)
    if sources < 2:
        return []
    if len({_key(_in_base_units(f)) for f in core}) == 1:
        text = f"{sources} sources agree on the {slot.label}: {core[0].value}."
        return [finding(FindingType.CONSISTENT, slot, core, text, score=1.0, context=context)]
    if all(_exact(f) is not None for f in core) and {f.kind for f in core} != {"count"}:
        # exact measures in different units that meet within the precision written
        text = (
            f"{sources} sources agree on the {slot.label} within the precision written: "
            f"{listing(core)}."
        )
        return [finding(FindingType.CONSISTENT, slot, core, text, score=0.9, context=context)]
    text = f"The {slot.label} figures differ in precision but can all be true: {listing(core)}."
    return [finding(FindingType.COMPATIBLE, slot, core, text, score=0.6, context=context)]


def _typos(
    slot: Slot, core: list[Fact], outliers: list[Fact], context: Context
) -> tuple[list[Finding], list[Fact]]:
    """Outlying values one slip from an exact value of the core that two or more sources
    give, each stated by one source only (a value two sources give is no slip)."""
    exact = [f for f in core if _exact(f) is not None]
    support = context.source_count(exact)
    if support < 2 or len({_exact(f) for f in exact}) != 1:
        return [], outliers
    right = _exact(exact[0])  # what the others say, in digits or in words
    assert right is not None
    by_value: dict[str | None, list[Fact]] = defaultdict(list)
    for fact in outliers:
        by_value[_typed(fact)].append(fact)
    out: list[Finding] = []
    rest: list[Fact] = []
    for wrong, facts in sorted(by_value.items(), key=lambda kv: str(kv[0])):
        edit = (
            None
            if wrong is None
            else similarity.explain_edit(wrong, right, lexicon=context.lexicon)
        )
        if edit is None or edit.distance != 1 or context.source_count(facts) != 1:
            rest.extend(facts)
            continue
        text = (
            f"{facts[0].span.source} writes {wrong} where {support} sources write "
            f"{right} ({slot.label}): {edit.reason}."
        )
        evidence = [*facts, *sample(exact)]
        out.append(
            finding(
                FindingType.LIKELY_TYPO,
                slot,
                evidence,
                text,
                score=0.8,
                context=context,
                suggestion=right,
            )
        )
    return out, rest


def _exact(fact: Fact) -> str | None:
    value = fact.value
    if not isinstance(value, Interval) or not value.exact or value.approximate:
        return None
    assert value.low is not None
    return str(int(value.low)) if float(value.low).is_integer() else f"{value.low:g}"


def _typed(fact: Fact) -> str | None:
    """The exact whole number as its digits were typed ("2,921" -> "2921"), or ``None``.

    Only typed digits can slip: "$2.5 billion" against "$2 billion", or a measured 6.4
    against 6.1, is no keyboard slip, however close the values' strings.
    """
    value = _exact(fact)
    if value is None or not value.isdigit():
        return None
    return value if value in fact.span.surface.replace(",", "") else None


def _conflict(slot: Slot, outliers: list[Fact], core: list[Fact], context: Context) -> Finding:
    facts = [*outliers, *core]
    text = (
        f"No single {slot.label} figure fits every source: {listing(outliers)}, "
        f"against {listing(core)}."
    )
    odd = sorted({f.attribution for f in outliers if f.attribution})
    rest = sorted({f.attribution for f in core if f.attribution})
    if odd and rest and not any(same_party(a, b, context) for a in odd for b in rest):
        text += (
            f" The disagreeing figures come from different parties: {'; '.join(odd)} "
            f"against {'; '.join(rest)}."
        )
    exact = sorted({e for f in facts if (e := _typed(f)) is not None})
    if len(exact) == 2 and slot.kind == "count":
        edit = similarity.explain_edit(exact[0], exact[1], lexicon=context.lexicon)
        if edit is not None and edit.distance == 1:
            text += f" The two figures are one slip apart ({edit.reason}): one may be a typo."
    moving = _evolving(facts, context)
    if moving:
        text += f" The figure moves with the datelines: {moving}."
    return finding(
        FindingType.CONFLICT,
        slot,
        facts,
        text,
        score=0.9 if slot.kind == "count" else 0.8,
        context=context,
        evolving=bool(moving),
    )


def same_party(a: str, b: str, context: Context) -> bool:
    """Whether two attributions name one party ("Russia's defence ministry" and "Defense
    Ministry"): country words read as their country, then rapidfuzz's token-set ratio."""
    return fuzz.token_set_ratio(_party(a, context), _party(b, context)) >= 85


def _party(who: str, context: Context) -> str:
    words = []
    for word in who.replace("’", "'").split():
        word = word.removesuffix("'s")
        country = names.country_of(word, lexicon=context.lexicon)
        words.append((country or word).casefold())
    return " ".join(w for w in words if w != "the")


def _evolving(facts: Sequence[Fact], context: Context) -> str:
    """'12 (2024-01-01), 40 (2024-01-03)' when the values move one way with the datelines.

    Every source must be dated, and the values of each dateline must all lie above (or all
    below) those of the dateline before: sources that disagree on one day are no update.
    """
    by_day: dict[dt.date, list[float]] = defaultdict(list)
    dated = []
    for fact in facts:
        when = context.published.get(fact.span.source)
        if when is None:
            return ""
        size = _size(fact)
        by_day[when].append(size)
        dated.append((when, size, fact))
    days = sorted(by_day)
    if len(days) < 2:
        return ""
    pairs = list(itertools.pairwise(days))
    rising = all(max(by_day[a]) < min(by_day[b]) for a, b in pairs)
    falling = all(min(by_day[a]) > max(by_day[b]) for a, b in pairs)
    if not (rising or falling):
        return ""
    dated.sort(key=lambda t: (t[0], t[1]))
    return ", ".join(f"{f.value} ({d.isoformat()})" for d, _, f in dated)
