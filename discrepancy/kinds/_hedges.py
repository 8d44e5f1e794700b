"""Hedges, range joiners and percent words of ``numbers.toml``, compiled per lexicon (private)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from discrepancy.kinds._numlex import FILE, section, trie_pattern
from discrepancy.lexicon import Lexicon, LexiconError, default_lexicon

_BOUNDS = {"low", "high", "point", "inclusive", "negative"}


@attrs.frozen(kw_only=True)
class Hedge:
    """What a hedge word does to the number it qualifies."""

    bound: str  # "low" (the number is a lower bound), "high", or "point"
    inclusive: bool = True
    approximate: bool = False


@attrs.frozen(kw_only=True)
class HedgeLex:
    """Compiled hedges: before and after a number, range joiners, percent words."""

    before_re: re.Pattern[str]
    # before_re backwards: read on the reversed text, it matches the longest hedge first
    before_reversed: re.Pattern[str]
    before: Mapping[str, Hedge]
    after_re: re.Pattern[str]
    after: Mapping[str, Hedge]
    joiner_re: re.Pattern[str]
    approximate_joiners: frozenset[str]
    between_re: re.Pattern[str]
    percent_re: re.Pattern[str]
    percent_before_re: re.Pattern[str]
    ratio_re: re.Pattern[str]
    share_re: re.Pattern[str]
    pair_re: re.Pattern[str]
    hundredths: frozenset[str]


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _alternation(phrases: list[str]) -> str:
    return trie_pattern(sorted({_key(p) for p in phrases}, key=len, reverse=True)).replace(
        r"\ ", r"[ \t]{1,3}"
    )


def _phrases(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(FILE, key, "must be a list of non-empty strings")
    return list(value)


def _hedges(lex: Lexicon, name: str) -> dict[str, Hedge]:
    out: dict[str, Hedge] = {}
    for key, spec in section(lex, name).items():
        where = f"{name}.{key}"
        if not isinstance(spec, Mapping):
            raise LexiconError(FILE, where, "must be a table")
        bound = spec.get("bound")
        if bound not in _BOUNDS:
            raise LexiconError(FILE, f"{where}.bound", f"must be one of {sorted(_BOUNDS)}")
        hedge = Hedge(
            bound=str(bound),
            inclusive=bool(spec.get("inclusive", True)),
            approximate=bool(spec.get("approximate", False)),
        )
        for phrase in _phrases(spec.get("phrases"), f"{where}.phrases"):
            out.setdefault(_key(phrase), hedge)
    return out


def _edge(phrases: list[str], side: str) -> str:
    """Letters may not touch a word-like phrase on ``side``; symbols may touch anything."""
    words = [p for p in phrases if p[0 if side == "before" else -1].isalpha()]
    symbols = [p for p in phrases if p not in words]
    parts = []
    if words:
        alt = _alternation(words)
        parts.append(rf"(?<![A-Za-z])(?:{alt})" if side == "before" else rf"(?:{alt})(?![A-Za-z])")
    if symbols:
        parts.append(f"(?:{_alternation(symbols)})")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _reversed(phrases: Iterable[str]) -> re.Pattern[str]:
    """``_edge(phrases, "before")`` and the spaces after it, for the reversed text.

    One trie of the reversed phrases prefers the longest one that matches: the one that
    starts first in the text, where ``before_re.search`` finds it.
    """
    ends = {_key(p)[::-1]: "(?![A-Za-z])" if p[0].isalpha() else "" for p in sorted(phrases)}
    alt = trie_pattern(ends).replace(r"\ ", r"[ \t]{1,3}") or "(?!)"
    return re.compile(rf"[ \t]{{0,3}}(?:{alt})", re.I)


@functools.cache
def compiled(lex: Lexicon) -> HedgeLex:
    """The hedges of ``lex``, compiled (cached per lexicon object)."""
    before, after = _hedges(lex, "hedges"), _hedges(lex, "suffix_hedges")
    ranges = section(lex, "range")
    joiners = _phrases(ranges.get("joiners", ["-", "to"]), "range.joiners")
    between = _phrases(ranges.get("between", ["between"]), "range.between")
    approx = _phrases(ranges.get("approximate_joiners", []), "range.approximate_joiners")
    percent = _phrases(section(lex, "percent").get("phrases", ["%"]), "percent.phrases")
    return HedgeLex(
        before_re=re.compile(rf"{_edge(list(before), 'before')}[ \t]{{0,3}}\Z", re.I),
        before_reversed=_reversed(before),
        before=before,
        after_re=re.compile(
            r"[ \t]{0,3}" + _edge(list(after), "after") + r"(?![ \t]*\d)(?![ \t]+than)",
            re.I,
        ),
        after=after,
        joiner_re=re.compile(
            # a suspended hyphen may come first: "8- to 16-meter"
            r"(?:-(?=[ \t]{1,3}[A-Za-z]))?[ \t]{0,3}(?P<j>"
            + _alternation(joiners)
            + r")(?![A-Za-z])[ \t]{0,3}",
            re.I,
        ),
        approximate_joiners=frozenset(_key(j) for j in approx),
        between_re=re.compile(rf"(?<![A-Za-z])(?:{_alternation(between)})[ \t]{{1,3}}\Z", re.I),
        ratio_re=re.compile(
            r"[ \t]{1,3}(?:"
            + _alternation(_phrases(section(lex, "ratio").get("words", ["over"]), "ratio.words"))
            + r")[ \t]{1,3}",
            re.I,
        ),
        share_re=re.compile(
            r"[ \t]{1,3}(?P<s>"
            + _alternation(
                _phrases(section(lex, "ratio").get("shares", ["out of"]), "ratio.shares")
            )
            + r")[ \t]{1,3}",
            re.I,
        ),
        percent_before_re=re.compile(
            r"(?<![A-Za-z])(?:"
            + _alternation([p for p in percent if p[0].isalpha()] or ["percent"])
            + r")[ \t]{1,3}of[ \t]{1,3}\Z",
            re.I,
        ),
        percent_re=re.compile(r"[ \t]?(?:" + _alternation(percent) + r")(?![A-Za-z])", re.I),
        pair_re=re.compile(r"[ \t]{0,3}(?:,|,?[ \t]{0,3}(?:and|but))[ \t]{1,3}", re.I),
        hundredths=frozenset(
            _phrases(section(lex, "money").get("hundredths", []) or ["cent"], "money.hundredths")
        ),
    )


def resolve(lexicon: Lexicon | None) -> HedgeLex:
    """The compiled hedges of ``lexicon`` (default: the shipped one)."""
    return compiled(lexicon or default_lexicon())


def hedge_before(hl: HedgeLex, text: str, pos: int) -> tuple[int, Hedge] | None:
    """The hedge that ends right before ``pos`` (spaces allowed), with where it starts."""
    lead = max(0, pos - 40)
    # backwards from pos (one match, not a search); one character more for the look-behind
    found = hl.before_reversed.match(text[max(0, lead - 1) : pos][::-1])
    if found is None:
        return None
    start = pos - found.end()
    if start < lead:  # it starts before the window: what does the window hold?
        m = hl.before_re.search(text, lead, pos)
        start = -1 if m is None else m.start()
    hedge = None if start < 0 else hl.before.get(_key(text[start:pos].strip()))
    return None if hedge is None else (start, hedge)  # "moſt": no key


def hedge_after(hl: HedgeLex, text: str, pos: int) -> tuple[int, Hedge] | None:
    """The hedge that starts right at ``pos`` (spaces allowed), with where it ends."""
    m = hl.after_re.match(text, pos)
    hedge = None if m is None else hl.after.get(_key(m.group().strip()))
    return None if m is None or hedge is None else (m.end(), hedge)
