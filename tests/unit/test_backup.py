"""Backing up and restoring a progress file: a whole copy, the old file kept, bad files refused."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.common.errors import StoreError
from quiz.progress import backup as backup_module
from quiz.progress.backup import backup, default_backup_path, restore
from quiz.progress.store import ProgressStore
from tests.helpers.store import open_store, session
from tests.helpers.today import DAY1, FakeDay

STAMP = "2026-11-28T090000"  # DAY1, local time being UTC (the fake_day fixture)
IN_USE = (
    "{}: another program (a running quiz?) has the progress file open; "
    "close it and run restore again. Nothing was changed."
)


def answers(db: Path) -> list[str]:
    with ProgressStore.open(db, "ana", read_only=True) as store:
        return [row["question_id"] for row in store.export_attempts()]


def progress_file(path: Path, questions: list[str], uid: str = "s1") -> Path:
    with open_store(path) as store:
        session(store, uid, [(q, "correct") for q in questions])
    return path


def beside(folder: Path) -> list[str]:
    """The files in `folder`, but for the -wal and -shm files SQLite keeps beside a file."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


# --- where a backup goes ---------------------------------------------------------------


def test_a_default_backup_name_carries_the_local_time_and_never_replaces_a_file(
    tmp_path: Path, fake_day: FakeDay
) -> None:
    progress = tmp_path / "progress.db"
    first = default_backup_path(progress, DAY1)
    assert first == tmp_path / f"progress.db.{STAMP}.bak"
    first.write_text("")
    second = default_backup_path(progress, DAY1)
    assert second == tmp_path / f"progress.db.{STAMP}-2.bak"
    second.write_text("")
    assert default_backup_path(progress, DAY1) == tmp_path / f"progress.db.{STAMP}-3.bak"


@pytest.mark.parametrize("folder", ["backups", "a folder #1?"])
def test_a_backup_into_a_folder_is_named_after_the_progress_file(
    tmp_path: Path, folder: str
) -> None:
    db = progress_file(tmp_path / folder / "progress.db", ["q1", "q2"])
    (tmp_path / "out").mkdir()
    made = backup(db, tmp_path / "out")
    assert made.parent == tmp_path / "out"
    assert made.name.startswith("progress.db.") and made.name.endswith(".bak")
    assert beside(tmp_path / "out") == [made.name]  # one file, no journal beside it
    assert answers(made) == ["q1", "q2"]


def test_a_backup_without_a_target_goes_beside_the_progress_file(tmp_path: Path) -> None:
    db = progress_file(tmp_path / "progress.db", ["q1"])
    made = backup(db)
    assert made.parent == tmp_path and made.name.startswith("progress.db.")
    assert answers(made) == ["q1"]


def test_a_backup_replaces_a_file_of_the_name_given(tmp_path: Path) -> None:
    db = progress_file(tmp_path / "progress.db", ["q1", "q2", "q3"])
    older = progress_file(tmp_path / "copy.db", ["q9"])
    assert backup(db, older) == older
    assert answers(older) == ["q1", "q2", "q3"]
    assert beside(tmp_path) == ["copy.db", "progress.db"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: None, "{db}: no progress file to back up"),
        (lambda d: d.write_bytes(b"not a database at all, just some text"),
         "{db}: not a readable progress file (file is not a database). It may be damaged or "
         "not a database at all. It was left untouched: move it aside (or restore a backup) "
         "and quiz will start a new one, or point --progress elsewhere."),
    ],
)  # fmt: skip
def test_a_backup_of_no_progress_file_is_refused(
    tmp_path: Path, setup: Callable[[Path], object], message: str
) -> None:
    db = tmp_path / "progress.db"
    setup(db)
    with pytest.raises(StoreError) as raised:
        backup(db, tmp_path / "copy.db")
    assert str(raised.value) == message.format(db=db)
    assert not (tmp_path / "copy.db").exists()


