"""Runs of capitalised words in a text, for ``kinds.names`` (private).

A run is a stretch of capitalised words, particles ("al", "bin") and connectors ("of"),
each one space (or a title's full stop and a space) from the next, at most eight words;
``cut`` then splits it where a name cannot go on. Words are ``TOKEN`` matches, read in the
order ``TOKEN.finditer`` gives them; only words that can open a run are looked for.

One regular expression (``Names.chain``) finds where a run may open and the chain of words
that may follow it: every word the reading of the run can reach. What is read from a chain
depends on its text alone, so it is worked out once per chain text (``Names.chains``); the
words are read one at a time in place only when a blocked span meets the chain or the chain
is too long to tell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

from discrepancy.kinds import _names_data
from discrepancy.kinds._names_data import Names, fold

__all__ = ["TOKEN", "Pieces", "Token", "capitalised", "is_country_word", "runs"]

T = TypeVar("T")
MAX_WORDS = 8  # longer runs of capitalised words are cut: no name is that long
TOKEN = re.compile(_names_data.TOKEN)
# Dotted acronyms ("U.S.") where ``TOKEN`` reads them: their inner letters start no word.
_CHAIN = re.compile(r"[A-Z]\.(?<![^\W_]..)(?<![^\W_]['’‐-]..)(?:[A-Z]\.)+")
_ACRONYM_HINT = re.compile(r"\.(?<=[A-Z]\.)(?=[A-Z]\.)")  # found fast: "." comes first
_GAP_STARTS = frozenset(" \t\u00a0'’.")  # how a gap that joins two words begins


class Token(NamedTuple):
    """One word: ``text[start:end]`` is ``word``, a possessive "'s" left out."""

    start: int
    end: int
    word: str
    possessive: bool


Pieces = tuple[tuple[Token, ...], ...]


def runs(
    text: str, data: Names, blocked: list[tuple[int, int]], use: Callable[[str, Pieces, Names], T]
) -> list[tuple[int, T]]:
    """Runs of capitalised words, particles and connectors, one space apart, outside the
    ``blocked`` spans (sorted), cut where a name cannot go on; a lone stop word ("The",
    "However") is left out.

    The runs come in pieces, read from the chain of words at some ``base``; each item is
    ``(base, use(source, pieces, data))`` where ``source`` is the chain's text and the offsets of
    the pieces' words count from ``base``, or, where the chain alone does not tell,
    ``source`` is ``text`` and ``base`` 0. What ``use`` gives for a chain's text is
    remembered (it must depend on nothing else); items where it gives nothing are left out.

    >>> from discrepancy.lexicon import default_lexicon
    >>> from discrepancy.kinds._names_data import compiled
    >>> data = compiled(default_lexicon())
    >>> def words(source: str, pieces: Pieces, data: Names) -> list[list[str]]:
    ...     return [[t.word for t in piece] for piece in pieces]
    >>> runs("Then Bashar al-Assad met U.S. envoys", data, [], words)
    [(0, [['Then', 'Bashar', 'al-Assad']]), (25, [['U.S.']])]
    >>> runs("The army. He said", data, [], words)
    []
    """
    out: list[tuple[int, T]] = []
    scan = _Scan(text, data, blocked)
    memo = data.chains.get(use) or data.chains.setdefault(use, {})
    search = (data.ascii_chain if _names_data.letters_are_ascii(text) else data.chain).search
    particles = _Particles(text, data)
    acronyms, blocked_spans = scan.acronyms, scan.blocked
    pos, ahead = 0, search(text)
    ahead_start = ahead.start() if ahead else len(text)
    while True:
        if ahead_start < pos:  # else the next chain is still the one found (or none is)
            ahead = search(text, pos)
            ahead_start = ahead.start() if ahead else len(text)
        chain, start = ahead, ahead_start
        if particles.fence < start:
            chain = particles.before(chain, pos)
            start = chain.start() if chain else start
        if chain is None:
            return out
        if start > acronyms.fence and acronyms.overlaps(start, start):
            pos = start + 1
            continue
        words = chain.group()
        end = start + len(words)
        if end > blocked_spans.fence and blocked_spans.overlaps(start, end):
            words = _unblocked(text, start, end, scan)
            if not words:  # the first word is blocked: read, and no run
                pos = TOKEN.match(text, start).end()  # type: ignore[union-attr]
                continue
        size, value, wanting, too_long = memo.get(words) or _remember(memo, words, data, use)
        if too_long:  # word by word, where the chain alone does not tell
            pos = _read_in_place(scan, start, use, out)
            continue
        pos = start + size
        if wanting:  # a run of ``MAX_WORDS`` words ends the chain: the next word ends it
            following = TOKEN.search(text, pos)
            pos = following.end() if following else pos
        if value:
            out.append((start, value))


def _unblocked(text: str, start: int, end: int, scan: _Scan) -> str:
    """The chain ``start:end`` up to the first word a blocked span meets (such a word ends
    a run like a lower-case word): empty if it is the first."""
    blocked, first = scan.blocked.spans, scan.blocked.next
    last = start
    for word in TOKEN.finditer(text, start, end):
        begin, last_end = word.span()
        while first < len(blocked) and blocked[first][1] <= begin:
            first += 1
        if first < len(blocked) and blocked[first][0] < last_end:
            break
        last = last_end
    return text[start:last]


def _read_in_place(
    scan: _Scan, start: int, use: Callable[[str, Pieces, Names], T], out: list[tuple[int, T]]
) -> int:
    """Read the runs from ``start`` word by word, add what ``use`` makes of them to ``out``
    (offsets from 0), and tell where the reading stopped."""
    found: list[list[Token]] = []
    scan.read_from(start, found)
    value = use(scan.text, _pieces(found, scan.data), scan.data)
    if value:
        out.append((0, value))
    return scan.end


class _Read(NamedTuple, Generic[T]):
    """What is read from the start of a chain, as if nothing followed it."""

    end: int  # where the reading stopped
    value: T  # what ``use`` made of the pieces read
    wanting: bool  # whether it stopped for want of a next word
    cut: bool  # whether the chain may have been cut (then it cannot tell)


def _remember(
    memo: dict[str, _Read[T]], chain: str, data: Names, use: Callable[[str, Pieces, Names], T]
) -> _Read[T]:
    if len(memo) > 100_000:  # bound the memory a long-running process keeps
        memo.clear()
    found: list[list[Token]] = []
    scan = _Scan(chain, data, [])
    wanting = scan.read_from(0, found)
    cut = len(TOKEN.findall(chain)) > _names_data.CHAIN_WORDS
    read = memo[chain] = _Read(scan.end, use(chain, _pieces(found, data), data), wanting, cut)
    return read


class _Particles:
    """Where particles before a hyphen ("al-Assad") start words, and the chains there."""

    def __init__(self, text: str, data: Names) -> None:
        self.text, self.match = text, data.chain_at.match
        self.starts = _particles_before_hyphens(text, data) if data.hyphen_heads else []
        self.next = 0
        self.fence = self.starts[0] if self.starts else len(text)  # none before this one

    def before(self, chain: re.Match[str] | None, pos: int) -> re.Match[str] | None:
        """The chain at the first particle from ``pos`` on if it comes before ``chain``."""
        starts = self.starts
        while self.next < len(starts) and starts[self.next] < pos:
            self.next += 1
        self.fence = starts[self.next] if self.next < len(starts) else len(self.text)
        if self.next < len(starts) and (chain is None or starts[self.next] < chain.start()):
            return self.match(self.text, starts[self.next])
        return chain


def _pieces(found: list[list[Token]], data: Names) -> Pieces:
    """The runs cut where a name cannot go on, without lone stop words."""
    pieces = [piece for run in found for piece in cut(run, data)]
    return tuple(tuple(p) for p in pieces if len(p) > 1 or p[0].word not in data.stop)


def _particles_before_hyphens(text: str, data: Names) -> list[int]:
    if "-" not in text:
        return []
    if data.hyphen_pattern is not None:
        found = (m.start(m.lastindex or 0) for m in data.hyphen_pattern.finditer(text))
        return [start for start in found if _may_start(text, start)]
    out = []
    for hyphen in re.finditer("-", text):
        at = hyphen.start()
        for size in data.hyphen_head_sizes:
            start = at - size
            if start >= 0 and text[start:at] in data.hyphen_heads and _may_start(text, start):
                out.append(start)
    return out


def _may_start(text: str, start: int) -> bool:
    """Whether a ``TOKEN`` word may start at ``start`` (dotted acronyms aside)."""
    if not text[start].isalnum():
        return False
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or (before in "'’‐-" and start > 1 and text[start - 2].isalnum()))


class _Sweep:
    """Sorted spans that do not overlap, asked about at positions that only grow: a cursor
    that moves forward, and ``fence``, where the next span starts (before it, none is)."""

    def __init__(self, spans: list[tuple[int, int]], end: int) -> None:
        self.spans, self.end = spans, end
        self.next = 0
        self.fence = spans[0][0] if spans else end

    def overlaps(self, begin: int, end: int) -> bool:
        """Whether a span overlaps ``begin:end`` (or holds ``begin`` strictly inside, when
        ``begin == end``)."""
        spans = self.spans
        while self.next < len(spans) and spans[self.next][1] <= begin:
            self.next += 1
        self.fence = spans[self.next][0] if self.next < len(spans) else self.end
        return self.next < len(spans) and spans[self.next][0] < end


class _Scan:
    """The state of the reading: where it stopped, the blocked spans, the dotted acronyms."""

    def __init__(self, text: str, data: Names, blocked: list[tuple[int, int]]) -> None:
        self.text, self.data = text, data
        self.end = 0  # the end of the last word read
        self.blocked = _Sweep(blocked, len(text))
        hint = _ACRONYM_HINT.search(text)
        chains = (
            [(m.start(), m.end()) for m in _CHAIN.finditer(text, hint.start() - 1)] if hint else []
        )
        self.acronyms = _Sweep(chains, len(text))

    def read_from(self, start: int, out: list[list[Token]]) -> bool:
        """Read words from ``start`` (where a word starts) until no run is open; whether
        the reading stopped for want of a next word."""
        text, data = self.text, self.data
        run: list[Token] = []
        match = TOKEN.match(text, start)
        while match is not None:
            word = match.group()
            begin, self.end = match.span()
            if self._blocked(begin, self.end):
                word = "x"  # inside a designator: ends the run like a lower-case word
            inner = word in data.connectors or word in data.particles
            inner = inner or (("-" in word or "‐" in word) and _is_particle(word, data))
            capital = (word[0].isupper() if word.isalpha() else capitalised(word)) or (
                inner and "-" in word
            )
            if not (capital or (inner and run)) or len(run) >= MAX_WORDS:
                if run:
                    out.append(run)
                return False
            token = _token(match)
            if run and (run[-1].possessive or not _joins(text, run[-1], token, data)):
                out.append(run)
                run = [token] if capital else []
            else:
                run.append(token)
            if not run:
                return False
            after = text[token.end : token.end + 2]
            if len(run) < MAX_WORDS and (token.possessive or after[:1] not in _GAP_STARTS):
                break  # the next word cannot join: it starts afresh, as an opening if at all
            nxt = data.plain_next  # None when any word may go on a run
            if (
                after[:1] == " "
                and "a" <= after[1:] <= "z"
                and nxt is not None
                and not nxt.match(text, token.end + 1)
            ):
                break  # a lower-case word that is no particle or connector ends the run
            match = TOKEN.search(text, self.end)
        else:
            out.append(run)
            return True
        out.append(run)
        return False

    def _blocked(self, begin: int, end: int) -> bool:
        """Whether the word at ``begin:end`` overlaps a blocked span (words come in order)."""
        return self.blocked.next < len(self.blocked.spans) and self.blocked.overlaps(begin, end)


def capitalised(word: str) -> bool:
    """A capitalised word without digits; each hyphenated part capitalised ("Ben-Shabbat",
    not "Iran-backed").

    >>> capitalised("O'Brien"), capitalised("Don't"), capitalised("Iran-backed")
    (True, False, False)
    """
    if word.isalpha():
        return word[0].isupper()
    if not word[0].isupper() or any(c.isdigit() for c in word):
        return False
    after = re.split(r"['’]", word)[1:]  # "O'Brien" is a name, "I'll" and "Don't" are not
    if after and after != ["s"] and not all(part[:1].isupper() for part in after):
        return False
    return all(part[:1].isupper() for part in re.split(r"[-‐]", word))


def _token(match: re.Match[str]) -> Token:
    word = match.group()
    start, end = match.span()
    if len(word) > 2 and word[-2:] in ("'s", "’s"):
        return Token(start, end - 2, word[:-2], True)
    return Token(start, end, word, False)


def _joins(text: str, before: Token, token: Token, data: Names) -> bool:
    gap = text[before.end : token.start]
    if gap == " ":
        return True
    if gap in ("' ", "’ ") and before.word.endswith("s"):
        return True  # a plural possessive inside a name: "Kurdistan Workers' Party"
    if gap and not gap.strip(" \t\u00a0"):
        return True
    dotted = before.word in data.abbreviations or (len(before.word) == 1 and before.word.isupper())
    return dotted and gap == ". "


def _is_particle(word: str, data: Names) -> bool:
    if word in data.particles:
        return True
    if "-" not in word and "‐" not in word:
        return False
    head, _, tail = word.partition("-") if "-" in word else word.partition("‐")
    return word in data.particles or (head in data.particles and tail[:1].isupper())


def is_country_word(word: str, data: Names) -> bool:
    """Whether every hyphenated part of ``word`` names a country ("Russia", "Israeli")."""
    return all(part.casefold() in data.countries for part in re.split(r"[-‐]", word))


def cut(run: list[Token], data: Names) -> list[list[Token]]:
    """Cut a run at a connector that does not follow an organisation, title or place word
    ("Putin of Russia" is two names, "Strait of Hormuz" one) and where a sentence ends
    after an acronym; trim connectors at the ends."""
    if len(run) == 1:
        word = run[0].word
        return [] if word in data.connectors or word in data.particles else [run]
    if all(t.word.isupper() for t in run):
        # A headline in capitals ("RUSSIA BLAMES ISRAEL"): only known names count.
        return [
            [t] for t in run if fold(t.word, data) in data.known or is_country_word(t.word, data)
        ]
    pieces: list[list[Token]] = [[]]
    for token in run:
        before = pieces[-1][-1].word if pieces[-1] else ""
        if token.word in data.connectors and before not in data.of_words:
            pieces.append([])
            continue
        if token.word in data.stop and before.endswith("."):
            pieces.append([])  # "... the U.S. The talks": a new sentence
        pieces[-1].append(token)
    for piece in pieces:
        while piece and (piece[-1].word in data.connectors or piece[-1].word in data.particles):
            piece.pop()
    return [piece for piece in pieces if piece]
