"""The command line: ``discrepancy audit PATH... [--format ...]``. No logic of its own.

Exit codes follow ruff's: 0 the audit ran, 1 findings at or above ``--fail-on``, 2 a usage
error or nothing could be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from discrepancy.model import Report

FAIL_ON = ("conflict", "likely_typo", "compatible", "variant")


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
    return parser


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
    from discrepancy.audit import audit
    from discrepancy.corpus import read_corpus
    from discrepancy.lexicon import LexiconError, load_lexicon
    from discrepancy.report import render

    try:
        lexicon = load_lexicon(*args.lexicon)
    except LexiconError as exc:
        print(f"discrepancy: error: {exc}", file=sys.stderr)
        return 2
    corpus = read_corpus(args.paths)
    for problem in corpus.problems:
        level = "error" if problem.fatal else "warning"
        print(f"discrepancy: {level}: {problem}", file=sys.stderr)
    if not corpus.sources:
        print("discrepancy: error: no article could be read", file=sys.stderr)
        return 2
    report = audit(corpus.sources, lexicon=lexicon, problems=corpus.problems)
    text = render(report, format=args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return _exit_code(report, args.fail_on)


def _exit_code(report: Report, fail_on: str | None) -> int:
    if fail_on is None:
        return 0
    serious = FAIL_ON[: FAIL_ON.index(fail_on) + 1]
    return 1 if any(f.type.value in serious for f in report.findings) else 0
