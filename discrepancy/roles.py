"""The role lexicon (``data/roles.toml``) compiled for lookups, and clause geometry.

A role is the question a value answers: "people killed", "strikes", "warning time",
"attack date". This module knows the words; ``extract`` decides which words apply.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

import attrs

from discrepancy.lexicon import Lexicon, LexiconError
from discrepancy.text import words

FILE = "roles.toml"


@attrs.frozen(kw_only=True)
class Counted:
    """A class of counted nouns ("people") and the events that can happen to them."""

    name: str
    events: frozenset[str]
    window: int


@attrs.frozen(kw_only=True)
class Word:
    """A role word as it sits in a sentence (offsets into the source text)."""

    start: int
    end: int
    role: str
    rank: int = 0


V = TypeVar("V")


class Phrases(dict[tuple[str, ...], V]):
    """Phrases (tuples of lower words) -> values, knowing each first word's longest phrase.

    ``firsts`` lets ``find_phrases`` skip every other word without building candidates.

    >>> Phrases({("no", "warning"): 1, ("no",): 2, ("without",): 3}).firsts
    {'no': 2, 'without': 1}
    """

    def __init__(self, entries: Mapping[tuple[str, ...], V]) -> None:
        super().__init__(entries)
        self.firsts = _firsts(self)


@attrs.frozen(kw_only=True, eq=False)
class Roles:
    """Every role word list, as phrase -> role lookups (phrases are tuples of lower words)."""

    counted: Phrases[tuple[Counted, str]]
    counted_before: Mapping[str, Counted]  # a noun right before the number ("magnitude 7.8")
    tolls: Phrases[str]  # "death toll ... 95": phrase -> role
    events: Phrases[tuple[str, int]]
    measures: Phrases[tuple[str, str]]
    date_events: Phrases[tuple[str, bool, bool]]
    absent: Phrases[tuple[str, str]]
    absent_cue: re.Pattern[str]  # the first words of the absent phrases, to skip sentences
    subjects: Mapping[str, frozenset[str]]  # measure -> nouns naming whose measure it is
    needs_subject: frozenset[str]
    clause_breaks: frozenset[str]
    noun_barriers: frozenset[str]
    plurals_without_s: frozenset[str]
    attribution: frozenset[str]
    attribution_nouns: frozenset[str]
    temporal: frozenset[str]
    longest: int  # words in the longest phrase of any table


@functools.cache
def compiled(lexicon: Lexicon) -> Roles:
    """The role tables of ``lexicon``, validated (cached per lexicon)."""
    table = lexicon.table("roles")
    counted: dict[tuple[str, ...], tuple[Counted, str]] = {}
    for entry in _entries(table, "counted"):
        cls = Counted(
            name=_str(entry, "name"),
            events=frozenset(_strs(entry, "events", required=False)),
            window=int(entry.get("window", 5)),
        )
        groups = {
            _key(noun): group
            for group, nouns in dict(entry.get("groups", {})).items()
            for noun in nouns
        }
        for noun in _strs(entry, "nouns"):
            if _key(noun) in counted and counted[_key(noun)][0].name != cls.name:
                other = counted[_key(noun)][0].name
                raise LexiconError(FILE, noun, f"counted by both {other!r} and {cls.name!r}")
            counted[_key(noun)] = (cls, groups.get(_key(noun), ""))
    counted_before = {
        word.lower(): hit[0]
        for entry in _entries(table, "counted")
        for word in _strs(entry, "before", required=False)
        for hit in [counted[_key(entry["nouns"][0])]]
    }
    tolls = {_key(w): _str(t, "role") for t in _entries(table, "toll") for w in _strs(t, "words")}
    events = {
        _key(w): (_str(e, "name"), int(e.get("rank", 5)))
        for e in _entries(table, "event")
        for w in _strs(e, "words")
    }
    measures = {
        _key(w): (_str(m, "name"), _str(m, "dimension"))
        for m in _entries(table, "measure")
        for w in _strs(m, "words")
    }
    absent = {
        _key(w): (_str(m, "name"), _str(m, "dimension"))
        for m in _entries(table, "measure")
        for w in _strs(m, "absent", required=False)
    }
    subjects = {
        _str(m, "name"): frozenset(_strs(m, "subjects", required=False))
        for m in _entries(table, "measure")
    }
    needs_subject = frozenset(
        _str(m, "name") for m in _entries(table, "measure") if m.get("require_subject")
    )
    date_events = {
        _key(w): (_str(d, "name"), bool(d.get("compare", True)), bool(d.get("subject", False)))
        for d in _entries(table, "date_event")
        for w in _strs(d, "words")
    }
    every = [*counted, *events, *measures, *date_events, *absent, *tolls]
    return Roles(
        counted=Phrases(counted),
        counted_before=counted_before,
        tolls=Phrases(tolls),
        events=Phrases(events),
        measures=Phrases(measures),
        date_events=Phrases(date_events),
        absent=Phrases(absent),
        absent_cue=_cue(k[0] for k in absent),
        subjects=subjects,
        needs_subject=needs_subject,
        clause_breaks=frozenset(_strs(table, "clause_breaks", required=False)),
        noun_barriers=frozenset(_strs(table, "noun_barriers", required=False)),
        plurals_without_s=frozenset(_strs(table, "plurals_without_s", required=False)),
        attribution=frozenset(_strs(table, "attribution", required=False)),
        attribution_nouns=frozenset(_strs(table, "attribution_nouns", required=False)),
        temporal=frozenset(_strs(table, "temporal_prepositions", required=False)),
        longest=max((len(k) for k in every), default=1),
    )


def _cue(words: Iterable[str]) -> re.Pattern[str]:
    """A regex finding any of ``words`` as a whole word, case-blind (never matches if none).

    The matches of ``\\b(?:word|...)\\b`` (case-blind), found three times faster: the
    first letter is taken from a case-sensitive class (every ASCII character matching a
    first letter case-blind, and all others), so that the engine skips in C to candidate
    letters; look-behinds then check the word boundary and the first letter case-blind.

    >>> [m.group() for m in _cue(["no", "not"]).finditer("Not now, no: knot")]
    ['Not', 'no']
    """
    unique = sorted({re.escape(w): w for w in words if w}.items(), key=lambda e: (-len(e[0]), e[0]))
    if not unique:
        return re.compile(r"(?!)")
    firsts = [re.compile(re.escape(w[0]), re.IGNORECASE) for _, w in unique]
    ascii_heads = (c for c in map(chr, range(128)) if any(f.fullmatch(c) for f in firsts))
    heads = "".join(map(re.escape, ascii_heads)) + r"\x80-\U0010ffff"
    tails = "|".join(f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for _, w in unique)
    return re.compile(rf"(?-i:[{heads}])(?<=\b.)(?:{tails})\b", re.IGNORECASE | re.DOTALL)


def _firsts(phrases: Iterable[tuple[str, ...]]) -> dict[str, int]:
    """Each word that starts a phrase -> the length of its longest phrase.

    >>> _firsts([("no",), ("no", "prior", "warning"), ("without",)])
    {'no': 3, 'without': 1}
    """
    out: dict[str, int] = {}
    for phrase in phrases:
        if phrase:
            out[phrase[0]] = max(out.get(phrase[0], 0), len(phrase))
    return out


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(w for _, _, w in words(phrase.lower().replace("-", " ")))


def _entries(table: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    value = table.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise LexiconError(FILE, name, "must be an array of tables")
    return value


def _str(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise LexiconError(FILE, key, f"must be a non-empty string in {dict(entry)!r:.60}")
    return value


def _strs(entry: Mapping[str, Any], key: str, *, required: bool = True) -> list[str]:
    value = entry.get(key, None if required else [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(FILE, key, "must be a list of non-empty strings")
    return value


class Token(NamedTuple):
    """A word of a sentence, lower-cased, hyphens split (``crew-members`` is two tokens).

    A named tuple rather than an attrs class: sentences are tokenised by the thousand and
    tokens never leave this stage.
    """

    start: int
    end: int
    word: str


STOP = re.compile(r"[.!?;:,]")  # punctuation no phrase reads across
CLAUSE_REACH = 30  # tokens; longer clauses are rare in news and cut here
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_HARD_CHARS = ";:()[]—–"
_HARD_BREAK = re.compile(f"[{re.escape(_HARD_CHARS)}]|\\s-\\s")
_START, _END, _WORD = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)


def tokens(text: str, start: int, end: int, lowered: str | None = None) -> list[Token]:
    """The words of ``text[start:end]``, lower-cased.

    ``lowered``, when given, is ``text.lower()`` made once for many calls (only when it
    has the length of ``text``, so that offsets hold in both).

    >>> [t.word for t in tokens("All 15 crew-members died.", 0, 25)]
    ['all', '15', 'crew', 'members', 'died']
    """
    if lowered is not None:  # tuple.__new__: a named tuple's own __new__ is a Python call
        found = _TOKEN.finditer(lowered, start, end)
        return [tuple.__new__(Token, (m.start(), m.end(), m.group())) for m in found]
    return [Token(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text, start, end)]


def lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset (no letter lower-cases to two), else None.

    >>> lowered("All 15"), lowered("İ")
    ('all 15', None)
    """
    low = text.lower()
    return low if len(low) == len(text) else None


