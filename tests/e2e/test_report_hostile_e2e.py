"""The installed `quiz report` over a folder with hostile files: skips them, reports the rest."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_plain_e2e import quiz_command
from tests.helpers.results import HOSTILE, class_folder

pytestmark = pytest.mark.e2e


def test_the_installed_report_skips_hostile_files(tmp_path: Path) -> None:
    folder = class_folder(tmp_path / "results")
    done = subprocess.run(
        [*quiz_command(), "report", str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for name, (_, reason) in HOSTILE.items():
        line = next(
            x
            for x in done.stderr.splitlines()
            if x.startswith(f"quiz report: skipped {folder / name}: ")
        )
        assert reason in line
    assert "2 students, average 75%" in done.stdout
    assert "Mallory" not in done.stdout
