"""Numbers written in digits or words, with their offsets: the tokens every quantity is built on.

Compiled regexes find digit strings and number words, tried only where they can start
(``_anchors``: no per-character regex scan of the whole text); the word grammar
(``_numwords``) then reads the runs of tokens ("two hundred and five", "1.5 million",
"three quarters", "tens of thousands"). Knowledge comes from ``discrepancy/data/numbers.toml``.

>>> [(m.surface, m.low) for m in scan("two hundred and five people, 1,200 homes")]
[('two hundred and five', 205.0), ('1,200', 1200.0)]
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import NamedTuple

import attrs

from discrepancy.kinds import _anchors as anchors
from discrepancy.kinds import _numtokens as nt
from discrepancy.kinds import _numwords as nw
from discrepancy.kinds._numlex import DIG, ORD, NumLex, Word, resolve
from discrepancy.lexicon import Lexicon

__all__ = ["NumberMatch", "parse_number", "scan", "scan_lower"]

_ARTICLE = re.compile(r"(?<![A-Za-z])an?[ \t]{1,3}\Z", re.I)
_DESIGNATOR = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*[-‐‑][ ]?\Z")
_HYPHENS = frozenset("-‐‑")  # _DESIGNATOR ends with one of them and at most a space
_DECADE = re.compile(r"['’]?s(?![A-Za-z])")
_DECADE_FIRST = frozenset("'’s")
_LARGEST = Fraction(10) ** 300
_ARTICLE_KINDS = {"scale", "dozen", "frac", "ord", "denom"}
_START = operator.methodcaller("start")


@attrs.frozen(kw_only=True, slots=False)  # made for every number: a dict class inits faster
class NumberMatch:
    """A number found in a text: ``text[start:end] == surface``, value ``[low, high]``.

    ``high_inclusive`` is False for vague plurals ("dozens" is [24, 100)); ``approximate``
    marks vague words and approximate counts ("a few"). ``digits`` says whether it was
    written with digits. ``letter_before`` and ``designator`` flag numbers glued to letters
    ("MH17", "S-200"); ``glued_after`` a letter right after the digits ("180ml");
    ``money_scale``/``money_end`` an abbreviation that only a currency makes a multiplier
    ("$5m").
    """

    start: int
    end: int
    surface: str
    low: float
    high: float
    high_inclusive: bool = True
    approximate: bool = False
    ordinal: bool = False
    digits: bool = False
    letter_before: bool = False
    designator: bool = False
    glued_after: bool = False
    money_scale: float | None = None
    money_end: int | None = None


class _DigitInfo(NamedTuple):  # built for every digit token: a tuple is cheaper
    letter_before: bool
    designator: bool
    money_scale: float | None
    money_end: int | None


def scan(
    text: str, *, lexicon: Lexicon | None = None, keep_glued: bool = False
) -> list[NumberMatch]:
    """Every number in ``text``, in order, not overlapping.

    Numbers glued to letters (designators such as "F-16", "MH17", decades such as
    "1990s") are left out unless ``keep_glued`` (then flagged, decades still left out).

    >>> [(m.surface, m.low, m.high) for m in scan("dozens of F-16s, 21st, half a dozen")]
    [('dozens', 24.0, 100.0), ('21st', 21.0, 21.0), ('half a dozen', 6.0, 6.0)]
    """
    return scan_lower(text, text.lower(), lexicon=lexicon, keep_glued=keep_glued)


def scan_lower(
    text: str,
    lower: str,
    *,
    lexicon: Lexicon | None = None,
    keep_glued: bool = False,
    safe: bool | None = None,
    starts: list[int] | None = None,
) -> list[NumberMatch]:
    """``scan`` given ``lower`` = ``text.lower()`` (for callers that need it too).

    ``safe`` is ``anchors.safe(text, lower)`` when the caller knows it; ``starts`` holds
    every position where a number word or an approximate count starts (and maybe more,
    sorted), when the caller knows them (read only when safe).

    >>> [m.surface for m in scan_lower("Two or 3", "two or 3")]
    ['Two', '3']
    """
    nl = resolve(lexicon)
    fast = anchors.safe(text, lower) if safe is None else safe
    if fast and starts is None:
        starts = anchors.word_starts(lower, lexicon)
        counts_at = None if nl.counts_re is None else anchors.count_starts(lower, lexicon)
    else:
        counts_at = starts
    toks, info = _tokens(text, lower, nl, starts if fast else None)
    found: list[NumberMatch] = []
    for parsed in _parsed(text, toks):
        match = _match(text, parsed, info.get(parsed.start))
        if keep_glued or not (match.letter_before or match.designator or match.glued_after):
            found.append(match)
    counts = (
        anchors.matches_at(nl.counts_re, text, counts_at)
        if fast and counts_at is not None and nl.counts_re is not None
        else None
    )
    return _merge_counts(text, nl, found, counts)


def _parsed(text: str, toks: list[nt.Tok]) -> Iterator[nt.Parsed]:
    """The numbers read from ``toks``, in order."""
    i = 0
    while i < len(toks):
        nxt, parsed = nw.parse_one(toks, i, _article(text, toks[i]))
        i = max(nxt, i + 1)
        if parsed is not None:
            yield parsed


def _streams(
    text: str, lower: str, nl: NumLex, starts: list[int] | None
) -> list[Iterable[re.Match[str]]]:
    """The matches of the skip, digit and word patterns, each as ``finditer`` gives them.

    With ``starts`` (where number words may start, given when ``anchors.safe``) they are
    tried only where they can start.
    """
    if starts is not None:
        digits = anchors.digit_starts(text)
        words = anchors.matches_at(nl.lower_word_re, lower, starts)
        return [
            anchors.matches_at(nl.skip_re, text, digits),
            anchors.matches_at(nl.digit_re, text, digits),
            words,
        ]
    return [
        nl.skip_re.finditer(text),
        nl.digit_re.finditer(text),
        nl.lower_word_re.finditer(lower)
        if len(lower) == len(text)  # lower-casing kept every offset
        else nl.word_re.finditer(text),
    ]


def _tokens(
    text: str, lower: str, nl: NumLex, starts: list[int] | None
) -> tuple[list[nt.Tok], dict[int, _DigitInfo]]:
    toks: list[nt.Tok] = []
    info: dict[int, _DigitInfo] = {}
    prev_end: int | None = None
    streams = _streams(text, lower, nl, starts)
    matches = sorted(itertools.chain(*streams), key=_START)  # sorted runs: a linear merge
    skip_re, digit_re, words = nl.skip_re, nl.digit_re, nl.words
    for m in matches:
        if prev_end is not None and m.start() < prev_end:
            continue
        if m.re is skip_re:
            prev_end = m.end()  # times and dates: skip the numbers inside, break runs
            toks.append(nt.Tok(start=m.start(), end=m.end(), meanings=(), gap=nt.BREAK))
            continue
        if m.re is digit_re:
            tok = _digit_token(text, m, nl, info, prev_end)
            if tok is None:
                continue
        else:
            word = m.group().lower()
            if word not in words:  # an idiom ("at one point"): not a number
                prev_end = m.end()
                toks.append(nt.Tok(start=m.start(), end=m.end(), meanings=(), gap=nt.BREAK))
                continue
            start = m.start()
            gap = _gap(text, prev_end, start)
            tok = nt.Tok(start=start, end=m.end(), meanings=words[word], word=word, gap=gap)
        toks.append(tok)
        prev_end = tok.end
    return toks, info


def _gap(text: str, prev_end: int | None, start: int) -> str:
    """The kind of gap between the token that ended at ``prev_end`` and one at ``start``."""
    if prev_end is not None and start - prev_end <= 40:
        return nt.gap_kind(text[prev_end:start])
    return nt.BREAK


def _digit_token(
    text: str, m: re.Match[str], nl: NumLex, info: dict[int, _DigitInfo], prev_end: int | None
) -> nt.Tok | None:
    start, end = m.span("dig")
    raw = m.group("dig")
    if raw[0] in "-−+" and (raw[0] == "+" or _joined_before(text, start)):
        raw, start = raw[1:], start + 1
    tail = m.end() != end  # an exponent or an ordinal suffix follows the digits
    if tail and m.group("ordsuf"):
        meaning = Word(kind=ORD, value=Fraction(raw.replace(",", "")))
        gap = _gap(text, prev_end, start)
        return nt.Tok(start=start, end=m.end(), meanings=(meaning,), word="#", gap=gap)
    if text[end : end + 1] in _DECADE_FIRST and _DECADE.match(text, end) and raw[0] not in "-−":
        return None
    digit_word = _digit_word(raw)
    if digit_word is None:
        return None
    value = digit_word.value
    if tail and (m.group("pexp") or m.group("sexp")):
        powered = _power(value, m)
        if powered is None:
            return None
        value, end = powered, max(m.end("pexp"), m.end("sexp"))
    short = len(raw) < 250 and not tail and "e" not in raw and "E" not in raw
    if not short and abs(value) > _LARGEST:
        return None  # beyond floats: a run of digits, not a quantity
    scaled, money_scale, money_end = False, None, None
    ab = nl.abbrev_re.match(text, end) if nl.abbrev_re is not None else None
    if ab is not None and not (ab.group("sp") and ab.group("ab") in nl.glued_only):
        mult = nl.abbreviations[ab.group("ab")]
        if ab.group("ab") in nl.money_only:
            money_scale, money_end = float(mult), ab.end()
        else:
            value, end, scaled = value * mult, ab.end(), True
    before = text[max(0, start - 12) : start]
    hyphen = before[-1:] in _HYPHENS or (before[-2:-1] in _HYPHENS and before[-1] == " ")
    letter_before = start > 0 and text[start - 1].isalpha()
    designator = hyphen and bool(_DESIGNATOR.search(before))
    info[start] = _DigitInfo(letter_before, designator, money_scale, money_end)
    meaning = digit_word if value is digit_word.value else Word(kind=DIG, value=value)
    word = "/" if "/" in raw else "#"
    gap = _gap(text, prev_end, start) if prev_end is not None else nt.BREAK
    return nt.Tok(start, end, (meaning,), gap, word, scaled)  # positional: made for every token


def _joined_before(text: str, start: int) -> bool:
    """Whether a "-" at ``start`` joins two things ("10-20", "F-16") instead of negating."""
    before = text[max(0, start - 4) : start]
    if before[-1:].isalnum():
        return True  # "F-16", "10-20"
    before = before.rstrip()
    return bool(before) and (before[-1].isdigit() or before[-1] in "%")


def _power(value: Fraction, m: re.Match[str]) -> Fraction | None:
    """ "1.1^23" (the sign of the exponent is the parity of its minus signs), "6.23x10^-4"."""
    if m.group("pexp"):
        sign = -1 if (m.group("psign").count("-") + m.group("psign").count("−")) % 2 else 1
        exponent = sign * int(m.group("pexp"))
        if value == 0 or abs(exponent) * math.log10(abs(value)) > 300:
            return None
        return value**exponent
    negative = bool(m.group("sminus")) or ((m.group("ssign") or "") in "-−" and m.group("ssign"))
    return value * Fraction(10) ** (-int(m.group("sexp")) if negative else int(m.group("sexp")))


@functools.lru_cache(maxsize=2**14)
def _digit_word(raw: str) -> Word | None:
    """The meaning of a digit string (the same strings recur: cached)."""
    value = _digit_value(raw)
    return None if value is None else Word(kind=DIG, value=value)


def _digit_value(raw: str) -> Fraction | None:
    if "/" in raw:
        top, _, bottom = raw.partition("/")
        if not (bottom.isdigit() and top.lstrip("-−").isdigit()) or int(bottom) == 0:
            return None  # "8/1.5": a formula, not a fraction
        return Fraction(int(top.replace("−", "-")), int(bottom))
    cleaned = raw.replace(",", "").replace("\u202f", "").replace("\u2009", "").replace(" ", "")
    cleaned = cleaned.replace("\u00a0", "").replace("−", "-")
    try:
        if cleaned.isascii() and cleaned.isdigit():
            return Fraction(int(cleaned))  # the common case, without the string parser
        return Fraction(cleaned)
    except (ValueError, ZeroDivisionError):
        return None


def _article(text: str, tok: nt.Tok) -> int | None:
    for w in tok.meanings:
        if w.kind in _ARTICLE_KINDS:
            break
    else:
        return None
    window_start = max(0, tok.start - 12)
    m = _ARTICLE.search(text, window_start, tok.start)
    return None if m is None else m.start()


def _match(text: str, parsed: nt.Parsed, info: _DigitInfo | None) -> NumberMatch:
    glued = parsed.end < len(text) and text[parsed.end].isalpha()
    low = _float(parsed.low)
    return NumberMatch(
        start=parsed.start,
        end=parsed.end,
        surface=text[parsed.start : parsed.end],
        low=low,
        high=low if parsed.high is parsed.low else _float(parsed.high),
        high_inclusive=parsed.high_inclusive,
        approximate=parsed.vague,
        ordinal=parsed.ordinal,
        digits=info is not None,
        letter_before=info is not None and info.letter_before,
        designator=info is not None and info.designator,
        glued_after=glued,
        money_scale=None if info is None else info.money_scale,
        money_end=None if info is None else info.money_end,
    )


def _float(value: Fraction) -> float:
    """``float(value)``, the same quotient without the abstract base class's slow path."""
    return value.numerator / value.denominator


