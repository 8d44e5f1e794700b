"""The report on a terminal, with rich (optional extra ``rich``): colour by finding type.

Findings come grouped by type (conflicts and likely typos first), each with its
explanation and its quotes, the characters that differ from the other quotes marked.
``available()`` says whether rich can be imported; the CLI falls back to plain text when
it cannot, when the output is not a terminal, or when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import importlib.util
from typing import IO, TYPE_CHECKING

from discrepancy.model import Finding, FindingType, Report
from discrepancy.report import HEADINGS, TYPE_ORDER, headline, marks, oneline, pieces

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

STYLES = {
    FindingType.CONFLICT: "bold red",
    FindingType.LIKELY_TYPO: "bold dark_orange",
    FindingType.COMPATIBLE: "bold blue",
    FindingType.VARIANT: "bold magenta",
    FindingType.CONSISTENT: "bold green",
}
DIFF_STYLE = "bold reverse"


def available() -> bool:
    """Whether rich is installed.

    >>> isinstance(available(), bool)
    True
    """
    return importlib.util.find_spec("rich") is not None


def print_report(report: Report, *, file: IO[str], width: int | None = None) -> None:
    """Print ``report`` to ``file`` with rich's colours (``file`` is treated as a terminal)."""
    from rich.console import Console

    console = Console(file=file, width=width, force_terminal=True, highlight=False)
    _print(report, console)


def to_ansi(report: Report, *, width: int = 100) -> str:
    """The rich rendering as a string with ANSI escapes (what a terminal would show).

    >>> from discrepancy.model import Report
    >>> "0 sources" in to_ansi(Report(sources=(), slots=(), findings=()))
    True
    """
    import io

    out = io.StringIO()
    print_report(report, file=out, width=width)
    return out.getvalue()


def _print(report: Report, console: Console) -> None:
    from rich.rule import Rule

    console.print(headline(report), style="bold", markup=False)
    for problem in report.problems:
        console.print(f"! {problem}", style="yellow", markup=False)
    for kind in TYPE_ORDER:
        group = report.by_type(kind)
        if group:
            console.print()
            console.print(Rule(f"{HEADINGS[kind]} ({len(group)})", style=STYLES[kind]))
            for finding in group:
                console.print(_finding(finding))
    if report.single_source:
        console.print()
        console.print(Rule(f"Single-source facts ({len(report.single_source)})", style="dim"))
        for fact in report.single_source:
            line = f"{fact.span.source} “{oneline(fact.span.surface)}” = {fact.value}"
            console.print(f"- {line} ({fact.kind}, {fact.role or 'no role'})", markup=False)


def _finding(finding: Finding) -> Text:
    from rich.text import Text

    text = Text()
    text.append(f"{finding.type.value.replace('_', ' ')} ", style=STYLES[finding.type])
    text.append(finding.slot, style="bold")
    text.append(f"  {finding.id}  score {finding.score:.2f}\n", style="dim")
    text.append(f"  {oneline(finding.explanation)}\n")
    if finding.suggestion:
        text.append("  suggestion: ", style="dim")
        text.append(f"{oneline(finding.suggestion)}\n", style="bold green")
    for ev, ranges in zip(finding.evidence, marks(finding), strict=True):
        text.append(f"  - {ev.span.source} ", style="cyan")
        text.append(f"@{ev.span.start}-{ev.span.end} ", style="dim")
        text.append("“")
        for piece, marked in pieces(oneline(ev.span.surface), ranges):
            text.append(piece, style=DIFF_STYLE if marked else "italic")
        text.append(f"” = {ev.value}\n")
    return text
