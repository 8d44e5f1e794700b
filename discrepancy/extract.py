"""Stages 2-3: a source -> mentions (every kind's ``find``) -> facts with their roles.

A number becomes a fact only when the words around it say what it answers: the counted
noun after it ("15 crew members") and what happened to them ("killed"), or a measure
word in its clause ("warning", "off the coast"). A phrase that says a measured thing did
not happen ("had not warned") is a fact of value zero in that role. A date becomes a fact
when a temporal preposition introduces it (or it names a weekday) and a verb in its
clause says what it dates; other dates are kept with an empty role (checked within their
article, never aligned). Everything else is left out: a bare number answers no question
that another source could contradict.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from discrepancy import roles as R
from discrepancy import similarity
from discrepancy.kinds import dates, designators, names, quantities, units
from discrepancy.lexicon import Lexicon
from discrepancy.model import DateInterval, Entity, Fact, Interval, Mention, Source, Span
from discrepancy.text import Sentence, sentences

_STOP = re.compile(r"[.!?;:,]")
_ATTRIBUTED = re.compile(
    r"""\b(?:according\ to|citing)\s+(?:the\s+|a\s+|an\s+)?  # the attribution's opening
        (?P<who>[^,.;:“”"]{2,60}?)                        # who: up to the next stop
        (?=[,.;:“”"]|\s+(?:said|says|report|statement)\b|$)""",
    re.IGNORECASE | re.VERBOSE,
)
_SMALL_NUMBERS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen"}
)
TOLL_REACH = 10  # tokens from "death toll" to its number ("rose overnight to 95")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "that", "who"})


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
    people = sorted(_shift(names.find(body, lexicon=lexicon), offset), key=lambda m: m.start)
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
    for mention in sorted(found, key=lambda m: (m.start, m.end)):
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
    return sorted(facts, key=lambda f: (f.span.start, f.span.end, f.kind))


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
        found = _designated(mention, toks, codes) or _number_role(
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


def _index(toks: Sequence[R.Token], pos: int) -> int:
    """The first token ending after ``pos`` (the last token if none does)."""
    i = bisect.bisect_right(toks, pos, key=lambda t: t.end)
    return i if i < len(toks) else max(len(toks) - 1, 0)


def _first_after(toks: Sequence[R.Token], pos: int) -> int:
    """The index of the first token that starts at or after ``pos`` (``len(toks)`` if none)."""
    return bisect.bisect_left(toks, pos, key=lambda t: t.start)


def _designated(
    mention: Mention, toks: Sequence[R.Token], codes: Sequence[Mention]
) -> tuple[str, str] | None:
    """ "four F-16 fighters": a count of the designated things (role: their category)."""
    if mention.kind not in ("number", "range") or mention.unit is not None:
        return None
    after = _first_after(toks, mention.end)
    if after >= len(toks):
        return None
    limit = toks[min(after + 1, len(toks) - 1)].end  # the code may follow one word
    i = bisect.bisect_left(codes, mention.end, key=lambda m: m.start)
    entity = codes[i].value if i < len(codes) and codes[i].start < limit else None
    if isinstance(entity, Entity):
        return f"{entity.category or 'designator'} count", ""
    return None


def _number_role(
    text: str,
    mention: Mention,
    kind: str,
    toks: Sequence[R.Token],
    table: R.Roles,
    lexicon: Lexicon,
) -> tuple[str, str] | None:
    """(role, group): "people killed" and the sub-group counted ("crew"), if any."""
    if not toks or kind == "ordinal":
        return None
    if kind in ("duration", "dimension", "percent", "currency"):
        role = _measure_role(text, mention, toks, table, lexicon)
        return None if role is None else (role, "")
    after = _first_after(toks, mention.end)
    number = _index(toks, mention.start)
    if _is_total(toks, number):
        return None
    window = toks[after : after + 6 + table.longest]
    hit = _counted_noun(text, mention.end, window, table, _year_like(mention))
    if hit is None and number > 0 and toks[number - 1].word in table.counted_before:
        hit = (table.counted_before[toks[number - 1].word], "")
    if hit is None:
        return _toll_before(toks, number, table)
    counted, group = hit
    first, last = R.clause_bounds(text, toks, max(after - 1, 0), table.clause_breaks)
    start = max(first, after - 11)
    window = toks[start : min(last, after + 11)]
    number = _index(toks, mention.start) - start
    events = [
        _event_rank(i, j, number, after - start, rank, name)
        for i, j, (name, rank) in R.find_phrases(window, table.events, table.longest, table.firsts)
        if name in counted.events
    ]
    role = f"{counted.name} {min(events)[-1]}" if events else counted.name
    scope = _scope(text, toks[first:last], lexicon)
    return role, " ".join(p for p in (group, f"in {scope}" if scope else "") if p)


def _year_like(mention: Mention) -> bool:
    """Four digits that could be a year ("a 2022 strike")."""
    surface = mention.surface.strip()
    return len(surface) == 4 and surface.isdigit() and 1800 <= int(surface) <= 2100


def _toll_before(toks: Sequence[R.Token], number: int, table: R.Roles) -> tuple[str, str] | None:
    """ "The death toll rose to 95": a total named shortly before a number with no noun."""
    window = toks[max(0, number - TOLL_REACH) : number]
    hits = R.find_phrases(window, table.tolls, table.longest, table.firsts)
    return (hits[-1][2], "") if hits else None


def _event_rank(
    i: int, j: int, number: int, noun: int, rank: int, name: str
) -> tuple[bool, bool, bool, int, int, str]:
    """Order events: a verb right before the number governs it ("killing more than 4,300
    people and injuring thousands"); then one after it rather than before; then the nearest,
    but a state such as "aboard" (rank 9) only when nothing happened ("killing all 15 people
    aboard" is a death toll)."""
    governs = j == number  # "killing 15", "killed all 15" (hedges belong to the number)
    before = j <= number  # "54 were arrested and 12 officers were hurt": 12 were hurt
    distance = number - j if before else i - noun
    return (not governs, before, rank >= 9, abs(distance), rank, name)


def _scope(text: str, clause: Sequence[R.Token], lexicon: Lexicon) -> str:
    """The country a count is limited to ("in Turkey alone", "in Syria"), if the clause says."""
    for k, tok in enumerate(clause[:-1]):
        if tok.word != "in":
            continue
        place = (
            clause[k + 2] if clause[k + 1].word == "the" and k + 2 < len(clause) else clause[k + 1]
        )
        if text[place.start].isupper():
            country = names.country_of(text[place.start : place.end], lexicon=lexicon)
            if country is not None:
                return country
    return ""


def _counted_noun(
    text: str, end: int, after: Sequence[R.Token], table: R.Roles, year_like: bool = False
) -> tuple[R.Counted, str] | None:
    """The class (and sub-group) of the noun the number counts.

    Modifiers may stand between the number and the noun ("15 Russian service members"),
    nothing else: a barrier word ("after", "in") or a stop ends the search. In "five of the
    six crew members" the five are counted crew members (and the six a total, see
    ``_is_total``).
    """
    limit = end
    skip = 3 if [t.word for t in after[:2]] == ["of", "the"] and _numeric(after[2:3]) else 0
    for i, tok in enumerate(after[:6]):
        if i < skip:
            limit = tok.end
            continue
        if _STOP.search(text, limit, tok.start):
            return None
        sizes = range(min(table.longest, len(after) - i), 0, -1) if tok.word in table.firsts else ()
        for size in sizes:
            hit = table.counted.get(tuple(t.word for t in after[i : i + size]))
            if hit is not None and i < hit[0].window:
                noun = after[i + size - 1].word
                plural = noun.endswith("s") or noun in table.plurals_without_s
                return hit if plural or not year_like else None
        if tok.word in table.noun_barriers and not (i == 0 and tok.word == "of"):
            return None
        limit = tok.end
    return None


def _numeric(toks: Sequence[R.Token]) -> bool:
    return bool(toks) and (toks[0].word.isdigit() or toks[0].word in _SMALL_NUMBERS)


def _is_total(toks: Sequence[R.Token], number: int) -> bool:
    """Whether the number at token ``number`` is the "six" of "five of the six"."""
    before = [t.word for t in toks[max(0, number - 3) : number]]
    return len(before) == 3 and before[1:] == ["of", "the"] and _numeric(toks[number - 3 :])


def _measure_role(
    text: str, mention: Mention, toks: Sequence[R.Token], table: R.Roles, lexicon: Lexicon
) -> str | None:
    unit = mention.unit
    info = units.unit_info(unit, lexicon=lexicon) if unit else None
    if info is None:
        return None
    index = _index(toks, mention.start)
    first, last = R.clause_bounds(text, toks, index, table.clause_breaks)
    hits = [
        (abs(first + i - index), name)
        for i, _j, (name, dim) in R.find_phrases(
            toks[first:last], table.measures, table.longest, table.firsts
        )
        if dim == info.dimension
    ]
    if not hits:
        return None
    name = min(hits)[1]
    after = _first_after(toks, mention.end)
    whose = [t.word for t in toks[after : after + 3] if t.word in table.subjects.get(name, ())]
    if whose:
        return f"{name} of the {whose[0]}"
    return None if name in table.needs_subject else name


def _absences(
    source: Source,
    sent: Sentence,
    toks: Sequence[R.Token],
    table: R.Roles,
    quotes: dict[int, str],
) -> list[Fact]:
    """'had not warned': a zero in the measure's role (seconds or metres, by dimension)."""
    out = []
    for i, j, (name, dimension) in R.find_phrases(toks, table.absent, table.longest, table.firsts):
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
    index = _index(toks, mention.start)
    before = {t.word for t in toks[max(0, index - 2) : index]}
    opening = R.first_word(text, mention.start, mention.end)
    end = _index(toks, mention.end - 1)
    if text.startswith(("'s", "’s"), mention.end):
        return _dated_noun(toks, end + 1, table)  # "last week's loss" dates the loss
    if not (table.temporal & {*before, opening}) and value.weekday is None:
        return None
    if _modifies_noun(text, toks, index, end, table):
        return None  # "the New Year's Day earthquake": the date names the noun after it
    first, last = R.clause_bounds(text, toks, index, table.clause_breaks)
    hits = []
    for i, j, (name, compare, subject) in R.find_phrases(
        toks[first:last], table.date_events, table.longest, table.firsts
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
    last = bisect.bisect_right(people, verb, key=lambda m: m.start)
    first = bisect.bisect_left(people, start, key=lambda m: m.start)
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
    if value.category:
        return value.category
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
    for i, tok in enumerate(toks):
        if tok.word in table.attribution and i > 0:
            who = _speaker(text, toks, i, table)
            if who:
                return who
    return ""


def _speaker(text: str, toks: Sequence[R.Token], verb: int, table: R.Roles) -> str:
    """The noun phrase right before a verb of saying, if it names someone."""
    first = verb
    while first > 0 and verb - first < 6:
        prev = toks[first - 1]
        if _STOP.search(text, prev.end, toks[first].start) or prev.word in table.noun_barriers:
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
