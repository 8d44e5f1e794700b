"""Public Hypothesis strategies for ``discrepancy`` values and their phrasings.

Install with ``pip install 'discrepancy[hypothesis]'``. The strategies live in one module
per kind (``quantities``, ``units``, ``dates``, ``entities``); the Hypothesis entry point
registers them for ``st.from_type`` when Hypothesis is imported.
"""

from __future__ import annotations

import importlib


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each value type (called by Hypothesis' entry point)."""
    from hypothesis import strategies as st

    from discrepancy.model import DateInterval, Entity, Interval

    for module, name, kind in (
        ("quantities", "amounts", Interval),
        ("dates", "dates", DateInterval),
        ("entities", "designators", Entity),
    ):
        try:
            strategies = importlib.import_module(f"discrepancy.strategies.{module}")
        except ImportError:  # pragma: no cover - a kind without strategies yet
            continue
        factory = getattr(strategies, name, None)
        if factory is not None:
            st.register_type_strategy(kind, factory())
