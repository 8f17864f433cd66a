"""Atomic writes: a file is either the old one or the whole new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.common.atomic import atomic_writer, durable_temp


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
