"""Hostile text: time grows with size about linearly, or which call does not.

Each case is a generator of ``size`` characters of one kind of hostile text (digits and
commas, hyphens, capitalised words, "more than more than", "S-200 S-200" codes, one long
sentence without punctuation, plus a few more that stress the sentence splitter, number
words and date words). ``find_quantities``, ``find_dates`` and a full ``audit`` of one
``Source`` are timed on 10 KB, 100 KB and 1 MB of it; the growth factor per x10 step is
~10 when linear (a little more is noise and cache effects; ~100 is quadratic). Times are
CPU seconds of the process (steadier than wall time on a shared machine).

Each case and call runs in its own child process (``python benchmarks/adversarial.py CASE
--call NAME``) so that a pathological one can be stopped; a size whose run is projected
(from the growth seen so far) to exceed the budget is skipped and reported as such.
``--profile`` prints a cProfile of each call instead of timing it, to find the regex or
loop that is super-linear.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import pstats
import random
import re
import sys
import time
from collections.abc import Callable
from typing import Any

from corpus import seed_bodies
from timing import best_of_both, emit, heading, run_child, table

import discrepancy

QUADRATIC = 30.0  # a x10 step growing by more than this is flagged super-linear

_CAPITALISED = ("Alder", "Brook", "Calder", "Dunmore", "Elgin", "Farrow", "Glenn", "Harlow")


def _repeat(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return make


def _capitalised(size: int) -> str:
    rng = random.Random(7)
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(rng.choice(_CAPITALISED))
        total += len(parts[-1]) + 1
    return " ".join(parts)[:size]


def _one_sentence(size: int) -> str:
    body = " ".join(seed_bodies())
    flat = re.sub(r"\s+", " ", re.sub(r"[.!?;:,\"“”‘’()]", "", body)) + " "
    return _repeat(flat)(size)


CASES: dict[str, Callable[[int], str]] = {
    "digits_commas": _repeat("9,876,543,210,"),
    "hyphens": _repeat("-"),
    "capitalised_words": _capitalised,
    "more_than": _repeat("more than "),
    "codes_S-200": _repeat("S-200 "),
    "one_long_sentence": _one_sentence,
    "abbreviations": _repeat("Maj. Gen. Dr. Mr. "),
    "number_words": _repeat("twenty one hundred thousand and "),
    "date_words": _repeat("Monday September 17 "),
}


def _calls() -> dict[str, Callable[[str], object]]:
    return {
        "find_quantities": discrepancy.find_quantities,
        "find_dates": discrepancy.find_dates,
        "audit": lambda text: discrepancy.audit([discrepancy.Source(id="x", text=text)]),
    }


def measure(case: str, call: str, sizes: list[int], *, budget: float) -> None:
    """Time ``call`` on ``sizes`` of ``case``, printing a JSON line per measurement.

    A first, unreported measurement at a tenth of the smallest size gives the growth
    factor; a size whose projected time (previous time x that factor) exceeds ``budget``
    is skipped.
    """
    make = CASES[case]
    fn = _calls()[call]
    fn(make(1_000))  # warm-up: lexicon, regexes
    small = max(100, sizes[0] // 10)
    prev_size, prev_s = small, best_of_both(lambda: fn(make(small)), repeat=3, cheap=0.5)[1]
    growth = 1.0
    for size in sizes:
        record: dict[str, Any] = {"case": case, "size": size, "call": call}
        projected = prev_s * max(size / prev_size, growth)
        if projected > budget:
            emit({**record, "skipped": projected, "growth": growth})
            return
        text = make(size)
        wall, cpu = best_of_both(lambda text=text: fn(text), repeat=3, cheap=0.5)
        growth = max(1.0, cpu / max(prev_s, 1e-4))
        prev_size, prev_s = size, cpu
        emit({**record, "seconds": cpu, "wall": wall})


def profile(case: str, sizes: list[int], *, only: str | None = None, limit: int = 20) -> None:
    """Print a cProfile (by own time) of every call (or ``only``) on ``sizes`` of ``case``."""
    make = CASES[case]
    calls = {k: v for k, v in _calls().items() if only in (None, k)}
    for fn in calls.values():
        fn(make(1_000))
    for size in sizes:
        text = make(size)
        for name, fn in calls.items():
            prof = cProfile.Profile()
            start = time.perf_counter()
            prof.runcall(fn, text)
            took = time.perf_counter() - start
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(limit)
            print(f"### {case} {size} bytes: {name} ({took:.2f} s)", file=sys.stderr)
            print(out.getvalue(), file=sys.stderr)


def run(*, quick: bool, budget: float, cases: list[str] | None = None) -> list[dict[str, Any]]:
    """Print the adversarial table (one child per case and call; per case with ``quick``)."""
    sizes = [300, 3_000] if quick else [10_000, 100_000, 1_000_000]
    heading("Adversarial inputs: CPU seconds per call (best of up to 3), growth per x10")
    records: list[dict[str, Any]] = []
    calls: list[str | None] = [None] if quick else list(_calls())  # None: all in one child
    for case in cases or list(CASES):
        for call in calls:
            args = ["benchmarks/adversarial.py", case, "--budget", str(budget)]
            args += ["--call", call] if call else []
            child = run_child([*args, "--sizes", ",".join(map(str, sizes))], timeout=budget * 3)
            records.extend(child.records)
            if child.killed or child.error or not child.records:
                why = child.error or f"stopped after {budget * 3:.0f} s"
                records.append({"case": case, "call": call, "error": why})
            done = child.error or ("stopped" if child.killed else "done")
            print(f"  {case} {call or ''}: {done}", flush=True)
    print()
    print(_table(records, sizes))
    for r in records:
        if "error" in r:
            print(f"\n{r['case']} {r['call']}: {r['error']}")
    return records


def _table(records: list[dict[str, Any]], sizes: list[int]) -> str:
    names = [_size(s) for s in sizes]
    steps = [f"{a}->{b}" for a, b in itertools.pairwise(names)]
    headers = ["case", "call", *names, *steps, "verdict"]
    rows: list[list[object]] = []
    for case in dict.fromkeys(r["case"] for r in records):
        for call in _calls():
            mine = [r for r in records if r["case"] == case and r.get("call") == call]
            got = {r["size"]: r for r in mine if "size" in r}
            secs = [got.get(s, {}).get("seconds") for s in sizes]
            cells = [_seconds(got.get(s)) for s in sizes]
            growth = [b / a if a and b else None for a, b in itertools.pairwise(secs)]
            verdict = _verdict(mine, growth)
            rows.append([case, call, *cells, *[_growth(g) for g in growth], verdict])
    return table(headers, rows)


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB"
    return f"{size / 1000:g} KB"


def _seconds(record: dict[str, Any] | None) -> str:
    if record is None:
        return "-"
    if "skipped" in record:
        return f"skip (~{record['skipped']:.0f} s)"
    return f"{record['seconds']:.4f}"


def _growth(g: float | None) -> str:
    return "" if g is None else f"{g:.1f}"


def _verdict(mine: list[dict[str, Any]], growth: list[float | None]) -> str:
    """SUPER-LINEAR when a x10 step (measured, or the one that led to a skip) grew > 30x."""
    seen = [g for g in growth if g] + [r["growth"] for r in mine if "skipped" in r]
    if any(g > QUADRATIC for g in seen):
        return f"SUPER-LINEAR (x{max(seen):.0f})"
    if any("error" in r for r in mine):
        return "stopped"
    if any("skipped" in r for r in mine):
        return "skipped (slow)"
    return "linear" if all(g is not None for g in growth) else "incomplete"


def main() -> None:
    """Child entry point: one case, JSON lines on standard output."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("case", choices=sorted(CASES))
    parser.add_argument("--call", choices=sorted(_calls()), help="one call (default: all)")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per call at most")
    parser.add_argument("--profile", action="store_true", help="cProfile each call instead")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.profile:
        profile(args.case, sizes, only=args.call)
    else:
        for call in [args.call] if args.call else list(_calls()):
            measure(args.case, call, sizes, budget=args.budget)


if __name__ == "__main__":
    main()
