"""Audit what several news sources say about one event.

>>> from discrepancy import Source, audit
>>> report = audit([Source(id="a", text="Fifteen people died."),
...                 Source(id="b", text="15 people died.")])
>>> report.schema
'discrepancy.report/1'
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    __version__: str
    from discrepancy.corpus import Corpus, load_corpus, read_corpus
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
    from discrepancy.pipeline import audit
    from discrepancy.report import render

# Nothing is imported until it is used, so that `discrepancy --help` starts at once.
_MODEL = (
    "DateInterval",
    "Entity",
    "Evidence",
    "Fact",
    "Finding",
    "FindingType",
    "InputProblem",
    "Interval",
    "Mention",
    "Report",
    "Slot",
    "Source",
    "Span",
)
_LAZY = {
    "audit": "discrepancy.pipeline",
    "Corpus": "discrepancy.corpus",
    "load_corpus": "discrepancy.corpus",
    "read_corpus": "discrepancy.corpus",
    "Lexicon": "discrepancy.lexicon",
    "LexiconError": "discrepancy.lexicon",
    "default_lexicon": "discrepancy.lexicon",
    "load_lexicon": "discrepancy.lexicon",
    "render": "discrepancy.report",
    **dict.fromkeys(_MODEL, "discrepancy.model"),
}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("discrepancy")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = _version()
        return globals()[name]
    if name not in _LAZY:
        raise AttributeError(f"module 'discrepancy' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


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
    from discrepancy.kinds import quantities

    return quantities.find(text, lexicon=lexicon, reference_date=reference_date)


def find_dates(
    text: str, *, reference_date: dt.date | None = None, lexicon: Lexicon | None = None
) -> list[Mention]:
    """Every date or date range in ``text``, resolved against ``reference_date``.

    >>> monday = find_dates("on Monday", reference_date=dt.date(2018, 9, 18))
    >>> [(m.surface, str(m.low)) for m in monday]
    [('Monday', '2018-09-17')]
    """
    from discrepancy.kinds import dates

    return dates.find(text, lexicon=lexicon, reference_date=reference_date)
