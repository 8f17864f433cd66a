"""Recovery files: the answers a busy progress file could not take, kept, read back, added once."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.common import paths
from quiz.progress import recovery
from quiz.progress import store as store_module
from quiz.progress.recovery import Op, TakeBack
from quiz.study.history import SessionSummary
from tests.helpers.store import T0, attempt, info, open_store
from tests.helpers.today import machine_zone

UID = "abcdef0123456789"
ENDED = datetime(2026, 3, 2, 9, 5, tzinfo=UTC)
OPS: list[Op] = [
    ("start", info(UID)),
    ("record", attempt("q1", "correct", uid=UID, given=["Ångström", "x"])),
    ("take_back", TakeBack(UID, 0)),
    ("finish", SessionSummary(UID, ENDED, 1.0, 2, 1)),
]


def expected_text(progress: Path) -> str:
    return f"""{{
 "format": "quiz-recovery",
 "version": 1,
 "progress": "{progress.resolve()}",
 "profile": "ana",
 "steps": [
  {{
   "kind": "start",
   "uid": "{UID}",
   "bank_ids": [
    "b"
   ],
   "mode": "practice",
   "options": {{
    "count": 5
   }},
   "seed": "SEED",
   "started_at": "2026-03-02T09:00:00+00:00"
  }},
  {{
   "kind": "record",
   "session_uid": "{UID}",
   "seq": 0,
   "bank_id": "b",
   "question_id": "q1",
   "content_hash": "h",
   "topic": "t",
   "given": [
    "Ångström",
    "x"
   ],
   "verdict": "correct",
   "score": 1.0,
   "overridden": false,
   "seconds": 2.5,
   "answered_at": "2026-03-02T09:00:00+00:00"
  }},
  {{
   "kind": "take_back",
   "session_uid": "{UID}",
   "seq": 0
  }},
  {{
   "kind": "finish",
   "uid": "{UID}",
   "ended_at": "2026-03-02T09:05:00+00:00",
   "points": 1.0,
   "possible": 2,
   "answered": 1
  }}
 ]
}}
"""


# --- writing and reading back ---------------------------------------------------------


def test_a_recovery_file_beside_the_progress_file_holds_every_step_and_reads_back(
    tmp_path: Path,
) -> None:
    progress = tmp_path / "progress.db"
    file = recovery.write(progress, "ana", OPS)
    assert file.parent == tmp_path
    assert re.fullmatch(r"progress\.db\.recovery-\d{8}T\d{12}-abcdef01\.json", file.name)
    assert file.read_text(encoding="utf-8") == expected_text(progress)
    assert recovery.read(file) == ("ana", OPS)
    assert isinstance(recovery.read(file)[1][0][1].bank_ids, tuple)


def test_a_recovery_file_is_stamped_in_utc_whatever_the_local_zone(tmp_path: Path) -> None:
    with machine_zone("Asia/Tokyo"):  # nine hours ahead of UTC
        before = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        file = recovery.write(tmp_path / "progress.db", "ana", OPS)
        after = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    stamp = file.name.split("-")[1]
    assert before <= stamp <= after  # files sort by when they were written


@pytest.mark.parametrize(
    ("ops", "tail"),
    [
        ([("take_back", TakeBack("12345678abc", 3))], "-12345678.json"),  # an undo's session
        ([("finish", SessionSummary("s1", ENDED, 0.0, 1, 0))], "-s1.json"),
        ([], "-x.json"),
    ],
)
def test_a_recovery_file_is_named_after_the_session_of_its_first_step(
    tmp_path: Path, ops: list[Op], tail: str
) -> None:
    file = recovery.write(tmp_path / "progress.db", "ana", ops)
    assert file.name.endswith(tail) and file.name.startswith("progress.db.recovery-")
    assert recovery.read(file) == ("ana", ops)


def test_a_progress_file_whose_folder_is_gone_gets_it_back_for_its_recovery_file(
    tmp_path: Path,
) -> None:
    progress = tmp_path / "gone" / "deeper" / "progress.db"
    file = recovery.write(progress, "ana", OPS)
    assert file.parent == progress.parent


def test_a_folder_that_cannot_be_written_sends_the_recovery_file_to_the_data_folder(
    tmp_path: Path,
) -> None:
    (tmp_path / "not-a-folder").write_text("")
    progress = tmp_path / "not-a-folder" / "progress.db"
    file = recovery.write(progress, "ana", OPS)
    assert file.parent == Path(os.environ["XDG_DATA_HOME"]) / "quiz" / "recovery"
    assert json.loads(file.read_text(encoding="utf-8"))["progress"] == str(progress.resolve())
    assert recovery.pending_files(progress) == [file]


def test_when_no_folder_can_be_written_the_last_failure_is_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))
    with pytest.raises(NotADirectoryError):  # the data folder's failure, tried last
        recovery.write(blocker / "progress.db", "ana", OPS)


# --- finding the files waiting for a progress file ----------------------------------


def keep(folder: Path, name: str, progress: Path | str, profile: str = "ana") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = {"format": "quiz-recovery", "progress": str(progress), "profile": profile, "steps": []}
    (folder / name).write_text(json.dumps(doc), encoding="utf-8")
    return folder / name


def test_pending_files_are_those_for_this_progress_file_oldest_first(tmp_path: Path) -> None:
    progress = tmp_path / "progress.db"
    data = paths.recovery_dir()
    earlier = keep(tmp_path, "progress.db.recovery-20260302T090000000000-a.json", progress)
    later = keep(data, "progress.db.recovery-20260302T100000000000-b.json", progress.resolve())
    keep(data, "progress.db.recovery-20260302T080000000000-c.json", tmp_path / "other.db")
    (data / "progress.db.recovery-20260302T070000000000-d.json").write_text("{broken")
    (data / "progress.db.recovery-20260302T070000000000-e.json").write_text("[]")
    keep(tmp_path, "other.db.recovery-20260302T080000000000-f.json", tmp_path / "other.db")
    keep(tmp_path, "progress.db.recovery-notes.txt", progress)
    assert recovery.pending_files(progress) == [earlier, later]


def test_files_beside_are_still_found_when_the_data_folder_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    progress = tmp_path / "progress.db"
    mine = keep(tmp_path, "progress.db.recovery-20260302T100000000000-b.json", progress)

    def unreadable() -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(paths, "recovery_dir", unreadable)
    assert recovery.pending_files(progress) == [mine]


# --- reading a file that cannot be used -----------------------------------------------


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        ("[]", ValueError, "not a quiz recovery file"),
        ('{"format": "other", "profile": "ana"}', ValueError, "not a quiz recovery file"),
        ('{"format": "quiz-recovery"}', ValueError, "no profile"),
        ('{"format": "quiz-recovery", "profile": 7}', ValueError, "no profile"),
        ('{"format": "quiz-recovery", "profile": "ana", "steps": [{"kind": "dance"}]}',
         KeyError, "'dance'"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_a_recovery_file_is_refused(
    tmp_path: Path, content: str, error: type[Exception], message: str
) -> None:
    file = tmp_path / "progress.db.recovery-1.json"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(error) as raised:
        recovery.read(file)
    assert str(raised.value) == message


def test_a_recovery_file_without_steps_reads_as_nothing_to_add(tmp_path: Path) -> None:
    file = keep(tmp_path, "progress.db.recovery-1.json", tmp_path / "progress.db", "bo")
    doc = json.loads(file.read_text(encoding="utf-8"))
    del doc["steps"]
    file.write_text(json.dumps(doc), encoding="utf-8")
    assert recovery.read(file) == ("bo", [])


# --- the store: kept while busy, added once, damaged files named ----------------------


def answers(db: Path, profile: str = "ana") -> list[tuple[str, str]]:
    with store_module.ProgressStore.open(db, profile, read_only=True) as store:
        return [(r["question_id"], r["verdict"]) for r in store.export_attempts()]


@pytest.fixture
def quick_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.05)
    monkeypatch.setattr(store_module, "RETRY_TIMEOUT_S", 0.01)
    monkeypatch.setattr(store_module, "CLOSING_WAITS_S", (0.01,))


@pytest.mark.usefixtures("quick_waits")
def test_answers_a_busy_file_could_not_take_are_kept_then_added_once(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    notices: list[str] = []
    store = open_store(db)
    store.on_notice = notices.append
    store.start(info("s1"))
    store.record(attempt("q1", "correct", seq=0))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program takes the file
    try:
        store.record(attempt("q2", "incorrect", seq=1))
        store.record(attempt("q3", "partial", seq=2))
        store.finish(SessionSummary("s1", T0, 1.5, 3, 3))
        assert store.unsaved == 2
        store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    kept = store.recovery_path
    assert kept is not None and kept.parent == tmp_path and not store.lost
    assert notices[-1] == (
        f"{db}: still held by another program. Your unsaved answers are in {kept}; "
        "quiz adds them to your progress the next time it opens the file."
    )
    assert answers(db) == [("q1", "correct")]
    assert [kind for kind, _ in recovery.read(kept)[1]] == ["record", "record", "finish"]

    with open_store(db) as again:
        assert again.warnings == [f"{db}: added 2 answers kept in {kept}"]
    assert not kept.exists()
    with open_store(db) as third:
        assert third.warnings == []
    assert answers(db) == [("q1", "correct"), ("q2", "incorrect"), ("q3", "partial")]


def test_answers_kept_for_another_learner_are_added_to_that_learner(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        store.start(info("s0"))
    ops: list[Op] = [("start", info("s1")), ("record", attempt("q1", "incorrect", uid="s1"))]
    kept = recovery.write(db, "bo", ops)
    with open_store(db, "ana") as store:
        assert store.warnings == [f"{db}: added 1 answers kept in {kept}"]
    assert answers(db, "bo") == [("q1", "incorrect")]
    assert answers(db, "ana") == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{broken", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ('{"format": "quiz-recovery"}', "no profile"),
        ('{"format": "quiz-recovery", "profile": "ana", "steps": [{"kind": "dance"}]}',
         "'dance'"),
        ('{"format": "quiz-recovery", "profile": "ana", "steps": [{"kind": "take_back"}]}',
         "TakeBack.__init__() missing 2 required positional arguments: 'session_uid' and 'seq'"),
        ('{"format": "quiz-recovery", "profile": "ana", "steps": [{"kind": "finish", '
         '"uid": "s", "ended_at": "soon", "points": 0, "possible": 0, "answered": 0}]}',
         "Invalid isoformat string: 'soon'"),
    ],
)  # fmt: skip
def test_a_damaged_recovery_file_is_named_and_left_in_place(
    tmp_path: Path, content: str, problem: str
) -> None:
    db = tmp_path / "progress.db"
    file = tmp_path / "progress.db.recovery-20260302T090000000000-s1.json"
    file.write_text(content, encoding="utf-8")
    with open_store(db) as store:
        assert store.warnings == [
            f"{db}: skipped a damaged recovery file {file.name} ({problem}); "
            "the rest of the file is used"
        ]
    assert file.read_text(encoding="utf-8") == content
