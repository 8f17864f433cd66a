"""The installed `quiz --plain`, answers piped in: the transcript a script would see."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.plain import BANK, planned, right_line, wrong_line

pytestmark = pytest.mark.e2e


def quiz_command() -> list[str]:
    found = shutil.which("quiz", path=str(Path(sys.executable).parent)) or shutil.which("quiz")
    return [found] if found else [sys.executable, "-m", "quiz"]


def quiz(args: list[str], answers: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [*quiz_command(), *args],
        input="".join(f"{a}\n" for a in answers),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=env,
        cwd=tmp_path,
    )


needs_store = pytest.mark.skipif(
    importlib.util.find_spec("quiz.progress.store") is None,
    reason="the progress store is not installed yet",
)


@needs_store
def test_piped_answers_then_review_asks_exactly_the_missed(tmp_path: Path) -> None:
    asked = planned("S", count=4)
    answers = [right_line(asked[0]), wrong_line(asked[1]), right_line(asked[2]), ""]
    progress = str(tmp_path / "progress.db")
    common = ["--plain", "--bank", str(BANK), "--progress", progress, "--profile", "ana"]
    done = quiz([*common, "--seed", "S", "--count", "4"], answers, tmp_path)
    assert done.returncode == 0, done.stderr
    feedback = done.stdout.split("\nScore: ")[0].splitlines()
    words = ("Correct", "Incorrect", "Skipped")
    verdicts = [line.split(".")[0] for line in feedback if line.startswith(words)]
    assert verdicts == ["Correct", "Incorrect", "Correct", "Skipped"]
    assert "Score: 2/4 (50%)" in done.stdout.splitlines()

    review = quiz([*common, "--mode", "review"], [], tmp_path)
    assert review.returncode == 0, review.stderr
    assert asked[1].question.prompt in review.stdout  # answered wrong: asked again
    for right in (asked[0], asked[2]):
        assert right.question.prompt not in review.stdout
    # (a skip is neither wrong nor right: whether review brings it back is the scheduler's call)


@needs_store
def test_a_bad_progress_file_stops_before_the_first_question(tmp_path: Path) -> None:
    bad = tmp_path / "progress.db"
    bad.write_text("not a database, just some notes\n" * 50, "utf-8")
    done = quiz(["--plain", "--bank", str(BANK), "--progress", str(bad)], ["1"], tmp_path)
    assert done.returncode != 0
    assert "Question 1" not in done.stdout
    assert "Traceback" not in done.stderr
    assert str(bad) in done.stderr
    assert bad.read_text("utf-8").startswith("not a database")


def test_plain_never_imports_textual_or_rich(tmp_path: Path) -> None:
    argv = ["--plain", "--bank", str(BANK), "--progress", str(tmp_path / "p.db")]
    code = (
        "import io, sys\n"
        "sys.stdin = io.StringIO('')\n"
        "from quiz.main import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except ImportError:\n"
        "    pass  # no progress store yet: the imports up to it still count\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print('IMPORTED', bad)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert "IMPORTED []" in done.stdout, done.stdout + done.stderr