def test_a_backup_onto_the_progress_file_itself_is_refused(tmp_path: Path) -> None:
    db = progress_file(tmp_path / "progress.db", ["q1"])
    (tmp_path / "link.db").symlink_to(db)
    with pytest.raises(StoreError) as raised:
        backup(db, tmp_path / "link.db")
    assert (
        str(raised.value)
        == f"{tmp_path / 'link.db'}: is the progress file itself; choose another name"
    )
    assert answers(db) == ["q1"]


def test_a_backup_into_a_missing_folder_says_where_it_cannot_write(tmp_path: Path) -> None:
    db = progress_file(tmp_path / "progress.db", ["q1"])
    with pytest.raises(StoreError) as raised:
        backup(db, tmp_path / "missing" / "copy.db")
    assert str(raised.value) == (
        f"{tmp_path / 'missing'}: cannot write there (No such file or directory)"
    )
    assert beside(tmp_path) == ["progress.db"]


def test_a_progress_file_that_cannot_be_opened_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = progress_file(tmp_path / "progress.db", ["q1"])

    def unreadable(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(backup_module.sqlite3, "connect", unreadable)
    with pytest.raises(StoreError) as raised:
        backup(db, tmp_path / "copy.db")
    assert str(raised.value) == f"{db}: cannot open: unable to open database file"


def test_a_copy_that_cannot_be_written_whole_is_named_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = progress_file(tmp_path / "progress.db", ["q1"])
    (tmp_path / "out").mkdir()

    def disk_full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module.os, "replace", disk_full)
    with pytest.raises(StoreError) as raised:
        backup(db, tmp_path / "out" / "copy.db")
    assert str(raised.value) == (
        f"{tmp_path / 'out' / 'copy.db'}: cannot write the copy "
        "([Errno 28] No space left on device)"
    )
    assert list((tmp_path / "out").iterdir()) == []  # no temporary file left


# --- restoring ---------------------------------------------------------------------------


def test_a_restore_puts_the_backup_in_place_and_keeps_the_file_it_replaced(
    tmp_path: Path, fake_day: FakeDay
) -> None:
    db = progress_file(tmp_path / "progress.db", ["q1"])
    saved = backup(db, tmp_path / "saved.db")
    progress_file(db, ["q2", "q3"], uid="s2")
    for suffix in ("-wal", "-shm", "-journal"):  # stale, as a copy made by hand leaves them
        Path(f"{db}{suffix}").write_bytes(b"stale")
    kept = restore(saved, db)
    assert kept == tmp_path / f"progress.db.replaced.{STAMP}.bak"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.db", kept.name, "saved.db"]
    assert answers(db) == ["q1"]
    assert answers(kept) == ["q1", "q2", "q3"]
    with open_store(db) as store:  # quiz goes on recording into the restored file
        session(store, "s9", [("q4", "correct")])
    assert answers(db) == ["q1", "q4"]


def test_a_restore_with_no_progress_file_yet_creates_it_and_keeps_nothing(
    tmp_path: Path,
) -> None:
    saved = progress_file(tmp_path / "saved.db", ["q1", "q2"])
    db = tmp_path / "new" / "folder" / "progress.db"
    db.parent.mkdir(parents=True)
    Path(f"{db}-wal").write_bytes(b"stale")  # left behind by a file deleted by hand
    assert restore(saved, db) is None
    assert [p.name for p in db.parent.iterdir()] == ["progress.db"]
    assert answers(db) == ["q1", "q2"]


def test_a_restore_makes_the_folders_of_a_new_progress_file(tmp_path: Path) -> None:
    saved = progress_file(tmp_path / "saved.db", ["q1"])
    db = tmp_path / "new" / "folder" / "progress.db"
    assert restore(saved, db) is None
    assert answers(db) == ["q1"]


