"""How counts and points read in a sentence, the same in every front end."""

from __future__ import annotations


def plural(count: int, word: str) -> str:
    """The count with its noun: "1 question", "3 questions", "0 questions"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
