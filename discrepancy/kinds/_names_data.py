"""``names.toml`` compiled for ``kinds.names``: titles, name words, transliteration rules,
known organisations and countries, and the folding of a name to its variant key.

Compiled lazily, once per ``Lexicon``; every entry is checked and a bad one raises
``LexiconError`` naming ``names.toml``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs

from discrepancy.kinds import _designators_data as designators_data
from discrepancy.lexicon import Lexicon, LexiconError
from discrepancy.model import Entity

__all__ = [
    "Names",
    "compiled",
    "entity",
    "entity_of",
    "fold",
    "letters_are_ascii",
    "strings",
    "table_of",
]

_FILE = "names.toml"
_VOWELS = re.compile(r"[aeiou]+")


@attrs.frozen(kw_only=True)
class Names:
    """``names.toml`` compiled: word sets, title phrases, folding rules, known names."""

    titles: Mapping[str, tuple[tuple[str, ...], ...]]  # first word -> phrases, longest first
    lower_titles: frozenset[str]
    lower_title_ends: tuple[str, ...]  # each lower-case title and a space
    lower_title_tail: int  # how many last letters every lower-case title has at least (<= 3)
    lower_title_tails: frozenset[str]  # those last letters of each and a space: a fast test
    title_words: frozenset[str]
    of_words: frozenset[str]  # words an "of" may follow inside a name
    stop: frozenset[str]
    particles: frozenset[str]
    connectors: frozenset[str]
    org_words: frozenset[str]
    abbreviations: frozenset[str]
    suffixes: frozenset[str]  # "Jr", "III"
    pairs: tuple[tuple[str, str], ...]
    articles: frozenset[str]  # left out of variant keys ("al", "el")
    flags: Mapping[str, bool]
    known: Mapping[str, tuple[str, str]]  # variant key -> (canonical, category)
    countries: Mapping[str, str]  # country, alias or demonym (casefolded) -> country
    demonyms: frozenset[str]  # casefolded
    weapons: frozenset[str]  # designator variant keys of named systems ("IRONDOME")
    hyphen_heads: frozenset[str]  # what comes before the hyphen of "al-Assad"
    hyphen_head_sizes: tuple[int, ...]
    hyphen_pattern: re.Pattern[str] | None  # the heads and a hyphen, if all are alphanumeric
    plain_next: re.Pattern[str] | None  # a word that may go on a run (None: any may)
    chain: re.Pattern[str]  # from an opening capital, the words a run may be read from
    ascii_chain: re.Pattern[str]  # the same, for texts whose letters and digits are ASCII
    chain_at: re.Pattern[str]  # the same, from any word (a particle before a hyphen)
    memo: dict[str, str] = attrs.field(factory=dict, eq=False, hash=False)  # folded words
    # what ``kinds.names`` worked out before, by run of words and by name and title
    shapes: dict[Any, tuple[int, int] | None] = attrs.field(factory=dict, eq=False, hash=False)
    entities: dict[tuple[str, str], Entity] = attrs.field(factory=dict, eq=False, hash=False)
    # what ``kinds._names_runs`` read from a chain of words, by use and chain text
    chains: dict[Any, dict[str, Any]] = attrs.field(factory=dict, eq=False, hash=False)


def fold(name: str, data: Names) -> str:
    """The variant key of ``name``: each word folded by the transliteration rules.

    >>> from discrepancy.lexicon import default_lexicon
    >>> data = compiled(default_lexicon())
    >>> fold("Bashar al-Assad", data) == fold("Bashar Assad", data), fold("Hizbullah", data)
    (True, 'hazbala')
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = re.findall(r"[^\W\d_]+", text)
    # An article before a word is often left out ("al-Assad", "Assad").
    words = [w for i, w in enumerate(words[:-1]) if w.casefold() not in data.articles] + words[-1:]
    # Acronyms ("US", "IS", "U.S.") are spelled, not transliterated.
    return "".join(w.casefold() if w.isupper() else _fold_word(w.casefold(), data) for w in words)


