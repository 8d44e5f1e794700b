"""Hypothesis strategies for whole ``Report`` objects, for testing the renderers.

The texts are drawn with the characters that break naive renderers (``<``, ``&``, quotes,
Markdown markup, ``|``, line breaks) mixed in; every evidence span and single-source fact
slices its source's text back to its surface, and spans may overlap.
"""

from __future__ import annotations

import functools
from typing import Any

from hypothesis import strategies as st

from discrepancy.model import Evidence, Fact, Finding, FindingType, Interval, Report, Source, Span

__all__ = ["nasty_texts", "reports"]

_LETTERS = "abcXYZ 0129.,-éß—“”’ðŸ😀"
_NASTY = [*"<>&\"'*_|`#[]\\~!\n\r\t ", "<script>", "</div>", "&amp;", "-->", "**"]


@functools.cache
def nasty_texts(*, min_size: int = 0, max_size: int = 60) -> st.SearchStrategy[str]:
    """Text mixing letters, digits, non-ASCII and markup characters.

    >>> isinstance(nasty_texts().example(), str)
    True
    """
    pieces = st.one_of(
        st.sampled_from(_NASTY),
        st.text(_LETTERS, min_size=1, max_size=6),
    )
    joined = st.lists(pieces, min_size=min_size, max_size=max(1, max_size // 3)).map("".join)
    cut = joined.map(lambda s: s[:max_size])
    return cut.filter(lambda s: len(s) >= min_size) if min_size else cut


@st.composite
def _span(draw: Any, source: Source) -> Span:
    start = draw(st.integers(min_value=0, max_value=len(source.text)))
    end = draw(st.integers(min_value=start, max_value=len(source.text)))
    return Span(source=source.id, start=start, end=end, surface=source.text[start:end])


@st.composite
def _finding(draw: Any, sources: tuple[Source, ...], number: int) -> Finding:
    chosen = draw(st.lists(st.sampled_from(sources), min_size=1, max_size=3))
    evidence = tuple(
        Evidence(span=draw(_span(s)), value=draw(nasty_texts(max_size=10))) for s in chosen
    )
    return Finding(
        id=f"f{number}-{draw(st.sampled_from(['a', '<b>', 'x&y']))}",
        type=draw(st.sampled_from(FindingType)),
        score=draw(st.floats(min_value=0, max_value=1)),
        slot=draw(nasty_texts(max_size=12)),
        kind=draw(st.sampled_from(["count", "designator", "text"])),
        evidence=evidence,
        explanation=draw(nasty_texts(max_size=20)),
        suggestion=draw(st.none() | nasty_texts(min_size=1, max_size=10)),
    )


@st.composite
def reports(draw: Any, *, max_sources: int = 3, max_findings: int = 4) -> Report:
    """Reports over 1 to ``max_sources`` sources with up to ``max_findings`` findings.

    >>> isinstance(reports().example(), Report)
    True
    """
    ids = draw(
        st.lists(nasty_texts(min_size=1, max_size=8), min_size=1, max_size=max_sources, unique=True)
    )
    sources = tuple(Source(id=i, text=draw(nasty_texts(max_size=60))) for i in sorted(ids))
    count = draw(st.integers(min_value=0, max_value=max_findings))
    findings = tuple(draw(_finding(sources, n)) for n in range(count))
    single = tuple(
        Fact(span=draw(_span(s)), kind="count", value=Interval(low=n, high=n), role="people")
        for n, s in enumerate(draw(st.lists(st.sampled_from(sources), max_size=2)))
    )
    return Report(sources=sources, slots=(), findings=findings, single_source=single)
