"""Time the progress store: recording an answer as the file grows, and stats/history at size.

`stats` is everything the stats screen and `quiz stats` show: counts and stages per topic,
30 days of answers, the 26-week calendar, the 14-day forecast and the streaks (target:
under 50 ms at 1M attempts).

Recording is timed with synchronous=FULL (every answer reaches the disk) on a
file of 0, 100k and N (default 1,000,000) attempts; the big file is filled with
executemany in one transaction, outside the timed part. Then `stats` and
`history` ("what to ask next") are timed on the full file.

Run: python bench/bench_store.py [--attempts N] [--records R] [--dir DIR]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.bank.model import Bank, Question, QuestionType
from quiz.progress.store import ProgressStore
from quiz.study import scheduling
from quiz.study.history import Attempt, SessionInfo

BANKS = 5
QUESTIONS_PER_BANK = 400
PER_SESSION = 20
TOPICS = 8
PROFILE = "bench"
START = datetime(2024, 1, 1, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=1_000_000, help="final file size")
    parser.add_argument("--records", type=int, default=500, help="answers timed per size")
    parser.add_argument("--dir", help="folder for the file (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = Path(folder) / "progress.db"
        banks = make_banks()
        sizes = sorted({0, min(100_000, args.attempts), args.attempts})
        have = 0
        print(f"file: {path} ({BANKS} banks x {QUESTIONS_PER_BANK} questions)")
        for size in sizes:
            if size > have:
                took = fill(path, have, size)
                print(f"filled to {size:,} attempts in {took:.1f} s (untimed)")
                have = size
            median, p95 = time_records(path, args.records)
            have += args.records
            print(f"record at {size:>9,} attempts: median {median:.3f} ms, p95 {p95:.3f} ms")
        with ProgressStore.open(path, PROFILE) as store:
            ids = [b.id for b in banks]
            for name, call in (
                ("history", lambda: store.history(ids)),
                ("next_due", lambda: store.next_due(ids)),
                ("stats", lambda: store.stats(banks)),
            ):
                print(f"{name:<8} at {have:>9,} attempts: median {median_ms(call):.1f} ms")
        print(f"file size: {path.stat().st_size / 1e6:.0f} MB")


def make_banks() -> list[Bank]:
    """Banks of short-answer questions whose ids match the generated attempts."""
    return [
        Bank(
            id=f"bank{b}",
            title=f"Bank {b}",
            questions=tuple(
                Question(
                    id=f"q{q}",
                    type=QuestionType.SHORT_ANSWER,
                    prompt=f"Question {q} of bank {b}?",
                    answer="answer",
                    topic=f"topic {q % TOPICS}",
                )
                for q in range(QUESTIONS_PER_BANK)
            ),
        )
        for b in range(BANKS)
    ]


def fill(path: Path, start: int, stop: int) -> float:
    """Add attempts start..stop (and their sessions, cards, study days) in one transaction."""
    began = time.perf_counter()
    ProgressStore.open(path, PROFILE).close()  # schema and profile
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    profile_id = conn.execute("SELECT id FROM profiles WHERE name = ?", (PROFILE,)).fetchone()[0]
    card = scheduling.review(None, "correct", START, card_id=1, fuzz=False)
    assert card is not None
    conn.execute("BEGIN")
    base = conn.execute("SELECT coalesce(max(id), 0) FROM sessions").fetchone()[0]
    conn.executemany(
        "INSERT INTO sessions (uid, profile_id, bank_ids, mode, options, seed, started_at, "
        "ended_at, points, possible, answered) "
        "VALUES (?, ?, ?, 'practice', '{}', 'S', ?, ?, ?, ?, ?)",
        (
            (f"s{s}", profile_id, json.dumps([f"bank{s % BANKS}"]), ts(s * PER_SESSION),
             ts(s * PER_SESSION + PER_SESSION), PER_SESSION * 0.7, PER_SESSION, PER_SESSION)
            for s in range(start // PER_SESSION, stop // PER_SESSION)
        ),
    )  # fmt: skip
    first = base + 1 - start // PER_SESSION  # session s has row id first + s
    conn.executemany(
        "INSERT INTO attempts (session_id, seq, profile_id, bank_id, question_id, content_hash, "
        "topic, given, verdict, score, overridden, seconds, answered_at, card_before) "
        "VALUES (?, ?, ?, ?, ?, 'h', ?, '\"answer\"', ?, ?, 0, 4.2, ?, ?)",
        attempt_rows(start, stop, first, profile_id, card.card_json),
    )
    summarise(conn, profile_id, card)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - began


def attempt_rows(
    start: int, stop: int, first_session: int, profile_id: int, card_json: str
) -> Iterator[tuple[object, ...]]:
    for n in range(start, stop):
        session = n // PER_SESSION
        bank = session % BANKS
        question = (n * 7) % QUESTIONS_PER_BANK
        verdict = ("correct", "correct", "incorrect", "partial", "correct")[n % 5]
        score = {"correct": 1.0, "incorrect": 0.0, "partial": 0.5}[verdict]
        yield (
            first_session + session,
            n % PER_SESSION,
            profile_id,
            f"bank{bank}",
            f"q{question}",
            f"topic {question % TOPICS}",
            verdict,
            score,
            ts(n),
            card_json,
        )


def summarise(conn: sqlite3.Connection, profile_id: int, card: scheduling.Review) -> None:
    """Rebuild the per-question summary and the per-day aggregate from the attempts (as
    record would)."""
    conn.execute("DELETE FROM cards WHERE profile_id = ?", (profile_id,))
    conn.execute(
        "INSERT INTO cards (profile_id, bank_id, question_id, topic, card, due, state, stability, "
        "attempts, misses, score_sum, last_verdict, last_answered, last_content_hash, "
        "first_answered) "
        "SELECT profile_id, bank_id, question_id, max(topic), ?, max(answered_at), ?, ?, count(*), "
        "sum(verdict != 'correct'), sum(score), 'correct', max(answered_at), 'h', "
        "min(answered_at) FROM attempts WHERE profile_id = ? GROUP BY bank_id, question_id",
        (card.card_json, card.state, card.stability, profile_id),
    )
    conn.execute("DELETE FROM daily WHERE profile_id = ?", (profile_id,))
    conn.execute(
        "INSERT INTO daily (profile_id, day, bank_id, answers, score_sum) "
        "SELECT profile_id, date(answered_at, 'localtime'), bank_id, count(*), sum(score) "
        "FROM attempts WHERE profile_id = ? GROUP BY 2, 3",
        (profile_id,),
    )


def ts(n: int) -> str:
    """The n-th answer's time: one a minute from START."""
    return (START + timedelta(minutes=n)).isoformat(timespec="microseconds")


def time_records(path: Path, records: int) -> tuple[float, float]:
    """Median and 95th percentile milliseconds of `record` (one committed answer each)."""
    times: list[float] = []
    with ProgressStore.open(path, PROFILE) as store:
        uid = f"timed-{time.time_ns()}"
        now = datetime.now(UTC)
        store.start(SessionInfo(uid, ("bank0",), "practice", {}, "S", now))
        for seq in range(records):
            attempt = Attempt(
                uid, seq, "bank0", f"q{seq % QUESTIONS_PER_BANK}", "h", "topic 0", "answer",
                "correct" if seq % 3 else "incorrect", 1.0 if seq % 3 else 0.0, False, 3.0, now,
            )  # fmt: skip
            began = time.perf_counter()
            store.record(attempt)
            times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def median_ms(call: Callable[[], object], repeat: int = 21) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        call()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    main()
