"""The command line: formats, exit codes, one-line errors on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from discrepancy.cli import main

from .conftest import SEEDS


def test_json_report_of_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(SEEDS), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "discrepancy.report/1"
    assert [s["id"] for s in data["sources"]] == sorted(p.stem for p in SEEDS.iterdir())
    for finding in data["findings"]:
        assert finding["type"] in {"conflict", "compatible", "likely_typo", "variant", "consistent"}
        assert finding["evidence"], finding


def test_text_and_markdown_reports(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(SEEDS)]) == 0
    assert capsys.readouterr().out.startswith("discrepancy: 5 sources")
    assert main(["audit", str(SEEDS), "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Audit report")


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert main(["audit", str(SEEDS), "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "discrepancy.report/1"


def test_nothing_readable_exits_2_with_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["audit", str(empty)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"discrepancy: error: {empty}: empty file",
        "discrepancy: error: no article could be read",
    ]


def test_a_bad_file_beside_good_ones_is_reported_and_the_audit_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    assert main(["audit", str(SEEDS), str(bad), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == f"discrepancy: error: {bad}: binary file (NUL bytes)\n"
    assert len(json.loads(captured.out)["sources"]) == 5


def test_fail_on_conflict_exit_code(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Twelve people were killed in the crash.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Forty people were killed in the crash.", encoding="utf-8")
    assert main(["audit", str(tmp_path), "--format", "json", "-o", str(tmp_path / "r")]) == 0
    assert main(["audit", str(tmp_path), "--fail-on", "conflict", "-o", str(tmp_path / "r")]) == 1
    (tmp_path / "b.txt").write_text("Twelve people were killed.", encoding="utf-8")
    assert main(["audit", str(tmp_path), "--fail-on", "conflict", "-o", str(tmp_path / "r")]) == 0


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["audit"])
    assert exc.value.code == 2
    assert main([]) == 2


def test_bad_lexicon_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text("[nonsense]\nx = 1\n", encoding="utf-8")
    assert main(["audit", str(SEEDS), "--lexicon", str(lexicon)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"discrepancy: error: {lexicon}: nonsense: unknown table")
    assert len(err.splitlines()) == 1


def test_python_dash_m_and_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "discrepancy", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("discrepancy ")


def _two_articles(folder: Path, second: str = "Forty people were killed in the crash.") -> Path:
    (folder / "a.txt").write_text("Twelve people were killed in the crash.", encoding="utf-8")
    (folder / "b.txt").write_text(second, encoding="utf-8")
    return folder


FAIL_ON_EXAMPLES = [
    # (--fail-on, exit code when the report holds exactly one conflict)
    ("conflict", 1),
    ("likely_typo", 1),  # a conflict is more serious than a likely typo
    ("compatible", 1),
    ("variant", 1),
]


@pytest.mark.parametrize(
    ("fail_on", "code"), FAIL_ON_EXAMPLES, ids=[e[0] for e in FAIL_ON_EXAMPLES]
)
def test_fail_on_counts_more_serious_types(tmp_path: Path, fail_on: str, code: int) -> None:
    folder = _two_articles(tmp_path)
    report = tmp_path / "r.json"
    assert main(["audit", str(folder), "--format", "json", "-o", str(report)]) == 0
    types = {f["type"] for f in json.loads(report.read_text(encoding="utf-8"))["findings"]}
    assert "conflict" in types
    assert main(["audit", str(folder), "--fail-on", fail_on, "-o", str(report)]) == code


def test_fail_on_ignores_less_serious_types() -> None:
    from discrepancy.cli import _exit_code
    from discrepancy.model import Evidence, Finding, FindingType, Report, Span

    span = Span(source="a", start=0, end=1, surface="x")
    finding = Finding(
        id="v",
        type=FindingType.VARIANT,
        score=0.5,
        slot="s",
        kind="name",
        evidence=(Evidence(span=span, value="x"),),
        explanation="",
    )
    report = Report(sources=(), slots=(), findings=(finding,))
    assert _exit_code(report, "conflict") == 0
    assert _exit_code(report, "compatible") == 0
    assert _exit_code(report, "variant") == 1
    assert _exit_code(report, None) == 0


def test_baseline_hides_reviewed_findings_and_fail_on_follows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    folder = _two_articles(tmp_path / "in")
    ids = tmp_path / "ids.txt"
    out = tmp_path / "r.json"
    args = ["audit", str(folder), "--format", "json", "-o", str(out)]
    assert main([*args, "--write-baseline", str(ids), "--fail-on", "conflict"]) == 1
    recorded = [line.split("#")[0].strip() for line in ids.read_text().splitlines()[1:]]
    assert recorded == [f["id"] for f in json.loads(out.read_text(encoding="utf-8"))["findings"]]
    capsys.readouterr()
    assert main([*args, "--baseline", str(ids), "--fail-on", "conflict"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["findings"] == []
    assert "in the baseline not reported" in capsys.readouterr().err
    # a JSON report works as a baseline too
    first = tmp_path / "first.json"
    assert main(["audit", str(folder), "--format", "json", "-o", str(first)]) == 0
    assert main([*args, "--baseline", str(first), "--fail-on", "conflict"]) == 0
    # a new conflict is still reported
    (folder / "c.txt").write_text("Ninety people were killed in the crash.", encoding="utf-8")
    assert main([*args, "--baseline", str(ids), "--fail-on", "conflict"]) == 1


def test_bad_baseline_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["audit", str(SEEDS), "--baseline", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"discrepancy: error: {bad}: malformed JSON")
    assert len(err.splitlines()) == 1
    missing = tmp_path / "missing.txt"
    assert main(["audit", str(SEEDS), "--baseline", str(missing)]) == 2
    assert capsys.readouterr().err.startswith(f"discrepancy: error: {missing}: ")


def test_csv_and_html_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(SEEDS), "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header == "finding_id,type,score,slot,kind,source,start,end,surface,value"
    page = tmp_path / "report.html"
    assert main(["audit", str(SEEDS), "--format", "html", "-o", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_colour_only_on_a_terminal_without_no_color(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["audit", str(SEEDS), "--color", "always"]) == 0
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["audit", str(SEEDS)]) == 0
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["audit", str(SEEDS)]) == 0
    plain = capsys.readouterr().out
    assert "\x1b[" not in plain
    assert plain.startswith("discrepancy: 5 sources")


def test_plain_text_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(SEEDS), "--color", "auto"]) == 0
    assert "\x1b[" not in capsys.readouterr().out


def test_progress_bar_on_a_terminal_for_many_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from discrepancy import cli

    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"{n + 10} people were killed.", encoding="utf-8")
    monkeypatch.setattr(cli, "PROGRESS_MIN", 3)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["audit", str(tmp_path), "--format", "json"]) == 0
    assert "reading sources" in capsys.readouterr().err
    monkeypatch.setattr(cli, "PROGRESS_MIN", 4)
    assert main(["audit", str(tmp_path), "--format", "json"]) == 0
    assert "reading sources" not in capsys.readouterr().err


def test_jobs_gives_the_same_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(SEEDS), "--format", "json", "--jobs", "1"]) == 0
    one = capsys.readouterr().out
    assert main(["audit", str(SEEDS), "--format", "json", "--jobs", "2"]) == 0
    assert one == capsys.readouterr().out


def test_negative_jobs_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["audit", str(SEEDS), "--jobs", "-1"])
    assert exc.value.code == 2
