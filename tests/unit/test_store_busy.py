"""A progress file held by another program: answers wait, then reach the file or a recovery file.

Another connection holds `BEGIN EXCLUSIVE` on the file, as another program would;
the store's waits are shortened so each refused write gives up at once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.common.errors import StoreError
from quiz.progress import recovery
from quiz.progress import store as store_module
from quiz.progress.store import ProgressStore
from quiz.study.history import SessionSummary
from tests.helpers.store import T0, attempt, info, open_store

WAITING = "waiting for the progress file, held by another program"


@pytest.fixture(autouse=True)
def _short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.05)
    monkeypatch.setattr(store_module, "RETRY_TIMEOUT_S", 0.01)
    monkeypatch.setattr(store_module, "CLOSING_WAITS_S", (0.01, 0.01, 0.01, 0.01))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "progress.db"
    with open_store(path) as store:
        store.start(info("s0"))  # the profile exists: opening needs no write
    return path


class Holder:
    """Another program's connection, holding the file's write lock while `held`."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None)

    def take(self) -> None:
        self._conn.execute("BEGIN EXCLUSIVE")

    def release(self) -> None:
        self._conn.execute("ROLLBACK")


@pytest.fixture
def holder(db: Path) -> Iterator[Holder]:
    held = Holder(db)
    yield held
    if held._conn.in_transaction:
        held.release()
    held._conn.close()


def _saved(path: Path, profile: str = "ana") -> list[tuple[str, int, str, str]]:
    with ProgressStore.open(path, profile, read_only=True) as reader:
        return [
            (r["session"], r["question_id"], r["verdict"], r["profile"])  # type: ignore[misc]
            for r in reader.export_attempts(all_profiles=True)
        ]


def test_answers_wait_in_order_while_the_file_is_held_and_are_written_when_it_frees(
    db: Path, holder: Holder
) -> None:
    notices: list[str] = []
    with open_store(db) as store:
        store.on_notice = notices.append
        store.start(info())
        holder.take()
        store.record(attempt("q1", "correct", seq=0))
        assert notices == [f"{db}: {WAITING}; your answers are kept"]
        store.record(attempt("q2", "incorrect", seq=1, at=T0 + timedelta(minutes=1)))
        store.take_back("s1", 1)  # an undo waits behind the answer it takes back
        assert (store.unsaved, len(notices)) == (2, 1)  # said once, not at every answer
        assert _saved(db) == []
        holder.release()
        store.record(attempt("q3", "partial", seq=2, at=T0 + timedelta(minutes=2)))
        assert notices[1:] == [f"{db}: the progress file is free again; every answer is saved"]
        assert store.unsaved == 0
        store.record(attempt("q4", "correct", seq=3, at=T0 + timedelta(minutes=3)))
        assert len(notices) == 2  # nothing more to say while the file stays free
        holder.take()
        store.record(attempt("q5", "correct", seq=4, at=T0 + timedelta(minutes=4)))
        holder.release()
        store.take_back("s1", 4)
        assert notices[2:] == notices[:2]  # held again: said again, and freed again
        assert store.warnings == []
        history = store.history(["b"])
    assert _saved(db) == [
        ("s1", "q1", "correct", "ana"),
        ("s1", "q3", "partial", "ana"),
        ("s1", "q4", "correct", "ana"),
    ]
    assert set(history) == {("b", "q1"), ("b", "q3"), ("b", "q4")}
    assert store.recovery_path is None and not store.lost


def test_a_file_free_again_before_the_end_loses_nothing_and_leaves_no_recovery_file(
    db: Path, holder: Holder
) -> None:
    store = open_store(db)
    store.start(info())
    holder.take()
    store.record(attempt("q1", "correct"))
    holder.release()
    store.close()
    assert store.warnings == [
        f"{db}: {WAITING}; your answers are kept",
        f"{db}: the progress file is free again; every answer is saved",
    ]
    assert _saved(db) == [("s1", "q1", "correct", "ana")]
    assert list(db.parent.glob("*.json")) == []
    assert store.recovery_path is None


