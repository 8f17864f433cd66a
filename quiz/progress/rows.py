"""Values read back from the progress file, checked: a hand-edited or damaged row is refused.

SQLite keeps whatever was put in a column (text in a REAL column, a date that is
not one), so every field read is checked here before the rest of quiz uses it.
`Damaged` says which field is wrong; the store skips that row with a warning.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from typing import Any


class Damaged(ValueError):
    """A value in the progress file that is not what quiz wrote there."""


def text(value: Any, field: str, *, optional: bool = False) -> str | None:
    """A text field (None allowed when `optional`)."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise Damaged(f"{field} is not text")
    return value


def integer(value: Any, field: str, *, optional: bool = False) -> int | None:
    """A whole-number field."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Damaged(f"{field} is not a number")
    if isinstance(value, float) and not value.is_integer():
        raise Damaged(f"{field} is not a whole number")
    return int(value)


def number(value: Any, field: str, *, optional: bool = False) -> float | None:
    """A finite number field."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise Damaged(f"{field} is not a number")
    return float(value)


def moment(value: Any, field: str, *, optional: bool = False) -> datetime | None:
    """A timestamp with its time zone, as quiz writes them."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise Damaged(f"{field} is not a date and time")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise Damaged(f"{field} is not a date and time") from None
    if parsed.tzinfo is None:
        raise Damaged(f"{field} has no time zone")
    return parsed


def day(value: Any, field: str) -> date:
    """A calendar day (YYYY-MM-DD)."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise Damaged(f"{field} is not a date") from None


def json_value(value: Any, field: str, *, optional: bool = False) -> Any:
    """A field holding JSON text, decoded."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise Damaged(f"{field} is not JSON text")
    try:
        return json.loads(value)
    except (ValueError, RecursionError):
        raise Damaged(f"{field} is not valid JSON") from None


def text_list(value: Any, field: str) -> list[str]:
    """A field holding a JSON list of text (a session's bank ids)."""
    items = json_value(value, field)
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise Damaged(f"{field} is not a list of names")
    return items
