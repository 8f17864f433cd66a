"""The class report as one self-contained HTML file: inline CSS, no scripts, no external assets.

Every piece of bank or student text goes through `escape`: a prompt such as
"<b>" or a student named "<script>" shows as typed and never becomes markup, and
control characters show as escapes (the page may be printed to a terminal).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape as _escape_html

from quiz.classroom.report import ClassReport
from quiz.common.safe_text import visible
from quiz.common.wording import plural

CSS = """
body { font: 15px/1.45 system-ui, sans-serif; color: #1b1b1b; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #bbb; }
p.meta { color: #444; margin: .2rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #ddd;
         vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.missed { break-inside: avoid; margin: 1rem 0; }
.missed h3 { font-size: 1rem; margin: 0; }
blockquote { margin: .4rem 0 0 1rem; padding-left: .6rem; border-left: 3px solid #999;
             color: #333; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; }
               h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def escape(text: str) -> str:
    """Text as HTML that shows it as typed, control characters as visible escapes."""
    return _escape_html(visible(text))


def render_html(report: ClassReport) -> str:
    """The whole report as an HTML document."""
    from quiz.cli.report_cmd import question_rows, student_rows, summary_line

    title = f"Class report: {report.bank_title}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">Drill {escape(summary_line(report))} &middot; bank '
        f"{escape(report.bank_id)} &middot; mode {escape(report.settings.mode)}"
        f" &middot; seed {escape(str(report.settings.seed))}</p>",
        f'<p class="meta">{plural(len(report.students), "student")} &middot; average '
        f"{report.average_percent:g}% &middot; median {report.median_percent:g}%</p>",
        "<h2>Students</h2>",
        _table(*student_rows(report), numeric=(1, 2, 3, 4, 5, 6, 7)),
        "<h2>Questions, most missed first</h2>",
        _table(*question_rows(report), numeric=(0, 3, 4)),
        "<h2>To re-teach</h2>",
        *_missed(report),
        "<h2>Topics</h2>",
        _table(
            ("Topic", "Questions", "Average"),
            [(t.topic, t.questions, f"{t.average_percent:g}%") for t in report.topics],
            numeric=(1, 2),
        ),
    ]
    if report.left_out:
        parts += [
            "<h2>Left out</h2>",
            _table(
                ("File", "Student", "Reason"),
                [(x.name, x.student, x.reason) for x in report.left_out],
            ),
        ]
    if report.skipped:
        parts += [
            "<h2>Skipped</h2>",
            _table(("File", "Reason"), [(x.name, x.reason) for x in report.skipped]),
        ]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _missed(report: ClassReport) -> list[str]:
    blocks = []
    for q in report.most_missed:
        if q.correct == q.students:
            continue
        passage = f"<blockquote>{escape(q.source)}</blockquote>" if q.source else ""
        blocks.append(
            f'<div class="missed"><h3>{q.number}. {escape(q.prompt)}</h3>'
            f"<p>Answer: {escape(q.expected)} &middot; {q.percent_correct:g}% correct</p>"
            f"{passage}</div>"
        )
    return blocks or ["<p>Every question was answered correctly by everyone.</p>"]


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = ()
) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{escape(str(c))}</td>'
            if i in numeric
            else f"<td>{escape(str(c))}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
