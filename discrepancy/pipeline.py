"""``audit()``: the pipeline's stages composed, top to bottom (module ``pipeline``, so that
the name ``discrepancy.audit`` is always the function).

sources -> facts (``extract``, a pure function of one source, so it can run in worker
processes, together with the rest of the work on one source alone: its copy fingerprint
and its own checks) -> slots (``align``) -> findings (``compare`` per slot, ``checks``
per article) -> ``Report``.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import operator
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import attrs

from discrepancy import align, checks, compare, extract
from discrepancy.checks import SourceChecks
from discrepancy.duplicates import Fingerprint, find_copies, fingerprint
from discrepancy.findings import Context
from discrepancy.kinds import names, units
from discrepancy.kinds._unit_table import registry
from discrepancy.lexicon import Lexicon, default_lexicon, load_lexicon
from discrepancy.model import (
    DateInterval,
    Entity,
    Fact,
    Finding,
    InputProblem,
    Interval,
    Report,
    Source,
    Span,
    Value,
)
from discrepancy.text import sentences

Progress = Callable[[int, int], None]
_RANK = {"conflict": 0, "likely_typo": 1, "compatible": 2, "variant": 3, "consistent": 4}
_PARALLEL_FROM = 64  # fewer sources than this are extracted in-process: workers cost more
# Sources per task sent to a worker: enough that sending costs little, few enough that
# the last task (run while the other workers may have nothing left) is short.
_CHUNK = 50


def audit(
    sources: Iterable[Source],
    *,
    lexicon: Lexicon | None = None,
    problems: Iterable[InputProblem] = (),
    jobs: int = 1,
    progress: Progress | None = None,
) -> Report:
    """Audit ``sources`` against each other and return the report.

    The result does not depend on the order of ``sources`` nor on ``jobs`` (worker
    processes for extraction; 0 means one per core). ``progress(done, total)`` is called
    as sources are extracted.
    """
    lex = lexicon or default_lexicon()
    ordered = tuple(sorted(sources, key=lambda s: s.id))
    done = extract_all(ordered, lexicon=lex, jobs=jobs, progress=progress)
    with _collector_paused():
        return _across(ordered, done, lex, tuple(problems))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while an audit runs: facts hold no cycles, and with
    hundreds of thousands of them alive every full collection walks them all again (a
    third of a second each at 10,000 articles). Only where no extraction runs in this
    process: extraction leaves cycles behind (compiled patterns, caches)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextlib.contextmanager
def _meanwhile(work: Callable[[], object]) -> Iterator[None]:
    """Run ``work`` in a thread of this process during the block (an idle process waiting
    for its workers); its errors are left for the later call that needs it."""
    thread = threading.Thread(target=_quietly, args=(work,), daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()


def _quietly(work: Callable[[], object]) -> None:
    with contextlib.suppress(Exception):  # whoever needs it next will see the error
        work()


def _across(
    ordered: tuple[Source, ...], done: Extracted, lex: Lexicon, problems: tuple[InputProblem, ...]
) -> Report:
    """The cross-source stages: slots, copies, verdicts, the report."""
    slots, single = align.align(done.facts, lexicon=lex)
    copies = find_copies(ordered, done.fingerprints)
    context = Context.of(ordered, lex, {c.copy: c.original for c in copies})
    paths = {s.id: s.path or s.id for s in ordered}
    notes = [InputProblem(path=paths[c.copy], reason=str(c), fatal=False) for c in copies]
    findings: list[Finding] = []
    for slot in slots:
        findings.extend(compare.compare(slot, context=context))
    findings.extend(checks.check(ordered, done.facts, lexicon=lex, done=done.checks))
    return Report(
        sources=ordered,
        slots=tuple(slots),
        findings=tuple(sorted(findings, key=_order)),
        single_source=tuple(single),
        problems=(*problems, *notes),
    )


@attrs.frozen(kw_only=True)
class Extracted:
    """What the work on each source alone gives: the facts of every source (in source
    order), and per source its copy fingerprint and the checks it needs no other for."""

    facts: tuple[Fact, ...]
    fingerprints: tuple[Fingerprint, ...]
    checks: tuple[SourceChecks, ...]


def extract_all(
    sources: Sequence[Source],
    *,
    lexicon: Lexicon,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Extracted:
    """Extract, fingerprint and check every source on its own; in ``jobs`` worker
    processes if > 1."""
    workers = (os.cpu_count() or 1) if jobs <= 0 else jobs
    total = len(sources)
    results: list[_OneSource] = []
    if workers <= 1 or total < _PARALLEL_FROM or not _rebuildable(lexicon):
        for done, source in enumerate(sources, start=1):
            results.append(_analyse(source, lexicon))
            if progress is not None:
                progress(done, total)
    else:
        extra = tuple(o for o in lexicon.origin if o != "package")
        chunk = max(1, min(_CHUNK, total // (workers * 8)))
        with (
            ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(extra,)) as pool,
            _collector_paused(),  # this process only receives facts
            _meanwhile(functools.partial(_ready_to_compare, lexicon)),
        ):
            mapped = pool.map(_extract_one, sources, chunksize=chunk)
            values = _Values()
            for done, (rows, prints, checked) in enumerate(mapped, start=1):
                results.append((_unpack(rows, values), prints, checked))
                if progress is not None:
                    progress(done, total)
    return Extracted(
        facts=tuple(f for facts, _, _ in results for f in facts),
        fingerprints=tuple(p for _, p, _ in results),
        checks=tuple(c for _, _, c in results),
    )


_OneSource = tuple[list[Fact], Fingerprint, SourceChecks]


def _ready_to_compare(lexicon: Lexicon) -> None:
    """Load what the cross-source stages need in this process (pint, the unit table,
    the name tables: ~0.5 s), while the workers extract and this process mostly waits."""
    registry()
    units.to_base(1.0, "meter", lexicon=lexicon)
    names.variant_key("A", lexicon=lexicon)


def _analyse(source: Source, lexicon: Lexicon) -> _OneSource:
    """The facts of one source, its copy fingerprint and its own checks."""
    split = sentences(source.text, source.body_start)
    facts = extract.extract(source, lexicon=lexicon, split=split)
    return (
        facts,
        fingerprint(source, split),
        checks.check_source(source, facts, lexicon=lexicon, split=split),
    )


def _rebuildable(lexicon: Lexicon) -> bool:
    """Whether a worker can rebuild ``lexicon`` from its origin (package + user files)."""
    return bool(lexicon.origin) and lexicon.origin[0] == "package"


_worker_lexicon: Lexicon | None = None


def _init_worker(extra_files: tuple[str, ...]) -> None:
    global _worker_lexicon
    _worker_lexicon = load_lexicon(*extra_files) if extra_files else default_lexicon()


def _extract_one(source: Source) -> tuple[_Rows, Fingerprint, SourceChecks]:
    facts, prints, checked = _analyse(source, _worker_lexicon or default_lexicon())
    return _pack(facts), prints, checked


# Facts cross from a worker to the main process as plain tuples: pickling them is a C
# loop, where attrs objects are pickled through Python calls (2.5x faster to send, 1.7x
# to receive and rebuild, measured on generated articles). Values go as (class, fields);
# the main process builds each distinct name and date once (``_Values``), not once per
# mention: unpickling an attrs object is a Python call, and the same names recur in
# article after article.
_Packed = tuple[int, tuple[Any, ...]]
_Row = tuple[str, int, int, str, str, str, int, str, str, str]
_Rows = tuple[list[_Packed], list[_Row]]
_VALUE_CLASSES: tuple[type[Value], ...] = (Interval, DateInterval, Entity)


@functools.cache
def _fields_of(index: int) -> tuple[tuple[str, ...], Callable[[Any], Any]]:
    """The field names of value class ``index`` and a getter of all of them at once."""
    names = tuple(a.name for a in attrs.fields(_VALUE_CLASSES[index]))
    return names, operator.attrgetter(*names)


def _pack_value(value: Value) -> _Packed:
    index = _VALUE_CLASSES.index(type(value))
    return index, _fields_of(index)[1](value)


class _Values:
    """Values rebuilt from ``_pack_value``; names and dates shared between equal ones."""

    def __init__(self) -> None:
        self.built: dict[tuple[object, ...], Value] = {}

    def __call__(self, packed: _Packed) -> Value:
        index, fields = packed
        if _VALUE_CLASSES[index] is Interval:  # few, and -0.0 == 0.0: never shared
            return self.build(index, fields)
        key = (index, fields, tuple(map(type, fields)))  # True == 1, but not the same
        value = self.built.get(key)
        if value is None:
            value = self.built[key] = self.build(index, fields)
        return value

    @staticmethod
    def build(index: int, fields: tuple[Any, ...]) -> Value:
        names = _fields_of(index)[0]
        return _VALUE_CLASSES[index](**dict(zip(names, fields, strict=True)))


def _pack(facts: Sequence[Fact]) -> _Rows:
    """``facts`` as tuples, for ``_unpack`` in another process: each distinct value
    object once, and rows that point to it."""
    where: dict[int, int] = {}  # id of a value object -> its place in ``values``
    values: list[_Packed] = []
    for fact in facts:
        if id(fact.value) not in where:
            where[id(fact.value)] = len(values)
            values.append(_pack_value(fact.value))
    rows = [
        (
            s.source,
            s.start,
            s.end,
            s.surface,
            s.sentence,
            f.kind,
            where[id(f.value)],
            f.role,
            f.subject,
            f.attribution,
        )
        for f in facts
        for s in (f.span,)
    ]
    return values, rows


def _unpack(packed: _Rows, values: _Values | None = None) -> list[Fact]:
    """The facts that ``_pack`` made ``packed`` of; ``values`` rebuilds their values (one
    for many calls shares equal names and dates across them).

    >>> fact = Fact(span=Span(source="a", start=0, end=2, surface="15"), kind="count",
    ...             value=Interval(low=15, high=15), role="people killed")
    >>> _unpack(_pack([fact])) == [fact]
    True
    """
    value_of = values or _Values()
    distinct = [value_of(v) for v in packed[0]]
    return [
        Fact(
            span=Span(source=source, start=start, end=end, surface=surface, sentence=sentence),
            kind=kind,
            value=distinct[value],
            role=role,
            subject=subject,
            attribution=said,
        )
        for source, start, end, surface, sentence, kind, value, role, subject, said in packed[1]
    ]


def _order(finding: Finding) -> tuple[int, float, str]:
    return (_RANK[finding.type.value], -finding.score, finding.id)
