"""The common English words a typed answer must not be one typo away from."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def common_words() -> tuple[str, ...]:
    """About ten thousand frequent English words, lowercase, most frequent first."""
    text = files("quiz.lint").joinpath("data/common_words.txt").read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
