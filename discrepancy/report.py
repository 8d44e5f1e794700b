"""Stage 6: a ``Report`` rendered as JSON, plain text or Markdown.

Every renderer is a pure function of the report, so the same report gives byte-identical
output. The JSON form is the versioned schema ``discrepancy.report/1`` described in the
README.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from discrepancy.model import Evidence, Fact, Finding, FindingType, Report, Source

FORMATS = ("text", "markdown", "json")
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


def render(report: Report, *, format: str = "text") -> str:
    """Render ``report`` as ``"json"``, ``"text"`` or ``"markdown"``.

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
    raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data (the ``discrepancy.report/1`` schema)."""
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


def summary(report: Report) -> dict[str, Any]:
    """Counts of sources, slots and findings by type."""
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


def to_text(report: Report) -> str:
    """Plain text: findings grouped by type, conflicts and likely typos first."""
    lines = [_headline(report)]
    for problem in report.problems:
        lines.append(f"! {problem}")
    for kind in TYPE_ORDER:
        group = report.by_type(kind)
        if not group:
            continue
        lines += ["", f"{HEADINGS[kind]} ({len(group)})", "=" * (len(HEADINGS[kind]) + 4)]
        for finding in group:
            lines.append(f"[{finding.id}] {finding.slot} (score {finding.score:.2f})")
            lines.append(f"  {finding.explanation}")
            if finding.suggestion:
                lines.append(f"  suggestion: {finding.suggestion}")
            for ev in finding.evidence:
                span = ev.span
                lines.append(
                    f"  - {span.source} @{span.start}-{span.end}: {span.surface!r} = {ev.value}"
                )
    return "\n".join(lines) + "\n"


def _headline(report: Report) -> str:
    counts = summary(report)["findings"]
    parts = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in counts.items())
    return f"discrepancy: {len(report.sources)} sources, {parts}"


def to_markdown(report: Report) -> str:
    """Markdown: a summary table, each finding with its quotes, then single-source facts."""
    counts = summary(report)["findings"]
    lines = ["# Audit report", "", "| sources | " + " | ".join(counts) + " |"]
    lines.append("|" + " --- |" * (len(counts) + 1))
    lines.append(f"| {len(report.sources)} | " + " | ".join(str(n) for n in counts.values()) + " |")
    for kind in TYPE_ORDER:
        group = report.by_type(kind)
        if not group:
            continue
        lines += ["", f"## {HEADINGS[kind]}"]
        for finding in group:
            lines += ["", f"### {finding.slot} (`{finding.id}`, score {finding.score:.2f})", ""]
            lines.append(finding.explanation)
            if finding.suggestion:
                lines.append(f"Suggestion: **{_md(finding.suggestion)}**")
            lines.append("")
            for ev in finding.evidence:
                quote = _md(ev.span.surface)
                lines.append(f"- **{_md(ev.span.source)}**: “{quote}” ({_md(ev.value)})")
    if report.single_source:
        lines += ["", "## Single-source facts", ""]
        lines += ["| source | surface | kind | role | value |", "| --- | --- | --- | --- | --- |"]
        for fact in report.single_source:
            cells = (fact.span.source, fact.span.surface, fact.kind, fact.role, str(fact.value))
            lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("\n", " ")
    )
