"""Amounts written in several pieces: "2 years and 3 months", "$3 and 14 cents" (private)."""

from __future__ import annotations

import re

import attrs

from discrepancy.kinds import _hedges as hd
from discrepancy.kinds import units
from discrepancy.kinds._parts import CLAUSE_END, Part, read_part, unit_after
from discrepancy.kinds.numbers import NumberMatch
from discrepancy.lexicon import Lexicon

_AND_FRACTION = re.compile(r"[ \t]+and[ \t]+(?:an?[ \t]+)?", re.I)
_OF = re.compile(r"[ \t]+of(?![A-Za-z])", re.I)
_AND = re.compile(r"[ \t]+and[ \t]+", re.I)
_YEAR = re.compile(r"1\d{3}|20\d{2}")
_COMPOUND = re.compile(r"[ \t]*,?[ \t]*(?:and[ \t]+)?", re.I)


def extend(
    text: str,
    nums: list[NumberMatch],
    i: int,
    first: Part,
    lexicon: Lexicon | None,
    hl: hd.HedgeLex,
) -> tuple[Part, int] | None:
    """ "an hour and a half", "2 years and 3 months", "5 feet 2 inches": one amount."""
    part, j = first, i + 1
    while j < len(nums) and part.unit is not None:
        nxt = nums[j]
        if (
            nxt.start in _and_ends(text, part.end)
            and 0 < nxt.high < 1
            and unit_after(text, nxt.end, lexicon) is None
            and not _OF.match(text, nxt.end)
        ):
            value = part.low + nxt.low
            part = part._replace(low=value, high=value, end=nxt.end)
            j += 1
            continue
        gap = _COMPOUND.match(text, part.end)
        if j == i + 1 and gap is not None and gap.end() == nxt.start:
            minutes = _bare_minutes(text, part, nxt)
            if minutes is not None:
                return minutes, j + 1
        second = (
            read_part(text, nxt, lexicon, hl)
            if gap is not None and gap.end() == nxt.start
            else None
        )
        unit_a = part.unit.unit if part.unit is not None else ""
        ratio = _ratio(unit_a, second.unit.unit, lexicon) if second and second.unit else None
        if second is None or second.unit is None or ratio is None or not ratio > 1:
            break
        value = part.low * ratio + second.low
        part = second._replace(start=part.start, low=value, high=value)
        j += 1
    return None if j == i + 1 else (part, j)


def _bare_minutes(text: str, part: Part, nxt: NumberMatch) -> Part | None:
    """ "1 hour thirty", "2 hours and 10" (ending a clause): hours and minutes."""
    if part.unit is None or part.unit.unit != "hour" or part.low != part.high:
        return None
    if not (0 < nxt.low < 60 and nxt.low == nxt.high and float(nxt.low).is_integer()):
        return None
    if nxt.ordinal or nxt.approximate or not CLAUSE_END.match(text, nxt.end):
        return None
    value = part.low * 60 + nxt.low
    minute = attrs.evolve(part.unit, unit="minute", surface=part.unit.surface)
    return part._replace(low=value, high=value, end=nxt.end, unit=minute)


def ratio_of(
    text: str, first: Part, nxt: NumberMatch, lexicon: Lexicon | None, hl: hd.HedgeLex
) -> Part | None:
    """ "one over three", "2000 over 3" at the end of a clause, "1 in 5": a fraction.

    >>> from discrepancy.kinds.quantities import find
    >>> [(m.surface, m.low) for m in find("one out of four voters")]
    [('one out of four', 0.25)]
    """
    share = _share(text, first, nxt, lexicon, hl)
    if share is not None:
        return share
    joiner = hl.ratio_re.match(text, first.end)
    if joiner is None or joiner.end() != nxt.start or nxt.ordinal or nxt.low != nxt.high:
        return None
    second = read_part(text, nxt, lexicon, hl)
    if second is None or second.unit is not None or not nxt.low:
        return None
    if not CLAUSE_END.match(text, second.end) or first.num.approximate:
        return None
    value = first.low / nxt.low
    return first._replace(low=value, high=value, end=second.end)


def _share(
    text: str, first: Part, nxt: NumberMatch, lexicon: Lexicon | None, hl: hd.HedgeLex
) -> Part | None:
    """ "two out of five hundred", "1 in 21": whole numbers, the first the smaller."""
    joiner = hl.share_re.match(text, first.end)
    if joiner is None or joiner.end() != nxt.start or nxt.ordinal or first.num.approximate:
        return None
    small, big = first.low, nxt.low
    if not (first.low == first.high and nxt.low == nxt.high and 0 < small < big):
        return None
    if not (float(small).is_integer() and float(big).is_integer()) or nxt.approximate:
        return None
    if joiner.group("s").lower() == "in" and (small >= 10 or _YEAR.fullmatch(nxt.surface)):
        return None  # "5 in 2019", "12 in ten cities"
    second = read_part(text, nxt, lexicon, hl)
    if second is None or second.unit is not None or second.end != nxt.end:
        return None
    value = small / big
    return first._replace(low=value, high=value, end=second.end)


def cents(
    text: str, first: Part, nxt: NumberMatch, lexicon: Lexicon | None, hl: hd.HedgeLex
) -> Part | None:
    """ "3 dollars 50 cents", "$20 and 43c", "15 dollars 50.": hundredths after money."""
    assert first.unit is not None
    gap = _COMPOUND.match(text, first.end)
    if first.unit.unit in hl.hundredths or gap is None or gap.end() != nxt.start:
        return None
    if not (0 < nxt.low < 100 and nxt.low == nxt.high and float(nxt.low).is_integer()):
        return None
    minor = unit_after(text, nxt.end, lexicon)
    if minor is None and not CLAUSE_END.match(text, nxt.end):
        return None
    if minor is not None and minor.unit not in hl.hundredths:
        return None
    end = nxt.end if minor is None else minor.end
    value = first.low + nxt.low / 100
    return first._replace(low=value, high=value, end=end)


def _and_ends(text: str, pos: int) -> set[int]:
    """Where the next number may start after "and" or "and a" at ``pos``."""
    ends = set()
    for m in (_AND.match(text, pos), _AND_FRACTION.match(text, pos)):
        if m is not None:
            ends.add(m.end())
    return ends


def _ratio(big: str, small: str, lexicon: Lexicon | None) -> float | None:
    """How many ``small`` make one ``big`` (same dimension), ``None`` when not comparable."""
    if big == small:
        return None
    a, b = units.to_base(1.0, big, lexicon=lexicon), units.to_base(1.0, small, lexicon=lexicon)
    if a is None or b is None or a[1] != b[1] or b[0] == 0:
        return None
    return a[0] / b[0]
