"""`quiz stats`: a learner's progress as plain text, without the app.

The progress file is opened read-only: stats never create, change or upgrade it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TextIO, cast

from quiz import startup as context
from quiz.common.display import clip, table
from quiz.common.safe_text import VisibleWriter
from quiz.common.wording import due_time, plural
from quiz.progress.stats import STRUGGLING_MISSES, Flagged, Stats

PROMPT_WIDTH = 56
RECENT_SESSIONS = 10


def run(args: argparse.Namespace) -> int:
    """Print the stats of `--profile` over the `--bank` banks (default: the shipped bank)."""
    banks = context.load_banks(args)
    with context.open_store(args, read_only=True) as store:
        stats = store.stats(banks)
        context.show_warnings(store)
    out = cast(TextIO, VisibleWriter(sys.stdout))
    write(stats, store.profile, ", ".join(b.id for b in banks), datetime.now(UTC), out)
    return 0


def write(stats: Stats, profile: str, banks: str, now: datetime, out: TextIO) -> None:
    """The stats report."""
    out.write(f"Progress of {profile} in {banks}\n\n")
    if not stats.seen:
        out.write(f"No answers yet ({stats.questions} questions to discover).\n")
        return
    accuracy = _percent(stats.accuracy)
    _table(
        out,
        [
            ("Questions", str(stats.questions), ""),
            ("Seen", str(stats.seen), ""),
            ("Mastered", str(stats.mastered), "right the last two times or more (fsrs Review)"),
            ("Due now", str(stats.due), ""),
            ("Missed", str(stats.missed), "latest answer wrong, partly right or too late"),
            ("Accuracy", accuracy, f"over {plural(stats.answers, 'answer')}"),
            ("Streak", plural(stats.streak, "day"), "days in a row with an answer"),
        ],
        indent="",
    )
    if stats.sessions:
        recent = stats.sessions[-RECENT_SESSIONS:]
        out.write("Recent sessions (oldest first): ")
        out.write(" ".join(f"{p.percent:.0f}%" for p in recent) + "\n")
    out.write("\nAccuracy by topic\n")
    _table(
        out,
        [
            (
                t.topic,
                f"{t.seen}/{t.questions} seen",
                _percent(t.accuracy),
                f"{t.mastered} mastered",
            )
            for t in stats.topics
        ],
    )
    _flagged(out, f"Struggling (missed {STRUGGLING_MISSES} times or more)", stats.struggling, True)
    _flagged(out, "Changed since you last answered them", stats.changed, False)
    due = "nothing scheduled" if stats.next_due is None else due_time(stats.next_due, now)
    out.write(f"\nNext review due: {due}\n")


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _flagged(out: TextIO, title: str, items: tuple[Flagged, ...], misses: bool) -> None:
    if not items:
        return
    out.write(f"\n{title}\n")
    _table(
        out,
        [(f.question_id, f"{f.misses}x" if misses else "", _shorten(f.prompt)) for f in items],
    )


def _shorten(text: str) -> str:
    return clip(text, PROMPT_WIDTH)


def _table(out: TextIO, rows: list[tuple[str, ...]], indent: str = "  ") -> None:
    """Rows in columns: text left-aligned, counts and percentages right-aligned."""
    for line in table(rows, indent=indent, numbers_right=True):
        out.write(line + "\n")
