"""The seed corpus end to end: the copy is faithful and every span slices back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from discrepancy import Report, audit, load_corpus, render

from .conftest import ROOT, SEEDS

SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def report() -> Report:
    return audit(load_corpus([SEEDS]))


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not beside the repo")
def test_seeds_are_byte_identical_to_the_shared_copy() -> None:
    ours = sorted(p.name for p in SEEDS.iterdir())
    theirs = sorted(p.name for p in (SHARED / "seeds").iterdir())
    assert ours == theirs
    for name in ours:
        assert (SEEDS / name).read_bytes() == (SHARED / "seeds" / name).read_bytes()


def test_every_span_slices_the_file_text_to_its_surface(report: Report) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}
    spans = [e.span for f in report.findings for e in f.evidence]
    spans += [f.span for f in report.single_source]
    spans += [f.span for s in report.slots for f in s.facts]
    assert spans, "the audit of the seeds found nothing at all"
    for span in spans:
        assert texts[span.source][span.start : span.end] == span.surface


def test_the_seeds_report_is_deterministic(report: Report) -> None:
    again = audit(list(reversed(load_corpus([SEEDS]))))
    for fmt in ("json", "text", "markdown"):
        assert render(report, format=fmt) == render(again, format=fmt)


@pytest.mark.skipif(not (SHARED / "tools").is_dir(), reason="../shared is not beside the repo")
def test_the_json_report_is_read_by_the_gold_scorer(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text(render(report, format="json"), encoding="utf-8")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "discrepancy.report/1"
    scorer = SHARED / "tools" / "score_audit.py"
    gold = SHARED / "gold" / "seeds.json"
    done = subprocess.run(
        [sys.executable, str(scorer), str(SEEDS), str(gold), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "actionable recall" in done.stdout.splitlines()[-1]
