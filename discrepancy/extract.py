"""Stages 2-3: a source -> mentions (every kind's ``find``) -> facts with their roles.

A number becomes a fact only when the words around it say what it answers: the counted
noun after it ("15 crew members") and what happened to them ("killed"), or a measure
word in its clause ("warning", "off the coast"). A date becomes a fact when a temporal
preposition introduces it and a verb in its clause says what it dates. Everything else
is left out: a bare number answers no question that another source could contradict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from discrepancy import roles as R
from discrepancy.kinds import dates, designators, names, quantities
from discrepancy.lexicon import Lexicon
from discrepancy.model import DateInterval, Entity, Fact, Interval, Mention, Source, Span
from discrepancy.text import Sentence, sentences

_STOP = re.compile(r"[.!?;:,]")
_ATTRIBUTED = re.compile(
    r"""(?:according\ to|citing)\s+(?:the\s+|a\s+|an\s+)?  # the attribution's opening
        (?P<who>[^,.;:“”"]{2,60}?)                           # who: up to the next stop
        (?=[,.;:“”"]|\s+(?:said|says|report|statement)\b|$)""",
    re.IGNORECASE | re.VERBOSE,
)


def extract(source: Source, *, lexicon: Lexicon) -> list[Fact]:
    """Every fact stated in ``source``, in text order.

    >>> from discrepancy.lexicon import default_lexicon
    >>> facts = extract(Source(id="a", text="All 15 crew members were killed."),
    ...                 lexicon=default_lexicon())
    >>> [(f.span.surface, f.role) for f in facts if f.kind != "name"]
    [('All 15', 'people killed')]
    """
    text = source.text
    ref = source.published
    body = text[source.body_start :]
    offset = source.body_start
    found = {
        "date": _shift(dates.find(body, lexicon=lexicon, reference_date=ref), offset),
        "designator": _shift(designators.find(body, lexicon=lexicon), offset),
        "name": _shift(names.find(body, lexicon=lexicon), offset),
    }
    taken = [(m.start, m.end) for ms in found.values() for m in ms if ms is not found["name"]]
    found["quantity"] = [
        m
        for m in _shift(quantities.find(body, lexicon=lexicon, reference_date=ref), offset)
        if not any(m.start < e and s < m.end for s, e in taken)
    ]
    table = R.compiled(lexicon)
    sents = sentences(text, source.body_start)
    facts: list[Fact] = []
    for mention in sorted((m for ms in found.values() for m in ms), key=lambda m: m.start):
        sentence = _sentence_of(sents, mention.start)
        fact = _fact(source, mention, sentence, table, lexicon)
        if fact is not None:
            facts.append(fact)
    return facts


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


def _sentence_of(sents: Sequence[Sentence], pos: int) -> Sentence:
    for sent in sents:
        if sent.start <= pos < sent.end:
            return sent
    return Sentence(start=pos, end=pos)


def _fact(
    source: Source, mention: Mention, sent: Sentence, table: R.Roles, lexicon: Lexicon
) -> Fact | None:
    text = source.text
    toks = R.tokens(text, min(sent.start, mention.start), max(sent.end, mention.end))
    value = mention.value
    if isinstance(value, Interval):
        role = _number_role(text, mention, toks, table)
    elif isinstance(value, DateInterval):
        role = _date_role(text, mention, toks, table)
    else:
        role = _entity_role(value, lexicon)
    if role is None:
        return None
    span = Span(
        source=source.id,
        start=mention.start,
        end=mention.end,
        surface=mention.surface,
        sentence=text[sent.start : sent.end],
    )
    return Fact(
        span=span,
        kind=_fact_kind(mention),
        value=value,
        role=role,
        attribution=attribution(text, sent, toks, table),
    )


def _fact_kind(mention: Mention) -> str:
    if mention.kind in ("number", "range"):
        return "count"
    return mention.kind


def _index(toks: Sequence[R.Token], pos: int) -> int:
    for i, tok in enumerate(toks):
        if tok.end > pos:
            return i
    return max(len(toks) - 1, 0)


def _number_role(
    text: str, mention: Mention, toks: Sequence[R.Token], table: R.Roles
) -> str | None:
    if not toks or mention.kind in ("ordinal", "percent", "currency"):
        return None
    if mention.kind in ("duration", "dimension"):
        return _measure_role(text, mention, toks, table)
    after = _index(toks, mention.end)
    while after < len(toks) and toks[after].start < mention.end:
        after += 1
    noun = _counted_noun(text, mention, toks[after:], table)
    if noun is None:
        return None
    counted, _group = noun
    first, last = R.clause_bounds(text, toks, after - 1 if after else 0, table.clause_breaks)
    window = toks[max(first, after - 11) : min(last, after + 11)]
    events = [
        (rank, abs(i - 10), name)
        for i, _j, (name, rank) in R.find_phrases(window, table.events, table.longest)
        if name in counted.events
    ]
    if events:
        return f"{counted.name} {min(events)[2]}"
    return counted.name


def _counted_noun(
    text: str, mention: Mention, after: Sequence[R.Token], table: R.Roles
) -> tuple[R.Counted, str] | None:
    limit = mention.end
    for size_first in range(min(len(after), 6)):
        tok = after[size_first]
        if _STOP.search(text, limit, tok.start):
            return None
        for size in range(min(table.longest, len(after) - size_first), 0, -1):
            key = tuple(t.word for t in after[size_first : size_first + size])
            hit = table.counted.get(key)
            if hit is not None and size_first < hit[0].window:
                return hit
        limit = tok.end
    return None


def _measure_role(
    text: str, mention: Mention, toks: Sequence[R.Token], table: R.Roles
) -> str | None:
    value = mention.value
    dimension = "time" if mention.kind == "duration" else "length"
    if not isinstance(value, Interval):
        return None
    index = _index(toks, mention.start)
    first, last = R.clause_bounds(text, toks, index, table.clause_breaks)
    hits = [
        (abs(i - (index - first)), name)
        for i, _j, (name, dim) in R.find_phrases(toks[first:last], table.measures, table.longest)
        if dim == dimension
    ]
    return min(hits)[1] if hits else None


def _date_role(text: str, mention: Mention, toks: Sequence[R.Token], table: R.Roles) -> str | None:
    value = mention.value
    if not isinstance(value, DateInterval) or (not value.resolved and value.weekday is None):
        return None
    index = _index(toks, mention.start)
    before = [t.word for t in toks[max(0, index - 2) : index]]
    inside = [t.word for t in R.tokens(text, mention.start, mention.end)]
    if not (table.temporal & {*before, *inside[:1]}) and value.weekday is None:
        return None
    first, last = R.clause_bounds(text, toks, index, table.clause_breaks)
    end = _index(toks, mention.end - 1)
    hits = []
    for i, j, (name, compare) in R.find_phrases(toks[first:last], table.date_events, table.longest):
        where = first + i
        if index <= where <= end:
            continue
        distance = index - (first + j) if where < index else where - end
        hits.append((distance, name, compare))
    if not hits:
        return None
    _distance, name, compare = min(hits)
    return f"{name} date" if compare else None


def _entity_role(value: Entity, lexicon: Lexicon) -> str:
    if value.kind == "designator":
        return value.category or "designator"
    return value.kind


def attribution(text: str, sent: Sentence, toks: Sequence[R.Token], table: R.Roles) -> str:
    """Who the sentence says a statement comes from ("according to the AP", "X said")."""
    match = _ATTRIBUTED.search(text, sent.start, sent.end)
    if match:
        return _tidy(match.group("who"))
    for i, tok in enumerate(toks):
        if tok.word in table.attribution and i > 0:
            j = i
            while j > 0 and i - j < 6 and not _STOP.search(text, toks[j - 1].end, toks[j].start):
                j -= 1
                if toks[j].word in ("the", "a", "an") or text[toks[j].start].isupper():
                    break
            if j < i and (text[toks[j].start].isupper() or toks[j].word == "the"):
                return _tidy(text[toks[j].start : toks[i - 1].end])
    return ""


def _tidy(who: str) -> str:
    who = " ".join(who.split())
    for article in ("the ", "The ", "a ", "an "):
        if who.startswith(article):
            who = who[len(article) :]
    return who