def _fold_word(word: str, data: Names) -> str:
    folded = data.memo.get(word)
    if folded is None:
        if len(data.memo) > 100_000:  # bound the memory a long-running process keeps
            data.memo.clear()
        folded = data.memo[word] = _fold_new_word(word, data)
    return folded


def _fold_new_word(word: str, data: Names) -> str:
    for old, new in data.pairs:
        word = word.replace(old, new)
    if data.flags["drop_final_h"] and len(word) > 2 and word[-1] == "h" and word[-2] in "aeiou":
        word = word[:-1]
    if data.flags["fold_inner_vowels"]:
        end = len(word)
        word = _VOWELS.sub(lambda m: m.group() if m.end() == end else "a", word)
    if data.flags["collapse_doubles"]:
        word = re.sub(r"(.)\1+", r"\1", word)
    return word


@functools.cache
def compiled(lexicon: Lexicon) -> Names:
    """``names.toml`` of ``lexicon``, compiled once per lexicon."""
    table = lexicon.table("names")
    titles = table_of(table, "titles")
    words = table_of(table, "words")
    phrases = [tuple(p.replace(".", "").split()) for p in strings(titles, "phrases", "titles")]
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        by_first.setdefault(phrase[0], []).append(phrase)
    title_words = {w for p in phrases for w in p}
    of_words = ("organisation", "places", "connectors")
    particles = frozenset(strings(words, "particles", "words"))
    connectors = frozenset(strings(words, "connectors", "words"))
    heads = particles | {w.partition("-")[0] for w in particles | connectors if "-" in w}
    heads -= {""}
    base = Names(
        titles={k: tuple(v) for k, v in by_first.items()},
        lower_titles=frozenset(strings(titles, "lower", "titles")),
        lower_title_ends=tuple(sorted(w + " " for w in strings(titles, "lower", "titles"))),
        **_tails(strings(titles, "lower", "titles")),
        title_words=frozenset(title_words),
        of_words=frozenset(title_words.union(*(strings(words, k, "words") for k in of_words))),
        stop=frozenset(strings(words, "stop", "words")),
        particles=particles,
        connectors=connectors,
        org_words=frozenset(strings(words, "organisation", "words")),
        abbreviations=frozenset(strings(words, "abbreviations", "words")),
        suffixes=frozenset(strings(words, "suffixes", "words")),
        **_transliteration(table_of(table, "transliteration")),
        known={},
        countries={},
        demonyms=frozenset(),
        weapons=_weapons(lexicon),
        hyphen_heads=heads,
        hyphen_head_sizes=tuple(sorted({len(h) for h in heads})),
        hyphen_pattern=_hyphen_pattern(heads),
        plain_next=_inner_pattern(particles, connectors),
        chain=_chain_pattern(heads, particles | connectors, first=True),
        ascii_chain=_ascii(_chain_pattern(heads, particles | connectors, first=True)),
        chain_at=_chain_pattern(heads, particles | connectors, first=False),
    )
    countries, demonyms = _countries(table_of(table, "countries"))
    known = _organisations(table_of(table, "organisations"), base)
    return attrs.evolve(base, known=known, countries=countries, demonyms=demonyms)


def entity(surface: str, title: str, data: Names) -> Entity:
    """The entity of a name (``surface``) after ``title``: a known organisation or country,
    an organisation (an organisation word or an acronym), a person (after a title) or a
    name.

    >>> from discrepancy.lexicon import default_lexicon
    >>> data = compiled(default_lexicon())
    >>> [entity(s, t, data).kind for s, t in [("Hizbullah", ""), ("Putin", "Mr"), ("Ann", "")]]
    ['organisation', 'person', 'name']
    """
    key = " ".join(surface.replace("’", "'").split())
    variant = fold(key, data)
    known = data.known.get(variant) or data.known.get(fold(key.replace(".", ""), data))
    country = data.countries.get(key.casefold())
    words = key.split()
    if known is not None:
        canonical, category = known
        return Entity(
            kind="organisation",
            key=key,
            variant_key=fold(canonical, data),
            title=title,
            known=True,
            category=category,
        )
    if country is not None and country.casefold() not in data.demonyms:
        return Entity(
            kind="name",
            key=key,
            variant_key=fold(country, data),
            title=title,
            known=True,
            category="country",
        )
    org = any(w in data.org_words for w in words) or _acronym(key)
    kind = "organisation" if org else "person" if title else "name"
    return Entity(kind=kind, key=key, variant_key=variant, title=title)


