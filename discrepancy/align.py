"""Stage 4: facts -> slots (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

from discrepancy.lexicon import Lexicon
from discrepancy.model import Fact, Slot


def align(facts: Sequence[Fact], *, lexicon: Lexicon) -> tuple[list[Slot], list[Fact]]:
    """Group facts answering one question; return the slots and the single-source facts."""
    return [], list(facts)
