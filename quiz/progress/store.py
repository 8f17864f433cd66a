"""The progress store: one SQLite file of profiles, sessions, attempts and cards.

Every answer is committed in its own transaction before `record` returns (WAL,
synchronous=FULL), so killing quiz never loses an answer it showed. Writes take
the write lock up front (BEGIN IMMEDIATE) and wait for a busy file, so two quiz
processes on one file both keep every answer. When another program holds the
file longer than that (or it cannot be written for a while), the answers wait in
memory, in order, and are written at the next answer; `close` waits a little
more, then writes what is still unsaved to a recovery file (quiz.progress.recovery)
that the next opening folds in. A per-question summary (the
`cards` table) is updated in the same transaction as the attempt, so history and
stats never scan the attempts.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from quiz import __version__
from quiz.bank.model import Bank
from quiz.common.clock import local_day, utc_now
from quiz.common.errors import StoreError
from quiz.common.settings import DEFAULT_NEW_LIMIT
from quiz.grading.verdicts import MISSED_VERDICTS
from quiz.progress import recovery, schema
from quiz.progress import rows as valid
from quiz.progress.stats import DayRow, QuestionRow, SessionRow, Stats, compute
from quiz.study import scheduling

if TYPE_CHECKING:  # built when a session starts, not when the home screen opens
    from quiz.study.history import Attempt, History, SessionInfo, SessionSummary

BUSY_TIMEOUT_S = 5.0
RETRY_TIMEOUT_S = 0.2  # while answers wait, each new answer tries this long
CLOSING_WAITS_S = (0.5, 1.0, 2.0, 4.0)  # the last tries, longer each time, at the end
WAITING = "waiting for the progress file, held by another program"
SPARKLINE_SESSIONS = 50
NO_PROFILE = -1  # a read-only store whose profile has never recorded anything

# A session (aliased `s`) that used any of the banks whose ids fill the {} marks
# (a damaged bank list matches none, rather than stopping the query).
_USES_BANK = (
    "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(s.bank_ids) THEN s.bank_ids "
    "ELSE '[]' END) WHERE value IN ({}))"
)
_ADD_PROFILE = "INSERT OR IGNORE INTO profiles (name, created_at) VALUES (?, ?)"


class ProgressStore:
    """A learner's progress in one file; implements the session's Recorder protocol."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        profile: str,
        profile_id: int,
        *,
        fuzz: bool,
        read_only: bool,
    ) -> None:
        self._conn = conn
        self.path = path
        self.profile = profile
        self._profile_id = profile_id
        self._fuzz = fuzz
        self.read_only = read_only
        self._sessions: dict[str, int] = {}
        # Damaged rows skipped while reading, one line each, for the front end to show.
        self.warnings: list[str] = []
        # Steps the file could not take yet, oldest first, and what was said about it.
        self._pending: list[recovery.Op] = []
        self._waiting = False
        # Told about waits and recoveries as they happen (else they join the warnings).
        self.on_notice: Callable[[str], None] | None = None
        # Set by close: where unsaved answers went, or True if they could not be kept.
        self.recovery_path: Path | None = None
        self.lost = False
        # Recovery files whose answers wait in `_pending`, and how many answers each holds.
        self._folding: list[tuple[Path, int]] = []

    # --- opening and closing --------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, profile: str, *, fuzz: bool = True, read_only: bool = False
    ) -> ProgressStore:
        """Open (creating it and its folders if needed) the progress file at `path`.

        `fuzz` spreads due dates a little as fsrs recommends (tests turn it off).
        `read_only` is for stats and export: nothing is created or written, and a
        missing file reads as empty. Raises StoreError for a file that is foreign,
        newer, read-only (unless `read_only`), or damaged.
        """
        path = Path(path)
        if read_only:
            conn = _connect_read_only(path)
        else:
            _check_writable(path)
            conn = _connect(path)
        try:
            version = schema.check(conn, path)
            if read_only:
                if version == 0:  # an empty file: read as an empty store
                    conn.close()
                    conn = _empty_in_memory(path)
                elif version < schema.schema_version():
                    raise StoreError(_older_message(path, version))
                profile_id = _find_profile(conn, profile)
            else:
                with _errors(path):
                    conn.execute("PRAGMA journal_mode = WAL")
                    conn.execute("PRAGMA synchronous = FULL")
                    schema.migrate(conn, path, version, __version__)
                    # Added on its first session, so opening the file (say, before a
                    # student types their name) leaves no empty profile behind.
                    profile_id = _find_profile(conn, profile)
                    if profile_id == NO_PROFILE:
                        _probe_write(conn, profile)
        except BaseException:
            conn.close()
            raise
        store = cls(conn, path, profile, profile_id, fuzz=fuzz, read_only=read_only)
        if not read_only:
            store._fold_recoveries()
        return store

    def close(self) -> None:
        """Save what still waits (trying a few more times), then close the file.

        Answers the file still cannot take go to a recovery file
        (`recovery_path`); if even that fails, `lost` is set. Both are said.
        """
        try:
            if self._pending:
                self._save_pending_at_end()
        finally:
            self._conn.close()

    @property
    def unsaved(self) -> int:
        """How many answers wait to be written."""
        return sum(1 for kind, _ in self._pending if kind == "record")

    def _notice(self, text: str) -> None:
        if self.on_notice is not None:
            self.on_notice(text)
        elif text not in self.warnings:
            self.warnings.append(text)

    def _save_pending_at_end(self) -> None:
        for wait in CLOSING_WAITS_S:
            if self._flush(timeout=wait):
                return
            self._notice(f"{self.path}: {WAITING}; trying again ({self.unsaved} unsaved)")
        try:
            self.recovery_path = recovery.write(self.path, self.profile, self._pending)
        except OSError as exc:
            self.lost = True
            self._notice(
                f"{self.path}: {self.unsaved} answers could NOT be saved: the file stayed "
                f"busy and no recovery file could be written ({exc.strerror or exc})"
            )
            return
        self._pending.clear()
        self._folded(added=False)
        self._notice(
            f"{self.path}: still held by another program. Your unsaved answers are in "
            f"{self.recovery_path}; quiz adds them to your progress the next time it opens "
            "the file."
        )

    def _fold_recoveries(self) -> None:
        """Write the answers recovery files kept for this file, then delete those files.

        Once one cannot be written yet, this profile's files wait in memory, in order,
        ahead of any new answer, and each is deleted when its answers reach the file
        (or a new recovery file); other profiles' files wait for the next opening.
        """
        waiting = False
        for file in recovery.pending_files(self.path):
            try:
                profile, ops = recovery.read(file)
            except (OSError, ValueError, KeyError, TypeError) as exc:
                self._warn(f"recovery file {file.name}", exc)
                continue
            if profile == self.profile:
                target = self
            elif waiting:
                self._pending_files_note(file)
                continue
            else:
                found = _find_profile(self._conn, profile)
                target = ProgressStore(
                    self._conn, self.path, profile, found, fuzz=self._fuzz, read_only=False
                )
            target._pending.extend(ops)
            answers = sum(1 for kind, _ in ops if kind == "record")
            if waiting or not target._flush(timeout=BUSY_TIMEOUT_S):
                waiting = True
                if target is self:
                    self._folding.append((file, answers))
                self._pending_files_note(file)
                continue
            file.unlink(missing_ok=True)
            self._notice(f"{self.path}: added {answers} answers kept in {file}")
            self._sessions.clear()

    def _folded(self, *, added: bool) -> None:
        """Delete the recovery files whose answers are now `added` (or in a new one)."""
        for file, answers in self._folding:
            file.unlink(missing_ok=True)
            if added:
                self._notice(f"{self.path}: added {answers} answers kept in {file}")
        self._folding.clear()

    def _pending_files_note(self, file: Path) -> None:
        self._notice(f"{self.path}: could not yet add the answers kept in {file}; will try again")

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _warn(self, what: str, problem: object) -> None:
        line = f"{self.path}: skipped a damaged {what} ({problem}); the rest of the file is used"
        if line not in self.warnings:
            self.warnings.append(line)

    # --- the Recorder protocol ------------------------------------------------------

    def start(self, info: SessionInfo) -> None:
        """Record a session's start (adding the profile on its first session)."""
        self._queue(("start", info))

    def record(self, attempt: Attempt) -> None:
        """Commit one attempt; the same (session, seq) again replaces it (an override).

        A file held by another program does not stop the session: the attempt
        waits in memory with any before it and is written at the next chance.
        """
        self._queue(("record", attempt))

    def finish(self, summary: SessionSummary) -> None:
        """Record a session's end and score."""
        self._queue(("finish", summary))

    def _queue(self, op: recovery.Op) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; nothing can be recorded")
        self._pending.append(op)
        self._flush(timeout=RETRY_TIMEOUT_S if self._waiting else BUSY_TIMEOUT_S)

    def _flush(self, *, timeout: float) -> bool:
        """Write the waiting steps in order; True when none is left."""
        self._conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        try:
            while self._pending:
                kind, value = self._pending[0]
                try:
                    getattr(self, f"_do_{kind}")(value)
                except _Unwritable as exc:
                    if not self._waiting:
                        self._waiting = True
                        self._notice(f"{self.path}: {exc.reason}; your answers are kept")
                    return False
                self._pending.pop(0)
        finally:
            self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        self._folded(added=True)
        if self._waiting:
            self._waiting = False
            self._notice(f"{self.path}: the progress file is free again; every answer is saved")
        return True

    def _add_profile(self) -> None:
        """Add the profile on its first write (its first session, or an answer without one)."""
        if self._profile_id == NO_PROFILE:
            with self._write():
                self._profile_id = _ensure_profile_in(self._conn, self.profile)

    def _do_start(self, info: SessionInfo) -> None:
        self._add_profile()
        with self._write():
            self._session_id(info.uid, info)

    def _do_record(self, attempt: Attempt) -> None:
        self._add_profile()
        with self._write():
            session_id = self._session_id(attempt.session_uid)
            previous = self._conn.execute(
                "SELECT bank_id, question_id, verdict, score, card_before, answered_at "
                "FROM attempts WHERE session_id = ? AND seq = ?",
                (session_id, attempt.seq),
            ).fetchone()
            if previous is not None:
                self._unapply(*previous)
            card_before = self._card(attempt.bank_id, attempt.question_id)
            self._conn.execute(
                "INSERT INTO attempts (session_id, seq, profile_id, bank_id, question_id, "
                "content_hash, topic, given, verdict, score, overridden, seconds, answered_at, "
                "card_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, seq) DO UPDATE SET bank_id = excluded.bank_id, "
                "question_id = excluded.question_id, content_hash = excluded.content_hash, "
                "topic = excluded.topic, given = excluded.given, verdict = excluded.verdict, "
                "score = excluded.score, overridden = excluded.overridden, "
                "seconds = excluded.seconds, answered_at = excluded.answered_at, "
                "card_before = excluded.card_before",
                (
                    session_id,
                    attempt.seq,
                    self._profile_id,
                    attempt.bank_id,
                    attempt.question_id,
                    attempt.content_hash,
                    attempt.topic,
                    json.dumps(attempt.given, ensure_ascii=False, default=str),
                    attempt.verdict,
                    attempt.score,
                    int(attempt.overridden),
                    attempt.seconds,
                    _ts(attempt.answered_at),
                    card_before,
                ),
            )
            self._apply(attempt, card_before)

    def take_back(self, session_uid: str, seq: int) -> None:
        """Forget an attempt (undo): the row goes, and its question's card, counts and day
        return to what they were before it, in one transaction.

        Queued like an answer, so it follows the answer it takes back even while
        the file is held by another program.
        """
        self._queue(("take_back", recovery.TakeBack(session_uid, seq)))

    def _do_take_back(self, step: recovery.TakeBack) -> None:
        session_uid, seq = step.session_uid, step.seq
        with self._write():
            session_id = self._session_id(session_uid)
            found = self._conn.execute(
                "SELECT id, bank_id, question_id, verdict, score, card_before, answered_at "
                "FROM attempts WHERE session_id = ? AND seq = ?",
                (session_id, seq),
            ).fetchone()
            if found is None:
                return
            attempt_id, bank_id, question_id, verdict, score, card_before, answered_at = found
            self._conn.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
            if verdict == "skipped":
                return
            self._unapply(bank_id, question_id, verdict, score, card_before, answered_at)
            if card_before is None:  # it was new: it is new again
                self._conn.execute(
                    "DELETE FROM cards WHERE profile_id = ? AND bank_id = ? AND question_id = ?",
                    (self._profile_id, bank_id, question_id),
                )
                return
            self._conn.execute(
                "UPDATE cards SET (last_verdict, last_answered, last_content_hash) = ("
                "SELECT verdict, answered_at, content_hash FROM attempts WHERE profile_id = ? "
                "AND bank_id = ? AND question_id = ? AND verdict != 'skipped' "
                "ORDER BY id DESC LIMIT 1) "
                "WHERE profile_id = ? AND bank_id = ? AND question_id = ?",
                (self._profile_id, bank_id, question_id) * 2,
            )

    def _do_finish(self, summary: SessionSummary) -> None:
        with self._write():
            self._conn.execute(
                "UPDATE sessions SET ended_at = ?, points = ?, possible = ?, answered = ? "
                "WHERE uid = ?",
                (
                    _ts(summary.ended_at),
                    summary.points,
                    summary.possible,
                    summary.answered,
                    summary.uid,
                ),
            )

    # --- what the engine asks -------------------------------------------------------

    def history(self, bank_ids: Iterable[str]) -> History:
        """What this profile's past says about each question of these banks it answered."""
        from quiz.study.history import QuestionHistory

        out: History = {}
        for row in self.question_rows(bank_ids):
            if row.attempts:
                out[(row.bank_id, row.question_id)] = QuestionHistory(
                    attempts=row.attempts,
                    misses=row.misses,
                    last_verdict=row.last_verdict,
                    last_answered=row.last_answered,
                    last_content_hash=row.last_content_hash,
                    due=row.due,
                    first_answered=row.first_answered,
                )
        return out

    def next_due(self, bank_ids: Iterable[str]) -> datetime | None:
        """The earliest review due among these banks' questions (None if none seen)."""
        ids = _unique(bank_ids)
        [(earliest,)] = self._read(  # an aggregate: always one row
            f"SELECT min(due) FROM cards WHERE profile_id = ? AND bank_id IN ({_marks(ids)})",
            (self._profile_id, *ids),
        )
        try:
            return valid.moment(earliest, "due time", optional=True)
        except valid.Damaged:  # find the earliest among the sound rows instead
            dues = [r.due for r in self.question_rows(ids) if r.due is not None]
            return min(dues) if dues else None

    # --- stats ----------------------------------------------------------------------

    def question_rows(self, bank_ids: Iterable[str]) -> list[QuestionRow]:
        """The per-question summaries of these banks."""
        ids = _unique(bank_ids)
        rows = self._read(
            "SELECT bank_id, question_id, topic, attempts, misses, score_sum, last_verdict, "
            "last_answered, last_content_hash, due, state, stability, first_answered FROM cards "
            f"WHERE profile_id = ? AND bank_id IN ({_marks(ids)})",
            (self._profile_id, *ids),
        )
        out = []
        for raw in rows:
            try:
                out.append(_question_row(raw))
            except valid.Damaged as exc:
                self._warn(f"summary of question {raw[0]}/{raw[1]}", exc)
        return out

    def day_rows(self, bank_ids: Iterable[str]) -> list[DayRow]:
        """Answers and score per local calendar day in these banks, oldest first."""
        ids = _unique(bank_ids)
        rows = self._read(
            "SELECT day, sum(answers), sum(score_sum) FROM daily "
            f"WHERE profile_id = ? AND bank_id IN ({_marks(ids)}) "
            "GROUP BY day HAVING sum(answers) > 0 ORDER BY day",
            (self._profile_id, *ids),
        )
        out = []
        for day, answers, score in rows:
            try:
                out.append(
                    DayRow(
                        valid.day(day, "study day"),
                        valid.integer(answers, "answers of a day") or 0,
                        valid.number(score, "score of a day") or 0.0,
                    )
                )
            except valid.Damaged as exc:
                self._warn("study day", exc)
        return out

    def session_rows(
        self, bank_ids: Iterable[str], limit: int = SPARKLINE_SESSIONS
    ) -> list[SessionRow]:
        """The latest `limit` finished sessions that used any of these banks, oldest first."""
        ids = _unique(bank_ids)
        rows = self._read(
            "SELECT uid, mode, started_at, points, possible FROM sessions AS s "
            "WHERE profile_id = ? AND ended_at IS NOT NULL "
            f"AND {_USES_BANK.format(_marks(ids))} "
            "ORDER BY started_at DESC LIMIT ?",
            (self._profile_id, *ids, limit),
        )
        out = []
        for uid, mode, started, points, possible in reversed(rows):
            try:
                out.append(
                    SessionRow(
                        valid.text(uid, "session id") or "",
                        valid.text(mode, "mode") or "",
                        valid.moment(started, "start time") or _NEVER,
                        valid.number(points, "points", optional=True) or 0.0,
                        valid.integer(possible, "possible points", optional=True) or 0,
                    )
                )
            except valid.Damaged as exc:
                self._warn("session", exc)
        return out

    def stats(
        self,
        banks: Sequence[Bank],
        now: datetime | None = None,
        *,
        new_limit: int = DEFAULT_NEW_LIMIT,
    ) -> Stats:
        """This profile's stats over the questions of `banks`; `new_limit` sizes today's work."""
        now = now or utc_now()
        ids = [b.id for b in banks]
        return compute(
            banks,
            self.question_rows(ids),
            self.day_rows(ids),
            self.session_rows(ids),
            now,
            local_day(now),
            new_limit=new_limit,
        )

    # --- export ---------------------------------------------------------------------

    def profiles(self) -> list[str]:
        """Every profile in the file, by name."""
        return [name for (name,) in self._read("SELECT name FROM profiles ORDER BY name", ())]

    def export_attempts(
        self, *, all_profiles: bool = False, bank_ids: Iterable[str] | None = None
    ) -> Iterator[dict[str, Any]]:
        """One dict per attempt, oldest first: profile, session, bank, question_id, ..."""
        where, params = self._where("a.profile_id", all_profiles, "a.bank_id IN ({})", bank_ids)
        cursor = self._cursor(
            "SELECT p.name, s.uid, a.bank_id, a.question_id, a.topic, a.verdict, a.score, "
            "a.seconds, a.overridden, a.answered_at, a.given FROM attempts AS a "
            "JOIN sessions AS s ON s.id = a.session_id JOIN profiles AS p ON p.id = a.profile_id "
            f"WHERE {where} ORDER BY a.id",
            params,
        )
        for raw in cursor:
            try:
                yield _attempt_row(raw)
            except valid.Damaged as exc:
                self._warn("attempt", exc)

    def export_sessions(
        self, *, all_profiles: bool = False, bank_ids: Iterable[str] | None = None
    ) -> Iterator[dict[str, Any]]:
        """One dict per session, oldest first: profile, session, banks, mode, seed, ..."""
        where, params = self._where("s.profile_id", all_profiles, _USES_BANK, bank_ids)
        cursor = self._cursor(
            "SELECT p.name, s.uid, s.bank_ids, s.mode, s.seed, s.started_at, s.ended_at, "
            "s.points, s.possible FROM sessions AS s JOIN profiles AS p ON p.id = s.profile_id "
            f"WHERE {where} ORDER BY s.started_at, s.id",
            params,
        )
        for raw in cursor:
            try:
                yield _session_export_row(raw)
            except valid.Damaged as exc:
                self._warn("session", exc)

    def _where(
        self,
        profile_column: str,
        all_profiles: bool,
        bank_clause: str,
        bank_ids: Iterable[str] | None,
    ) -> tuple[str, tuple[Any, ...]]:
        """An export's WHERE: this profile (unless all), these banks (if given)."""
        clauses = ["1"] if all_profiles else [f"{profile_column} = ?"]
        params: list[Any] = [] if all_profiles else [self._profile_id]
        if bank_ids is not None:
            ids = _unique(bank_ids)
            clauses.append(bank_clause.format(_marks(ids)))
            params.extend(ids)
        return " AND ".join(clauses), tuple(params)

    # --- inside a write ---------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction; _Unwritable when the file cannot take it now."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._conn.execute("COMMIT")
            except BaseException:
                self._sessions.clear()  # ids read in this transaction may be undone
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise _Unwritable(_unwritable_reason(exc)) from exc

    def _session_id(self, uid: str, info: SessionInfo | None = None) -> int:
        """The row id of a session, inserting it (bare, if `info` is None) when new."""
        known = self._sessions.get(uid)
        if known is not None:
            return known
        row = self._conn.execute("SELECT id FROM sessions WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            started = info.started_at if info else datetime.now(UTC)
            row = self._conn.execute(
                "INSERT INTO sessions (uid, profile_id, bank_ids, mode, options, seed, "
                "started_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    uid,
                    self._profile_id,
                    json.dumps(list(info.bank_ids) if info else []),
                    info.mode if info else "",
                    json.dumps(info.options if info else {}, ensure_ascii=False, default=str),
                    info.seed if info else "",
                    _ts(started),
                ),
            ).fetchone()
        self._sessions[uid] = int(row[0])
        return int(row[0])

    def _card(self, bank_id: str, question_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT card FROM cards WHERE profile_id = ? AND bank_id = ? AND question_id = ?",
            (self._profile_id, bank_id, question_id),
        ).fetchone()
        return row[0] if row else None

    def _unapply(
        self,
        bank_id: str,
        question_id: str,
        verdict: str,
        score: float,
        card_before: str | None,
        answered_at: str,
    ) -> None:
        """Take back an attempt's effects: its counts, its day, and its review of the card."""
        if verdict == "skipped":
            return
        day = local_day(datetime.fromisoformat(answered_at)).isoformat()
        self._conn.execute(
            "UPDATE daily SET answers = answers - 1, score_sum = score_sum - ? "
            "WHERE profile_id = ? AND day = ? AND bank_id = ?",
            (score, self._profile_id, day, bank_id),
        )
        self._conn.execute(
            "DELETE FROM daily WHERE profile_id = ? AND day = ? AND bank_id = ? AND answers <= 0",
            (self._profile_id, day, bank_id),
        )
        try:
            card = valid.json_value(card_before, "card", optional=True) or {}
            if not isinstance(card, dict):
                raise valid.Damaged("card is not a card")
            due = valid.moment(card.get("due"), "card's due time", optional=True)
            score = valid.number(score, "score") or 0.0
        except valid.Damaged as exc:
            # The attempt is replaced all the same; its card is scheduled afresh.
            self._warn(f"card of question {bank_id}/{question_id}", exc)
            card, due, card_before = {}, None, None
            score = score if isinstance(score, int | float) else 0.0
        self._conn.execute(
            "UPDATE cards SET attempts = attempts - 1, misses = misses - ?, "
            "score_sum = score_sum - ?, card = ?, due = ?, state = ?, stability = ? "
            "WHERE profile_id = ? AND bank_id = ? AND question_id = ?",
            (
                int(verdict in MISSED_VERDICTS),
                score,
                card_before,
                _ts(due) if due else None,
                card.get("state"),
                card.get("stability"),
                self._profile_id,
                bank_id,
                question_id,
            ),
        )

    def _apply(self, attempt: Attempt, card_before: str | None) -> None:
        """Review the card and update the question's summary (a skip changes nothing)."""
        card_id = scheduling.card_id_for(self.profile, attempt.bank_id, attempt.question_id)
        try:
            review = scheduling.review(
                card_before, attempt.verdict, attempt.answered_at, card_id=card_id, fuzz=self._fuzz
            )
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            # A damaged card: the answer still counts, and the question is scheduled afresh.
            name = type(exc).__name__
            self._warn(f"card of question {attempt.bank_id}/{attempt.question_id}", name)
            review = scheduling.review(
                None, attempt.verdict, attempt.answered_at, card_id=card_id, fuzz=self._fuzz
            )
        if review is None:
            return
        missed = int(attempt.verdict in MISSED_VERDICTS)
        self._conn.execute(
            "INSERT INTO cards (profile_id, bank_id, question_id, topic, card, due, state, "
            "stability, attempts, misses, score_sum, last_verdict, last_answered, "
            "last_content_hash, first_answered) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO UPDATE SET topic = excluded.topic, card = excluded.card, "
            "due = excluded.due, state = excluded.state, stability = excluded.stability, "
            "attempts = attempts + 1, misses = misses + excluded.misses, "
            "score_sum = score_sum + excluded.score_sum, last_verdict = excluded.last_verdict, "
            "last_answered = excluded.last_answered, "
            "last_content_hash = excluded.last_content_hash, "
            "first_answered = coalesce(first_answered, excluded.first_answered)",
            (
                self._profile_id,
                attempt.bank_id,
                attempt.question_id,
                attempt.topic,
                review.card_json,
                _ts(review.due),
                review.state,
                review.stability,
                missed,
                attempt.score,
                attempt.verdict,
                _ts(attempt.answered_at),
                attempt.content_hash,
                _ts(attempt.answered_at),
            ),
        )
        self._conn.execute(
            "INSERT INTO daily (profile_id, day, bank_id, answers, score_sum) "
            "VALUES (?, ?, ?, 1, ?) ON CONFLICT DO UPDATE SET answers = answers + 1, "
            "score_sum = score_sum + excluded.score_sum",
            (
                self._profile_id,
                local_day(attempt.answered_at).isoformat(),
                attempt.bank_id,
                attempt.score,
            ),
        )

    # --- reading ----------------------------------------------------------------------

    def _read(self, sql: str, params: Sequence[Any]) -> list[Any]:
        with _errors(self.path):
            return self._conn.execute(sql, params).fetchall()

    def _cursor(self, sql: str, params: Sequence[Any]) -> Iterator[Any]:
        with _errors(self.path):
            yield from self._conn.execute(sql, params)