def _acronym(key: str) -> bool:
    letters = key.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def entity_of(surface: str, title: str, data: Names) -> Entity:
    """``entity``, remembered by surface and title."""
    found = data.entities.get((surface, title))
    if found is None:
        if len(data.entities) > 100_000:  # bound the memory a long-running process keeps
            data.entities.clear()
        found = data.entities[surface, title] = entity(surface, title, data)
    return found


def _tails(lower_titles: list[str]) -> dict[str, Any]:
    """The ends of the lower-case titles, all of one size: a text that ends with a title
    and a space ends with one of them (a set look-up, faster than ``str.endswith``)."""
    size = min([3, *(len(w) for w in lower_titles)])
    return {
        "lower_title_tail": size,
        "lower_title_tails": frozenset(w[len(w) - size :] + " " for w in lower_titles),
    }


def _inner_pattern(particles: frozenset[str], connectors: frozenset[str]) -> re.Pattern[str] | None:
    """The beginnings of words that go on a run although not capitalised: a particle or a
    connector, whole, or a particle and a hyphen ("al-Assad"). ``None`` when a blocked word
    (read as "x") would be one."""
    inner = particles | connectors
    if "x" in inner or not inner:
        return None
    whole = "|".join(re.escape(w) for w in sorted(inner, key=len, reverse=True))
    heads = "|".join(re.escape(w) for w in sorted(particles, key=len, reverse=True))
    pattern = "(?:" + whole + r")(?![^\W_]|['’‐-][^\W_])"
    return re.compile(pattern + ("|(?:" + heads + ")[-‐]" if heads else ""))


TOKEN = r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’‐-][^\W_]+)*"  # a word, as ``_names_runs`` reads it
# The first character of a word that may open a run (capitalised: not a lower-case ASCII
# letter or a digit), not after a letter or digit, nor after a joiner after one; the range
# goes first so that the search skips lower-case text fast.
_OPENING = r"[A-Z\x80-\U0010ffff](?<=[^\W_a-z0-9])(?<![^\W_].)(?<![^\W_]['’‐-].)"
_ASCII_OPENING = r"[A-Z](?<![A-Za-z0-9].)(?<![A-Za-z0-9]['’‐-].)"
_AFTER_OPENING = r"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|[^\W_]*(?:['’‐-][^\W_]+)*)"  # ``TOKEN``'s rest
CHAIN_WORDS = 17  # words after the first that a chain holds at most


def _chain_pattern(heads: frozenset[str], inner: frozenset[str], *, first: bool) -> re.Pattern[str]:
    """Chains: a word and the words after it, each after a gap that may join two words of a
    run (its first character a space, an apostrophe or a full stop), while each may go on a
    run (not lower case unless a particle or connector, whole or before a hyphen); at most
    ``CHAIN_WORDS`` after the first (a chain of more words is cut: too long to tell).
    Every word a run is read from lies in the chain that starts where the run starts."""
    words = "|".join(re.escape(w) for w in sorted(inner, key=len, reverse=True))
    starts = "|".join(re.escape(w) for w in sorted(heads, key=len, reverse=True))
    alternatives = [f"(?:{words})" + r"(?![^\W_]|['’‐-][^\W_])"] if words else []
    alternatives += [f"(?:{starts})[-‐]"] if starts else []
    may_go_on = "(?:(?![a-z0-9])|(?=" + ("|".join(alternatives) or "(?!)") + "))"
    step = r"[ \t\u00a0'’.][\W_]*+" + may_go_on + "(?:" + TOKEN + ")"
    # Possessive: nothing follows the steps, and a word starts with a word character, so
    # giving characters back could not make a match (the engine then keeps no way back).
    rest = f"(?:{step}){{0,{CHAIN_WORDS}}}+"
    if first:  # from a word that may open a run, found by a search
        return re.compile(_OPENING + _AFTER_OPENING + rest)
    return re.compile("(?:" + TOKEN + ")" + rest)


