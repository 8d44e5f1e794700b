"""Weapon, aircraft, vehicle, flight and model codes: S-200, Buk-M1, Il-20, A320-200.

A designator is a letter prefix joined to a number ("S-200", "Su-24", "MH17"), maybe with
letters or numbers after it ("F-35I", "Tu-22M3", "ZSU-23-4"); a named system, alone or
with a code ("Pantsir-S1", "Buk M-1", "Iron Dome"); or a maker's code after the maker
("Boeing 737 MAX 8", "Airbus A320-200"). What is known (families, sub-models, categories)
comes from ``designators.toml``.

Keys. ``Entity.key`` is the display form: the data file's key for a known system or
alias; otherwise the text upper-cased, every dash or space written as one ASCII hyphen,
hyphens between a number and the letters after it dropped ("TU-22 M3" -> "TU-22M3"), and a
hyphen put between the letter prefix and the first number when the text had no separator
before that number ("S200" and "MH17" -> "S-200" and "MH-17"). ``variant_key`` is the key
without case, dashes or spaces ("S200"); ``family`` is a known family's variant key, or the
variant key up to the end of its first number ("IL20" for "IL-20PP").

Not designators: a code inside a longer word ("XS-200abc"), plain numbers, dates, times,
codes whose prefix is an English word ("Mid-2000s"), prefixes longer than three letters
unless the data names them ("COVID-19" is not read), and the data's ``not_designators``
("G20", "Q3", "H1N1").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz.distance import OSA

from discrepancy.kinds._designators_data import (
    SEP,
    WORD_START,
    Known,
    compiled,
    family_of,
    non_ascii,
    variant_key,
)
from discrepancy.lexicon import Lexicon, default_lexicon
from discrepancy.model import Entity, Mention
from discrepancy.similarity import DASHES

__all__ = ["find", "nearest_known", "parse", "variant_key"]

_MAX_SURFACE = 40  # no real designator is longer; bounds the work per token
_DASH = re.escape(DASHES)
_SEP = SEP
_compiled = compiled  # the name ``strategies.entities`` knows it by
_SEPARATORS = DASHES + "/"
_SEPARATOR = re.compile(_SEP)
_TOKEN = re.compile(r"[^\W_]+(?:" + _SEP + r"[^\W_]+)*")
_ANY_WORD = re.compile(WORD_START)  # every word that does not open in lower case
_HEAD_END = re.compile(r"[\s" + _DASH + "]")
_DASH_OR_SPACE = re.compile(r"[\s" + _DASH + r"]+")
# A letter prefix (maybe "F/A"), an optional hyphen, a number, then letters and numbers one
# character at a time, so the pattern cannot backtrack over ways to split a run.
# Real series numbers have at most four digits ("A350-1000"), suffixes at most six
# characters ("S-300PMU2"); longer codes are part numbers and serials.
_CODE = re.compile(
    r"(?P<prefix>(?:[A-Za-z]/)?[A-Za-z]+)-?(?P<num>\d{1,4})(?P<rest>(?:-?[A-Za-z0-9]){0,6})"
)
_NUMBERED = re.compile(r"(?P<num>\d{1,4})(?P<rest>(?:-?[A-Za-z0-9]){0,6})")  # after a name
_DIGITS = re.compile(r"\d{2,3}")


def find(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Every designator mention in ``text``, sorted by start.

    A maker before the code is part of the span ("Boeing 737 MAX 8"); a plural "s" is
    not ("F-16s" gives "F-16").

    >>> [(m.surface, m.value.key) for m in find("An S-200 hit the Il-20 and four F-16s.")]
    [('S-200', 'S-200'), ('Il-20', 'IL-20'), ('F-16', 'F-16')]
    >>> find("In Mid-2018, COVID-19 hit 15 people at 10:30 on 2018-09-17.")
    []
    """
    known = compiled(lexicon or default_lexicon())
    last = _LAST[0]
    if last is not None and last[1] is known and last[0] == text:
        return list(last[2])  # the same text again (``names.find`` reads it after ``find``)
    found = _find(text, known)
    _LAST[0] = (text, known, tuple(found))
    return found


# The last text read, with its lexicon and what was found (``extract`` reads each text's
# designators, then its names, which read them again).
_LAST: list[tuple[str, Known, tuple[Mention, ...]] | None] = [None]


def _find(text: str, known: Known) -> list[Mention]:
    out: list[Mention] = []
    busy = 0
    for start in _openings(text, known):
        token = _TOKEN.match(text, start)
        if (
            start < busy
            or token is None
            or token.end() - start > _MAX_SURFACE
            or not _may_open(token.group(), known)
        ):
            continue
        mention = _mention_at(text, token, known)
        if mention is not None:
            out.append(mention)
            busy = mention.end
    return out


def _openings(text: str, known: Known) -> list[int]:
    """Where the words that may open a designator start (``_may_open`` decides): words
    with a digit or a non-ASCII character, and words whose first part is an opener (in
    any case, read as ASCII: unless a letter upper-cases to ASCII or to several letters,
    when every word is a candidate)."""
    pattern = known.ascii_openings
    for char in non_ascii(text):
        if char.isalnum():
            pattern = known.openings
            upper = char.upper()
            if len(upper) != 1 or upper.isascii():
                return [m.start() for m in _ANY_WORD.finditer(text)]
    return [m.start() for m in pattern.finditer(text)]


