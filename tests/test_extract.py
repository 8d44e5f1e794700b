"""Facts and their roles: the words around a value say which question it answers.

Add a row to ROLES for every mis-attached value found in the wild (bugs become rows).
"""

from __future__ import annotations

import datetime as dt

import pytest

from discrepancy import Source, default_lexicon
from discrepancy.extract import extract

ROLES = [
    ("All 15 crew members were killed.", "All 15", "people killed"),
    ("Fifteen Russian military service members died on board.", "Fifteen", "people killed"),
    ("A plane with 15 people onboard was shot down.", "15", "people aboard"),
    ("A strike killed 40 civilians and wounded 12 children.", "12", "people injured"),
    ("Israel has carried out more than 200 attacks in Syria.", "more than 200", "strikes"),
    ("Reports credit Israel with hundreds of strikes in Syria.", "hundreds", "strikes"),
    (
        "The warning came less than a minute before the strike.",
        "less than a minute",
        "warning time",
    ),
    ("They were given only a one-minute warning.", "one-minute", "warning time"),
    ("The ship sank 22 miles off the coast.", "22 miles", "distance off the coast"),
    ("The village lies 5 km from the border.", "5 km", "distance from the border"),
]
ROLES_BUGS_CAUGHT = [
    # the verb right before a number governs it, not a nearer one after its noun
    (
        "The quake hit, killing more than 4,300 people and injuring thousands.",
        "more than 4,300",
        "people killed",
    ),
    # a count never reaches across a preposition to a noun that is not its own
    ("It was hit on September 17 after Israeli missiles struck.", "17", None),
    # a possessive date dates the noun it qualifies
    ("Over last week's loss of a plane, tension rose.", "last week", None),
]


def _roles(text: str, published: dt.date | None = None) -> dict[str, str]:
    source = Source(id="t", text=text, published=published)
    return {f.span.surface: f.role for f in extract(source, lexicon=default_lexicon())}


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [*ROLES, *ROLES_BUGS_CAUGHT],
    ids=[r[0] for r in ROLES + ROLES_BUGS_CAUGHT],
)
def test_role(text: str, surface: str, role: str | None) -> None:
    assert role == (_roles(text).get(surface) or None)


DATES = [
    ("The plane was shot down on Monday evening.", "Monday evening", "attack date"),
    ("Late on Monday, September 17, the jet was shot down.", "Monday, September 17", "attack date"),
    ("Moscow intervened in the conflict in 2015.", "2015", "intervention date (Moscow)"),
    ("Norkin traveled to Moscow on September 20.", "September 20", "travel date (Norkin)"),
    ("The ministry said on Tuesday that it would respond.", "Tuesday", ""),
    ("Soviet 1960's era air defenses were used.", "1960's", ""),
]


@pytest.mark.parametrize(("text", "surface", "role"), DATES, ids=[d[0] for d in DATES])
def test_date_role(text: str, surface: str, role: str) -> None:
    roles = _roles(text, published=dt.date(2018, 9, 18))
    assert role == roles.get(surface, "")


def test_a_negated_warning_is_a_zero_warning() -> None:
    source = Source(id="t", text="Israel had not warned the Russian military about the raid.")
    facts = [f for f in extract(source, lexicon=default_lexicon()) if f.role == "warning time"]
    assert [(f.span.surface, str(f.value)) for f in facts] == [("not warned", "0 second")]


ATTRIBUTION = [
    ("The Russian defence ministry said 15 people died.", "Russian defence ministry"),
    ("According to the AP, 15 people died.", "AP"),
    ("Igor Konashenkov said 15 people died.", "Igor Konashenkov"),
    ("He said 15 people died.", ""),
]


@pytest.mark.parametrize(("text", "who"), ATTRIBUTION, ids=[a[0] for a in ATTRIBUTION])
def test_attribution(text: str, who: str) -> None:
    source = Source(id="t", text=text)
    facts = [f for f in extract(source, lexicon=default_lexicon()) if f.kind == "count"]
    assert [who] == [f.attribution for f in facts]


def test_sub_groups_are_kept_apart() -> None:
    source = Source(id="t", text="The plane carried 150 passengers and six crew members.")
    facts = [f for f in extract(source, lexicon=default_lexicon()) if f.kind == "count"]
    assert [(f.span.surface, f.role, f.subject) for f in facts] == [
        ("150", "people aboard", "passengers"),
        ("six", "people aboard", "crew"),
    ]


def test_a_count_limited_to_a_country_is_a_part() -> None:
    text = "Officials said 2,921 people had died in Turkey alone and 711 in Syria."
    facts = extract(Source(id="t", text=text), lexicon=default_lexicon())
    assert [(f.span.surface, f.subject) for f in facts if f.kind == "count"][:1] == [
        ("2,921", "in Turkey")
    ]


def test_a_dateline_prefix_is_not_read_as_facts_and_offsets_stay_file_offsets() -> None:
    text = " date 2018-09-18 All 15 crew members were killed on Monday."
    source = Source(id="t", text=text, published=dt.date(2018, 9, 18), body_start=17)
    facts = extract(source, lexicon=default_lexicon())
    assert facts
    for fact in facts:
        assert fact.span.start >= 17
        assert text[fact.span.start : fact.span.end] == fact.span.surface


def test_a_toll_named_before_its_number() -> None:
    text = "The death toll rose overnight to 95, officials said."
    facts = extract(Source(id="t", text=text), lexicon=default_lexicon())
    assert [(f.span.surface, f.role) for f in facts if f.kind == "count"] == [
        ("95", "people killed")
    ]


def test_a_date_that_names_a_noun_dates_no_event() -> None:
    text = "The base was struck a year after a 2022 strike on it."
    roles = _roles(text, published=dt.date(2024, 6, 2))
    assert roles.get("2022", "") == ""


def test_an_event_after_the_noun_beats_one_before_the_number() -> None:
    """Bug: '54 people were arrested and 12 police officers were hurt' counted 12 arrests."""
    text = "At least 54 people were arrested and 12 police officers were hurt, he said."
    roles = _roles(text)
    assert roles["12"] == "people injured"
    assert roles["At least 54"] == "people arrested"


def test_a_count_of_designated_things_is_counted_by_their_category() -> None:
    """Bug: 'four Israeli F-16 fighters' was a count of people (fighters as militants)."""
    source = Source(id="t", text="Around that time four Israeli F-16 fighters attacked targets.")
    facts = [f for f in extract(source, lexicon=default_lexicon()) if f.kind == "count"]
    assert [(f.span.surface, f.role) for f in facts] == [("four", "fighter aircraft count")]
