"""Stages 2-3: a source -> mentions (every kind's ``find``) -> facts with their roles.

A number becomes a fact only when the words around it say what it answers: the counted
noun after it ("15 crew members") and what happened to them ("killed"), or a measure
word in its clause ("warning", "off the coast"). A phrase that says a measured thing did
not happen ("had not warned") is a fact of value zero in that role. A date becomes a fact
when a temporal preposition introduces it (or it names a weekday) and a verb in its
clause says what it dates; other dates are kept with an empty role (checked within their
article, never aligned). Everything else is left out: a bare number answers no question
that another source could contradict. The reading of numbers' roles is in
``number_roles``; token helpers and the role tables in ``roles``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Sequence

from discrepancy import number_roles as N
from discrepancy import roles as R
from discrepancy import similarity
from discrepancy.kinds import dates, designators, names, quantities, units
from discrepancy.lexicon import Lexicon
from discrepancy.model import DateInterval, Entity, Fact, Interval, Mention, Source, Span
from discrepancy.text import Sentence, sentences

_ATTRIBUTED = re.compile(  # the opening is \b(?:according\ to|citing), see roles._cue
    r"""(?-i:[aAcC])(?<=\b.)(?:(?<=a)ccording\ to|(?<=c)iting)\s+(?:the\s+|a\s+|an\s+)?
        (?P<who>[^,.;:“”"]{2,60}?)                        # who: up to the next stop
        (?=[,.;:“”"]|\s+(?:said|says|report|statement)\b|$)""",
    re.IGNORECASE | re.VERBOSE,
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "that", "who"})
_AT = operator.attrgetter("start")  # sort keys, at C speed
_PLACE = operator.attrgetter("start", "end")
_FACT_ORDER = operator.attrgetter("span.start", "span.end", "kind")


def extract(
    source: Source, *, lexicon: Lexicon, split: Sequence[Sentence] | None = None
) -> list[Fact]:
    """Every fact stated in ``source``, in text order.

    ``split``, when given, is ``sentences(source.text, source.body_start)`` already made.

    >>> from discrepancy.lexicon import default_lexicon
    >>> facts = extract(Source(id="a", text="All 15 crew members were killed."),
    ...                 lexicon=default_lexicon())
    >>> [(f.span.surface, f.role) for f in facts if f.kind == "count"]
    [('All 15', 'people killed')]
    """
    text, ref, offset = source.text, source.published, source.body_start
    body = text[offset:]
    found = _shift(dates.find(body, lexicon=lexicon, reference_date=ref), offset)
    codes = _shift(designators.find(body, lexicon=lexicon), offset)
    found += codes
    taken = _Spans([(m.start, m.end) for m in found])
    found += [
        m
        for m in _shift(quantities.find(body, lexicon=lexicon, reference_date=ref), offset)
        if not taken.overlaps(m.start, m.end)
    ]
    people = sorted(names.find(body, lexicon=lexicon, offset=offset), key=_AT)
    found += people
    table = R.compiled(lexicon)
    facts: list[Fact] = []
    sents = sentences(text, offset) if split is None else split
    starts = [s.start for s in sents]
    said: dict[int, str] = {}  # who each sentence is attributed to, worked out once
    quotes: dict[int, str] = {}  # each sentence's text, sliced once
    words: dict[int, list[R.Token]] = {}  # sentence tokens, made when first needed
    low = R.lowered(text)
    entities: dict[Entity, tuple[Entity, str, str]] = {}  # kind and role of each name, once
    for mention in sorted(found, key=_PLACE):
        sent = _sentence_of(sents, starts, mention.start)
        if isinstance(mention.value, Entity):  # names and codes need no words around them
            facts.append(_entity_fact(source, mention, sent, lexicon, quotes, entities))
            continue
        if sent.start <= mention.start and mention.end <= sent.end:
            if sent.start not in words:
                words[sent.start] = R.tokens(text, sent.start, sent.end, low)
            toks = words[sent.start]
        else:
            toks = R.tokens(text, min(sent.start, mention.start), max(sent.end, mention.end), low)
        fact = _fact(source, mention, sent, toks, table, lexicon, (people, codes), said, quotes)
        if fact is not None:
            facts.append(fact)
    for sent in _sentences_with(table.absent_cue, text, sents, starts):
        toks = words.get(sent.start) or R.tokens(text, sent.start, sent.end, low)
        facts.extend(_absences(source, sent, toks, table, quotes))
    return sorted(facts, key=_FACT_ORDER)


class _Spans:
    """Spans already taken by dates and designators; overlap look-ups by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.reach = list(itertools.accumulate((e for _, e in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some taken span overlaps [start, end)."""
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


def _shift(mentions: Sequence[Mention], offset: int) -> list[Mention]:
    if not offset:
        return list(mentions)
    return [
        Mention(
            start=m.start + offset,
            end=m.end + offset,
            surface=m.surface,
            kind=m.kind,
            value=m.value,
        )
        for m in mentions
    ]


def _sentences_with(
    cue: re.Pattern[str], text: str, sents: Sequence[Sentence], starts: Sequence[int]
) -> list[Sentence]:
    """The sentences in which ``cue`` matches, in order (one pass over the text)."""
    found: dict[int, Sentence] = {}
    for match in cue.finditer(text, starts[0] if starts else len(text)):
        sent = _sentence_of(sents, starts, match.start())
        if match.end() <= sent.end:
            found[sent.start] = sent
    return list(found.values())


def _sentence_of(sents: Sequence[Sentence], starts: Sequence[int], pos: int) -> Sentence:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and sents[i].start <= pos < sents[i].end:
        return sents[i]
    return Sentence(start=pos, end=pos)


def _span(source: Source, start: int, end: int, sent: Sentence, quotes: dict[int, str]) -> Span:
    # one string per sentence, however many facts it holds (memory on large corpora)
    if sent.start not in quotes:
        quotes[sent.start] = source.text[sent.start : sent.end]
    return Span(
        source=source.id,
        start=start,
        end=end,
        surface=source.text[start:end],
        sentence=quotes[sent.start],
    )


def _fact(
    source: Source,
    mention: Mention,
    sent: Sentence,
    toks: Sequence[R.Token],
    table: R.Roles,
    lexicon: Lexicon,
    named: tuple[Sequence[Mention], Sequence[Mention]],
    said: dict[int, str],
    quotes: dict[int, str],
) -> Fact | None:
    people, codes = named
    text = source.text
    value = mention.value
    kind = fact_kind(mention, lexicon)
    group = ""
    if isinstance(value, Interval):
        found = N.designated(mention, toks, codes) or N.number_role(
            text, mention, kind, toks, table, lexicon
        )
        role, group = found if found is not None else (None, "")
    elif isinstance(value, DateInterval):
        role = _date_role(text, mention, toks, table, people)
    else:
        return _entity_fact(source, mention, sent, lexicon, quotes, {})
    if role is None and not isinstance(value, DateInterval):
        return None
    return Fact(
        span=_span(source, mention.start, mention.end, sent, quotes),
        kind=kind,
        value=value,
        role=role or "",
        subject=group,
        attribution=_said(text, sent, toks, table, said),
    )


def _entity_fact(
    source: Source,
    mention: Mention,
    sent: Sentence,
    lexicon: Lexicon,
    quotes: dict[int, str],
    entities: dict[Entity, tuple[Entity, str, str]],
) -> Fact:
    """A name or code as a fact. ``entities`` holds each distinct value once with its kind
    and role: a name repeated through an article is one object (worked out and sent to the
    main process once)."""
    value = mention.value
    assert isinstance(value, Entity)
    known = entities.get(value)
    if known is None:
        known = entities[value] = (value, fact_kind(mention, lexicon), _entity_role(value, lexicon))
    value, kind, role = known
    return Fact(
        span=_span(source, mention.start, mention.end, sent, quotes),
        kind=kind,
        value=value,
        role=role,
    )


def _said(
    text: str, sent: Sentence, toks: Sequence[R.Token], table: R.Roles, said: dict[int, str]
) -> str:
    if sent.start not in said:
        said[sent.start] = attribution(text, sent, toks, table)
    return said[sent.start]


def fact_kind(mention: Mention, lexicon: Lexicon) -> str:
    """ "count" for a bare number, else the unit's kind ("duration", "dimension", ...)."""
    value = mention.value
    if isinstance(value, Entity):
        return "designator" if value.kind == "designator" else value.kind
    if isinstance(value, DateInterval):
        return "date"
    if mention.kind == "ordinal":
        return "ordinal"
    if value.unit is None:
        return "count"
    info = units.unit_info(value.unit, lexicon=lexicon)
    return info.kind if info is not None else mention.kind


def _absences(
    source: Source,
    sent: Sentence,
    toks: Sequence[R.Token],
    table: R.Roles,
    quotes: dict[int, str],
) -> list[Fact]:
    """'had not warned': a zero in the measure's role (seconds or metres, by dimension)."""
    out = []
    for i, j, (name, dimension) in R.find_phrases(toks, table.absent, table.longest):
        start, end = toks[i].start, toks[j - 1].end
        unit = "second" if dimension == "time" else "meter"
        out.append(
            Fact(
                span=_span(source, start, end, sent, quotes),
                kind="duration" if dimension == "time" else "dimension",
                value=Interval(low=0, high=0, unit=unit, unit_surface=None),
                role=name,
                attribution=attribution(source.text, sent, toks, table),
            )
        )
    return out


def _date_role(
    text: str,
    mention: Mention,
    toks: Sequence[R.Token],
    table: R.Roles,
    people: Sequence[Mention],
) -> str | None:
    value = mention.value
    if not isinstance(value, DateInterval) or (not value.resolved and value.weekday is None):
        return None
    index = R.index_at(toks, mention.start)
    before = {t.word for t in toks[max(0, index - 2) : index]}
    opening = R.first_word(text, mention.start, mention.end)
    end = R.index_at(toks, mention.end - 1)
    if text.startswith(("'s", "’s"), mention.end):
        return _dated_noun(toks, end + 1, table)  # "last week's loss" dates the loss
    if not (table.temporal & {*before, opening}) and value.weekday is None:
        return None
    if _modifies_noun(text, toks, index, end, table):
        return None  # "the New Year's Day earthquake": the date names the noun after it
    first, last = R.clause_bounds(text, toks, index, table.clause_breaks)
    hits = []
    for i, j, (name, compare, subject) in R.find_phrases(
        toks[first:last], table.date_events, table.longest
    ):
        where = first + i
        if index <= where <= end:
            continue
        distance = index - (first + j) if where < index else where - end
        hits.append((distance, where, name, compare, subject))
    if not hits:
        return None
    _distance, where, name, compare, subject = min(hits)
    if not compare:
        return None
    if not subject:
        return f"{name} date"
    actor = _actor(text, toks[first].start, toks[where].start, people)
    return f"{name} date ({actor})" if actor else None


def _actor(text: str, start: int, verb: int, people: Sequence[Mention]) -> str:
    """The last name before the verb in its clause, not one a source is cited by."""
    last = bisect.bisect_right(people, verb, key=_AT)
    first = bisect.bisect_left(people, start, key=_AT)
    for mention in reversed(people[first:last]):
        if mention.end <= verb:
            cited = _ATTRIBUTED.search(text, max(start, mention.start - 40), mention.end)
            if cited is None and isinstance(mention.value, Entity):
                return mention.value.key
    return ""


def _modifies_noun(
    text: str, toks: Sequence[R.Token], index: int, end: int, table: R.Roles
) -> bool:
    """A date between a determiner and a lower-case word that is no preposition is a
    modifier ("the New Year's Day earthquake", "a 2022 strike"): it names that noun."""
    opens = toks[index].word in _DETERMINERS or (index > 0 and toks[index - 1].word in _DETERMINERS)
    if not opens or end + 1 >= len(toks):
        return False
    follower = toks[end + 1]
    return text[follower.start].islower() and follower.word not in table.noun_barriers


def _dated_noun(toks: Sequence[R.Token], after: int, table: R.Roles) -> str | None:
    """The role of a possessive date: the event noun it qualifies, if one follows."""
    for i, _j, (name, compare, _subject) in R.find_phrases(
        toks[after : after + 3], table.date_events, 2
    ):
        if i <= 1:
            return f"{name} date" if compare else None
    return None


def _entity_role(value: Entity, lexicon: Lexicon) -> str:
    if value.kind != "designator":
        return value.kind
    return value.category or _lookalike_category(value, lexicon)


@functools.lru_cache(maxsize=2**12)  # codes recur across articles; the search is costly
def _lookalike_category(value: Entity, lexicon: Lexicon) -> str:
    """The category of a known code that ``value`` is a slip of ("designator" if none)."""
    for known, distance in designators.nearest_known(value, lexicon=lexicon):
        edit = similarity.explain_edit(value.key, known.key, lexicon=lexicon)
        slip = distance <= 1 or (edit is not None and edit.kind == "lookalike")
        if slip and known.category:
            return known.category
    return "designator"


def attribution(text: str, sent: Sentence, toks: Sequence[R.Token], table: R.Roles) -> str:
    """Who the sentence says a statement comes from ("according to the AP", "X said").

    >>> from discrepancy.lexicon import default_lexicon
    >>> s = "The Russian defence ministry said 15 died."
    >>> attribution(s, Sentence(start=0, end=len(s)), R.tokens(s, 0, len(s)),
    ...             R.compiled(default_lexicon()))
    'Russian defence ministry'
    """
    match = _ATTRIBUTED.search(text, sent.start, sent.end)
    if match:
        named = R.tokens(text, match.start("who"), match.end("who"))
        kept = list(itertools.takewhile(lambda t: t.word not in table.noun_barriers, named))
        return _tidy(text[kept[0].start : kept[-1].end]) if kept else ""
    for i in R.positions(toks, table.attribution):
        who = _speaker(text, toks, i, table) if i > 0 else ""
        if who:
            return who
    return ""


def _speaker(text: str, toks: Sequence[R.Token], verb: int, table: R.Roles) -> str:
    """The noun phrase right before a verb of saying, if it names someone."""
    first = verb
    while first > 0 and verb - first < 6:
        prev = toks[first - 1]
        if R.STOP.search(text, prev.end, toks[first].start) or prev.word in table.noun_barriers:
            break
        if prev.word in _PRONOUNS or prev.word in table.attribution:
            break
        if prev.word in table.clause_breaks:
            break
        first -= 1
    if first == verb:
        return ""
    phrase = toks[first:verb]
    named = any(text[t.start].isupper() for t in phrase)
    if not named and phrase[-1].word not in table.attribution_nouns:
        return ""
    return _tidy(text[phrase[0].start : phrase[-1].end])


def _tidy(who: str) -> str:
    who = " ".join(who.split())
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if who.startswith(article):
            who = who[len(article) :]
    return who
