"""Units of measure and currencies as written after (or before) a number.

The surface words live in ``discrepancy/data/units.toml`` (its header documents the
syntax); they are compiled once per lexicon into two regular expressions, one for what
follows a number and one for what precedes it.  Conversions go through pint, imported
lazily.

>>> m = unit_after("a 22-mile trip", 4)
>>> (m.surface, m.unit, m.kind)
('mile', 'mile', 'dimension')
>>> currency_before("US$ 4.7 billion", 4).unit
'USD'
>>> to_base(22, "mile")
(35405.568, 'meter')
"""

from __future__ import annotations

import functools
import math
import re

import attrs

from discrepancy.kinds._anchors import FOLDS_ONTO_ASCII
from discrepancy.kinds._unit_table import (
    LETTERS,
    SPACE,
    SPACE_CHARS,
    Alternation,
    Table,
    UnitInfo,
    compiled,
    fold,
    registry,
)
from discrepancy.lexicon import Lexicon, default_lexicon

__all__ = [
    "UnitInfo",
    "UnitMatch",
    "UnitSurface",
    "currency_before",
    "currency_may_end",
    "rate_after",
    "same_currency",
    "same_dimension",
    "scaled_code",
    "surfaces",
    "to_base",
    "unit_after",
    "unit_info",
]

_SEPARATOR = re.compile(f"[-\u2010\u2011]|{SPACE}{{0,3}}")
_PER = re.compile(f"{SPACE}*(?:/|(?i:per){SPACE}+|(?P<a>(?i:an?)){SPACE}+)")
_TIME_AGO = re.compile(
    f"{SPACE}+(?:earlier|ago|before|after|later|prior|previously|since)(?![^\\W\\d_])", re.I
)
_JOINERS = frozenset("-\u2010\u2011/.'\u2019&_")
_ASCII_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_ASCII_ALNUM_SET = frozenset(_ASCII_ALNUM)
_WINDOW = 48  # the most text read before or after a position: work is bounded per call


@attrs.frozen(kw_only=True, slots=False)  # made for every number: a dict class inits faster
class UnitMatch:
    """A unit written at ``text[start:end]``.

    ``unit`` is canonical: lower-case snake_case ("mile", "kilometer", "second",
    "degree_celsius", "square_kilometer"; ``to_base`` converts them, ``unit_info`` gives
    their pint expression), "percent", an ISO 4217 code or a generic money name
    ("dollar", "pound_currency", "cent"), or a rate "<unit>_per_<unit>"
    ("barrel_per_day").  ``kind`` is "dimension", "duration", "currency" or "percent".
    """

    start: int
    end: int
    surface: str
    unit: str
    kind: str


@attrs.frozen(kw_only=True)
class UnitSurface:
    """One way of writing a unit, as the data file lists it.

    ``side`` is "after" (follows the number) or "before" (a currency sign or code);
    ``cased`` surfaces match only as written, ``ambiguous`` ones only where nothing
    alphanumeric follows, ``scaled`` ones only after a scale word ("million").
    """

    surface: str
    unit: str
    side: str
    cased: bool = False
    ambiguous: bool = False
    scaled: bool = False


# ---------------------------------------------------------------- public functions


def unit_after(text: str, pos: int, *, lexicon: Lexicon | None = None) -> UnitMatch | None:
    """The unit written right after a number that ends at ``pos``, if any.

    Spaces (up to three) or one hyphen may separate them.  Ambiguous short surfaces
    ("in", "m", "C") count when glued to the number ("5in") or where no word follows
    them ("12 m.") but a measure word may ("12 m long").  Pass the whole text: the
    words just before ``pos`` matter ("20 million pounds" is money), and the work done
    does not grow with the text's length.

    >>> unit_after("22 miles off the coast", 2).unit
    'mile'
    >>> unit_after("35.4km", 4).unit
    'kilometer'
    >>> unit_after("5 in the morning", 1) is None
    True
    >>> unit_after("20 million pounds", 10).unit
    'pound_currency'
    """
    if not 0 <= pos <= len(text):
        return None
    table = compiled(lexicon or default_lexicon())
    sep = _SEPARATOR.match(text, pos)
    start = sep.end() if sep else pos
    hyphen = start > pos and text[pos] in "-\u2010\u2011"
    word = LETTERS.match(text, start, start + _WINDOW)
    if word is not None and not _may_open(table, word.group()):
        return None
    found = _plain_after(table, text, start, word, glued=start == pos, hyphen=hyphen)
    scaled = None if hyphen else _surface_at(table.scaled, text, start, word)
    longest = scaled is not None and (found is None or scaled.end() >= found[1])
    if scaled and longest and table.scale_end.search(text[max(0, pos - _WINDOW) : pos]):
        unit = table.surfaces.scaled[fold(scaled.group())]
        return _make(table, text, scaled.start(), scaled.end(), unit)
    if found is None:
        return None
    rate = _per(table, text, found[2], found[1])
    return _make(table, text, *(found if rate is None else (found[0], *rate)))


