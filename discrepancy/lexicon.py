"""Knowledge as data: the TOML files in ``discrepancy/data/``, loaded lazily, overlaid by users.

A ``Lexicon`` maps a table name (the data file's stem: ``"numbers"``, ``"units"``,
``"roles"`` ...) to its parsed content. A user's file is one TOML document whose top-level
tables name the tables it extends::

    [designators.known."T-90"]
    category = "main battle tank"

Overlaying merges tables key by key and extends lists, so a user adds knowledge without
copying ours. Each stage compiles what it needs from the lexicon once (cached per lexicon).
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs

TABLES = (
    "numbers",
    "units",
    "dates",
    "designators",
    "names",
    "roles",
    "typos",
)


class LexiconError(ValueError):
    """A data file that does not parse or validate: names the file, the key and the reason."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        super().__init__(f"{file}: {key}: {reason}" if key else f"{file}: {reason}")
        self.file = file
        self.key = key
        self.reason = reason


@attrs.frozen(kw_only=True, eq=False)
class Lexicon:
    """Every table of knowledge the pipeline uses; hashed by identity so stages can cache."""

    tables: Mapping[str, Mapping[str, Any]]
    origin: tuple[str, ...] = ()

    def table(self, name: str) -> Mapping[str, Any]:
        """One table (empty when neither we nor the user gave it)."""
        return self.tables.get(name, {})


def _read_packaged(name: str) -> dict[str, Any]:
    resource = files("discrepancy.data").joinpath(f"{name}.toml")
    if not resource.is_file():
        return {}
    text = resource.read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{name}.toml", "", str(exc)) from exc


@functools.cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package (read once, on first use)."""
    return Lexicon(tables={name: _read_packaged(name) for name in TABLES}, origin=("package",))


def load_lexicon(*extra_files: str | Path, base: Lexicon | None = None) -> Lexicon:
    """Overlay user files on ``base`` (default: the shipped lexicon).

    >>> load_lexicon().table("numbers") is not None
    True
    """
    lexicon = base or default_lexicon()
    tables: dict[str, Any] = {name: dict(table) for name, table in lexicon.tables.items()}
    origin = list(lexicon.origin)
    for file in extra_files:
        path = Path(file)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(str(path), "", f"cannot read: {exc}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise LexiconError(str(path), "", f"not TOML: {exc}") from exc
        for name, table in data.items():
            if name not in TABLES:
                known = ", ".join(TABLES)
                raise LexiconError(str(path), name, f"unknown table (known: {known})")
            if not isinstance(table, dict):
                raise LexiconError(str(path), name, "must be a table")
            tables[name] = merge(tables.get(name, {}), table)
        origin.append(str(path))
    return Lexicon(tables=tables, origin=tuple(origin))


def merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Deep-merge ``extra`` into a copy of ``base``: tables merge, lists extend.

    >>> merge({"a": [1], "b": {"c": 1}}, {"a": [2], "b": {"d": 2}})
    {'a': [1, 2], 'b': {'c': 1, 'd': 2}}
    """
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            out[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = [*old, *value]
        else:
            out[key] = value
    return out


def require(table: Mapping[str, Any], file: str, key: str, kind: type) -> Any:
    """Fetch ``table[key]`` and check its type, or raise ``LexiconError``."""
    if key not in table:
        raise LexiconError(file, key, "missing")
    value = table[key]
    if not isinstance(value, kind):
        raise LexiconError(file, key, f"must be {kind.__name__}, not {type(value).__name__}")
    return value
