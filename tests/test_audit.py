"""The whole audit: any text goes through, spans slice back, order and workers change nothing."""

from __future__ import annotations

import gc

from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy import FindingType, Report, Source, audit, render

from .conftest import SEEDS

any_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]),  # every code point but surrogates
    max_size=400,
)
news_words = st.lists(
    st.sampled_from(
        [
            "15",
            "people",
            "were",
            "killed",
            "Fifteen",
            "over",
            "200",
            "airstrikes",
            "S-200",
            "A-200",
            "Il-20",
            "Monday",
            "September",
            "17",
            ",",
            ".",
            "\u200f",
            "\U0001f600",
            "less",
            "than",
            "a",
            "minute",
            "warning",
            "Hezbollah",
            "Hizbullah",
            "the",
            "the",
            "President",
            "Vladimir",
            "Putin",
            "said",
            "\n",
            "\x00",
            "—",
            "“",
            "”",
            "’s",
        ]
    ),
    max_size=60,
).map(" ".join)


def _spans_slice_back(report: Report) -> None:
    texts = {s.id: s.text for s in report.sources}
    spans = [e.span for f in report.findings for e in f.evidence]
    spans += [f.span for s in report.slots for f in s.facts] + [
        f.span for f in report.single_source
    ]
    for span in spans:
        assert texts[span.source][span.start : span.end] == span.surface


@settings(max_examples=40)
@given(st.lists(any_text | news_words, min_size=1, max_size=4))
def test_any_text_goes_through_and_every_span_slices_back(texts: list[str]) -> None:
    report = audit([Source(id=f"s{i}", text=t) for i, t in enumerate(texts)])
    _spans_slice_back(report)
    for finding in report.findings:
        assert 0.0 <= finding.score <= 1.0
        assert finding.explanation


@settings(max_examples=4)
@given(st.permutations(sorted(SEEDS.iterdir())))
def test_the_report_does_not_depend_on_the_order_of_sources(paths: list[object]) -> None:
    from discrepancy import load_corpus

    sources = load_corpus(paths)  # type: ignore[arg-type]
    expected = render(audit(load_corpus([SEEDS])), format="json")
    assert expected == render(audit(list(reversed(sources))), format="json")


def test_an_article_audited_against_its_copy_has_nothing_to_disagree_about() -> None:
    text = (SEEDS / "001_a331eced11eb70ce.txt").read_text(encoding="utf-8")
    report = audit([Source(id="a", text=text), Source(id="b", text=text)])
    assert not report.by_type(FindingType.CONFLICT)
    assert not report.by_type(FindingType.COMPATIBLE)


def test_worker_processes_give_the_same_report() -> None:
    texts = [
        "Rescuers said {n} people died when the ferry capsized on Monday.",
        "An S-{n}00 missile hit the convoy; over {n}0 airstrikes followed.",
        "Officials said {n} people were injured, the the ministry said.",
    ]
    sources = [Source(id=f"s{i:03}", text=texts[i % 3].format(n=i % 7 + 2)) for i in range(70)]
    assert render(audit(sources, jobs=1), format="json") == render(
        audit(sources, jobs=2), format="json"
    )


def test_progress_is_reported_per_source() -> None:
    calls: list[tuple[int, int]] = []
    audit(
        [Source(id="a", text="One."), Source(id="b", text="Two.")],
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls == [(1, 2), (2, 2)]


def test_a_large_slot_quotes_a_sample_and_counts_the_rest() -> None:
    texts = [
        f"Officials in town {i} said 21 people died when the ferry capsized." for i in range(60)
    ]
    texts.append("Local radio said 12 people died when the ferry capsized.")
    report = audit([Source(id=f"s{i:03}", text=t) for i, t in enumerate(texts)])
    (typo,) = report.by_type(FindingType.LIKELY_TYPO)
    assert typo.suggestion == "21"
    assert 2 <= len(typo.evidence) <= 12
    (agreement,) = report.by_type(FindingType.CONSISTENT)
    assert len(agreement.evidence) == 10
    assert "60 sources agree" in agreement.explanation


def test_checks_taken_per_source_give_what_the_whole_corpus_gives() -> None:
    """Workers check each article alone; the findings are those of checking all at once."""
    from discrepancy import checks, extract, load_corpus
    from discrepancy.lexicon import default_lexicon

    lexicon = default_lexicon()
    sources = load_corpus([SEEDS])
    per_source = [extract.extract(s, lexicon=lexicon) for s in sources]
    facts = [f for found in per_source for f in found]
    done = [
        checks.check_source(s, found, lexicon=lexicon)
        for s, found in zip(sources, per_source, strict=True)
    ]
    whole = checks.check(sources, facts, lexicon=lexicon)
    assert whole  # the seeds have slips of their own
    assert checks.check(sources, facts, lexicon=lexicon, done=done) == whole


def test_a_part_larger_than_many_wholes_quotes_a_sample_of_them() -> None:
    texts = [f"Officials in town {i} said 21 people died in the crash." for i in range(70)]
    texts += [f"Radio {i} said 40 crew died in the crash, and 60 people died." for i in range(3)]
    report = audit([Source(id=f"s{i:03}", text=t) for i, t in enumerate(texts)])
    parts = [f for f in report.findings if "cannot exceed" in f.explanation]
    assert parts
    for found in parts:
        assert "70 sources: 70 say 21" in found.explanation
        assert len(found.evidence) <= 11


def test_a_finding_quotes_repeated_facts_once_whatever_the_slot_size() -> None:
    """A fact repeated in the evidence list is quoted once, in a small or a large finding."""
    from discrepancy.findings import Context, distinct, finding, sample
    from discrepancy.lexicon import default_lexicon
    from discrepancy.model import Fact, Interval, Slot, Span

    def fact(source: str, n: int) -> Fact:
        span = Span(source=source, start=0, end=2, surface=str(n))
        return Fact(span=span, kind="count", value=Interval(low=n, high=n), role="killed")

    context = Context.of([], default_lexicon())
    for count in (3, 60):
        facts = [fact(f"s{i:03}", 20 + i % 3) for i in range(count)]
        slot = Slot(key="count:killed", label="killed", kind="count", facts=tuple(facts))
        again = [fact(f"s{i:03}", 20 + i % 3) for i in range(count)]  # equal, not the same
        repeated = [*facts, *again[::-1]]
        quoted = finding(FindingType.CONSISTENT, slot, repeated, "x", score=1, context=context)
        once = finding(FindingType.CONSISTENT, slot, facts, "x", score=1, context=context)
        assert quoted == once
        spans = [e.span for e in quoted.evidence]
        assert len(spans) == len(set(spans)) == len(sample(distinct(repeated)))


def test_the_cycle_collector_is_left_as_it_was() -> None:
    sources = [Source(id="a", text="15 people died."), Source(id="b", text="16 people died.")]
    audit(sources)
    assert gc.isenabled()
    gc.disable()
    try:
        audit(sources)
        assert not gc.isenabled()
    finally:
        gc.enable()
