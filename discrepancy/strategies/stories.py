"""Stories: clusters of articles about one made-up event, with discrepancies planted.

``stories()`` draws 2-5 articles written from shared facts (a toll, a place, a weapon
system) in varied wording, and plants at most one discrepancy of each kind, recording it
in ``Story.planted``. It is the end-to-end oracle for property tests: every planted
discrepancy must be found, and a story with nothing planted must give no conflict and no
likely typo.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from discrepancy.model import FindingType, Source
from discrepancy.strategies.quantities import to_words

__all__ = ["Planted", "Story", "stories"]

PLACES = ("Mosul", "Aleppo", "Kharkiv", "Gaza", "Benghazi", "Sanaa", "Donetsk", "Idlib")
VEHICLES = ("bus", "ferry", "train", "truck", "helicopter")
SYSTEMS = ("S-300", "S-400", "Buk-M1", "Patriot", "Pantsir-S1")
NOUNS = ("people", "passengers", "civilians")
OPENERS = (
    "Officials said",
    "Local media reported that",
    "According to rescuers,",
    "The regional governor said",
    "Witnesses told reporters that",
)
CLOSERS = (
    "An investigation has been opened.",
    "The area was sealed off by police.",
    "Rescue teams worked through the night.",
    "Aid groups called for calm.",
)


@attrs.frozen(kw_only=True)
class Planted:
    """A discrepancy written into one article: the finding type expected, and its text."""

    type: FindingType
    source: str
    surface: str


@attrs.frozen(kw_only=True)
class Story:
    """Articles about one event and the discrepancies planted in them."""

    articles: tuple[Source, ...]
    planted: tuple[Planted, ...]


@attrs.frozen(kw_only=True)
class _Facts:
    toll: int
    place: str
    vehicle: str
    system: str
    noun: str


def _toll_text(n: int, spelled: bool, first: bool) -> str:
    if not spelled:
        return str(n)
    words = to_words(n)
    return words[0].upper() + words[1:] if first else words


@st.composite
def _article(
    draw: st.DrawFn, facts: _Facts, ident: str, toll: int, opener: str, digits: bool = False
) -> Source:
    """One article; each in a story opens differently, so none is a copy of another (copies
    count once in a majority, which would change what the story plants). ``digits`` keeps
    the toll in digits (a planted slip of the keyboard is typed, not spelled)."""
    noun = facts.noun
    spelled = not digits and draw(st.booleans()) and toll <= 99
    number = _toll_text(toll, spelled, first=False)
    body = (
        f"{opener} {number} {noun} were killed when a {facts.vehicle} was hit near "
        f"{facts.place}. The strike was blamed on an {facts.system} missile. "
        f"{draw(st.sampled_from(CLOSERS))}"
    )
    return Source(id=ident, text=body)


def _neighbour(n: int) -> int | None:
    """A value a slip of the finger gives: two digits swapped, else None."""
    digits = str(n)
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
            if not swapped.startswith("0"):
                return int(swapped)
    return None


def _far_from(n: int) -> int:
    """A clearly different toll: at least two digits from ``n``, so no slip explains it."""
    other = n * 3 + 7
    while Levenshtein.distance(str(other), str(n)) < 2:
        other = other * 3 + 7
    return other


@st.composite
def stories(draw: st.DrawFn, *, min_sources: int = 2, max_sources: int = 5) -> Story:
    """A cluster of ``min_sources``-``max_sources`` articles with discrepancies planted.

    Planted (each with some probability): a toll that disagrees (a ``conflict``, or a
    ``likely_typo`` when it is a digit swap and three or more other sources agree), and a
    doubled word (a ``likely_typo``). Shrinks towards two clean articles.
    """
    count = draw(st.integers(min_value=min_sources, max_value=max_sources))
    facts = _Facts(
        toll=draw(st.integers(min_value=2, max_value=400)),
        place=draw(st.sampled_from(PLACES)),
        vehicle=draw(st.sampled_from(VEHICLES)),
        system=draw(st.sampled_from(SYSTEMS)),
        noun=draw(st.sampled_from(NOUNS)),
    )
    ids = [f"source-{i}" for i in range(count)]
    tolls = [facts.toll] * count
    planted: list[Planted] = []
    if draw(st.booleans()):
        swapped = _neighbour(facts.toll)
        if swapped is not None and count >= 4 and draw(st.booleans()):
            tolls[-1] = swapped
        else:
            tolls[-1] = _far_from(facts.toll)
    shift = draw(st.integers(min_value=0, max_value=len(OPENERS) - 1))
    articles = [
        draw(
            _article(
                facts,
                ident,
                toll,
                OPENERS[(i + shift) % len(OPENERS)],
                digits=toll != facts.toll,
            )
        )
        for i, (ident, toll) in enumerate(zip(ids, tolls, strict=True))
    ]
    if tolls[-1] != facts.toll:
        typo = tolls[-1] == _neighbour(facts.toll) and count >= 4
        kind = FindingType.LIKELY_TYPO if typo else FindingType.CONFLICT
        planted.append(Planted(type=kind, source=ids[-1], surface=_surface(articles[-1])))
    if draw(st.booleans()):
        first = articles[0]
        doubled = first.text.replace(" were killed", " were were killed", 1)
        articles[0] = attrs.evolve(first, text=doubled)
        planted.append(Planted(type=FindingType.LIKELY_TYPO, source=ids[0], surface="were were"))
    return Story(articles=tuple(articles), planted=tuple(planted))


def _surface(article: Source) -> str:
    """The toll as written in ``article`` (the word before the counted noun)."""
    for noun in NOUNS:
        marker = f" {noun} were killed"
        if marker in article.text:
            return article.text.split(marker)[0].split(" ")[-1]
    return ""
