"""Stage 5: a slot -> findings (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

from discrepancy.lexicon import Lexicon
from discrepancy.model import Finding, Slot, Source


def compare(slot: Slot, *, sources: Sequence[Source], lexicon: Lexicon) -> list[Finding]:
    """The findings one slot gives."""
    return []
