"""Reading the dates of a whole text: everywhere (the oracle), or only near anchors (fast).

Every date holds an *anchor*: a digit or a date word of the lexicon (a month, a weekday, a
number word, "last", "yesterday", "week", a holiday's first word ...). Before its first
anchor a date has at most ``SPAN`` *prefix* words ("the", "from", "end", "of", "-" ...):
"from the end of the year", "in a couple of weeks". So the grammar need only be tried at an
anchor and at the run of prefix words just before it, and only at tokens some rule begins
with; one compiled regular expression finds the anchors (``_dates_anchors``, which also
skips anchors where no date can be), and only small windows of the text around them are
split into tokens. A window too narrow for a rule (a rule reading left of it) is widened
and read again; reading right of it reads on.
``find_everywhere`` tries every token of the whole text: the same result, slowly, kept as
the oracle the fast path is tested against.
"""

from __future__ import annotations

import datetime as dt
import functools
from bisect import bisect_left
from collections.abc import Iterator

from discrepancy.kinds import _dates_grammar as grammar
from discrepancy.kinds._dates_anchors import PREFIX, Anchors, anchors
from discrepancy.kinds._dates_heads import head, table
from discrepancy.kinds._dates_lex import Edge, Tokens, Words
from discrepancy.kinds._dates_scan import Scanner, value_of
from discrepancy.model import DateInterval, Mention

__all__ = ["PREFIX", "at", "find_everywhere", "find_near_anchors"]

SPAN = 10  # prefix words at most before an anchor
_GAP = 48  # anchors closer than this share a window
_LEFT = 24  # characters read left of a window's first anchor at first
_RIGHT = 16  # and right of its last (more is read on demand)


def at(s: Scanner, i: int) -> tuple[int, DateInterval | None]:
    """The longest date or range at token ``i``: where it ends (-1: none) and its value."""
    try:
        found = grammar.range_(s, i)
        one = grammar.single(s, i)
        if one is not None and (found is None or one[0] >= found[0]):
            return one[0], value_of(one[1], s.ref)
        if found is not None:
            return found[0], value_of(found[1], s.ref)
    except (OverflowError, ValueError):  # arithmetic past year 1 or 9999
        pass
    return -1, None


def find_everywhere(text: str, w: Words, ref: dt.date | None) -> list[Mention]:
    """Every date mention, trying the grammar at every token that may start one (slow).

    >>> from discrepancy.kinds._dates_lex import resolve_lexicon
    >>> [m.surface for m in find_everywhere("In 2015 and 2016", resolve_lexicon(None), None)]
    ['2015', '2016']
    """
    s = Scanner(Tokens(text), w, ref, every_rule=True)
    out: list[Mention] = []
    _scan(text, s, range(len(s.lows)), 0, out)
    return out


def find_near_anchors(text: str, w: Words, ref: dt.date | None) -> list[Mention]:
    """The same mentions as ``find_everywhere``, reading only windows around anchors.

    >>> from discrepancy.kinds._dates_lex import resolve_lexicon
    >>> [m.surface for m in find_near_anchors("In 2015 and 2016", resolve_lexicon(None), None)]
    ['2015', '2016']
    """
    a = anchors(w)
    out: list[Mention] = []
    pos = 0  # where the next date may begin: the end of the last one
    for spans in _windows(a.find(text)):
        lo, hi = spans[0][0], spans[-1][1]
        left = _LEFT
        while True:
            found: list[Mention] = []
            try:
                s = Scanner(Tokens(text, lo - left, hi + _RIGHT), w, ref)
                end = _scan(text, s, _candidates(s, a, spans), pos, found)
                break
            except Edge:
                left *= 2
        out += found
        pos = end
    return out


@functools.cache
def _beginnings(w: Words) -> frozenset[str]:
    """The tokens (as ``head`` writes them) some rule begins at, a date or a range's opener,
    among the lexicon's starters and numbers (the tokens ``find_everywhere`` tries)."""
    found = set(table(w, grammar.SINGLE)).union(table(w, grammar.ENDS), ("between", "from"))
    return frozenset(x for x in found if x in w.starters or x.startswith("#"))


def _windows(spans: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """The anchors' spans in groups, each less than ``_GAP`` from the next."""
    group: list[tuple[int, int]] = []
    for span in spans:
        if group and span[0] - group[-1][1] > _GAP:
            yield group
            group = []
        group.append(span)
    if group:
        yield group


def _candidates(s: Scanner, a: Anchors, spans: list[tuple[int, int]]) -> list[int]:
    """The tokens a date may begin at: each anchor of ``spans`` and the prefix words just
    before it."""
    out: set[int] = set()
    lows, words, prefix, starts = s.lows, a.words, a.prefix, s.t.starts
    for start, _ in spans:
        i = bisect_left(starts, start)
        if i == len(starts) or starts[i] != start or not (lows[i] in words or lows[i].isdigit()):
            continue
        first = i
        while first > i - SPAN and s.low(first - 1) in prefix:
            first -= 1
        out.update(range(first, i + 1))
    return sorted(out)


def _scan(text: str, s: Scanner, tokens: range | list[int], pos: int, out: list[Mention]) -> int:
    """Dates at ``tokens`` (in order) that begin at offset ``pos`` or later; returns where the
    last one ends (or ``pos``)."""
    lows, t = s.lows, s.t
    if s.every_rule:
        starters = s.w.starters
        tokens = [i for i in tokens if lows[i] in starters or lows[i].isdigit()]
    else:
        begins = _beginnings(s.w)
        tokens = [i for i in tokens if head(lows[i]) in begins]
    for i in tokens:
        if t.starts[i] < pos:
            continue
        end, value = at(s, i)
        if end < 0:
            continue
        start, pos = t.starts[i], t.ends[end - 1]
        if value is not None:
            out.append(
                Mention(start=start, end=pos, surface=text[start:pos], kind="date", value=value)
            )
    return pos
