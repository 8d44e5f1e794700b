"""Golden cases: every ``fixtures/cases/*.toml`` cluster gives exactly the findings it expects.

A case lists articles and the findings it must produce, each as a type and the surfaces its
evidence must quote. A missing finding fails the test, and so does an unexpected
actionable one (agreements are not counted against a case). New cases go in as new files.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from discrepancy import Finding, FindingType, Source, audit

from .conftest import FIXTURES


def _load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


CASES = [
    pytest.param(
        path,
        id=path.stem,
        marks=[pytest.mark.xfail(reason=_load(path)["xfail"], strict=True)]
        if "xfail" in _load(path)
        else [],
    )
    for path in sorted((FIXTURES / "cases").glob("*.toml"))
]


def _sources(case: dict[str, Any]) -> list[Source]:
    return [
        Source(
            id=a["id"],
            text=a["text"],
            published=a.get("published") if isinstance(a.get("published"), dt.date) else None,
        )
        for a in case["article"]
    ]


def _quotes(finding: Finding, surface: str) -> bool:
    return any(surface in e.span.surface or e.span.surface in surface for e in finding.evidence)


def _matches(finding: Finding, expect: dict[str, Any]) -> bool:
    if finding.type.value != expect["finding"]:
        return False
    if "evolving" in expect and finding.evolving != expect["evolving"]:
        return False
    return all(_quotes(finding, s) for s in expect["surfaces"])


@pytest.mark.parametrize("path", CASES)
def test_case(path: Path) -> None:
    case = _load(path)
    report = audit(_sources(case))
    found = report.findings
    for expect in case["expect"]:
        assert any(_matches(f, expect) for f in found), (expect, [str(f) for f in found])
    for f in found:
        if f.type == FindingType.CONSISTENT:
            continue
        expected = [e for e in case["expect"] if e["finding"] == f.type.value]
        assert any(any(_quotes(f, s) for s in e["surfaces"]) for e in expected), f


def test_cases_exist() -> None:
    assert len(CASES) >= 5
