"""`quiz stats` and `quiz export`: what a learner or a teacher reads in the terminal or a file."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.bank.loader import load_banks
from quiz.main import main
from tests.helpers.store import STORE_BANK, open_store, session

BANK = load_banks([STORE_BANK], use_cache=False)[0]
HASHES = {q.id: q.content_hash for q in BANK.questions}
TOPICS = {q.id: q.topic for q in BANK.questions}
NOW = datetime.now(UTC).replace(microsecond=0)


def record(db: Path, profile: str = "ana", days_ago: int = 0, **answers: str) -> None:
    at = NOW - timedelta(days=days_ago, hours=1)
    with open_store(db, profile) as store:
        uid = f"{profile}-{days_ago}-{len(answers)}"
        pairs = [(qid.replace("_", "-"), verdict) for qid, verdict in answers.items()]
        session(store, uid, pairs, bank=BANK.id, at=at, hashes=HASHES, topics=TOPICS)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stats(capsys: pytest.CaptureFixture[str], db: Path, *more: str) -> str:
    code, out, err = run(
        capsys, "stats", "--bank", str(STORE_BANK), "--progress", str(db), "--profile", "ana", *more
    )
    assert code == 0, err
    return out


def _line(out: str, label: str) -> list[str]:
    return next(line.split() for line in out.splitlines() if line.startswith(label))


# --- stats -------------------------------------------------------------------------------


def test_stats_before_any_answer_say_so_and_create_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "new" / "progress.db"
    out = stats(capsys, db)
    assert "No answers yet (4 questions to discover)." in out
    assert not db.parent.exists()


def test_stats_show_counts_accuracy_streak_and_next_review(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "progress.db"
    record(db, days_ago=1, harbour_year="incorrect", market_day="correct")
    record(db, harbour_year="incorrect", lighthouse_name="partial")
    out = stats(capsys, db)
    assert "Progress of ana in store-small" in out
    assert _line(out, "Questions")[:2] == ["Questions", "4"]
    assert _line(out, "Seen")[:2] == ["Seen", "3"]
    assert _line(out, "Missed")[:2] == ["Missed", "2"]
    assert _line(out, "Accuracy")[:4] == ["Accuracy", "38%", "over", "4"]  # 1.5 / 4
    assert _line(out, "Streak")[:3] == ["Streak", "2", "days"]
    assert "Recent sessions (oldest first): 50% 25%" in out
    assert _line(out, "Questions")[2:] == [
        "1",
        "new",
        "·",
        "3",
        "learning",
        "·",
        "0",
        "young",
        "·",
        "0",
        "mature",
    ]
    names = out.split("Stages by topic")[1].splitlines()[1].split()
    assert names == ["new", "learning", "young", "mature", "accuracy"]
    history = _line(out, "  History")
    assert history[:6] == ["History", "0", "2", "0", "0", "33%"]  # 1 right of 3
    assert _line(out, "  Landmarks")[:6] == ["Landmarks", "1", "1", "0", "0", "50%"]
    assert "Next review due: " in out and "Next review due: nothing" not in out


def test_stats_columns_line_up(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    record(db, harbour_year="correct", lighthouse_name="incorrect")
    out = stats(capsys, db)
    summary = out.split("\n\n")[1].splitlines()[:6]  # Questions .. Accuracy
    cells = [re.split(r"\s{2,}", line) for line in summary]
    value_ends = {
        line.index(c[1], len(c[0])) + len(c[1]) for line, c in zip(summary, cells, strict=True)
    }
    assert len(value_ends) == 1, summary  # numbers right-aligned in one column
    topics = out.split("Stages by topic")[1].splitlines()[1:4]  # the names, then two topics
    assert (
        len({line.index("%") + 1 for line in topics[1:]} | {topics[0].index("accuracy") + 8}) == 1
    )


def test_stats_name_struggling_and_changed_questions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "progress.db"
    for day in range(4, 0, -1):
        record(db, days_ago=day, lighthouse_name="incorrect")
    with open_store(db) as store:  # answered when the question read differently
        session(store, "old", [("market-day", "correct")], bank=BANK.id, hashes={})
    out = stats(capsys, db)
    struggling = out.split("Struggling (missed 4 times or more)\n")[1].splitlines()[0].split()
    assert struggling[:3] == ["lighthouse-name", "4x", "What"]
    assert struggling[-1].endswith("…")  # the long prompt is shortened
    changed = out.split("Changed since you last answered them\n")[1].splitlines()[0].split()
    assert changed[0] == "market-day"


def test_stats_of_one_profile_ignore_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "progress.db"
    record(db, "bob", harbour_year="correct", market_day="correct", ferry_true="correct")
    record(db, "ana", harbour_year="incorrect")
    assert _line(stats(capsys, db), "Seen")[:2] == ["Seen", "1"]


def test_stats_refuse_a_foreign_file_with_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "progress.db"
    db.write_bytes(b"not sqlite at all" * 100)
    code, _, err = run(capsys, "stats", "--bank", str(STORE_BANK), "--progress", str(db))
    assert code == 1
    assert str(db) in err and "not a readable progress file" in err
    assert "Traceback" not in err


# --- export ------------------------------------------------------------------------------


def export(capsys: pytest.CaptureFixture[str], db: Path, *more: str) -> str:
    code, out, err = run(capsys, "export", "--progress", str(db), "--profile", "ana", *more)
    assert code == 0, err
    return out


def test_export_csv_has_a_row_per_attempt_with_the_teachers_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "progress.db"
    record(db, harbour_year="incorrect", market_day="correct", ferry_true="skipped")
    rows = list(csv.DictReader(io.StringIO(export(capsys, db))))
    assert list(rows[0]) == [
        "profile",
        "session",
        "bank",
        "question_id",
        "topic",
        "verdict",
        "score",
        "seconds",
        "overridden",
        "answered_at",
        "given",
    ]
    assert [(r["question_id"], r["verdict"], r["score"]) for r in rows] == [
        ("harbour-year", "incorrect", "0.0"),
        ("market-day", "correct", "1.0"),
        ("ferry-true", "skipped", "0.0"),
    ]
    first = rows[0]
    assert (first["profile"], first["bank"], first["topic"]) == ("ana", "store-small", "History")
    assert (first["seconds"], first["overridden"], first["given"]) == (
        "2.5",
        "no",
        "answer to harbour-year",
    )
    assert datetime.fromisoformat(first["answered_at"]).utcoffset() == timedelta(0)
    assert rows[2]["given"] == ""


def test_export_json_sessions_of_every_profile(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "progress.db"
    record(db, "ana", harbour_year="correct", market_day="partial")
    record(db, "bob", harbour_year="incorrect")
    rows = json.loads(export(capsys, db, "--sessions", "--format", "json", "--all-profiles"))
    assert [(r["profile"], r["possible"], r["percent"]) for r in rows] == [
        ("ana", 2, 75.0),
        ("bob", 1, 0.0),
    ]
    assert rows[0]["banks"] == ["store-small"] and rows[0]["mode"] == "practice"
    only_ana = json.loads(export(capsys, db, "--sessions", "--format", "json"))
    assert [r["profile"] for r in only_ana] == ["ana"]


def test_export_to_a_file_replaces_it_whole_and_says_how_many(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "progress.db"
    record(db, harbour_year="correct", market_day="incorrect")
    target = tmp_path / "out" / "attempts.csv"
    target.parent.mkdir()
    target.write_text("yesterday's export\n")
    code, out, err = run(
        capsys, "export", "--progress", str(db), "--profile", "ana", "--output", str(target)
    )
    assert (code, out) == (0, "")
    assert f"Wrote 2 attempts to {target}" in err
    lines = target.read_text().splitlines()
    assert lines[0].startswith("profile,session,bank") and len(lines) == 3
    assert sorted(p.name for p in target.parent.iterdir()) == ["attempts.csv"]  # no temp left


def test_export_of_an_empty_file_is_just_the_header(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "missing.db"
    assert export(capsys, db).splitlines() == [
        "profile,session,bank,question_id,topic,verdict,score,seconds,overridden,answered_at,given"
    ]
    assert json.loads(export(capsys, db, "--format", "json")) == []
    assert not db.exists()


def test_export_filters_by_bank(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    record(db, harbour_year="correct")
    with open_store(db) as store:
        session(store, "elsewhere", [("q1", "correct")], bank="another-bank")
    everything = list(csv.DictReader(io.StringIO(export(capsys, db))))
    assert {r["bank"] for r in everything} == {"store-small", "another-bank"}
    banked = list(csv.DictReader(io.StringIO(export(capsys, db, "--bank", str(STORE_BANK)))))
    assert {r["bank"] for r in banked} == {"store-small"}
