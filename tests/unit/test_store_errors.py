"""The store's refusals, word for word: what a learner reads when the file cannot be used."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.common.errors import StoreError
from quiz.progress import schema
from quiz.progress import store as store_module
from quiz.progress.store import ProgressStore
from tests.helpers.store import info, open_store, session

DAMAGED = (
    "It was left untouched: move it aside (or restore a backup) and quiz will start a new one."
)


def _message(path: Path, *, read_only: bool = False) -> str:
    with pytest.raises(StoreError) as caught:
        ProgressStore.open(path, "ana", fuzz=False, read_only=read_only).close()
    return str(caught.value)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "progress.db"
    with open_store(path) as store:
        session(store, "s1", [("q1", "incorrect"), ("q2", "correct")])
    return path


@pytest.mark.parametrize("read_only", [False, True])
def test_a_file_from_a_newer_quiz_says_which_schemas(db: Path, read_only: bool) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 7")
    assert _message(db, read_only=read_only) == (
        f"{db}: made by a newer quiz (schema 7, this quiz knows up to "
        f"{schema.schema_version()}); upgrade quiz to use it. The file was left untouched."
    )


@pytest.mark.parametrize("read_only", [False, True])
def test_a_foreign_sqlite_file_says_it_is_not_a_progress_file(
    tmp_path: Path, read_only: bool
) -> None:
    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    assert _message(path, read_only=read_only) == (
        f"{path}: this SQLite file is not a quiz progress file; quiz will not change it. "
        "Use --progress to choose another file."
    )


@pytest.mark.parametrize("read_only", [False, True])
def test_a_file_that_is_no_database_says_how_to_go_on(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "progress.db"
    path.write_bytes(b"SQLite format 2\x00" + bytes(range(256)) * 32)
    assert _message(path, read_only=read_only) == (
        f"{path}: not a readable progress file (file is not a database). It may be damaged or "
        "not a database at all. It was left untouched: move it aside (or restore a backup) "
        "and quiz will start a new one, or point --progress elsewhere."
    )


def test_stats_on_a_file_an_older_quiz_wrote_ask_for_an_upgrade_first(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 1")
    assert _message(db, read_only=True) == (
        f"{db}: written by an older quiz (schema 1); run quiz once to upgrade it "
        "(a copy is kept beside it), then try again."
    )


def test_an_empty_file_reads_as_an_empty_store_and_stays_empty(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    path.touch()
    with ProgressStore.open(path, "ana", read_only=True) as store:
        assert (store.history(["b"]), store.profiles(), store.next_due(["b"])) == ({}, [], None)
        assert list(store.export_sessions()) == []
    assert path.read_bytes() == b""


def test_a_folder_given_as_the_file_is_named(tmp_path: Path) -> None:
    assert _message(tmp_path) == f"{tmp_path}: is a folder; --progress needs a file path"


def test_a_folder_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    blocker.chmod(0o755)
    path = blocker / "sub" / "progress.db"
    assert _message(path) == (
        f"{path}: cannot create its folder (Not a directory); choose another place with --progress"
    )


def test_a_file_sqlite_will_not_write_is_refused_as_read_only(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only_connect(path: Path) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)

    monkeypatch.setattr(store_module, "_connect", read_only_connect)
    with pytest.raises(StoreError) as caught:
        ProgressStore.open(db, "a new learner")
    assert str(caught.value) == (
        f"{db}: cannot record progress here: the file is read-only. Make it writable, or "
        "choose another file with --progress (quiz stats and quiz export can still read it)."
    )


def test_a_missing_table_is_named_when_it_is_read(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE daily")
    with open_store(db) as store:
        with pytest.raises(StoreError) as caught:
            store.day_rows(["b"])
        assert str(caught.value) == f"{db}: cannot use the progress file: no such table: daily"
        assert [r["verdict"] for r in store.export_attempts()] == ["incorrect", "correct"]


def _ruin_table(path: Path, table: str) -> None:
    """Overwrite the first page of `table` with noise, leaving the rest of the file sound."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    conn.close()
    with open(path, "r+b") as f:
        f.seek((root[0] - 1) * size)
        f.write(b"\xa5" * size)


@pytest.mark.parametrize("read_only", [False, True])
def test_a_damaged_table_is_reported_when_it_is_read(db: Path, read_only: bool) -> None:
    _ruin_table(db, "cards")
    store = ProgressStore.open(db, "ana", read_only=read_only)
    with store, pytest.raises(StoreError) as caught:
        store.history(["b"])
    assert str(caught.value) == (
        f"{db}: the progress file is damaged (database disk image is malformed). {DAMAGED}"
    )


def test_a_file_locked_by_another_program_says_to_try_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.51)  # said as "1 s"
    path = tmp_path / "progress.db"
    holder = sqlite3.connect(path, isolation_level=None)  # a plain (rollback journal) file
    holder.execute("PRAGMA application_id = 0")
    holder.execute("BEGIN IMMEDIATE")  # may be read, not turned into a WAL file
    holder.execute("CREATE TABLE held (x)")
    try:
        assert _message(path) == (
            f"{path}: busy: another program kept it locked for over 1 s; try again"
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_store(path) as store:  # free again: it opens
        store.start(info())


class _Refusing:
    """A connection whose every query fails as SQLite fails on a read-only disk."""

    def __init__(self, conn: sqlite3.Connection, text: str) -> None:
        self._conn, self._text = conn, text

    def execute(self, *args: object) -> object:
        raise sqlite3.OperationalError(self._text)

    def close(self) -> None:
        self._conn.close()


@pytest.mark.parametrize(
    "text",
    [
        "unable to open database file",
        "attempt to write a readonly database",
        "disk I/O error: read-only file system",
    ],
)
def test_stats_read_a_file_on_a_read_only_disk_as_it_stands(
    db: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    real_connect = sqlite3.connect

    def connect(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        if "mode=ro" in str(target):
            return _Refusing(real_connect(":memory:"), text)  # type: ignore[return-value]
        return real_connect(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)
    with ProgressStore.open(db, "ana", read_only=True) as reader:
        assert [r["verdict"] for r in reader.export_attempts()] == ["incorrect", "correct"]


def test_stats_on_a_file_locked_whole_say_to_try_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.51)  # said as "1 s"
    path = tmp_path / "progress.db"
    holder = sqlite3.connect(path, isolation_level=None)  # a plain (rollback journal) file
    holder.execute("CREATE TABLE held (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert _message(path, read_only=True) == (
            f"{path}: busy: another program kept it locked for over 1 s; try again"
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_file_whose_folder_name_looks_like_a_web_address_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "class #2? 100% done"
    db = folder / "progress.db"
    with open_store(db) as store:
        session(store, "s1", [("q1", "incorrect")])
    with ProgressStore.open(db, "ana", read_only=True) as reader:
        assert reader.history(["b"])[("b", "q1")].missed
