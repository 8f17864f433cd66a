"""The installed `quiz convert`: a Moodle file becomes a bank a learner can study at once."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.study.session import Session, SessionOptions
from tests.e2e.test_plain_e2e import needs_store, quiz_command
from tests.helpers import BANKS
from tests.helpers.plain import right_line

pytestmark = pytest.mark.e2e


def run(args: list[str], cwd: Path, answers: list[str] | None = None):
    env = dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [*quiz_command(), *args],
        input="".join(f"{a}\n" for a in answers or []),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
        cwd=cwd,
    )


@needs_store
@pytest.mark.parametrize("source", ["constructs.gift", "constructs.xml"])
def test_an_imported_bank_runs_a_plain_session(tmp_path: Path, source: str) -> None:
    converted = run(["convert", str(BANKS / "exchange" / source), "imported.yaml"], tmp_path)
    assert converted.returncode == 0, converted.stderr
    assert "Traceback" not in converted.stderr
    assert "skipped: an essay question has no answer to check" in converted.stderr
    checked = run(["check", "imported.yaml"], tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    bank = load_bank(tmp_path / "imported.yaml", use_cache=False)
    asked = list(Session([bank], SessionOptions(mode="practice", seed="E2E")).questions)
    answers = [right_line(a) for a in asked]
    args = ["--plain", "--bank", "imported.yaml", "--seed", "E2E", "--progress", "p.db"]
    session = run(args, tmp_path, answers)
    assert session.returncode == 0, session.stderr
    total = len(bank.questions)
    assert f"Score: {total}/{total} (100%)" in session.stdout


def test_a_bank_goes_out_to_every_format(tmp_path: Path) -> None:
    bank = BANKS / "ui_all_types.yaml"
    for name in ("out.gift", "out.xml", "out.txt", "out.apkg"):
        extra = ["--to", "anki-txt"] if name.endswith(".txt") else []
        done = run(["convert", str(bank), name, *extra], tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stderr.endswith(f"Wrote 7 questions to {name}\n")
        assert (tmp_path / name).stat().st_size > 0
