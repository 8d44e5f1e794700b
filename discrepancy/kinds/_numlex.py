"""The number words of ``numbers.toml``, validated and compiled once per lexicon (private)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from discrepancy.lexicon import Lexicon, LexiconError, default_lexicon

FILE = "numbers.toml"

# Token kinds of the word grammar.
CARD = "card"  # zero .. ninety
SCALE = "scale"  # hundred, thousand, million ...
ORD = "ord"  # first .. trillionth
DENOM = "denom"  # halves, thirds, fifths ...
FRAC = "frac"  # half, quarter
DOZEN = "dozen"  # dozen, gross
VAGUE = "vague"  # dozens, hundreds, several
NEG = "neg"  # minus, negative
POINT = "point"  # point (decimal)
DIG = "dig"  # digits


@attrs.frozen(kw_only=True, cache_hash=True)  # hashed as a cache key (``_numwords._lone``)
class Word:
    """What one number word means to the grammar."""

    kind: str
    value: Fraction = Fraction(0)
    plural: bool = False
    low: Fraction = Fraction(0)
    high: Fraction = Fraction(0)
    high_inclusive: bool = True
    multiplies: bool = False


@attrs.frozen(kw_only=True)
class NumLex:
    """Compiled number knowledge: word table, token regex, abbreviations."""

    words: Mapping[str, tuple[Word, ...]]
    digit_re: re.Pattern[str]
    word_re: re.Pattern[str]
    lower_word_re: re.Pattern[str]
    # where lower_word_re matches, as the character before it (see _anchors.word_starts)
    lower_word_before: re.Pattern[str]
    abbrev_re: re.Pattern[str] | None
    abbreviations: Mapping[str, Fraction]
    glued_only: frozenset[str]
    money_only: frozenset[str]
    counts_re: re.Pattern[str] | None
    counts: Mapping[str, Fraction]
    skip_re: re.Pattern[str]
    idioms: frozenset[str]


def number(table: Mapping[str, Any], section: str, key: str) -> Fraction:
    """A number entry as an exact fraction, or ``LexiconError``."""
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise LexiconError(FILE, f"{section}.{key}", "must be a number")
    return Fraction(value).limit_denominator(10**6) if isinstance(value, float) else Fraction(value)


def section(lex: Lexicon, name: str) -> Mapping[str, Any]:
    """One table of ``numbers.toml`` (empty when absent), checked to be a table."""
    value = lex.table("numbers").get(name, {})
    if not isinstance(value, Mapping):
        raise LexiconError(FILE, name, "must be a table")
    return value


def trie_pattern(
    words: Iterable[str] | Mapping[str, str], *, char: Callable[[str], str] = re.escape
) -> str:
    """A regex alternation of ``words`` factored by common prefixes (no backtracking
    blow-up; a failing match fails early); "" when there are none. From a mapping, each word
    is followed by its own pattern; ``char`` writes one character (escaped by default).

    >>> trie_pattern(["ten", "tenth", "two"])
    't(?:en(?:th)?|wo)'
    >>> trie_pattern({"mar": "(?!h)", "march": "(?!e)"})
    'mar(?:ch(?!e)|(?!h))'
    """
    ends = words if isinstance(words, Mapping) else dict.fromkeys(words, "")
    trie: dict[str, Any] = {}
    for word, end in ends.items():
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = end
    return _render(trie, char)


def _render(node: dict[str, Any], char: Callable[[str], str]) -> str:
    end: str | None = node.get("")
    branches = [char(ch) + _render(child, char) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return end or ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end is None:
        return body
    if end:
        return f"(?:{body}|{end})"
    return (f"(?:{body})" if len(branches) == 1 and len(body) > 1 else body) + "?"


def _add(words: dict[str, list[Word]], key: str, word: Word) -> None:
    words.setdefault(key.lower(), []).append(word)


def _word_table(lex: Lexicon) -> dict[str, list[Word]]:
    words: dict[str, list[Word]] = {}
    for key in section(lex, "cardinals"):
        _add(words, key, Word(kind=CARD, value=number(section(lex, "cardinals"), "cardinals", key)))
    for key in section(lex, "scales"):
        value = number(section(lex, "scales"), "scales", key)
        _add(words, key, Word(kind=SCALE, value=value, plural=key.endswith("s")))
    for name, kind in (("ordinals", ORD), ("denominators", DENOM), ("fractions", FRAC)):
        table = section(lex, name)
        for key in table:
            _add(words, key, Word(kind=kind, value=number(table, name, key)))
    dozens = section(lex, "dozens")
    for key in dozens:
        _add(words, key, Word(kind=DOZEN, value=number(dozens, "dozens", key)))
    for key, spec in section(lex, "vague").items():
        _add(words, key, _vague(key, spec))
    negative = section(lex, "negative").get("words", [])
    if not isinstance(negative, list):
        raise LexiconError(FILE, "negative.words", "must be a list of strings")
    for key in negative:
        _add(words, str(key), Word(kind=NEG))
    _add(words, "point", Word(kind=POINT))
    _run_together(words)
    return words


def _run_together(words: dict[str, list[Word]]) -> None:
    """Tens and units written as one word: "twentyone", "thirtyfirst"."""
    tens = [(k, w) for k, ws in words.items() for w in ws if w.kind == CARD and _is_tens(w.value)]
    ones = [
        (k, w)
        for k, ws in list(words.items())
        for w in ws
        if w.kind in {CARD, ORD} and 0 < w.value < 10 and k.isalpha()
    ]
    for ten_key, ten in tens:
        for one_key, one in ones:
            _add(words, ten_key + one_key, Word(kind=one.kind, value=ten.value + one.value))


def _is_tens(value: Fraction) -> bool:
    return 20 <= value < 100 and value % 10 == 0


def _vague(key: str, spec: Any) -> Word:
    if not isinstance(spec, Mapping) or "low" not in spec or "high" not in spec:
        raise LexiconError(FILE, f"vague.{key}", "must be a table with low and high")
    low, high = number(spec, "vague", "low"), number(spec, "vague", "high")
    if low > high:
        raise LexiconError(FILE, f"vague.{key}", "low must not exceed high")
    return Word(
        kind=VAGUE,
        low=low,
        high=high,
        high_inclusive=bool(spec.get("high_inclusive", True)),
        multiplies=bool(spec.get("multiplies", False)),
    )


# Clock times and all-digit dates are the dates module's: "04:17", "2018-09-18", "5/17/2018".
CLOCK_OR_DATE = r"\d{1,2}:\d{2}(?::\d{2})?|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}"

# Digit groups: "3/4", Indian "12,34,567" (lakh grouping), "1,234,567", "1 234 567".
DIGITS = (
    r"(?P<dig>(?<![0-9./])[-−+]?"
    r"(?:\d{1,6}/\d{1,6}(?![/\d]|\.\d)|\d{1,2},(?:\d{2},){1,7}\d{3}(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)"
    r"|\d{1,3}(?:[\u202f\u2009\u00a0]\d{3})+(?!\d)|\d{1,3}(?: \d{3}){2,}(?!\d)|\d{1,3} 000(?!\d)"
    r"|\d+)"
    r"(?:\.\d+)?(?:[eE][-+]?\d+(?![\w]))?"
    r"|(?<![0-9.])\.\d+)"
    # powers ("1.1^23") and scientific notation ("6.23x10^-4", "2.48×10−5")
    r"(?:\^(?P<psign>[-−+]{0,2})(?P<pexp>\d{1,3})(?!\d)"
    r"|[x×]10(?:\^(?P<ssign>[-−+]?)|(?P<sminus>[-−]))(?P<sexp>\d{1,3})(?!\d))?"
    r"(?P<ordsuf>(?:st|nd|rd|th|ST|ND|RD|TH)(?![A-Za-z]))?"
)


@functools.cache
def compiled(lex: Lexicon) -> NumLex:
    """The number knowledge of ``lex``, compiled (cached per lexicon object)."""
    table = _word_table(lex)
    idioms = frozenset(
        " ".join(i.lower().split())
        for i in _strings(section(lex, "idioms").get("phrases", []), "idioms.phrases")
    )
    word_alt = trie_pattern(sorted({*table, *idioms}, key=len, reverse=True))
    word_alt = word_alt.replace(r"\ ", r"[ \t]{1,3}")
    # Two passes are faster than one alternation: the lookahead lets the engine skip to
    # candidate characters for digits.
    digit_re = re.compile(r"(?=[-−+.\d])" + DIGITS)
    word_re = re.compile(r"(?<![A-Za-z])(?i:" + word_alt + r")(?![A-Za-z])")
    # the same on lower-cased text: case-sensitive matching is much faster
    lower_word_re = re.compile(r"(?<![a-z])(?:" + word_alt + r")(?![a-z])")
    abbr = dict(section(lex, "abbreviations"))
    glued = _strings(abbr.pop("glued_only", []), "abbreviations.glued_only")
    money = _strings(abbr.pop("money_only", []), "abbreviations.money_only")
    abbreviations = {key: number(abbr, "abbreviations", key) for key in abbr}
    abbrev_re = None
    if abbreviations:
        alt = "|".join(re.escape(k) for k in sorted(abbreviations, key=len, reverse=True))
        abbrev_re = re.compile(r"(?P<sp>[ \u00a0]?)(?P<ab>" + alt + r")(?![A-Za-z])")
    counts = {
        key.lower(): number(section(lex, "approximate_counts"), "approximate_counts", key)
        for key in section(lex, "approximate_counts")
    }
    counts_re = None
    if counts:
        pattern = trie_pattern(sorted(counts, key=len, reverse=True)).replace(r"\ ", r"\s+")
        counts_re = re.compile(r"(?<![A-Za-z])(?i:" + pattern + r")(?![A-Za-z])")
    return NumLex(
        skip_re=re.compile(r"(?=\d)(?<![\d.:/-])(?:" + CLOCK_OR_DATE + r")(?![\d:/])"),
        idioms=idioms,
        words={k: tuple(v) for k, v in table.items()},
        digit_re=digit_re,
        word_re=word_re,
        lower_word_re=lower_word_re,
        lower_word_before=re.compile(r"[^a-z](?=(?:" + (word_alt or "(?!)") + r")(?![a-z]))"),
        abbrev_re=abbrev_re,
        abbreviations=abbreviations,
        glued_only=glued,
        money_only=money,
        counts_re=counts_re,
        counts=counts,
    )


def _strings(value: Any, key: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(FILE, key, "must be a list of strings")
    return frozenset(value)


def resolve(lexicon: Lexicon | None) -> NumLex:
    """The compiled number knowledge of ``lexicon`` (default: the shipped one)."""
    return compiled(lexicon or default_lexicon())
