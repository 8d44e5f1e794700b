"""Dates and date ranges, absolute and relative to a reference date (placeholder)."""

from __future__ import annotations

import datetime as dt

from discrepancy.lexicon import Lexicon
from discrepancy.model import DateInterval, Mention


def find(
    text: str, *, lexicon: Lexicon | None = None, reference_date: dt.date | None = None
) -> list[Mention]:
    """Every date mention in ``text``."""
    return []


def parse(
    text: str, *, lexicon: Lexicon | None = None, reference_date: dt.date | None = None
) -> DateInterval | None:
    """One surface to its date interval, ``None`` on junk."""
    return None