def _may_open(table: Table, word: str) -> bool:
    """False when no surface, plain or scaled, starts with the run of letters ``word``."""
    lower = word.lower()
    return lower in table.first_letters or not word.isascii() or table.scaled.may_open(lower)


def _per(table: Table, text: str, unit: str, end: int) -> tuple[int, str] | None:
    """A rate's second unit after the first: "barrels per day", "km/s", "tonnes a year"."""
    info = table.units.get(unit)
    per = _PER.match(text, end, end + _WINDOW)
    if per is None or info is None or info.kind == "percent" or "_per_" in unit:
        return None
    found = table.after.match(text, per.end(), per.end() + _WINDOW)
    if found is None:
        return None
    surface = found.group()
    other = table.units.get(table.unit(surface) or "")
    if other is None or other.kind not in {"dimension", "duration"} or "_per_" in other.name:
        return None
    if per.group("a") and other.kind != "duration" and info.kind != "currency":
        return None  # "tonnes a year", "dollars a barrel", but not "miles a piece"
    if per.group("a") and _TIME_AGO.match(text, found.end()):
        return None  # "$1.2 billion a year earlier": a time, not a rate
    if surface in table.surfaces.ambiguous and per.group().strip() != "/":
        return None
    return found.end(), f"{unit}_per_{other.name}"


def rate_after(
    text: str, pos: int, unit: str, *, lexicon: Lexicon | None = None
) -> UnitMatch | None:
    """The "per ..." part after an amount in ``unit`` that ends at ``pos``, as a rate.

    For amounts whose unit came before the number; the match covers only the part after
    ``pos`` and names the whole rate.

    >>> rate_after("$80 a barrel", 3, "dollar").unit
    'dollar_per_barrel'
    >>> rate_after("$15.4/hour", 5, "dollar").surface
    '/hour'
    >>> rate_after("$80 for a barrel", 3, "dollar") is None
    True
    """
    if not 0 <= pos <= len(text):
        return None
    table = compiled(lexicon or default_lexicon())
    if unit.split("_per_")[0] not in table.units:
        return None
    rate = _per(table, text, unit, pos)
    return None if rate is None else _make(table, text, pos, *rate)


def _surface_at(
    alternation: Alternation, text: str, start: int, word: re.Match[str] | None
) -> re.Match[str] | None:
    """``alternation`` matched at ``start``, where ``word`` is ``LETTERS`` matched there."""
    if word is not None and word.group().isascii():
        return alternation.match_word(text, start, start + _WINDOW, word.group().lower())
    return alternation.match(text, start, start + _WINDOW)


def _plain_after(
    table: Table, text: str, start: int, word: re.Match[str] | None, *, glued: bool, hyphen: bool
) -> tuple[int, int, str] | None:
    if word is not None and word.group().lower() not in table.first_letters:
        return None  # "15 people": no unit begins with these letters
    found = _surface_at(table.after, text, start, word)
    if found is None:
        return None
    surface = found.group()
    unit = table.unit(surface)
    if unit is None:
        return None
    if surface in table.surfaces.ambiguous and not _safe(
        table, text, found, glued=glued, hyphen=hyphen
    ):
        return None
    return found.start(), found.end(), unit


def _safe(table: Table, text: str, found: re.Match[str], *, glued: bool, hyphen: bool) -> bool:
    """Whether an ambiguous surface is a unit here (see the data file's header)."""
    if hyphen:
        return False
    surface, end = found.group(), found.end()
    scale = fold(surface) in table.scale_words
    if text[end : end + 1] in _JOINERS and text[end + 1 : end + 2].isalnum():
        # "200 L-39", "10 p.m.", "5 in/out" are not units; "a 300m-long ship" is one.
        hyphen_measure = text[end] in "-\u2010\u2011"
        return (
            hyphen_measure and table.measure_after.match(text, end + 1, end + _WINDOW) is not None
        )
    if glued and not scale:
        return True
    if _nothing_follows(text, end):
        return True
    # A capital is often a label ("Section 5 C of"), a scale word a number ("5 m and").
    label = scale or not surface.islower()
    following = table.measure_after if label else table.link_after
    return following.match(text, end, end + _WINDOW) is not None


