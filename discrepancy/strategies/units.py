"""Hypothesis strategies for units of measure, currencies and how they are written.

>>> from hypothesis import find
>>> phrasing = find(unit_phrasings(), lambda p: True)
>>> phrasing.text[phrasing.start : phrasing.end] in phrasing.text
True
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from discrepancy.kinds import units as units_module
from discrepancy.lexicon import Lexicon

__all__ = [
    "UnitPhrasing",
    "currency_phrasings",
    "unit_phrasings",
    "unit_surfaces",
    "units",
]

_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**9).map(str),
    st.builds("{}.{}".format, st.integers(0, 9999), st.integers(0, 99)),
    st.builds("{:,}".format, st.integers(min_value=1000, max_value=10**12)),
)
_SCALES = st.sampled_from(["million", "billion", "bn", "trillion", "thousand"])
# What may follow a unit without forming a longer one, or a number without extending it.
_AFTER_ANY = st.sampled_from(["", ".", ",", ";", ")", " and more", " here", "\n"])
_AFTER_AMBIGUOUS = st.sampled_from(["", ".", ",", ";", ")", " .", "\n"])
_LEADS = st.sampled_from(["", "paid ", "(", "costs: ", "\n"])


@attrs.frozen(kw_only=True)
class UnitPhrasing:
    """A text with a unit next to a number: ``text[start:end]`` is the unit's surface.

    ``pos`` is where the number ends (for a unit after it) or starts (for a currency
    before it).
    """

    text: str
    pos: int
    start: int
    end: int
    unit: str


def units(
    *, kinds: frozenset[str] | None = None, lexicon: Lexicon | None = None
) -> st.SearchStrategy[str]:
    """Canonical unit names from the lexicon, optionally only of some kinds.

    >>> from hypothesis import find
    >>> units_module.unit_info(find(units(kinds=frozenset({"percent"})), bool)).kind
    'percent'
    """
    names = sorted(
        {
            s.unit
            for s in units_module.surfaces(lexicon=lexicon)
            if kinds is None or _kind(s.unit, lexicon) in kinds
        }
    )
    return st.sampled_from(names)


def unit_surfaces(
    *, side: str = "after", lexicon: Lexicon | None = None
) -> st.SearchStrategy[units_module.UnitSurface]:
    """Surfaces the lexicon lists on ``side`` ("after" or "before") of a number.

    >>> from hypothesis import find
    >>> find(unit_surfaces(side="before"), lambda s: True).side
    'before'
    """
    found = [s for s in units_module.surfaces(lexicon=lexicon) if s.side == side]
    return st.sampled_from(sorted(found, key=lambda s: (s.unit, s.surface, s.scaled)))


def unit_phrasings(*, lexicon: Lexicon | None = None) -> st.SearchStrategy[UnitPhrasing]:
    """A number followed by one of the lexicon's unit surfaces, in a safe context.

    >>> from hypothesis import find
    >>> phrasing = find(unit_phrasings(), lambda p: " " in p.text)
    >>> units_module.unit_after(phrasing.text, phrasing.pos).unit == phrasing.unit
    True
    """
    return unit_surfaces(side="after", lexicon=lexicon).flatmap(_after_phrasings)


def currency_phrasings(*, lexicon: Lexicon | None = None) -> st.SearchStrategy[UnitPhrasing]:
    """A currency sign or code followed by a number.

    >>> from hypothesis import find
    >>> phrasing = find(currency_phrasings(), lambda p: True)
    >>> units_module.currency_before(phrasing.text, phrasing.pos).unit == phrasing.unit
    True
    """
    return unit_surfaces(side="before", lexicon=lexicon).flatmap(_before_phrasings)


def _kind(unit: str, lexicon: Lexicon | None) -> str:
    info = units_module.unit_info(unit, lexicon=lexicon)
    return info.kind if info is not None else ""


def _casings(surface: units_module.UnitSurface) -> st.SearchStrategy[str]:
    word = surface.surface
    if surface.cased or not word.isascii():
        return st.just(word)
    return st.sampled_from([word, word.upper(), word.title(), word.capitalize()])


def _separators(surface: units_module.UnitSurface) -> st.SearchStrategy[str]:
    if surface.ambiguous or surface.scaled:
        return st.sampled_from(["", " "])
    return st.sampled_from(["", " ", "  ", "-", "\u00a0"])


def _after_phrasings(surface: units_module.UnitSurface) -> st.SearchStrategy[UnitPhrasing]:
    number = st.builds("{} {}".format, _NUMBERS, _SCALES) if surface.scaled else _NUMBERS
    after = _AFTER_AMBIGUOUS if surface.ambiguous else _AFTER_ANY
    separator = st.just(" ") if surface.scaled else _separators(surface)
    return st.builds(
        _assemble_after, number, separator, _casings(surface), after, st.just(surface.unit)
    )


def _assemble_after(number: str, separator: str, word: str, after: str, unit: str) -> UnitPhrasing:
    start = len(number) + len(separator)
    text = f"{number}{separator}{word}{after}"
    return UnitPhrasing(text=text, pos=len(number), start=start, end=start + len(word), unit=unit)


def _before_phrasings(surface: units_module.UnitSurface) -> st.SearchStrategy[UnitPhrasing]:
    return st.builds(
        _assemble_before,
        _LEADS,
        _casings(surface),
        st.sampled_from(["", " "]),
        _NUMBERS,
        st.just(surface.unit),
    )


def _assemble_before(lead: str, word: str, separator: str, number: str, unit: str) -> UnitPhrasing:
    start = len(lead)
    pos = start + len(word) + len(separator)
    text = f"{lead}{word}{separator}{number}"
    return UnitPhrasing(text=text, pos=pos, start=start, end=start + len(word), unit=unit)