def test_answers_the_file_never_takes_go_to_a_recovery_file_folded_in_at_the_next_opening(
    db: Path, holder: Holder
) -> None:
    store = open_store(db)
    store.start(info())
    holder.take()
    store.record(attempt("q1", "correct", seq=0))
    store.record(attempt("q2", "partial", seq=1))
    store.finish(SessionSummary("s1", T0 + timedelta(minutes=2), 1.5, 2, 2))
    store.close()
    kept = store.recovery_path
    assert kept is not None and kept.parent == db.parent
    assert kept.name.startswith("progress.db.recovery-") and kept.name.endswith("-s1.json")
    assert store.warnings == [  # each line once, though the last tries were four
        f"{db}: {WAITING}; your answers are kept",
        f"{db}: {WAITING}; trying again (2 unsaved)",
        f"{db}: still held by another program. Your unsaved answers are in {kept}; "
        "quiz adds them to your progress the next time it opens the file.",
    ]
    assert (store.unsaved, store.lost) == (0, False)
    assert [s["kind"] for s in json.loads(kept.read_text())["steps"]] == [
        "record",
        "record",
        "finish",
    ]
    holder.release()
    with open_store(db) as again:
        assert again.warnings == [f"{db}: added 2 answers kept in {kept}"]
        history = again.history(["b"])
        sessions = {s["session"]: s for s in again.export_sessions()}
    assert not kept.exists()
    assert _saved(db) == [("s1", "q1", "correct", "ana"), ("s1", "q2", "partial", "ana")]
    assert (history[("b", "q2")].attempts, history[("b", "q2")].last_verdict) == (1, "partial")
    assert (sessions["s1"]["points"], sessions["s1"]["possible"]) == (1.5, 2)


def test_every_closing_try_is_told_to_a_listener(db: Path, holder: Holder) -> None:
    notices: list[str] = []
    store = open_store(db)
    store.on_notice = notices.append
    holder.take()
    store.record(attempt("q1", "correct", uid="s0"))
    store.close()
    assert (
        notices[:5]
        == [f"{db}: {WAITING}; your answers are kept"]
        + [f"{db}: {WAITING}; trying again (1 unsaved)"] * 4
    )
    assert notices[5].startswith(f"{db}: still held by another program.")
    assert len(notices) == 6 and store.warnings == []


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (OSError(28, "No space left on device"), "No space left on device"),
        (OSError("gone"), "gone"),
    ],
)
def test_answers_that_fit_nowhere_are_said_to_be_lost(
    db: Path, holder: Holder, monkeypatch: pytest.MonkeyPatch, error: OSError, said: str
) -> None:
    def full(*_: object) -> Path:
        raise error

    monkeypatch.setattr(recovery, "write", full)
    store = open_store(db)
    holder.take()
    store.record(attempt("q1", "correct", uid="s0"))
    store.record(attempt("q2", "correct", uid="s0", seq=1))
    store.close()
    assert store.lost and store.recovery_path is None
    assert store.warnings[-1] == (
        f"{db}: 2 answers could NOT be saved: the file stayed busy and no recovery file "
        f"could be written ({said})"
    )
    assert store.unsaved == 2


def test_a_file_sqlite_will_not_write_keeps_the_answers_and_says_why(db: Path) -> None:
    with open_store(db) as store:
        store._conn.execute("PRAGMA query_only = 1")  # SQLite refuses every write
        store.record(attempt("q1", "correct", uid="s0"))
        assert store.warnings == [
            f"{db}: cannot write the progress file now (attempt to write a readonly database); "
            "your answers are kept"
        ]
        assert store.unsaved == 1
        store._conn.execute("PRAGMA query_only = 0")
        store.record(attempt("q2", "correct", uid="s0", seq=1))
        assert store.unsaved == 0
    assert _saved(db) == [("s0", "q1", "correct", "ana"), ("s0", "q2", "correct", "ana")]


def _recovery_file(db: Path, profile: str, *ops: recovery.Op) -> Path:
    return recovery.write(db, profile, list(ops))


