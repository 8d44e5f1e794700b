"""Stage 1 helpers: sentences and words of a text, with offsets into it (never a copy)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import attrs

# A sentence ends at . ! ? (optionally followed by closing quotes) before white space and
# an upper-case letter, digit or opening quote, or at a line break. Abbreviations such as
# "Maj." or "Gen." are not ends: they are followed by a capitalised name, so we also ask
# that the word before a full stop is not a short title or an initial. The titles are
# grouped by length, as each look-behind in the pattern has one width (see _ends).
_TITLES = (
    r"[A-Z]",  # an initial
    r"Mr|Ms|Dr|Lt|St|No|Jr|Sr|Co|vs",
    r"Mrs|Gen|Maj|Col|Sgt|Adm|Gov|Sen|Rep|Rev|Inc|Ltd|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|"
    r"Nov|Dec|U\.S|U\.N",
    r"Prof|Capt|Corp|Sept",
)
_WORD = re.compile(r"[\w’'-]+", re.UNICODE)
_WORD_CHAR = re.compile(r"\w")


@attrs.frozen(kw_only=True)
class Sentence:
    """One sentence: ``text[start:end]``, trimmed of surrounding white space."""

    start: int
    end: int


def sentences(text: str, start: int = 0) -> list[Sentence]:
    """Split ``text[start:]`` into sentences whose offsets index ``text``.

    >>> [("Maj. Gen. Igor K. said 15 died. Then more."[s.start:s.end])
    ...  for s in sentences("Maj. Gen. Igor K. said 15 died. Then more.")]
    ['Maj. Gen. Igor K. said 15 died.', 'Then more.']
    """
    if 0 < start <= len(text) and not text[start - 1].isspace():
        # a title cut by ``start`` is no title: read a copy from one character before,
        # standing for the character cut off as a word or non-word one but in no title
        before = "_" if _WORD_CHAR.match(text, start - 1) else " "
        shift = start - 1
        split = _split(before + text[start:], 1)
        return [Sentence(start=sent.start + shift, end=sent.end + shift) for sent in split]
    return _split(text, start)


def _split(text: str, start: int) -> list[Sentence]:
    """``sentences``, where the title before a stop may begin before ``start``."""
    out: list[Sentence] = []
    begin = start
    for match in _ends().finditer(text, start):
        end = match.end()
        # a line break ends the sentence before it, a stop (and its quotes) inside it
        _add(out, text, begin, match.start() if match.lastindex is None else end)
        begin = end
    _add(out, text, begin, len(text))
    return out


@functools.cache
def _ends() -> re.Pattern[str]:
    """Where sentences end: one pass that skips in C to the candidate characters.

    The pattern opens with one character class so that the engine scans for it without
    trying each position; a stop's group is set and a line break's is not. A stop right
    after a short title or an initial is no end: one negative look-behind per length.
    """
    titles = "".join(rf"(?<!\b(?:{words})\.)" for words in _TITLES)
    stop = rf"""{titles}(['"’”)\]]*)(?=\s+['"“‘(\[]?[A-Z0-9])"""
    return re.compile(rf"[.!?\n](?:(?<=\n)\n*|{stop})")


def _add(out: list[Sentence], text: str, begin: int, stop: int) -> None:
    while begin < stop and text[begin].isspace():
        begin += 1
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    if stop > begin:
        out.append(Sentence(start=begin, end=stop))


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Words of ``text[start:end]`` as (start, end, word).

    >>> list(words("all 15 crew-members"))
    [(0, 3, 'all'), (4, 6, '15'), (7, 19, 'crew-members')]
    """
    stop = len(text) if end is None else end
    for match in _WORD.finditer(text, start, stop):
        yield match.start(), match.end(), match.group()