def _may_open(token: str, known: Known) -> bool:
    """A cheap test that ``token`` can start a designator: it has a digit, or it is the
    first word of a known name."""
    return _has_digit(token) or _first_part(token) in known.openers


@functools.lru_cache(maxsize=2**16)  # the same words come back, in every text
def _has_digit(token: str) -> bool:
    return any(c.isdigit() for c in token)


@functools.lru_cache(maxsize=2**16)
def _first_part(token: str) -> str:
    """The part of ``token`` before its first separator, upper-cased."""
    return _SEPARATOR.split(token, maxsplit=1)[0].upper()


def _mention_at(text: str, token: re.Match[str], known: Known) -> Mention | None:
    start, word = token.start(), token.group()
    maker = _maker_before(text, start, known)
    # Without a maker, longer readings need a named head or a known name with spaces.
    spaced = maker > 0 or not word.isascii() or _head(word) in known.prefix_words
    spaced = spaced or variant_key(word) in known.spaced_prefixes
    if maker == 0 and word.isdigit() and not spaced:
        return None  # a bare number, unless it starts a spaced name ("737 MAX 8")
    for end in _candidate_ends(text, token, more=spaced):
        multi = end > token.end()
        entity = _read_strictly(text[start:end], known, multi=multi, after_maker=maker > 0)
        if entity is None or not _stands_alone(text, start, end, known):
            continue
        begin = start - maker
        surface = text[begin:end]
        return Mention(start=begin, end=end, surface=surface, kind="designator", value=entity)
    return None


def _read_strictly(surface: str, known: Known, *, multi: bool, after_maker: bool) -> Entity | None:
    """``_read`` in the strict manner of ``find``, remembered."""
    key = (surface, True, multi, after_maker)
    memo = known.memo
    if key not in memo:
        if len(memo) > 100_000:  # bound the memory a long-running process keeps
            memo.clear()
        memo[key] = _read(surface, known, strict=True, multi=multi, after_maker=after_maker)
    return memo[key]


def _candidate_ends(text: str, token: re.Match[str], *, more: bool) -> list[int]:
    """Ends to try, longest first: up to three ``more`` words after single spaces, the token,
    the token without a plural "s", the token with trailing segments cut ("S-200/300")."""
    ends = [token.end()]
    while more and len(ends) < 4 and text[ends[-1] : ends[-1] + 1] == " ":
        nxt = _TOKEN.match(text, ends[-1] + 1)
        if nxt is None or nxt.end() - nxt.start() > _MAX_SURFACE:
            break
        ends.append(nxt.end())
    ends.reverse()
    word = token.group()
    if word.endswith("s") and word[-2:-1].isdigit():
        ends.append(token.end() - 1)
    if word.isalnum():
        return ends
    cuts = [m.start() for m in _SEPARATOR.finditer(word)]
    ends.extend(token.start() + cut for cut in reversed(cuts))
    return ends


def _maker_before(text: str, start: int, known: Known) -> int:
    """Length of "Maker " right before ``start`` (0 if none): the nearest maker made of one
    to three whole words, each a single space from the next."""
    if start < 2 or text[start - 1] != " " or not text.endswith(known.maker_tuple, 0, start - 1):
        return 0
    for size in known.maker_sizes:
        begin = start - 1 - size
        stop = start - 1
        if begin >= 0 and text[begin:stop] in known.makers and _words(text, begin, stop):
            return start - begin
    return 0


def _words(text: str, begin: int, stop: int) -> bool:
    """Whether ``text[begin:stop]`` is one to three whole words, a space apart."""
    if begin and (
        text[begin - 1].isalnum()
        or (begin > 1 and text[begin - 1] in _SEPARATORS and text[begin - 2].isalnum())
    ):
        return False
    pieces = text[begin:stop].split(" ")
    return 1 <= len(pieces) <= 3 and all(
        len(p) <= _MAX_SURFACE and _TOKEN.fullmatch(p) for p in pieces
    )


@functools.lru_cache(maxsize=2**16)
def _head(surface: str) -> str:
    """The first word of ``surface``, upper-cased: up to a dash or white space."""
    return _HEAD_END.split(surface, maxsplit=1)[0].upper()


def _stands_alone(text: str, start: int, end: int, known: Known) -> bool:
    """An ambiguous bare name ("Patriot", "Typhoon") needs a noun after it ("missiles")."""
    if variant_key(text[start:end]) not in known.ambiguous:
        return True
    following = text[end : end + 40].split()
    return bool(following) and following[0].strip(".,;:").lower() in known.nouns