def test_a_recovery_file_of_another_profile_is_added_to_that_profile(db: Path) -> None:
    kept = _recovery_file(
        db,
        "bob",
        ("start", info("s9")),
        ("record", attempt("q1", "incorrect", uid="s9")),
        ("record", attempt("q2", "skipped", uid="s9", seq=1)),
    )
    with open_store(db) as store:
        assert store.warnings == [f"{db}: added 2 answers kept in {kept}"]
        assert store.history(["b"]) == {}  # not ana's
        assert store.profiles() == ["ana", "bob"]
    with open_store(db, "bob") as bob:
        assert bob.history(["b"])[("b", "q1")].missed
    assert _saved(db, "bob") == [("s9", "q1", "incorrect", "bob"), ("s9", "q2", "skipped", "bob")]
    assert not kept.exists()


def test_recovery_files_are_added_oldest_first(db: Path) -> None:
    first = _recovery_file(db, "ana", ("record", attempt("q1", "incorrect", uid="s0")))
    second = _recovery_file(db, "ana", ("record", attempt("q1", "correct", uid="s0")))
    assert first.name < second.name
    with open_store(db) as store:
        assert store.warnings == [
            f"{db}: added 1 answers kept in {first}",
            f"{db}: added 1 answers kept in {second}",
        ]
        past = store.history(["b"])[("b", "q1")]
    assert (past.attempts, past.last_verdict) == (1, "correct")  # the later replaced the first


def test_a_damaged_recovery_file_is_skipped_and_kept(db: Path) -> None:
    broken = db.with_name("progress.db.recovery-20260302T090000000000-x.json")
    broken.write_text("{not json", encoding="utf-8")
    good = _recovery_file(db, "ana", ("record", attempt("q1", "correct", uid="s0")))
    with open_store(db) as store:
        assert store.warnings == [
            f"{db}: skipped a damaged recovery file {broken.name} (Expecting property name "
            "enclosed in double quotes: line 1 column 2 (char 1)); the rest of the file is used",
            f"{db}: added 1 answers kept in {good}",
        ]
    assert broken.exists() and not good.exists()


def test_a_recovery_file_the_file_cannot_take_yet_waits_in_memory_until_it_frees(
    db: Path, holder: Holder
) -> None:
    kept = _recovery_file(db, "ana", ("record", attempt("q1", "correct", uid="s0")))
    holder.take()
    store = open_store(db)
    assert store.warnings == [
        f"{db}: {WAITING}; your answers are kept",
        f"{db}: could not yet add the answers kept in {kept}; will try again",
    ]
    assert store.unsaved == 1 and kept.exists()
    holder.release()
    store.close()
    assert store.warnings[2:] == [
        f"{db}: added 1 answers kept in {kept}",
        f"{db}: the progress file is free again; every answer is saved",
    ]
    assert not kept.exists()
    with open_store(db) as again:
        assert again.warnings == []
    assert _saved(db) == [("s0", "q1", "correct", "ana")]


def test_a_recovery_file_still_held_at_the_end_moves_into_the_new_one(
    db: Path, holder: Holder
) -> None:
    kept = _recovery_file(db, "ana", ("record", attempt("q1", "incorrect", uid="s0")))
    holder.take()
    store = open_store(db)
    store.record(attempt("q1", "correct", uid="s0", seq=1))
    store.close()
    assert store.recovery_path is not None and not kept.exists()
    steps = json.loads(store.recovery_path.read_text())["steps"]
    assert [(s["seq"], s["verdict"]) for s in steps] == [(0, "incorrect"), (1, "correct")]
    assert not any("added" in line for line in store.warnings)
    holder.release()
    with open_store(db) as again:
        assert again.warnings == [f"{db}: added 2 answers kept in {store.recovery_path}"]
    assert [v for _, _, v, _ in _saved(db)] == ["incorrect", "correct"]


def test_a_waiting_recovery_file_is_written_before_the_answers_given_after_it(
    db: Path, holder: Holder
) -> None:
    kept = _recovery_file(db, "ana", ("record", attempt("q1", "correct", uid="s0")))
    holder.take()
    store = open_store(db)  # the file is held: the kept answer waits
    holder.release()
    later = T0 + timedelta(days=1)
    store.start(info("s2", at=later))
    assert store.warnings[-2] == f"{db}: added 1 answers kept in {kept}"
    store.record(attempt("q1", "incorrect", uid="s2", at=later))
    store.close()
    with open_store(db) as again:
        assert again.warnings == []  # added once, not again
        past = again.history(["b"])[("b", "q1")]
    assert (past.attempts, past.last_verdict, past.last_answered) == (2, "incorrect", later)
    assert _saved(db) == [("s0", "q1", "correct", "ana"), ("s2", "q1", "incorrect", "ana")]


