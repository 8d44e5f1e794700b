"""Dates and date ranges, absolute and relative to a reference date.

``find`` reads every date in a text: written dates ("September 17, 2018", "17 Sept",
"9/17/2018", "2018-09-17", "March 2011", "in 2015", "the 1990s", "mid-2015"), ranges
("between 3 and 12 of Sept", "from 2014 to 2018"), weekdays and relative expressions
("Monday evening", "last week", "three years ago") resolved against ``reference_date``
(an article's dateline). Conventions:

* a bare weekday is the latest such day on or before the reference date (the news
  convention); "next Friday" / "last Friday" are that weekday in the next / previous
  Monday-to-Sunday week, "this coming Friday" the first one after the reference date;
* a month and day without a year take their latest occurrence on or before the reference
  date, unless the next one is less than half as far away (and at most about six months
  ahead); a weekday written beside them picks between the two when only one falls on it;
* a range of months or years ends where its last named period begins ("from March to
  May" is March 1 .. May 1), as in Microsoft Recognizers-Text;
* "N days ago", "two days later", "in two weeks", "the next day" count from the reference
  date; "earlier this year" runs from January 1 to it, "later this month" from it to the
  month's end; "early/mid/late 2015" are its first, middle and last four months, "early/
  mid/late May" days 1-15, 10-20 and 16-31;
* a bare four-digit number is a year only after a cue ("in", "since", "by", "of" ...) or
  in a range of years; a bare "9/17" only after "on", "from", a comma or a weekday;
* without a reference date, "September 17" has ``year_known=False`` and relative
  expressions have ``resolved=False``.

The words (months, weekdays, holidays, relative words) come from ``dates.toml``.
"""

from __future__ import annotations

import datetime as dt

from discrepancy.kinds._dates_find import find_everywhere, find_near_anchors
from discrepancy.kinds._dates_lex import resolve_lexicon
from discrepancy.lexicon import Lexicon
from discrepancy.model import DateInterval, Mention

__all__ = ["find", "parse", "weekday_mismatch"]


def find(
    text: str, *, lexicon: Lexicon | None = None, reference_date: dt.date | None = None
) -> list[Mention]:
    """Every date mention in ``text``, in order, not overlapping.

    The grammar runs only around the anchors a date must hold (digits, date words): see
    ``_dates_find``; ``_find_everywhere`` gives the same mentions trying every token.

    >>> [(m.surface, str(m.value)) for m in find("On Monday, September 17, 2018 at noon")]
    [('Monday, September 17, 2018', '2018-09-17')]
    >>> [str(m.value) for m in find("last week", reference_date=dt.date(2018, 9, 19))]
    ['2018-09-10..2018-09-16']
    """
    return find_near_anchors(text, resolve_lexicon(lexicon), reference_date)


def _find_everywhere(
    text: str, *, lexicon: Lexicon | None = None, reference_date: dt.date | None = None
) -> list[Mention]:
    """What ``find`` returns, trying the grammar at every token: the slow oracle for tests.

    >>> [m.surface for m in _find_everywhere("from 2014 to 2018")]
    ['from 2014 to 2018']
    """
    return find_everywhere(text, resolve_lexicon(lexicon), reference_date)


def parse(
    text: str, *, lexicon: Lexicon | None = None, reference_date: dt.date | None = None
) -> DateInterval | None:
    """One surface to its date interval, ``None`` on junk.

    >>> str(parse("17 Sept. 2018"))
    '2018-09-17'
    >>> parse("Sept 17").year_known
    False
    >>> parse("fifteen people") is None
    True
    """
    try:
        mentions = find(text, lexicon=lexicon, reference_date=reference_date)
    except (ValueError, OverflowError, IndexError):
        return None
    if len(mentions) != 1:
        return None
    return mentions[0].value if isinstance(mentions[0].value, DateInterval) else None


def weekday_mismatch(value: DateInterval) -> bool:
    """Whether a weekday written beside a date is not that date's weekday.

    >>> weekday_mismatch(parse("Tuesday, September 17, 2018"))
    True
    >>> weekday_mismatch(parse("Monday, September 17, 2018"))
    False
    """
    if value.weekday is None or not value.resolved or not value.year_known:
        return False
    return value.low == value.high and value.low.weekday() != value.weekday
