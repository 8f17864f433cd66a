"""Killing a writer never loses an acknowledged answer; two writers on one file both keep theirs."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.store import info, open_store

# Records answers forever, printing each seq once record() has returned.
WRITER = """
import sys
from datetime import UTC, datetime
from quiz.study.history import Attempt, SessionInfo
from quiz.progress.store import ProgressStore

path, uid, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = ProgressStore.open(path, "ana", fuzz=False)
store.start(SessionInfo(uid, ("b",), "practice", {}, "S", datetime.now(UTC)))
seq = 0
while count < 0 or seq < count:
    verdict = ("correct", "incorrect", "partial")[seq % 3]
    store.record(Attempt(uid, seq, "b", f"q{seq % 50}", "h", "t", "x", verdict,
                         1.0, False, 1.0, datetime.now(UTC)))
    print(seq, flush=True)
    seq += 1
store.close()
"""


def _writer(path: Path, uid: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), uid, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _seqs(path: Path, uid: str) -> set[int]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute(
            "SELECT seq FROM attempts JOIN sessions ON sessions.id = attempts.session_id "
            "WHERE sessions.uid = ?",
            (uid,),
        ).fetchall()
    finally:
        conn.close()
    return {seq for (seq,) in rows}


def test_sigkill_mid_session_loses_no_acknowledged_answer(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    for round_ in range(3):
        uid = f"killed-{round_}"
        writer = _writer(path, uid, -1)
        assert writer.stdout is not None
        acknowledged = []
        deadline = time.monotonic() + 30
        while len(acknowledged) < 150 + 50 * round_ and time.monotonic() < deadline:
            line = writer.stdout.readline()
            assert line, writer.stderr.read() if writer.stderr else ""
            acknowledged.append(int(line))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        assert writer.returncode == -signal.SIGKILL
        acknowledged.extend(int(line) for line in writer.stdout.read().split())
        writer.stdout.close()
        writer.stderr.close()  # type: ignore[union-attr]
        saved = _seqs(path, uid)
        assert set(acknowledged) <= saved
    with open_store(path) as store:  # and the file is still usable
        assert store.history(["b"])


def test_two_writers_on_one_file_both_keep_every_answer(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    open_store(path).close()
    writers = {uid: _writer(path, uid, 1000) for uid in ("window-1", "window-2")}
    for writer in writers.values():
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.split() == [str(n) for n in range(1000)]
    for uid in writers:
        assert _seqs(path, uid) == set(range(1000))
    with open_store(path) as store:
        history = store.history(["b"])
    # Both sessions' answers reached the per-question summary: 2000 answers over 50 questions.
    assert sum(h.attempts for h in history.values()) == 2000


def test_a_file_sqlite_cannot_open_for_reading_beside_is_read_as_immutable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where SQLite cannot make its shared-memory file (a read-only disk), stats still read."""
    import sqlite3

    from quiz.progress import store as store_module
    from quiz.progress.store import ProgressStore

    db = tmp_path / "progress.db"
    with ProgressStore.open(db, "ana", fuzz=False) as writer:
        writer.start(info())
    real_connect = sqlite3.connect
    opened: list[str] = []

    def connect(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        opened.append(str(target))
        if "mode=ro" in str(target):  # what a read-only disk does to a WAL file
            conn = real_connect(":memory:")
            conn.execute("PRAGMA query_only = 1")
            return _Failing(conn)  # type: ignore[return-value]
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)
    with ProgressStore.open(db, "ana", read_only=True) as reader:
        assert reader.profiles() == ["ana"]
    assert any("immutable=1" in uri for uri in opened)


class _Failing:
    """A connection whose every query fails as on a read-only disk."""

    def __init__(self, conn: object) -> None:
        self._conn = conn

    def execute(self, *args: object) -> object:
        import sqlite3

        raise sqlite3.OperationalError("unable to open database file")

    def close(self) -> None:
        self._conn.close()
