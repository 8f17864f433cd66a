"""The progress store: what it keeps, what it answers, and the files it refuses."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.common.errors import StoreError
from quiz.progress import schema
from quiz.progress.store import ProgressStore
from quiz.study import scheduling
from quiz.study.history import SessionSummary
from tests.helpers.store import T0, attempt, info, open_store, session


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "deep" / "folder" / "progress.db"


# --- recording and history ---------------------------------------------------------------


def test_answers_survive_closing_and_reopening(db: Path) -> None:
    with open_store(db) as store:
        session(store, "s1", [("q1", "incorrect"), ("q2", "correct"), ("q3", "partial")])
    with open_store(db) as store:
        history = store.history(["b"])
    assert set(history) == {("b", "q1"), ("b", "q2"), ("b", "q3")}
    q1 = history[("b", "q1")]
    assert (q1.attempts, q1.misses, q1.last_verdict, q1.missed) == (1, 1, "incorrect", True)
    assert q1.last_answered == T0
    assert q1.last_content_hash == "h"
    assert history[("b", "q2")].missed is False
    assert history[("b", "q3")].missed is True


def test_each_answer_is_readable_by_another_process_before_the_session_ends(db: Path) -> None:
    with open_store(db) as writer:
        writer.start(info())
        writer.record(attempt("q1", "incorrect"))
        with open_store(db) as reader:
            assert reader.history(["b"])[("b", "q1")].last_verdict == "incorrect"


def test_history_counts_attempts_and_misses_across_sessions(db: Path) -> None:
    with open_store(db) as store:
        session(store, "s1", [("q1", "incorrect")])
        session(store, "s2", [("q1", "timeout")], at=T0 + timedelta(days=1))
        session(store, "s3", [("q1", "correct")], at=T0 + timedelta(days=2))
        past = store.history(["b"])[("b", "q1")]
    assert (past.attempts, past.misses, past.last_verdict) == (3, 2, "correct")
    assert past.last_answered == T0 + timedelta(days=2)


def test_history_only_covers_the_banks_asked_for(db: Path) -> None:
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct")], bank="a")
        session(store, "s2", [("q1", "incorrect")], bank="b")
        assert set(store.history(["a"])) == {("a", "q1")}
        assert store.history([]) == {}


def test_due_follows_the_scheduler(db: Path) -> None:
    with open_store(db) as store:
        session(store, "s1", [("q1", "incorrect"), ("q2", "correct")])
        history = store.history(["b"])
    for qid, verdict, seq in (("q1", "incorrect", 0), ("q2", "correct", 1)):
        expected = scheduling.review(
            None,
            verdict,
            T0 + timedelta(minutes=seq),
            card_id=scheduling.card_id_for("ana", "b", qid),
            fuzz=False,
        )
        assert expected is not None
        assert history[("b", qid)].due == expected.due


def test_due_dates_are_spread_a_little_unless_fuzz_is_turned_off(tmp_path: Path) -> None:
    state = random.getstate()
    random.seed(7)  # fsrs draws the spread from the random module
    try:
        dues = []
        for options in ({}, {"fuzz": False}):
            path = tmp_path / f"progress{len(dues)}.db"
            with ProgressStore.open(path, "ana", **options) as store:  # type: ignore[arg-type]
                store.start(info())
                for seq, days in enumerate((0, 1, 4, 12)):  # right answers, further apart
                    store.record(attempt("q1", "correct", seq=seq, at=T0 + timedelta(days=days)))
                dues.append(store.history(["b"])[("b", "q1")].due)
    finally:
        random.setstate(state)
    card = None
    for days in (0, 1, 4, 12):
        review = scheduling.review(
            card,
            "correct",
            T0 + timedelta(days=days),
            card_id=scheduling.card_id_for("ana", "b", "q1"),
            fuzz=False,
        )
        assert review is not None
        card = review.card_json
    spread, exact = dues
    assert exact == review.due
    assert spread is not None and spread != exact
    assert abs(spread - exact) < (exact - T0) / 2


def test_an_override_replaces_the_answer_and_redoes_the_review(db: Path, tmp_path: Path) -> None:
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "incorrect"))
        store.record(attempt("q1", "correct", overridden=True))
        overridden = store.history(["b"])[("b", "q1")]
        rows = list(store.export_attempts())
    with open_store(tmp_path / "plain.db") as other:
        other.start(info())
        other.record(attempt("q1", "correct"))
        straight = other.history(["b"])[("b", "q1")]
    assert (overridden.attempts, overridden.misses, overridden.last_verdict) == (1, 0, "correct")
    assert overridden.due == straight.due  # as if the wrong answer had never been recorded
    assert [(r["verdict"], r["overridden"]) for r in rows] == [("correct", True)]


def test_an_override_after_an_earlier_session_starts_from_that_sessions_card(db: Path) -> None:
    later = T0 + timedelta(days=3)
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct")])
        before = store.history(["b"])[("b", "q1")]
        store.start(info("s2", at=later))
        store.record(attempt("q1", "incorrect", uid="s2", at=later))
        store.record(attempt("q1", "correct", uid="s2", at=later, overridden=True))
        after = store.history(["b"])[("b", "q1")]
    assert (after.attempts, after.misses) == (2, 0)
    assert after.due is not None and before.due is not None
    assert after.due - later > before.due - T0  # a second right answer: a longer interval


def test_a_skip_leaves_the_question_as_it_was(db: Path) -> None:
    with open_store(db) as store:
        session(store, "s1", [("q1", "incorrect"), ("q2", "skipped")])
        missed_before = store.history(["b"])[("b", "q1")]
        session(store, "s2", [("q1", "skipped")], at=T0 + timedelta(hours=1))
        history = store.history(["b"])
        verdicts = [r["verdict"] for r in store.export_attempts()]
    assert ("b", "q2") not in history  # skipped, never answered: still new
    assert history[("b", "q1")] == missed_before  # still missed, review brings it back
    assert verdicts == ["incorrect", "skipped", "skipped"]


def test_next_due_is_the_earliest_review_of_the_banks(db: Path) -> None:
    with open_store(db) as store:
        assert store.next_due(["b"]) is None
        session(store, "s1", [("q1", "correct"), ("q2", "incorrect")])
        session(store, "s2", [("q9", "incorrect")], bank="other", at=T0 - timedelta(days=9))
        history = store.history(["b"])
        assert store.next_due(["b"]) == min(h.due for h in history.values() if h.due)
        assert store.next_due(["b"]) == history[("b", "q2")].due
        assert store.next_due(["other"]) == store.history(["other"])[("other", "q9")].due


def test_sessions_keep_their_options_seed_and_score(db: Path) -> None:
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct"), ("q2", "partial")])
        store.start(info("unfinished"))
        store.record(attempt("q3", "correct", uid="unfinished"))
        rows = list(store.export_sessions())
    assert [r["session"] for r in rows] == ["s1", "unfinished"]
    done, open_ = rows
    assert (done["mode"], done["seed"], done["banks"]) == ("practice", "SEED", ["b"])
    assert (done["points"], done["possible"], done["percent"]) == (1.5, 2, 75.0)
    assert done["ended_at"].startswith("2026-03-02T09:02")
    assert open_["ended_at"] is None and open_["percent"] is None


def test_finish_twice_keeps_the_last_score(db: Path) -> None:
    with open_store(db) as store:
        store.start(info())
        store.finish(SessionSummary("s1", T0, 1.0, 2, 2))
        store.finish(SessionSummary("s1", T0, 2.0, 2, 2))
        assert next(store.export_sessions())["points"] == 2.0


# --- profiles ---------------------------------------------------------------------------


def test_profiles_in_one_file_keep_separate_progress(db: Path) -> None:
    with open_store(db, "ana") as ana:
        session(ana, "s1", [("q1", "incorrect")])
    with open_store(db, "bob") as bob:
        session(bob, "s2", [("q1", "correct"), ("q2", "correct")])
        assert bob.history(["b"])[("b", "q1")].last_verdict == "correct"
        assert [r["profile"] for r in bob.export_attempts()] == ["bob", "bob"]
        everyone = {r["profile"] for r in bob.export_attempts(all_profiles=True)}
        assert bob.profiles() == ["ana", "bob"]
    with open_store(db, "ana") as ana:
        assert set(ana.history(["b"])) == {("b", "q1")}
        assert ana.history(["b"])[("b", "q1")].last_verdict == "incorrect"
    assert everyone == {"ana", "bob"}


def test_a_new_profile_is_created_on_its_first_session(db: Path) -> None:
    with open_store(db, "ana") as store:
        session(store, "s1", [("q1", "correct")])
    with open_store(db, "chloé") as store:
        assert store.profiles() == ["ana"]  # opening alone adds nobody
        assert store.history(["b"]) == {}
        session(store, "s2", [("q1", "incorrect")])
        assert store.profiles() == ["ana", "chloé"]
        assert store.history(["b"])[("b", "q1")].missed


# --- read-only opening (stats, export) ---------------------------------------------------


def test_read_only_opening_of_a_missing_file_creates_nothing(db: Path) -> None:
    with ProgressStore.open(db, "ana", read_only=True) as store:
        assert store.history(["b"]) == {}
        assert list(store.export_attempts()) == []
        with pytest.raises(StoreError, match="read-only"):
            store.start(info())
    assert not db.parent.exists()


def test_read_only_opening_reads_without_adding_the_profile(db: Path) -> None:
    with open_store(db) as store:
        session(store, "s1", [("q1", "incorrect")])
    with ProgressStore.open(db, "ana", read_only=True) as store:
        assert store.history(["b"])[("b", "q1")].missed
    with ProgressStore.open(db, "zoe", read_only=True) as store:
        assert store.history(["b"]) == {}
    with open_store(db) as store:
        assert store.profiles() == ["ana"]


# --- migrations -------------------------------------------------------------------------


CURRENT = schema.schema_version()


def _add_next(monkeypatch: pytest.MonkeyPatch) -> None:
    def step(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE cards ADD COLUMN note TEXT")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, step])


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_a_new_file_gets_the_current_schema_and_the_quiz_marker(db: Path) -> None:
    open_store(db).close()
    conn = sqlite3.connect(db)
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    conn.close()
    assert app_id == schema.APPLICATION_ID
    assert _version(db) == schema.schema_version()
    assert mode == "wal"


def test_migrating_keeps_a_copy_of_the_old_file_beside_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(db)
    session(store, "s1", [("q1", "incorrect")])
    # Left open on purpose: the answer may still be only in the WAL.
    _add_next(monkeypatch)
    with open_store(db) as migrated:
        assert migrated.history(["b"])[("b", "q1")].missed
    store.close()
    copy = db.with_name(f"progress.db.v{CURRENT}.bak")
    assert _version(copy) == CURRENT
    assert _version(db) == CURRENT + 1
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT question_id, verdict FROM attempts").fetchall() == [
        ("q1", "incorrect")
    ]  # the copy holds the answer that was still in the WAL
    conn.close()
    open_store(db).close()
    assert sorted(p.name for p in db.parent.glob("*.bak")) == [f"progress.db.v{CURRENT}.bak"]


def test_a_second_migration_never_overwrites_an_earlier_copy(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(db).close()
    earlier = db.with_name(f"progress.db.v{CURRENT}.bak")
    earlier.write_bytes(b"an older copy")
    _add_next(monkeypatch)
    open_store(db).close()
    assert earlier.read_bytes() == b"an older copy"
    assert _version(db.with_name(f"progress.db.v{CURRENT}.2.bak")) == CURRENT


def test_a_failed_migration_leaves_the_file_at_its_version(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(db).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE extra (x)")
        raise RuntimeError("disk gremlin")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    with pytest.raises(RuntimeError):
        open_store(db)
    monkeypatch.undo()
    assert _version(db) == CURRENT
    open_store(db).close()  # still usable by this version


# --- refusals ---------------------------------------------------------------------------


def _refused(path: Path, *words: str, profile: str = "ana") -> str:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(StoreError) as caught:
        open_store(path, profile)
    message = str(caught.value)
    assert str(path) in message
    for word in words:
        assert word in message
    if before is not None:
        assert path.read_bytes() == before  # never overwritten
    return message


def test_a_file_of_random_bytes_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    path.write_bytes(os.urandom(8192))
    _refused(path, "not a readable progress file", "move it aside")
    with pytest.raises(StoreError, match="not a readable progress file"):
        ProgressStore.open(path, "ana", read_only=True)


def test_a_damaged_progress_file_is_refused(db: Path) -> None:
    with open_store(db) as store:
        session(store, "s1", [("q1", "incorrect")])
    with open(db, "r+b") as f:  # keep the 100-byte header, ruin the schema page
        f.seek(100)
        f.write(b"\xa5" * 3900)
    _refused(db, "progress.db")


def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.commit()
    conn.close()
    _refused(path, "not a quiz progress file", "--progress")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT text FROM notes").fetchall() == [("keep me",)]
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 1
    conn.close()


def test_a_file_from_a_newer_quiz_is_refused(db: Path) -> None:
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    _refused(db, "newer quiz", "upgrade quiz")
    with pytest.raises(StoreError, match="newer quiz"):
        ProgressStore.open(db, "ana", read_only=True)
    assert _version(db) == 99


def test_an_empty_file_becomes_a_progress_file(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    path.touch()
    with open_store(path) as store:
        session(store, "s1", [("q1", "correct")])
    assert _version(path) == schema.schema_version()


def test_a_folder_is_not_a_progress_file(tmp_path: Path) -> None:
    _refused(tmp_path, "is a folder")


@contextmanager
def _unwritable(path: Path) -> Iterator[None]:
    """Make `path` unwritable for this process, even as root (immutable), or skip."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)]).returncode != 0:
        pytest.skip("running as root, where chmod does not stop writes, and chattr +i failed")
    try:
        if os.access(path, os.W_OK):
            pytest.skip("root can still write to an immutable file here")
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_a_read_only_file_is_refused_with_what_to_do(db: Path) -> None:
    with open_store(db) as store:
        session(store, "s1", [("q1", "incorrect")])
    with _unwritable(db):
        _refused(db, "read-only", "--progress")
        with ProgressStore.open(db, "ana", read_only=True) as reader:  # stats and export
            assert reader.history(["b"])[("b", "q1")].missed


