"""Weapon, aircraft, flight and model codes: S-200, Buk-M1, Il-20, A320-200 (placeholder)."""

from __future__ import annotations

from discrepancy.lexicon import Lexicon
from discrepancy.model import Entity, Mention


def find(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Every designator mention in ``text``."""
    return []


def parse(text: str, *, lexicon: Lexicon | None = None) -> Entity | None:
    """One surface to its designator entity, ``None`` on junk."""
    return None
