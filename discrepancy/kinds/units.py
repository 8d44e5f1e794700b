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
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from discrepancy.lexicon import Lexicon, LexiconError, default_lexicon

__all__ = [
    "UnitInfo",
    "UnitMatch",
    "UnitSurface",
    "currency_before",
    "same_dimension",
    "surfaces",
    "to_base",
    "unit_after",
    "unit_info",
]

_FILE = "units.toml"
KINDS = frozenset({"dimension", "duration", "currency", "percent"})
_SPACE = "[ \t\u00a0\u2009\u202f]"
_SEPARATOR = re.compile(f"[-\u2010\u2011]|{_SPACE}{{0,3}}")
_PER = re.compile(f"{_SPACE}*(?:/|(?i:per){_SPACE}+|(?P<a>(?i:an?)){_SPACE}+)")
_JOINERS = frozenset("-\u2010\u2011/'\u2019&_")
_WINDOW = 40  # longest surface we look back over for a currency or a scale word


@attrs.frozen(kw_only=True)
class UnitMatch:
    """A unit written at ``text[start:end]``.

    ``unit`` is canonical: a pint unit name ("mile", "kilometer", "second",
    "degree_celsius", "square_kilometer"), "percent", or for money an ISO 4217 code or
    the peer README's generic name ("dollar", "pound_currency", "cent").
    ``kind`` is "dimension", "duration", "currency" or "percent".
    """

    start: int
    end: int
    surface: str
    unit: str
    kind: str


@attrs.frozen(kw_only=True)
class UnitInfo:
    """What the data file says about one canonical unit.

    ``pint`` is the expression pint understands ("" when the unit has no fixed scale,
    such as a bare "degrees"); ``dimension`` names a row of ``[dimensions]``, or is
    "money" / "ratio".
    """

    name: str
    kind: str
    dimension: str
    pint: str


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


@attrs.frozen(kw_only=True)
class _Table:
    units: Mapping[str, UnitInfo]
    after: re.Pattern[str]
    before: re.Pattern[str]
    scaled: re.Pattern[str]
    scale_end: re.Pattern[str]
    folded: Mapping[str, str]  # normalised lower-case surface -> unit (case-insensitive ones)
    exact: Mapping[str, str]  # surface as written -> unit (cased ones)
    ambiguous: frozenset[str]
    scale_words: frozenset[str]
    measure_after: re.Pattern[str]
    link_after: re.Pattern[str]
    scaled_units: Mapping[str, str]
    before_folded: Mapping[str, str]
    before_exact: Mapping[str, str]


# ---------------------------------------------------------------- public functions


def unit_after(text: str, pos: int, *, lexicon: Lexicon | None = None) -> UnitMatch | None:
    """The unit written right after a number that ends at ``pos``, if any.

    Spaces (up to three) or one hyphen may separate them.  Ambiguous short surfaces
    ("in", "m", "C") count when glued to the number ("5in") or where no word follows
    them ("12 m.") but a measure word may ("12 m long").

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
    table = _table(lexicon or default_lexicon())
    sep = _SEPARATOR.match(text, pos)
    start = sep.end() if sep else pos
    hyphen = start > pos and text[pos] in "-\u2010\u2011"
    found = _plain_after(table, text, start, glued=start == pos, hyphen=hyphen)
    scaled = None if hyphen else table.scaled.match(text, start)
    longest = scaled is not None and (found is None or scaled.end() >= found[1])
    if scaled and longest and table.scale_end.search(text[max(0, pos - _WINDOW) : pos]):
        unit = table.scaled_units[_fold(scaled.group())]
        return _make(table, text, scaled.start(), scaled.end(), unit)
    if found is None:
        return None
    rate = _per(table, text, found[2], found[1])
    return _make(table, text, *(found if rate is None else (found[0], *rate)))


def _per(table: _Table, text: str, unit: str, end: int) -> tuple[int, str] | None:
    """A rate's second unit after the first: "barrels per day", "km/s", "tonnes a year"."""
    info = table.units.get(unit)
    per = _PER.match(text, end)
    if per is None or info is None or info.kind == "percent" or "_per_" in unit:
        return None
    found = table.after.match(text, per.end())
    if found is None:
        return None
    surface = found.group()
    other = table.units.get(table.exact.get(surface) or table.folded.get(_fold(surface), ""))
    if other is None or other.kind not in {"dimension", "duration"} or "_per_" in other.name:
        return None
    if per.group("a") and other.kind != "duration":
        return None
    if surface in table.ambiguous and per.group().strip() != "/":
        return None
    return found.end(), f"{unit}_per_{other.name}"