def _merge_counts(
    text: str, nl: NumLex, found: list[NumberMatch], counts: list[re.Match[str]] | None
) -> list[NumberMatch]:
    if nl.counts_re is None:
        return found
    extra = []
    for m in nl.counts_re.finditer(text) if counts is None else counts:
        key = " ".join(m.group().lower().split())
        value = float(nl.counts[key])
        extra.append(
            NumberMatch(
                start=m.start(),
                end=m.end(),
                surface=m.group(),
                low=value,
                high=value,
                approximate=True,
            )
        )
    if not extra:
        return found
    return merge_free(found, extra)


def merge_free(found: list[NumberMatch], extra: list[NumberMatch]) -> list[NumberMatch]:
    """``found`` plus the ``extra`` matches that overlap none of them, in order (both sorted).

    >>> a = NumberMatch(start=0, end=2, surface="10", low=10, high=10)
    >>> b = NumberMatch(start=1, end=3, surface="0x", low=0, high=0)
    >>> [m.surface for m in merge_free([a], [b])]
    ['10']
    """
    out: list[NumberMatch] = []
    k = 0
    for e in extra:
        while k < len(found) and found[k].end <= e.start:
            k += 1
        if k < len(found) and found[k].start < e.end:
            continue
        out.append(e)
    return sorted([*found, *out], key=lambda m: m.start)


def parse_number(text: str, *, lexicon: Lexicon | None = None) -> float | None:
    """The single number that ``text`` is, ``None`` on junk or when it is not one number.

    >>> parse_number("two hundred and five"), parse_number("1.5 million"), parse_number("x")
    (205.0, 1500000.0, None)
    """
    stripped = text.strip()
    if not stripped or len(stripped) > 1000:
        return None
    found = scan(stripped, lexicon=lexicon)
    if len(found) != 1 or found[0].surface != stripped or found[0].low != found[0].high:
        return None
    return found[0].low
