"""``audit()``: the pipeline's stages composed, top to bottom (module ``pipeline``, so that
the name ``discrepancy.audit`` is always the function).

sources -> facts (``extract``, a pure function of one source, so it can run in worker
processes) -> slots (``align``) -> findings (``compare`` per slot, ``checks`` per article)
-> ``Report``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor

from discrepancy import align, checks, compare, extract
from discrepancy.duplicates import find_copies
from discrepancy.findings import Context
from discrepancy.lexicon import Lexicon, default_lexicon, load_lexicon
from discrepancy.model import Fact, Finding, InputProblem, Report, Source

Progress = Callable[[int, int], None]
_RANK = {"conflict": 0, "likely_typo": 1, "compatible": 2, "variant": 3, "consistent": 4}
_PARALLEL_FROM = 64  # fewer sources than this are extracted in-process: workers cost more


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
    facts = extract_all(ordered, lexicon=lex, jobs=jobs, progress=progress)
    slots, single = align.align(facts, lexicon=lex)
    copies = find_copies(ordered)
    context = Context.of(ordered, lex, {c.copy: c.original for c in copies})
    paths = {s.id: s.path or s.id for s in ordered}
    notes = [InputProblem(path=paths[c.copy], reason=str(c), fatal=False) for c in copies]
    findings: list[Finding] = []
    for slot in slots:
        findings.extend(compare.compare(slot, context=context))
    findings.extend(checks.check(ordered, facts, lexicon=lex))
    return Report(
        sources=ordered,
        slots=tuple(slots),
        findings=tuple(sorted(findings, key=_order)),
        single_source=tuple(single),
        problems=(*problems, *notes),
    )


def extract_all(
    sources: Sequence[Source],
    *,
    lexicon: Lexicon,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[Fact]:
    """The facts of every source, in source order; in ``jobs`` worker processes if > 1."""
    workers = (os.cpu_count() or 1) if jobs <= 0 else jobs
    total = len(sources)
    out: list[Fact] = []
    if workers <= 1 or total < _PARALLEL_FROM or not _rebuildable(lexicon):
        for done, source in enumerate(sources, start=1):
            out.extend(extract.extract(source, lexicon=lexicon))
            if progress is not None:
                progress(done, total)
        return out
    extra = tuple(o for o in lexicon.origin if o != "package")
    chunk = max(1, total // (workers * 8))
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(extra,)) as pool:
        for done, facts in enumerate(pool.map(_extract_one, sources, chunksize=chunk), start=1):
            out.extend(facts)
            if progress is not None:
                progress(done, total)
    return out


def _rebuildable(lexicon: Lexicon) -> bool:
    """Whether a worker can rebuild ``lexicon`` from its origin (package + user files)."""
    return bool(lexicon.origin) and lexicon.origin[0] == "package"


_worker_lexicon: Lexicon | None = None


def _init_worker(extra_files: tuple[str, ...]) -> None:
    global _worker_lexicon
    _worker_lexicon = load_lexicon(*extra_files) if extra_files else default_lexicon()


def _extract_one(source: Source) -> list[Fact]:
    return extract.extract(source, lexicon=_worker_lexicon or default_lexicon())


def _order(finding: Finding) -> tuple[int, float, str]:
    return (_RANK[finding.type.value], -finding.score, finding.id)