def _plain_after(
    table: _Table, text: str, start: int, *, glued: bool, hyphen: bool
) -> tuple[int, int, str] | None:
    found = table.after.match(text, start)
    if found is None:
        return None
    surface = found.group()
    unit = table.exact.get(surface) or table.folded.get(_fold(surface))
    if unit is None:
        return None
    if surface in table.ambiguous and not _safe(table, text, found, glued=glued, hyphen=hyphen):
        return None
    return found.start(), found.end(), unit


def _safe(table: _Table, text: str, found: re.Match[str], *, glued: bool, hyphen: bool) -> bool:
    """Whether an ambiguous surface is a unit here (see the data file's header)."""
    if hyphen:
        return False
    scale = _fold(found.group()) in table.scale_words
    if glued and not scale:
        return True
    if _nothing_follows(text, found.end()):
        return True
    following = table.link_after if not scale else table.measure_after
    return following.match(text, found.end()) is not None


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
    table = _table(lexicon or default_lexicon())
    offset = max(0, pos - _WINDOW)
    found = table.before.search(text[offset:pos])
    if found is None:
        return None
    surface = found.group("cur")
    unit = table.before_exact.get(surface) or table.before_folded.get(_fold(surface))
    if unit is None:
        return None
    return _make(table, text, offset + found.start("cur"), offset + found.end("cur"), unit)


def unit_info(unit: str, *, lexicon: Lexicon | None = None) -> UnitInfo | None:
    """The data file's entry for a canonical unit name, ``None`` if it has none.

    >>> unit_info("mile").dimension
    'length'
    """
    return _table(lexicon or default_lexicon()).units.get(unit)


