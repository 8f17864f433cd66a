"""The progress file's schema, its migrations, and how an existing file is judged.

`PRAGMA application_id` marks a file as a quiz progress file; `PRAGMA
user_version` is its schema version, the number of migrations applied. A new
version appends a function to MIGRATIONS; opening an older file copies it beside
itself (`progress.db.v1.bak`) before migrating it in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from quiz.common.errors import StoreError

APPLICATION_ID = 0x5155495A  # "QUIZ"

_V1 = (
    """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL)""",
    """CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        bank_ids TEXT NOT NULL,
        mode TEXT NOT NULL,
        options TEXT NOT NULL,
        seed TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        points REAL,
        possible INTEGER,
        answered INTEGER)""",
    """CREATE INDEX sessions_by_profile ON sessions (profile_id, started_at)""",
    # card_before: the card as it was before this attempt, so an override of the
    # attempt can redo the review from there.
    """CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        seq INTEGER NOT NULL,
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        topic TEXT NOT NULL,
        given TEXT,
        verdict TEXT NOT NULL,
        score REAL NOT NULL,
        overridden INTEGER NOT NULL,
        seconds REAL,
        answered_at TEXT NOT NULL,
        card_before TEXT,
        UNIQUE (session_id, seq))""",
    # One row per (profile, bank, question), updated in the attempt's transaction:
    # history and stats read these instead of scanning the attempts.
    """CREATE TABLE cards (
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        card TEXT,
        due TEXT,
        state INTEGER,
        stability REAL,
        attempts INTEGER NOT NULL DEFAULT 0,
        misses INTEGER NOT NULL DEFAULT 0,
        score_sum REAL NOT NULL DEFAULT 0,
        last_verdict TEXT,
        last_answered TEXT,
        last_content_hash TEXT,
        PRIMARY KEY (profile_id, bank_id, question_id)) WITHOUT ROWID""",
    # Local calendar days with an answer, for the streak.
    """CREATE TABLE study_days (
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        day TEXT NOT NULL,
        PRIMARY KEY (profile_id, day)) WITHOUT ROWID""",
)


def _v1(conn: sqlite3.Connection) -> None:
    for statement in _V1:
        conn.execute(statement)


_V2 = (
    # When a question stopped being new: today's new questions count against the limit.
    """ALTER TABLE cards ADD COLUMN first_answered TEXT""",
    """UPDATE cards SET first_answered = f.first FROM (
        SELECT profile_id, bank_id, question_id, min(answered_at) AS first FROM attempts
        WHERE verdict != 'skipped' GROUP BY profile_id, bank_id, question_id) AS f
        WHERE cards.profile_id = f.profile_id AND cards.bank_id = f.bank_id
        AND cards.question_id = f.question_id""",
    # Undo finds a question's previous answer without scanning every attempt.
    """CREATE INDEX attempts_by_question ON attempts (profile_id, bank_id, question_id, id)""",
    # Answers and score per local calendar day and bank, updated with each attempt:
    # the calendar, the 30-day chart and the streaks read these instead of the attempts.
    """CREATE TABLE daily (
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        day TEXT NOT NULL,
        bank_id TEXT NOT NULL,
        answers INTEGER NOT NULL,
        score_sum REAL NOT NULL,
        PRIMARY KEY (profile_id, day, bank_id)) WITHOUT ROWID""",
    """INSERT INTO daily (profile_id, day, bank_id, answers, score_sum)
        SELECT profile_id, date(answered_at, 'localtime'), bank_id, count(*), sum(score)
        FROM attempts WHERE verdict != 'skipped' GROUP BY 1, 2, 3""",
    """DROP TABLE study_days""",
)


def _v2(conn: sqlite3.Connection) -> None:
    for statement in _V2:
        conn.execute(statement)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2]


def schema_version() -> int:
    """The version this quiz writes."""
    return len(MIGRATIONS)


def check(conn: sqlite3.Connection, path: Path) -> int:
    """The file's schema version, 0 for an empty file; StoreError for one we must not touch."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.OperationalError as exc:
        # Busy, unreadable or on a read-only disk: nothing says the file is damaged.
        raise StoreError(f"{path}: cannot read the progress file now ({exc}); try again") from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: not a readable progress file ({exc}). It may be damaged or not a "
            "database at all. It was left untouched: move it aside (or restore a backup) "
            "and quiz will start a new one, or point --progress elsewhere."
        ) from exc
    if app_id == 0 and version == 0 and tables == 0:
        return 0
    if app_id != APPLICATION_ID:
        raise StoreError(
            f"{path}: this SQLite file is not a quiz progress file; quiz will not change it. "
            "Use --progress to choose another file."
        )
    if version > schema_version():
        raise StoreError(
            f"{path}: made by a newer quiz (schema {version}, this quiz knows up to "
            f"{schema_version()}); upgrade quiz to use it. The file was left untouched."
        )
    return int(version)


def migrate(conn: sqlite3.Connection, path: Path, version: int, quiz_version: str) -> None:
    """Bring a file from `version` to the current schema, copying it aside first if not new."""
    if version == schema_version():
        return
    if version > 0:
        backup(conn, path, version)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in MIGRATIONS[version:]:
            step(conn)
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?), "
            "('written_by', ?)",
            (str(schema_version()), f"quiz {quiz_version}"),
        )
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {schema_version()}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def backup_path(path: Path, version: int) -> Path:
    """Where the copy of a version-`version` file goes; never an existing file."""
    candidate = path.with_name(f"{path.name}.v{version}.bak")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.v{version}.{n}.bak")
    return candidate


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the whole database (WAL content included) beside the file."""
    target = backup_path(path, version)
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target
