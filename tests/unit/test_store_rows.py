"""Values read back from the progress file: what is accepted as is, and what is named damaged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from quiz.progress import rows
from quiz.progress.rows import Damaged

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("read", "value", "expected"),
    [
        (rows.text, "Harbour", "Harbour"),
        (rows.text, "", ""),
        (rows.integer, 3, 3),
        (rows.integer, 4.0, 4),
        (rows.integer, -2, -2),
        (rows.number, 2, 2.0),
        (rows.number, 0.25, 0.25),
        (rows.moment, "2026-03-02T12:00:00.000000+00:00", NOON),
        (rows.moment, "2026-03-02T13:00:00+01:00", NOON),
        (rows.day, "2026-03-02", date(2026, 3, 2)),
        (rows.json_value, '{"a": [1, "é"]}', {"a": [1, "é"]}),
        (rows.json_value, "null", None),
        (rows.text_list, '["b", "c"]', ["b", "c"]),
        (rows.text_list, "[]", []),
    ],
)
def test_a_sound_value_is_read_as_quiz_wrote_it(
    read: Callable[..., Any], value: object, expected: object
) -> None:
    got = read(value, "field")
    assert got == expected
    assert type(got) is type(expected)


def test_a_time_keeps_the_zone_it_was_written_with() -> None:
    got = rows.moment("2026-03-02T13:00:00+01:00", "field")
    assert got is not None and got.utcoffset() == timedelta(hours=1)
    assert got.tzinfo == timezone(timedelta(hours=1))


OPTIONAL = [rows.text, rows.integer, rows.number, rows.moment, rows.json_value]


@pytest.mark.parametrize("read", OPTIONAL)
def test_an_optional_field_may_be_empty(read: Callable[..., Any]) -> None:
    assert read(None, "field", optional=True) is None


@pytest.mark.parametrize(
    ("read", "value", "message"),
    [
        (rows.text, None, "bank id is not text"),
        (rows.text, 7, "bank id is not text"),
        (rows.text, b"bytes", "bank id is not text"),
        (rows.integer, None, "bank id is not a number"),
        (rows.integer, "3", "bank id is not a number"),
        (rows.integer, True, "bank id is not a number"),
        (rows.integer, 2.5, "bank id is not a whole number"),
        (rows.number, None, "bank id is not a number"),
        (rows.number, "lots", "bank id is not a number"),
        (rows.number, False, "bank id is not a number"),
        (rows.number, float("nan"), "bank id is not a number"),
        (rows.number, float("inf"), "bank id is not a number"),
        (rows.number, float("-inf"), "bank id is not a number"),
        (rows.moment, None, "bank id is not a date and time"),
        (rows.moment, 1700000000, "bank id is not a date and time"),
        (rows.moment, "next tuesday", "bank id is not a date and time"),
        (rows.moment, "2026-01-01T00:00:00", "bank id has no time zone"),
        (rows.day, None, "bank id is not a date"),
        (rows.day, "yesterday", "bank id is not a date"),
        (rows.json_value, None, "bank id is not JSON text"),
        (rows.json_value, 3, "bank id is not JSON text"),
        (rows.json_value, "{not json", "bank id is not valid JSON"),
        (rows.json_value, "[" * 100_000, "bank id is not valid JSON"),
        (rows.text_list, None, "bank id is not JSON text"),
        (rows.text_list, "store-small", "bank id is not valid JSON"),
        (rows.text_list, '"store-small"', "bank id is not a list of names"),
        (rows.text_list, '{"b": 1}', "bank id is not a list of names"),
        (rows.text_list, '["b", 2]', "bank id is not a list of names"),
    ],
)
def test_a_damaged_value_is_refused_naming_the_field(
    read: Callable[..., Any], value: object, message: str
) -> None:
    with pytest.raises(Damaged) as caught:
        read(value, "bank id")
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)
