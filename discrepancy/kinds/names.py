"""People and organisations: canonical and variant keys, titles kept apart (placeholder)."""

from __future__ import annotations

from discrepancy.lexicon import Lexicon
from discrepancy.model import Entity, Mention


def find(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Every name mention in ``text``."""
    return []


def parse(text: str, *, lexicon: Lexicon | None = None) -> Entity | None:
    """One surface to its name entity, ``None`` on junk."""
    return None
