"""Backing up and restoring a progress file, safely while quiz runs and against stale journals.

A copy made by hand of a file in WAL mode can miss the answers still in its
`-wal` file, and a copy put back beside a stale `-wal` shows old data. `backup`
uses SQLite's backup API (a consistent copy, WAL included); `restore` refuses
while another program has the file open, keeps the file it replaces, and removes
the stale `-wal`/`-shm` files.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from quiz.common.atomic import durable_temp, fsync_folder
from quiz.common.clock import utc_now
from quiz.common.errors import StoreError
from quiz.progress import schema

JOURNALS = ("-wal", "-shm", "-journal")


def default_backup_path(progress: Path, now: datetime | None = None) -> Path:
    """`progress.db.2026-11-28T0900.bak` beside the progress file (never an existing file)."""
    stamp = (now or utc_now()).astimezone().strftime("%Y-%m-%dT%H%M%S")
    candidate = progress.with_name(f"{progress.name}.{stamp}.bak")
    n = 1
    while candidate.exists():
        n += 1
        candidate = progress.with_name(f"{progress.name}.{stamp}-{n}.bak")
    return candidate


def backup(progress: Path, target: Path | None = None) -> Path:
    """Copy the progress file, answers still in its WAL included, to `target`; return it.

    `target` may be a folder (the copy is named after the file) or a file name
    (replaced if it exists, atomically). Raises StoreError.
    """
    progress = Path(progress)
    if not progress.is_file():
        raise StoreError(f"{progress}: no progress file to back up")
    if target is None:
        target = default_backup_path(progress)
    elif target.is_dir():
        target = default_backup_path(target / progress.name)
    if target.exists() and target.resolve() == progress.resolve():
        raise StoreError(f"{target}: is the progress file itself; choose another name")
    source = _open_read_only(progress)
    try:
        schema.check(source, progress)
        _copy_into(source, target)
    finally:
        source.close()
    return target


def restore(backup_file: Path, progress: Path) -> Path | None:
    """Put `backup_file` in place of the progress file; return where the replaced one was kept.

    Refuses (StoreError) a backup that is not a sound quiz progress file, and a
    progress file another program has open. None when there was no file to replace.
    """
    backup_file, progress = Path(backup_file), Path(progress)
    if not backup_file.is_file():
        raise StoreError(f"{backup_file}: no such backup file")
    if progress.exists() and backup_file.resolve() == progress.resolve():
        raise StoreError(f"{backup_file}: is the progress file itself")
    source = _open_read_only(backup_file)
    try:
        if schema.check(source, backup_file) == 0:
            raise StoreError(
                f"{backup_file}: is empty, not a backup of quiz progress; nothing was restored"
            )
        _check_sound(source, backup_file)
        if not progress.exists():
            progress.parent.mkdir(parents=True, exist_ok=True)
            _copy_into(source, progress)
            _remove_journals(progress)
            return None
        current = _take_over(progress)
        try:
            kept = default_backup_path(progress.with_name(f"{progress.name}.replaced"))
            version = current.execute("PRAGMA data_version").fetchone()[0]
            _copy_into(current, kept)
            try:
                _lock(current, progress)
                if current.execute("PRAGMA data_version").fetchone()[0] != version:
                    raise StoreError(_in_use(progress))
            except StoreError:
                kept.unlink()  # nothing was replaced, so no copy of it is kept
                raise
            _copy_into(source, progress)
            _remove_journals(progress)
        finally:
            current.close()
    finally:
        source.close()
    return kept


def _open_read_only(path: Path) -> sqlite3.Connection:
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        return sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open: {exc}") from exc


def _check_sound(conn: sqlite3.Connection, path: Path) -> None:
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    if result != "ok":
        raise StoreError(f"{path}: this backup is damaged ({result}); nothing was restored")


def _take_over(progress: Path) -> sqlite3.Connection:
    """A connection holding the progress file alone, its WAL folded in; StoreError if in use."""
    conn = sqlite3.connect(progress, timeout=0, isolation_level=None)
    try:
        schema.check(conn, progress)
        alone = _leave_wal(conn)
    except BaseException:
        conn.close()
        raise
    if not alone:
        conn.close()
        raise StoreError(_in_use(progress))
    return conn


def _leave_wal(conn: sqlite3.Connection) -> bool:
    """Fold the WAL into the file and leave WAL mode; False if another connection prevents it.

    Leaving WAL mode needs every other connection closed: the sign that no other
    quiz is using the file (SQLite says "locked", or keeps the mode).
    """
    try:
        mode: str = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        return False
    return mode == "delete"


def _lock(conn: sqlite3.Connection, progress: Path) -> None:
    """Hold the file so no other program starts writing while it is replaced."""
    try:
        conn.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as exc:
        raise StoreError(_in_use(progress)) from exc


def _in_use(progress: Path) -> str:
    return (
        f"{progress}: another program (a running quiz?) has the progress file open; "
        "close it and run restore again. Nothing was changed."
    )


def _copy_into(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of `source` to `target` atomically (mode from the umask)."""
    folder = target.parent
    try:
        tmp = durable_temp(folder, b"")
    except OSError as exc:
        raise StoreError(f"{folder}: cannot write there ({exc.strerror or exc})") from exc
    try:
        copy = sqlite3.connect(tmp)
        try:
            source.backup(copy)
            # A copy in rollback-journal mode: complete in one file, nothing beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_folder(folder)
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(f"{target}: cannot write the copy ({exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _remove_journals(progress: Path) -> None:
    """Delete stale journal files, which would otherwise be read over the restored file."""
    for suffix in JOURNALS:
        Path(f"{progress}{suffix}").unlink(missing_ok=True)
