"""`quiz check PATH...`: validate banks without starting the app (and without Textual)."""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from quiz.bank.loader import load_banks
from quiz.bank.model import NO_TOPIC, Bank
from quiz.common.errors import BankError
from quiz.common.safe_text import VisibleWriter
from quiz.common.wording import plural


def run(args: argparse.Namespace) -> int:
    """Check the banks named in `args.paths`; 0 if all are valid, 1 if any has problems."""
    paths = [Path(p).expanduser() for p in args.paths]
    try:
        banks = load_banks(paths, use_cache=not args.no_cache)
    except BankError as exc:
        for problem in exc.problems:
            sys.stderr.write(f"{problem}\n")  # Problem makes its text visible
        files = len({str(p.path) for p in exc.problems})
        sys.stderr.write(f"{plural(len(exc.problems), 'problem')} in {plural(files, 'file')}\n")
        return 1
    out = VisibleWriter(sys.stdout)
    for i, bank in enumerate(banks):
        if i:
            out.write("\n")
        write_summary(bank, out)
    if args.no_lint:
        return 0
    return _lint(banks, strict=args.strict)


def _lint(banks: list[Bank], *, strict: bool) -> int:
    """Print the lint's warnings (errors under `strict`); 1 when strict and any were found."""
    from quiz.lint.rules import lint

    found = lint(banks)
    if not found:
        return 0
    err = VisibleWriter(sys.stderr)  # warnings quote bank text
    label = "error" if strict else "warning"
    for warning in found:
        err.write(f"{warning.render(label)}\n")
    files = len({w.path for w in found})
    err.write(f"{plural(len(found), label)} in {plural(files, 'file')}")
    err.write(" (--strict)\n" if strict else "; --strict makes them errors\n")
    return 1 if strict else 0


def write_summary(bank: Bank, out: TextIO | VisibleWriter) -> None:
    """A few lines about a valid bank: counts by type and topic, citations, coverage."""
    questions = bank.questions
    out.write(f"{bank.title} [{bank.id}] ({bank.path}): OK\n")
    out.write(f"  {plural(len(questions), 'question')}\n")
    by_type = Counter(q.type.value for q in questions)
    out.write(f"  by type: {_counts(by_type)}\n")
    by_topic = Counter(q.topic or NO_TOPIC for q in questions)
    out.write(f"  by topic: {_counts(by_topic)}\n")
    quoted = sum(1 for q in questions if q.source)
    if bank.source is not None:
        # Loading succeeded, so every quote was found in the document.
        out.write(f"  citations: {quoted} of {quoted} quotes found in {bank.source.file}")
        unquoted = len(questions) - quoted
        out.write(f"; {plural(unquoted, 'question')} without a quote\n")
        _write_coverage(bank, out)
    else:
        out.write(f"  citations: {quoted} quotes (no source document to check them against)\n")


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counter.most_common())


def _write_coverage(bank: Bank, out: TextIO | VisibleWriter) -> None:
    from quiz.bank.coverage import coverage

    if bank.source is None or bank.source.text is None:
        return
    report = coverage(bank)
    # Floor, so 199 of 200 never reads as 100%.
    percent = math.floor(report.share * 100)
    out.write(
        f"  Coverage: {percent}% of source sentences cited ({report.cited} of {report.total})\n"
    )
    for sentence in report.uncited:
        out.write(f"    uncited: {sentence}\n")
