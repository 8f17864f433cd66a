"""Another program holds the progress file mid-drill: nothing is lost, nothing crashes.

The test holds `BEGIN EXCLUSIVE` on the file from its own connection while the
installed `quiz --plain` answers; quiz says it is waiting, goes on, writes the
results file, leaves the unsaved answers in a recovery file, and folds them into
the progress file the next time it opens it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.progress.store import ProgressStore
from tests.helpers.hostile import run_quiz
from tests.helpers.ways_out import Running, results_in, write_bank

pytestmark = pytest.mark.e2e


def _answers(db: Path) -> list[tuple[str, str]]:
    with ProgressStore.open(db, "ana", read_only=True) as store:
        return [(row["question_id"], row["verdict"]) for row in store.export_attempts()]


def test_a_locked_progress_file_keeps_every_answer_and_folds_them_in_later(
    tmp_path: Path,
) -> None:
    bank = write_bank(tmp_path)
    db = tmp_path / "progress.db"
    common = ["--bank", str(bank), "--progress", str(db), "--profile", "ana"]
    running = Running(
        ["--plain", *common, "--mode", "drill", "--seed", "B", "--results", str(tmp_path / "r")],
        tmp_path,
    )
    running.wait_for("Question 1 of 3")
    running.send("t")
    running.wait_for("Question 2 of 3")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program takes the file
    try:
        running.send("t")
        running.wait_for("Question 3 of 3")
        running.send("f")
        code, out, err = running.finish()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 0, err
    assert "Traceback" not in err
    assert "waiting for the progress file, held by another program" in err
    recovery = list(tmp_path.glob("progress.db.recovery-*.json"))
    assert len(recovery) == 1
    assert str(recovery[0]) in err  # said where
    assert "Score: 2/3" in out
    docs = results_in(tmp_path / "r")
    assert len(docs) == 1 and [q["verdict"] for q in docs[0]["questions"]] == [
        "correct",
        "correct",
        "incorrect",
    ]
    assert len(_answers(db)) == 1  # only the first reached the file so far

    again = run_quiz(["--plain", *common, "--mode", "review"], tmp_path)
    assert again.returncode == 0, again.stderr
    assert "added 2 answers" in again.stderr
    assert not list(tmp_path.glob("progress.db.recovery-*.json"))
    verdicts = sorted(verdict for _, verdict in _answers(db))
    assert verdicts == ["correct", "correct", "incorrect"]


def test_a_lock_released_mid_drill_is_caught_up_at_the_next_answer(tmp_path: Path) -> None:
    bank = write_bank(tmp_path)
    db = tmp_path / "progress.db"
    running = Running(
        ["--plain", "--bank", str(bank), "--progress", str(db), "--profile", "ana",
         "--seed", "C"],
        tmp_path,
    )  # fmt: skip
    running.wait_for("Question 1 of 3")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    running.send("t")
    running.wait_for("Question 2 of 3")
    holder.execute("ROLLBACK")
    holder.close()
    running.send("t")
    running.send("t")
    code, _, err = running.finish()
    assert code == 0, err
    assert "free again" in err
    assert not list(tmp_path.glob("progress.db.recovery-*.json"))
    assert [v for _, v in _answers(db)] == ["correct", "correct", "correct"]
