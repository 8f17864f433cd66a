"""A good progress file on a read-only disk: `stats` and `export` read it, nothing calls it damaged.

Tests run as root here, and root ignores file modes, so the read-only disk is
real: a read-only bind mount in a private mount namespace (`unshare -rm`), which
needs no privileges where user namespaces are allowed and leaves nothing behind.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.hostile import quiz_command, run_quiz
from tests.helpers.plain import BANK, planned, right_line

pytestmark = pytest.mark.e2e


def _can_mount_read_only(tmp_path: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount --bind -o ro {tmp_path} {tmp_path}"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def _on_read_only_disk(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = " ".join(f"'{part}'" for part in [*quiz_command(), *args])
    script = f"mount --bind -o ro '{folder}' '{folder}' && exec {command}"
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"},
    )


def test_stats_and_export_read_a_progress_file_on_a_read_only_disk(tmp_path: Path) -> None:
    if not _can_mount_read_only(tmp_path):
        pytest.skip("no private mount namespaces here (unshare -rm)")
    folder = tmp_path / "disk"
    folder.mkdir()
    db = folder / "progress.db"
    common = ["--bank", str(BANK), "--progress", str(db), "--profile", "ana"]
    lines = "".join(f"{right_line(asked)}\n" for asked in planned("S", count=2))
    answered = run_quiz(["--plain", *common, "--seed", "S", "--count", "2"], tmp_path, lines)
    assert answered.returncode == 0, answered.stderr
    before = db.read_bytes()

    stats = _on_read_only_disk(folder, "stats", *common)
    assert stats.returncode == 0, stats.stderr
    assert "Progress of ana" in stats.stdout
    assert "Seen           2" in stats.stdout
    export = _on_read_only_disk(folder, "export", "--format", "json", *common[2:])
    assert export.returncode == 0, export.stderr
    assert export.stdout.count('"verdict"') == 2
    for output in (stats.stderr, export.stderr):
        assert "damaged" not in output and "move it aside" not in output

    session = _on_read_only_disk(folder, "--plain", *common)
    assert session.returncode == 1  # recording needs a writable place
    assert "read-only" in session.stderr and "quiz stats and quiz export can still read it" in (
        session.stderr
    )
    assert "damaged" not in session.stderr
    assert db.read_bytes() == before
