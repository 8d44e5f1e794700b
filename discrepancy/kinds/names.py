"""People and organisations: canonical and variant keys, titles kept apart.

A name is a run of capitalised words ("Benjamin Netanyahu", "Times of Israel",
"Bashar al-Assad"). Titles before it ("Israeli Prime Minister", "Maj. Gen.", "military
spokesman") go to ``Entity.title``; sentence openers, weekdays and months from
``names.toml`` are not names; a possessive ends a name ("Netanyahu’s bureau" gives
"Netanyahu"). Lone adjectives of countries ("Russian", "Israeli") are not names.

A title may also follow the name between commas ("Igor Konashenkov, Russian military
spokesman, said"). Not names: headlines in capitals (only known names are kept),
designators and their makers ("Airbus A300", "Iron Dome": see ``kinds.designators``),
contractions ("I'll") and lone letters.

Spans: ``find`` covers the name only; ``find_titled`` covers the title and the name (the
same entity; for a title after the name, from the name to the end of the title).
``Entity.key`` is the name as written, white space collapsed, typographic
apostrophes written ``'`` and the possessive dropped. ``variant_key`` folds spellings with
the transliteration rules of ``names.toml``, so "Hezbollah", "Hizbullah", "Hizbollah" and
"Hizballah" meet while "Israel" and "Israeli" do not; a known organisation's spellings
("ISIS", "Daesh") share its variant key.

Kinds: "organisation" (known, an organisation word such as "Ministry", or an acronym),
"person" (after a title, or the surname of a titled person in the same text), "name"
otherwise (countries have category "country").
"""

from __future__ import annotations

import functools
import re

import attrs
from rapidfuzz import fuzz, utils
from rapidfuzz.distance import Levenshtein

from discrepancy.kinds import designators
from discrepancy.kinds._names_data import Names, compiled, fold, strings, table_of
from discrepancy.kinds._names_plans import Found
from discrepancy.kinds._names_plans import apply as _apply
from discrepancy.kinds._names_plans import plans as _plans
from discrepancy.kinds._names_runs import runs
from discrepancy.lexicon import Lexicon, default_lexicon
from discrepancy.model import Entity, Mention

__all__ = [
    "country_of",
    "demonyms",
    "find",
    "find_titled",
    "name_similarity",
    "parse",
    "same_entity",
    "variant_key",
]


def variant_key(name: str, *, lexicon: Lexicon | None = None) -> str:
    """Where transliterations meet: ``names.toml`` rules over each word, words joined.

    >>> {variant_key(n) for n in ["Hezbollah", "Hizbullah", "Hizbollah", "Hizballah"]}
    {'hazbala'}
    >>> variant_key("Israel") != variant_key("Israeli")
    True
    """
    data = compiled(lexicon or default_lexicon())
    return fold(name, data)


def find(text: str, *, lexicon: Lexicon | None = None, offset: int = 0) -> list[Mention]:
    """Every name mention in ``text`` (the span covers the name, not its title); ``offset``
    is added to each span (for a text cut from a longer one, whose offsets they then are).

    >>> for m in find("Israeli Prime Minister Benjamin Netanyahu met Mr Putin. Netanyahu’s aide"):
    ...     print(m.surface, m.kind, repr(m.value.title))
    Benjamin Netanyahu person 'Israeli Prime Minister'
    Putin person 'Mr'
    Netanyahu person ''
    >>> [(m.start, m.end) for m in find("Mr Putin", offset=10)]
    [(13, 18)]
    """
    return [
        Mention(
            start=start + offset, end=end + offset, surface=surface, kind=value.kind, value=value
        )
        for start, end, surface, _, _, value in _mentions(text, lexicon or default_lexicon())
    ]


