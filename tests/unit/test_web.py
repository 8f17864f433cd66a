"""`quiz serve`'s rules without a server: the door, the fixed command, the roster."""

from __future__ import annotations

import argparse
import shlex
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.progress.roster import StudentProgress, read_roster
from quiz.web import gate, serve
from quiz.web.command import ClassRun, app_argv, shell_command
from quiz.web.roster import Roster, changes, class_line
from tests.helpers import BANKS
from tests.helpers.store import open_store, session

RUN = ClassRun(
    banks=(BANKS / "serve_ten.yaml",),
    mode="drill",
    seed="CLASS7",
    results=Path("/srv/class"),
    progress=Path("/srv/class/progress.db"),
    count=5,
    topics=("The light",),
    difficulty=(2,),
    time_per_question=30.0,
    speed_bonus=True,
)


def test_join_codes_are_easy_to_read_aloud() -> None:
    code = gate.new_join_code()
    assert len(code) == 6 and set(code) <= set(gate.CODE_ALPHABET)
    assert not set("0O1I") & set(gate.CODE_ALPHABET)


@pytest.mark.parametrize(
    ("typed", "code", "opens"),
    [
        ("", None, True),
        ("anything", None, True),
        ("abc234", "ABC234", True),
        (" ABC 234 ", "ABC234", True),
        ("ABC235", "ABC234", False),
        ("", "ABC234", False),
    ],
)
def test_the_code_opens_the_door_ignoring_case_and_spaces(typed, code, opens) -> None:
    assert gate.code_matches(typed, code) is opens


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Ana   Lima ", "Ana Lima"),
        ("Zoë Ørsted", "Zoë Ørsted"),
        ("Eve\x1b]52;c;eA==\x07", None),  # an escape sequence: refused, never stored
        ("Mal\u202eory", None),  # a bidi override that would reverse the roster line
        ("", None),
        ("x" * (gate.NAME_MAX + 1), None),
    ],
)
def test_names_are_refused_rather_than_stored_with_control_characters(typed, kept) -> None:
    assert gate.clean_name(typed) == kept


def test_the_join_page_shows_what_was_typed_as_text() -> None:
    page = gate.join_page("<b>Quiz</b>", needs_code=True, error="x<y", name='"><script>')
    assert "<b>Quiz</b>" not in page and "&lt;b&gt;Quiz&lt;/b&gt;" in page
    assert "<script>" not in page and "&quot;&gt;&lt;script&gt;" in page
    assert 'name="code"' in page
    assert 'name="code"' not in gate.join_page("Quiz", needs_code=False)


def test_every_student_runs_the_teachers_command_with_only_their_name_added() -> None:
    argv = app_argv(RUN, "Ana")
    assert argv[:3] == [sys.executable, "-m", "quiz"]
    assert argv[-2:] == ["--profile", "Ana"]
    assert argv[3:-2] == [
        "--mode", "drill", "--seed", "CLASS7",
        "--bank", str((BANKS / "serve_ten.yaml").resolve()),
        "--results", "/srv/class", "--progress", "/srv/class/progress.db",
        "--count", "5", "--topic", "The light", "--difficulty", "2",
        "--time-per-question", "30.0", "--speed-bonus",
    ]  # fmt: skip


def test_a_hostile_name_stays_one_argument_of_the_shell_command() -> None:
    name = "Bob'; touch /tmp/owned; echo '$(id)"
    line = shell_command(app_argv(RUN, name))
    assert shlex.split(line)[-2:] == ["--profile", name]


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.5.0.1", True),
     ("0.0.0.0", False), ("192.168.1.20", False), ("classroom.local", False)],
)  # fmt: skip
def test_only_loopback_counts_as_this_machine(host, local) -> None:
    assert serve.is_local(host) is local


def _serve_args(tmp_path: Path, *extra: str) -> argparse.Namespace:
    from quiz.main import sub_parser

    return sub_parser("serve").parse_args(
        ["--bank", str(BANKS / "serve_ten.yaml"), "--results", str(tmp_path / "r"), *extra]
    )


def test_a_class_on_the_network_gets_a_join_code_and_a_shared_seed(tmp_path, monkeypatch, capsys):
    served = {}
    monkeypatch.setattr(serve, "_serve", lambda run, host, port, code, title, total: served.update(
        run=run, host=host, code=code, title=title, total=total) or 0)  # fmt: skip
    assert serve.run(_serve_args(tmp_path, "--host", "0.0.0.0")) == 0
    assert served["code"] and len(served["code"]) == 6
    assert served["run"].seed and served["run"].mode == "drill"
    assert served["total"] == 10 and served["title"] == "Cape Wren in ten statements"
    assert served["run"].progress == tmp_path / "r" / "progress.db"
    out = capsys.readouterr().out
    assert f"join code: {served['code']}" in out and "no TLS" in out


def test_a_class_on_this_machine_needs_no_code_unless_one_is_given(tmp_path, monkeypatch):
    codes = []
    monkeypatch.setattr(serve, "_serve", lambda *a: codes.append(a[3]) or 0)
    serve.run(_serve_args(tmp_path))
    serve.run(_serve_args(tmp_path, "--join-code", "WREN42"))
    assert codes == [None, "WREN42"]


def _row(uid: str, name: str, answered: int, points: float, finished: bool = False):
    return StudentProgress(uid, name, "drill", "t", answered, points, finished)


def test_the_roster_says_who_joined_how_far_and_who_finished() -> None:
    before = {"a": _row("a", "Ana", 3, 3.0)}
    now = [
        _row("a", "Ana", 10, 9.0, finished=True),
        _row("b", "Ben", 1, 0.0),
        _row("c", "Cy\x1b[2J", 4, 4.0, finished=True),
    ]
    assert changes(before, now, total=10) == [
        "Ana finished: 9/10 (90%)",
        "Ben joined (drill)",
        "Ben: 1/10",
        "Cy\\x1b[2J joined (drill)",
        "Cy\\x1b[2J left after 4 of 10: 4/10 (40%)",
    ]
    assert class_line(now, total=10) == "Class: 3 joined, 2 finished, average 65%"
    assert changes({r.uid: r for r in now}, now, total=10) == []


def test_the_roster_reads_sessions_from_the_shared_file(tmp_path: Path) -> None:
    db = tmp_path / "class.db"
    start = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    with open_store(db, profile="Ana") as store:
        session(store, "s1", [("q1", "correct"), ("q2", "incorrect")], at=start)
    said: list[str] = []
    roster = Roster(db, start - timedelta(minutes=1), total=2, say=said.append)
    roster.poll()
    assert said == ["Ana joined (practice)", "Ana finished: 1/2 (50%)",
                    "Class: 1 joined, 1 finished, average 50%"]  # fmt: skip
    roster.poll()
    assert said[3:] == []
    assert read_roster(db, start + timedelta(hours=1)) == []
    assert read_roster(tmp_path / "none.db", start) == []
