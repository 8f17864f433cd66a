"""`quiz report` over a folder holding hostile files: each is skipped with its reason,
the other students are still reported, and no file shows a score it did not earn."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.main import main
from tests.helpers.results import HOSTILE, class_folder


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_skipped_with_its_reason(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = class_folder(tmp_path / "results", {name: HOSTILE[name]})
    code = main(["report", str(folder)])
    out, err = capsys.readouterr()
    assert code == 0
    assert f"quiz report: skipped {folder / name}: " in err
    assert HOSTILE[name][1] in err.split(f"skipped {folder / name}: ")[1].splitlines()[0]
    assert "Traceback" not in err
    students = out.split("Students\n")[1].split("\n\n")[0]
    assert [line.split()[0] for line in students.splitlines()[2:]] == ["Ann", "Ben"]
    assert "2 students, average 75%" in out
    assert "Mallory" not in students


def test_all_hostile_files_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = class_folder(tmp_path / "results")
    for fmt in ("table", "csv", "html"):
        code = main(["report", str(folder), "--format", fmt])
        out, err = capsys.readouterr()
        assert code == 0
        assert err.count("quiz report: skipped ") == len(HOSTILE)
        assert "Ann" in out and "Ben" in out and "Mallory" not in out
