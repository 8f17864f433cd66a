"""How counts, points and times read in a sentence, the same in every front end."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta


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


def format_number(value: float) -> str:
    """A number as a learner would write it: 2002, not 2002.0."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.15g}"  # all the digits typed, none of the float's rounding noise


def due_time(due: datetime, now: datetime) -> str:
    """When a review falls due, relative and in local time: 'in 3 hours (Fri 27 Nov
    2026, 21:15)', or 'now' once it has come."""
    if due <= now:
        return "now"
    local = due.astimezone().strftime("%a %d %b %Y, %H:%M")
    return f"{_in(due - now)} ({local})"


def _in(delta: timedelta) -> str:
    # The unit is chosen after rounding, so 59 min 40 s reads "in 1 hour", not "in 60 minutes".
    seconds = delta.total_seconds()
    minutes = round(seconds / 60)
    if minutes < 1:
        return "in less than a minute"
    if minutes < 60:
        return f"in {plural(minutes, 'minute')}"
    hours = round(seconds / 3600)
    if hours < 24:
        return f"in {plural(hours, 'hour')}"
    return f"in {plural(round(seconds / 86400), 'day')}"


def done_for_today(next_due: datetime | None, now: datetime) -> str:
    """The end of today's study: 'Done for today. Next review due in 10 minutes (...).'"""
    if next_due is None:
        return "Done for today. Nothing is scheduled yet."
    if next_due <= now:
        return "Done for today's plan, but more reviews are due now: study again to take them."
    return f"Done for today. Next review due {due_time(next_due, now)}."


def left_out_sentence(question_ids: Sequence[str]) -> str:
    """The summary line for questions a class session left out so as not to give answers away."""
    n = plural(len(question_ids), "question")
    return f"Left out {n} whose wording would give away another's answer: {', '.join(question_ids)}"


SHOWN_ANSWER_LIMIT = 200  # characters of a typed answer shown on screen


def shorten(text: str, limit: int = SHOWN_ANSWER_LIMIT) -> str:
    """`text` cut to `limit` characters, saying how long it was: for showing, never storing."""
    if len(text) <= limit:
        return text
    return f"{text[:limit].rstrip()}… ({len(text)} characters in all)"


def mark_line(text: str, right: bool, note: str = "") -> str:
    """One marked item, in symbol and words: "✓ Russia (right)", "✗ Georgia (wrong: ...)"."""
    if right:
        return f"✓ {text} (right)"
    return f"✗ {text} ({note or 'wrong'})"
