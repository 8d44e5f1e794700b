"""One number with what surrounds it: a currency before, a unit or percent after (private).

The unit tables are ``units``' business; this module only asks it, over a window of the
text so that a look-up costs the same anywhere in a long text.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import attrs

from discrepancy.kinds import _hedges as hd
from discrepancy.kinds import _numlex as nl
from discrepancy.kinds import units
from discrepancy.kinds.numbers import NumberMatch
from discrepancy.lexicon import Lexicon, default_lexicon

_FRACTION_OF = re.compile(r"[ \t]+(?:of[ \t]+)?an?(?=[ \t])|[ \t]+of(?=[ \t])", re.I)
CLAUSE_END = re.compile(r"[ \t]*(?:[.,;:!?)]|\Z)")
PERCENT = "percent"
_WINDOW = 64
_BEFORE = 28
_NUMBER_NEXT = re.compile(r"[ \t]{0,3}[-−+]?[0-9]")
_PREFIXED_NEXT = re.compile(r"[ \t]{0,3}[A-Za-z][A-Z]{3}(?![A-Za-z])")
_NEXT_WORD = re.compile(r"[ \t]{1,3}(?P<w>[A-Za-z]{1,12})(?![A-Za-z])")
_SPACED_MINUS = re.compile(r"(?:(?<=[\s(])|^)[-−] \Z")
_OF_BEFORE = re.compile(r"(?i:of)[ \t]{1,3}\Z")  # percent_before_re ends so: a cheap test


class Part(NamedTuple):  # made for every number: a tuple is cheaper than an attrs class
    """One number with what surrounds it: currency before, unit or percent after."""

    num: NumberMatch
    start: int
    end: int
    low: float
    high: float
    unit: units.UnitMatch | None


def unit_after(text: str, pos: int, lexicon: Lexicon | None) -> units.UnitMatch | None:
    """``units.unit_after`` over a window of the text (its cost must not grow with the text).

    The window keeps some text before ``pos``: units reads a scale word there ("361
    million pounds" is money).
    """
    lead = max(0, pos - _WINDOW)
    found = units.unit_after(text[lead : pos + _WINDOW], pos - lead, lexicon=lexicon)
    return _shifted(found, lead)


def _shifted(found: units.UnitMatch | None, lead: int) -> units.UnitMatch | None:
    """``found`` in a window that starts at ``lead``, moved to the text's offsets."""
    if found is None or lead == 0:
        return found
    return units.UnitMatch(  # attrs.evolve would look up the fields on every call
        start=found.start + lead,
        end=found.end + lead,
        surface=found.surface,
        unit=found.unit,
        kind=found.kind,
    )


def rate_after(text: str, pos: int, unit: str, lexicon: Lexicon | None) -> units.UnitMatch | None:
    """``units.rate_after`` over a window of the text ("$15.4/hour" is a rate)."""
    lead = max(0, pos - _WINDOW)
    found = units.rate_after(text[lead : pos + _WINDOW], pos - lead, unit, lexicon=lexicon)
    return _shifted(found, lead)


def _minus_before(text: str, start: int) -> bool:
    """A minus and one space before ``start``, not after a number ("10 - 20" is a range)."""
    if _SPACED_MINUS.search(text, max(0, start - 3), start) is None:
        return False
    before = text[max(0, start - 8) : start - 2].rstrip()
    return not before[-1:].isdigit() and before[-1:] not in {"%", "°"}


def _scale_after(text: str, pos: int, lexicon: Lexicon | None) -> tuple[int, float] | None:
    """A scale word right after a currency that follows the number: where it ends, its value."""
    word = _NEXT_WORD.match(text, pos)
    if word is None:
        return None
    meanings = nl.resolve(lexicon).words.get(word.group("w").lower(), ())
    scales = [m.value for m in meanings if m.kind == nl.SCALE and m.value >= 1000]
    return (word.end(), float(scales[0])) if scales else None


def _scaled_code(
    text: str, start: int, end: int, lexicon: Lexicon | None
) -> tuple[tuple[units.UnitMatch, float], bool] | None:
    """A prefixed currency code after or before the number, and whether it was after."""
    after = _PREFIXED_NEXT.match(text, end)
    if after is not None:
        found = units.scaled_code(text, end, lexicon=lexicon)
        return None if found is None else (found, True)
    # the word before, within 3 spaces or tabs, must end in a capital (as _last_token reads
    # it: its last character is the last one before those spaces)
    if not text[max(0, start - 4) : start].rstrip(" \t\u00a0")[-1:].isupper():
        return None
    found = units.scaled_code(text, start, before=True, lexicon=lexicon)
    return None if found is None else (found, False)


def _last_token(text: str, pos: int) -> str | None:
    """The last word before ``pos`` and up to 3 spaces or tabs after it, within the window.

    The same as searching ``\\S+[ \\t\\u00a0]{0,3}\\Z`` in the window, without trying
    every start.
    """
    window = text[max(0, pos - _BEFORE) : pos]
    core = window.rstrip(" \t\u00a0")
    if len(window) - len(core) > 3 or not core or core[-1].isspace():
        return None
    return core.rsplit(None, 1)[-1] + window[len(core) :]


def currency_before(text: str, pos: int, lexicon: Lexicon | None) -> units.UnitMatch | None:
    """``units.currency_before`` over a window of the text before ``pos``.

    Asked only when the word before ``pos`` ends with a symbol or is the last word of
    some currency surface (most numbers follow ordinary words: "killed 15").
    """
    if not units.currency_may_end(text, pos, lexicon=lexicon):
        return None
    token = _last_token(text, pos)
    if token is None:
        return None
    word = token.lower()
    if word[-1].isalnum() and word.lstrip("([{\"'") not in _currency_words(
        lexicon or default_lexicon()
    ):
        return None
    lead = max(0, pos - _BEFORE)
    found = units.currency_before(text[lead : pos + _BEFORE], pos - lead, lexicon=lexicon)
    return _shifted(found, lead)


@functools.cache
def _currency_words(lexicon: Lexicon) -> frozenset[str]:
    """The last words of the currency surfaces written before a number, lower-cased."""
    return frozenset(
        s.surface.split()[-1].lower()
        for s in units.surfaces(lexicon=lexicon)
        if s.side == "before" and s.surface.split()
    )


def read_part(text: str, num: NumberMatch, lexicon: Lexicon | None, hl: hd.HedgeLex) -> Part | None:
    """The number with its currency and unit, ``None`` for designators ("F-16", "MH17")."""
    currency = currency_before(text, num.start, lexicon)
    if (num.letter_before or num.designator) and currency is None:
        return None
    low, high, end = num.low, num.high, num.end
    if currency is not None and num.money_scale is not None and num.money_end is not None:
        low, high, end = low * num.money_scale, high * num.money_scale, num.money_end
    unit = None if num.ordinal else unit_after(text, end, lexicon)
    if unit is None and currency is None and not num.ordinal and num.low > 0:
        coded = _scaled_code(text, num.start, end, lexicon)  # "30 MUSD", "MEUR 120"
        if coded is not None:
            (found, factor), after = coded
            low, high = low * factor, high * factor
            unit, currency = (found, None) if after else (None, found)
    fraction = not num.digits and not float(num.high).is_integer()
    if unit is None and ((num.ordinal and num.low > 2) or 0 < num.high < 1 or fraction):
        of = _FRACTION_OF.match(text, end)  # "half an hour", "a tenth of a gallon"
        if of is not None:
            unit = unit_after(text, of.end(), lexicon)
        if unit is not None and num.ordinal:
            low = high = 1 / num.low
            num = attrs.evolve(num, ordinal=False, low=low, high=high)
    if unit is not None and currency is not None and _not_this_amounts(text, end, unit):
        unit = None
    if unit is not None and unit.kind == "currency" and currency is None:
        scale = _scale_after(text, unit.end, lexicon)  # "75 USD million"
        if scale is not None:
            low, high = low * scale[1], high * scale[1]
            unit = attrs.evolve(unit, end=scale[0], surface=text[unit.start : scale[0]])
    if unit is None and currency is None and not num.ordinal:
        unit = _percent(text, num.start, end, hl)
    if unit is None and currency is not None:
        unit = rate_after(text, end, currency.unit, lexicon) or currency  # "$80 a barrel"
    if unit is None and text[end : end + 1].isalpha():
        return None  # "2pm", "3D": glued letters that are not a unit
    if unit is not None and low >= 0 and _minus_temperature(text, num.start, unit, lexicon):
        low, high = -high, -low  # "- 20 degrees"
        num = attrs.evolve(num, start=num.start - 2)
    lead = currency if currency is not None else unit
    start = num.start if lead is None or lead.start > num.start else lead.start
    stop = max(end, unit.end) if unit is not None else end
    return Part(num=num, start=start, end=stop, low=low, high=high, unit=unit)


def _not_this_amounts(text: str, end: int, unit: units.UnitMatch) -> bool:
    """Whether a unit after an amount with a currency sign is the next amount's.

    "$10-$20", "rmb 10 usd 20": the sign belongs to the next amount; "$5 km" is no unit.
    """
    return (
        unit.kind != "currency"
        or "-" in text[end : unit.start]
        or _NUMBER_NEXT.match(text, unit.end) is not None
    )


def _percent(text: str, start: int, end: int, hl: hd.HedgeLex) -> units.UnitMatch | None:
    """A percent word after the number ("5%", "5 per cent") or before it ("per cent of 5")."""
    pct = hl.percent_re.match(text, end)
    if pct is None and _OF_BEFORE.search(text, max(0, start - 6), start) is not None:
        pct = hl.percent_before_re.search(text, max(0, start - 24), start)
    if pct is None:
        return None
    return units.UnitMatch(
        start=pct.start(), end=pct.end(), surface=pct.group(), unit=PERCENT, kind=PERCENT
    )


def _minus_temperature(
    text: str, start: int, unit: units.UnitMatch, lexicon: Lexicon | None
) -> bool:
    """A spaced minus before a temperature ("- 20 degrees"), not between two numbers."""
    if not _minus_before(text, start):
        return False
    info = units.unit_info(unit.unit, lexicon=lexicon)
    return info is not None and info.dimension == "temperature"
