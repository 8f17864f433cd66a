"""A class's live progress, read from a shared progress file while students answer."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote


class StudentProgress(NamedTuple):
    """One student's session as the progress file has it now."""

    uid: str
    student: str
    mode: str
    started_at: str
    answered: int
    points: float
    finished: bool


_SQL = (
    "SELECT s.uid, p.name, s.mode, s.started_at, "
    "(SELECT COUNT(*) FROM attempts AS a WHERE a.session_id = s.id), "
    "(SELECT COALESCE(SUM(a.score), 0) FROM attempts AS a WHERE a.session_id = s.id), "
    "s.ended_at IS NOT NULL "
    "FROM sessions AS s JOIN profiles AS p ON p.id = s.profile_id "
    "WHERE s.started_at >= ? ORDER BY s.started_at, s.id"
)


def read_roster(path: Path, since: datetime) -> list[StudentProgress]:
    """Every session started at or after `since` (aware), oldest first; [] before the file exists.

    Opens the file read-only for one query, so it never holds a lock a student's
    answer would wait for.
    """
    if not path.exists():
        return []
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        # The store writes fixed-width UTC timestamps, so text order is time order.
        stamp = since.astimezone(UTC).isoformat(timespec="microseconds")
        rows = conn.execute(_SQL, (stamp,)).fetchall()
    except sqlite3.DatabaseError:
        return []
    finally:
        conn.close()
    return [StudentProgress(u, n, m, t, int(a), float(s), bool(f)) for u, n, m, t, a, s, f in rows]
