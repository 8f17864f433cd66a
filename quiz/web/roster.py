"""The teacher's live roster: who joined, how far each is, who finished, the class average."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from quiz.common.display import score_fraction
from quiz.grading.verdicts import score_percent
from quiz.progress.roster import StudentProgress, read_roster


def _shown(name: str) -> str:
    """A name as the teacher's terminal may show it: control characters made visible."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name)


def _percent(points: float, out_of: int) -> int:
    return round(score_percent(points, out_of))


def changes(
    before: dict[str, StudentProgress], now: Sequence[StudentProgress], total: int | None
) -> list[str]:
    """One line for each student who joined, answered more, or finished since `before`."""
    lines = []
    for row in now:
        old = before.get(row.uid)
        name = _shown(row.student)
        out_of = total or row.answered
        if old is None:
            lines.append(f"{name} joined ({row.mode})")
        if row.answered != (old.answered if old else 0) and not row.finished:
            so_far = f"{row.answered}/{total}" if total else f"{row.answered} answered"
            lines.append(f"{name}: {so_far}")
        if row.finished and not (old and old.finished):
            score = score_fraction(row.points, out_of, score_percent(row.points, out_of))
            if total and row.answered < total:
                lines.append(f"{name} left after {row.answered} of {total}: {score}")
            else:
                lines.append(f"{name} finished: {score}")
    return lines


def class_line(rows: Sequence[StudentProgress], total: int | None) -> str:
    """The class so far: joined, finished, and the average score of those who finished."""
    done = [r for r in rows if r.finished]
    line = f"Class: {len(rows)} joined, {len(done)} finished"
    if done:
        scores = [_percent(r.points, total or r.answered) for r in done]
        line += f", average {round(sum(scores) / len(scores))}%"
    return line


@dataclass
class Roster:
    """Polls the shared progress file and says what changed, one line per event."""

    progress: Path
    since: datetime
    total: int | None
    say: Callable[[str], None]
    _seen: dict[str, StudentProgress] = field(default_factory=dict)

    def poll(self) -> None:
        """Read the file once and report every change since the last poll."""
        rows = read_roster(self.progress, self.since)
        lines = changes(self._seen, rows, self.total)
        finished_now = any(r.finished and not _was_finished(self._seen, r.uid) for r in rows)
        self._seen = {r.uid: r for r in rows}
        for line in lines:
            self.say(line)
        if lines and finished_now:
            self.say(class_line(rows, self.total))


def _was_finished(seen: dict[str, StudentProgress], uid: str) -> bool:
    old = seen.get(uid)
    return old is not None and old.finished
