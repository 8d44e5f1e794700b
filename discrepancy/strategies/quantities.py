"""Hypothesis strategies for counts, hedged amounts and the ways English writes them.

``counts()`` and ``amounts()`` generate values; ``spellings(n)`` writes one count in
digits or words; ``phrasings(values)`` writes whole hedged amounts ("more than two
hundred", "between 20 and 30") together with the ``Interval`` they mean, so that a
parser can be checked with ``parse(p.text) == p.value``.

>>> from hypothesis import find
>>> find(phrasings(amounts(max_value=50)), lambda p: p.value.high is None).value.low >= 0
True
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from discrepancy.model import Interval

__all__ = [
    "Phrasing",
    "amounts",
    "counts",
    "news_texts",
    "phrasings",
    "spellings",
    "to_words",
]

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))

# Hedges and how they bound the number: (phrase, bound, inclusive, approximate).
_LOWER = (("more than", False), ("over", False), ("at least", True), ("no fewer than", True))
_UPPER = (("less than", False), ("fewer than", False), ("up to", True), ("no more than", True))
_ABOUT = ("about", "around", "roughly", "approximately", "some")


# Pieces of news-like text for ``news_texts``: number words and digits, units, articles,
# hedges, idioms, and characters whose case or digit value is unusual.
_PIECES = (
    *_ONES[:13],
    "twenty",
    "hundred",
    "thousand",
    "million",
    "bn",
    "dozens",
    "half",
    "a",
    "an",
    "A",
    "An",
    "a few",
    "a couple of",
    "at one point",
    "no one",
    "one-on-one",
    "more than",
    "between",
    "and",
    "to",
    "-",
    "in",
    "out of",
    "per",
    "over",
    "km",
    "miles",
    "hour",
    "minute",
    "years",
    "m",
    "%",
    "$",
    "US$",
    "MUSD",
    "people",
    "killed",
    "someone",
    "often",
    "the",
    "½",
    "21st",
    "1,200",
    "3.5",
    "2019",
    "04:17",
    "5/17/2018",
    "12,34,567",
    "-5",
    ".5",
    "\u22123",
    "\u0663",
    "\u017f",
    "\u212a",
    "\u0130",
    "\u2019s",
    "caf\u00e9",
)


def news_texts(*, max_pieces: int = 40) -> st.SearchStrategy[str]:
    """Texts built from news-like pieces (numbers, units, hedges, odd characters).

    >>> from hypothesis import find
    >>> "1,200" in find(news_texts(), lambda t: "1,200" in t)
    True
    """
    piece = st.one_of(st.sampled_from(_PIECES), st.integers(0, 10**6).map(str))
    gap = st.sampled_from([" ", " ", " ", "", "-", ", ", ". ", "\n", "\t", "  ", "/"])
    return st.lists(st.tuples(piece, gap), max_size=max_pieces).map(
        lambda parts: "".join(p + g for p, g in parts)
    )


@attrs.frozen(kw_only=True)
class Phrasing:
    """A text that states ``value`` and nothing else."""

    text: str
    value: Interval


def to_words(n: int, *, british: bool = False) -> str:
    """``n`` (0 <= n < 10**15) in English words, with "and" after hundreds if ``british``.

    >>> to_words(1205), to_words(1205, british=True)
    ('one thousand two hundred five', 'one thousand two hundred and five')
    >>> to_words(53_000_000_021)
    'fifty-three billion twenty-one'
    """
    if n < 0 or n >= 10**15:
        raise ValueError(f"out of range: {n}")
    if n == 0:
        return "zero"
    parts: list[str] = []
    for size, name in _SCALES:
        if n >= size:
            parts.append(f"{_under_thousand(n // size, british)} {name}")
            n %= size
    if n:
        parts.append(_under_thousand(n, british))
    return " ".join(parts)


def _under_thousand(n: int, british: bool) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest:
        if words and british:
            words.append("and")
        words.append(_ONES[rest] if rest < 20 else _tens(rest))
    return " ".join(words)


def _tens(n: int) -> str:
    tens, ones = divmod(n, 10)
    return _TENS[tens] if not ones else f"{_TENS[tens]}-{_ONES[ones]}"


def counts(*, min_value: int = 0, max_value: int = 10**12) -> st.SearchStrategy[int]:
    """Whole counts, small ones more often (death tolls, strikes, people)."""
    small = st.integers(min_value=min_value, max_value=min(max_value, 1000))
    return st.one_of(small, st.integers(min_value=min_value, max_value=max_value))


def spellings(n: int, *, words: bool = True) -> st.SearchStrategy[str]:
    """The ways to write the count ``n``: digits, grouped digits, words, "1.5 million"."""
    forms = [str(n), f"{n:,}"]
    if words:
        forms += [to_words(n), to_words(n, british=True)]
    for size, name in _SCALES[:3]:
        if size <= n < 1000 * size and (n * 10) % size == 0:
            head = n / size
            forms.append(f"{head:g} {name}")
    return st.sampled_from(sorted(set(forms)))


def amounts(*, max_value: int = 10**9) -> st.SearchStrategy[Interval]:
    """Bare-count intervals: exact, about, lower and upper bounds, closed ranges."""
    n = counts(min_value=0, max_value=max_value)
    pairs = st.tuples(n, n).filter(lambda p: p[0] < p[1])
    return st.one_of(
        n.map(lambda x: Interval(low=x, high=x)),
        n.map(lambda x: Interval(low=x, high=x, approximate=True)),
        st.tuples(n, st.booleans()).map(
            lambda t: Interval(low=t[0], high=None, low_inclusive=t[1])
        ),
        st.tuples(n, st.booleans()).map(
            lambda t: Interval(low=None, high=t[0], high_inclusive=t[1])
        ),
        pairs.map(lambda p: Interval(low=p[0], high=p[1])),
    )


def phrasings(values: st.SearchStrategy[Interval]) -> st.SearchStrategy[Phrasing]:
    """English texts for generated bare-count ``values`` (each text states its value)."""
    return values.flatmap(_phrase)


def _phrase(value: Interval) -> st.SearchStrategy[Phrasing]:
    low, high = _int(value.low), _int(value.high)
    if low is not None and high is not None and low != high:
        return st.one_of(
            st.tuples(spellings(low, words=False), spellings(high, words=False)).map(
                lambda t: f"between {t[0]} and {t[1]}"
            ),
            st.tuples(spellings(low), spellings(high)).map(lambda t: f"from {t[0]} to {t[1]}"),
            st.just(f"{low}-{high}"),
        ).map(lambda text: Phrasing(text=text, value=value))
    if low is not None and high is not None:
        hedges = _ABOUT if value.approximate else ("", "exactly")
        return _hedged(hedges, low, value)
    if low is not None:
        return _hedged(tuple(p for p, inc in _LOWER if inc == value.low_inclusive), low, value)
    assert high is not None
    return _hedged(tuple(p for p, inc in _UPPER if inc == value.high_inclusive), high, value)


def _hedged(hedges: tuple[str, ...], n: int, value: Interval) -> st.SearchStrategy[Phrasing]:
    return st.tuples(st.sampled_from(hedges), spellings(n)).map(
        lambda t: Phrasing(text=f"{t[0]} {t[1]}".strip(), value=value)
    )


def _int(x: float | None) -> int | None:
    return None if x is None else int(x)
