"""Stage 1 helpers: sentences and words of a text, with offsets into it (never a copy)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

# A sentence ends at . ! ? (optionally followed by closing quotes) before white space and
# an upper-case letter, digit or opening quote, or at a line break. Abbreviations such as
# "Maj." or "Gen." are not ends: they are followed by a capitalised name, so we also ask
# that the word before the stop is not a known short title (see _ABBREV).
_END = re.compile(r"""[.!?]['"’”)\]]*(?=\s+['"“‘(\[]?[A-Z0-9])|\n+""")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Maj|Lt|Col|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|St|No|Jr|Sr|"
    r"Inc|Co|Corp|Ltd|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|"
    r"[A-Z])\.)\Z"
)
_LONGEST_ABBREV = 8  # "Sept", "Corp", "U.S", "U.N" and their word boundary
_WORD = re.compile(r"[\w’'-]+", re.UNICODE)


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
    out: list[Sentence] = []
    begin = start
    for match in _END.finditer(text, start):
        stop = match.start() if match.group().startswith("\n") else match.end()
        # an abbreviation is a few letters before the stop: look only there, not back to
        # the sentence's start (text full of abbreviations would be read again and again)
        window = max(begin, match.start() - _LONGEST_ABBREV)
        if not match.group().startswith("\n") and _ABBREV.search(text, window, match.start() + 1):
            continue
        _add(out, text, begin, stop)
        begin = match.end()
    _add(out, text, begin, len(text))
    return out


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
