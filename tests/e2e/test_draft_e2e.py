"""The installed `quiz draft DOC --output X.yaml && quiz check X.yaml`, for every test document."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.drafts import ALL_DOCUMENTS

pytestmark = pytest.mark.e2e


def quiz(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    found = shutil.which("quiz", path=str(Path(sys.executable).parent)) or shutil.which("quiz")
    command = [found] if found else [sys.executable, "-m", "quiz"]
    env = dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, encoding="utf-8", timeout=120,
        env=env, cwd=cwd,
    )  # fmt: skip


@pytest.mark.parametrize("document", ALL_DOCUMENTS, ids=lambda p: p.name)
def test_draft_then_check_passes(tmp_path: Path, document: Path) -> None:
    out = f"{document.stem}-draft.yaml"
    drafted = quiz(["draft", str(document), "--output", out], tmp_path)
    assert drafted.returncode == 0, drafted.stderr
    assert f"Wrote {out}" in drafted.stdout
    checked = quiz(["check", "--no-cache", out], tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert ": OK" in checked.stdout
    percent = int(checked.stdout.split("Coverage: ")[1].split("%")[0])
    assert percent >= 80


def test_a_binary_document_is_refused_with_exit_1(tmp_path: Path) -> None:
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = quiz(["draft", "picture.png"], tmp_path)
    assert result.returncode == 1
    assert "picture.png: looks like a binary file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "picture.yaml").exists()