def _ascii(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` for texts whose letters and digits are all ASCII, written with ASCII
    ranges (faster to scan)."""
    text = pattern.pattern.replace(_OPENING, _ASCII_OPENING)
    for unicode, ascii in (("[^\\W_]", "[A-Za-z0-9]"), ("[\\W_]", "[^A-Za-z0-9]")):
        text = text.replace(unicode, ascii)
    return re.compile(text)


def letters_are_ascii(text: str) -> bool:
    """Whether every letter and digit of ``text`` is ASCII.

    >>> letters_are_ascii("“Ahmed” – 3"), letters_are_ascii("Łódź")
    (True, False)
    """
    return not any(c.isalnum() for c in designators_data.non_ascii(text))


def _hyphen_pattern(heads: frozenset[str]) -> re.Pattern[str] | None:
    """A hyphen after a head ("al-"), longest heads first; the head's size is the number of
    the group that matched. ``None`` unless every head is letters or digits (then no head
    hides another that could start a word)."""
    if not heads or not all(h.isalnum() for h in heads):
        return None
    sizes = sorted({len(h) for h in heads}, reverse=True)
    behind = [
        "(?<=(" + "|".join(re.escape(h) for h in sorted(heads) if len(h) == n) + ")-)"
        for n in sizes
    ]
    return re.compile("-(?:" + "|".join(behind) + ")")


def _weapons(lexicon: Lexicon) -> frozenset[str]:
    """Named weapon systems ("Iron Dome", "HIMARS") are designators, not names; names that
    are also ordinary names ("Bradley", "Caesar") stay names."""
    known = designators_data.compiled(lexicon)
    return frozenset(
        variant
        for variant in known.entities
        if not any(c.isdigit() for c in variant) and variant not in known.ambiguous
    )


def _transliteration(trans: Mapping[str, Any]) -> dict[str, Any]:
    pairs = trans.get("pairs", [])
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs
    ):
        raise LexiconError(_FILE, "transliteration.pairs", "must be a list of string pairs")
    flags = ("fold_inner_vowels", "drop_final_h", "collapse_doubles")
    return {
        "articles": frozenset(a.casefold() for a in strings(trans, "articles", "transliteration")),
        "pairs": tuple((a.casefold(), b.casefold()) for a, b in pairs),
        "flags": {flag: bool(trans.get(flag, False)) for flag in flags},
    }


def _organisations(table: Mapping[str, Any], data: Names) -> dict[str, tuple[str, str]]:
    known: dict[str, tuple[str, str]] = {}
    for name, entry in table.items():
        where = f"organisations.{name}"
        if not isinstance(entry, dict) or not isinstance(entry.get("category", ""), str):
            raise LexiconError(_FILE, where, "must be a table with a string category")
        for spelling in [name, *strings(entry, "spellings", where)]:
            variant = fold(spelling.replace(".", ""), data)
            old = known.get(variant)
            if old is not None and old[0] != name:
                raise LexiconError(_FILE, where, f"{spelling!r} is also a spelling of {old[0]!r}")
            known[variant] = (name, entry.get("category", ""))
    return known


def _countries(table: Mapping[str, Any]) -> tuple[dict[str, str], frozenset[str]]:
    countries: dict[str, str] = {}
    demonyms: set[str] = set()
    for name, entry in table.items():
        where = f"countries.{name}"
        if not isinstance(entry, dict):
            raise LexiconError(_FILE, where, "must be a table")
        adjectives = strings(entry, "demonyms", where)
        demonyms.update(a.casefold() for a in adjectives)
        for word in [name, *adjectives, *strings(entry, "aliases", where)]:
            countries[word.casefold()] = name
    return countries, frozenset(demonyms)


def table_of(table: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """The sub-table ``key`` of ``table`` (empty when missing), checked to be a table."""
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise LexiconError(_FILE, key, "must be a table")
    return value


def strings(table: Mapping[str, Any], key: str, where: str) -> list[str]:
    """The list of non-empty strings under ``key`` (empty when missing), checked."""
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(_FILE, f"{where}.{key}", "must be a list of non-empty strings")
    return value
