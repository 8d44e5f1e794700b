"""The units data file compiled: validated entries, surface tables and regexes (private).

``discrepancy.kinds.units`` is the public face; this module reads ``units.toml`` (its
header documents the syntax), checks every entry against pint and builds, once per
lexicon, the regular expressions that find a unit after a number or a currency before it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import attrs

from discrepancy.kinds._anchors import FOLDS_ONTO_ASCII
from discrepancy.lexicon import Lexicon, LexiconError, default_lexicon

FILE = "units.toml"
KINDS = frozenset({"dimension", "duration", "currency", "percent"})
SPACE_CHARS = " \t\u00a0\u2009\u202f"
SPACE = f"[{SPACE_CHARS}]"
HYPHENS = "-\u2010\u2011"
_HYPHENS_TO_SPACES = str.maketrans(HYPHENS, "   ")


@attrs.frozen(kw_only=True)
class UnitInfo:
    """What the data file says about one canonical unit.

    ``pint`` is the expression pint understands ("" when the unit has no fixed scale,
    such as a bare "degrees"); ``dimension`` names a row of ``[dimensions]``, or is
    "money" / "ratio"; ``family`` is the generic money name a fixed currency is one of
    ("dollar" for "USD"), else "".
    """

    name: str
    kind: str
    dimension: str
    pint: str
    family: str = ""


@attrs.frozen(kw_only=True)
class Table:
    """One lexicon's units compiled: entries by name, surfaces, and the regexes over them."""

    units: Mapping[str, UnitInfo]
    surfaces: Surfaces
    scale_words: frozenset[str]
    after: Alternation
    before_reversed: Alternation
    scaled: Alternation
    scale_end: re.Pattern[str]
    measure_after: re.Pattern[str]
    link_after: re.Pattern[str]
    code_prefixes: Mapping[str, float] = attrs.Factory(dict)
    # the leading letters of every surface written after a number, lower-cased: a word whose
    # letters are none of these starts no unit, and the large ``after`` regex is not tried
    first_letters: frozenset[str] = frozenset()
    prefixed_after: re.Pattern[str] | None = None
    prefixed_before: re.Pattern[str] | None = None

    def unit(self, surface: str) -> str | None:
        """The unit of a surface found after a number."""
        return self.surfaces.exact.get(surface) or self.surfaces.folded.get(fold(surface))


LETTERS = re.compile(r"[^\W\d_]+")


def fold(surface: str) -> str:
    """The key of a case-insensitive surface: lower case, hyphens and spaces as one space."""
    return " ".join(surface.translate(_HYPHENS_TO_SPACES).split()).lower()


@functools.cache
def registry() -> Any:
    """The one pint registry (pint is imported on first use: it is slow to import)."""
    import pint

    return pint.UnitRegistry()