def currency_before(text: str, pos: int, *, lexicon: Lexicon | None = None) -> UnitMatch | None:
    """A currency sign or code that ends at ``pos`` (spaces allowed before the number).

    >>> currency_before("paid $5", 6).unit
    'dollar'
    >>> currency_before("Rs. 20", 4).unit
    'rupee'
    >>> currency_before("USD115", 3).unit
    'USD'
    >>> currency_before("a 5", 2) is None
    True
    """
    if not 0 <= pos <= len(text):
        return None
    table = compiled(lexicon or default_lexicon())
    window = text[max(0, pos - _WINDOW) : pos][::-1]
    found = table.before_reversed.match(window, 0, len(window))
    if found is None:
        return None
    start, end = pos - found.end("cur"), pos - found.start("cur")
    surface, known = text[start:end], table.surfaces
    unit = known.before_exact.get(surface) or known.before_folded.get(fold(surface))
    return None if unit is None else _make(table, text, start, end, unit)


def currency_may_end(text: str, pos: int, *, lexicon: Lexicon | None = None) -> bool:
    """False where ``currency_before(text, pos)`` surely finds nothing (a cheap test).

    >>> currency_may_end("paid $ 5", 7), currency_may_end("they were 5", 10)
    (True, False)
    """
    lex = lexicon or default_lexicon()
    window = text[max(0, pos - _WINDOW) : pos] if 0 <= pos <= len(text) else ""
    spaces = min(3, len(window) - len(window.rstrip(SPACE_CHARS)))  # up to 3 before the number
    core = window[: len(window) - spaces]
    last = core[-1:]
    tails = _before_tails(lex)
    if tails is None or last not in _ASCII_ALNUM_SET:
        return compiled(lex).before_reversed.may_start(last)
    # A sign ending in letters or digits ends with the whole run of them before the number
    # (a sign starting inside the run would need a word boundary there).
    rest = core.rstrip(_ASCII_ALNUM)
    return (rest != "" and rest[-1] in FOLDS_ONTO_ASCII) or core[len(rest) :].lower() in tails


@functools.cache
def _before_tails(lexicon: Lexicon) -> frozenset[str] | None:
    """The final runs of ASCII letters and digits of the signs before a number, lower-cased.

    ``None`` when some sign holds a character that case-folds onto an ASCII letter.
    """
    known = compiled(lexicon).surfaces
    signs = [*known.before_folded, *known.before_exact]
    if any(c in FOLDS_ONTO_ASCII for sign in signs for c in sign):
        return None
    return frozenset(sign[len(sign.rstrip(_ASCII_ALNUM)) :].lower() for sign in signs)


def scaled_code(
    text: str, pos: int, *, before: bool = False, lexicon: Lexicon | None = None
) -> tuple[UnitMatch, float] | None:
    """A prefixed currency code after (or, with ``before``, ending at) ``pos``, and its factor.

    >>> m, factor = scaled_code("30 MUSD", 2)
    >>> (m.surface, m.unit, factor)
    ('MUSD', 'USD', 1000000.0)
    >>> scaled_code("MEUR 120", 5, before=True)[0].unit
    'EUR'
    >>> scaled_code("30 MUSIC", 2) is None
    True
    """
    if not 0 <= pos <= len(text):
        return None
    table = compiled(lexicon or default_lexicon())
    pattern = table.prefixed_before if before else table.prefixed_after
    if pattern is None:
        return None
    found = (
        pattern.search(text, max(0, pos - _WINDOW), pos)
        if before
        else pattern.match(text, pos, pos + _WINDOW)
    )
    if found is None:
        return None
    factor = table.code_prefixes[found.group("p")]
    return _make(table, text, found.start("p"), found.end("c"), found.group("c")), factor


def unit_info(unit: str, *, lexicon: Lexicon | None = None) -> UnitInfo | None:
    """The data file's entry for a canonical unit name, ``None`` if it has none.

    >>> unit_info("mile").dimension
    'length'
    """
    return compiled(lexicon or default_lexicon()).units.get(unit)


def surfaces(*, lexicon: Lexicon | None = None) -> tuple[UnitSurface, ...]:
    """Every surface of every unit in the lexicon (for tests, strategies and reports).

    >>> any(s.surface == "mph" and s.unit == "mile_per_hour" for s in surfaces())
    True
    """
    known = compiled(lexicon or default_lexicon()).surfaces
    return (
        *(UnitSurface(surface=s, unit=u, side="after") for s, u in known.folded.items()),
        *(
            UnitSurface(surface=s, unit=u, side="after", cased=True, ambiguous=s in known.ambiguous)
            for s, u in known.exact.items()
        ),
        *(
            UnitSurface(surface=s, unit=u, side="after", scaled=True)
            for s, u in known.scaled.items()
        ),
        *(UnitSurface(surface=s, unit=u, side="before") for s, u in known.before_folded.items()),
        *(
            UnitSurface(surface=s, unit=u, side="before", cased=True)
            for s, u in known.before_exact.items()
        ),
    )


