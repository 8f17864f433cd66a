"""Hand-edited or damaged values in the progress file: the row is skipped with a warning.

`stats`, `export` and a new session keep working on the rest of the file and say
on stderr which row they left out; none of them ends in a traceback.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from quiz.main import main
from quiz.progress.store import ProgressStore
from tests.functional.test_stats_export_cmd import BANK, record
from tests.helpers.store import STORE_BANK

DAMAGE = {
    "a bad due time": "UPDATE cards SET due = 'next tuesday' WHERE question_id = '{q}'",
    "a card that is not JSON": "UPDATE cards SET card = '{{not json' WHERE question_id = '{q}'",
    "a non-numeric score": "UPDATE attempts SET score = 'lots' WHERE question_id = '{q}'",
    "a non-JSON given answer": "UPDATE attempts SET given = '[broken' WHERE question_id = '{q}'",
    "a non-JSON bank list": "UPDATE sessions SET bank_ids = 'store-small'",
    "a bad study day": "UPDATE daily SET day = 'yesterday'",
    "a non-numeric attempt count": "UPDATE cards SET attempts = 'many' WHERE question_id = '{q}'",
    "a naive time": "UPDATE cards SET last_answered = '2026-01-01T00:00:00'",
    "a bad session start": "UPDATE sessions SET started_at = 'dawn'",
    "a text in the points": "UPDATE sessions SET points = 'x', possible = 'y'",
}


def damaged(tmp_path: Path, statement: str) -> tuple[Path, str]:
    db = tmp_path / "progress.db"
    first, second = (q.id for q in BANK.questions[:2])
    record(db, **{first.replace("-", "_"): "incorrect", second.replace("-", "_"): "correct"})
    with sqlite3.connect(db) as conn:
        conn.execute(statement.format(q=first))
    return db, first


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("what", list(DAMAGE))
def test_stats_and_export_skip_a_damaged_row_and_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    db, _ = damaged(tmp_path, DAMAGE[what])
    store = ["--progress", str(db), "--profile", "ana"]
    code, out, err = run(capsys, "stats", "--bank", str(STORE_BANK), *store)
    assert code == 0, err
    assert "Progress of ana" in out
    for extra in ([], ["--sessions"]):
        for fmt in ("csv", "json"):
            code, out, more = run(capsys, "export", "--format", fmt, *extra, *store)
            assert code == 0, more
            if fmt == "json":
                json.loads(out)
            err += more
    assert "Traceback" not in err
    if what != "a card that is not JSON":  # the card is read only to schedule an answer
        assert f"{db}: skipped a damaged" in err  # somewhere, the damage is named


@pytest.mark.parametrize("what", ["a bad due time", "a card that is not JSON", "a naive time"])
def test_a_session_answers_a_question_whose_row_is_damaged(tmp_path: Path, what: str) -> None:
    from quiz.study.session import Session, SessionOptions

    db, qid = damaged(tmp_path, DAMAGE[what])
    with ProgressStore.open(db, "ana", fuzz=False) as store:
        options = SessionOptions(mode="practice", seed="x")
        session = Session([BANK], options, history=store.history([BANK.id]), recorder=store)
        while session.current is not None and session.current.question.id != qid:
            session.skip()
        asked = session.current
        assert asked is not None
        session.answer(asked.question.answer)
        session.finish()
        assert store.warnings  # the damage is named
        row = {r.question_id: r for r in store.question_rows([BANK.id])}[qid]
        assert row.last_verdict == "correct"  # the answer counted all the same
        assert row.due is not None
