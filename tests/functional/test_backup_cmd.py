"""`quiz backup` and `quiz restore`: a consistent copy, and a restore that shows the copy's data."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from quiz.main import main
from quiz.progress.store import ProgressStore
from tests.helpers.store import info, open_store, session


def answers(db: Path) -> int:
    with ProgressStore.open(db, "ana", read_only=True) as store:
        return sum(1 for _ in store.export_attempts(all_profiles=True))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_backup_taken_while_quiz_has_the_file_open_holds_every_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:  # still open: answers sit in the -wal file
        session(store, "s1", [("q1", "correct"), ("q2", "incorrect")])
        assert Path(f"{db}-wal").exists()
        code, out, err = run(capsys, "backup", str(tmp_path / "copy.db"), "--progress", str(db))
        assert code == 0, err
    assert out == f"Backed up {db} to {tmp_path / 'copy.db'}\n"
    assert answers(tmp_path / "copy.db") == 2
    assert not Path(f"{tmp_path / 'copy.db'}-wal").exists()


def test_a_backup_without_a_path_goes_beside_the_file_and_follows_the_umask(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct")])
    old = os.umask(0o022)
    try:
        code, out, err = run(capsys, "backup", "--progress", str(db))
    finally:
        os.umask(old)
    assert code == 0, err
    made = [
        p for p in tmp_path.iterdir() if p.name.startswith("progress.db.") and p.suffix == ".bak"
    ]
    assert len(made) == 1 and str(made[0]) in out
    assert made[0].stat().st_mode & 0o777 == 0o644
    assert answers(made[0]) == 1


def test_restore_ignores_a_stale_wal_and_keeps_the_replaced_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct")])
    assert run(capsys, "backup", str(tmp_path / "one.db"), "--progress", str(db))[0] == 0
    with open_store(db) as store:
        session(store, "s2", [("q2", "correct"), ("q3", "correct")])
    assert answers(db) == 3
    # A stale journal beside the file, as a copy made by hand while quiz ran leaves it.
    Path(f"{db}-wal").write_bytes(b"stale")
    code, out, err = run(capsys, "restore", str(tmp_path / "one.db"), "--progress", str(db))
    assert code == 0, err
    assert answers(db) == 1  # the backup's data, not the old file's
    assert not Path(f"{db}-wal").exists()
    kept = [p for p in tmp_path.iterdir() if ".replaced." in p.name]
    assert len(kept) == 1 and str(kept[0]) in out
    assert answers(kept[0]) == 3  # nothing lost: the replaced file is kept
    with open_store(db) as store:  # and quiz goes on recording into the restored file
        store.start(info("s3"))


def test_restore_refuses_while_another_quiz_has_the_file_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct")])
    run(capsys, "backup", str(tmp_path / "one.db"), "--progress", str(db))
    with open_store(db) as store:
        session(store, "s2", [("q2", "correct")])
        code, _, err = run(capsys, "restore", str(tmp_path / "one.db"), "--progress", str(db))
        assert code == 1
        assert "has the progress file open" in err and "Nothing was changed" in err
    assert answers(db) == 2


@pytest.mark.parametrize("content", [b"not a database", b""])
def test_restore_refuses_a_file_that_is_not_a_sound_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct")])
    bad = tmp_path / "bad.db"
    if content:
        bad.write_bytes(content)
    else:
        sqlite3.connect(bad).execute("CREATE TABLE other (x)").connection.commit()
    code, _, err = run(capsys, "restore", str(bad), "--progress", str(db))
    assert code == 1
    assert str(bad) in err
    assert answers(db) == 1
