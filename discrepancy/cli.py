"""The command line: ``discrepancy audit PATH... [--format ...]``. No logic of its own.

Exit codes follow ruff's: 0 the audit ran, 1 findings at or above ``--fail-on``, 2 a usage
error or nothing could be read. ``--baseline FILE`` leaves out the findings already
reviewed (before ``--fail-on`` looks); ``--write-baseline FILE`` records the current ids.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from discrepancy.model import Report

FAIL_ON = ("conflict", "likely_typo", "compatible", "variant")
PROGRESS_MIN = 300  # a progress bar on stderr from this many sources


def _parser() -> argparse.ArgumentParser:
    from discrepancy.report import FORMATS

    parser = argparse.ArgumentParser(
        prog="discrepancy",
        description="Audit what several news sources say about one event.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    audit = commands.add_parser("audit", help="audit articles against each other")
    audit.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    audit.add_argument("--format", choices=FORMATS, default="text", help="report format")
    audit.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    audit.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,
        help="exit 1 when a finding of this type (or a more serious one) is reported",
    )
    audit.add_argument(
        "--lexicon", action="append", default=[], metavar="FILE", help="extra knowledge (TOML)"
    )
    audit.add_argument(
        "--baseline",
        metavar="FILE",
        help="leave out findings already reviewed (a JSON report or a file of finding ids)",
    )
    audit.add_argument(
        "--write-baseline", metavar="FILE", help="record the ids of every finding in FILE"
    )
    audit.add_argument(
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes for extraction (default 0: one per core; 1: none)",
    )
    audit.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output (auto: on a terminal, unless NO_COLOR is set)",
    )
    return parser


def _jobs(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per core) or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        from discrepancy import __version__

        print(f"discrepancy {__version__}")
        return 0
    if args.command != "audit":
        parser.print_help()
        return 2
    return _audit(args)


def _audit(args: argparse.Namespace) -> int:
    from discrepancy.baseline import BaselineError, read_baseline
    from discrepancy.corpus import read_corpus
    from discrepancy.lexicon import LexiconError, load_lexicon
    from discrepancy.pipeline import audit

    try:
        lexicon = load_lexicon(*args.lexicon)
        reviewed = read_baseline(args.baseline) if args.baseline else frozenset()
    except (LexiconError, BaselineError) as exc:
        print(f"discrepancy: error: {exc}", file=sys.stderr)
        return 2
    corpus = read_corpus(args.paths)
    for problem in corpus.problems:
        level = "error" if problem.fatal else "warning"
        print(f"discrepancy: {level}: {problem}", file=sys.stderr)
    if not corpus.sources:
        print("discrepancy: error: no article could be read", file=sys.stderr)
        return 2
    with _progress(len(corpus.sources)) as progress:
        report = audit(
            corpus.sources,
            lexicon=lexicon,
            problems=corpus.problems,
            jobs=args.jobs,
            progress=progress,
        )
    if args.write_baseline:
        from discrepancy.baseline import baseline_text

        Path(args.write_baseline).write_text(baseline_text(report), encoding="utf-8")
    if reviewed:
        report = _drop_reviewed(report, reviewed)
    _write(report, args)
    return _exit_code(report, args.fail_on)


def _drop_reviewed(report: Report, reviewed: frozenset[str]) -> Report:
    from discrepancy.baseline import without

    kept = without(report, reviewed)
    left_out = len(report.findings) - len(kept.findings)
    if left_out:
        print(f"discrepancy: {left_out} finding(s) in the baseline not reported", file=sys.stderr)
    return kept


def _write(report: Report, args: argparse.Namespace) -> None:
    from discrepancy.report import render

    if args.format == "text" and not args.output and _colour(args.color):
        from discrepancy.terminal import print_report

        print_report(report, file=sys.stdout)
        return
    text = render(report, format=args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(text)


def _colour(choice: str) -> bool:
    from discrepancy.terminal import available

    if choice == "never" or not available():
        return False
    if choice == "always":
        return True
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr for a long run on a terminal; otherwise ``None``."""
    from discrepancy.terminal import available

    if total < PROGRESS_MIN or not sys.stderr.isatty() or not available():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task("reading sources", total=total)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _exit_code(report: Report, fail_on: str | None) -> int:
    if fail_on is None:
        return 0
    serious = FAIL_ON[: FAIL_ON.index(fail_on) + 1]
    return 1 if any(f.type.value in serious for f in report.findings) else 0
