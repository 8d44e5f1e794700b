"""What a run of capitalised words gives (part of ``names``): where its title ends and its
name starts, the entity, and the mentions once the text around the run is read.

``plans`` works out what a run may give from the run alone (remembered by its text in
``names.runs``); ``apply`` decides with the text around it (a sentence's first word the
text also writes in lower case, a lower-case title before it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from discrepancy.kinds import designators
from discrepancy.kinds._names_data import Names
from discrepancy.kinds._names_data import entity_of as _entity_of
from discrepancy.kinds._names_runs import Pieces, Token, is_country_word
from discrepancy.model import Entity

_OPENERS = "\"'“‘(["
_A_TO_Z = "abcdefghijklmnopqrstuvwxyz"


class _Placed(NamedTuple):
    """A name in a run: its offsets, where its title starts (before any lower-case title
    word), its text, and its entity with that title."""

    start: int
    end: int
    title_from: int
    surface: str
    entity: Entity


class _Plan(NamedTuple):
    """What one run gives: its name, and the name without its first word if that word
    (``opener``) is a common word opening a sentence ("Improving relations ...")."""

    name: _Placed | None
    opener: Token | None
    without_opener: _Placed | None


def plans(source: str, pieces: Pieces, data: Names) -> tuple[_Plan, ...]:
    """The plans of the pieces that may give a name."""
    made = (_plan(source, piece, data) for piece in pieces)
    return tuple(p for p in made if p.name is not None or p.without_opener is not None)


def _plan(text: str, run: Sequence[Token], data: Names) -> _Plan:
    """The names ``run`` may give (offsets as in ``run``), leading stop words and
    connectors left out; what is left to the text around it is left to ``apply``."""
    while run and (run[0].word in data.stop or run[0].word in data.connectors):
        run = run[1:]
    if not run:
        return _Plan(None, None, None)
    opener = run[0] if run[0].word.casefold() not in data.countries else None
    without = _placed(text, run[1:], data) if opener else None
    return _Plan(_placed(text, run, data), opener, without)


def _placed(text: str, run: Sequence[Token], data: Names) -> _Placed | None:
    while run and run[-1].word in data.stop:
        run = run[:-1]
    shape = _shape(text, run, data) if run else None
    if shape is None:
        return None
    split, first = shape
    start, end = run[first].start, run[-1].end
    title_from = run[0].start if split else start
    title = " ".join(text[title_from:start].split())
    return _Placed(
        start, end, title_from, text[start:end], _entity_of(text[start:end], title, data)
    )


# What ``apply`` finds of one name: its span and surface, the span of its title and name,
# and its entity (a plain tuple: they are made by the thousand, mentions only at the end).
Found = tuple[int, int, str, int, int, Entity]


def apply(
    text: str, base: int, plan: _Plan, data: Names, used_lower: Callable[[str], bool] | None
) -> Found | None:
    """The name and the span of the title and name, for a run at ``base``."""
    placed, opener, without = plan
    if (
        opener is not None
        and used_lower is not None
        and _opens_sentence(text, base + opener.start)
        and used_lower(opener.word)
    ):
        placed = without
    if placed is None:
        return None
    start, end, title_from, surface, entity = placed
    start, end, title_from = start + base, end + base, title_from + base
    title_start = title_from
    # a lower-case title and a space may end before the title, or a line break may (near
    # the start of the text, the slice is shorter than the tails, or wraps round: in none)
    if (
        text[title_from - data.lower_title_tail - 1 : title_from] in data.lower_title_tails
        or text[title_from - 1 : title_from] == "\n"
    ):
        title_start = _lower_title_start(text, title_from, data)  # else it cannot extend
    if title_start != title_from:
        entity = _entity_of(surface, " ".join(text[title_start:start].split()), data)
    return start, end, surface, title_start, end, entity


def _shape(text: str, run: Sequence[Token], data: Names) -> tuple[int, int] | None:
    """Where the title ends and the name starts in ``run``, ``None`` if it holds no name;
    remembered by the run's text and where its words start (which fix the words)."""
    base = run[0].start
    key = (text[base : run[-1].end], tuple(t.start - base for t in run))
    if key in data.shapes:
        return data.shapes[key]
    if len(data.shapes) > 100_000:
        data.shapes.clear()
    shape = data.shapes[key] = _new_shape(text, run, data)
    return shape


def _new_shape(text: str, run: Sequence[Token], data: Names) -> tuple[int, int] | None:
    split = title_split(run, data)
    title, name = run[:split], run[split:]
    if name and designators.variant_key(text[name[0].start : name[-1].end]) in data.weapons:
        return None
    if not title and not any(t.word in data.org_words for t in name):
        while len(name) > 1 and name[0].word.casefold() in data.demonyms:
            name = name[1:]
    words = " ".join(t.word for t in name).casefold()
    if not name or words in data.demonyms or all(t.word.casefold() in data.demonyms for t in name):
        return None
    if len(name) == 1 and len(name[0].word) == 1:
        return None  # a lone letter ("C", "F") is not a name
    if all(is_country_word(t.word, data) for t in name) and "-" in name[0].word:
        return None
    return split, len(run) - len(name)


def common_opener(text: str, token: Token, data: Names, used_lower: Callable[[str], bool]) -> bool:
    """A sentence's first word that the text also writes in lower case ("Improving ..."):
    the rule ``_plan`` and ``apply`` share out."""
    if token.word.casefold() in data.countries or not _opens_sentence(text, token.start):
        return False
    return used_lower(token.word)


def _opens_sentence(text: str, start: int) -> bool:
    if text[start - 2 : start - 1].isalnum() and text[start - 1] == " ":
        return False  # found fast: a word and a space before
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in _OPENERS):
        i -= 1
    return i < 0 or text[i] in ".!?:;"


def title_split(run: Sequence[Token], data: Names) -> int:
    """How many leading tokens form the title: up to the end of the last title phrase
    that leaves a name after it, unless the rest is an organisation ("UN General Assembly")."""
    split = 0
    i = 0
    while i < len(run):
        size = _title_at(run, i, data)
        if size and any(t.word not in data.suffixes for t in run[i + size :]):
            split = i + size
        elif size and i == 0:
            return len(run)  # nothing but a title ("Prime Minister"): no name
        i += max(size, 1)
    if any(t.word in data.org_words for t in run[split:]):
        return 0
    if split and run[split].word in data.connectors:
        # "President of Russia Vladimir Putin": the title takes "of" and one word
        while split < len(run) and run[split].word in data.connectors:
            split += 1
        split += 1
    return split if split < len(run) else len(run)


def _title_at(run: Sequence[Token], i: int, data: Names) -> int:
    for phrase in data.titles.get(run[i].word, ()):
        words = tuple(t.word for t in run[i : i + len(phrase)])
        if words == phrase:
            return len(phrase)
    return 0


def _lower_title_start(text: str, start: int, data: Names) -> int:
    """Extend a title back over one lower-case title word ("military spokesman Igor ...")."""
    end = start - 1 if text[start - 1 : start] == "\n" else start  # "$" may stand before "\n"
    if not text.endswith(data.lower_title_ends, 0, end):
        return start  # found fast: no lower-case title and space before
    if not ("a" <= text[end - 2 : end - 1] <= "z" and text[end - 1 : end] == " "):
        return start
    before = text[max(0, start - 30) : end - 1]
    word = before[len(before.rstrip(_A_TO_Z)) :]  # the lower-case letters before the space
    return start - len(word) - 1 if word in data.lower_titles else start
