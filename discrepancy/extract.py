"""Stages 2-3: a source's text -> mentions -> facts with their roles (placeholder)."""

from __future__ import annotations

from discrepancy.lexicon import Lexicon
from discrepancy.model import Fact, Source


def extract(source: Source, *, lexicon: Lexicon) -> list[Fact]:
    """Every fact stated in ``source``."""
    return []