def damage_the_freelist(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[36:40] = (3).to_bytes(4, "big")  # the header's count of free pages
    path.write_bytes(bytes(data))


def damage_a_table_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 2] = 0xFF  # the third page's b-tree page type
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (damage_the_freelist,
         "{b}: this backup is damaged (*** in database main ***\n"
         "Main freelist: size is 1 but should be 3); nothing was restored"),
        (damage_a_table_page,
         "{b}: this backup is damaged (database disk image is malformed); nothing was restored"),
        (lambda p: p.write_bytes(b""),
         "{b}: is empty, not a backup of quiz progress; nothing was restored"),
        (lambda p: p.unlink(), "{b}: no such backup file"),
    ],
)  # fmt: skip
def test_a_restore_refuses_a_backup_that_is_not_sound_and_changes_nothing(
    tmp_path: Path, damage: Callable[[Path], object], message: str
) -> None:
    db = progress_file(tmp_path / "progress.db", ["q1"])
    bad = progress_file(tmp_path / "bad.db", ["q2"])
    damage(bad)
    with pytest.raises(StoreError) as raised:
        restore(bad, db)
    assert str(raised.value) == message.format(b=bad)
    assert answers(db) == ["q1"]
    assert beside(tmp_path) == (["bad.db"] if bad.exists() else []) + ["progress.db"]


def test_a_restore_of_the_progress_file_onto_itself_is_refused(tmp_path: Path) -> None:
    db = progress_file(tmp_path / "progress.db", ["q1"])
    with pytest.raises(StoreError) as raised:
        restore(db, db)
    assert str(raised.value) == f"{db}: is the progress file itself"
    assert beside(tmp_path) == ["progress.db"]


def test_a_restore_will_not_replace_a_file_that_is_not_quiz_progress(tmp_path: Path) -> None:
    saved = progress_file(tmp_path / "saved.db", ["q1"])
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as other:
        other.execute("CREATE TABLE photos (name)")
    other.close()
    with pytest.raises(StoreError) as raised:
        restore(saved, db)
    assert str(raised.value) == (
        f"{db}: this SQLite file is not a quiz progress file; quiz will not change it. "
        "Use --progress to choose another file."
    )
    assert beside(tmp_path) == ["other.db", "saved.db"]


def test_a_restore_refuses_while_another_quiz_has_the_file_open(tmp_path: Path) -> None:
    db = progress_file(tmp_path / "progress.db", ["q1"])
    saved = backup(db, tmp_path / "saved.db")
    with open_store(db) as store:
        session(store, "s2", [("q2", "correct")])
        with pytest.raises(StoreError) as raised:
            restore(saved, db)
    assert str(raised.value) == IN_USE.format(db)
    assert answers(db) == ["q1", "q2"]
    assert beside(tmp_path) == ["progress.db", "saved.db"]


@pytest.mark.parametrize("hold", [False, True])
def test_a_restore_gives_way_to_a_program_that_writes_while_the_old_file_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hold: bool
) -> None:
    db = progress_file(tmp_path / "progress.db", ["q1"])
    saved = backup(db, tmp_path / "saved.db")
    progress_file(db, ["q2"], uid="s2")
    copy_into = backup_module._copy_into
    other = sqlite3.connect(db, isolation_level=None)

    def copy_then_another_program_writes(source: sqlite3.Connection, target: Path) -> None:
        copy_into(source, target)
        if ".replaced." in target.name:
            other.execute("BEGIN IMMEDIATE")
            other.execute(
                "INSERT INTO profiles (name, created_at) VALUES ('bo', '2026-11-28T09:00:00Z')"
            )
            if not hold:
                other.execute("COMMIT")

    monkeypatch.setattr(backup_module, "_copy_into", copy_then_another_program_writes)
    try:
        with pytest.raises(StoreError) as raised:
            restore(saved, db)
    finally:
        other.close()
    assert str(raised.value) == IN_USE.format(db)
    assert answers(db) == ["q1", "q2"]
    assert beside(tmp_path) == ["progress.db", "saved.db"]  # no stray copy of the old file
