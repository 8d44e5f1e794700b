"""Audit what several news sources say about one event.

>>> from discrepancy import Source, audit
>>> report = audit([Source(id="a", text="Fifteen people died."),
...                 Source(id="b", text="15 people died.")])
>>> report.schema
'discrepancy.report/1'
"""

from __future__ import annotations

import datetime as dt
from importlib.metadata import PackageNotFoundError, version

from discrepancy.audit import audit
from discrepancy.corpus import Corpus, load_corpus, read_corpus
from discrepancy.kinds import dates as _dates
from discrepancy.kinds import quantities as _quantities
from discrepancy.lexicon import Lexicon, LexiconError, default_lexicon, load_lexicon
from discrepancy.model import (
    DateInterval,
    Entity,
    Evidence,
    Fact,
    Finding,
    FindingType,
    InputProblem,
    Interval,
    Mention,
    Report,
    Slot,
    Source,
    Span,
)
from discrepancy.report import render

try:
    __version__ = version("discrepancy")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"

__all__ = [
    "Corpus",
    "DateInterval",
    "Entity",
    "Evidence",
    "Fact",
    "Finding",
    "FindingType",
    "InputProblem",
    "Interval",
    "Lexicon",
    "LexiconError",
    "Mention",
    "Report",
    "Slot",
    "Source",
    "Span",
    "__version__",
    "audit",
    "default_lexicon",
    "find_dates",
    "find_quantities",
    "load_corpus",
    "load_lexicon",
    "read_corpus",
    "render",
]


def find_quantities(
    text: str, *, reference_date: dt.date | None = None, lexicon: Lexicon | None = None
) -> list[Mention]:
    """Every number, amount, measure, duration, percentage and sum of money in ``text``.

    >>> [(m.surface, m.low, m.high) for m in find_quantities("over 200 airstrikes")]
    [('over 200', 200.0, None)]
    """
    return _quantities.find(text, lexicon=lexicon, reference_date=reference_date)


def find_dates(
    text: str, *, reference_date: dt.date | None = None, lexicon: Lexicon | None = None
) -> list[Mention]:
    """Every date or date range in ``text``, resolved against ``reference_date``.

    >>> [(m.surface, str(m.low)) for m in find_dates("on Monday", reference_date=dt.date(2018, 9, 18))]
    [('Monday', '2018-09-17')]
    """
    return _dates.find(text, lexicon=lexicon, reference_date=reference_date)
