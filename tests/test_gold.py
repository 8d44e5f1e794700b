"""The seeds audit against the gold findings (a copy of ../shared/gold/seeds.json).

Coverage is judged as the shared scorer judges it: a reported evidence span covers a gold
item when it names the same file and overlaps an occurrence of the gold surface there.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from discrepancy import Finding, FindingType, Report, audit, load_corpus

from .conftest import FIXTURES, SEEDS

ACTIONABLE = {"conflict", "compatible", "likely_typo", "variant"}
GOLD: list[dict[str, Any]] = json.loads(
    (FIXTURES / "gold" / "seeds.json").read_text(encoding="utf-8")
)["findings"]
TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    low, needle, out, i = text.lower(), surface.lower(), [], 0
    while (i := low.find(needle, i)) != -1:
        out.append((i, i + len(needle)))
        i += 1
    return out


def _covered(item: dict[str, str], findings: list[Finding]) -> bool:
    spans = _occurrences(TEXTS[item["file"]], item["surface"])
    return any(
        e.span.source == item["file"] and any(e.span.start < b and a < e.span.end for a, b in spans)
        for f in findings
        for e in f.evidence
    )


@pytest.fixture(scope="module")
def report() -> Report:
    return audit(load_corpus([SEEDS]))


def _of_type(report: Report, kind: str) -> list[Finding]:
    return [f for f in report.findings if f.type == FindingType(kind)]


@pytest.mark.parametrize(
    "gold",
    [g for g in GOLD if g.get("required", True)],
    ids=[f"{g['type']}:{g['slot']}" for g in GOLD if g.get("required", True)],
)
def test_required_gold_finding_is_reported(report: Report, gold: dict[str, Any]) -> None:
    found = _of_type(report, gold["type"])
    covered = sum(_covered(item, found) for item in gold["evidence"])
    assert covered >= gold.get("min_cover", min(2, len(gold["evidence"])))


def test_precision_on_the_seeds_is_at_least_nine_in_ten(report: Report) -> None:
    actionable = [f for f in report.findings if f.type.value in ACTIONABLE]
    correct = 0
    for finding in actionable:
        files = {e.span.source for e in finding.evidence}
        correct += any(
            g["type"] == finding.type.value
            and sum(_covered(item, [finding]) for item in g["evidence"])
            >= max(1, min(2, len(files)))
            for g in GOLD
        )
    assert actionable
    assert correct / len(actionable) >= 0.9, [f.explanation for f in actionable]


def test_the_gold_copy_matches_the_shared_one() -> None:
    shared = SEEDS.parent.parent / "shared" / "gold" / "seeds.json"
    if not shared.is_file():
        pytest.skip("../shared is not beside the repo")
    assert shared.read_bytes() == (FIXTURES / "gold" / "seeds.json").read_bytes()
