"""Which grammar rules may begin at a token: only those are tried there.

Each rule is listed by name with the first words it may begin with: words ("the"), groups
of words ("months", "days": day numbers in digits or words), or digit runs by length ("#2":
two digits, "#9": nine or more). The lists are generous on purpose: a rule left out where it
could match would lose a date, so ``Scanner(every_rule=True)`` tries every rule everywhere and
the tests compare the two.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from discrepancy.kinds._dates_lex import Words
from discrepancy.kinds._dates_periods import PORTIONS
from discrepancy.kinds._dates_scan import Match, Scanner

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


def heads(s: Scanner, i: int, rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """Those of ``rules`` that may match at token ``i`` (all of them with ``s.every_rule``).

    >>> from discrepancy.kinds._dates_lex import Tokens, resolve_lexicon
    >>> from discrepancy.kinds._dates_grammar import _WRITTEN
    >>> s = Scanner(Tokens("on 17 May"), resolve_lexicon(None), None)
    >>> [rule.__name__ for rule in heads(s, 1, _WRITTEN)]
    ['listed_day', 'day_first', 'numeric']
    >>> heads(s, 0, _WRITTEN)
    ()
    """
    if s.every_rule:
        return rules
    found = _tables(s.w).get(id(rules))
    if found is None or found[0] is not rules:  # an id may be reused by a new tuple
        return table(s.w, rules).get(head(s.low(i)), ())
    low = s.low(i)
    return found[1].get(_DIGITS[min(len(low), 9)] if low.isdigit() else low, ())


def head(low: str) -> str:
    """A lower-cased token as the tables of rules know it: "#2" for two digits.

    >>> head("17"), head("sept")
    ('#2', 'sept')
    """
    return _DIGITS[min(len(low), 9)] if low.isdigit() else low


def table(w: Words, rules: tuple[Rule, ...]) -> dict[str, tuple[Rule, ...]]:
    """Which of ``rules`` may begin at a token, by ``head`` (cached per word lists)."""
    tables = _tables(w)
    found = tables.get(id(rules))
    if found is None or found[0] is not rules:  # an id may be reused by a new tuple
        found = tables[id(rules)] = rules, _rules_by_start(w, rules)
    return found[1]


@functools.cache
def _tables(w: Words) -> dict[int, tuple[tuple[Rule, ...], dict[str, tuple[Rule, ...]]]]:
    """The tables of ``_rules_by_start`` made so far for one lexicon, by list of rules."""
    return {}


def _rules_by_start(w: Words, rules: tuple[Rule, ...]) -> dict[str, tuple[Rule, ...]]:
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
    }
    table: dict[str, list[Rule]] = {}
    for rule in rules:
        for head in _HEADS[rule.__name__]:
            for word in groups.get(head, {head}):
                found = table.setdefault(word, [])
                if rule not in found:
                    found.append(rule)
    order = {rule: n for n, rule in enumerate(rules)}
    return {word: tuple(sorted(found, key=order.__getitem__)) for word, found in table.items()}
