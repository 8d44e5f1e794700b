"""Within-article checks: slips that one article shows on its own.

- a doubled word ("Norkin Norkin", "anti anti-aircraft"), minus real reduplications;
- a name cut short: a title and a first name followed by a lower-case word ("President
  Vladimir to express"), where the corpus writes that first name with a surname and never
  uses it alone as a surname;
- a weekday that does not fit the date beside it ("Tuesday, September 17, 2018");
- a country adjective made possessive before a capitalised title ("Russian’s Defense
  Minister"), where the country's possessive was meant ("Russia’s").
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence

import attrs

from discrepancy import similarity
from discrepancy.kinds import names
from discrepancy.lexicon import Lexicon
from discrepancy.model import (
    DateInterval,
    Entity,
    Evidence,
    Fact,
    Finding,
    FindingType,
    Source,
    Span,
)
from discrepancy.text import Sentence, sentences

_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)(['’]s)\s+(?=[A-Z][a-z])")
# Where a possessive may end: the regex above is tried only before these (found with
# ``str.find``; the word's \b would be tried at every position).
_APOSTROPHE_S = re.compile(r"['’]s\s+(?=[A-Z][a-z])")
_DETERMINERS = frozenset({"the", "a", "an", "one", "that", "this", "each", "every", "another"})
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@attrs.frozen(kw_only=True)
class SourceChecks:
    """The findings of one article that need no other article (``check_source``)."""

    doubled: tuple[Finding, ...] = ()
    possessives: tuple[Finding, ...] = ()
    weekdays: tuple[Finding, ...] = ()


def check(
    sources: Sequence[Source],
    facts: Sequence[Fact],
    *,
    lexicon: Lexicon,
    done: Sequence[SourceChecks] | None = None,
) -> list[Finding]:
    """Findings that one article gives on its own, for every article.

    ``done`` holds ``check_source`` of each source (in the order of ``sources``) when it
    was already run, in the worker that extracted the source; only the checks that look
    across articles (names cut short) are left to do.
    """
    if done is None:
        done = [check_source(s, (), lexicon=lexicon) for s in sources]
        weekdays = weekday_mismatches(facts)
    else:
        weekdays = [f for d in done for f in d.weekdays]
    return [
        *(f for d in done for f in d.doubled),
        *truncated_names(facts, sources),
        *(f for d in done for f in d.possessives),
        *weekdays,
    ]


def check_source(
    source: Source,
    facts: Sequence[Fact],
    *,
    lexicon: Lexicon,
    split: Sequence[Sentence] | None = None,
) -> SourceChecks:
    """The checks of one article on its own: doubled words, possessives, weekdays of
    ``facts`` (the article's facts); ``split`` is its sentences, if already split.

    >>> from discrepancy.lexicon import default_lexicon
    >>> found = check_source(Source(id="a", text="The the end."), (), lexicon=default_lexicon())
    >>> [f.suggestion for f in found.doubled]
    ['the']
    """
    return SourceChecks(
        doubled=tuple(doubled_words(source, lexicon=lexicon, split=split)),
        possessives=tuple(adjective_possessives(source, lexicon=lexicon, split=split)),
        weekdays=tuple(weekday_mismatches(facts)),
    )


def _single(
    slot: str, span: Span, value: str, explanation: str, score: float, suggestion: str | None
) -> Finding:
    digest = hashlib.sha1(f"{slot}|{span.source}:{span.start}:{span.end}".encode()).hexdigest()
    return Finding(
        id=f"typo-{digest[:10]}",
        type=FindingType.LIKELY_TYPO,
        score=score,
        slot=slot,
        kind="text",
        evidence=(Evidence(span=span, value=value),),
        explanation=explanation,
        suggestion=suggestion,
    )


def _sentence_at(source: Source, split: Sequence[Sentence] | None) -> Callable[[int], str]:
    """The sentence of ``source`` around an offset (``split``: its sentences, if known); the
    text of each sentence is cut once and shared by all its slips, so that a long sentence
    full of slips is not copied once per slip.

    >>> sentence = _sentence_at(Source(id="a", text="The the end. A a start."), None)
    >>> sentence(0), sentence(14), sentence(0) is sentence(4)
    ('The the end.', 'A a start.', True)
    """
    made: dict[int, str] = {}

    def sentence(start: int) -> str:
        sents = _sentences(source.text, source.body_start) if split is None else split
        i = bisect.bisect_right(sents, start, key=lambda s: s.start) - 1
        if i < 0 or start >= sents[i].end:
            return ""
        if i not in made:
            made[i] = source.text[sents[i].start : sents[i].end]
        return made[i]

    return sentence


@functools.lru_cache(maxsize=16)
def _sentences(text: str, start: int) -> tuple[Sentence, ...]:
    """The sentences of one text, split once however many slips."""
    return tuple(sentences(text, start))


def doubled_words(
    source: Source, *, lexicon: Lexicon, split: Sequence[Sentence] | None = None
) -> list[Finding]:
    """A word written twice in a row, as a typo finding per occurrence."""
    out = []
    sentence = _sentence_at(source, split)
    for start, end, surface in similarity.doubled_words(
        source.text[source.body_start :], lexicon=lexicon
    ):
        start, end = start + source.body_start, end + source.body_start
        span = Span(
            source=source.id,
            start=start,
            end=end,
            surface=surface,
            sentence=sentence(start),
        )
        word = surface.split()[0]
        fixed = surface[len(word) :].strip()
        text = f"The word {word!r} is written twice in a row ({surface!r})."
        out.append(_single("doubled word", span, surface, text, 0.9, fixed))
    return out


def truncated_names(facts: Sequence[Fact], sources: Sequence[Source]) -> list[Finding]:
    """A title and a first name with no surname, where the corpus gives the full name."""
    people = [(f, v) for f in facts if f.kind == "person" and isinstance(v := f.value, Entity)]
    full: dict[str, Counter[str]] = defaultdict(Counter)  # first name -> full names
    surnames: set[str] = set()
    for key, count in Counter(v.key for _, v in people if " " in v.key).items():
        parts = key.split()
        full[parts[0]][key] = count
        surnames.add(parts[-1])
    text_of = {s.id: s.text for s in sources}
    commonest: dict[str, str] = {}  # first name -> the full name written most often
    out = []
    for fact, value in people:
        if " " in value.key:
            continue
        if not value.title or value.key not in full or value.key in surnames:
            continue
        end = fact.span.end
        after = text_of[fact.span.source][end : end + 80].lstrip()  # the next word is enough
        if not after or not after[0].islower():
            continue
        if value.key not in commonest:
            commonest[value.key] = full[value.key].most_common(1)[0][0]
        whole = commonest[value.key]
        text = (
            f"{fact.span.surface!r} is followed by {after.split()[0]!r}: the surname seems "
            f"missing; the sources write {whole!r}."
        )
        out.append(_single("truncated name", fact.span, value.key, text, 0.75, whole))
    return out


def weekday_mismatches(facts: Sequence[Fact]) -> list[Finding]:
    """A written weekday that is not the weekday of the date beside it."""
    out = []
    for fact in facts:
        value = fact.value
        if not isinstance(value, DateInterval) or value.weekday is None:
            continue
        if not (value.resolved and value.year_known and value.low == value.high):
            continue
        actual = value.low.weekday()
        if actual != value.weekday:
            text = (
                f"{fact.span.surface!r} names a {_WEEKDAYS[value.weekday]}, but "
                f"{value.low.isoformat()} was a {_WEEKDAYS[actual]}."
            )
            out.append(_single("weekday", fact.span, str(value), text, 0.7, _WEEKDAYS[actual]))
    return out


def _possessives(text: str, start: int) -> Iterator[re.Match[str]]:
    """``_POSSESSIVE.finditer(text, start)``, found from the apostrophes back.

    >>> [m.group(1) for m in _possessives("The Russian’s Defense Minister, Iran's Army", 0)]
    ['Russian', 'Iran']
    """
    for apostrophe in _apostrophes(text, start):
        word = apostrophe
        while word > start and "a" <= text[word - 1] <= "z":
            word -= 1
        if word - 1 >= start and (match := _POSSESSIVE.match(text, word - 1)) is not None:
            yield match


def _apostrophes(text: str, start: int) -> list[int]:
    """Where ``_APOSTROPHE_S`` matches in ``text[start:]``: ``str.find`` goes from one "'s"
    to the next faster than the regex tries each position.

    >>> _apostrophes("Iran’s Army, Iran's army, Iran's  Army", 0)
    [4, 30]
    """
    found = []
    for mark in ("'s", "’s"):
        at = text.find(mark, start)
        while at >= 0:
            if _APOSTROPHE_S.match(text, at):
                found.append(at)
            at = text.find(mark, at + 2)
    return sorted(found)


def adjective_possessives(
    source: Source, *, lexicon: Lexicon, split: Sequence[Sentence] | None = None
) -> list[Finding]:
    """ "Russian’s Defense Minister": the adjective made possessive where the country was meant."""
    out = []
    text, sentence = source.text, _sentence_at(source, split)
    for match in _possessives(text, source.body_start):
        word = match.group(1)
        country = names.country_of(word, lexicon=lexicon)
        if country is None or country == word or " " in country:
            continue
        before = text[max(0, match.start() - 12) : match.start()].split()
        if before and before[-1].casefold() in _DETERMINERS:
            continue  # "the Russian's passport": a person, correctly possessive
        start, end = match.start(1), match.end(2)
        span = Span(
            source=source.id,
            start=start,
            end=end,
            surface=text[start:end],
            sentence=sentence(start),
        )
        fixed = country + match.group(2)
        reason = (
            f"{word!r} is the adjective; before a title the possessive of the country, "
            f"{fixed!r}, is meant."
        )
        out.append(_single("possessive", span, span.surface, reason, 0.6, fixed))
    return out