# --- connections --------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot create its folder ({exc.strerror}); "
            "choose another place with --progress"
        ) from exc
    with _errors(path):
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that only reads, on a writable disk or a read-only one.

    SQLite reads a WAL file through a shared-memory file beside it, which it
    cannot create on a read-only disk or in a read-only folder; there the file is
    opened as immutable instead (nobody can be writing it there).
    """
    if not path.exists():
        return _empty_in_memory(path)
    name = quote(str(path.resolve()))
    with _errors(path):
        conn = sqlite3.connect(
            f"file:{name}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None
        )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if not _cannot_open(exc):
            with _errors(path):
                raise
    except sqlite3.DatabaseError:
        return conn  # not a database at all: schema.check says so, and how to go on
    immutable = sqlite3.connect(
        f"file:{name}?immutable=1", uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None
    )
    try:
        with _errors(path):
            immutable.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        immutable.close()
        raise
    return immutable


def _cannot_open(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite failed for want of a writable place beside the file (not damage)."""
    text = str(exc).lower()
    return "unable to open" in text or "readonly" in text or "read-only" in text


def _check_writable(path: Path) -> None:
    """Refuse a file or folder quiz could read but not write, before touching it."""
    if path.is_dir():
        raise StoreError(f"{path}: is a folder; --progress needs a file path")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(_read_only_message(path))
    # The journal files (-wal, -shm) are created beside the file, so its folder
    # must be writable too.
    folder = next((p for p in path.parents if p.exists()), None)
    if folder is not None and not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(_read_only_message(path, folder))


