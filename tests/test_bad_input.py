"""Bad input beside good input: one line on stderr, exit 0, the good files' findings intact.

Each case writes one bad file next to a copy of the seeds; the audit must report the bad
file in one line naming it and the reason, and give the same findings for the seeds as an
audit of the seeds alone.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from discrepancy.cli import main

from .conftest import SEEDS

Writer = Callable[[Path], Path]


def _write(name: str, content: bytes) -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return write


CASES: list[tuple[str, Writer, str]] = [
    ("empty", _write("empty.txt", b""), "error: {path}: empty file"),
    ("binary", _write("image.txt", b"\x89PNG\x00\x00"), "error: {path}: binary file (NUL bytes)"),
    (
        "cp1252",
        _write("latin.txt", b"Caf\xe9 owners said the weather was calm."),
        "warning: {path}: not UTF-8 (byte 0xe9 at offset 3); read as cp1252",
    ),
    (
        "malformed-json",
        _write("wire.jsonl", b'{"id": "w1", "text": "The weather was calm."}\n{"id": \n'),
        "error: {path}:2: malformed JSON",
    ),
    ("no-text", _write("wire.jsonl", b'{"id": "w1"}\n'), "error: {path}:1: no 'text' field"),
    ("unknown-extension", _write("notes.pdf", b"%PDF-1.4"), "error: {path}: unknown extension"),
    (
        "bad-dateline",
        _write("dated.txt", b" date 2018-13-45 The weather was calm."),
        "warning: {path}: dateline '2018-13-45' is not a valid date; ignored",
    ),
    (
        "future-dateline",
        _write("future.txt", b" date 2999-01-01 The weather was calm."),
        "warning: {path}: dateline 2999-01-01 is in the future; ignored",
    ),
    ("bom-crlf", _write("win.txt", "\ufeffThe weather was calm.\r\n".encode()), ""),
]


def _findings(out: str) -> list[tuple[str, list[tuple[str, int, int]]]]:
    report = json.loads(out)
    return sorted(
        (f["type"], [(e["source"], e["start"], e["end"]) for e in f["evidence"]])
        for f in report["findings"]
        if all(e["source"] in {p.stem for p in SEEDS.iterdir()} for e in f["evidence"])
    )


@pytest.fixture(scope="module")
def seeds_alone() -> list[tuple[str, list[tuple[str, int, int]]]]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["audit", str(SEEDS), "--format", "json"]) == 0
    return _findings(out.getvalue())


@pytest.mark.parametrize(("name", "write", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_beside_the_seeds(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    seeds_alone: list[tuple[str, list[tuple[str, int, int]]]],
    name: str,
    write: Writer,
    message: str,
) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    bad = write(folder)
    assert main(["audit", str(folder), str(bad), "--format", "json"]) == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    if message:
        expected = "discrepancy: " + message.format(path=bad)
        assert any(line.startswith(expected) for line in lines), lines
    assert all(line.startswith("discrepancy: ") for line in lines)
    assert seeds_alone == _findings(captured.out)


def test_zero_sources_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"discrepancy: error: {tmp_path}: no articles in folder",
        "discrepancy: error: no article could be read",
    ]


def test_one_source_still_reports_its_own_slips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Israel Air Force Commander Amikam Norkin Norkin met them.", encoding="utf-8")
    assert main(["audit", str(path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [f["type"] for f in report["findings"]] == ["likely_typo"]
