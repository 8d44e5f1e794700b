"""Loading articles: every bad-input case names the file and the reason; the rest is read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from discrepancy.corpus import read_corpus

GOOD = " date 2018-09-18 Fifteen people died on Monday."


def _good(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(GOOD, encoding="utf-8")
    return path


BAD_FILES = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes)"),
    ("notes.docx", b"some words", "unknown extension '.docx'"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_named_with_its_reason_and_others_are_read(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    _good(tmp_path)
    bad = tmp_path / name
    bad.write_bytes(content)
    corpus = read_corpus([tmp_path / "good.txt", bad])
    assert [s.id for s in corpus.sources] == ["good"]
    assert [str(p) for p in corpus.problems] == [f"{bad}: {reason}"]


def test_undecodable_bytes_fall_back_to_cp1252_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 owners said 15 died.".encode("cp1252"))
    corpus = read_corpus([path])
    assert corpus.sources[0].text == "Café owners said 15 died."
    assert corpus.sources[0].encoding == "cp1252"
    problem = corpus.problems[0]
    assert not problem.fatal
    assert "not UTF-8 (byte 0xe9 at offset 3)" in str(problem)
    assert str(problem).startswith(str(path))


def test_malformed_json_line_names_file_and_line_and_keeps_other_lines(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"id": "a", "text": "15 died.", "outlet": "AP", "published": "2018-09-18"}\n'
        '{"id": "b", "text": \n'
        '{"id": "c", "url": "https://example.org/c"}\n'
        '{"id": "d", "text": "16 died."}\n',
        encoding="utf-8",
    )
    corpus = read_corpus([path])
    assert [s.id for s in corpus.sources] == ["a", "d"]
    assert corpus.sources[0].outlet == "AP"
    assert corpus.sources[0].published == dt.date(2018, 9, 18)
    messages = [str(p) for p in corpus.problems]
    assert messages[0].startswith(f"{path}:2: malformed JSON")
    assert messages[1] == f"{path}:3: no 'text' field"


def test_dateline_is_parsed_and_offsets_stay_file_offsets(tmp_path: Path) -> None:
    path = _good(tmp_path)
    source = read_corpus([path]).sources[0]
    assert source.published == dt.date(2018, 9, 18)
    assert source.text == GOOD
    assert source.text[source.body_start :].startswith("Fifteen")


def test_missing_dateline_is_fine_and_a_bad_one_is_noted(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("No dateline here.", encoding="utf-8")
    (tmp_path / "bad.txt").write_text(" date 2018-02-31 Something.", encoding="utf-8")
    (tmp_path / "future.txt").write_text(" date 2999-01-01 Something.", encoding="utf-8")
    corpus = read_corpus([tmp_path], today=dt.date(2026, 1, 1))
    by_id = {s.id: s for s in corpus.sources}
    assert by_id["plain"].published is None
    assert by_id["bad"].published is None
    assert by_id["future"].published is None
    reasons = sorted(p.reason for p in corpus.problems)
    assert reasons == [
        "dateline '2018-02-31' is not a valid date; ignored",
        "dateline 2999-01-01 is in the future; ignored",
    ]


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    corpus = read_corpus([tmp_path / "nope", empty, _good(tmp_path)])
    assert [s.id for s in corpus.sources] == ["good"]
    assert [str(p) for p in corpus.problems] == [
        f"{tmp_path / 'nope'}: no such file or directory",
        f"{empty}: no articles in folder",
    ]


def test_bom_and_crlf_are_read_as_python_reads_text(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes("\ufeff15 died.\r\nThen 16.\r".encode())
    source = read_corpus([path]).sources[0]
    assert source.text == path.read_text(encoding="utf-8")
    assert source.text == "\ufeff15 died.\nThen 16.\n"


def test_sources_are_sorted_by_id_whatever_the_order_given(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.txt"):
        _good(tmp_path, name)
    paths = [tmp_path / "c.txt", tmp_path / "a.txt", tmp_path / "b.txt"]
    assert [s.id for s in read_corpus(paths).sources] == ["a", "b", "c"]


def test_the_same_id_twice_is_reported_and_read_once(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    first = _good(tmp_path, "same.txt")
    second = _good(tmp_path / "x", "same.txt")
    corpus = read_corpus([first, second])
    assert len(corpus.sources) == 1
    assert "source id 'same' already read" in corpus.problems[0].reason


def test_an_oversized_article_is_refused_with_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    big.write_bytes(b"Fifteen people died. " * (9 * 2**20 // 21 + 1))
    corpus = read_corpus([big, _good(tmp_path)])
    assert [s.id for s in corpus.sources] == ["good"]
    assert corpus.problems[0].reason.startswith("file is 9 MiB; an article is at most 8 MiB")


def test_json_lines_are_read_one_by_one_and_bad_bytes_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "15 died."}\n'
        b'{"id": "b", "text": "caf\xe9"}\n'
        b"\n"
        b'{"id": "c", "text": "   "}\n'
        b'["not", "an", "object"]\n'
        b'{"id": "d", "text": "16 died.", "published": "yesterday"}\n'
    )
    corpus = read_corpus([path])
    assert [s.id for s in corpus.sources] == ["a", "d"]
    assert [str(p) for p in corpus.problems] == [
        f"{path}:2: not UTF-8 (byte 0xe9 at column 25)",
        f"{path}:4: empty 'text'",
        f"{path}:5: no 'text' field",
        f"{path}:6: 'published' 'yesterday' is not a date; ignored",
    ]


def test_an_empty_json_lines_file(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert [str(p) for p in read_corpus([path]).problems] == [f"{path}: empty file"]
