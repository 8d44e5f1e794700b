"""Names of people, organisations and places: keys, variant keys, titles.

New rows go in the tables: ``EXAMPLES`` for behaviour we rely on, ``EXAMPLES_BUGS_CAUGHT``
for fixed bugs (one row per report), ``EXAMPLES_XFAIL`` for known gaps (strict).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.kinds import _names_data as _data
from discrepancy.kinds import _names_plans as _plans
from discrepancy.kinds import _names_runs as _runs
from discrepancy.kinds import designators, names
from discrepancy.kinds._names_plans import Found
from discrepancy.kinds._names_runs import Token
from discrepancy.lexicon import Lexicon, LexiconError, default_lexicon
from discrepancy.model import Entity
from discrepancy.strategies.entities import names as name_entities
from discrepancy.strategies.entities import transliterations

# (surface, (key, kind, title, known)) or None
Parsed = tuple[str, str, str, bool] | None
EXAMPLES: list[tuple[str, Parsed]] = [
    ("Benjamin Netanyahu", ("Benjamin Netanyahu", "name", "", False)),
    (
        "Prime Minister Benjamin Netanyahu",
        ("Benjamin Netanyahu", "person", "Prime Minister", False),
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu",
        ("Benjamin Netanyahu", "person", "Israeli Prime Minister", False),
    ),
    ("Maj. Gen. Igor Konashenkov", ("Igor Konashenkov", "person", "Maj. Gen.", False)),
    ("Major General Amikam Norkin", ("Amikam Norkin", "person", "Major General", False)),
    (
        "Russian Defense Minister Sergei Shoigu",
        ("Sergei Shoigu", "person", "Russian Defense Minister", False),
    ),
    ("Mr Putin", ("Putin", "person", "Mr", False)),
    ("Dr. Jane Smith", ("Jane Smith", "person", "Dr.", False)),
    ("military spokesman Igor Konashenkov", ("Igor Konashenkov", "person", "spokesman", False)),
    ("Netanyahu’s bureau", ("Netanyahu", "name", "", False)),
    ("Netanyahu's", ("Netanyahu", "name", "", False)),
    ("Syrian President Bashar al-Assad", ("Bashar al-Assad", "person", "Syrian President", False)),
    ("Hizbullah", ("Hizbullah", "organisation", "", True)),
    ("Hezbollah", ("Hezbollah", "organisation", "", True)),
    ("al-Qaida", ("al-Qaida", "organisation", "", True)),
    ("ISIS", ("ISIS", "organisation", "", True)),
    ("the Times of Israel", ("Times of Israel", "organisation", "", False)),
    ("Russian Defense Ministry", ("Russian Defense Ministry", "organisation", "", False)),
    ("UN General Assembly", ("UN General Assembly", "organisation", "", False)),
    ("Israel Defense Forces", ("Israel Defense Forces", "organisation", "", True)),
    ("Kurdistan Workers' Party", ("Kurdistan Workers' Party", "organisation", "", True)),
    ("Israel", ("Israel", "name", "", True)),
    ("U.S.", ("U.S.", "name", "", True)),
    ("“Putin”", ("Putin", "name", "", False)),
    ("Vladimir  Putin", ("Vladimir Putin", "name", "", False)),
    (
        "President of Russia Vladimir Putin",
        ("Vladimir Putin", "person", "President of Russia", False),
    ),
    ("Minister of Defence Ben Wallace", ("Ben Wallace", "person", "Minister of Defence", False)),
    ("the Strait of Hormuz", ("Strait of Hormuz", "name", "", False)),
    ("Martin Luther King Jr.", ("Martin Luther King Jr", "name", "", False)),
    ("King Charles III", ("Charles III", "person", "King", False)),
    ("the", None),
    ("However", None),
    ("Russian", None),
    ("Prime Minister", None),
    ("Putin and Netanyahu", None),
    ("", None),
]
EXAMPLES_BUGS_CAUGHT: list[tuple[str, Parsed]] = [
    ("US", ("US", "name", "", True)),  # an acronym is not folded onto "IS"
    ("al-Shabaab", ("al-Shabaab", "organisation", "", True)),  # a particle can open a name
]
EXAMPLES_XFAIL: list[tuple[str, Parsed]] = [
    # a title after the name but not followed by a comma, stop or "said"
    (
        "Igor Konashenkov, Russian military spokesman on Monday",
        ("Igor Konashenkov", "person", "Russian military spokesman", False),
    ),
]


def _summary(entity: Entity | None) -> Parsed:
    if entity is None:
        return None
    return entity.key, entity.kind, entity.title, entity.known


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *EXAMPLES,
        *EXAMPLES_BUGS_CAUGHT,
        *(pytest.param(*e, marks=pytest.mark.xfail(strict=True)) for e in EXAMPLES_XFAIL),
    ],
    ids=str,
)
def test_parse(text: str, expected: Parsed) -> None:
    assert expected == _summary(names.parse(text))


FIND: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Israeli Prime Minister Benjamin Netanyahu met Mr Putin. Later Netanyahu left.",
        [("Benjamin Netanyahu", "person"), ("Putin", "person"), ("Netanyahu", "person")],
    ),
    (
        "However, the Russian defence ministry said. Following talks, Israel agreed.",
        [("Israel", "name")],
    ),
    ("On Tuesday, Russia and Israel spoke.", [("Russia", "name"), ("Israel", "name")]),
    ("Until Monday night the IDF said so.", [("IDF", "organisation")]),
    ("Israeli F-16 jets and an Il-20 and Iran-backed Hizballah", [("Hizballah", "organisation")]),
    ("the Israeli-occupied Golan Heights", [("Golan Heights", "name")]),
    ("Russian Hmeimim base", [("Hmeimim", "name")]),
    ("Improving relations helped. Improving is hard; improving.", []),
    ("Fifteen Russian servicemen died.", []),
    ("reported by The Times of Israel:", [("Times of Israel", "organisation")]),
    ("Vladimir Putin spoke. President Vladimir Putin said", [("Vladimir Putin", "person")] * 2),
    ("Ironically, Russian confirmed it.", []),
    ("Beijing said.", [("Beijing", "name")]),
    ("Putin of Russia met Xi.", [("Putin", "name"), ("Russia", "name"), ("Xi", "name")]),
    ("Sources told CNN.", [("CNN", "organisation")]),
    ("Iron Dome and HIMARS, said Bradley", [("Bradley", "name")]),
    ("I'll tell O'Brien. We're sure; Don't", [("O'Brien", "name")]),
    ("It was 30 C or 86 F at 5 PM GMT, worth 10 USD.", []),
    ("an official Moscow statement", [("Moscow", "name")]),
]
FIND_BUGS_CAUGHT: list[tuple[str, list[tuple[str, str]]]] = [
    ("talks in the U.S. The Kremlin said", [("U.S.", "name"), ("Kremlin", "organisation")]),
    ("RUSSIA BLAMES ISRAEL FOR DOWNING OF PLANE", [("RUSSIA", "name"), ("ISRAEL", "name")]),
    (
        "a Pakistan International Airlines Airbus A300 and a Yeti Airlines ATR 72",
        [("Pakistan International Airlines", "organisation"), ("Yeti Airlines", "organisation")],
    ),
    ("two South Koreans", []),  # a two-word demonym
]
FIND_XFAIL: list[tuple[str, list[tuple[str, str]]]] = [
    # a sentence-initial name that the text also writes as a lower-case word is dropped
    ("Bush spoke. We cut the bush.", [("Bush", "name")]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *FIND,
        *FIND_BUGS_CAUGHT,
        *(pytest.param(*e, marks=pytest.mark.xfail(strict=True)) for e in FIND_XFAIL),
    ],
    ids=str,
)
def test_find(text: str, expected: list[tuple[str, str]]) -> None:
    assert expected == [(m.surface, m.kind) for m in names.find(text)]


APPOSITIVES: list[tuple[str, tuple[str, str, str]]] = [
    (
        "Igor Konashenkov, Russian military spokesman, said",
        ("Igor Konashenkov", "person", "Russian military spokesman"),
    ),
    (
        "Dmitry Peskov, the Kremlin spokesman, said",
        ("Dmitry Peskov", "person", "Kremlin spokesman"),
    ),
    ("Charles Lister, a senior analyst.", ("Charles Lister", "person", "senior analyst")),
    ("Moscow, the capital, said", ("Moscow", "name", "")),
    ("Netanyahu, Putin and the foreign minister, met", ("Netanyahu", "name", "")),
]


@pytest.mark.parametrize(("text", "expected"), APPOSITIVES, ids=str)
def test_a_title_after_the_name(text: str, expected: tuple[str, str, str]) -> None:
    first = names.find(text)[0]
    assert isinstance(first.value, Entity)
    assert expected == (first.surface, first.kind, first.value.title)
    titled = names.find_titled(text)[0]
    assert text[titled.start : titled.end] == titled.surface


TITLED: list[tuple[str, list[str]]] = [
    ("spokesman, Maj. Gen. Igor Konashenkov, said", ["Maj. Gen. Igor Konashenkov"]),
    ("Russian military spokesman Igor Konashenkov said", ["spokesman Igor Konashenkov"]),
    (
        "with National Security Adviser Meir Ben-Shabbat.",
        ["National Security Adviser Meir Ben-Shabbat"],
    ),
    (
        "Israel Air Force Commander Amikam Norkin arrived",
        ["Israel Air Force Commander Amikam Norkin"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TITLED, ids=str)
def test_find_titled_covers_the_title(text: str, expected: list[str]) -> None:
    titled = [m for m in names.find_titled(text) if m.value.title]  # type: ignore[union-attr]
    assert expected == [m.surface for m in titled]


MEET = [
    ("Hezbollah", "Hizbullah"),
    ("Hezbollah", "Hizbollah"),
    ("Hezbollah", "Hizballah"),
    ("Hezbollah", "Hizb Allah"),
    ("al-Qaeda", "al-Qaida"),
    ("al-Qaeda", "Al Qaeda"),
    ("Muhammad", "Mohammed"),
    ("Shoigu", "Shoygu"),
    ("Lieberman", "Liberman"),
    ("Gaddafi", "Gadhafi"),
    ("Khamenei", "Hamenei"),
    ("Bashar al-Assad", "Bashar Assad"),
    ("al-Assad", "Assad"),
    ("Abu Bakr al-Baghdadi", "Abu Bakr el-Baghdadi"),
]
APART = [
    ("Israel", "Israeli"),
    ("Russia", "Russian"),
    ("Syria", "Syrian"),
    ("Iran", "Iranian"),
    ("Austria", "Australia"),
    ("Iraq", "Iran"),
    ("Putin", "Norkin"),
]
MEET_XFAIL = [
    ("Gaddafi", "Qaddafi"),  # g/q is not a rule: it would fold too much
]


@pytest.mark.parametrize(
    ("a", "b"),
    [*MEET, *(pytest.param(*e, marks=pytest.mark.xfail(strict=True)) for e in MEET_XFAIL)],
    ids=str,
)
def test_transliterations_meet(a: str, b: str) -> None:
    assert names.variant_key(a) == names.variant_key(b)
    assert names.same_entity(a, b)


@pytest.mark.parametrize(("a", "b"), APART, ids=str)
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert names.variant_key(a) != names.variant_key(b)
    assert not names.same_entity(a, b)


SAME = [
    ("Netanyahu", "Benjamin Netanyahu", True),
    ("Putin", "President Vladimir Putin", True),
    ("ISIS", "Daesh", True),
    ("Islamic State", "ISIL", True),
    ("Netanyahu", "Netanyau", True),
    ("Vladimir Putin", "Vladimir Lenin", False),
    ("Hamas", "Hezbollah", False),
]


@pytest.mark.parametrize(("a", "b", "expected"), SAME, ids=str)
def test_same_entity(a: str, b: str, expected: bool) -> None:
    assert expected == names.same_entity(a, b)
    assert expected == names.same_entity(b, a)


COUNTRIES = [
    ("Israeli", "Israel"),
    ("Russians", "Russia"),
    ("U.S.", "United States"),
    ("Britain", "United Kingdom"),
    ("Paris", None),
]


@pytest.mark.parametrize(("word", "expected"), COUNTRIES, ids=str)
def test_country_of(word: str, expected: str | None) -> None:
    assert expected == names.country_of(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Russia", ["Russian", "Russians"]), ("Israelis", ["Israeli", "Israelis"]), ("Paris", [])],
    ids=str,
)
def test_demonyms(word: str, expected: list[str]) -> None:
    assert expected == names.demonyms(word)


@given(transliterations(name_entities()))
def test_generated_transliterations_meet(pair: tuple[str, str]) -> None:
    key, respelled = pair
    assert names.variant_key(key) == names.variant_key(respelled)


@given(name_entities())
def test_keys_are_idempotent(entity: Entity) -> None:
    parsed = names.parse(entity.key)
    assert parsed is not None
    assert entity.key == parsed.key
    assert entity.variant_key == parsed.variant_key


@given(name_entities())
def test_a_name_in_a_sentence_is_found(entity: Entity) -> None:
    found = names.find(f"Reports say {entity.key} spoke.")
    assert [entity.key] == [m.value.key for m in found]  # type: ignore[union-attr]


_WORDS = st.sampled_from(
    ["Putin", "The", "President", "al-Assad", "of", "Times", "’s", "'s", "Mr", "Gen.", "F-16"]
)
_NAMEISH = st.lists(st.one_of(_WORDS, st.sampled_from([" ", ". ", "\n", ", "])), max_size=30)


@given(st.one_of(st.text(max_size=80), _NAMEISH.map("".join)))
def test_found_offsets_slice_back_to_the_surface(text: str) -> None:
    for mention in [*names.find(text), *names.find_titled(text)]:
        assert text[mention.start : mention.end] == mention.surface
        assert mention.kind in ("person", "organisation", "name")


@given(st.text(max_size=20), _NAMEISH.map("".join))
def test_an_offset_shifts_the_spans_of_a_cut_text(before: str, text: str) -> None:
    whole = before + text
    shifted = names.find(text, offset=len(before))
    assert [(m.start - len(before), m.end - len(before)) for m in shifted] == [
        (m.start, m.end) for m in names.find(text)
    ]
    assert all(whole[m.start : m.end] == m.surface for m in shifted)


@given(st.text(max_size=30), st.text(max_size=30))
def test_name_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    score = names.name_similarity(a, b)
    assert score == names.name_similarity(b, a)
    assert 0.0 <= score <= 100.0


@given(name_entities(), name_entities())
def test_same_entity_is_symmetric(a: Entity, b: Entity) -> None:
    assert names.same_entity(a, b) == names.same_entity(b, a)
    assert names.same_entity(a, a)


def test_long_runs_of_capitalised_words_are_handled() -> None:
    """100 KB of capitalised words is cut into short runs, read in one pass."""
    found = names.find("Aaa Bbb " * 12000)
    assert all(len(m.surface.split()) <= 8 for m in found)
    assert found


BAD_DATA = [
    {"titles": {"phrases": "President"}},
    {"words": {"stop": [1]}},
    {"transliteration": {"pairs": [["kh"]]}},
    {"organisations": {"Hamas": {"category": 1}}},
    {"organisations": {"Hamas": {"spellings": ["X"]}, "Other": {"spellings": ["X"]}}},
    {"countries": {"Russia": ["Russian"]}},
]


@pytest.mark.parametrize("table", BAD_DATA, ids=str)
def test_bad_data_is_reported(table: dict[str, object]) -> None:
    with pytest.raises(LexiconError, match=r"names\.toml"):
        names.parse("Putin", lexicon=Lexicon(tables={"names": table}))


# -- the fast reading against the word-by-word reading it replaced ------------------------

_SLOW_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’‐-][^\W_]+)*")


def _slow_find(text: str) -> list[Found]:
    """The first implementation of ``names._mentions``: every word of the text in turn."""
    lexicon = default_lexicon()
    data = _data.compiled(lexicon)
    lower_words = set(re.findall(r"(?<![\w’'-])[a-z]+(?![\w’'-])", text))
    out: list[Found] = []
    blocked = [(m.start, m.end) for m in designators.find(text, lexicon=lexicon)]
    for run in _slow_runs(text, data, blocked):
        found = _slow_mention(text, run, data, lambda w: w.lower() in lower_words)
        if found is not None:
            out.append(names._appositive(text, found, data))
    return names._people(out)


def _slow_runs(text: str, data: _data.Names, blocked: list[tuple[int, int]]) -> list[list[Token]]:
    found: list[list[Token]] = []
    run: list[Token] = []
    next_block = 0
    for match in _SLOW_TOKEN.finditer(text):
        word = match.group()
        possessive = len(word) > 2 and word[-2:] in ("'s", "’s")
        end = match.end() - 2 if possessive else match.end()
        token = Token(match.start(), end, word[: end - match.start()], possessive)
        while next_block < len(blocked) and blocked[next_block][1] <= token.start:
            next_block += 1
        if next_block < len(blocked) and blocked[next_block][0] < match.end():
            word = "x"
        joined = run and _slow_joins(text, run[-1], token, data) and not run[-1].possessive
        head, _, tail = word.partition("-") if "-" in word else word.partition("‐")
        particle = word in data.particles or (head in data.particles and tail[:1].isupper())
        inner = word in data.connectors or particle
        capital = _slow_capitalised(word) or (inner and "-" in word)
        if (capital or (inner and run)) and len(run) < 8:
            if not joined and run:
                found.append(run)
                run = []
            if capital or run:
                run.append(token)
            continue
        if run:
            found.append(run)
        run = []
    if run:
        found.append(run)
    return [piece for r in found for piece in _slow_cut(r, data)]


def _slow_cut(run: list[Token], data: _data.Names) -> list[list[Token]]:
    if len(run) > 1 and all(t.word.isupper() for t in run):
        return [
            [t]
            for t in run
            if _data.fold(t.word, data) in data.known or _runs.is_country_word(t.word, data)
        ]
    pieces: list[list[Token]] = [[]]
    for token in run:
        before = pieces[-1][-1].word if pieces[-1] else ""
        if token.word in data.connectors and before not in data.of_words:
            pieces.append([])
            continue
        if token.word in data.stop and before.endswith("."):
            pieces.append([])
        pieces[-1].append(token)
    for piece in pieces:
        while piece and (piece[-1].word in data.connectors or piece[-1].word in data.particles):
            piece.pop()
    return [piece for piece in pieces if piece]


def _slow_capitalised(word: str) -> bool:
    if not word[0].isupper() or any(c.isdigit() for c in word):
        return False
    after = re.split(r"['’]", word)[1:]
    if after and after != ["s"] and not all(part[:1].isupper() for part in after):
        return False
    return all(part[:1].isupper() for part in re.split(r"[-‐]", word))


def _slow_joins(text: str, before: Token, token: Token, data: _data.Names) -> bool:
    gap = text[before.end : token.start]
    if gap in ("' ", "’ ") and before.word.endswith("s"):
        return True
    if gap and not gap.strip(" \t\u00a0"):
        return True
    dotted = before.word in data.abbreviations or (len(before.word) == 1 and before.word.isupper())
    return dotted and gap == ". "


def _slow_mention(
    text: str, run: list[Token], data: _data.Names, used_lower: Callable[[str], bool]
) -> Found | None:
    while run and (run[0].word in data.stop or run[0].word in data.connectors):
        run = run[1:]
    if run and _plans.common_opener(text, run[0], data, used_lower):
        run = run[1:]
    while run and run[-1].word in data.stop:
        run = run[:-1]
    split = _plans.title_split(run, data)
    title, name = run[:split], run[split:]
    if name and designators.variant_key(text[name[0].start : name[-1].end]) in data.weapons:
        return None
    if not title and not any(t.word in data.org_words for t in name):
        while len(name) > 1 and name[0].word.casefold() in data.demonyms:
            name = name[1:]
    words = " ".join(t.word for t in name).casefold()
    if not name or words in data.demonyms or all(t.word.casefold() in data.demonyms for t in name):
        return None
    if len(name) == 1 and len(name[0].word) == 1:
        return None
    if all(_runs.is_country_word(t.word, data) for t in name) and "-" in name[0].word:
        return None
    start, end = name[0].start, name[-1].end
    title_start = title[0].start if title else start
    before = re.search(r"([a-z]+) $", text[max(0, title_start - 30) : title_start])
    if before and before.group(1) in data.lower_titles:
        title_start -= len(before.group(1)) + 1
    title_text = " ".join(text[title_start:start].split())
    entity = _data.entity(text[start:end], title_text, data)
    return start, end, text[start:end], title_start, end, entity


_NEWS_WORDS = st.sampled_from(
    [
        "Putin",
        "The",
        "the",
        "President",
        "al-Assad",
        "al",
        "of",
        "Times",
        "Israel",
        "Israeli",
        "Mr",
        "Gen.",
        "Maj.",
        "F-16",
        "Airbus",
        "A300",
        "Iron",
        "Dome",
        "U.S.",
        "U.S.A.",
        "A.B",
        "xA.B.",
        "Improving",
        "improving",
        "Hezbollah",
        "Workers",
        "Party",
        "ISRAEL",
        "RUSSIA",
        "spokesman",
        "military",
        "Igor",
        "Konashenkov",
        "said",
        "Strait",
        "Hormuz",
        "Jr",
        "III",
        "O'Brien",
        "I'll",
        "Iran-backed",
        "Ben-Shabbat",
        "bin",
        "Ünal",
        "İ",
        "ß",
        "Kremlin",
        "South",
        "Koreans",
        "C",
        "Ministry",
        "Defence",
        "UN",
        "General",
        "Assembly",
        "S-200",
        # words that end a chain of words early, or make it long
        "Airbus A320",
        "F-16s",
        "Aaa",
        "Bbb",
        "al-",
        "of'",
        "Netanyahu's",
        "DON'T",
    ]
)
_NEWS_GAPS = st.sampled_from(
    [" ", " ", " ", "  ", ". ", ", ", "’s ", "' ", "\n", "-", "“", "” ", "; ", "(", "", "–"]
)
_NEWS_TEXT = st.lists(st.tuples(_NEWS_WORDS, _NEWS_GAPS), max_size=30).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@given(st.one_of(st.text(max_size=80), _NAMEISH.map("".join), _NEWS_TEXT))
def test_find_agrees_with_the_word_by_word_reading(text: str) -> None:
    assert _slow_find(text) == names._mentions(text, default_lexicon())


def test_long_runs_of_acronyms_and_hyphens_are_handled() -> None:
    """100 KB of dotted acronyms, hyphens or particles is read in one pass (this finishes)."""
    assert [] == names.find("-" * 100000)
    assert names.find("A.B." * 25000)
    assert names.find("al-Assad " * 11000)
    assert names.find("Aaa. " * 20000)  # one run after another, each opening a sentence
