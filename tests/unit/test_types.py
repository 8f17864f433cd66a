"""The type checker passes as configured in pyproject.toml ([tool.mypy]: the whole quiz
package, the core under --strict), and a type error makes it fail."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None, reason="mypy is in the test extra"
)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")


def _mypy(cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(cache), "--no-error-summary"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "quiz", tmp_path / "quiz", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_package_type_checks(cache: Path) -> None:
    result = _mypy(ROOT, cache)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_type_error_fails_the_check(tmp_path: Path, cache: Path) -> None:
    root = _copy(tmp_path)
    wording = root / "quiz" / "common" / "wording.py"
    wording.write_text(
        wording.read_text(encoding="utf-8") + '\n\ndef broken() -> int:\n    return "text"\n',
        encoding="utf-8",
    )
    result = _mypy(root, cache)
    assert result.returncode != 0
    assert "quiz/common/wording.py" in result.stdout and "return-value" in result.stdout


def test_the_core_is_held_to_strict(tmp_path: Path, cache: Path) -> None:
    root = _copy(tmp_path)
    grading = root / "quiz" / "grading" / "verdicts.py"
    grading.write_text(
        grading.read_text(encoding="utf-8") + "\n\ndef untyped(x):\n    return x\n",
        encoding="utf-8",
    )
    result = _mypy(root, cache)
    assert result.returncode != 0
    assert "no-untyped-def" in result.stdout
