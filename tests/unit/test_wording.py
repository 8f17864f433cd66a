from datetime import UTC, datetime, timedelta

import pytest

from quiz.common.wording import (
    done_for_today,
    due_time,
    format_number,
    format_points,
    left_out_sentence,
    mark_line,
    plural,
    shorten,
)


def test_plural_adds_s_except_for_one() -> None:
    assert plural(1, "question") == "1 question"
    assert plural(0, "question") == "0 questions"
    assert plural(3, "wrong pick") == "3 wrong picks"


def test_format_points_drops_a_needless_fraction() -> None:
    assert format_points(2.0) == "2"
    assert format_points(1.5) == "1.5"
    assert format_points(1 / 3) == "0.33"


def test_format_points_reads_a_float_sum_near_a_whole_number_as_that_number() -> None:
    # Three partial multiple-select scores; the float sum is 0.9999999999999999.
    assert format_points(0.5 + 1 / 3 + 1 / 6) == "1"


def test_due_time_reads_relative_then_local() -> None:
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    local = (now + timedelta(hours=3)).astimezone().strftime("%a %d %b %Y, %H:%M")
    assert due_time(now + timedelta(hours=3), now) == f"in 3 hours ({local})"
    assert due_time(now + timedelta(days=1, minutes=5), now).startswith("in 1 day (")
    assert due_time(now + timedelta(seconds=30), now).startswith("in less than a minute (")


def test_due_time_is_now_once_it_has_come() -> None:
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    assert due_time(now, now) == "now"
    assert due_time(now - timedelta(days=2), now) == "now"


def test_due_time_moves_up_a_unit_when_rounding_reaches_it() -> None:
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    assert due_time(now + timedelta(minutes=59, seconds=40), now).startswith("in 1 hour (")
    assert due_time(now + timedelta(hours=23, minutes=45), now).startswith("in 1 day (")
    assert due_time(now + timedelta(seconds=50), now).startswith("in 1 minute (")


def test_shorten_cuts_long_text_and_says_how_long() -> None:
    from quiz.common.wording import shorten

    assert shorten("short") == "short"
    assert shorten("abcdef", 3) == "abc… (6 characters in all)"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, "0"), (0.5, "0.5"), (2 / 3, "0.67"), (0.995, "0.99"), (1.999, "2"), (10.1, "10.1")],
)
def test_format_points_cases(value: float, shown: str) -> None:
    assert format_points(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"), [(2002.0, "2002"), (-3, "-3"), (2.5, "2.5"), (0.1 + 0.2, "0.3")]
)
def test_format_number_as_a_learner_writes_it(value: float, shown: str) -> None:
    assert format_number(value) == shown


NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ahead", "relative"),
    [
        (timedelta(seconds=29), "in less than a minute"),
        (timedelta(seconds=31), "in 1 minute"),
        (timedelta(minutes=2), "in 2 minutes"),
        (timedelta(minutes=59, seconds=29), "in 59 minutes"),
        (timedelta(hours=1, minutes=29), "in 1 hour"),
        (timedelta(hours=2), "in 2 hours"),
        (timedelta(hours=23, minutes=29), "in 23 hours"),
        (timedelta(days=1), "in 1 day"),
        (timedelta(days=3, hours=11), "in 3 days"),
    ],
)
def test_due_time_in_each_unit(ahead: timedelta, relative: str) -> None:
    local = (NOW + ahead).astimezone().strftime("%a %d %b %Y, %H:%M")
    assert due_time(NOW + ahead, NOW) == f"{relative} ({local})"


def test_done_for_today_says_what_comes_next() -> None:
    later = NOW + timedelta(minutes=10)
    local = later.astimezone().strftime("%a %d %b %Y, %H:%M")
    assert done_for_today(None, NOW) == "Done for today. Nothing is scheduled yet."
    assert done_for_today(NOW, NOW) == (
        "Done for today's plan, but more reviews are due now: study again to take them."
    )
    assert done_for_today(later, NOW) == (
        f"Done for today. Next review due in 10 minutes ({local})."
    )


def test_left_out_sentence_counts_and_names_the_questions() -> None:
    assert left_out_sentence(["q1"]) == (
        "Left out 1 question whose wording would give away another's answer: q1"
    )
    assert left_out_sentence(["q1", "q2"]) == (
        "Left out 2 questions whose wording would give away another's answer: q1, q2"
    )


def test_shorten_keeps_text_of_exactly_the_limit() -> None:
    assert shorten("x" * 200) == "x" * 200
    assert shorten("x" * 201) == "x" * 200 + "… (201 characters in all)"
    assert shorten("ab cd", 3) == "ab… (5 characters in all)"


def test_mark_line_in_symbol_and_words() -> None:
    assert mark_line("Russia", True) == "✓ Russia (right)"
    assert mark_line("Russia", True, "ignored") == "✓ Russia (right)"
    assert mark_line("Georgia", False) == "✗ Georgia (wrong)"
    assert mark_line("Georgia", False, "wrong: not a right choice") == (
        "✗ Georgia (wrong: not a right choice)"
    )


@pytest.mark.parametrize(
    ("ahead", "relative"),
    [(timedelta(hours=1, minutes=30), "in 2 hours"), (timedelta(days=1, hours=12), "in 2 days")],
)
def test_due_time_rounds_a_half_up_to_the_next_whole_unit(ahead: timedelta, relative: str) -> None:
    assert due_time(NOW + ahead, NOW).startswith(f"{relative} (")
