"""Timing, child-process and table helpers shared by the benchmarks.

Every measurement uses ``time.perf_counter``. ``best_of`` warms nothing up by itself: the
callers run one small warm-up call first (lexicon loading, regex compilation), then time
the real input, repeating it while repeats stay cheap and keeping the best run.
"""

from __future__ import annotations

import dataclasses
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MB = 1_000_000  # sizes are in UTF-8 bytes; MB/s means 10**6 bytes per second


def best_of(fn: Callable[[], object], *, repeat: int = 3, cheap: float = 2.0) -> float:
    """The best wall time of up to ``repeat`` calls of ``fn``; stops once a run is not cheap.

    >>> best_of(lambda: None, repeat=2) >= 0
    True
    """
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        if elapsed > cheap:
            break
    return best


def best_of_both(
    fn: Callable[[], object], *, repeat: int = 3, cheap: float = 2.0
) -> tuple[float, float]:
    """Like ``best_of`` but also the best CPU time of this process (``time.process_time``).

    CPU time is what one core spent, whatever else shares the machine: on a busy
    machine it is the steadier figure.
    """
    wall = cpu = float("inf")
    for _ in range(max(1, repeat)):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        elapsed = time.perf_counter() - start
        wall, cpu = min(wall, elapsed), min(cpu, time.process_time() - start_cpu)
        if elapsed > cheap:
            break
    return wall, cpu


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes): how busy the shared cores were."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def nbytes(text: str) -> int:
    """Size of ``text`` in UTF-8 bytes."""
    return len(text.encode("utf-8"))


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident set size (MB) of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def emit(record: dict[str, Any]) -> None:
    """Print one JSON result line (children report to their parent this way)."""
    print(json.dumps(record), flush=True)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Child:
    """What a child benchmark process reported."""

    records: list[dict[str, Any]]
    killed: bool  # stopped at its time limit
    error: str | None  # the last line of its standard error, when it failed


def run_child(args: Sequence[str], *, timeout: float) -> Child:
    """Run ``python <args>`` from the repository; collect its JSON lines; kill it at ``timeout``.

    The records printed before it ended are kept even when it is killed or fails.
    """
    cmd = [sys.executable, *args]
    with subprocess.Popen(
        cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        killed = False
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            killed = True
    records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    lines = [line for line in err.splitlines() if line.strip()]
    failed = proc.returncode != 0 and not killed
    return Child(records=records, killed=killed, error=lines[-1] if failed and lines else None)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table, columns padded so it also reads well in a terminal.

    >>> print(table(["a", "bb"], [[1, 2.5]]))
    | a | bb  |
    | - | --- |
    | 1 | 2.5 |
    """
    cells = [[str(h) for h in headers], *[[_cell(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in cells
    ]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        if value == 0 or abs(value) >= 100:
            return f"{value:.0f}"
        if abs(value) >= 1:
            return f"{value:.2f}"
        return f"{value:.3g}"
    return str(value)


def heading(title: str) -> None:
    """Print a section heading."""
    print(f"\n## {title}\n\n({load()})\n", flush=True)
