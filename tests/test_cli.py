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
