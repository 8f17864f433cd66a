"""`quiz --plain` on every way out of a drill: the results file is always written.

Through the installed command: answer one question, then end by end of input,
Ctrl-C (SIGINT), SIGTERM or SIGHUP; with a results folder that cannot be written,
the file goes to the fallback folder in the user data folder, said loudly.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.helpers.ways_out import Running, given_verdicts, results_in, write_bank

pytestmark = pytest.mark.e2e


def _drill(tmp_path: Path, results: Path) -> Running:
    bank = write_bank(tmp_path)
    args = ["--plain", "--bank", str(bank), "--mode", "drill", "--seed", "W", "--profile", "ana",
            "--results", str(results), "--progress", str(tmp_path / "p.db")]  # fmt: skip
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    running = Running(args, tmp_path, env)
    running.wait_for("Question 1 of 3")
    running.send("t")
    running.wait_for("Question 2 of 3")
    return running


@pytest.mark.parametrize(
    ("how", "code"),
    [
        ("end of input", 0),
        ("SIGINT", 128 + signal.SIGINT),
        ("SIGTERM", 128 + signal.SIGTERM),
        ("SIGHUP", 128 + signal.SIGHUP),
    ],
)
def test_every_way_out_writes_the_results_file(tmp_path: Path, how: str, code: int) -> None:
    running = _drill(tmp_path, tmp_path / "results")
    if how == "end of input":
        assert running.proc.stdin is not None
        running.proc.stdin.close()
    else:
        running.proc.send_signal(getattr(signal, how))
    exit_code, out, err = running.finish()
    assert exit_code == code, err
    assert "Traceback" not in err
    docs = results_in(tmp_path / "results")
    assert len(docs) == 1
    assert given_verdicts(docs[0])[:1] == [(docs[0]["questions"][0]["question_id"], "correct")]
    assert docs[0]["totals"]["points"] == 1
    assert docs[0]["totals"]["possible"] == 3
    assert "Results saved to" in out


@pytest.mark.parametrize("how", ["end of input", "SIGINT", "SIGTERM"])
@pytest.mark.parametrize("blocker", ["a file", "a read-only folder"])
def test_an_unwritable_results_folder_falls_back_to_the_data_folder(
    tmp_path: Path, how: str, blocker: str
) -> None:
    results = tmp_path / "results"
    if blocker == "a file":
        results.write_text("in the way", encoding="utf-8")
    else:  # root ignores modes: a path under a file cannot be created either way
        results = tmp_path / "results-file" / "inside"
        results.parent.write_text("a file, not a folder", encoding="utf-8")
    running = _drill(tmp_path, results)
    if how == "end of input":
        assert running.proc.stdin is not None
        running.proc.stdin.close()
    else:
        running.proc.send_signal(getattr(signal, how))
    exit_code, out, err = running.finish()
    assert exit_code in (0, 128 + signal.SIGINT, 128 + signal.SIGTERM), err
    fallback = tmp_path / "data" / "quiz" / "results"
    docs = results_in(fallback)
    assert len(docs) == 1 and docs[0]["totals"]["points"] == 1
    written = next(fallback.glob("*.json"))
    assert f"RESULTS SAVED INSTEAD TO {written}" in err  # loudly, where scripts look
    assert f"RESULTS SAVED INSTEAD TO {written}" in out


def test_nothing_writable_anywhere_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder", encoding="utf-8")  # no user data folder
    (tmp_path / "results").write_text("in the way", encoding="utf-8")
    running = _drill(tmp_path, tmp_path / "results")
    assert running.proc.stdin is not None
    running.proc.stdin.close()
    exit_code, _, err = running.finish()
    assert exit_code == 1
    assert "RESULTS NOT SAVED" in err