def parse(text: str, *, lexicon: Lexicon | None = None) -> Entity | None:
    """One surface to its designator entity, ``None`` on junk (case and spacing are free).

    >>> parse("Buk M-1") == parse("BUK-M1") == parse("buk–m1")
    True
    >>> e = parse("IL-20PP")
    >>> (e.key, e.variant_key, e.family, e.known, e.category)
    ('IL-20PP', 'IL20PP', 'IL20', True, 'reconnaissance aircraft')
    >>> parse("Airbus A320–200").key, parse("MH17").key, parse("the")
    ('A320-200', 'MH-17', None)
    """
    if not isinstance(text, str) or len(text) > 2 * _MAX_SURFACE:
        return None
    surface = " ".join(unicodedata.normalize("NFKC", text).split())
    known = compiled(lexicon or default_lexicon())
    whole = _read(surface, known, strict=False, multi=False, after_maker=False)
    if whole is not None and whole.known:
        return whole
    for maker in sorted(known.makers, key=len, reverse=True):
        if surface.casefold().startswith(maker.casefold() + " "):
            rest = surface[len(maker) + 1 :]
            found = _read(rest, known, strict=False, multi=False, after_maker=True)
            if found is not None:
                return found
    return whole


def _read(
    surface: str, known: Known, *, strict: bool, multi: bool, after_maker: bool
) -> Entity | None:
    """The entity a whole surface names, or ``None``."""
    if not surface or len(surface) > _MAX_SURFACE or not surface[0].isalnum():
        return None
    if (
        surface.isdigit()
        and not after_maker
        and (strict or variant_key(surface) not in known.entities)
    ):
        return None
    if strict and surface[0].isalpha() and not surface[0].isupper():
        return None
    variant = variant_key(surface)
    head = _head(surface)
    found = known.entities.get(variant)
    if found is not None:
        named = " " in found.key or head in known.prefix_words
        return found if not (strict and multi and not named) else None
    if variant in known.stop or family_of(surface) in known.stop or not variant.isascii():
        return None
    if multi and head not in known.prefix_words and not after_maker:
        return None
    flat = _DASH_OR_SPACE.sub("-", surface)
    if after_maker and _DIGITS.fullmatch(flat):
        return Entity(kind="designator", key=flat, variant_key=flat, family=flat)
    return _generic(flat, head, known, strict=strict)


def _generic(flat: str, head: str, known: Known, *, strict: bool) -> Entity | None:
    match = _CODE.fullmatch(flat)
    prefix = match["prefix"] if match else ""
    if match is None or (len(prefix) > 3 and prefix.upper() not in known.prefix_words):
        # A named system before a code: "Pantsir-S1", "Leopard 2A4", "Buk M-4".
        if head not in known.prefix_words or len(flat) <= len(head) + 1:
            return None
        match = _CODE.fullmatch(flat[len(head) + 1 :]) or _NUMBERED.fullmatch(flat[len(head) + 1 :])
        prefix = head
    if match is None or prefix.casefold() in known.not_prefixes or match["rest"][:1].isdigit():
        return None
    rest, lower = _split_lower_suffix(match["rest"], known)
    if strict and (not prefix[0].isupper() or any(c.islower() for c in rest)):
        return None
    return _entity(_display(flat[: len(flat) - len(lower)]) + lower.upper(), known)


def _split_lower_suffix(rest: str, known: Known) -> tuple[str, str]:
    for suffix in known.lower_suffixes:
        if rest.endswith(suffix) and len(rest) > len(suffix):
            return rest[: -len(suffix)], suffix
    return rest, ""


def _display(flat: str) -> str:
    """The key rule of the module docstring, for a surface with hyphens as separators."""
    text = re.sub(r"(?<=\d)-(?=[A-Z])", "", flat.upper())
    first = next((i for i, c in enumerate(text) if c.isdigit()), 0)
    if first and "-" not in text[:first] and text[first - 1].isalpha():
        text = text[:first] + "-" + text[first:]
    return text


def _entity(key: str, known: Known) -> Entity:
    variant = variant_key(key)
    family = family_of(key)
    parent = known.entities.get(family) or known.families.get(re.split(r"[-/]", key)[0])
    return Entity(
        kind="designator",
        key=key,
        variant_key=variant,
        family=parent.family if parent else family,
        category=parent.category if parent else "",
    )


def nearest_known(entity: Entity, *, lexicon: Lexicon | None = None) -> list[tuple[Entity, int]]:
    """Known designators within two edits of ``entity``'s variant key, nearest first.

    Edits are counted as optimal string alignment (a swap of neighbours is one edit);
    ties are broken by how close the display keys are ("A-200" is nearer "S-200" than
    "A220").

    >>> [(e.key, d) for e, d in nearest_known(parse("A-200"))][:1]
    [('S-200', 1)]
    """
    known = compiled(lexicon or default_lexicon())
    scored: dict[str, tuple[int, int, Entity]] = {}
    for other in known.canonical:
        if other.variant_key == entity.variant_key:
            continue
        distance = OSA.distance(entity.variant_key, other.variant_key, score_cutoff=2)
        if distance <= 2:
            shape = OSA.distance(entity.key, other.key)
            scored[other.key] = (distance, shape, other)
    ranked = sorted(scored.values(), key=lambda t: (t[0], t[1], t[2].key))
    return [(other, distance) for distance, _, other in ranked]
