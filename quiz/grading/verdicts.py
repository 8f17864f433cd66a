"""The verdict names an answer can get, and the groups the rest of quiz counts by."""

from __future__ import annotations

VERDICTS = ("correct", "partial", "incorrect", "skipped", "timeout")
ANSWERED = ("correct", "partial", "incorrect")  # an answer given in time
MISSED_VERDICTS = ("incorrect", "partial", "timeout")  # not fully right
