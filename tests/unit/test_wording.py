from datetime import UTC, datetime, timedelta

from quiz.common.wording import due_time, format_points, plural


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