def test_recovery_files_are_added_in_order_when_the_first_must_wait(
    db: Path, holder: Holder, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _recovery_file(db, "ana", ("record", attempt("q1", "incorrect", uid="s0")))
    other = _recovery_file(db, "bob", ("start", info("s9")))
    second = _recovery_file(db, "ana", ("record", attempt("q1", "correct", uid="s0", seq=1)))
    real_flush = ProgressStore._flush
    tries: list[int] = []

    def free_after_first_try(self: ProgressStore, *, timeout: float) -> bool:
        tries.append(len(self._pending))
        if len(tries) == 2:
            holder.release()  # the other program lets go while quiz waits
        return real_flush(self, timeout=timeout)

    monkeypatch.setattr(ProgressStore, "_flush", free_after_first_try)
    holder.take()
    with open_store(db) as store:
        assert store.warnings == [
            f"{db}: {WAITING}; your answers are kept",
            f"{db}: could not yet add the answers kept in {first}; will try again",
            f"{db}: could not yet add the answers kept in {other}; will try again",
            f"{db}: could not yet add the answers kept in {second}; will try again",
        ]
        store.record(attempt("q2", "partial", uid="s0", seq=2))
        assert store.warnings[4:] == [
            f"{db}: added 1 answers kept in {first}",
            f"{db}: added 1 answers kept in {second}",
            f"{db}: the progress file is free again; every answer is saved",
        ]
    assert (first.exists(), other.exists(), second.exists()) == (False, True, False)
    assert [(q, v) for _, q, v, _ in _saved(db)] == [
        ("q1", "incorrect"),
        ("q1", "correct"),
        ("q2", "partial"),
    ]
    with open_store(db) as store:
        assert store.warnings == [f"{db}: added 0 answers kept in {other}"]
        assert store.profiles() == ["ana", "bob"]


def test_an_answer_whose_write_failed_midway_is_written_whole_on_the_next_try(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_apply = ProgressStore._apply
    calls: list[str] = []

    def fails_once(self: ProgressStore, attempt: object, card_before: str | None) -> None:
        calls.append("apply")
        if len(calls) == 1:  # after the session row was added in the same transaction
            raise sqlite3.OperationalError("disk I/O error")
        real_apply(self, attempt, card_before)  # type: ignore[arg-type]

    monkeypatch.setattr(ProgressStore, "_apply", fails_once)
    with open_store(db) as store:
        store.record(attempt("q1", "correct", uid="unstarted"))
        assert store.warnings == [
            f"{db}: cannot write the progress file now (disk I/O error); your answers are kept"
        ]
        assert store.unsaved == 1
        store.record(attempt("q2", "correct", uid="unstarted", seq=1))
        assert store.unsaved == 0
    assert _saved(db) == [
        ("unstarted", "q1", "correct", "ana"),
        ("unstarted", "q2", "correct", "ana"),
    ]


def test_a_store_opened_to_read_refuses_every_step(db: Path) -> None:
    with ProgressStore.open(db, "ana", read_only=True) as store:
        steps = [
            lambda: store.start(info("s9")),
            lambda: store.record(attempt("q1", "correct", uid="s9")),
            lambda: store.take_back("s9", 0),
            lambda: store.finish(SessionSummary("s9", T0, 1.0, 1, 1)),
        ]
        for step in steps:
            with pytest.raises(StoreError) as caught:
                step()
            assert str(caught.value) == f"{db}: opened read-only; nothing can be recorded"
        assert store.unsaved == 0
    assert _saved(db) == []


def test_a_waiting_recovery_file_removed_meanwhile_does_not_stop_the_answers(
    db: Path, holder: Holder
) -> None:
    kept = _recovery_file(db, "ana", ("record", attempt("q1", "correct", uid="s0")))
    holder.take()
    store = open_store(db)
    holder.release()
    kept.unlink()  # another quiz added it in the meantime
    store.record(attempt("q2", "correct", uid="s0", seq=1))
    store.close()
    assert store.unsaved == 0
    assert _saved(db) == [("s0", "q1", "correct", "ana"), ("s0", "q2", "correct", "ana")]
