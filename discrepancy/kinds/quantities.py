"""Numbers, hedged amounts, ranges, measures, durations, percentages and money.

``find`` builds each mention from the numbers of ``numbers.scan``: a currency before it,
a unit or percent after it (``units``), a hedge before or after it ("over 200",
"200+"), a second number that makes a range ("between 20 and 30", "10-20 km", "from -18 to -34"),
a share ("1 in 5", "two out of three"), amounts in pieces ("1 hour thirty", "$3 and 14
cents"), and returns one ``Mention`` per stretch of text, its value an ``Interval``.

Conventions kept where some peer suites differ: ranges include both ends ("between 20 and
30" is [20, 30]); hedges bound the value ("more than $247 million" is a range); a sign or
word shared by several countries names the family ("£5" is "pound_currency", "Rs 20" is
"rupee"); a spaced minus is a sign only before a temperature (a "- 20 people" line is a
list item).

>>> [(m.surface, m.kind, m.low, m.high, m.low_inclusive) for m in find("over 200 strikes")]
[('over 200', 'range', 200.0, None, False)]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

import attrs

from discrepancy.kinds import _anchors as anchors
from discrepancy.kinds import _compound as cp
from discrepancy.kinds import _hedges as hd
from discrepancy.kinds import units
from discrepancy.kinds._numlex import resolve as resolve_numbers
from discrepancy.kinds._numlex import trie_pattern
from discrepancy.kinds._parts import PERCENT, Part, read_part, unit_after
from discrepancy.kinds._unit_table import HYPHENS, SPACE
from discrepancy.kinds.numbers import NumberMatch, merge_free, scan_lower
from discrepancy.lexicon import Lexicon, default_lexicon
from discrepancy.model import Interval, Mention

__all__ = ["find", "parse"]

_ARTICLE_UNIT = re.compile(r"(?<![A-Za-z])(?P<a>an?)[ \t-]{1,3}(?P<w>[A-Za-z]+)", re.I)
_WORD = re.compile(r"[A-Za-z]+")
# a second word after the first one of a unit's surface ("russian ruble")
_SECOND = re.compile(f"(?:{SPACE}+|[{HYPHENS}])(?P<w>[A-Za-z]+)")
_THE = re.compile(r"(?<![A-Za-z])the[ \t]{1,3}\Z", re.I)


def find(
    text: str, *, lexicon: Lexicon | None = None, reference_date: dt.date | None = None
) -> list[Mention]:
    """Every numeric mention in ``text``, in order, not overlapping.

    >>> [(m.surface, m.low, m.high) for m in find("between 20 and 30, about 200")]
    [('between 20 and 30', 20.0, 30.0), ('about 200', 200.0, 200.0)]
    """
    hl = hd.resolve(lexicon)
    lower, safe = anchors.lowered(text)
    starts = _starts(lower, lexicon) if safe else None
    nums = scan_lower(text, lower, lexicon=lexicon, keep_glued=True, safe=safe, starts=starts)
    nums = _with_articles(text, lower if safe else None, starts, nums, lexicon)
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


def _starts(lower: str, lexicon: Lexicon | None) -> list[int] | None:
    """Where a number word, an approximate count or an article before a unit may start in
    ``lower`` (and some more places), ``None`` when the text holds a character that
    begins one as a non-letter (see ``anchors.word_starts``)."""
    pattern, odd = _openings(lexicon or default_lexicon())
    if any(c in lower for c in odd):
        return None
    return anchors.starts_in(pattern, anchors.letters_only(lower))


@functools.cache
def _openings(lexicon: Lexicon) -> tuple[re.Pattern[bytes], str]:
    """``anchors.letters_pattern`` of what ``_starts`` looks for, read in one pass."""
    nl = resolve_numbers(lexicon)
    words = [*_unit_words(lexicon), "a", "an"]
    articles = [f"{a} {w}" for a in ("a", "an") for w in words]
    return anchors.letters_pattern({*nl.words, *nl.idioms, *nl.counts, *articles}, " +")


def _with_articles(
    text: str,
    lower: str | None,
    starts: list[int] | None,
    nums: list[NumberMatch],
    lexicon: Lexicon | None,
) -> list[NumberMatch]:
    """Add "a"/"an" as the number 1 where a unit follows ("less than a minute").

    ``lower`` is the lower-cased text when it may stand for the text (``anchors.safe``),
    ``starts`` then where the articles may start (``_starts``) if known.
    """
    extra = []
    lex = lexicon or default_lexicon()
    first_words = _unit_words(lex)
    if lower is None:
        found: Iterable[re.Match[str]] = _ARTICLE_UNIT.finditer(text)
    elif starts is None:
        found = _article_unit(lex).finditer(lower)
    else:
        found = anchors.matches_at(_article_unit(lex), lower, starts)
    for m in found:
        if m.group("w").lower() not in first_words:
            continue  # cheap test before asking units
        unit = unit_after(text, m.end("a"), lexicon)
        if unit is None or unit.end - unit.start < 2 or unit.kind == PERCENT:
            continue
        start, end = m.start("a"), m.end("a")
        extra.append(NumberMatch(start=start, end=end, surface=text[start:end], low=1, high=1))
    return merge_free(nums, extra) if extra else nums


@functools.cache
def _unit_words(lexicon: Lexicon) -> frozenset[str]:
    """The first words of the units' surfaces, lower-cased (from ``units.surfaces``)."""
    return frozenset(_second_words(lexicon))


@functools.cache
def _second_words(lexicon: Lexicon) -> dict[str, frozenset[str] | None]:
    """The first words of the units' surfaces (lower-cased), each with the second words
    that must follow it (lower-cased leading letters), ``None`` when it may stand alone.

    Every first word may stand alone when some surface starts with a character that may
    separate "a" from the word: the unit would then not start at the word.
    """
    seconds: dict[str, set[str] | None] = {}
    after = [s.surface for s in units.surfaces(lexicon=lexicon) if s.side == "after"]
    alone = any(surface[:1] in " \t-" for surface in after)
    for surface in after:
        first = _WORD.match(surface)
        if first is None:
            continue
        word = first.group().lower()
        second = None if alone else _SECOND.match(surface, first.end())
        known = seconds.setdefault(word, set())
        if second is None:
            seconds[word] = None
        elif known is not None:
            known.add(second.group("w").lower())
    return {w: None if s is None else frozenset(s) for w, s in seconds.items()}


@functools.cache
def _article_unit(lexicon: Lexicon) -> re.Pattern[str]:
    """``_ARTICLE_UNIT`` for lower-cased text (see ``anchors.safe``), led by a literal and
    matching only words that may begin a unit's surface (``_second_words``), or "a"/"an"
    (which ``_ARTICLE_UNIT`` reads as a word too: the next article starts after it)."""
    ends = {
        word: "(?![a-z])"
        if seconds is None
        else f"(?![a-z])(?=(?:{SPACE}+|[{HYPHENS}])(?:{trie_pattern(sorted(seconds))}))"
        for word, seconds in _second_words(lexicon).items()
    }
    words = trie_pattern(dict(sorted(ends.items()))) or "(?!)"
    return re.compile(r"(?P<a>a(?<![a-z]a)n?)[ \t-]{1,3}(?P<w>" + words + r"|an?(?![a-z]))")


def _compose(
    text: str, nums: list[NumberMatch], i: int, hl: hd.HedgeLex, lexicon: Lexicon | None
) -> tuple[Mention | None, int]:
    first = read_part(text, nums[i], lexicon, hl)
    if first is None:
        return None, i + 1
    if first.num.ordinal:
        return _mention(text, first.start, first.end, first, None, hl), i + 1
    if first.unit is not None and first.unit.kind == "currency" and i + 1 < len(nums):
        cents = cp.cents(text, first, nums[i + 1], lexicon, hl)
        if cents is not None:
            return _mention(text, cents.start, cents.end, cents, None, hl), i + 2
    if first.unit is not None and first.unit.kind in {"duration", "dimension"}:
        extended = cp.extend(text, nums, i, first, lexicon, hl)
        if extended is not None:
            part, j = extended
            return _mention(text, part.start, part.end, part, None, hl), j
    if first.unit is None and i + 1 < len(nums):
        ratio = cp.ratio_of(text, first, nums[i + 1], lexicon, hl)
        if ratio is not None:
            return _mention(text, ratio.start, ratio.end, ratio, None, hl), i + 2
    hedged = hd.hedge_after(hl, text, first.end)
    suffix = hedged
    if suffix is not None and i + 1 < len(nums) and nums[i + 1].start - suffix[0] <= 3:
        suffix = None  # "five plus three": arithmetic, not a hedge
    if suffix is None and i + 1 < len(nums):
        second = _range_end(text, first, nums[i + 1], hl, lexicon)
        if second is not None:
            return _range(text, first, second, hl), i + 2
    return _mention(text, first.start, first.end, first, None, hl, known_after=(hedged,)), i + 1


def _range_end(
    text: str, first: Part, nxt: NumberMatch, hl: hd.HedgeLex, lexicon: Lexicon | None
) -> tuple[Part, str] | None:
    joiner = hl.joiner_re.match(text, first.end)
    if joiner is None or nxt.ordinal:
        return None
    second = read_part(text, nxt, lexicon, hl)
    if second is not None and second.start != joiner.end():
        hedge = hd.hedge_before(hl, text, second.start)  # "between 2 g and about 7 g"
        if hedge is not None and hedge[0] == joiner.end() and hedge[1].bound == "point":
            second = second._replace(start=joiner.end())
    if second is None or second.start != joiner.end():
        return None
    word = joiner.group("j").lower()
    if second.low <= first.high and not _descending(text, first, second, word, hl):
        return None
    if word in hl.approximate_joiners and not 0 < second.high <= 5 * first.low:
        return None
    if (
        word == "and"
        and hd.hedge_before(hl, text, first.start) is None
        and hl.between_re.search(text, max(0, first.start - 20), first.start) is None
    ):
        return None
    a, b = first.unit, second.unit
    if a is not None and b is not None and not _same_or_rate(a.unit, b.unit):
        return None
    if a is not None and b is None and "_per_" in a.unit:
        return None
    return second, word


def _same_or_rate(a: str, b: str) -> bool:
    """Same units, or a money unit and its rate ("$10-$20 an hour" is one rate)."""
    return a == b or b.startswith(f"{a}_per_")


def _descending(text: str, first: Part, second: Part, word: str, hl: hd.HedgeLex) -> bool:
    """ "from -18 to -34": a range written from its high end ("between"/"from" ... "to")."""
    if word not in {"to", "and"} or second.high >= first.low or first.low != first.high:
        return False
    return hl.between_re.search(text, max(0, first.start - 20), first.start) is not None


def _range(text: str, first: Part, second: tuple[Part, str], hl: hd.HedgeLex) -> Mention:
    part, word = second
    start = first.start
    between = hl.between_re.search(text, max(0, start - 20), start)
    if between is not None:
        start = between.start()
    unit = part.unit or first.unit
    low, high = min(first.low, part.low), max(first.high, part.high)
    merged = part._replace(low=low, high=high, unit=unit)
    approx = word in hl.approximate_joiners or first.num.approximate or part.num.approximate
    return _mention(text, start, part.end, merged, "range" if not approx else "approx", hl)


def _mention(
    text: str,
    start: int,
    end: int,
    part: Part,
    ranged: str | None,
    hl: hd.HedgeLex,
    *,
    known_after: tuple[tuple[int, hd.Hedge] | None] | None = None,
) -> Mention:
    """The mention of ``part`` with its hedges; ``known_after`` holds ``hedge_after`` at
    ``end`` when the caller has it."""
    low: float | None = part.low
    high: float | None = part.high
    low_inc, high_inc = True, part.num.high_inclusive
    approx = part.num.approximate or ranged == "approx"
    before = hd.hedge_before(hl, text, start)
    the = _THE.search(text, max(0, start - 8), start) if part.num.ordinal else None
    if before is None and the is not None:  # "higher than the tenth"
        before = hd.hedge_before(hl, text, the.start())
    if before is not None and text[max(0, before[0] - 8) : before[0]].rstrip()[-1:].isdigit():
        before = None  # "2000 over 3 years": a preposition between numbers
    if ranged:
        after = None
    else:
        after = hd.hedge_after(hl, text, end) if known_after is None else known_after[0]
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
        elif h.bound == "negative":
            low, high = (None if high is None else -high), (None if low is None else -low)
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


def _kind(part: Part, value: Interval) -> str:
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
    if b.start - a.end > 12:
        return False  # the cheapest test first
    one_sided = {(a.low is None), (b.low is None)} == {True, False}
    return one_sided and {(a.high is None), (b.high is None)} == {True, False} and a.unit == b.unit


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
