"""Within-article checks (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

from discrepancy.lexicon import Lexicon
from discrepancy.model import Fact, Finding, Source


def check(sources: Sequence[Source], facts: Sequence[Fact], *, lexicon: Lexicon) -> list[Finding]:
    """Findings that one article gives on its own."""
    return []