def _read_only_message(path: Path, folder: Path | None = None) -> str:
    what = f"its folder {folder} is read-only" if folder else "the file is read-only"
    return (
        f"{path}: cannot record progress here: {what}. Make it writable, or choose "
        "another file with --progress (quiz stats and quiz export can still read it)."
    )


def _empty_in_memory(path: Path) -> sqlite3.Connection:
    """An empty store to read, for a progress file that does not exist yet (or is empty)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    schema.migrate(conn, path, 0, __version__)
    return conn


def _older_message(path: Path, version: int) -> str:
    return (
        f"{path}: written by an older quiz (schema {version}); run quiz once to upgrade it "
        "(a copy is kept beside it), then try again."
    )


def _find_profile(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT id FROM profiles WHERE name = ?", (name,)).fetchone()
    return row[0] if row else NO_PROFILE


def _probe_write(conn: sqlite3.Connection, name: str) -> None:
    """Fail now rather than at the first answer if SQLite cannot write the file."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(_ADD_PROFILE, (name, _ts(datetime.now(UTC))))
    finally:
        conn.execute("ROLLBACK")


def _ensure_profile_in(conn: sqlite3.Connection, name: str) -> int:
    """The profile's id, adding it (inside the caller's transaction) if new."""
    conn.execute(_ADD_PROFILE, (name, _ts(datetime.now(UTC))))
    return _find_profile(conn, name)


