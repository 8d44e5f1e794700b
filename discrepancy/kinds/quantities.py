"""Numbers, hedged amounts, measures, durations, percentages and money (placeholder)."""

from __future__ import annotations

import datetime as dt

from discrepancy.lexicon import Lexicon
from discrepancy.model import Interval, Mention


def find(
    text: str, *, lexicon: Lexicon | None = None, reference_date: dt.date | None = None
) -> list[Mention]:
    """Every numeric mention in ``text``."""
    return []


def parse(text: str, *, lexicon: Lexicon | None = None) -> Interval | None:
    """One surface to its interval, ``None`` on junk."""
    return None