def to_base(value: float, unit: str, *, lexicon: Lexicon | None = None) -> tuple[float, str] | None:
    """``value`` in ``unit`` converted to SI base units (via pint).

    ``None`` for money, percent, units with no fixed scale and anything pint does not
    know; never raises.

    >>> to_base(22, "mile")
    (35405.568, 'meter')
    >>> to_base(5, "USD") is None
    True
    """
    expression = _expression(compiled(lexicon or default_lexicon()), unit)
    if not expression or not math.isfinite(value):
        return None
    try:
        quantity = registry().Quantity(value, expression).to_base_units()
    except Exception:  # pint raises many kinds of errors on unknown or odd units
        return None
    magnitude = float(quantity.magnitude)
    if not math.isfinite(magnitude):
        return None
    return magnitude, str(quantity.units)


def same_dimension(unit_a: str, unit_b: str, *, lexicon: Lexicon | None = None) -> bool:
    """Whether values in the two units can be compared after conversion.

    Money compares only with the very same currency; other units by their dimension.

    >>> same_dimension("mile", "kilometer"), same_dimension("mile", "hour")
    (True, False)
    >>> same_dimension("USD", "dollar"), same_dimension("EUR", "EUR")
    (False, True)
    """
    if unit_a == unit_b:
        return True
    table = compiled(lexicon or default_lexicon())
    if _is_money(table, unit_a) or _is_money(table, unit_b):
        return False
    info_a, info_b = table.units.get(unit_a), table.units.get(unit_b)
    if info_a is not None and info_b is not None:
        return info_a.dimension == info_b.dimension
    dimension_a = _pint_dimensionality(_expression(table, unit_a))
    dimension_b = _pint_dimensionality(_expression(table, unit_b))
    return dimension_a is not None and dimension_a == dimension_b


def same_currency(unit_a: str, unit_b: str, *, lexicon: Lexicon | None = None) -> bool:
    """Whether two money units may name the same money: equal, or one is the generic
    name of the other ("dollar" and "USD"; not "USD" and "CAD").

    >>> same_currency("dollar", "USD"), same_currency("USD", "CAD")
    (True, False)
    >>> same_currency("pound_currency", "GBP"), same_currency("GBP", "GBP")
    (True, True)
    """
    if unit_a == unit_b:
        return True
    units = compiled(lexicon or default_lexicon()).units
    info_a, info_b = units.get(unit_a), units.get(unit_b)
    return (info_a is not None and info_a.family == unit_b) or (
        info_b is not None and info_b.family == unit_a
    )


# ---------------------------------------------------------------- helpers


def _make(table: Table, text: str, start: int, end: int, unit: str) -> UnitMatch:
    info = table.units.get(unit)
    if info is not None:
        kind = info.kind
    else:  # a rate: the first unit's kind, but "hours per week" is not a duration
        kind = table.units[unit.split("_per_")[0]].kind.replace("duration", "dimension")
    return UnitMatch(start=start, end=end, surface=text[start:end], unit=unit, kind=kind)


def _nothing_follows(text: str, end: int) -> bool:
    """No word follows: "12 m)" but not "12 m wall", "200 L-39", "5 in/out"."""
    rest = text[end : end + 8].lstrip(" \t\u00a0")
    if rest[:1] in _JOINERS:
        rest = rest[1:]
    return not rest or not rest[0].isalnum()


def _is_money(table: Table, unit: str) -> bool:
    info = table.units.get(unit) or table.units.get(unit.split("_per_")[0])
    return info is not None and info.dimension == "money"


def _expression(table: Table, unit: str) -> str | None:
    """What pint reads for ``unit``; ``None`` for money, percent and no fixed scale."""
    info = table.units.get(unit)
    if info is not None:
        return info.pint if info.kind not in {"currency", "percent"} and info.pint else None
    if "_per_" not in unit:
        return unit
    parts = [_expression(table, part) for part in unit.split("_per_")]
    if not all(parts) or len(parts) < 2:
        return None
    return " / ".join(f"({part})" for part in parts)


@functools.cache
def _pint_dimensionality(expression: str | None) -> str | None:
    if not expression:
        return None
    try:
        return str(registry().Quantity(1, expression).dimensionality)
    except Exception:
        return None
