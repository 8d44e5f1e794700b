"""End to end on generated stories: planted discrepancies are found, clean stories are quiet."""

from __future__ import annotations

from hypothesis import given, settings

from discrepancy import FindingType, audit
from discrepancy.strategies.stories import Story, stories

ACTIONABLE = {FindingType.CONFLICT, FindingType.LIKELY_TYPO, FindingType.COMPATIBLE}


@settings(max_examples=40)
@given(stories())
def test_every_planted_discrepancy_is_found(story: Story) -> None:
    report = audit(story.articles)
    for planted in story.planted:
        assert any(
            f.type == planted.type
            and any(
                e.span.source == planted.source and planted.surface in e.span.surface
                for e in f.evidence
            )
            for f in report.findings
        ), (planted, report.findings)


@settings(max_examples=40)
@given(stories())
def test_nothing_is_reported_that_was_not_planted(story: Story) -> None:
    report = audit(story.articles)
    planted_types = {p.type for p in story.planted}
    for finding in report.findings:
        if finding.type in ACTIONABLE:
            assert finding.type in planted_types, finding
