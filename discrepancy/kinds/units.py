"""Units of measure and currencies as written after (or before) a number (placeholder API).

The surface words live in ``discrepancy/data/units.toml``; conversions go through pint.
"""

from __future__ import annotations

import attrs

from discrepancy.lexicon import Lexicon


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


def unit_after(text: str, pos: int, *, lexicon: Lexicon | None = None) -> UnitMatch | None:
    """The unit that starts at ``pos`` (after optional spaces or a hyphen), if any."""
    return None


def currency_before(text: str, pos: int, *, lexicon: Lexicon | None = None) -> UnitMatch | None:
    """A currency sign or code that ends at ``pos`` (spaces allowed between), if any."""
    return None


def to_base(value: float, unit: str) -> tuple[float, str] | None:
    """``value`` in ``unit`` converted to SI base units, ``None`` for money or unknown units."""
    return None
