"""Scale: a full ``audit`` of a generated corpus of 100 / 1,000 / 10,000 articles.

Each size runs in a fresh child process (``python benchmarks/scale.py N``) so that its peak
RSS is its own and a run that is too slow can be stopped. The child prints one JSON line:
generation time (not counted), audit wall time, findings, and peak RSS of itself and of
its largest worker (``resource.getrusage``), and the time spent in each of the audit's
stages (extraction, copy detection, alignment, comparison, per-article checks).

Targets: 10,000 articles in <= 20 s wall with ``jobs=2``, peak RSS <= 1 GB.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import math
import pstats
import resource
import sys
import time
from collections import Counter
from typing import Any

from corpus import corpus_bytes, generated_corpus
from timing import emit, heading, peak_rss_mb, run_child, table

import discrepancy

TARGET_ARTICLES = 10_000
TARGET_SECONDS = 20.0
TARGET_RSS_MB = 1024.0


# The audit's stages, as (module, attribute) looked up when ``audit`` runs; each is wrapped
# in a timer so that one run gives the total and its breakdown. A stage missing from the
# current code is left out; time outside them is reported as "other".
STAGES = (
    ("", "extract_all"),  # "": the module that defines ``discrepancy.audit``
    ("", "find_copies"),
    ("discrepancy.align", "align"),
    ("discrepancy.compare", "compare"),
    ("discrepancy.checks", "check"),
)


def _timed_stages() -> dict[str, float]:
    """Wrap every stage in ``STAGES`` with a timer; the returned dict fills as they run."""
    spent: dict[str, float] = {}
    for module_name, attr in STAGES:
        module = importlib.import_module(module_name or discrepancy.audit.__module__)
        fn = getattr(module, attr, None)
        if not callable(fn):
            continue
        spent[attr] = 0.0

        def timed(*args: Any, _fn: Any = fn, _name: str = attr, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return _fn(*args, **kwargs)
            finally:
                spent[_name] += time.perf_counter() - start

        setattr(module, attr, timed)
    return spent


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the audit's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure(n: int, *, jobs: int) -> dict[str, Any]:
    """Generate ``n`` articles and audit them; the figures as a JSON-able dict."""
    start = time.perf_counter()
    sources = generated_corpus(n)
    generated = time.perf_counter() - start
    discrepancy.audit(generated_corpus(3), jobs=1)  # warm-up: lexicon, regexes, pint
    spent = _timed_stages()
    cpu_before = _cpu()
    start = time.perf_counter()
    report = discrepancy.audit(sources, jobs=jobs)
    seconds = time.perf_counter() - start
    cpu = _cpu() - cpu_before
    own, workers = peak_rss_mb()
    kinds = Counter(f.type.value for f in report.findings)
    return {
        "articles": n,
        "mb": corpus_bytes(sources) / 1e6,
        "generate_s": generated,
        "audit_s": seconds,
        "cpu_s": cpu,
        "stages": {**spent, "other": seconds - sum(spent.values())},
        "findings": len(report.findings),
        "by_type": dict(sorted(kinds.items())),
        "slots": len(report.slots),
        "largest_slot": max((len(s.facts) for s in report.slots), default=0),
        "rss_mb": own,
        "worker_rss_mb": workers,
    }


def run(*, quick: bool, jobs: int, timeout: float) -> list[dict[str, Any]]:
    """Print the scaling table (one child per size) and the stage breakdown."""
    heading(f"Scale: audit of generated articles, jobs={jobs}")
    sizes = [10, 70] if quick else [100, 1_000, 10_000]
    results: list[dict[str, Any]] = []
    rows: list[list[object]] = []
    for n in sizes:
        guess = sum(project(results, n).values()) if len(results) >= 2 else 0.0
        if guess > timeout:
            rows.append([n, "", f"skipped: ~{guess:.0f} projected", "", "", "", "", ""])
            print(f"  {n} articles: skipped, ~{guess:.0f} s projected (> {timeout:.0f} s)")
            break
        child = run_child(["benchmarks/scale.py", str(n), "--jobs", str(jobs)], timeout=timeout)
        if not child.records:
            why = f"> {timeout:.0f} (stopped)" if child.killed else f"failed: {child.error}"
            rows.append([n, "", why, "", "", "", "", ""])
            print(f"  {n} articles: {why}", flush=True)
            break
        r = child.records[0]
        results.append(r)
        per = r["audit_s"] / n * 1000
        print(f"  {n} articles: {r['audit_s']:.2f} s, {r['findings']} findings", flush=True)
        rss = f"{r['rss_mb']:.0f} / {r['worker_rss_mb']:.0f}"
        row = [n, f"{r['mb']:.2f}", r["audit_s"], r["cpu_s"], per, r["findings"], r["slots"]]
        rows.append([*row, rss])
    print()
    headers = ["articles", "MB", "wall s", "CPU s", "ms/article", "findings", "slots"]
    headers.append("peak RSS MB")
    print(table(headers, rows))
    print("\nwall s: the audit's wall time (the target); CPU s: main process + workers;")
    print("ms/article: wall; peak RSS MB: main process / largest worker (getrusage ru_maxrss)")
    if results:
        print(f"findings by type ({results[-1]['articles']} articles): {results[-1]['by_type']}")
    _verdict(results, sizes[-1])
    _breakdown(results, sizes[-1])
    return results


def project(results: list[dict[str, Any]], n: int) -> dict[str, float]:
    """Each stage's seconds at ``n`` articles, extrapolated from the two largest runs.

    A stage that took t1 at n1 and t2 at n2 grows as n**k with k = log(t2/t1)/log(n2/n1)
    (k ~ 1 linear, ~ 2 quadratic); stages under 0.05 s are taken as linear.
    """
    a, b = results[-2], results[-1]
    out: dict[str, float] = {}
    for name, t2 in b["stages"].items():
        t1 = a["stages"].get(name, 0.0)
        k = 1.0
        if t1 > 0.05 and t2 > 0.05:
            k = max(1.0, math.log(t2 / t1) / math.log(b["articles"] / a["articles"]))
        out[name] = max(t2, 0.0) * (n / b["articles"]) ** k
    return out


def _verdict(results: list[dict[str, Any]], largest: int) -> None:
    if largest != TARGET_ARTICLES:
        print(f"(the targets are for {TARGET_ARTICLES} articles: run without --quick)")
        return
    last = results[-1] if results else None
    if last is None or last["articles"] != largest:
        print(f"target ({largest} articles <= {TARGET_SECONDS:.0f} s): NOT met (did not finish)")
        return
    secs = last["audit_s"]
    rss = max(last["rss_mb"], last["worker_rss_mb"])
    ok_t = "met" if secs <= TARGET_SECONDS else "NOT met"
    ok_m = "met" if rss <= TARGET_RSS_MB else "NOT met"
    print(f"target {largest} articles <= {TARGET_SECONDS:.0f} s: {ok_t} ({secs:.1f} s)")
    print(f"target peak RSS <= {TARGET_RSS_MB:.0f} MB: {ok_m} ({rss:.0f} MB)")


def _breakdown(results: list[dict[str, Any]], largest: int) -> None:
    """Seconds per audit stage for every size (the stages' own timers), and a projection."""
    if not results:
        return
    stages = list(results[0]["stages"])
    rows = [
        [name, *[f"{r['stages'].get(name, 0):.2f} ({_share(r, name)})" for r in results]]
        for name in stages
    ]
    rows.append(["largest slot (facts)", *[r["largest_slot"] for r in results]])
    headers = ["stage", *[f"{r['articles']} articles" for r in results]]
    if len(results) >= 2 and results[-1]["articles"] < largest:
        guess = project(results, largest)
        for row, name in zip(rows, stages, strict=False):
            row.append(f"~{guess[name]:.0f}")
        rows[-1].append("")
        headers.append(f"{largest} projected")
    print("\nwhere the audit's time goes, wall seconds (share):\n")
    print(table(headers, rows))


def _share(result: dict[str, Any], name: str) -> str:
    return f"{100 * result['stages'].get(name, 0) / result['audit_s']:.0f}%"


def main() -> None:
    """Child entry point: measure one size and print it as a JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("articles", type=int)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--profile", action="store_true", help="cProfile the audit instead")
    args = parser.parse_args()
    if args.profile:
        profile(args.articles, jobs=args.jobs)
    else:
        emit(measure(args.articles, jobs=args.jobs))


def profile(n: int, *, jobs: int, limit: int = 30) -> None:
    """Print a cProfile of the audit of ``n`` articles (main process only) to stderr.

    With ``jobs`` > 1 extraction runs in workers and shows as waiting for them.
    """
    sources = generated_corpus(n)
    discrepancy.audit(generated_corpus(3), jobs=1)
    prof = cProfile.Profile()
    prof.runcall(discrepancy.audit, sources, jobs=jobs)
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats(order).print_stats(limit)
        print(out.getvalue(), file=sys.stderr)


if __name__ == "__main__":
    main()