def _strings(entry: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
        raise LexiconError(FILE, f"{where}.{key}", "must be a list of non-empty strings")
    return value


def _info(name: str, entry: Any, dimensions: Mapping[str, str], *, checked: bool) -> UnitInfo:
    """One unit's entry, validated; its pint expression asked of pint unless ``checked``
    (an entry as the package ships it: the tests ask pint about every one, so that a
    process need not import pint to read the table)."""
    where = f"units.{name}"
    if not isinstance(entry, Mapping):
        raise LexiconError(FILE, where, "must be a table")
    kind, dimension = entry.get("kind"), entry.get("dimension")
    if kind not in KINDS:
        raise LexiconError(FILE, f"{where}.kind", f"unknown kind {kind!r}")
    if not isinstance(dimension, str) or dimension not in {*dimensions, "money", "ratio"}:
        raise LexiconError(FILE, f"{where}.dimension", f"unknown dimension {dimension!r}")
    if (kind == "currency") != (dimension == "money"):
        raise LexiconError(FILE, where, "currencies, and only they, have dimension 'money'")
    expression = entry.get("pint", "" if dimension == "money" else name)
    if not isinstance(expression, str):
        raise LexiconError(FILE, f"{where}.pint", "must be a string")
    family = entry.get("family", "")
    if not isinstance(family, str) or (family and kind != "currency"):
        raise LexiconError(FILE, f"{where}.family", "only currencies have a family (a string)")
    info = UnitInfo(name=name, kind=kind, dimension=dimension, pint=expression, family=family)
    if expression and dimension != "money" and not checked:
        check_pint(info, dimensions)
    return info


def check_pint(info: UnitInfo, dimensions: Mapping[str, str]) -> None:
    """Raise ``LexiconError`` unless pint knows the unit's expression, in its dimension."""
    pint_registry = registry()
    try:
        got = pint_registry.Quantity(1, info.pint).dimensionality
    except Exception as exc:
        raise LexiconError(FILE, f"units.{info.name}", f"pint does not know it: {exc}") from exc
    want = dimensions.get(info.dimension, "dimensionless")
    if got != pint_registry.Quantity(1, want).dimensionality:
        raise LexiconError(FILE, f"units.{info.name}", f"pint says {got}, not {want}")


@attrs.define
class Surfaces:
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
                raise LexiconError(FILE, f"{where}.aliases", f"{surface!r} is not lower case")
            _claim(self.folded, fold(surface), info.name, f"{where}.aliases")
        for surface in cased:
            _claim(self.exact, surface, info.name, f"{where}.cased")
        for surface in _strings(entry, "ambiguous", where):
            if surface not in cased:
                raise LexiconError(FILE, f"{where}.ambiguous", f"{surface!r} is not in cased")
            self.ambiguous.add(surface)
        for surface in _strings(entry, "scaled", where):
            _claim(self.scaled, fold(surface), info.name, f"{where}.scaled")
        before = _strings(entry, "before", where)
        if before and info.kind != "currency":
            raise LexiconError(FILE, f"{where}.before", "only currencies are written before")
        for surface in before:
            if surface != surface.lower():
                _claim(self.before_exact, surface, info.name, f"{where}.before")
            else:
                _claim(self.before_folded, fold(surface), info.name, f"{where}.before")

    def check_shadows(self) -> None:
        for surface, name in self.exact.items():
            other = self.folded.get(fold(surface), name)
            if other != name:
                reason = f"{surface!r} is also an alias of {other!r}"
                raise LexiconError(FILE, f"units.{name}.cased", reason)


def _claim(claims: dict[str, str], key: str, unit: str, where: str) -> None:
    if claims.get(key, unit) != unit:
        raise LexiconError(FILE, where, f"{key!r} is claimed by {claims[key]!r} too")
    claims[key] = unit


class _Alternative(NamedTuple):
    body: str  # the regex
    first: re.Pattern[str]  # the one character it can start with
    word: str | None  # its leading letters, lower-cased ("" none in ASCII; None: any word)


def _word_key(surface: str) -> str | None:
    """The leading letters of ``surface`` as ``_Alternative.word`` gives them."""
    if any(c in FOLDS_ONTO_ASCII for c in surface):
        return None  # it may match ASCII letters that are not its own
    letters = LETTERS.match(surface)
    return letters.group().lower() if letters is not None and letters.group().isascii() else ""


def _alternatives(surfaces: Iterable[tuple[str, bool]]) -> list[_Alternative]:
    """One regex alternative per surface, longest first; ``True`` means case-insensitive.

    A surface that ends with a letter or digit must not run on into another one; in
    case-insensitive surfaces a space or hyphen matches either.
    """
    parts = []
    gap = f"(?:{SPACE}+|[{HYPHENS}])"  # "square mile" also matches "square-mile"
    for surface, folded in sorted(set(surfaces), key=lambda item: (-len(item[0]), item[0])):
        words = surface.translate(_HYPHENS_TO_SPACES).split() if folded else surface.split()
        body = gap.join(re.escape(word) for word in words)
        body = f"(?i:{body})" if folded else body
        if surface[-1].isalnum():
            body += r"(?![^\W_])"
        first = re.compile(re.escape(words[0][0]), re.I if folded else 0)
        parts.append(_Alternative(body, first, _word_key(surface)))
    return parts


def _alternation(surfaces: Iterable[tuple[str, bool]]) -> str:
    """The alternatives of ``_alternatives`` as one regex."""
    return "|".join(part.body for part in _alternatives(surfaces)) or "(?!)"


class Alternation:
    """A large alternation of surfaces matched through the alternatives that can start there.

    ``match(text, pos, endpos)`` is ``full.match(text, pos, endpos)`` for ``full`` =
    ``lead`` + "(?P<cur>alternatives)".  For an ASCII character after ``lead``'s spaces it
    tries only the alternatives whose first character matches it or a space (those
    alone can match there, in the same order), compiled on first use; otherwise ``full``.
    """

    def __init__(self, surfaces: Iterable[tuple[str, bool]], lead: str = "") -> None:
        self._parts = _alternatives(surfaces)
        self._lead = lead
        self.full = self._compile(part.body for part in self._parts)
        self._by_char: dict[str, re.Pattern[str] | None] = {}
        self._by_word: dict[str, re.Pattern[str] | None] = {}
        self._words = frozenset(part.word for part in self._parts)

    def may_open(self, word: str) -> bool:
        """False when ``match_word`` surely finds nothing for ``word`` (a cheap test)."""
        return word in self._words or None in self._words

    def _compile(self, bodies: Iterable[str]) -> re.Pattern[str]:
        return re.compile(f"{self._lead}(?P<cur>{'|'.join(bodies) or '(?!)'})")

    def _bucket(self, char: str) -> re.Pattern[str] | None:
        starts = (char, *SPACE_CHARS)
        bodies = [p.body for p in self._parts if any(p.first.match(c) for c in starts)]
        return self._compile(bodies) if bodies else None

    def match_word(self, text: str, pos: int, endpos: int, word: str) -> re.Match[str] | None:
        """``match`` where ``word``, ASCII letters in lower case, is the whole run of letters
        (``LETTERS``) at ``pos``: only the alternatives with those leading letters can match
        (letters cannot match what follows a surface's leading letters, nor the reverse)."""
        if self._lead:
            return self.match(text, pos, endpos)
        try:
            pattern = self._by_word[word]
        except KeyError:
            bodies = [p.body for p in self._parts if p.word is None or p.word == word]
            pattern = self._by_word.setdefault(word, self._compile(bodies) if bodies else None)
        return None if pattern is None else pattern.match(text, pos, endpos)

    def match(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        """The first alternative that matches at ``pos`` (after ``lead``), as ``full`` finds it."""
        at, stop = pos, min(endpos, len(text))
        if self._lead:
            while at < pos + 3 and at < stop and text[at] in SPACE_CHARS:
                at += 1
        pattern = self._for(text[at] if 0 <= at < stop else "")
        return None if pattern is None else pattern.match(text, pos, endpos)

    def may_start(self, char: str) -> bool:
        """False when no alternative can start with ``char`` (a character after ``lead``)."""
        return self._for(char) is not None

    def _for(self, char: str) -> re.Pattern[str] | None:
        if not char or not char.isascii():
            return self.full
        try:
            return self._by_char[char]
        except KeyError:
            return self._by_char.setdefault(char, self._bucket(char))


def _code_prefixes(context: Mapping[str, Any]) -> dict[str, float]:
    raw = _mapping(context, "code_prefixes")
    out = {}
    for prefix, value in raw.items():
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
        if not ok or not prefix.isalpha():
            raise LexiconError(FILE, f"context.code_prefixes.{prefix}", "must be letters = number")
        out[prefix] = float(value)
    return out


def _mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise LexiconError(FILE, key, "must be a table")
    return value


@functools.cache
def compiled(lexicon: Lexicon) -> Table:
    data = lexicon.table("units")
    dimensions = _mapping(data, "dimensions")
    raw_units = _mapping(data, "units")
    shipped = _mapping(default_lexicon().table("units"), "units")
    units = {
        name: _info(name, entry, dimensions, checked=shipped.get(name) == entry)
        for name, entry in raw_units.items()
    }
    for info in units.values():
        family = units.get(info.family) if info.family else None
        if info.family and (family is None or family.kind != "currency" or family.family):
            reason = f"{info.family!r} is not a generic currency of this file"
            raise LexiconError(FILE, f"units.{info.name}.family", reason)
    surfaces = Surfaces()
    for name, entry in raw_units.items():
        surfaces.add(units[name], entry)
    surfaces.check_shadows()
    context = _mapping(data, "context")
    scale_words = _strings(context, "scale_words", "context")
    measures = [(w, True) for w in _strings(context, "measure_words", "context")]
    links = [(w, True) for w in _strings(context, "link_words", "context")]
    scale = "|".join(re.escape(w) for w in sorted(scale_words, key=len, reverse=True))
    after = [(s, True) for s in surfaces.folded] + [(s, False) for s in surfaces.exact]
    # Signs before a number are matched backwards from it: reversed text, reversed signs.
    before = [(s[::-1], True) for s in surfaces.before_folded]
    before += [(s[::-1], False) for s in surfaces.before_exact]
    prefixes = _code_prefixes(context)
    codes = sorted(n for n, i in units.items() if i.kind == "currency" and n.isupper())
    code = f"(?P<p>{'|'.join(map(re.escape, prefixes))})(?P<c>{'|'.join(codes)})"
    return Table(
        code_prefixes=prefixes,
        prefixed_after=re.compile(f"{SPACE}{{0,3}}{code}(?![^\\W_])") if prefixes else None,
        prefixed_before=(re.compile(f"(?<![^\\W_]){code}{SPACE}{{0,3}}\\Z") if prefixes else None),
        units=units,
        surfaces=surfaces,
        scale_words=frozenset(fold(w) for w in scale_words),
        after=Alternation(after),
        first_letters=frozenset(
            m.group().lower() for s, _ in after if (m := LETTERS.match(s)) is not None
        ),
        before_reversed=Alternation(before, lead=f"{SPACE}{{0,3}}"),
        scaled=Alternation((s, True) for s in surfaces.scaled),
        scale_end=re.compile(f"(?i)(?<![^\\W\\d_])(?:{scale or '(?!)'})\\.?\\Z"),
        measure_after=re.compile(f"{SPACE}*(?:{_alternation(measures)})"),
        link_after=re.compile(f"{SPACE}*(?:{_alternation(measures + links)})"),
    )