def first_word(text: str, start: int, end: int) -> str:
    """The first word of ``text[start:end]``, lower-cased, as ``tokens`` reads it ("" if none).

    >>> first_word("Last Monday", 0, 11)
    'last'
    """
    match = _TOKEN.search(text, start, end)
    return match.group().lower() if match else ""


def index_at(toks: Sequence[Token], pos: int) -> int:
    """The first token ending after ``pos`` (the last token if none does).

    >>> index_at(tokens("All 15 crew", 0, 11), 4), index_at(tokens("All 15", 0, 6), 9)
    (1, 1)
    """
    i = bisect.bisect_right(toks, pos, key=_END)
    return i if i < len(toks) else max(len(toks) - 1, 0)


def first_after(toks: Sequence[Token], pos: int) -> int:
    """The index of the first token that starts at or after ``pos`` (``len(toks)`` if none).

    >>> first_after(tokens("All 15 crew", 0, 11), 5)
    2
    """
    return bisect.bisect_left(toks, pos, key=_START)


def positions(toks: Sequence[Token], vocabulary: Container[str]) -> Iterator[int]:
    """The indices of the tokens whose word is in ``vocabulary``, in order (at C speed).

    >>> list(positions(tokens("He said they said", 0, 17), {"said"}))
    [1, 3]
    """
    found = map(vocabulary.__contains__, map(_WORD, toks))
    return itertools.compress(itertools.count(), found)


