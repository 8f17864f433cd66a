"""The stats drawings: what a learner reads in `quiz stats` and on the stats screen."""

from __future__ import annotations

from datetime import date, timedelta

from quiz.progress.charts import calendar_grid, day_chart, forecast_chart, stage_bar, stage_text
from quiz.progress.stats import DayRow, StageCounts, calendar, day_points

TODAY = date(2026, 11, 28)  # a Saturday


def test_a_stage_bar_is_split_by_stage_darkest_first() -> None:
    assert stage_bar(StageCounts(new=6, learning=3, young=0, mature=3)) == "███▒▒▒░░░░░░"
    assert stage_bar(StageCounts()) == "░" * 12
    assert stage_text(StageCounts(1, 2, 3, 4)) == "1 new · 2 learning · 3 young · 4 mature"


def test_the_day_chart_scales_to_the_busiest_day_and_shows_accuracy_below() -> None:
    rows = [DayRow(TODAY, 8, 6.0), DayRow(TODAY - timedelta(days=1), 1, 0.0)]
    lines = day_chart(day_points(rows, TODAY))
    assert lines[0].startswith("   8 │") and lines[0].endswith("█")  # today, the most
    assert lines[3].startswith("   0 │") and lines[3].endswith("▄ █")  # yesterday: 1 of 8
    assert lines[5].split() == ["Oct", "30", "Nov", "14", "Nov", "28"]
    assert lines[6].endswith("· ▁ ▆")  # no answers, 0%, 75%
    assert all(len(line) <= 80 for line in lines)


def test_the_calendar_has_a_row_per_weekday_and_a_name_per_month() -> None:
    rows = [DayRow(TODAY, 4, 4.0), DayRow(date(2026, 11, 2), 1, 1.0)]
    lines = calendar_grid(calendar(rows, TODAY))
    assert lines[0].split() == ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
    assert [line[:4] for line in lines[1:8]] == [
        " Mon",
        "    ",
        " Wed",
        "    ",
        " Fri",
        "    ",
        " Sun",
    ]
    saturday = lines[6]
    assert saturday.endswith("█")  # today, the busiest
    monday = lines[1]
    assert monday.split()[-5:] == ["·", "░", "·", "·", "·"]  # 2 Nov: a quarter of the most
    assert len(lines[7].split()) == 1 + 26  # "Sun", then no cell for tomorrow
    assert all(len(line) <= 80 for line in lines)


def test_the_forecast_gives_counts_and_days_of_the_month() -> None:
    lines = forecast_chart([3, 0, 1] + [0] * 11, TODAY)
    assert lines[-2].split()[:3] == ["3", "0", "1"]
    assert lines[-1].split()[:5] == ["28", "29", "30", "1", "2"]
    assert lines[0].startswith("     ██")
