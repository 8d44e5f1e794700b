"""Stage 6: a ``Report`` rendered as JSON, CSV, plain text, Markdown (and HTML, ``html.py``).

Every renderer is a pure function of the report, so the same report gives byte-identical
output. The JSON form is the versioned schema ``discrepancy.report/1`` described in the
README and in ``discrepancy/data/report.schema.json``.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from discrepancy.model import Evidence, Fact, Finding, FindingType, Report, Source

FORMATS = ("text", "markdown", "json", "csv", "html")
TYPE_ORDER = (
    FindingType.CONFLICT,
    FindingType.LIKELY_TYPO,
    FindingType.COMPATIBLE,
    FindingType.VARIANT,
    FindingType.CONSISTENT,
)
HEADINGS = {
    FindingType.CONFLICT: "Conflicts",
    FindingType.LIKELY_TYPO: "Likely typos",
    FindingType.COMPATIBLE: "Compatible differences",
    FindingType.VARIANT: "Variants",
    FindingType.CONSISTENT: "Agreements",
}
CSV_COLUMNS = (
    "finding_id",
    "type",
    "score",
    "slot",
    "kind",
    "source",
    "start",
    "end",
    "surface",
    "value",
)
# Findings whose quotes are compared character by character to show what differs.
DIFFED = frozenset({FindingType.CONFLICT, FindingType.LIKELY_TYPO, FindingType.VARIANT})

Ranges = tuple[tuple[int, int], ...]


def render(report: Report, *, format: str = "text") -> str:
    """Render ``report`` as ``"json"``, ``"text"``, ``"markdown"``, ``"csv"`` or ``"html"``.

    >>> from discrepancy.model import Report
    >>> render(Report(sources=(), slots=(), findings=()), format="json").splitlines()[1]
    '  "schema": "discrepancy.report/1",'
    """
    if format == "json":
        return json.dumps(to_dict(report), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if format == "markdown":
        return to_markdown(report)
    if format == "text":
        return to_text(report)
    if format == "csv":
        return to_csv(report)
    if format == "html":
        from discrepancy.html import to_html

        return to_html(report)
    raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data (the ``discrepancy.report/1`` schema).

    >>> sorted(to_dict(Report(sources=(), slots=(), findings=())))[:3]
    ['findings', 'generator', 'problems']
    """
    from discrepancy import __version__

    return {
        "schema": report.schema,
        "generator": f"discrepancy {__version__}",
        "summary": summary(report),
        "sources": [_source(s) for s in report.sources],
        "findings": [_finding(f) for f in report.findings],
        "single_source": [_fact(f) for f in report.single_source],
        "problems": [
            {"path": p.path, "line": p.line, "reason": p.reason, "fatal": p.fatal}
            for p in report.problems
        ],
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``to_dict``'s output, shipped as ``data/report.schema.json``.

    >>> json_schema()["properties"]["schema"]["const"]
    'discrepancy.report/1'
    """
    from importlib.resources import files

    text = files("discrepancy.data").joinpath("report.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def summary(report: Report) -> dict[str, Any]:
    """Counts of sources, slots and findings by type.

    >>> summary(Report(sources=(), slots=(), findings=()))["findings"]["conflict"]
    0
    """
    counts = Counter(f.type.value for f in report.findings)
    return {
        "sources": len(report.sources),
        "slots": len(report.slots),
        "findings": {t.value: counts.get(t.value, 0) for t in TYPE_ORDER},
        "single_source_facts": len(report.single_source),
    }


def _source(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "path": source.path,
        "published": source.published.isoformat() if source.published else None,
        "outlet": source.outlet,
        "url": source.url,
        "encoding": source.encoding,
        "chars": len(source.text),
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "type": finding.type.value,
        "score": round(finding.score, 3),
        "slot": finding.slot,
        "kind": finding.kind,
        "explanation": finding.explanation,
        "suggestion": finding.suggestion,
        "evolving": finding.evolving,
        "evidence": [_evidence(e) for e in finding.evidence],
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    span = evidence.span
    return {
        "source": span.source,
        "start": span.start,
        "end": span.end,
        "surface": span.surface,
        "value": evidence.value,
        "sentence": span.sentence,
        "attribution": evidence.attribution or None,
        "published": evidence.published.isoformat() if evidence.published else None,
    }


def _fact(fact: Fact) -> dict[str, Any]:
    return {
        "source": fact.span.source,
        "start": fact.span.start,
        "end": fact.span.end,
        "surface": fact.span.surface,
        "kind": fact.kind,
        "role": fact.role,
        "value": str(fact.value),
    }


def evidence_rows(report: Report) -> list[dict[str, Any]]:
    """One row per evidence item, keyed by ``CSV_COLUMNS`` (the CSV and pandas form).

    >>> evidence_rows(Report(sources=(), slots=(), findings=()))
    []
    """
    return [
        {
            "finding_id": finding.id,
            "type": finding.type.value,
            "score": round(finding.score, 3),
            "slot": finding.slot,
            "kind": finding.kind,
            "source": ev.span.source,
            "start": ev.span.start,
            "end": ev.span.end,
            "surface": ev.span.surface,
            "value": ev.value,
        }
        for finding in report.findings
        for ev in finding.evidence
    ]


def to_csv(report: Report) -> str:
    """CSV (RFC 4180, ``\\r\\n`` line ends): a header and one row per evidence item.

    >>> to_csv(Report(sources=(), slots=(), findings=()))
    'finding_id,type,score,slot,kind,source,start,end,surface,value\\r\\n'
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(evidence_rows(report))
    return out.getvalue()


def differing(surface: str, reference: str) -> Ranges:
    """The ranges of ``surface`` that differ from ``reference``, when the two are close.

    Close means at most two edits apart, or one stretch inserted or replaced (a doubled
    word); otherwise the strings simply differ and nothing is marked.

    >>> differing("A-200", "S-200")
    ((0, 1),)
    >>> differing("Norkin Norkin", "Norkin")
    ((7, 13),)
    >>> differing("anti anti-aircraft", "anti-aircraft")
    ((0, 4),)
    >>> differing("less than a minute", "one-minute")
    ()
    """
    from rapidfuzz.distance import Levenshtein

    found = surface.find(reference) if reference else -1
    if found >= 0:  # the reference inside: what is around it differs
        edits = [(0, found), (found + len(reference), len(surface))]
    else:
        changed = [op for op in Levenshtein.opcodes(reference, surface) if op.tag != "equal"]
        if len(changed) > 1 and Levenshtein.distance(reference, surface) > 2:
            return ()
        edits = [(op.dest_start, op.dest_end) for op in changed]
    ranges: list[tuple[int, int]] = []
    for start, end in edits:
        while start < end and surface[start].isspace():
            start += 1
        while end > start and surface[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        if ranges and ranges[-1][1] == start:
            start = ranges.pop()[0]
        ranges.append((start, end))
    if sum(end - start for start, end in ranges) >= len(surface.strip()):
        return ()
    return tuple(ranges)


def marks(finding: Finding) -> tuple[Ranges, ...]:
    """For each evidence item, the ranges of its surface that differ from the others.

    A quote is compared with the suggestion when there is one, else with the commonest
    other surface. Only conflicts, likely typos and variants are compared.
    """
    if finding.type not in DIFFED:
        return tuple(() for _ in finding.evidence)
    surfaces = [ev.span.surface for ev in finding.evidence]
    counts = Counter(surfaces)
    result: list[Ranges] = []
    for surface in surfaces:
        others = [s for s in surfaces if s != surface]
        reference = finding.suggestion or (max(others, key=counts.__getitem__) if others else "")
        result.append(differing(surface, reference) if reference else ())
    return tuple(result)


def pieces(text: str, ranges: Ranges) -> Iterator[tuple[str, bool]]:
    """Split ``text`` into (piece, marked) pairs along ``ranges`` (sorted, disjoint).

    >>> list(pieces("A-200", ((0, 1),)))
    [('A', True), ('-200', False)]
    """
    at = 0
    for start, end in ranges:
        if start > at:
            yield text[at:start], False
        yield text[start:end], True
        at = end
    if at < len(text):
        yield text[at:], False


def oneline(text: str) -> str:
    """``text`` with every line break made a space (same length, so offsets still hold)."""
    return text.replace("\r", " ").replace("\n", " ")


def to_text(report: Report) -> str:
    """Plain text: findings grouped by type, conflicts and likely typos first.

    Under each quote a line of carets marks the characters that differ from the others.

    >>> to_text(Report(sources=(), slots=(), findings=())).splitlines()[0]
    'discrepancy: 0 sources, 0 conflict, 0 likely typo, 0 compatible, 0 variant, 0 consistent'
    """
    lines = [headline(report)]
    lines += [f"! {problem}" for problem in report.problems]
    for kind in TYPE_ORDER:
        group = report.by_type(kind)
        if group:
            lines += ["", f"{HEADINGS[kind]} ({len(group)})", "=" * (len(HEADINGS[kind]) + 4)]
            for finding in group:
                lines += _text_finding(finding)
    if report.single_source:
        title = f"Single-source facts ({len(report.single_source)})"
        lines += ["", title, "=" * len(title)]
        for fact in report.single_source:
            span = fact.span
            lines.append(
                f"- {span.source} @{span.start}-{span.end}: “{oneline(span.surface)}”"
                f" = {fact.value} ({fact.kind}, {fact.role or 'no role'})"
            )
    return "\n".join(lines) + "\n"


def _text_finding(finding: Finding) -> list[str]:
    lines = [f"[{finding.id}] {finding.slot} (score {finding.score:.2f})"]
    lines.append(f"  {oneline(finding.explanation)}")
    if finding.suggestion:
        lines.append(f"  suggestion: {oneline(finding.suggestion)}")
    for ev, ranges in zip(finding.evidence, marks(finding), strict=True):
        span = ev.span
        head = f"  - {span.source} @{span.start}-{span.end}: “"
        lines.append(f"{head}{oneline(span.surface)}” = {ev.value}")
        if ranges:
            carets = "".join(("^" if m else " ") * len(p) for p, m in pieces(span.surface, ranges))
            lines.append((" " * len(head) + carets).rstrip())
    return lines


def headline(report: Report) -> str:
    """One line: the number of sources and of findings of each type."""
    counts = summary(report)["findings"]
    parts = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in counts.items())
    return f"discrepancy: {len(report.sources)} sources, {parts}"


def to_markdown(report: Report) -> str:
    """Markdown: a summary table, each finding with its quotes, then single-source facts.

    Text from the sources is escaped, so it never turns into markup or raw HTML.

    >>> to_markdown(Report(sources=(), slots=(), findings=())).splitlines()[0]
    '# Audit report'
    """
    counts = summary(report)["findings"]
    lines = ["# Audit report", "", "| sources | " + " | ".join(counts) + " |"]
    lines.append("|" + " ---: |" * (len(counts) + 1))
    lines.append(f"| {len(report.sources)} | " + " | ".join(str(n) for n in counts.values()) + " |")
    lines += ["", "| source | published | outlet | characters |", "| --- | --- | --- | ---: |"]
    for s in report.sources:
        published = s.published.isoformat() if s.published else ""
        lines.append(f"| {md(s.id)} | {published} | {md(s.outlet or '')} | {len(s.text)} |")
    if report.problems:
        lines += ["", "## Input problems", ""]
        lines += [f"- {md(str(p))}" for p in report.problems]
    for kind in TYPE_ORDER:
        group = report.by_type(kind)
        if group:
            lines += ["", f"## {HEADINGS[kind]}"]
            for finding in group:
                lines += _md_finding(finding)
    if report.single_source:
        lines += ["", "## Single-source facts", ""]
        lines += ["| source | surface | kind | role | value |", "| --- | --- | --- | --- | --- |"]
        for fact in report.single_source:
            cells = (fact.span.source, fact.span.surface, fact.kind, fact.role, str(fact.value))
            lines.append("| " + " | ".join(md(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _md_finding(finding: Finding) -> list[str]:
    lines = ["", f"### {md(finding.slot)} (`{finding.id}`, score {finding.score:.2f})", ""]
    lines.append(md(finding.explanation))
    if finding.suggestion:
        lines += ["", f"Suggestion: **{md(finding.suggestion)}**"]
    lines.append("")
    for ev, ranges in zip(finding.evidence, marks(finding), strict=True):
        quote = "".join(_md_bold(p) if m else md(p) for p, m in pieces(ev.span.surface, ranges))
        lines.append(f"- **{md(ev.span.source)}**: “{quote}” ({md(ev.value)})")
    return lines


def _md_bold(text: str) -> str:
    # ``**`` only opens and closes emphasis next to letters or digits; HTML always works.
    if text[:1].isalnum() and text[-1:].isalnum():
        return f"**{md(text)}**"
    return f"<b>{md(text)}</b>"


_MD_SPECIAL = frozenset("\\`*_[]<>|~&#!{}")


def md(text: str) -> str:
    """Escape ``text`` for inline Markdown (and table cells): markup characters, HTML, breaks.

    >>> md("a_b *c* <b>|")
    'a\\\\_b \\\\*c\\\\* \\\\<b\\\\>\\\\|'
    """
    escaped = "".join("\\" + c if c in _MD_SPECIAL else c for c in text)
    return escaped.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
