"""``designators.toml`` compiled for ``kinds.designators`` (private): the known systems by
variant key, the words around codes, and the pattern that finds the words a designator
may start with. Compiled lazily, once per ``Lexicon``; a bad entry raises
``LexiconError`` naming ``designators.toml``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs

from discrepancy.kinds._numlex import trie_pattern
from discrepancy.lexicon import Lexicon, LexiconError
from discrepancy.model import Entity
from discrepancy.similarity import DASHES

__all__ = ["SEP", "Known", "compiled", "family_of", "non_ascii", "variant_key"]

_FILE = "designators.toml"
_DASH = re.escape(DASHES)
SEP = "[" + _DASH + "/]"  # what joins the parts of a code
_DASH_OR_SPACE = re.compile(r"[\s" + _DASH + r"]+")
# A word's first character (a letter that is not lower-case ASCII, or a digit) where a word
# starts: not after a letter or digit, nor after a separator after one. Words opening with
# a lower-case letter are never read (``_read`` wants a capital), so the scan skips them.
WORD_START = r"[^\W_a-z](?<![^\W_].)(?<![^\W_]" + SEP + ".)"


@attrs.frozen(kw_only=True)
class Known:
    """``designators.toml`` compiled for one lexicon."""

    entities: Mapping[str, Entity]  # variant key of a key, sub-model or alias -> entity
    canonical: tuple[Entity, ...]  # every key and sub-model once
    families: Mapping[str, Entity]  # a named family without digits ("BUK") -> its entity
    prefix_words: frozenset[str]  # names that may lead a code ("BUK", "PANTSIR", "LEOPARD")
    openers: frozenset[str]  # first words of known spellings, upper case ("IRON", "BUK")
    makers: frozenset[str]
    lower_suffixes: tuple[str, ...]
    not_prefixes: frozenset[str]
    stop: frozenset[str]
    ambiguous: frozenset[str]
    nouns: frozenset[str]
    spaced_prefixes: frozenset[str]  # beginnings of variant keys of names with a space
    maker_sizes: tuple[int, ...]  # lengths of the makers, shortest first
    maker_tuple: tuple[str, ...]  # the makers, for ``str.endswith``
    openings: re.Pattern[str]  # the first characters of words that may open a designator
    ascii_openings: re.Pattern[str]  # the same for texts whose letters and digits are ASCII
    # what ``kinds.designators`` read before, by surface and manner of reading
    memo: dict[tuple[str, bool, bool, bool], Entity | None] = attrs.field(
        factory=dict, eq=False, hash=False
    )


_ASCII_BYTES = bytes(range(128))


def non_ascii(text: str) -> set[str]:
    """The characters of ``text`` outside ASCII (found on its UTF-8 bytes: fast).

    >>> sorted(non_ascii("Straße – Łódź"))
    ['ß', 'ó', 'Ł', 'ź', '–']
    """
    if text.isascii():
        return set()
    last = _LAST_NON_ASCII[0]
    if last is not None and last[0] == text:
        return set(last[1])  # the same text again (names and designators both ask)
    data = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    found = frozenset(data.decode("utf-8", "surrogatepass"))
    _LAST_NON_ASCII[0] = (text, found)
    return set(found)


_LAST_NON_ASCII: list[tuple[str, frozenset[str]] | None] = [None]


@functools.lru_cache(maxsize=2**16)  # the same words come back, in every text
def variant_key(text: str) -> str:
    """``text`` upper-cased without dashes or white space: where spellings meet.

    >>> variant_key("Buk M–1")
    'BUKM1'
    """
    return _DASH_OR_SPACE.sub("", unicodedata.normalize("NFKC", text)).upper()


def family_of(key: str) -> str:
    """The variant key of ``key`` up to the end of its first number."""
    match = re.search(r"\d+", key)
    return variant_key(key[: match.end()] if match else key)


@functools.cache
def compiled(lexicon: Lexicon) -> Known:
    """``designators.toml`` of ``lexicon``, compiled once per lexicon."""
    table = lexicon.table("designators")
    words = table.get("words", {})
    known = table.get("known", {})
    if not isinstance(words, dict) or not isinstance(known, dict):
        raise LexiconError(_FILE, "", "[words] and [known] must be tables")
    entities: dict[str, Entity] = {}
    canonical: list[Entity] = []
    heads: set[str] = set()
    openers: set[str] = set()
    for key, entry in known.items():
        for entity, aliases in _entries(key, entry):
            canonical.append(entity)
            for spelling in (entity.key, *aliases):
                _add(entities, variant_key(spelling), entity, spelling)
                if " " in spelling or not any(c.isdigit() for c in spelling):
                    openers.add(re.split(r"[\s/" + _DASH + "]", spelling, maxsplit=1)[0].upper())
                parts = re.split(r"[\s" + _DASH + "]", spelling, maxsplit=1)
                if len(parts[0]) > 2 and parts[0].isalpha() and len(parts) == 2:
                    heads.add(parts[0].upper())
    families = {e.key: e for e in canonical if not any(c.isdigit() for c in e.key)}
    heads.update(k for k in families if " " not in k)
    makers = frozenset(_strings(words, "makers"))
    return Known(
        entities=entities,
        canonical=tuple(sorted(canonical, key=lambda e: (len(e.key), e.key))),
        families=families,
        prefix_words=frozenset(heads),
        openers=frozenset(heads | openers),
        makers=makers,
        lower_suffixes=tuple(_strings(words, "lower_suffixes")),
        not_prefixes=frozenset(w.casefold() for w in _strings(words, "not_prefixes")),
        stop=frozenset(variant_key(w) for w in _strings(words, "not_designators")),
        ambiguous=frozenset(variant_key(w) for w in _strings(words, "ambiguous")),
        nouns=frozenset(w.lower() for w in _strings(words, "nouns")),
        spaced_prefixes=frozenset(
            variant[:n]
            for variant, entity in entities.items()
            if " " in entity.key
            for n in range(1, len(variant) + 1)
        ),
        maker_sizes=tuple(sorted({len(m) for m in makers})),
        maker_tuple=tuple(sorted(makers)),
        openings=_openings_pattern(heads | openers),
        ascii_openings=_ascii_openings_pattern(heads | openers),
    )


def _openings_pattern(openers: set[str]) -> re.Pattern[str]:
    """The first characters of the words ``find`` reads: a digit or a non-ASCII letter, or
    a capital with a digit after it or that starts an opener (rest in any case).

    >>> [m.start() for m in _openings_pattern({"BUK"}).finditer("a Buk, buk, S-200, BUKA")]
    [2, 12]
    """
    by_first: dict[str, list[str]] = {}
    for opener in openers:
        by_first.setdefault(opener[0], []).append(opener[1:])
    alternatives = [r"(?<=[^\W_a-zA-Z])", _digitish(r"[^\W_]", r"[^\W_a-zA-Z]")]
    for first, rests in sorted(by_first.items()):
        if "A" <= first <= "Z":
            alternatives.append(f"(?<={first})(?={_trie(rests)}(?![^\\W_]))")
    return re.compile(WORD_START + "(?:" + "|".join(alternatives) + ")")


def _digitish(alnum: str, other: str) -> str:
    """The rest of a word that has a digit, or a character other than an ASCII letter."""
    return rf"(?=[a-zA-Z]*+(?:{SEP}(?={alnum})[a-zA-Z]*+)*+{other})"  # possessive: no way back


def _ascii_openings_pattern(openers: set[str]) -> re.Pattern[str]:
    """``_openings_pattern`` for texts whose letters and digits are all ASCII: one branch
    per first character, so that the search skips to the next capital or digit fast and
    tries only the branch of that character.

    >>> [m.start() for m in _ascii_openings_pattern({"BUK"}).finditer("a Buk, buk, S-200")]
    [2, 12]
    """
    by_first: dict[str, list[str]] = {}
    for opener in openers:
        by_first.setdefault(opener[0], []).append(opener[1:])
    word_start = f"(?<![A-Za-z0-9].)(?<![A-Za-z0-9]{SEP}.)"
    digitish = _digitish("[A-Za-z0-9]", "[0-9]")
    branches = [digit + word_start for digit in "0123456789"]
    for first in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        rests = by_first.get(first)
        opener = f"|(?={_trie(rests)}(?![A-Za-z0-9]))" if rests else ""
        # the look-behinds last: most capitals are words with no digit and no opener
        branches.append(f"{first}(?:{digitish}{opener}){word_start}")
    return re.compile("|".join(branches))


def _trie(words: list[str]) -> str:
    """An expression matching ``words`` in any case, shared beginnings factored out.

    >>> print(_trie(["UK", "TR", "", "MP-3"]))
    (?:[Mm][Pp]\\-3|[Tt][Rr]|[Uu][Kk])?
    """
    return trie_pattern(words, char=_any_case)


def _any_case(char: str) -> str:
    if char.isascii():
        return f"[{char}{char.lower()}]" if char.isalpha() else re.escape(char)
    return f"(?i:{re.escape(char)})"


def _entries(key: str, entry: Any) -> list[tuple[Entity, list[str]]]:
    """A family entry and its sub-models, each with the aliases that read as it."""
    where = f"known.{key}"
    if not isinstance(entry, dict) or not isinstance(entry.get("category", ""), str):
        raise LexiconError(_FILE, where, "must be a table with a string category")
    if key != key.upper() or not key.strip():
        raise LexiconError(_FILE, where, "keys are written upper-case (the display form)")
    category = entry.get("category", "")
    family = family_of(key)
    head = Entity(
        kind="designator",
        key=key,
        variant_key=variant_key(key),
        family=family,
        known=True,
        category=category,
    )
    out = [(head, _strings(entry, "aliases", where))]
    for sub in _strings(entry, "submodels", where):
        entity = attrs.evolve(head, key=sub.upper(), variant_key=variant_key(sub))
        out.append((entity, []))
    return out


def _add(entities: dict[str, Entity], variant: str, entity: Entity, spelling: str) -> None:
    old = entities.get(variant)
    if old is not None and old.key != entity.key:
        raise LexiconError(_FILE, spelling, f"same variant key as {old.key!r}")
    entities[variant] = entity


def _strings(table: Mapping[str, Any], key: str, where: str = "words") -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(_FILE, f"{where}.{key}", "must be a list of non-empty strings")
    return value
