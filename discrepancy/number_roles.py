"""The question a number answers, from the words around it (part of stage 3).

``number_role`` reads the counted noun after a number ("15 crew members"), what happened
to them ("killed"), a sub-group ("crew") and a country the count is limited to ("in
Turkey alone"); a measure (a duration, a distance) takes the measure word in its clause
("warning", "off the coast"). ``designated`` counts designated things by their category
("four F-16 fighters").
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence

from discrepancy import roles as R
from discrepancy.kinds import names, units
from discrepancy.lexicon import Lexicon
from discrepancy.model import Entity, Mention

_SMALL_NUMBERS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen"}
)
_AT = operator.attrgetter("start")
TOLL_REACH = 10  # tokens from "death toll" to its number ("rose overnight to 95")


def designated(
    mention: Mention, toks: Sequence[R.Token], codes: Sequence[Mention]
) -> tuple[str, str] | None:
    """ "four F-16 fighters": a count of the designated things (role: their category)."""
    if mention.kind not in ("number", "range") or mention.unit is not None:
        return None
    after = R.first_after(toks, mention.end)
    if after >= len(toks):
        return None
    limit = toks[min(after + 1, len(toks) - 1)].end  # the code may follow one word
    i = bisect.bisect_left(codes, mention.end, key=_AT)
    entity = codes[i].value if i < len(codes) and codes[i].start < limit else None
    if isinstance(entity, Entity):
        return f"{entity.category or 'designator'} count", ""
    return None


def number_role(
    text: str,
    mention: Mention,
    kind: str,
    toks: Sequence[R.Token],
    table: R.Roles,
    lexicon: Lexicon,
) -> tuple[str, str] | None:
    """(role, group): "people killed" and the sub-group counted ("crew"), if any."""
    if not toks or kind == "ordinal":
        return None
    if kind in ("duration", "dimension", "percent", "currency"):
        role = _measure_role(text, mention, toks, table, lexicon)
        return None if role is None else (role, "")
    after = R.first_after(toks, mention.end)
    number = R.index_at(toks, mention.start)
    if _is_total(toks, number):
        return None
    window = toks[after : after + 6 + table.longest]
    hit = _counted_noun(text, mention.end, window, table, _year_like(mention))
    if hit is None and number > 0 and toks[number - 1].word in table.counted_before:
        hit = (table.counted_before[toks[number - 1].word], "")
    if hit is None:
        return _toll_before(toks, number, table)
    counted, group = hit
    first, last = R.clause_bounds(text, toks, max(after - 1, 0), table.clause_breaks)
    start = max(first, after - 11)
    window = toks[start : min(last, after + 11)]
    number = R.index_at(toks, mention.start) - start
    events = [
        _event_rank(i, j, number, after - start, rank, name)
        for i, j, (name, rank) in R.find_phrases(window, table.events, table.longest)
        if name in counted.events
    ]
    role = f"{counted.name} {min(events)[-1]}" if events else counted.name
    scope = _scope(text, toks[first:last], lexicon)
    return role, " ".join(p for p in (group, f"in {scope}" if scope else "") if p)


def _year_like(mention: Mention) -> bool:
    """Four digits that could be a year ("a 2022 strike")."""
    surface = mention.surface.strip()
    return len(surface) == 4 and surface.isdigit() and 1800 <= int(surface) <= 2100


def _toll_before(toks: Sequence[R.Token], number: int, table: R.Roles) -> tuple[str, str] | None:
    """ "The death toll rose to 95": a total named shortly before a number with no noun."""
    window = toks[max(0, number - TOLL_REACH) : number]
    hits = R.find_phrases(window, table.tolls, table.longest)
    return (hits[-1][2], "") if hits else None


def _event_rank(
    i: int, j: int, number: int, noun: int, rank: int, name: str
) -> tuple[bool, bool, bool, int, int, str]:
    """Order events: a verb right before the number governs it ("killing more than 4,300
    people and injuring thousands"); then one after it rather than before; then the nearest,
    but a state such as "aboard" (rank 9) only when nothing happened ("killing all 15 people
    aboard" is a death toll)."""
    governs = j == number  # "killing 15", "killed all 15" (hedges belong to the number)
    before = j <= number  # "54 were arrested and 12 officers were hurt": 12 were hurt
    distance = number - j if before else i - noun
    return (not governs, before, rank >= 9, abs(distance), rank, name)


def _scope(text: str, clause: Sequence[R.Token], lexicon: Lexicon) -> str:
    """The country a count is limited to ("in Turkey alone", "in Syria"), if the clause says."""
    for k, tok in enumerate(clause[:-1]):
        if tok.word != "in":
            continue
        place = (
            clause[k + 2] if clause[k + 1].word == "the" and k + 2 < len(clause) else clause[k + 1]
        )
        if text[place.start].isupper():
            country = names.country_of(text[place.start : place.end], lexicon=lexicon)
            if country is not None:
                return country
    return ""


def _counted_noun(
    text: str, end: int, after: Sequence[R.Token], table: R.Roles, year_like: bool = False
) -> tuple[R.Counted, str] | None:
    """The class (and sub-group) of the noun the number counts.

    Modifiers may stand between the number and the noun ("15 Russian service members"),
    nothing else: a barrier word ("after", "in") or a stop ends the search. In "five of the
    six crew members" the five are counted crew members (and the six a total, see
    ``_is_total``).
    """
    limit = end
    skip = 3 if [t.word for t in after[:2]] == ["of", "the"] and _numeric(after[2:3]) else 0
    for i, tok in enumerate(after[:6]):
        if i < skip:
            limit = tok.end
            continue
        if R.STOP.search(text, limit, tok.start):
            return None
        reach = table.counted.firsts.get(tok.word, 0)  # its longest phrase (0: it starts none)
        for size in range(min(reach, len(after) - i), 0, -1):
            hit = table.counted.get(tuple(t.word for t in after[i : i + size]))
            if hit is not None and i < hit[0].window:
                noun = after[i + size - 1].word
                plural = noun.endswith("s") or noun in table.plurals_without_s
                return hit if plural or not year_like else None
        if tok.word in table.noun_barriers and not (i == 0 and tok.word == "of"):
            return None
        limit = tok.end
    return None


def _numeric(toks: Sequence[R.Token]) -> bool:
    return bool(toks) and (toks[0].word.isdigit() or toks[0].word in _SMALL_NUMBERS)


def _is_total(toks: Sequence[R.Token], number: int) -> bool:
    """Whether the number at token ``number`` is the "six" of "five of the six"."""
    before = [t.word for t in toks[max(0, number - 3) : number]]
    return len(before) == 3 and before[1:] == ["of", "the"] and _numeric(toks[number - 3 :])


def _measure_role(
    text: str, mention: Mention, toks: Sequence[R.Token], table: R.Roles, lexicon: Lexicon
) -> str | None:
    unit = mention.unit
    info = units.unit_info(unit, lexicon=lexicon) if unit else None
    if info is None:
        return None
    index = R.index_at(toks, mention.start)
    first, last = R.clause_bounds(text, toks, index, table.clause_breaks)
    hits = [
        (abs(first + i - index), name)
        for i, _j, (name, dim) in R.find_phrases(toks[first:last], table.measures, table.longest)
        if dim == info.dimension
    ]
    if not hits:
        return None
    name = min(hits)[1]
    after = R.first_after(toks, mention.end)
    whose = [t.word for t in toks[after : after + 3] if t.word in table.subjects.get(name, ())]
    if whose:
        return f"{name} of the {whose[0]}"
    return None if name in table.needs_subject else name
