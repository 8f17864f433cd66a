"""The progress file's schema: its marks, where copies go before a migration, a locked file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz import __version__
from quiz.common.errors import StoreError
from quiz.progress import schema
from quiz.progress import store as store_module
from tests.helpers.store import open_store


def _meta(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    conn.close()
    return rows


def test_a_file_says_its_schema_and_the_quiz_that_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "progress.db"
    open_store(db).close()
    current = schema.schema_version()
    assert _meta(db) == {"schema_version": str(current), "written_by": f"quiz {__version__}"}

    def step(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE notes (text TEXT)")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, step])
    open_store(db).close()
    assert _meta(db)["schema_version"] == str(current + 1)


def test_copies_before_a_migration_never_replace_an_earlier_copy(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    assert schema.backup_path(db, 1) == tmp_path / "progress.db.v1.bak"
    (tmp_path / "progress.db.v1.bak").touch()
    assert schema.backup_path(db, 1) == tmp_path / "progress.db.v1.2.bak"
    (tmp_path / "progress.db.v1.2.bak").touch()
    assert schema.backup_path(db, 1) == tmp_path / "progress.db.v1.3.bak"
    assert schema.backup_path(db, 2) == tmp_path / "progress.db.v2.bak"


def test_a_file_another_program_locks_whole_says_to_try_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.05)
    db = tmp_path / "progress.db"
    holder = sqlite3.connect(db, isolation_level=None)  # a plain (rollback journal) file
    holder.execute("CREATE TABLE held (x)")
    holder.execute("BEGIN EXCLUSIVE")  # not even readable meanwhile
    try:
        with pytest.raises(StoreError) as caught:
            open_store(db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert str(caught.value) == (
        f"{db}: cannot read the progress file now (database is locked); try again"
    )
