"""Baselines: findings already reviewed, recorded by their stable ids, not reported again.

A baseline file is either a JSON report (``discrepancy.report/1``: the ids of its
findings), a JSON list of ids, or text with one id per line (``#`` starts a comment, blank
lines are ignored), as ``write_baseline`` writes it.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs

from discrepancy.model import Report


class BaselineError(ValueError):
    """A baseline file that cannot be read; ``str()`` is one line naming the file."""


def parse_baseline(text: str) -> frozenset[str]:
    """The finding ids recorded in ``text`` (any of the three forms); raises ``BaselineError``.

    >>> sorted(parse_baseline("conf-1  # conflict: people killed\\n\\n# note\\ntypo-2\\n"))
    ['conf-1', 'typo-2']
    >>> sorted(parse_baseline('{"findings": [{"id": "comp-3"}]}'))
    ['comp-3']
    """
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
        return frozenset(i for i in lines if i)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"malformed JSON ({exc.msg}, line {exc.lineno})") from None
    items = data.get("findings") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise BaselineError("JSON without a 'findings' list")
    ids = [item.get("id") if isinstance(item, dict) else item for item in items]
    if not all(isinstance(i, str) for i in ids):
        raise BaselineError("a finding without a string 'id'")
    return frozenset(str(i) for i in ids)


def read_baseline(path: str | Path) -> frozenset[str]:
    """The ids in the baseline file at ``path``; ``BaselineError`` names the file on failure."""
    try:
        return parse_baseline(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise BaselineError(f"{path}: {reason.lower()}") from None
    except BaselineError as exc:
        raise BaselineError(f"{path}: {exc}") from None


def without(report: Report, ids: frozenset[str]) -> Report:
    """``report`` without the findings whose id is in ``ids``.

    >>> from discrepancy.model import Report
    >>> without(Report(sources=(), slots=(), findings=()), frozenset({"x"})).findings
    ()
    """
    return attrs.evolve(report, findings=tuple(f for f in report.findings if f.id not in ids))


def baseline_text(report: Report) -> str:
    """Every finding's id, one a line, with its type and slot as a comment.

    >>> from discrepancy.model import Report
    >>> baseline_text(Report(sources=(), slots=(), findings=())).startswith("# discrepancy")
    True
    """
    lines = ["# discrepancy baseline: findings already reviewed (one id a line)"]
    lines += [f"{f.id}  # {f.type.value}: {f.slot}" for f in report.findings]
    return "\n".join(lines) + "\n"