class _Unwritable(Exception):
    """The file cannot take a write now (busy, read-only, full); the write waits."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _unwritable_reason(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return WAITING
    return f"cannot write the progress file now ({text})"


@contextmanager
def _errors(path: Path) -> Iterator[None]:
    """SQLite failures as StoreErrors that name the file and what to do."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        text = str(exc)
        if "readonly" in text or "read-only" in text:
            raise StoreError(_read_only_message(path)) from exc
        if "locked" in text or "busy" in text:
            raise StoreError(
                f"{path}: busy: another program kept it locked for over "
                f"{BUSY_TIMEOUT_S:.0f} s; try again"
            ) from exc
        raise StoreError(f"{path}: cannot use the progress file: {text}") from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: the progress file is damaged ({exc}). It was left untouched: "
            "move it aside (or restore a backup) and quiz will start a new one."
        ) from exc


# --- small helpers --------------------------------------------------------------------------


def _ts(moment: datetime) -> str:
    """A fixed-width UTC ISO timestamp, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware UTC datetime")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


_NEVER = datetime.min.replace(tzinfo=UTC)  # never used: a required time is never None


def _question_row(raw: Sequence[Any]) -> QuestionRow:
    """A `cards` row, every field checked (raises valid.Damaged)."""
    bank, qid, topic, attempts, misses, score, verdict, last, digest, due, state, stab, first = raw
    return QuestionRow(
        valid.text(bank, "bank id") or "",
        valid.text(qid, "question id") or "",
        valid.text(topic, "topic") or "",
        valid.integer(attempts, "attempt count") or 0,
        valid.integer(misses, "miss count") or 0,
        valid.number(score, "score total") or 0.0,
        valid.text(verdict, "last verdict", optional=True),
        valid.moment(last, "last answer time", optional=True),
        valid.text(digest, "content hash", optional=True),
        valid.moment(due, "due time", optional=True),
        valid.integer(state, "card state", optional=True),
        valid.number(stab, "stability", optional=True),
        valid.moment(first, "first answer time", optional=True),
    )


def _attempt_row(raw: Sequence[Any]) -> dict[str, Any]:
    """An exported attempt, every field checked (raises valid.Damaged)."""
    name, uid, bank, qid, topic, verdict, score, secs, over, at, given = raw
    seconds = valid.number(secs, "seconds", optional=True)
    valid.moment(at, "answer time")
    return {
        "profile": valid.text(name, "profile name"),
        "session": valid.text(uid, "session id"),
        "bank": valid.text(bank, "bank id"),
        "question_id": valid.text(qid, "question id"),
        "topic": valid.text(topic, "topic"),
        "verdict": valid.text(verdict, "verdict"),
        "score": round(valid.number(score, "score") or 0.0, 4),
        "seconds": round(seconds, 3) if seconds is not None else None,
        "overridden": bool(valid.integer(over, "overridden flag")),
        "answered_at": at,
        "given": valid.json_value(given, "given answer", optional=True),
    }


def _session_export_row(raw: Sequence[Any]) -> dict[str, Any]:
    """An exported session, every field checked (raises valid.Damaged)."""
    name, uid, banks, mode, seed, started, ended, points, possible = raw
    valid.moment(started, "start time")
    valid.moment(ended, "end time", optional=True)
    score = valid.number(points, "points", optional=True)
    total = valid.integer(possible, "possible points", optional=True)
    return {
        "profile": valid.text(name, "profile name"),
        "session": valid.text(uid, "session id"),
        "banks": valid.text_list(banks, "bank list"),
        "mode": valid.text(mode, "mode"),
        "seed": valid.text(seed, "seed"),
        "started_at": started,
        "ended_at": ended,
        "points": round(score, 4) if score is not None else None,
        "possible": total,
        "percent": round(100.0 * score / total, 1) if total and score is not None else None,
    }


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _marks(items: Sequence[object]) -> str:
    return ", ".join("?" * len(items))
