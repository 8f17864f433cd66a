"""The code stays ruff-clean: lint and format are checked with every test run."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
    )


@pytest.fixture(scope="module", autouse=True)
def _needs_ruff() -> None:
    if shutil.which("ruff") is None and _ruff("--version").returncode != 0:
        pytest.skip("ruff is not installed (it comes with the test extra)")


def test_ruff_check_is_clean() -> None:
    result = _ruff("check", "quiz", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _ruff("format", "--check", "quiz", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr
