"""Numbers, hedged amounts, ranges, measures, durations, percentages and money.

``find`` builds each mention from the numbers of ``numbers.scan``: a currency before it,
a unit or percent after it (``units``), a hedge before or after it ("over 200",
"200+"), a second number that makes a range ("between 20 and 30", "10-20 km"), and
returns one ``Mention`` per stretch of text, its value an ``Interval``.

>>> [(m.surface, m.kind, m.low, m.high, m.low_inclusive) for m in find("over 200 strikes")]
[('over 200', 'range', 200.0, None, False)]
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from discrepancy.kinds import _hedges as hd
from discrepancy.kinds import units
from discrepancy.kinds.numbers import NumberMatch, merge_free, scan
from discrepancy.lexicon import Lexicon
from discrepancy.model import Interval, Mention

__all__ = ["find", "parse"]

_FRACTION_OF = re.compile(r"[ \t]+(?:of[ \t]+)?an?(?=[ \t])|[ \t]+of(?=[ \t])", re.I)
_AND_FRACTION = re.compile(r"[ \t]+and[ \t]+(?:an?[ \t]+)?", re.I)
_CLAUSE_END = re.compile(r"[ \t]*(?:[.,;:!?)]|\Z)")
_OF = re.compile(r"[ \t]+of(?![A-Za-z])", re.I)
_AND = re.compile(r"[ \t]+and[ \t]+", re.I)
_COMPOUND = re.compile(r"[ \t]*,?[ \t]*(?:and[ \t]+)?", re.I)
_ARTICLE_UNIT = re.compile(r"(?<![A-Za-z])(?:an?|one)(?=[ \t-])", re.I)
_PERCENT = "percent"
_WINDOW = 64
_BEFORE = 28


@attrs.frozen(kw_only=True)
class _Part:
    """One number with what surrounds it: currency before, unit or percent after."""

    num: NumberMatch
    start: int
    end: int
    low: float
    high: float
    unit: units.UnitMatch | None


def find(
    text: str, *, lexicon: Lexicon | None = None, reference_date: dt.date | None = None
) -> list[Mention]:
    """Every numeric mention in ``text``, in order, not overlapping.

    >>> [(m.surface, m.low, m.high) for m in find("between 20 and 30, about 200")]
    [('between 20 and 30', 20.0, 30.0), ('about 200', 200.0, 200.0)]
    """
    hl = hd.resolve(lexicon)
    nums = _with_articles(text, scan(text, lexicon=lexicon, keep_glued=True), lexicon)
    out: list[Mention] = []
    i = 0
    while i < len(nums):
        if out and nums[i].start < out[-1].end:
            i += 1
            continue
        mention, i = _compose(text, nums, i, hl, lexicon)
        if mention is not None:
            out.append(mention)
    return _pair_bounds(text, out, hl)


def _with_articles(
    text: str, nums: list[NumberMatch], lexicon: Lexicon | None
) -> list[NumberMatch]:
    """Add "a"/"an" as the number 1 where a unit follows ("less than a minute")."""
    extra = []
    for m in _ARTICLE_UNIT.finditer(text):
        if m.group().lower() == "one":
            continue
        unit = _unit_after(text, m.end(), lexicon)
        if unit is None or unit.end - unit.start < 2 or unit.kind == _PERCENT:
            continue
        extra.append(NumberMatch(start=m.start(), end=m.end(), surface=m.group(), low=1, high=1))
    return merge_free(nums, extra) if extra else nums


def _unit_after(text: str, pos: int, lexicon: Lexicon | None) -> units.UnitMatch | None:
    """``units.unit_after`` over a window of the text (its cost must not grow with the text)."""
    found = units.unit_after(text[pos : pos + _WINDOW], 0, lexicon=lexicon)
    return (
        None if found is None else attrs.evolve(found, start=found.start + pos, end=found.end + pos)
    )


def _currency_before(text: str, pos: int, lexicon: Lexicon | None) -> units.UnitMatch | None:
    """``units.currency_before`` over a window of the text before ``pos``."""
    lead = max(0, pos - _BEFORE)
    found = units.currency_before(text[lead : pos + _BEFORE], pos - lead, lexicon=lexicon)
    if found is None:
        return None
    return attrs.evolve(found, start=found.start + lead, end=found.end + lead)


def _part(text: str, num: NumberMatch, lexicon: Lexicon | None, hl: hd.HedgeLex) -> _Part | None:
    """The number with its currency and unit, ``None`` for designators ("F-16", "MH17")."""
    currency = _currency_before(text, num.start, lexicon)
    if (num.letter_before or num.designator) and currency is None:
        return None
    low, high, end = num.low, num.high, num.end
    if currency is not None and num.money_scale is not None and num.money_end is not None:
        low, high, end = low * num.money_scale, high * num.money_scale, num.money_end
    unit = None if num.ordinal else _unit_after(text, end, lexicon)
    fraction = not num.digits and not float(num.high).is_integer()
    if unit is None and ((num.ordinal and num.low > 2) or 0 < num.high < 1 or fraction):
        of = _FRACTION_OF.match(text, end)  # "half an hour", "a tenth of a gallon"
        if of is not None:
            unit = _unit_after(text, of.end(), lexicon)
        if unit is not None and num.ordinal:
            low = high = 1 / num.low
            num = attrs.evolve(num, ordinal=False, low=low, high=high)
    if unit is not None and currency is not None and unit.kind != "currency":
        unit = None
    if unit is None and currency is None and not num.ordinal:
        pct = hl.percent_re.match(text, end)
        if pct is not None:
            unit = units.UnitMatch(
                start=pct.start(), end=pct.end(), surface=pct.group(), unit=_PERCENT, kind=_PERCENT
            )
    if unit is None and currency is None and not num.ordinal:
        pct = hl.percent_before_re.search(text, max(0, num.start - 24), num.start)
        if pct is not None:  # "per cent of 210"
            unit = units.UnitMatch(
                start=pct.start(), end=pct.end(), surface=pct.group(), unit=_PERCENT, kind=_PERCENT
            )
    if unit is None and currency is not None:
        unit = currency
    if unit is None and text[end : end + 1].isalpha():
        return None  # "2pm", "3D": glued letters that are not a unit
    lead = currency if currency is not None else unit
    start = num.start if lead is None or lead.start > num.start else lead.start
    stop = max(end, unit.end) if unit is not None else end
    return _Part(num=num, start=start, end=stop, low=low, high=high, unit=unit)


def _compose(
    text: str, nums: list[NumberMatch], i: int, hl: hd.HedgeLex, lexicon: Lexicon | None
) -> tuple[Mention | None, int]:
    first = _part(text, nums[i], lexicon, hl)
    if first is None:
        return None, i + 1
    if first.num.ordinal:
        return _mention(text, first.start, first.end, first, None, hl), i + 1
    if first.unit is not None and first.unit.kind == "currency" and i + 1 < len(nums):
        cents = _cents(text, first, nums[i + 1], lexicon, hl)
        if cents is not None:
            return _mention(text, cents.start, cents.end, cents, None, hl), i + 2
    if first.unit is not None and first.unit.kind in {"duration", "dimension"}:
        extended = _extend(text, nums, i, first, lexicon, hl)
        if extended is not None:
            part, j = extended
            return _mention(text, part.start, part.end, part, None, hl), j
    if first.unit is None and i + 1 < len(nums):
        ratio = _ratio_of(text, first, nums[i + 1], lexicon, hl)
        if ratio is not None:
            return _mention(text, ratio.start, ratio.end, ratio, None, hl), i + 2
    suffix = hd.hedge_after(hl, text, first.end)
    if suffix is not None and i + 1 < len(nums) and nums[i + 1].start - suffix[0] <= 3:
        suffix = None  # "five plus three": arithmetic, not a hedge
    if suffix is None and i + 1 < len(nums):
        second = _range_end(text, first, nums[i + 1], hl, lexicon)
        if second is not None:
            return _range(text, first, second, hl), i + 2
    return _mention(text, first.start, first.end, first, None, hl), i + 1


def _extend(
    text: str,
    nums: list[NumberMatch],
    i: int,
    first: _Part,
    lexicon: Lexicon | None,
    hl: hd.HedgeLex,
) -> tuple[_Part, int] | None:
    """ "an hour and a half", "2 years and 3 months", "5 feet 2 inches": one amount."""
    part, j = first, i + 1
    while j < len(nums) and part.unit is not None:
        nxt = nums[j]
        if (
            nxt.start in _and_ends(text, part.end)
            and 0 < nxt.high < 1
            and _unit_after(text, nxt.end, lexicon) is None
            and not _OF.match(text, nxt.end)
        ):
            value = part.low + nxt.low
            part = attrs.evolve(part, low=value, high=value, end=nxt.end)
            j += 1
            continue
        gap = _COMPOUND.match(text, part.end)
        second = (
            _part(text, nxt, lexicon, hl) if gap is not None and gap.end() == nxt.start else None
        )
        unit_a = part.unit.unit if part.unit is not None else ""
        ratio = _ratio(unit_a, second.unit.unit, lexicon) if second and second.unit else None
        if second is None or second.unit is None or ratio is None or not ratio > 1:
            break
        value = part.low * ratio + second.low
        part = attrs.evolve(second, start=part.start, low=value, high=value)
        j += 1
    return None if j == i + 1 else (part, j)


def _ratio_of(
    text: str, first: _Part, nxt: NumberMatch, lexicon: Lexicon | None, hl: hd.HedgeLex
) -> _Part | None:
    """ "one over three", "2000 over 3" at the end of a clause: a fraction."""
    joiner = hl.ratio_re.match(text, first.end)
    if joiner is None or joiner.end() != nxt.start or nxt.ordinal or nxt.low != nxt.high:
        return None
    second = _part(text, nxt, lexicon, hl)
    if second is None or second.unit is not None or not nxt.low:
        return None
    if not _CLAUSE_END.match(text, second.end) or first.num.approximate:
        return None
    value = first.low / nxt.low
    return attrs.evolve(first, low=value, high=value, end=second.end)


def _cents(
    text: str, first: _Part, nxt: NumberMatch, lexicon: Lexicon | None, hl: hd.HedgeLex
) -> _Part | None:
    """ "3 dollars 50 cents", "$20 and 43c", "15 dollars 50.": hundredths after money."""
    assert first.unit is not None
    gap = _COMPOUND.match(text, first.end)
    if first.unit.unit in hl.hundredths or gap is None or gap.end() != nxt.start:
        return None
    if not (0 < nxt.low < 100 and nxt.low == nxt.high and float(nxt.low).is_integer()):
        return None
    second = _part(text, nxt, lexicon, hl)
    if second is None or second.start != nxt.start:
        return None
    if second.unit is None:
        if not _CLAUSE_END.match(text, second.end):
            return None
    elif second.unit.unit not in hl.hundredths:
        return None
    value = first.low + nxt.low / 100
    return attrs.evolve(first, low=value, high=value, end=second.end)


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


def _range_end(
    text: str, first: _Part, nxt: NumberMatch, hl: hd.HedgeLex, lexicon: Lexicon | None
) -> tuple[_Part, str] | None:
    joiner = hl.joiner_re.match(text, first.end)
    if joiner is None or nxt.ordinal:
        return None
    second = _part(text, nxt, lexicon, hl)
    if second is not None and second.start != joiner.end():
        hedge = hd.hedge_before(hl, text, second.start)  # "between 2 g and about 7 g"
        if hedge is not None and hedge[0] == joiner.end() and hedge[1].bound == "point":
            second = attrs.evolve(second, start=joiner.end())
    if second is None or second.start != joiner.end() or second.low <= first.high:
        return None
    word = joiner.group("j").lower()
    if word in hl.approximate_joiners and not 0 < second.high <= 5 * first.low:
        return None
    if (
        word == "and"
        and hd.hedge_before(hl, text, first.start) is None
        and hl.between_re.search(text, max(0, first.start - 20), first.start) is None
    ):
        return None
    a, b = first.unit, second.unit
    if a is not None and b is not None and a.unit != b.unit:
        return None
    return second, word


def _range(text: str, first: _Part, second: tuple[_Part, str], hl: hd.HedgeLex) -> Mention:
    part, word = second
    start = first.start
    between = hl.between_re.search(text, max(0, start - 20), start)
    if between is not None:
        start = between.start()
    unit = part.unit or first.unit
    merged = attrs.evolve(part, low=first.low, high=part.high, unit=unit)
    approx = word in hl.approximate_joiners or first.num.approximate or part.num.approximate
    return _mention(text, start, part.end, merged, "range" if not approx else "approx", hl)


def _mention(
    text: str, start: int, end: int, part: _Part, ranged: str | None, hl: hd.HedgeLex
) -> Mention:
    low: float | None = part.low
    high: float | None = part.high
    low_inc, high_inc = True, part.num.high_inclusive
    approx = part.num.approximate or ranged == "approx"
    before = hd.hedge_before(hl, text, start)
    if before is not None and text[max(0, before[0] - 8) : before[0]].rstrip()[-1:].isdigit():
        before = None  # "2000 over 3 years": a preposition between numbers
    after = None if ranged else hd.hedge_after(hl, text, end)
    bounded = before is not None and before[1].bound != "point"
    if after is not None and (after[1].bound == "inclusive") != bounded:
        after = None  # "or equal" needs a bound before; "or more" must not follow one
    for hedge in (before, after):
        if hedge is None:
            continue
        where, h = hedge
        if ranged and h.bound != "point":
            continue
        start, end = (min(start, where), end) if hedge is before else (start, max(end, where))
        approx = approx or h.approximate
        if h.bound == "inclusive":
            low_inc = high_inc = True
        elif h.bound == "low":
            high, high_inc, low_inc = None, True, h.inclusive
        elif h.bound == "high":
            low, low_inc, high, high_inc = None, True, part.high, h.inclusive
    unit = part.unit
    value = Interval(
        low=low,
        high=high,
        low_inclusive=low_inc,
        high_inclusive=high_inc,
        approximate=approx,
        unit=unit.unit if unit is not None else None,
        unit_surface=unit.surface if unit is not None else None,
    )
    return Mention(
        start=start, end=end, surface=text[start:end], kind=_kind(part, value), value=value
    )


def _kind(part: _Part, value: Interval) -> str:
    if value.low != value.high:
        return "range"
    if part.unit is not None:
        return part.unit.kind
    return "ordinal" if part.num.ordinal else "number"


def _pair_bounds(text: str, found: list[Mention], hl: hd.HedgeLex) -> list[Mention]:
    """Join "more than 10 and less than 40" (a lower and an upper bound) into one range."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and _pairs(prev, m) and hl.pair_re.fullmatch(text, prev.end, m.start):
            a, b = (prev, m) if prev.high is None else (m, prev)
            old = a.value
            if (
                isinstance(old, Interval)
                and old.low is not None
                and b.high is not None
                and old.low < b.high
            ):
                value = attrs.evolve(old, high=b.high, high_inclusive=b.high_inclusive)
                out[-1] = Mention(
                    start=prev.start,
                    end=m.end,
                    surface=text[prev.start : m.end],
                    kind="range",
                    value=value,
                )
                continue
        out.append(m)
    return out


def _pairs(a: Mention, b: Mention) -> bool:
    one_sided = {(a.low is None), (b.low is None)} == {True, False}
    return (
        one_sided
        and {(a.high is None), (b.high is None)} == {True, False}
        and a.unit == b.unit
        and b.start - a.end <= 12
    )


def parse(text: str, *, lexicon: Lexicon | None = None) -> Interval | None:
    """One surface to its interval, ``None`` on junk or when it is not one quantity.

    >>> str(parse("more than 200"))
    'more than 200'
    >>> parse("nothing here") is None
    True
    """
    stripped = text.strip()
    if not stripped or len(stripped) > 1000:
        return None
    found = find(stripped, lexicon=lexicon)
    if len(found) != 1 or found[0].surface != stripped:
        return None
    value = found[0].value
    return value if isinstance(value, Interval) else None
