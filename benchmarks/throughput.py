"""Extraction throughput (MB/s) on the seed text repeated, against quantulum3.

Rows: ``find_quantities`` and ``find_dates`` on one long text (the seed bodies repeated),
``extract.extract`` (every kind, roles, attribution) on article-sized sources totalling the
same size, and quantulum3's ``parser.parse`` on a smaller slice (it is slow), one paragraph
at a time (on one long text its time grows faster than the text). Each row
climbs a ladder of sizes (x10 per step) and stops early when the next step is projected
to take longer than the budget, so the largest size measured is reported. MB/s is given by
wall time and by CPU time (steadier on a shared machine; the targets are judged on it):
extraction >= 3 MB/s on one core, and >= 100x quantulum3.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

from corpus import article_sources, corpus_bytes, repeated_text
from timing import MB, best_of_both, heading, nbytes, table

import discrepancy
from discrepancy import Source
from discrepancy.extract import extract
from discrepancy.kinds import dates, designators, names, quantities
from discrepancy.text import sentences

TARGET_MBPS = 3.0
TARGET_RATIO = 100.0

Work = Callable[[int], tuple[int, Callable[[], object]]]  # size -> (bytes, call)


def _text_work(fn: Callable[[str], object], text: str) -> Work:
    def make(size: int) -> tuple[int, Callable[[], object]]:
        part = text[:size]
        return nbytes(part), lambda: fn(part)

    return make


def _extract_work(sources: list[Source]) -> Work:
    lexicon = discrepancy.default_lexicon()

    def make(size: int) -> tuple[int, Callable[[], object]]:
        chosen: list[Source] = []
        for src in sources:
            if corpus_bytes(chosen) >= size:
                break
            chosen.append(src)
        return corpus_bytes(chosen), lambda: [extract(s, lexicon=lexicon) for s in chosen]

    return make


def _quantulum() -> Callable[[str], object] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def parse(text: str) -> object:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [parser.parse(p) for p in text.split("\n\n") if p.strip()]

    return parse


def _ladder(
    name: str, make: Work, sizes: list[int], budget: float
) -> tuple[list[list[object]], float]:
    """Measure ``make(size)`` for growing sizes; the rows and the MB/s at the largest."""
    _, warm = make(2_000)
    warm()
    rows: list[list[object]] = []
    rate = 0.0
    for size in sizes:
        size_bytes, call = make(size)
        seconds, cpu = best_of_both(call, repeat=3)
        rate = size_bytes / MB / cpu
        rows.append([name, f"{size_bytes / MB:.3f}", seconds, cpu, size_bytes / MB / seconds, rate])
        print(f"  {name}: {size_bytes / MB:.3f} MB in {seconds:.3f} s", flush=True)
        if seconds * 10 * 1.2 > budget and size != sizes[-1]:
            rows.append([name, f"{size * 10 / MB:.3f}", "skipped: over budget", "", "", ""])
            break
    return rows, rate


def run(*, quick: bool, budget: float) -> dict[str, float]:
    """Print the throughput tables; return the rates (MB/s) by row name."""
    heading("Extraction throughput")
    top = 30_000 if quick else 5_000_000
    q_top = 5_000 if quick else 200_000
    sizes = [top // 100, top // 10, top] if not quick else [top // 10, top]
    text = repeated_text(top)
    works: dict[str, tuple[Work, list[int]]] = {
        "find_quantities (one text)": (_text_work(discrepancy.find_quantities, text), sizes),
        "find_dates (one text)": (_text_work(discrepancy.find_dates, text), sizes),
        "extract (per article)": (_extract_work(article_sources(top)), sizes),
    }
    parse = _quantulum()
    if parse is not None:
        works["quantulum3 (per paragraph)"] = (_text_work(parse, text), [q_top // 10, q_top])
    rows: list[list[object]] = []
    rates: dict[str, float] = {}
    for name, (make, ladder) in works.items():
        got, rates[name] = _ladder(name, make, ladder, budget)
        rows.extend(got)
    print()
    print(table(["what", "MB", "wall s", "CPU s", "MB/s wall", "MB/s CPU"], rows))
    _summary(rates)
    _breakdown(article_sources(top // 10))
    return rates


def _kind_calls(lexicon: discrepancy.Lexicon) -> dict[str, Callable[[Source], object]]:
    """Each kind's ``find`` on a source's body, called as ``extract`` calls it."""

    def body(src: Source) -> str:
        return src.text[src.body_start :]

    ref = {"lexicon": lexicon}
    return {
        "dates.find": lambda s: dates.find(body(s), reference_date=s.published, **ref),
        "designators.find": lambda s: designators.find(body(s), **ref),
        "quantities.find": lambda s: quantities.find(body(s), reference_date=s.published, **ref),
        "names.find": lambda s: names.find(body(s), **ref),
        "text.sentences": lambda s: sentences(s.text, s.body_start),
    }


def _breakdown(sources: list[Source]) -> None:
    """Where ``extract``'s time goes: each kind's ``find`` alone, and the rest (roles)."""
    lexicon = discrepancy.default_lexicon()
    size = corpus_bytes(sources)
    total = best_of_both(lambda: [extract(s, lexicon=lexicon) for s in sources], repeat=2)[1]
    rows: list[list[object]] = []
    spent = 0.0
    for name, call in _kind_calls(lexicon).items():
        try:
            seconds = best_of_both(lambda call=call: [call(s) for s in sources], repeat=2)[1]
        except TypeError as exc:  # the kind's signature changed
            rows.append([name, f"n/a ({exc})", "", ""])
            continue
        spent += seconds
        rows.append([name, seconds, f"{100 * seconds / total:.0f}%", size / MB / seconds])
    rest = total - spent
    rows.append(["rest: roles, attribution, facts", rest, f"{100 * rest / total:.0f}%", ""])
    rows.append(["extract (total)", total, "100%", size / MB / total])
    print(f"\nwhere extract's time goes ({size / MB:.2f} MB of articles, CPU time):\n")
    print(table(["stage", "CPU s", "share", "MB/s"], rows))


def _summary(rates: dict[str, float]) -> None:
    q = rates["find_quantities (one text)"]
    d = rates["find_dates (one text)"]
    both = 1 / (1 / q + 1 / d)
    quantulum = rates.get("quantulum3 (per paragraph)")
    rows: list[list[object]] = []
    for name, rate in [
        ("find_quantities", q),
        ("find_quantities + find_dates", both),
        ("extract (full, per article)", rates["extract (per article)"]),
    ]:
        ratio = rate / quantulum if quantulum else float("nan")
        rows.append(
            [
                name,
                rate,
                "met" if rate >= TARGET_MBPS else "NOT met",
                f"{ratio:.1f}x",
                "met" if ratio >= TARGET_RATIO else "NOT met",
            ]
        )
    print()
    print(f"quantulum3: {quantulum or float('nan'):.4f} MB/s (CPU time, largest size measured)")
    print()
    print(table(["extraction", "MB/s CPU", ">= 3 MB/s", "vs quantulum3", ">= 100x"], rows))
