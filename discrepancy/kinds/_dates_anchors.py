"""Where dates may be: the anchors of a text, found in one pass of a compiled regex.

Every date holds an *anchor*: a digit or a date word of the lexicon (a month, a weekday, a
number word, "last", "yesterday", "week", a holiday's first word ...). Before its first
anchor a date has at most a run of *prefix* words ("the", "from", "end", "of", "-" ...).
Three kinds of anchor are only kept where a date can be, judged from the next or the
previous token (the grammar never begins a date otherwise; the tests compare the fast path
with the grammar tried everywhere):

* a number (digits other than a year's four or a "20180917", or a word only found among
  the cardinals: "two", "fifteen") only before a word that may go on a date: a month, a
  unit ("days"), "this"/"next"/"last" ..., "of", "and", a range's joiner, an ordinal
  suffix ("17th"), a separator ("9/17"), another number word ("twenty five") ...;
* the first word of a holiday's name, that is no other date word, only before the second
  word of one of its names ("new year", not "New York"); a one-word name is kept as it is;
* a word that no rule begins with (a plural unit: "days") only just after a prefix word:
  it is there only to bring in the prefix words before it ("a few days": no date starts
  at "few" or "days").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

import attrs

from discrepancy.kinds._dates_absolute import RANGE_WORDS
from discrepancy.kinds._dates_lex import STARTERS, Words
from discrepancy.kinds._dates_scan import ORDINAL_SUFFIXES, SEPARATORS
from discrepancy.kinds._numlex import trie_pattern

# The words a date may begin with before its first anchor, and how many of them in a row.
PREFIX = frozenset({
    "the", "that", "a", "an", "on", "in", "at", "for", "from", "between", "within", "during",
    "since", "of", "-", "'", "early", "late", "mid", "middle", "beginning", "start", "end",
    "earlier", "later",
})  # fmt: skip
# Content words the rules read after prefix words, besides the lexicon's.
CONTENT = frozenset({"weekend", "workweek", "century", "couple", "now", "date", "week", "year"})
_LONGEST = max(map(len, PREFIX))
# Words that may follow a number in a date, besides the lexicon's months, units, numbers.
_AFTER_NUMBER = frozenset({
    ",", "and", "or", "of", "s", "'", "thousand", "hundred", "o", "oh", "couple",
}) | RANGE_WORDS | ORDINAL_SUFFIXES | SEPARATORS  # fmt: skip
# The words some rule begins with only before one of these words; else they are kept only
# after a prefix word ("the year", "a year ago"), as words no rule begins with.
_NEEDS: dict[str, frozenset[str]] = {
    "year": frozenset({"to", "after", "before"}),  # "year to date", "the year after next"
    "weekend": frozenset({"of"}),  # "weekend of Halloween"
    "now": RANGE_WORDS,  # "now - Friday", as a range's end
    "date": RANGE_WORDS,
}
# Words of STARTERS that are shifts too ("current date"): _AFTER_SHIFT has what follows.
_SHIFTS = frozenset({"current"})
# ... and after "next", "last", "this" ..., besides the lexicon's date words and numbers.
_AFTER_SHIFT = frozenset({
    "the", "a", "an", "one", "couple", "week", "weekend", "workweek", "work", "working",
    "calendar", "now", "date", *"0123456789",
})  # fmt: skip


@attrs.frozen(kw_only=True, eq=False)
class Anchors:
    """The anchor words of one lexicon, the prefix words, and the regexes finding anchors.

    ``words_at`` finds anchor words after a character that is no ASCII letter (so the regex
    engine skips the insides of words quickly); a word that takes part in a group is kept
    only after a prefix word, which ``prefix_before`` finds where the text is cut just
    after it. ``others_at`` finds anchors of one character other than a digit (``None``:
    there are none). Runs of digits are found with ``str.find`` and kept when
    ``after_number`` matches after them (or they may be a year). A few more tokens may be
    found (a word after a letter beyond ASCII): the tokens of each window are checked again.
    """

    words: frozenset[str]
    prefix: frozenset[str]
    words_at: re.Pattern[str]
    others_at: re.Pattern[str] | None
    after_number: re.Pattern[str]
    prefix_before: re.Pattern[str]

    def find(self, text: str) -> list[tuple[int, int]]:
        """The spans of the anchors of ``text`` (and maybe a few more tokens), in order."""
        low = text.lower()
        words, others, after, before = (
            self.words_at,
            self.others_at,
            self.after_number,
            self.prefix_before,
        )
        if len(low) != len(text):  # a few letters lower-case to two characters
            words, after, before = (
                re.compile(x.pattern, re.IGNORECASE) for x in (words, after, before)
            )
            others = others and re.compile(others.pattern, re.IGNORECASE)
            low = text
        spans = [
            (m.start(), m.end() - 1)
            for m in words.finditer(" " + low)
            if not m.lastindex or _after_prefix(low, m.start(), before)
        ]
        match = after.match
        spans += [(i, j) for i, j in _digit_runs(low) if j - i in (4, 8) or match(low, j)]
        if others is not None:
            spans += [m.span() for m in others.finditer(low)]
        spans.sort()
        return spans


def _after_prefix(text: str, start: int, prefix_before: re.Pattern[str]) -> bool:
    """Whether the token before offset ``start`` is a prefix word."""
    j = start
    while j and text[j - 1].isspace():
        j -= 1
    return prefix_before.search(text, max(j - _LONGEST, 0), j) is not None


def _digit_runs(text: str) -> list[tuple[int, int]]:
    """The spans of the runs of ASCII digits (``str.find`` is quicker than a regex here).

    >>> _digit_runs("On 9/17, 2018")
    [(3, 4), (5, 7), (9, 13)]
    """
    found: list[int] = []
    for digit in "0123456789":
        i = text.find(digit)
        while i >= 0:
            found.append(i)
            i = text.find(digit, i + 1)
    found.sort()
    runs: list[tuple[int, int]] = []
    end = -1
    for i in found:
        if i == end:
            end += 1
            runs[-1] = runs[-1][0], end
        else:
            end = i + 1
            runs.append((i, end))
    return runs


@functools.cache
def anchors(w: Words) -> Anchors:
    """The anchors of a lexicon's date words (cached per word lists).

    >>> from discrepancy.kinds._dates_lex import resolve_lexicon
    >>> a = anchors(resolve_lexicon(None))
    >>> text = "On Sept. 17, the week; 15 people, new year, New York; two days, in the days"
    >>> [text[start:end] for start, end in a.find(text)]
    ['Sept', '17', 'week', 'new', 'two', 'days']
    """
    tables = (w.months, w.weekdays, w.cardinals, w.ordinals, w.relative_days, w.shifts)
    lexical = set(w.holiday_heads).union(*tables, w.weekday_shifts, w.decades, w.units)
    lexical |= {key[0] for key in w.holidays}
    prefix = PREFIX - lexical  # a date word of the lexicon is always an anchor
    words = frozenset((w.starters | lexical | CONTENT) - prefix)
    headless = {x for x in words if x.isalpha()} - w.starters
    # A token is a run of letters, a run of digits, or one other character: longer words
    # not all letters ("valentine's") are never a token.
    singles = sorted(x for x in words if len(x) == 1 and not x.isalpha())
    after = set(_AFTER_NUMBER).union(w.months, w.shifts, w.units, w.cardinals, w.ordinals)
    return Anchors(
        words=words,
        prefix=prefix,
        words_at=re.compile(_pattern(w, words, headless, after)),
        others_at=re.compile("|".join(map(re.escape, singles))) if singles else None,
        after_number=re.compile(_next_token(after)),
        prefix_before=re.compile(_prefix_before(prefix)),
    )


def _prefix_before(prefix: frozenset[str]) -> str:
    """A regex matching a prefix word (a whole token) at the end of the text searched."""
    letters = "|".join(re.escape(p) for p in sorted(prefix) if p.isalpha())
    words = [f"(?<![^\\W\\d_])(?:{letters})"] if letters else []
    words += [f"[{re.escape(p)}’]" if p == "'" else re.escape(p) for p in prefix if not p.isalpha()]
    return rf"(?:{'|'.join(words)})\Z" if words else "(?!)"


def _pattern(w: Words, words: frozenset[str], headless: set[str], after: set[str]) -> str:
    """One trie of every anchor word, each followed by what it needs: the end of a word; a
    word that may go on a date after a number, "next" or a holiday's first word; an empty
    group when no rule begins with it (it is kept after a prefix word); either for the
    words of ``_NEEDS``."""
    letters = {x for x in words if x.isalpha()}
    lexical = set(w.months).union(w.weekdays, w.ordinals, w.relative_days, w.decades)
    shifts = set(w.shifts) | set(w.weekday_shifts)
    first = {key[0] for key in w.holidays} | w.holiday_heads
    needs = letters & _NEEDS.keys() - lexical - shifts - set(w.cardinals) - first
    sure = lexical | set(w.units) | headless | CONTENT | (STARTERS - _NEEDS.keys() - _SHIFTS)
    numbers = letters & set(w.cardinals) - sure - shifts
    shifted = letters & shifts - sure - numbers
    holidays = letters & first - sure - numbers - shifted
    plain = letters - numbers - shifted - holidays - headless - needs
    ends = dict.fromkeys(plain, "(?![a-z])")
    ends |= dict.fromkeys(numbers, rf"(?![a-z])(?={_next_token(after)})")
    ends |= dict.fromkeys(shifted, rf"(?![a-z])(?={_next_token(_after_shift(w))})")
    ends |= {x: rf"(?![a-z])(?:(?={_next_token(_NEEDS[x])})|())" for x in needs}
    ends |= {head: _holiday(head, w) for head in holidays}
    ends |= dict.fromkeys(headless, "(?![a-z])()")  # the group: kept after a prefix word
    return rf"[^a-z](?:{_trie(ends)})"


def _next_token(words: Iterable[str]) -> str:
    """A regex matching where the next token is one of ``words`` (or a longer word)."""
    words = set(words) | ({"’"} if "'" in words else set())
    letters = _trie(x for x in words if x.isalpha())
    others = _trie(x for x in words if not x.isalpha())
    return rf"\s*(?:(?:{letters})(?![a-z])|{others})"


def _after_shift(w: Words) -> set[str]:
    """The words that may follow "next", "last", "this" ... in a date."""
    heads = {key[0] for key in w.holidays} | w.holiday_heads | w.parts_of_day | _AFTER_SHIFT
    tables = (w.months, w.weekdays, w.units, w.cardinals, w.ordinals, w.shifts, w.weekday_shifts)
    return heads.union(*tables)


def _holiday(head: str, w: Words) -> str:
    """What must follow the first word of holiday names: the second word of one of them."""
    seconds = {key[1] for key in w.holidays if key[0] == head and len(key) > 1}
    return "(?![a-z])" + ("" if (head,) in w.holidays else f"(?={_next_token(seconds)})")


def _trie(words: Iterable[str] | Mapping[str, str]) -> str:
    """``trie_pattern`` of ``words``, never matching when there are none.

    >>> _trie(["may", "mar", "march"]), _trie([])
    ('ma(?:r(?:ch)?|y)', '(?!)')
    """
    return trie_pattern(words) or "(?!)"
