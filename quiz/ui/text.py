"""How verdicts, given answers and stages read on screen. Display only: nothing grades."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from textual.content import Content

from quiz.progress.charts import stage_bar, stage_text

if TYPE_CHECKING:
    from quiz.progress.stats import TopicStats

# verdict -> (symbol, words, css class). Symbols and words, so colour is never the only cue.
VERDICTS: dict[str, tuple[str, str, str]] = {
    "correct": ("✓", "Correct", "-correct"),
    "partial": ("◐", "Partly correct", "-partial"),
    "incorrect": ("✗", "Incorrect", "-incorrect"),
    "skipped": ("–", "Skipped", "-skipped"),
    "timeout": ("⏱", "Time ran out", "-timeout"),
}

MODE_NAMES = {
    "study": "Study today",
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


def stage_lines(topics: Sequence[TopicStats], *, width: int, counts: bool = False) -> Content:
    """A line per topic: its name (cut to `width`), a bar of its stages, and with `counts`
    "3 new · 2 learning · ...". Topic names are bank text, so they stay literal."""
    if not topics:
        return Content("(no topics)")
    width = min(width, max(len(t.topic) for t in topics))
    return Content("\n").join(
        Content.assemble(
            Content(t.topic[:width].ljust(width)),
            " ",
            stage_bar(t.stages),
            f"  {stage_text(t.stages)}" if counts else "",
        )
        for t in topics
    )
