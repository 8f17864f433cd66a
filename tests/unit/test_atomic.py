"""Atomic writes: a file is either the old one or the whole new one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from quiz.common.atomic import atomic_writer, durable_temp, fsync_folder


def test_a_finished_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    with atomic_writer(target) as out:
        out.write("new")
    assert target.read_text(encoding="utf-8") == "new"
    assert list(tmp_path.iterdir()) == [target]


def test_a_write_that_fails_midway_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as out:
        out.write("half of the new")
        raise RuntimeError("killed")
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_binary_writes_and_durable_temporaries(tmp_path: Path) -> None:
    target = tmp_path / "entry.json"
    with atomic_writer(target, binary=True, durable=False) as out:
        out.write(b"\x00data")
    assert target.read_bytes() == b"\x00data"
    temp = durable_temp(tmp_path, b"abc")
    assert temp.parent == tmp_path and temp.read_bytes() == b"abc"


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    import os

    old = os.umask(0o027)
    try:
        target = tmp_path / "shared.txt"
        with atomic_writer(target) as out:
            out.write("x")
        temp = durable_temp(tmp_path, b"abc")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o640
    assert temp.stat().st_mode & 0o777 == 0o640


class SyncSpy:
    """Counts fsync calls on files and on folders."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files = 0
        self.folders = 0
        real = os.fsync

        def fsync(fd: int) -> None:
            if stat.S_ISDIR(os.fstat(fd).st_mode):
                self.folders += 1
            else:
                self.files += 1
            real(fd)

        monkeypatch.setattr(os, "fsync", fsync)


def test_a_durable_write_reaches_the_disk_with_its_name(tmp_path: Path, monkeypatch) -> None:
    spy = SyncSpy(monkeypatch)
    with atomic_writer(tmp_path / "a.txt") as out:
        out.write("x")
    assert (spy.files, spy.folders) == (1, 1)
    with atomic_writer(tmp_path / "b.txt", durable=False) as out:
        out.write("x")
    assert (spy.files, spy.folders) == (1, 1)  # a cache that can be rebuilt skips both
    durable_temp(tmp_path, b"x")
    assert spy.files == 2


def test_text_is_written_as_given_in_utf8(tmp_path: Path) -> None:
    target = tmp_path / "rows.csv"
    with atomic_writer(target) as out:
        out.write("Zoë,1\r\nBen,2\n")
    assert target.read_bytes() == "Zoë,1\r\nBen,2\n".encode()


def test_temporaries_are_hidden_beside_their_file(tmp_path: Path, monkeypatch) -> None:
    seen: list[str] = []
    real = os.replace

    def replace(src, dst) -> None:
        seen.append(Path(src).name)
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with atomic_writer(tmp_path / "entry.json") as out:
        out.write("{}")
    assert seen[0].startswith(".entry.json.") and seen[0].endswith(".tmp")
    temp = durable_temp(tmp_path, b"abc")
    assert temp.name.startswith(".quiz-") and temp.name.endswith(".tmp")


def test_a_failed_temporary_write_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    def crash(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError, match="No space"):
        durable_temp(tmp_path, b"abc")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_synced_is_no_error(tmp_path: Path, monkeypatch) -> None:
    fsync_folder(tmp_path / "gone")  # cannot be opened: nothing to do
    real = os.fsync

    def refuse_folders(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")
        real(fd)

    monkeypatch.setattr(os, "fsync", refuse_folders)
    with atomic_writer(tmp_path / "a.txt") as out:
        out.write("x")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "x"
