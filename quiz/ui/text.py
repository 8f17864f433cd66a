"""How verdicts, given answers and mastery read on screen. Display only: nothing grades."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from textual.content import Content

if TYPE_CHECKING:
    from quiz.progress.stats import TopicStats

BAR_WIDTH = 10

# verdict -> (symbol, words, css class). Symbols and words, so colour is never the only cue.
VERDICTS: dict[str, tuple[str, str, str]] = {
    "correct": ("✓", "Correct", "-correct"),
    "partial": ("◐", "Partly correct", "-partial"),
    "incorrect": ("✗", "Incorrect", "-incorrect"),
    "skipped": ("–", "Skipped", "-skipped"),
    "timeout": ("⏱", "Time ran out", "-timeout"),
}

MODE_NAMES = {
    "practice": "Practice",
    "review": "Review missed",
    "exam": "Exam",
    "drill": "Drill",
}


def verdict_label(verdict: str) -> str:
    """'✓ Correct', '◐ Partly correct', ..."""
    symbol, words, _ = VERDICTS.get(verdict, ("?", verdict, ""))
    return f"{symbol} {words}"


def verdict_class(verdict: str) -> str:
    """The CSS class that colours a verdict."""
    return VERDICTS.get(verdict, ("", "", "-unknown"))[2]


def format_given(given: Any, *, ordered: bool = False) -> str:
    """A learner's answer as they would recognise it; `ordered` numbers a list (ordering)."""
    if given is None:
        return "(no answer)"
    if isinstance(given, bool):
        return "True" if given else "False"
    if isinstance(given, Mapping):
        return "\n".join(f"{left} → {right}" for left, right in given.items())
    if isinstance(given, list | tuple):
        if not given:
            return "(nothing chosen)"
        if ordered:
            return "\n".join(f"{n}. {item}" for n, item in enumerate(given, 1))
        return "\n".join(f"• {item}" for item in given)
    text = str(given)
    return text if text.strip() else "(empty)"


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