def find_titled(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Like ``find``, but each span covers the title too ("Maj. Gen. Igor Konashenkov").

    >>> [m.surface for m in find_titled("spokesman, Maj. Gen. Igor Konashenkov, said")]
    ['Maj. Gen. Igor Konashenkov']
    """
    return [
        Mention(start=start, end=end, surface=text[start:end], kind=value.kind, value=value)
        for _, _, _, start, end, value in _mentions(text, lexicon or default_lexicon())
    ]


def parse(text: str, *, lexicon: Lexicon | None = None) -> Entity | None:
    """One surface to its name entity, ``None`` on junk or when it holds several names.

    >>> parse("Netanyahu’s bureau").key, parse("President Donald Trump").title
    ('Netanyahu', 'President')
    >>> parse("Hizbullah").variant_key == parse("Hezbollah").variant_key, parse("the")
    (True, None)
    """
    if not isinstance(text, str) or len(text) > 300:
        return None
    found = _mentions(text, lexicon or default_lexicon(), anywhere=True)
    return found[0][-1] if len(found) == 1 else None


def _mentions(text: str, lexicon: Lexicon, *, anywhere: bool = False) -> list[Found]:
    """The names of ``text``, each with the span of its title and name."""
    data = compiled(lexicon)
    used_lower = None if anywhere else _LowerWords(text)
    out: list[Found] = []
    # A designator and its maker ("Airbus A300", "ATR 72") are not part of a name.
    blocked = [(m.start, m.end) for m in designators.find(text, lexicon=lexicon)]
    for base, plans in runs(text, data, blocked, _plans):
        for plan in plans:
            found = _apply(text, base, plan, data, used_lower)
            if found is not None:
                end = found[1]
                comma = text[end : end + 1] == ","  # no title after it else
                out.append(_appositive(text, found, data) if comma else found)
    return _people(out)


class _LowerWords:
    """Whether ``text`` writes a word in lower case, alone (not in "Iran-backed")."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.runs: set[str] | None = None  # every run of a-z, alone or not, once needed
        self.seen: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        word = word.lower()
        if word not in self.seen:
            if word.isascii() and word.isalpha() and self._written(word):
                alone = re.compile(re.escape(word) + rf"(?<![\w’'-].{{{len(word)}}})(?![\w’'-])")
                self.seen[word] = alone.search(self.text) is not None
            else:
                self.seen[word] = False  # not letters a-z, or not in the text at all
        return self.seen[word]

    def _written(self, word: str) -> bool:
        """Whether ``word`` is in the text: a substring test for the first few words asked,
        then a set of every run of a-z (so that many words still take linear time)."""
        if self.runs is None and len(self.seen) < 8:
            return word in self.text
        if self.runs is None:
            # Fast on the bytes: every byte other than a-z becomes a space.
            data = self.text.encode("utf-8", "surrogatepass").translate(_NOT_LOWER)
            self.runs = set(data.decode("ascii").split())
        return word in self.runs


_NOT_LOWER = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_APPOSITIVE = re.compile(
    r",\s+(?P<title>(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}(?:[a-z][\w-]*\s+){0,2}"
    r"(?P<word>[a-z]+))(?=[,.;)]|\s+(?:said|says|told|added)\b)"
)
_NOT_IN_APPOSITIVE = frozenset(["and", "or", "but", "with", "to", "from", "by", "for", "in"])


def _appositive(text: str, found: Found, data: Names) -> Found:
    """A title after the name, between commas: "Igor Konashenkov, Russian military
    spokesman, said" (the titled span then runs from the name to the title)."""
    start, end, surface, titled_start, _, value = found
    if value.title or value.kind != "name":
        return found
    match = _APPOSITIVE.match(text, end, min(len(text), end + 80))
    if match is None or match["word"] not in data.lower_titles:
        return found
    if _NOT_IN_APPOSITIVE & set(match["title"].split()):
        return found
    title = re.sub(r"^(?:the|a|an)\s+", "", " ".join(match["title"].split()))
    value = attrs.evolve(value, kind="person", title=title)
    return start, end, surface, titled_start, match.end("title"), value


def _people(found: list[Found]) -> list[Found]:
    """A name that is a titled person's surname (or whole name) is that person too."""
    people = {one[-1].key for one in found if one[-1].kind == "person"}
    people |= {re.split(r"[-‐]", key.split()[-1])[-1] for key in people}
    people |= {key.split()[-1] for key in people}
    if not people:
        return found
    out = []
    for one in found:
        value = one[-1]
        if (
            value.kind == "name"
            and value.category != "country"
            and (value.key in people or _last_word(value.key) in people)
        ):
            one = (*one[:-1], _person(value))
        out.append(one)
    return out


@functools.lru_cache(maxsize=2**16)
def _last_word(key: str) -> str:
    return key.split()[-1]


@functools.lru_cache(maxsize=2**12)
def _person(value: Entity) -> Entity:
    return attrs.evolve(value, kind="person")


def name_similarity(a: Entity | str, b: Entity | str, *, lexicon: Lexicon | None = None) -> float:
    """Similarity of two names from 0 to 100 (symmetric): the better of a token-sorted
    comparison of the keys and a comparison of the variant keys.

    >>> name_similarity("Hezbollah", "Hizbullah")
    100.0
    >>> name_similarity("Netanyahu", "Lieberman") < 70
    True
    """
    lex = lexicon or default_lexicon()
    (ka, va), (kb, vb) = _keys(a, lex), _keys(b, lex)
    plain = fuzz.token_sort_ratio(ka, kb, processor=utils.default_process)
    return float(max(plain, fuzz.ratio(va, vb)))


def same_entity(a: Entity | str, b: Entity | str, *, lexicon: Lexicon | None = None) -> bool:
    """Whether two names name one person or organisation.

    True when the variant keys meet, when one name is the other's last words ("Netanyahu",
    "Benjamin Netanyahu"), or when long variant keys are one edit apart other than by an
    ending ("Netanyahu"/"Netanyau"); a country and its adjective stay apart.

    >>> same_entity("Hizballah", "Hezbollah"), same_entity("Israel", "Israeli")
    (True, False)
    >>> same_entity("Putin", "President Vladimir Putin"), same_entity("Austria", "Australia")
    (True, False)
    """
    lex = lexicon or default_lexicon()
    (ka, va), (kb, vb) = _keys(a, lex), _keys(b, lex)
    if va == vb:
        return bool(va)
    words_a, words_b = ka.split(), kb.split()
    short, long = sorted((words_a, words_b), key=len)
    if short and long[-len(short) :] == short:
        return True
    return _one_slip(va, vb) or _one_slip(ka.casefold(), kb.casefold())


def _one_slip(a: str, b: str) -> bool:
    """Long names one edit apart, other than by an ending ("Israel"/"Israeli")."""
    if min(len(a), len(b)) < 6 or a.startswith(b) or b.startswith(a):
        return False
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def _keys(name: Entity | str, lexicon: Lexicon) -> tuple[str, str]:
    data = compiled(lexicon)
    if isinstance(name, Entity):
        return name.key, name.variant_key
    parsed = _mentions(name, lexicon, anywhere=True)
    if len(parsed) == 1:
        return parsed[0][-1].key, parsed[0][-1].variant_key
    return " ".join(name.split()), fold(name, data)


def country_of(word: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The country a name, alias or adjective stands for, ``None`` if not a country word.

    >>> country_of("Israeli"), country_of("Russia"), country_of("U.S."), country_of("Paris")
    ('Israel', 'Russia', 'United States', None)
    """
    data = compiled(lexicon or default_lexicon())
    return data.countries.get(" ".join(word.split()).casefold())


def demonyms(word: str, *, lexicon: Lexicon | None = None) -> list[str]:
    """The adjectives and nouns of the country ``word`` names, ``[]`` if none.

    >>> demonyms("Russia"), demonyms("Israeli"), demonyms("Paris")
    (['Russian', 'Russians'], ['Israeli', 'Israelis'], [])
    """
    lex = lexicon or default_lexicon()
    country = country_of(word, lexicon=lex)
    if country is None:
        return []
    entry = table_of(lex.table("names"), "countries").get(country, {})
    return list(strings(entry, "demonyms", f"countries.{country}"))
