"""How verdicts and stages look on screen (colours, bars, charts). Display only.

The words themselves (verdicts, modes, given answers) live in `quiz.common.display`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content

from quiz.common.safe_text import visible
from quiz.common.wording import mark_line
from quiz.progress.charts import stage_bar, stage_text

if TYPE_CHECKING:
    from quiz.progress.stats import TopicStats
    from quiz.study.session import Outcome

VERDICT_CLASSES = {
    "correct": "-correct",
    "partial": "-partial",
    "incorrect": "-incorrect",
    "skipped": "-skipped",
    "timeout": "-timeout",
}


def literal(text: str) -> Content:
    """Bank, student or file text as it reads: never markup, control characters shown."""
    return Content(visible(str(text)))


def verdict_class(verdict: str) -> str:
    """The CSS class that colours a verdict."""
    return VERDICT_CLASSES.get(verdict, "-unknown")


def marked_lines(outcome: Outcome) -> list[str]:
    """A partly or wholly wrong list answer marked item by item (else no lines)."""
    if outcome.verdict not in ("partial", "incorrect"):
        return []
    from quiz.grading.marks import item_marks

    marks = item_marks(outcome.asked.question, outcome.given)
    return [mark_line(m.text, m.right, m.note) for m in marks]


def format_seconds(seconds: float) -> str:
    """A countdown as m:ss."""
    seconds = max(0, int(seconds + 0.999))
    return f"{seconds // 60}:{seconds % 60:02d}"


def stage_lines(topics: Sequence[TopicStats], *, width: int, counts: bool = False) -> Content:
    """A line per topic: its name (cut to `width`), a bar of its stages, and with `counts`
    "3 new · 2 learning · ...". Topic names are bank text, so they stay literal."""
    if not topics:
        return Content("(no topics)")
    width = min(width, max(len(t.topic) for t in topics))
    return Content("\n").join(
        Content.assemble(
            literal(t.topic[:width].ljust(width)),
            " ",
            stage_bar(t.stages),
            f"  {stage_text(t.stages)}" if counts else "",
        )
        for t in topics
    )
