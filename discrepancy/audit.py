"""``audit()``: the pipeline's stages composed, top to bottom.

sources -> facts (``extract``) -> slots (``align``) -> findings (``compare``, ``checks``)
-> ``Report``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from discrepancy import align, checks, compare, extract
from discrepancy.lexicon import Lexicon, default_lexicon
from discrepancy.model import Fact, Finding, InputProblem, Report, Source


def audit(
    sources: Iterable[Source],
    *,
    lexicon: Lexicon | None = None,
    problems: Iterable[InputProblem] = (),
    progress: Callable[[int, int], object] | None = None,
) -> Report:
    """Audit ``sources`` against each other and return the report.

    The result does not depend on the order of ``sources``. ``progress(done, total)`` is
    called once per source after its facts are extracted.
    """
    lex = lexicon or default_lexicon()
    ordered = tuple(sorted(sources, key=lambda s: s.id))
    facts: list[Fact] = []
    for done, source in enumerate(ordered, start=1):
        facts.extend(extract.extract(source, lexicon=lex))
        if progress is not None:
            progress(done, len(ordered))
    slots, single = align.align(facts, lexicon=lex)
    findings: list[Finding] = []
    for slot in slots:
        findings.extend(compare.compare(slot, sources=ordered, lexicon=lex))
    findings.extend(checks.check(ordered, facts, lexicon=lex))
    return Report(
        sources=ordered,
        slots=tuple(slots),
        findings=tuple(sorted(findings, key=_order)),
        single_source=tuple(single),
        problems=tuple(problems),
    )


_RANK = {"conflict": 0, "likely_typo": 1, "compatible": 2, "variant": 3, "consistent": 4}


def _order(finding: Finding) -> tuple[int, float, str]:
    return (_RANK[finding.type.value], -finding.score, finding.id)
