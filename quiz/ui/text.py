"""How verdicts and mastery look on screen (colours, bars, charts). Display only.

The words themselves (verdicts, modes, given answers) live in `quiz.common.display`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content

from quiz.common.wording import mark_line

if TYPE_CHECKING:
    from quiz.progress.stats import TopicStats
    from quiz.study.session import Outcome

BAR_WIDTH = 10

VERDICT_CLASSES = {
    "correct": "-correct",
    "partial": "-partial",
    "incorrect": "-incorrect",
    "skipped": "-skipped",
    "timeout": "-timeout",
}


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


CHART_BLOCKS = " ▁▂▃▄▅▆▇█"


def percent_chart(percents: Sequence[float], *, height: int = 3) -> str:
    """Columns of block characters on a fixed 0-100% scale, one two-cell bar per value.

    Unlike a sparkline scaled to the data's own range, 50% and 52% look alike here.
    """
    rows = []
    for row in range(height - 1, -1, -1):
        cells = []
        for value in percents:
            eighths = round(max(0.0, min(100.0, value)) / 100 * height * 8)
            cells.append(CHART_BLOCKS[max(0, min(8, eighths - row * 8))] * 2)
        label = "100%" if row == height - 1 else ("  0%" if row == 0 else "    ")
        rows.append(f"{label} │{' '.join(cells)}")
    return "\n".join(rows)


def mastery_bar(fraction: float) -> str:
    """A ten-cell bar with the percentage: `██████░░░░  60%`."""
    filled = round(max(0.0, min(1.0, fraction)) * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled) + f" {fraction * 100:3.0f}%"


def mastery_lines(topics: Sequence[TopicStats], *, width: int, counts: bool = False) -> Content:
    """A line per topic: its name (cut to `width`), its mastery bar, and with `counts`
    "3/12 mastered". Topic names are bank text, so they stay literal."""
    if not topics:
        return Content("(no topics)")
    width = min(width, max(len(t.topic) for t in topics))
    return Content("\n").join(
        Content.assemble(
            Content(t.topic[:width].ljust(width)),
            " ",
            mastery_bar(t.mastered / t.questions if t.questions else 0.0),
            f"  {t.mastered}/{t.questions} mastered" if counts else "",
        )
        for t in topics
    )
