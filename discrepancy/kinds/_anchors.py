"""Where the token regexes can start, found without a per-character regex scan (private).

``finditer`` with a pattern that opens with a look-behind tries the whole pattern at every
character: on news text that is most of the time spent reading numbers.  Here cheap
searches (``str.find`` for digits, a literal-led regex on the lower-cased text for words)
give a superset of the positions where a match can start, and ``matches_at`` tries the
real pattern only there, keeping ``finditer``'s non-overlapping, left-to-right result.

The lower-cased text stands for the text only when lower-casing keeps every offset and
no character case-folds onto an ASCII letter ("ſ", the Kelvin sign ...); ``safe`` says so,
and callers fall back to ``finditer`` otherwise (the results are the same, only slower).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from discrepancy.kinds._numlex import resolve, trie_pattern
from discrepancy.lexicon import Lexicon, default_lexicon

# Non-ASCII characters that IGNORECASE matches to an ASCII letter (checked by the tests).
FOLDS_ONTO_ASCII = "\u0130\u0131\u017f\u212a"
_ASCII = bytes(range(128))
_SIGNS = "-\u2212+."


def safe(text: str, lower: str) -> bool:
    """Whether ``lower`` may stand for ``text`` and ASCII digits are its only digits.

    >>> safe("Five 5", "five 5"), safe("\u0665", "\u0665")
    (True, False)
    """
    if len(lower) != len(text):
        return False
    return text.isascii() or _others_safe(text.encode("utf-8", "surrogatepass"))


def _others_safe(encoded: bytes) -> bool:
    """Whether the non-ASCII characters of a text (UTF-8 ``encoded``) are safe."""
    rest = set(encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass"))
    return not any(c.isdecimal() or c in FOLDS_ONTO_ASCII for c in rest)


def lowered(text: str) -> tuple[str, bool]:
    """``text`` lower-cased for the anchored reading, and whether it is ``safe``.

    Where the text is safe only its ASCII letters need lower-casing (the patterns read on
    the lower-cased text match ASCII letters only, and every other character is then a
    non-letter to them, in either case): much faster than ``str.lower`` on non-ASCII text.

    >>> lowered("Über 5 Tonnen"), lowered("\u212a")
    (('Über 5 tonnen', True), ('k', False))
    """
    if not text.isascii():
        encoded = text.encode("utf-8", "surrogatepass")
        if _others_safe(encoded):  # then lower-casing keeps every offset (no "\u0130")
            return encoded.lower().decode("utf-8", "surrogatepass"), True
    lower = text.lower()
    return lower, safe(text, lower)


def digit_starts(text: str) -> list[int]:
    """Where an ASCII digit run starts, and the sign or point just before it.

    >>> digit_starts("a -12 and .5")
    [2, 3, 10, 11]
    """
    positions: set[int] = set()
    for digit in "0123456789":
        i = text.find(digit)
        while i >= 0:
            positions.add(i)
            i = text.find(digit, i + 1)
    starts = set()
    for i in positions:
        if i - 1 not in positions:
            starts.add(i)
            if i and text[i - 1] in _SIGNS:
                starts.add(i - 1)
    return sorted(starts)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` when every match starts at one of ``starts`` (sorted).

    >>> [m.group() for m in matches_at(re.compile(r"\\d+"), "12 ab 345", [0, 1, 6])]
    ['12', '345']
    """
    out = []
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            out.append(m)
            end = max(m.end(), pos + 1)
    return out


def starts_of(pattern: re.Pattern[str], lower: str, *, overlapping: bool = True) -> list[int]:
    """Where the literal-led candidate ``pattern`` matches in ``lower``.

    Without ``overlapping`` a match hides the starts inside it: only for patterns whose
    matches cannot contain another true start (letters only, each starting a word).
    """
    if not overlapping:
        return [m.start() for m in pattern.finditer(lower)]
    out = []
    m = pattern.search(lower)
    while m is not None:
        out.append(m.start())
        m = pattern.search(lower, m.start() + 1)
    return out


