"""Hypothesis strategies for designators, names, their spellings and planted typos.

>>> from hypothesis import find
>>> find(designators(), lambda e: e.known).key
'M1'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from discrepancy import similarity
from discrepancy.kinds import designators as designators_module
from discrepancy.kinds import names as names_module
from discrepancy.lexicon import Lexicon, default_lexicon
from discrepancy.model import Entity

__all__ = [
    "designator_spellings",
    "designators",
    "names",
    "transliterations",
    "typos",
]

# Letter prefixes of real designator series (none is an English word), simplest first.
_PREFIXES = (
    "S",
    "F",
    "T",
    "B",
    "J",
    "IL",
    "SU",
    "TU",
    "KH",
    "MI",
    "KA",
    "AN",
    "MQ",
    "HQ",
    "DF",
    "MIG",
    "BMP",
    "BTR",
    "AGM",
    "AIM",
    "ZSU",
)
_SUFFIXES = ("", "A", "B", "M", "K", "PP", "SM", "M3")
_DASHES = ("-", "‐", "‑", "‒", "–", "—", "−")
_SYLLABLES = ("ba", "de", "ko", "ri", "ta", "mu", "ne", "lo", "sa", "vi", "za", "fe", "ru")
_ENDINGS = ("n", "r", "s", "k", "v", "m", "l", "t")
_VOWELS = "aeiou"
_DOUBLING = "bdflmnprstvz"


def _is_entity(entity: Entity | None) -> bool:
    return entity is not None


def _must(entity: Entity | None) -> Entity:
    if entity is None:  # pragma: no cover - the generators only build readable codes
        raise AssertionError("generated a surface that does not parse")
    return entity


def designators(*, lexicon: Lexicon | None = None) -> st.SearchStrategy[Entity]:
    """Designator entities: known systems (shortest keys first) or made-up codes.

    Made-up codes join a real series prefix to a number and maybe a sub-model suffix
    ("BTR-512K"); they shrink towards "S-1".
    """
    known = designators_module._compiled(lexicon or default_lexicon()).canonical
    made_up = st.builds(
        "{}-{}{}".format,
        st.sampled_from(_PREFIXES),
        st.integers(min_value=1, max_value=999),
        st.sampled_from(_SUFFIXES),
    ).map(lambda text: designators_module.parse(text, lexicon=lexicon))
    # A few made-up codes are on the data's list of non-designators ("F1", "B12").
    return st.one_of(made_up.filter(_is_entity).map(_must), st.sampled_from(known))


@st.composite
def designator_spellings(draw: st.DrawFn, values: st.SearchStrategy[Entity]) -> tuple[str, Entity]:
    """One designator written with another dash, case or spacing: ("il–20pp", IL-20PP).

    Every rendering must parse back to the same key.
    """
    entity = draw(values)
    dash = draw(st.sampled_from(("-", " ", "", *_DASHES[1:])))
    text = entity.key.replace("-", dash) if not (dash == "" and " " in entity.key) else entity.key
    case = draw(st.sampled_from(("upper", "lower", "capitalize")))
    text = text.lower() if case == "lower" else text.capitalize() if case == "capitalize" else text
    return text, entity


def names(*, lexicon: Lexicon | None = None) -> st.SearchStrategy[Entity]:
    """Name entities: known organisations, or made-up two-word person names ("Bako Rin")."""
    lex = lexicon or default_lexicon()
    organisations = sorted(lex.table("names").get("organisations", {}), key=len)
    word = st.builds(
        lambda parts, end: "".join(parts).capitalize() + end,
        st.lists(st.sampled_from(_SYLLABLES), min_size=2, max_size=3),
        st.sampled_from(_ENDINGS),
    )
    people = st.builds("{} {}".format, word, word)
    return st.one_of(people, st.sampled_from(organisations)).map(
        lambda text: _must(names_module.parse(text, lexicon=lex))
    )


@st.composite
def transliterations(draw: st.DrawFn, values: st.SearchStrategy[Entity]) -> tuple[str, str]:
    """A name and a respelling that transliteration folds back: (key, variant spelling).

    Respellings change vowels inside a word, double consonants, and add a silent final
    "h" after a final vowel; word-final vowels and suffixes, and words of three letters
    or fewer ("al", "bin"), are kept.
    """
    key = draw(values).key
    out = []
    for word in re.split(r"([^\w]+)", key):  # words and what separates them
        if len(word) <= 3:  # particles and articles ("al", "bin") are kept as written
            out.append(word)
            continue
        chars = list(word)
        final = _final_vowels(word)
        for i, char in enumerate(chars[:final]):
            if i > 0 and char in _VOWELS and draw(st.booleans()):
                chars[i] = draw(st.sampled_from(_VOWELS + "y"))
            elif char in _DOUBLING and word[i - 1 : i] != char and draw(st.booleans()):
                chars[i] = char * 2
        silent_h = final < len(word) and word[-1] != "h" and not word.isupper()
        if silent_h and word.isalpha() and draw(st.booleans()):
            chars.append("h")
        out.append("".join(chars))
    return key, "".join(out)


def _final_vowels(word: str) -> int:
    """Where the word-final vowel group starts (``len(word)`` if none)."""
    end = len(word)
    if end > 1 and word[-1] == "h" and word[-2].lower() in _VOWELS:
        end -= 1  # a silent final h: the vowels before it are final
    while end > 0 and word[end - 1].lower() in _VOWELS + "y":
        end -= 1
    return end


@st.composite
def typos(
    draw: st.DrawFn,
    strings: st.SearchStrategy[str],
    *,
    kinds: Sequence[str] = similarity.EDIT_KINDS,
    lexicon: Lexicon | None = None,
) -> tuple[str, str, str]:
    """A string with one planted slip: (typo, original, kind), ``kind`` in ``EDIT_KINDS``.

    Only slips the string allows are drawn (no swap in "aa", no look-alike in "xyz").
    """
    unknown = sorted(set(kinds) - set(similarity.EDIT_KINDS))
    if unknown or not kinds:
        raise InvalidArgument(f"kinds must be some of {similarity.EDIT_KINDS}, not {unknown}")
    data = similarity._typos(lexicon or default_lexicon())
    text = draw(strings)
    plans = {kind: _plans(text, kind, data) for kind in kinds}
    feasible = sorted(kind for kind, options in plans.items() if options)
    if not feasible:
        return draw(st.nothing())
    kind = draw(st.sampled_from(feasible))
    start, stop, replacement = draw(st.sampled_from(plans[kind]))
    return text[:start] + replacement + text[stop:], text, kind


def _plans(text: str, kind: str, data: similarity._Typos) -> list[tuple[int, int, str]]:
    """Every (start, stop, replacement) that plants one slip of ``kind`` in ``text``."""
    n = len(text)
    if kind == "dropped":
        return [(i, i + 1, "") for i in range(n)]
    if kind == "doubled":
        return [(i, i + 1, text[i] * 2) for i in range(n)]
    if kind == "transposition":
        return [
            (i, i + 2, text[i + 1] + text[i])
            for i in range(n - 1)
            if text[i] != text[i + 1] and not _alike(text[i], text[i + 1], data)
        ]
    if kind == "inserted":
        return [
            (i, i, c)
            for i in range(n + 1)
            for c in "xq7"
            if c != text[i - 1 : i] and c != text[i : i + 1]
        ]
    if kind == "lookalike":
        return [
            (i, i + len(piece), other)
            for i in range(n)
            for piece in data.classes
            if text.startswith(piece, i)
            for other in data.classes
            if other != piece and data.classes[other] == data.classes[piece]
        ]
    return [(i, i + 1, c) for i in range(n) for c in _substitutes(text[i], kind, data)]


def _substitutes(char: str, kind: str, data: similarity._Typos) -> list[str]:
    near = data.neighbours.get(char.casefold(), frozenset())
    if kind == "adjacent_key":
        pool = sorted(near)
        pool = [c.upper() if char.isupper() else c for c in pool]
    else:
        pool = [c for c in "qzx19" if c not in near]
    return [c for c in pool if c.casefold() != char.casefold() and not _alike(c, char, data)]


def _alike(a: str, b: str, data: similarity._Typos) -> bool:
    return a in data.classes and data.classes.get(a) == data.classes.get(b)
