"""Reading a verdict the way a learner sees it: label, score, expected answer, reason."""

from __future__ import annotations

from typing import Any

Outcome = tuple[str, float, str, str]


def label(verdict: Any) -> str:
    """The verdict's label as text ("correct", "partial", "incorrect"), enum or not."""
    name = verdict.verdict
    return str(getattr(name, "value", name))


def outcome(verdict: Any) -> Outcome:
    """Everything a learner reads of a verdict, as plain values."""
    return (label(verdict), float(verdict.score), verdict.expected, verdict.reason)
