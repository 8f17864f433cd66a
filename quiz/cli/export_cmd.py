"""`quiz export`: every attempt (or session) as CSV or JSON, for a spreadsheet.

Rows stream from the store, so a million attempts never sit in memory. With
`--output` the file is written beside its final name and renamed into place, so
a reader never sees half an export. The progress file is opened read-only.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from quiz import startup as context
from quiz.common.atomic import atomic_writer
from quiz.common.errors import UsageError
from quiz.common.safe_text import csv_cell, json_safe, visible
from quiz.common.wording import plural

ATTEMPT_COLUMNS = (
    "profile",
    "session",
    "bank",
    "question_id",
    "topic",
    "verdict",
    "score",
    "seconds",
    "overridden",
    "answered_at",
    "given",
)
SESSION_COLUMNS = (
    "profile",
    "session",
    "banks",
    "mode",
    "seed",
    "started_at",
    "ended_at",
    "points",
    "possible",
    "percent",
)


def run(args: argparse.Namespace) -> int:
    """Export the profile's (or every profile's) attempts or sessions."""
    bank_ids = [b.id for b in context.load_banks(args)] if args.bank else None
    columns: tuple[str, ...]
    with context.open_store(args, read_only=True) as store:
        if args.sessions:
            rows = store.export_sessions(all_profiles=args.all_profiles, bank_ids=bank_ids)
            columns = SESSION_COLUMNS
        else:
            rows = store.export_attempts(all_profiles=args.all_profiles, bank_ids=bank_ids)
            columns = ATTEMPT_COLUMNS
        writer = write_csv if args.format == "csv" else write_json
        if args.output:
            count = _to_file(Path(args.output).expanduser(), lambda out: writer(rows, columns, out))
            what = "session" if args.sessions else "attempt"
            where = visible(args.output, keep_newlines=False)
            sys.stderr.write(f"Wrote {plural(count, what)} to {where}\n")
        else:
            writer(rows, columns, sys.stdout)
        context.show_warnings(store)
    return 0


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
    """CSV with a header row; lists and answers as JSON text. Returns the row count.

    Every cell goes through `csv_cell`: no live formulas, no control characters.
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([csv_cell(_cell(c, row[c])) for c in columns])
        count += 1
    return count


def write_json(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
    """A JSON array of objects, one per line. Returns the row count.

    Characters that could drive a terminal are written as `\\uXXXX` escapes.
    """
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n" if count else "\n")
        out.write(json_safe(json.dumps({c: row[c] for c in columns}, ensure_ascii=False)))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _cell(column: str, value: Any) -> Any:
    """A spreadsheet-friendly cell: yes/no, bank ids spaced, answers as JSON unless text."""
    if value is None:
        return ""
    if column == "banks":
        return " ".join(value)
    if column == "given":
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def _to_file(path: Path, write: Any) -> int:
    """Run `write(out)` into a temporary file beside `path`, then rename it into place."""
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; --output needs a file name")
    try:
        with atomic_writer(path) as out:
            return write(out)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the export ({exc.strerror})") from exc
