"""Reading articles: folders, ``.txt``, ``.html`` and ``.jsonl`` files -> ``Source``.

Every problem with one file becomes an ``InputProblem`` (one line naming the file and
the reason) and the other files are still read. Texts are kept exactly as decoded, with
Python's universal newlines (as ``Path.read_text`` gives them), so that span offsets
index the file's text as any UTF-8 reader sees it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from discrepancy.model import InputProblem, Source

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_BYTES = 8 * 1024 * 1024  # one article; a JSON Lines file is read line by line instead
_DATELINE = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\S+)[ \t]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


@attrs.frozen(kw_only=True)
class Corpus:
    """The sources read, sorted by id, and the problems met on the way."""

    sources: tuple[Source, ...]
    problems: tuple[InputProblem, ...]


def read_corpus(paths: Iterable[str | Path], *, today: dt.date | None = None) -> Corpus:
    """Read every article under ``paths``; never raises for a bad file.

    >>> read_corpus(["no/such/place"]).problems[0].reason
    'no such file or directory'
    """
    sources: list[Source] = []
    problems: list[InputProblem] = []
    for path in _expand([Path(p) for p in paths], problems):
        sources.extend(_read_file(path, problems, today or dt.date.today()))
    seen: dict[str, str] = {}
    unique: list[Source] = []
    for src in sorted(sources, key=lambda s: (s.id, s.path or "")):
        if src.id in seen:
            problems.append(
                InputProblem(
                    path=src.path or src.id,
                    reason=f"source id {src.id!r} already read from {seen[src.id]}; skipped",
                )
            )
            continue
        seen[src.id] = src.path or src.id
        unique.append(src)
    return Corpus(sources=tuple(unique), problems=tuple(problems))


def load_corpus(paths: Iterable[str | Path]) -> list[Source]:
    """Read every article under ``paths``; bad files are left out (see ``read_corpus``)."""
    return list(read_corpus(paths).sources)


def _expand(paths: list[Path], problems: list[InputProblem]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p))
            if not found:
                problems.append(InputProblem(path=str(path), reason="no articles in folder"))
            yield from found
        elif path.is_file():
            yield path
        else:
            problems.append(InputProblem(path=str(path), reason="no such file or directory"))


def _wanted(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def _read_file(path: Path, problems: list[InputProblem], today: dt.date) -> list[Source]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        problems.append(InputProblem(path=str(path), reason=f"unknown extension {suffix!r}"))
        return []
    try:
        if suffix == ".jsonl":
            return list(_read_jsonl(path, problems, today))
        size = path.stat().st_size
        if size > MAX_BYTES:
            reason = (
                f"file is {size / 2**20:.0f} MiB; an article is at most {MAX_BYTES // 2**20} MiB "
                "(give many articles as JSON Lines, one per line)"
            )
            problems.append(InputProblem(path=str(path), reason=reason))
            return []
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(InputProblem(path=str(path), reason=exc.strerror or str(exc)))
        return []
    text, encoding = _decode(raw, path, problems)
    if text is None:
        return []
    if suffix in (".html", ".htm"):
        text = _html_to_text(text, path, problems)
        if text is None:
            return []
    return [_make_source(path.stem, text, str(path), encoding, problems, today)]


def _decode(raw: bytes, path: Path, problems: list[InputProblem]) -> tuple[str | None, str]:
    if not raw.strip():
        problems.append(InputProblem(path=str(path), reason="empty file"))
        return None, ""
    if b"\x00" in raw[:8192]:
        problems.append(InputProblem(path=str(path), reason="binary file (NUL bytes)"))
        return None, ""
    try:
        return _newlines(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        where = f"byte 0x{raw[exc.start]:02x} at offset {exc.start}"
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            problems.append(InputProblem(path=str(path), reason=f"not UTF-8 ({where})"))
            return None, ""
        reason = f"not UTF-8 ({where}); read as cp1252, offsets index the decoded text"
        problems.append(InputProblem(path=str(path), reason=reason, fatal=False))
        return _newlines(text), "cp1252"


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _html_to_text(html: str, path: Path, problems: list[InputProblem]) -> str | None:
    try:
        import trafilatura
    except ImportError:
        reason = "HTML needs the optional extra: pip install 'discrepancy[html]'"
        problems.append(InputProblem(path=str(path), reason=reason))
        return None
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        problems.append(InputProblem(path=str(path), reason="no article text found in HTML"))
        return None
    return str(text)


def _read_jsonl(path: Path, problems: list[InputProblem], today: dt.date) -> Iterator[Source]:
    """One source per line, read line by line: a large dump never sits in memory whole."""
    found = False
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            found = True
            source = _json_line(raw, path, number, problems, today)
            if source is not None:
                yield source
    if not found:
        problems.append(InputProblem(path=str(path), reason="empty file"))


def _json_line(
    raw: bytes, path: Path, number: int, problems: list[InputProblem], today: dt.date
) -> Source | None:
    def problem(reason: str) -> None:
        problems.append(InputProblem(path=str(path), line=number, reason=reason))

    if len(raw) > MAX_BYTES:
        problem(
            f"line is {len(raw) / 2**20:.0f} MiB; an article is at most {MAX_BYTES // 2**20} MiB"
        )
        return None
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        problem(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")
        return None
    except json.JSONDecodeError as exc:
        problem(f"malformed JSON ({exc.msg})")
        return None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        problem("no 'text' field")
        return None
    if not record["text"].strip():
        problem("empty 'text'")
        return None
    ident = str(record.get("id") or f"{path.stem}-{number}")
    text = record["text"]  # offsets index the field exactly as given
    source = _make_source(ident, text, f"{path}:{number}", "utf-8", problems, today)
    published = _parse_published(record.get("published"), path, number, problems)
    return attrs.evolve(
        source,
        published=published or source.published,
        url=_optional_str(record.get("url")),
        outlet=_optional_str(record.get("outlet")),
    )


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _parse_published(
    value: object, path: Path, number: int, problems: list[InputProblem]
) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        reason = f"'published' {value!r} is not a date; ignored"
        problems.append(InputProblem(path=str(path), line=number, reason=reason, fatal=False))
        return None


def _make_source(
    ident: str, text: str, path: str, encoding: str, problems: list[InputProblem], today: dt.date
) -> Source:
    published, body_start = parse_dateline(text, path, problems, today)
    return Source(
        id=ident,
        text=text,
        path=path,
        published=published,
        encoding=encoding,
        body_start=body_start,
    )


def parse_dateline(
    text: str, path: str, problems: list[InputProblem], today: dt.date
) -> tuple[dt.date | None, int]:
    """Read a leading `` date YYYY-MM-DD`` dateline; return the date and where the body starts.

    >>> parse_dateline(" date 2018-09-18 Russia and Israel", "a.txt", [], dt.date(2026, 1, 1))
    (datetime.date(2018, 9, 18), 17)
    >>> parse_dateline("No dateline here", "a.txt", [], dt.date(2026, 1, 1))
    (None, 0)
    """
    match = _DATELINE.match(text)
    if match is None:
        return None, 0
    word = match.group(1)
    if not _ISO_DATE.match(word):
        return None, 0
    try:
        published = dt.date.fromisoformat(word)
    except ValueError:
        reason = f"dateline {word!r} is not a valid date; ignored"
        problems.append(InputProblem(path=path, reason=reason, fatal=False))
        return None, match.end()
    if published > today:
        reason = f"dateline {word} is in the future; ignored"
        problems.append(InputProblem(path=path, reason=reason, fatal=False))
        return None, match.end()
    return published, match.end()
