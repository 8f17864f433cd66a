"""`quiz stats`: a learner's progress as plain text, without the app.

The progress file is opened read-only: stats never create, change or upgrade it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import TextIO, cast

from quiz import startup as context
from quiz.common.clock import local_day, utc_now
from quiz.common.display import clip, table
from quiz.common.safe_text import VisibleWriter
from quiz.common.wording import due_time, plural
from quiz.progress import charts
from quiz.progress.stats import (
    CALENDAR_WEEKS,
    CHART_DAYS,
    FORECAST_DAYS,
    STRUGGLING_MISSES,
    Flagged,
    Stats,
)

PROMPT_WIDTH = 56
RECENT_SESSIONS = 10
TOPIC_WIDTH = 24


def run(args: argparse.Namespace) -> int:
    """Print the stats of `--profile` over the `--bank` banks (default: the shipped bank)."""
    banks = context.load_banks(args)
    now = utc_now()
    with context.open_store(args, read_only=True) as store:
        stats = store.stats(banks, now, new_limit=context.new_limit(args))
        context.show_warnings(store)
    out = cast(TextIO, VisibleWriter(sys.stdout))
    write(stats, store.profile, ", ".join(b.id for b in banks), now, out)
    return 0


def write(stats: Stats, profile: str, banks: str, now: datetime, out: TextIO) -> None:
    """The stats report."""
    out.write(f"Progress of {profile} in {banks}\n\n")
    if not stats.seen:
        out.write(f"No answers yet ({stats.questions} questions to discover).\n")
        return
    accuracy = _percent(stats.accuracy)
    today = stats.today
    _table(
        out,
        [
            ("Today", str(today.due), f"due, {today.new} new, about {today.minutes} min"),
            ("Questions", str(stats.questions), charts.stage_text(stats.stages)),
            ("Seen", str(stats.seen), ""),
            ("Due now", str(stats.due), ""),
            ("Missed", str(stats.missed), "latest answer wrong, partly right or too late"),
            ("Accuracy", accuracy, f"over {plural(stats.answers, 'answer')}"),
            (
                "Streak",
                plural(stats.streak, "day"),
                f"longest {plural(stats.longest_streak, 'day')}",
            ),
        ],
        indent="",
    )
    if stats.sessions:
        recent = stats.sessions[-RECENT_SESSIONS:]
        out.write("Recent sessions (oldest first): ")
        out.write(" ".join(f"{p.percent:.0f}%" for p in recent) + "\n")
    out.write(f"\nAnswers per day, last {CHART_DAYS} days; accuracy per day below (0-100%)\n")
    _lines(out, charts.day_chart(stats.days))
    out.write(f"\nStudy days, last {CALENDAR_WEEKS} weeks\n")
    _lines(out, charts.calendar_grid(stats.calendar))
    out.write(f"\nReviews due, next {FORECAST_DAYS} days (today first)\n")
    _lines(out, charts.forecast_chart(stats.forecast, local_day(now)))
    out.write(f"\nStages by topic ({charts.STAGE_LEGEND})\n")
    _table(
        out,
        [("", "new", "learning", "young", "mature", "accuracy", "")]
        + [
            (
                _shorten(t.topic, TOPIC_WIDTH),
                str(t.stages.new),
                str(t.stages.learning),
                str(t.stages.young),
                str(t.stages.mature),
                _percent(t.accuracy),
                charts.stage_bar(t.stages),
            )
            for t in stats.topics
        ],
        header=True,
    )
    _flagged(out, f"Struggling (missed {STRUGGLING_MISSES} times or more)", stats.struggling, True)
    _flagged(out, "Changed since you last answered them", stats.changed, False)
    due = "nothing scheduled" if stats.next_due is None else due_time(stats.next_due, now)
    out.write(f"\nNext review due: {due}\n")


def _lines(out: TextIO, lines: list[str]) -> None:
    out.write("".join(line.rstrip() + "\n" for line in lines))


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


def _shorten(text: str, width: int = PROMPT_WIDTH) -> str:
    return clip(text, width)


def _table(
    out: TextIO, rows: Sequence[tuple[str, ...]], indent: str = "  ", *, header: bool = False
) -> None:
    """Rows in columns: text left-aligned, counts and percentages right-aligned (and with
    `header`, the first row's names over them)."""
    head, body = (rows[0], rows[1:]) if header and rows else (None, rows)
    for line in table(body, head, indent=indent, numbers_right=True, rule=False):
        out.write(line + "\n")
