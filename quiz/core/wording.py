"""How counts and points read in a sentence, the same in every front end."""

from __future__ import annotations


def plural(count: int, word: str) -> str:
    """The count with its noun: "1 question", "3 questions", "0 questions"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def format_points(value: float) -> str:
    """Points (or any score-like decimal) to two places at most: 2, 1.5, 0.33.

    Rounded before the integer test, so a sum such as 0.5 + 1/3 + 1/6 (which
    floats make 0.9999999999999999) reads "1", not "1." or "1.0".
    """
    rounded = round(float(value), 2)
    if rounded.is_integer():
        return str(int(rounded))
    return f"{rounded:.2f}".rstrip("0")