@functools.cache
def _count_candidates(lexicon: Lexicon) -> re.Pattern[str] | None:
    """Candidates for approximate counts ("a few"): counts_re without its look-arounds."""
    nl = resolve(lexicon)
    if not nl.counts:
        return None
    keys = sorted({" ".join(key.split()) for key in nl.counts if key.split()}, key=len)
    return re.compile(trie_pattern(keys[::-1]).replace(r"\ ", r"\s+")) if keys else None


@functools.cache
def _letters_table() -> bytes:
    """A ``bytes.translate`` table keeping ASCII lower-case letters, every other byte a space."""
    return bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def letters_pattern(keys: Iterable[str], spaces: str = " {1,3}") -> tuple[re.Pattern[bytes], str]:
    """The phrases ``keys`` as they read in ``letters_only`` text, after a space and before a
    non-letter (a search led by a literal); ``spaces`` is what a space of a phrase may be
    there.  Also the characters that begin a phrase as a non-letter: a text holding one
    must be read another way.

    >>> pattern, odd = letters_pattern(["two", "½"])
    >>> [m.start() + 1 for m in pattern.finditer(letters_only("(two) twos"))], odd
    ([1], '½')
    """
    letters, odd = set(), set()
    for key in keys:
        read = key.encode("latin-1", "replace").translate(_letters_table()).decode()
        if read[:1].isalpha():
            letters.add(read)
        elif key:
            odd.add(key[0])
    alt = trie_pattern(sorted(letters, key=len, reverse=True)).replace(r"\ ", spaces) or "(?!)"
    return re.compile(f" (?=(?:{alt})(?![a-z]))".encode()), "".join(sorted(odd))


@functools.cache
def _word_candidates(lexicon: Lexicon) -> tuple[re.Pattern[bytes], str]:
    """``letters_pattern`` of the number words and idioms."""
    nl = resolve(lexicon)
    return letters_pattern({*nl.words, *nl.idioms})


_CONTINUATION = bytes(range(0x80, 0xC0))  # UTF-8 bytes that continue a character


def letters_only(lower: str) -> bytes:
    """``lower`` one byte a character, ASCII lower-case letters kept, the rest spaces.

    >>> letters_only("één 2 Ab")
    b'  n    b'
    """
    encoded = lower.encode("utf-8", "surrogatepass")
    return encoded.translate(_letters_table(), _CONTINUATION)  # a character's first byte


def starts_in(pattern: re.Pattern[bytes], letters: bytes) -> list[int]:
    """Where the phrases of ``pattern`` (from ``letters_pattern``) may start, 0 first."""
    return [0, *(m.start() + 1 for m in pattern.finditer(letters))]


def word_starts(lower: str, lexicon: Lexicon | None) -> list[int]:
    """Positions of ``lower`` where a number word of the lexicon may start.

    The words are looked for after a space in ``letters_only`` text, where they match
    wherever they match in ``lower`` after a non-letter: few candidates, each after a
    non-letter.  Texts holding a character that begins a word as a non-letter ("½") use
    the whole word pattern in a look-ahead instead.

    >>> word_starts("five or six, 1½", None), word_starts("(one) or two", None)
    ([0, 8, 14], [0, 1, 9])
    """
    lex = lexicon or default_lexicon()
    pattern, odd = _word_candidates(lex)
    if any(c in lower for c in odd):
        words = resolve(lex).lower_word_before
        return [0, *(m.start() + 1 for m in words.finditer(lower))]
    return starts_in(pattern, letters_only(lower))


def count_starts(lower: str, lexicon: Lexicon | None) -> list[int]:
    """Positions of ``lower`` where an approximate count ("a few") may start."""
    pattern = _count_candidates(lexicon or default_lexicon())
    return [] if pattern is None else starts_of(pattern, lower)
