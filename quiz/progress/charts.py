"""Stats drawn as plain text with Unicode blocks: one drawing for `quiz stats` and the app.

Every chart fits 80 columns and tells its values by shape and glyph, never by colour
alone, so the plain output, a screen reader's text and the app all read the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from quiz.progress.stats import DayPoint, StageCounts

BLOCKS = " ▁▂▃▄▅▆▇█"
# new, learning, young, mature: lighter to darker, a glyph each.
STAGE_GLYPHS = {"mature": "█", "young": "▓", "learning": "▒", "new": "░"}
STAGE_LEGEND = "█ mature  ▓ young  ▒ learning  ░ new"
HEAT = "·░▒▓█"  # no answer, then quarters of the busiest day
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def stage_bar(counts: StageCounts, width: int = 12) -> str:
    """A bar of `width` cells split by stage, darkest (mature) first."""
    total = sum(counts)
    if not total:
        return STAGE_GLYPHS["new"] * width
    cells, used, running = [], 0, 0
    for name in ("mature", "young", "learning", "new"):
        running += getattr(counts, name)
        end = round(running * width / total)
        cells.append(STAGE_GLYPHS[name] * (end - used))
        used = end
    return "".join(cells)


def stage_text(counts: StageCounts) -> str:
    """'3 new · 2 learning · 1 young · 0 mature'."""
    return " · ".join(f"{getattr(counts, name)} {name}" for name in StageCounts._fields)


def day_chart(days: Sequence[DayPoint], height: int = 4) -> list[str]:
    """Answers per day as columns (scaled to the busiest day), a date axis, and a row of
    accuracy per day on a fixed 0-100% scale ('·' for a day without answers)."""
    top = max((d.answers for d in days), default=0)
    lines = []
    for row in range(height - 1, -1, -1):
        cells = []
        for d in days:
            eighths = round(d.answers / top * height * 8) if top else 0
            if d.answers and eighths == 0:
                eighths = 1  # a day with any answer always shows
            cells.append(BLOCKS[max(0, min(8, eighths - row * 8))])
        label = str(top) if row == height - 1 else ("0" if row == 0 else "")
        lines.append(f"{label:>4} │" + " ".join(cells))
    lines.append("     └" + "─" * (2 * len(days) - 1))
    lines.append("      " + _date_axis([d.day for d in days], 2))
    accuracy = " ".join(
        "·" if d.accuracy is None else BLOCKS[max(1, round(d.accuracy * 8))] for d in days
    )
    lines.append(" acc │" + accuracy)
    return lines


def calendar_grid(calendar: Sequence[tuple[date, int]]) -> list[str]:
    """A week a column, Monday at the top, like a contributions calendar; months above."""
    if not calendar:
        return []
    first = calendar[0][0]
    weeks = (len(calendar) + 6) // 7
    top = max(count for _, count in calendar)
    grid = [[" "] * weeks for _ in range(7)]
    for day, count in calendar:
        week, weekday = divmod((day - first).days, 7)
        grid[weekday][week] = HEAT[0] if not count else HEAT[1 + (4 * count - 1) // top]
    months = [" "] * (2 * weeks + 2)
    starts = [
        week
        for week in range(1, weeks)
        if (first + timedelta(weeks=week)).month != (first + timedelta(weeks=week - 1)).month
    ]
    # The first column's month only when the next month's name leaves room for it.
    for week in ([0] if not starts or starts[0] >= 2 else []) + starts:
        months[2 * week : 2 * week + 3] = (first + timedelta(weeks=week)).strftime("%b")
    lines = ["     " + "".join(months).rstrip()]
    lines.extend(f"{WEEKDAYS[d]:>4} " + " ".join(grid[d]) for d in range(7))
    lines.append(f"     less {' '.join(HEAT)} more")
    return lines


def forecast_chart(counts: Sequence[int], start: date, height: int = 3) -> list[str]:
    """Reviews due per day from `start` (today): columns, the counts, the day of month."""
    top = max(counts, default=0)
    lines = []
    for row in range(height - 1, -1, -1):
        cells = []
        for n in counts:
            eighths = round(n / top * height * 8) if top else 0
            if n and eighths == 0:
                eighths = 1
            cells.append(BLOCKS[max(0, min(8, eighths - row * 8))] * 2)
        lines.append("     " + "  ".join(cells).rstrip())
    lines.append("     " + "".join(f"{n:<4}" if n < 1000 else "1k+ " for n in counts).rstrip())
    days = [start + timedelta(days=i) for i in range(len(counts))]
    lines.append("     " + "".join(f"{d.day:<4}" for d in days).rstrip())
    return lines


def _date_axis(days: Sequence[date], step: int) -> str:
    """'Oct 30' under the first column, the middle one, and the last (ending there)."""
    width = step * len(days) - 1
    axis = [" "] * width
    if not days:
        return ""
    for index in (0, len(days) // 2):
        label = days[index].strftime("%b %-d")
        axis[index * step : index * step + len(label)] = label
    last = days[-1].strftime("%b %-d")
    axis[width - len(last) :] = last
    return "".join(axis)[:width]