def surfaces(*, lexicon: Lexicon | None = None) -> tuple[UnitSurface, ...]:
    """Every surface of every unit in the lexicon (for tests, strategies and reports).

    >>> any(s.surface == "mph" and s.unit == "mile_per_hour" for s in surfaces())
    True
    """
    table = _table(lexicon or default_lexicon())
    exact, amb = table.exact, table.ambiguous
    return (
        *(UnitSurface(surface=s, unit=u, side="after") for s, u in table.folded.items()),
        *(
            UnitSurface(surface=s, unit=u, side="after", cased=True, ambiguous=s in amb)
            for s, u in exact.items()
        ),
        *(
            UnitSurface(surface=s, unit=u, side="after", scaled=True)
            for s, u in table.scaled_units.items()
        ),
        *(UnitSurface(surface=s, unit=u, side="before") for s, u in table.before_folded.items()),
        *(
            UnitSurface(surface=s, unit=u, side="before", cased=True)
            for s, u in table.before_exact.items()
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
    expression = _expression(_table(lexicon or default_lexicon()), unit)
    if not expression or not math.isfinite(value):
        return None
    try:
        quantity = _registry().Quantity(value, expression).to_base_units()
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
    table = _table(lexicon or default_lexicon())
    if _is_money(table, unit_a) or _is_money(table, unit_b):
        return False
    info_a, info_b = table.units.get(unit_a), table.units.get(unit_b)
    if info_a is not None and info_b is not None:
        return info_a.dimension == info_b.dimension
    dimension_a = _pint_dimensionality(_expression(table, unit_a))
    dimension_b = _pint_dimensionality(_expression(table, unit_b))
    return dimension_a is not None and dimension_a == dimension_b


# ---------------------------------------------------------------- helpers


def _make(table: _Table, text: str, start: int, end: int, unit: str) -> UnitMatch:
    kind = table.units[unit.split("_per_")[0]].kind
    if unit not in table.units and kind == "duration":
        kind = "dimension"  # "hours per week" is a rate, not a duration
    return UnitMatch(start=start, end=end, surface=text[start:end], unit=unit, kind=kind)


def _fold(surface: str) -> str:
    return " ".join(surface.split()).lower()


def _nothing_follows(text: str, end: int) -> bool:
    """No word follows: "12 m)" but not "12 m wall", "200 L-39", "5 in/out"."""
    rest = text[end : end + 8].lstrip(" \t\u00a0")
    if rest[:1] in _JOINERS:
        rest = rest[1:]
    return not rest or not rest[0].isalnum()


def _is_money(table: _Table, unit: str) -> bool:
    info = table.units.get(unit.split("_per_")[0])
    return info is not None and info.dimension == "money"


@functools.cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


def _expression(table: _Table, unit: str) -> str | None:
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
        return str(_registry().Quantity(1, expression).dimensionality)
    except Exception:
        return None


# ---------------------------------------------------------------- compiling the data file


def _strings(entry: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
        raise LexiconError(_FILE, f"{where}.{key}", "must be a list of non-empty strings")
    return value


def _info(name: str, entry: Any, dimensions: Mapping[str, str]) -> UnitInfo:
    where = f"units.{name}"
    if not isinstance(entry, Mapping):
        raise LexiconError(_FILE, where, "must be a table")
    kind, dimension = entry.get("kind"), entry.get("dimension")
    if kind not in KINDS:
        raise LexiconError(_FILE, f"{where}.kind", f"unknown kind {kind!r}")
    if not isinstance(dimension, str) or dimension not in {*dimensions, "money", "ratio"}:
        raise LexiconError(_FILE, f"{where}.dimension", f"unknown dimension {dimension!r}")
    if (kind == "currency") != (dimension == "money"):
        raise LexiconError(_FILE, where, "currencies, and only they, have dimension 'money'")
    expression = entry.get("pint", "" if dimension == "money" else name)
    if not isinstance(expression, str):
        raise LexiconError(_FILE, f"{where}.pint", "must be a string")
    info = UnitInfo(name=name, kind=kind, dimension=dimension, pint=expression)
    if expression and dimension != "money":
        _check_pint(info, dimensions)
    return info


def _check_pint(info: UnitInfo, dimensions: Mapping[str, str]) -> None:
    registry = _registry()
    try:
        got = registry.Quantity(1, info.pint).dimensionality
    except Exception as exc:
        raise LexiconError(_FILE, f"units.{info.name}", f"pint does not know it: {exc}") from exc
    want = dimensions.get(info.dimension, "dimensionless")
    if got != registry.Quantity(1, want).dimensionality:
        raise LexiconError(_FILE, f"units.{info.name}", f"pint says {got}, not {want}")


@attrs.define
class _Surfaces:
    """The surfaces of every unit, gathered while the data file is checked."""

    folded: dict[str, str] = attrs.Factory(dict)
    exact: dict[str, str] = attrs.Factory(dict)
    ambiguous: set[str] = attrs.Factory(set)
    scaled: dict[str, str] = attrs.Factory(dict)
    before_folded: dict[str, str] = attrs.Factory(dict)
    before_exact: dict[str, str] = attrs.Factory(dict)

    def add(self, info: UnitInfo, entry: Mapping[str, Any]) -> None:
        where = f"units.{info.name}"
        cased = _strings(entry, "cased", where)
        for surface in _strings(entry, "aliases", where):
            if surface != surface.lower():
                raise LexiconError(_FILE, f"{where}.aliases", f"{surface!r} is not lower case")
            _claim(self.folded, _fold(surface), info.name, f"{where}.aliases")
        for surface in cased:
            _claim(self.exact, surface, info.name, f"{where}.cased")
        for surface in _strings(entry, "ambiguous", where):
            if surface not in cased:
                raise LexiconError(_FILE, f"{where}.ambiguous", f"{surface!r} is not in cased")
            self.ambiguous.add(surface)
        for surface in _strings(entry, "scaled", where):
            _claim(self.scaled, _fold(surface), info.name, f"{where}.scaled")
        before = _strings(entry, "before", where)
        if before and info.kind != "currency":
            raise LexiconError(_FILE, f"{where}.before", "only currencies are written before")
        for surface in before:
            if surface != surface.lower():
                _claim(self.before_exact, surface, info.name, f"{where}.before")
            else:
                _claim(self.before_folded, _fold(surface), info.name, f"{where}.before")

    def check_shadows(self) -> None:
        for surface, name in self.exact.items():
            other = self.folded.get(_fold(surface), name)
            if other != name:
                reason = f"{surface!r} is also an alias of {other!r}"
                raise LexiconError(_FILE, f"units.{name}.cased", reason)


def _claim(claims: dict[str, str], key: str, unit: str, where: str) -> None:
    if claims.get(key, unit) != unit:
        raise LexiconError(_FILE, where, f"{key!r} is claimed by {claims[key]!r} too")
    claims[key] = unit


def _alternation(surfaces: Iterable[tuple[str, bool]], *, lead: bool = False) -> str:
    """One regex alternative per surface, longest first; ``True`` means case-insensitive.

    A surface that ends (with ``lead``: starts) with a letter or digit must not run on
    into another one.
    """
    parts = []
    for surface, folded in sorted(set(surfaces), key=lambda item: (-len(item[0]), item[0])):
        body = f"{_SPACE}+".join(re.escape(word) for word in surface.split())
        body = f"(?i:{body})" if folded else body
        if lead and surface[0].isalnum():
            body = r"(?<![^\W_])" + body
        elif not lead and surface[-1].isalnum():
            body += r"(?![^\W_])"
        parts.append(body)
    return "|".join(parts) or "(?!)"


def _mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise LexiconError(_FILE, key, "must be a table")
    return value


@functools.cache
def _table(lexicon: Lexicon) -> _Table:
    data = lexicon.table("units")
    dimensions = _mapping(data, "dimensions")
    raw_units = _mapping(data, "units")
    units = {name: _info(name, entry, dimensions) for name, entry in raw_units.items()}
    surfaces = _Surfaces()
    for name, entry in raw_units.items():
        surfaces.add(units[name], entry)
    surfaces.check_shadows()
    context = _mapping(data, "context")
    scale_words = _strings(context, "scale_words", "context")
    measures = [(w, True) for w in _strings(context, "measure_words", "context")]
    links = [(w, True) for w in _strings(context, "link_words", "context")]
    scale = "|".join(re.escape(w) for w in sorted(scale_words, key=len, reverse=True))
    after = [(s, True) for s in surfaces.folded] + [(s, False) for s in surfaces.exact]
    before = [(s, True) for s in surfaces.before_folded]
    before += [(s, False) for s in surfaces.before_exact]
    return _Table(
        units=units,
        after=re.compile(_alternation(after)),
        before=re.compile(f"(?P<cur>{_alternation(before, lead=True)}){_SPACE}{{0,3}}\\Z"),
        scaled=re.compile(_alternation((s, True) for s in surfaces.scaled)),
        scale_end=re.compile(f"(?i)(?<![^\\W\\d_])(?:{scale or '(?!)'})\\.?\\Z"),
        folded=surfaces.folded,
        exact=surfaces.exact,
        ambiguous=frozenset(surfaces.ambiguous),
        scale_words=frozenset(_fold(w) for w in scale_words),
        measure_after=re.compile(f"{_SPACE}*(?:{_alternation(measures)})"),
        link_after=re.compile(f"{_SPACE}*(?:{_alternation(measures + links)})"),
        scaled_units=surfaces.scaled,
        before_folded=surfaces.before_folded,
        before_exact=surfaces.before_exact,
    )
