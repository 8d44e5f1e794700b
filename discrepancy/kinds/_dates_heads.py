"""Which grammar rules may begin at a token: only those are tried there.

Each rule is listed by name with the first words it may begin with: words ("the"), groups
of words ("months", "days": day numbers in digits or words), or digit runs by length ("#2":
two digits, "#9": nine or more). A few rules begin at a word only before certain next words
("in" before a count: "in two weeks"), listed in ``_NEXT``. The lists are generous on
purpose: a rule left out where it could match would lose a date, so
``Scanner(every_rule=True)`` tries every rule everywhere and the tests compare the two.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from discrepancy.kinds._dates_lex import Words
from discrepancy.kinds._dates_periods import PORTIONS
from discrepancy.kinds._dates_scan import ORDINAL_SUFFIXES, Match, Scanner

Rule = Callable[[Scanner, int], Match | None]

_DIGITS = tuple(f"#{n}" for n in range(10))
# The rules of ``_dates_grammar.SINGLE``.
_SINGLE_HEADS: dict[str, tuple[str, ...]] = {
    "written": ("the", "shifts", "months", "days", "#4", "#8"),
    "weekday_lead": ("weekday_shifts", "weekdays"),
    "quarter_first": ("q", "h"),
    "bare_year": ("#4", "cardinals"),
    "decade": ("the", "in", "during", "since", "cy"),
    "century": ("days",),
    "holiday": ("the", "shifts", "holiday_heads"),
    "portion": ("the", "at", "portions"),
    "week_of": ("the", "w", "week"),
    "numbered_week": ("the", "week", "last", "days"),
    "ordinal_day": ("the", "#1", "#2"),
    "nth_of": ("the", "days"),
    "relative_day": ("the", "early", "late", "relative_days", "shifts"),
    "next_day": ("the",),
    "shift_unit": ("the", "that", "week", "month", "year", "shifts"),
    "shift_count": ("the", "within", "shifts", "counts"),
    "in_count": ("in",),
    "_offset": ("counts",),
    "weekday_expr": ("the", "early", "late", "this", "shifts", "weekday_shifts", "weekdays"),
    "year_to_date": ("year",),
    "earlier_later": ("earlier", "later"),
    "the_unit": ("the",),
    "holiday_weekend": ("the", "weekend", "shifts", "holiday_heads"),
    "first_last_of": ("the", "first", "last"),
    "weekday_offset": ("in", "counts", "weekdays"),
    "week_weekday": ("the", "w", "week", "last", "days"),
    "for_amount": ("for",),
}
# What may follow the first token of an ordinal: "17th", "twenty-first", "thirty first".
_ORDINAL = ("-", *sorted(ORDINAL_SUFFIXES), "ordinals")
# Rules that begin at a word of a group (left) only when the next token is in one of the
# groups on the right; at a word also in a group without such a condition, they are tried.
_NEXT: dict[str, dict[str, tuple[str, ...]]] = {
    # An ordinal day number and the period it counts: "the 15th century", "first week of".
    "century": {"days": ("century", *_ORDINAL)},
    "numbered_week": {"days": ("week", *_ORDINAL)},
    "week_weekday": {"days": ("week", *_ORDINAL)},
    "nth_of": {"days": ("month", "quarter", "half", "day", *_ORDINAL)},
    "decade": dict.fromkeys(("in", "during", "since"), ("decades",)),  # "during nineties"
    "in_count": {"in": ("counts",)},  # "in two weeks"
    # "in 3 days on Friday", "Monday, two weeks from now", "Mon. in 3 days"
    "weekday_offset": {"in": ("counts",), "weekdays": (",", ".", "in", "counts")},
    "shift_unit": dict.fromkeys(("week", "month", "year"), ("after", "before")),
    "year_to_date": {"year": ("to",)},
    # A year begins a date written out only before a separator, a number, a quarter or a
    # month: "2018-09-17", "2016 10 16", "2017-q1", "2019 H2", "2017 april".
    "numeric": {"#4": ("/", "-", ".", "#1", "#2")},
    "year_first": {"#4": ("-", "q", "h", "months")},
    "written": {"#4": ("/", "-", ".", "#1", "#2", "q", "h", "months")},
    # A weekday beside a date: "Monday, Sept. 17", "Mon. 13th", "Friday (7/6)", "Monday the
    # 21st", "Tuesday March 7", "Sunday twenty-first".
    "weekday_lead": {
        "weekdays": (",", "-", "(", ".", "the", "months", "days", "#1", "#2", "#4", "#8")
    },
}
# A single date begins at a word before any next token, unless every rule beginning there
# waits for certain next tokens.
_NEXT["single"] = {
    head: tuple(sorted({x for rule in rules for x in _NEXT[rule][head]}))
    for head in {head for rule in _NEXT for head in _NEXT[rule]}
    if (rules := [rule for rule, heads in _SINGLE_HEADS.items() if head in heads])
    and all(head in _NEXT.get(rule, {}) for rule in rules)
}
# ... and of the other lists of rules tried together.
_HEADS = {
    **_SINGLE_HEADS,
    "listed_day": ("#1", "#2"),
    "month_first": ("months",),
    "day_first": ("the", "days"),
    "numeric": ("#1", "#2", "#4", "#8"),
    "year_first": ("#4",),
    "single": tuple(sorted({head for heads in _SINGLE_HEADS.values() for head in heads})),
    "_day_only": ("the", "days"),
    "bare_year_cued": ("#4", "cardinals"),
    "_now": ("current", "now", "date"),
}


# The rules to try at a word: all of them, or (for a word where some rule waits for certain
# next tokens) by the next token's head, "" standing for any other.
Tried = tuple[Rule, ...] | dict[str, tuple[Rule, ...]]


def heads(s: Scanner, i: int, rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """Those of ``rules`` that may match at token ``i`` (all of them with ``s.every_rule``).

    >>> from discrepancy.kinds._dates_lex import Tokens, resolve_lexicon
    >>> from discrepancy.kinds._dates_grammar import SINGLE, _WRITTEN
    >>> s = Scanner(Tokens("on 17 May, in two weeks, in Syria"), resolve_lexicon(None), None)
    >>> [rule.__name__ for rule in heads(s, 1, _WRITTEN)]
    ['listed_day', 'day_first', 'numeric']
    >>> heads(s, 0, _WRITTEN)
    ()
    >>> [rule.__name__ for rule in heads(s, 4, SINGLE)], heads(s, 8, SINGLE)
    (['in_count', 'weekday_offset'], ())
    """
    if s.every_rule:
        return rules
    found = _tables(s.w).get(id(rules))
    tried = table(s.w, rules) if found is None or found[0] is not rules else found[1]
    low = s.low(i)
    at = tried.get(_DIGITS[min(len(low), 9)] if low.isdigit() else low, ())
    if isinstance(at, tuple):
        return at
    return at.get(head(s.low(i + 1)), at[""])


def head(low: str) -> str:
    """A lower-cased token as the tables of rules know it: "#2" for two digits.

    >>> head("17"), head("sept")
    ('#2', 'sept')
    """
    return _DIGITS[min(len(low), 9)] if low.isdigit() else low


def table(w: Words, rules: tuple[Rule, ...]) -> dict[str, Tried]:
    """Which of ``rules`` may begin at a token, by ``head`` (cached per word lists)."""
    tables = _tables(w)
    found = tables.get(id(rules))
    if found is None or found[0] is not rules:  # an id may be reused by a new tuple
        found = tables[id(rules)] = rules, _rules_by_start(w, rules)
    return found[1]


@functools.cache
def _tables(w: Words) -> dict[int, tuple[tuple[Rule, ...], dict[str, Tried]]]:
    """The tables of ``_rules_by_start`` made so far for one lexicon, by list of rules."""
    return {}


def _rules_by_start(w: Words, rules: tuple[Rule, ...]) -> dict[str, Tried]:
    """Which of ``rules`` may match at a token, by its lower-cased form ("#2" for two digits);
    a word that is no key begins none of them."""
    groups = {
        "days": {"#1", "#2", *w.ordinals, *w.cardinals},
        "counts": {"#1", "#2", "#3", *w.cardinals, "a", "an", "one", "couple"},
        "cardinals": set(w.cardinals),
        "shifts": set(w.shifts),
        "months": set(w.months),
        "weekdays": set(w.weekdays),
        "weekday_shifts": set(w.weekday_shifts),
        "relative_days": set(w.relative_days),
        "holiday_heads": set(w.holiday_heads),
        "portions": set(PORTIONS),
        "decades": set(w.decades),
        "ordinals": set(w.ordinals),
    }
    table: dict[str, dict[Rule, set[str] | None]] = {}  # None: before any next token
    for rule in rules:
        for head in _HEADS[rule.__name__]:
            after = _NEXT.get(rule.__name__, {}).get(head)
            nexts = None if after is None else set().union(*(groups.get(x, {x}) for x in after))
            for word in groups.get(head, {head}):
                found = table.setdefault(word, {})
                old = found.get(rule, set())
                found[rule] = None if nexts is None or old is None else old | nexts
    order = {rule: n for n, rule in enumerate(rules)}
    return {word: _by_next(found, order) for word, found in table.items()}


def _by_next(found: dict[Rule, set[str] | None], order: dict[Rule, int]) -> Tried:
    """The rules to try at one word: a tuple, or a tuple by the head of the next token."""

    def tried(nxt: str) -> tuple[Rule, ...]:
        rules = (rule for rule, nexts in found.items() if nexts is None or nxt in nexts)
        return tuple(sorted(rules, key=order.__getitem__))

    nexts = set().union(*(nexts for nexts in found.values() if nexts is not None))
    if not nexts:
        return tried("")
    return {nxt: tried(nxt) for nxt in (*nexts, "")}
