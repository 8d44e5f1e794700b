"""The shipped data: every file loads and validates; users overlay their own."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from discrepancy import roles
from discrepancy.lexicon import TABLES, LexiconError, default_lexicon, load_lexicon, merge


def test_every_shipped_data_file_is_a_known_table_and_parses() -> None:
    shipped = {
        p.name.removesuffix(".toml")
        for p in files("discrepancy.data").iterdir()
        if p.name.endswith(".toml")
    }
    assert shipped <= set(TABLES)
    lexicon = default_lexicon()
    for name in shipped:
        assert lexicon.table(name), name


def test_roles_validate_and_have_no_noun_claimed_twice() -> None:
    table = default_lexicon().table("roles")
    seen: dict[str, str] = {}
    for entry in table["counted"]:
        for noun in entry["nouns"]:
            assert seen.setdefault(noun, entry["name"]) == entry["name"], noun
    compiled = roles.compiled(default_lexicon())
    assert compiled.counted[("crew", "members")][0].name == "people"


def test_a_user_file_extends_lists_and_tables(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[roles.counted]]\nname = "livestock"\nnouns = ["cattle", "sheep"]\n', encoding="utf-8"
    )
    lexicon = load_lexicon(mine)
    names = [c["name"] for c in lexicon.table("roles")["counted"]]
    assert names[-1] == "livestock"
    assert "people" in names
    assert roles.compiled(lexicon).counted[("sheep",)][0].name == "livestock"
    assert lexicon.origin == ("package", str(mine))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[unknown]\nx = 1\n", "unknown: unknown table"),
        ("roles = 3\n", "roles: must be a table"),
        ("not toml [", "not TOML"),
    ],
)
def test_bad_user_files_are_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as exc:
        load_lexicon(mine)
    assert str(exc.value).startswith(str(mine))


def test_invalid_role_entries_are_rejected(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('[[roles.counted]]\nname = "x"\nnouns = [3]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"roles\.toml: nouns"):
        roles.compiled(load_lexicon(mine))


def test_merge_is_deep() -> None:
    assert {"a": {"b": [1, 2], "c": 1}} == merge({"a": {"b": [1], "c": 1}}, {"a": {"b": [2]}})
