"""The stats drawings: what a learner reads in `quiz stats` and on the stats screen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

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


# --- the exact drawings ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "width", "bar"),
    [
        (StageCounts(new=1, learning=1, young=1, mature=1), 8, "██▓▓▒▒░░"),
        (StageCounts(new=1, learning=1, young=1), 10, "▓▓▓▒▒▒▒░░░"),  # 3.3 and 6.7 cells
        (StageCounts(mature=5), 12, "████████████"),
        (StageCounts(learning=1), 1, "▒"),
        (StageCounts(), 4, "░░░░"),  # nothing yet: all new
    ],
)
def test_a_stage_bar_gives_each_stage_its_share_of_cells(
    counts: StageCounts, width: int, bar: str
) -> None:
    assert stage_bar(counts, width) == bar


def test_the_day_chart_as_drawn() -> None:
    rows = [
        DayRow(TODAY, 100, 50.0),  # the busiest day: a full column, half right
        DayRow(TODAY - timedelta(days=1), 1, 0.0),  # a sliver, never nothing; 0% a low block
        DayRow(TODAY - timedelta(days=2), 37, 37.0),  # 12 eighths of 32; all right
        DayRow(TODAY - timedelta(days=3), 50, 3.0),  # half the height; 6%, at least a sliver
        DayRow(TODAY - timedelta(days=29), 2, 1.0),
    ]
    assert day_chart(day_points(rows, TODAY)) == [
        " 100 │                                                          █",
        "     │                                                          █",
        "     │                                                    █ ▄   █",
        "   0 │▁                                                   █ █ ▁ █",
        "     └───────────────────────────────────────────────────────────",
        "      Oct 30                        Nov 14                 Nov 28",
        " acc │▄ · · · · · · · · · · · · · · · · · · · · · · · · · ▁ █ ▁ ▄",
    ]


def test_the_day_chart_of_a_month_without_answers_is_empty_but_for_its_axes() -> None:
    assert day_chart(day_points([], TODAY)) == [
        "   0 │" + " " * 59,
        "     │" + " " * 59,
        "     │" + " " * 59,
        "   0 │" + " " * 59,
        "     └" + "─" * 59,
        "      Oct 30                        Nov 14                 Nov 28",
        " acc │" + " ".join("·" * 30),
    ]


def test_the_calendar_as_drawn_shades_quarters_of_the_busiest_day() -> None:
    counts = [0, 1, 2, 3, 4, 5, 6, 7, 8] + [0] * 13 + [1]  # from Monday 19 October
    days = [(date(2026, 10, 19) + timedelta(days=n), c) for n, c in enumerate(counts)]
    assert calendar_grid(days) == [
        "     Oct Nov",
        " Mon · █ · ·",
        "     ░ █ · ░",
        " Wed ░ · ·  ",
        "     ▒ · ·  ",
        " Fri ▒ · ·  ",
        "     ▓ · ·  ",
        " Sun ▓ · ·  ",
        "     less · ░ ▒ ▓ █ more",
    ]


@pytest.mark.parametrize(
    ("first", "months"),
    [
        (date(2026, 10, 26), "       Nov"),  # October's last week: no room for its name
        (date(2026, 10, 19), "     Oct Nov"),
        (date(2026, 11, 2), "     Nov"),  # one month only
        (date(2026, 11, 16), "     Nov   Dec"),  # December from 7 December
    ],
)
def test_the_calendar_names_a_month_above_its_first_week(first: date, months: str) -> None:
    days = [(first + timedelta(days=n), 1) for n in range(28)]
    assert calendar_grid(days)[0] == months


def test_an_empty_calendar_draws_nothing() -> None:
    assert calendar_grid([]) == []


def test_the_forecast_as_drawn() -> None:
    counts = [3, 0, 1, 1200, 24, 5] + [0] * 8
    assert forecast_chart(counts, TODAY) == [
        "                 ██",
        "                 ██",
        "     ▁▁      ▁▁  ██  ▁▁  ▁▁",
        "     3   0   1   1k+ 24  5   0   0   0   0   0   0   0   0",
        "     28  29  30  1   2   3   4   5   6   7   8   9   10  11",
    ]


def test_a_forecast_with_nothing_due_draws_no_columns() -> None:
    assert forecast_chart([0, 0, 0], TODAY) == [
        "     ",
        "     ",
        "     ",
        "     0   0   0",
        "     28  29  30",
    ]


def test_a_calendar_of_whole_weeks_ending_on_a_sunday_has_no_empty_column() -> None:
    counts = [0, 1, 2, 3]  # the busiest day 3: a third of it is past the first quarter
    days = [(date(2026, 11, 2) + timedelta(days=n), counts[n % 4]) for n in range(28)]
    assert calendar_grid(days) == [
        "     Nov",
        " Mon · █ ▓ ▒",
        "     ▒ · █ ▓",
        " Wed ▓ ▒ · █",
        "     █ ▓ ▒ ·",
        " Fri · █ ▓ ▒",
        "     ▒ · █ ▓",
        " Sun ▓ ▒ · █",
        "     less · ░ ▒ ▓ █ more",
    ]


@pytest.mark.parametrize(
    ("counts", "drawn"),
    [
        ([4, 2, 1, 3, 0], [
            "     ██          ▂▂",
            "     ██  ▄▄      ██",
            "     ██  ██  ▆▆  ██",
            "     4   2   1   3   0",
            "     28  29  30  1   2",
        ]),
        ([1000, 999], [
            "     ██  ██",
            "     ██  ██",
            "     ██  ██",
            "     1k+ 999",
            "     28  29",
        ]),
        ([], ["     ", "     ", "     ", "     ", "     "]),
    ],
)  # fmt: skip
def test_the_forecast_columns_are_eighths_of_the_busiest_day(
    counts: list[int], drawn: list[str]
) -> None:
    assert forecast_chart(counts, TODAY) == drawn


def test_a_day_chart_of_no_days_has_only_its_labels() -> None:
    assert day_chart([]) == ["   0 │", "     │", "     │", "   0 │", "     └", "      ", " acc │"]
