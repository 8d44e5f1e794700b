"""Run the speed and scale benchmarks and print their tables (Markdown).

    python benchmarks/run.py                 # everything, full sizes (several minutes)
    python benchmarks/run.py --quick         # small sizes, under a minute
    python benchmarks/run.py --only scale    # one benchmark: throughput, scale, adversarial
    python benchmarks/run.py --only adversarial --cases hyphens,more_than

Figures are wall-clock times on whatever machine runs this; they are noisy when other
work shares the cores. See benchmarks/README.md for the measured tables.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import time

import adversarial
import scale
import throughput

NAMES = ("throughput", "scale", "adversarial")


def main() -> None:
    """Parse the command line and run the chosen benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (< 1 minute)")
    parser.add_argument("--only", choices=NAMES, action="append", help="run only these")
    parser.add_argument("--jobs", type=int, default=2, help="audit worker processes (scale)")
    parser.add_argument("--cases", help="comma-separated adversarial cases (default: all)")
    parser.add_argument(
        "--budget", type=float, help="seconds one measurement may take (default 10 quick, 120)"
    )
    args = parser.parse_args()
    budget = args.budget or (10.0 if args.quick else 120.0)
    chosen = args.only or list(NAMES)
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"# discrepancy benchmarks{' (--quick)' if args.quick else ''}")
    print(f"\n{now}, Python {platform.python_version()}, {os.cpu_count()} cores")
    start = time.perf_counter()
    if "throughput" in chosen:
        throughput.run(quick=args.quick, budget=budget)
    if "scale" in chosen:
        scale.run(quick=args.quick, jobs=args.jobs, timeout=budget * 5)
    if "adversarial" in chosen:
        cases = args.cases.split(",") if args.cases else None
        adversarial.run(quick=args.quick, budget=budget / 4, cases=cases)
    print(f"\n(total {time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
