"""How verdicts and given answers read on screen. Display only: nothing here grades."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


def format_given(given: Any) -> str:
    """A learner's answer as they would recognise it."""
    if given is None:
        return "(no answer)"
    if isinstance(given, bool):
        return "True" if given else "False"
    if isinstance(given, Mapping):
        return "\n".join(f"{left} → {right}" for left, right in given.items())
    if isinstance(given, list | tuple):
        if not given:
            return "(nothing chosen)"
        return "\n".join(f"{n}. {item}" for n, item in enumerate(given, 1))
    text = str(given)
    return text if text.strip() else "(empty)"


def format_points(value: float) -> str:
    """2 rather than 2.0; 1.5 stays 1.5."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def format_seconds(seconds: float) -> str:
    """A countdown as m:ss."""
    seconds = max(0, int(seconds + 0.999))
    return f"{seconds // 60}:{seconds % 60:02d}"
