"""Files quiz makes for people to read follow the umask (0644 under 022, 0600 under 077)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.main import main
from tests.helpers.ways_out import write_bank


@pytest.fixture(params=[0o022, 0o077])
def umask(request: pytest.FixtureRequest):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_results_reports_exports_and_backups_follow_the_umask(
    tmp_path: Path, umask: int, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    bank = write_bank(tmp_path)
    db = tmp_path / "p.db"
    results = tmp_path / "results"
    monkeypatch.setattr("sys.stdin", _Lines(["t", "t", "f"]))
    args = ["--plain", "--bank", str(bank), "--mode", "drill", "--seed", "M", "--profile", "ana",
            "--results", str(results), "--progress", str(db)]  # fmt: skip
    assert main(args) == 0
    made = [next(results.glob("*.json"))]
    for argv, out in (
        (["report", str(results), "--output", str(tmp_path / "r.html"), "--format", "html"],
         tmp_path / "r.html"),
        (["export", "--progress", str(db), "--profile", "ana", "--output",
          str(tmp_path / "e.csv")], tmp_path / "e.csv"),
        (["backup", str(tmp_path / "b.db"), "--progress", str(db)], tmp_path / "b.db"),
    ):  # fmt: skip
        assert main(argv) == 0, capsys.readouterr().err
        made.append(out)
    want = 0o666 & ~umask
    assert {path.name: path.stat().st_mode & 0o777 for path in made} == {
        path.name: want for path in made
    }


class _Lines:
    def __init__(self, lines: list[str]) -> None:
        self._lines = [f"{line}\n" for line in lines]

    def readline(self) -> str:
        return self._lines.pop(0) if self._lines else ""

    def isatty(self) -> bool:
        return False