def test_a_read_only_folder_is_refused_before_anything_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with _unwritable(folder):
        message = _refused(folder / "progress.db")
    assert message == (
        f"{folder / 'progress.db'}: cannot record progress here: its folder {folder} is "
        "read-only. Make it writable, or choose another file with --progress (quiz stats and "
        "quiz export can still read it)."
    )
    assert list(folder.iterdir()) == []


def test_sqlite_refusing_a_write_becomes_a_clear_message(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the permission bits say, SQLite's own read-only refusal is reported too."""
    open_store(db).close()
    from quiz.progress import store as store_module

    def read_only_connect(path: Path) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)

    monkeypatch.setattr(store_module, "_connect", read_only_connect)
    _refused(db, "read-only", profile="a new learner")  # adding the profile is a write


def test_an_answer_replaced_by_a_skip_is_taken_back_whole(db: Path) -> None:
    later = T0 + timedelta(days=3)
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct")])
        before = store.history(["b"])[("b", "q1")]
        store.start(info("s2", at=later))
        store.record(attempt("q1", "incorrect", uid="s2", at=later))
        store.record(attempt("q1", "skipped", uid="s2", at=later))  # the same seq, replaced
        after = store.history(["b"])[("b", "q1")]
        rows = [(r["verdict"], r["score"]) for r in store.export_attempts()]
    assert (after.attempts, after.misses, after.due) == (before.attempts, before.misses, before.due)
    assert rows == [("correct", 1.0), ("skipped", 0.0)]


def test_a_skip_replaced_by_an_answer_counts_once(db: Path) -> None:
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "skipped"))
        store.record(attempt("q1", "incorrect"))  # the same seq, replaced
        past = store.history(["b"])[("b", "q1")]
    assert (past.attempts, past.misses, past.last_verdict) == (1, 1, "incorrect")