def find_phrases(
    toks: Sequence[Token], table: Mapping[tuple[str, ...], Any], longest: int
) -> list[tuple[int, int, Any]]:
    """Longest-first matches of ``table``'s phrases in ``toks``: (first, last+1, value).

    When ``table`` is ``Phrases``, only tokens that start a phrase are tried, and with no
    candidate longer than the longest phrase their word starts.

    >>> find_phrases(tokens("no prior warning", 0, 16), {("no",): 1, ("no", "prior"): 2}, 2)
    [(0, 2, 2)]
    """
    words = list(map(_WORD, toks))
    count = len(words)
    firsts = table.firsts if isinstance(table, Phrases) else None
    out: list[tuple[int, int, Any]] = []
    resume = 0  # a match's words are not the start of another
    for i in range(count) if firsts is None else positions(toks, firsts):
        if i < resume:
            continue
        reach = longest if firsts is None else min(longest, firsts[words[i]])
        for size in range(min(reach, count - i), 0, -1):
            key = tuple(words[i : i + size])
            if key in table:
                out.append((i, i + size, table[key]))
                resume = i + size
                break
    return out


def clause_bounds(
    text: str, toks: Sequence[Token], index: int, breaks: frozenset[str]
) -> tuple[int, int]:
    """The token range [first, last) of the clause holding token ``index``.

    Clauses end at ; : ( ) dashes and at words that open a subordinate clause, and are cut
    at ``CLAUSE_REACH`` tokens either side (a sentence with no punctuation is not read whole
    for every value in it).

    >>> s = "It fell; 15 died when it sank"
    >>> clause_bounds(s, tokens(s, 0, len(s)), 3, frozenset({"when"}))
    (2, 4)
    """
    first = index
    floor = max(0, index - CLAUSE_REACH)
    while first > floor and not _breaks_between(text, toks, first - 1, first, breaks):
        first -= 1
    last = index + 1
    ceiling = min(len(toks), index + CLAUSE_REACH)
    while last < ceiling and not _breaks_between(text, toks, last - 1, last, breaks):
        last += 1
    return first, last


def _breaks_between(
    text: str, toks: Sequence[Token], left: int, right: int, breaks: frozenset[str]
) -> bool:
    if toks[right].word in breaks:
        return True
    gap, end = toks[left].end, toks[right].start
    if end - gap == 1:  # most words are one space apart: no regular expression for that
        return text[gap] in _HARD_CHARS
    return _HARD_BREAK.search(text, gap, end) is not None
