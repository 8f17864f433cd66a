"""The one place quiz reads the time of day.

`QUIZ_NOW` (an ISO 8601 time with a zone, such as `2026-11-28T09:00:00Z`) is for
tests only: it fixes "now" so a test can study across simulated days. Every
answer, due date and "today" in quiz comes through `utc_now`.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

FAKE_NOW_VARIABLE = "QUIZ_NOW"


def utc_now() -> datetime:
    """The current time, aware, in UTC (or the test time in $QUIZ_NOW)."""
    fake = os.environ.get(FAKE_NOW_VARIABLE)
    if fake:
        moment = datetime.fromisoformat(fake)
        if moment.tzinfo is None:
            raise ValueError(f"{FAKE_NOW_VARIABLE}={fake!r}: give a time zone, such as Z")
        return moment.astimezone(UTC)
    return datetime.now(UTC)


def local_day(moment: datetime) -> date:
    """The calendar day of `moment` in this computer's local time."""
    return moment.astimezone().date()
