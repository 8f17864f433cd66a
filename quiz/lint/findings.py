"""A lint warning: what is wrong, where, and which questions are involved."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ANSWER_LEAK = "answer-leak"
NEAR_DUPLICATE = "near-duplicate"
SELF_LEAK = "self-leak"
TYPO_RISK = "typo-risk"
GIVEAWAY_CHOICE = "giveaway-choice"
FRAGMENT_QUOTE = "fragment-quote"
KINDS = (ANSWER_LEAK, NEAR_DUPLICATE, SELF_LEAK, TYPO_RISK, GIVEAWAY_CHOICE, FRAGMENT_QUOTE)


@dataclass(frozen=True, order=True)
class LintWarning:
    """One warning about a bank, located `path:line:column`."""

    path: str
    line: int
    column: int
    kind: str
    message: str
    question_ids: tuple[str, ...] = ()

    def render(self, label: str = "warning") -> str:
        """`path:line:col: warning[kind]: message [ids]`; `label` is "error" under --strict."""
        ids = f" [{', '.join(self.question_ids)}]" if self.question_ids else ""
        return f"{self.path}:{self.line}:{self.column}: {label}[{self.kind}]: {self.message}{ids}"

    def __str__(self) -> str:
        return self.render()


def bank_path(path: Path | None) -> str:
    """How a warning names a bank file."""
    return str(path) if path is not None else "(bank)"
