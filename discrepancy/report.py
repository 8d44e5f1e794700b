"""Stage 6: render a report (placeholder)."""

from __future__ import annotations

import json

from discrepancy.model import Report


def render(report: Report, *, format: str = "text") -> str:
    """The report as text."""
    return json.dumps({"schema": report.schema, "findings": []})
