"""`quiz report FILES-OR-DIR...`: merge a class's results files into one report.

Formats: `table` (aligned plain text), `csv` (one row per student and question,
ready for a spreadsheet's pivot table) and `html` (one self-contained, printable
file). Files that cannot be used are named on stderr; the report still comes.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from quiz.classroom.document import ResultsDocument, ResultsError, read_document
from quiz.classroom.drill import describe_settings
from quiz.classroom.report import ClassReport, Skipped, build_report, entry_answer
from quiz.common.atomic import atomic_writer
from quiz.common.display import clip, table
from quiz.common.errors import QuizError
from quiz.common.safe_text import csv_cell, visible
from quiz.common.wording import format_points, plural

CSV_COLUMNS = (
    "fingerprint",
    "student",
    "number",
    "question_id",
    "topic",
    "verdict",
    "score",
    "seconds",
    "given",
    "expected",
)
PROMPT_WIDTH = 48


def run(args: argparse.Namespace) -> int:
    """Read the files, print or write the report; 1 when no file was usable."""
    documents, skipped = collect(args.paths)
    wanted = getattr(args, "fingerprint", None)
    report = build_report(documents, skipped=skipped, fingerprint=wanted)
    for item in skipped:
        sys.stderr.write(visible(f"quiz report: skipped {item.name}: {item.reason}\n"))
    if report is None:
        what = f"with fingerprint {wanted}" if wanted and documents else "to report on"
        sys.stderr.write(visible(f"quiz report: no results files {what}\n"))
        return 1
    for out in report.left_out:
        line = f"quiz report: left out {out.name} ({out.student}): {out.reason}\n"
        sys.stderr.write(visible(line))
    text = render(report, args.format)
    if args.output:
        where = Path(args.output).expanduser()
        _write_output(where, text)
        sys.stdout.write(
            f"Wrote the {args.format} report of {plural(len(report.students), 'student')} "
            f"to {where}\n"
        )
    else:
        sys.stdout.write(visible(text))
    return 0


def collect(paths: Iterable[str]) -> tuple[list[tuple[str, ResultsDocument]], list[Skipped]]:
    """Read every results file named (a folder: its *.json); sort out the unusable ones."""
    documents: list[tuple[str, ResultsDocument]] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    for path in _files(paths, skipped):
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        try:
            documents.append((str(path), read_document(path)))
        except ResultsError as exc:
            reason = str(exc).removeprefix(f"{path}: ")
            skipped.append(Skipped(str(path), reason))
    return documents, skipped


def _files(paths: Iterable[str], skipped: list[Skipped]) -> list[Path]:
    found: list[Path] = []
    for value in paths:
        path = Path(value).expanduser()
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.json") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            skipped.append(Skipped(str(path), "no such file or folder"))
    return found


def render(report: ClassReport, fmt: str) -> str:
    """The report as text in `fmt` ("table", "csv" or "html")."""
    if fmt == "csv":
        return render_csv(report)
    if fmt == "html":
        from quiz.cli.report_html import render_html

        return render_html(report)
    return render_table(report)


def summary_line(report: ClassReport) -> str:
    """E.g. "CSTO-7F3A, 5 questions, 30 s per question"."""
    total = max([len(report.questions), *(s.possible for s in report.students)])
    return describe_settings(report.fingerprint, total, report.settings.as_dict())


def render_table(report: ClassReport) -> str:
    """The report as aligned plain text."""
    out = [
        f"Class report: {report.bank_title} ({report.bank_id})",
        f"Drill {summary_line(report)}, mode {report.settings.mode}, seed {report.settings.seed}",
        f"{plural(len(report.students), 'student')}, average {report.average_percent:g}%, "
        f"median {report.median_percent:g}%",
        "",
        "Students",
        _table(*student_rows(report)),
        "",
        "Questions, most missed first",
        _table(*question_rows(report, clip=_clip)),
        "",
        "To re-teach (most missed first)",
    ]
    for q in report.most_missed:
        if q.correct == q.students:
            continue
        out.append(f"{q.number}. {q.prompt}")
        out.append(f"   Answer: {q.expected}")
        if q.source:
            out.extend(
                textwrap.wrap(q.source, 76, initial_indent="   Passage: ", subsequent_indent="   ")
            )
    out += [
        "",
        "Topics",
        _table(
            ("Topic", "Questions", "Average"),
            [(t.topic, t.questions, f"{t.average_percent:g}%") for t in report.topics],
        ),
    ]
    if report.left_out:
        out += [
            "",
            "Left out",
            _table(
                ("File", "Student", "Reason"),
                [(x.name, x.student, x.reason) for x in report.left_out],
            ),
        ]
    if report.skipped:
        out += [
            "",
            "Skipped",
            _table(("File", "Reason"), [(x.name, x.reason) for x in report.skipped]),
        ]
    return "\n".join(out) + "\n"


def student_rows(report: ClassReport) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """Headers and rows of the students table (a Bonus column only when there is one)."""
    headers: tuple[str, ...] = (
        "Student", "Points", "Possible", "Percent", "Answered", "Timeouts", "Skipped"
    )  # fmt: skip
    bonus = any(s.bonus for s in report.students)
    rows: list[tuple[object, ...]] = [
        (s.student, format_points(s.points), s.possible, f"{s.percent:g}%", s.answered, s.timeouts,
         s.skipped) + ((format_points(s.bonus),) if bonus else ())
        for s in report.students
    ]  # fmt: skip
    return ((*headers, "Bonus") if bonus else headers), rows


def question_rows(
    report: ClassReport, clip: Callable[[str], str] = str
) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """Headers and rows of the questions table, most missed first; `clip` shortens text."""
    headers = ("#", "Question", "Topic", "Correct", "Median time", "Most common wrong answer")
    rows: list[tuple[object, ...]] = [
        (
            q.number,
            clip(q.prompt),
            q.topic,
            f"{q.percent_correct:g}% ({q.correct}/{q.students})",
            "-" if q.median_seconds is None else f"{q.median_seconds:g} s",
            "-" if q.common_wrong is None else f"{clip(q.common_wrong)} ({q.common_wrong_count})",
        )
        for q in report.most_missed
    ]
    return headers, rows


def render_csv(report: ClassReport) -> str:
    """One row per student and question (columns: CSV_COLUMNS); cells never formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in report_rows(report):
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()


def report_rows(report: ClassReport) -> list[tuple[object, ...]]:
    """The csv rows: every merged student's answer to every question, by student."""
    rows: list[tuple[object, ...]] = []
    for student in report.students:
        for entry in report.answers[student.name]:
            rows.append(
                (
                    report.fingerprint,
                    student.student,
                    entry.number,
                    entry.question_id,
                    entry.topic,
                    entry.verdict.value,
                    format_points(entry.score),
                    "" if entry.seconds is None else format_points(entry.seconds),
                    entry_answer(entry),
                    entry.expected,
                )
            )
    return rows


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    return "\n".join(table([[_cell(c) for c in row] for row in rows], [_cell(h) for h in headers]))


def _cell(value: object) -> str:
    """A table cell's text, with control characters shown (so the columns stay aligned)."""
    return visible(str(value), keep_newlines=False)


def _clip(text: str) -> str:
    return clip(text, PROMPT_WIDTH)


def _write_output(path: Path, text: str) -> None:
    """Write the report atomically: a reader never sees half of it."""
    try:
        with atomic_writer(path) as out:
            out.write(text)
    except OSError as exc:
        raise QuizError(f"{path}: cannot write the report: {exc.strerror or exc}") from exc
