"""No stranger's text reaches the terminal raw: escapes fed through every command.

A bank, a student's name and a typed answer carry OSC 52 (clipboard), a screen
clear, a C1 control and a bidi override; no command may print them as themselves.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from quiz.common.safe_text import visible
from tests.helpers.hostile import (
    OSC52,
    assert_no_raw_controls,
    run_quiz,
    write_hostile_bank,
)

pytestmark = pytest.mark.e2e


def _drill(tmp_path: Path, bank: Path, name: str, answer: str) -> None:
    done = run_quiz(
        ["--plain", "--bank", str(bank), "--mode", "drill", "--seed", "X", "--profile", name,
         "--results", str(tmp_path / "results"), "--progress", str(tmp_path / "p.db")],
        tmp_path,
        stdin=f"{answer}\n2\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert_no_raw_controls(done.stdout, done.stderr)
    assert "\\x1b[2J" in done.stdout  # the bank's escape is shown, not sent
    assert visible(answer) in done.stdout  # the answer echoed back, visibly


def test_plain_drill_then_stats_report_and_export_never_print_raw_escapes(
    tmp_path: Path,
) -> None:
    bank = write_hostile_bank(tmp_path)
    _drill(tmp_path, bank, OSC52, OSC52)
    _drill(tmp_path, bank, '=HYPERLINK("http://evil","x")', '=HYPERLINK("http://evil","y")')

    store = ["--bank", str(bank), "--progress", str(tmp_path / "p.db"), "--profile", OSC52]
    stats = run_quiz(["stats", *store], tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert_no_raw_controls(stats.stdout, stats.stderr)
    assert "Progress of Eve\\x1b]52" in stats.stdout

    for fmt in ("table", "csv", "html"):
        report = run_quiz(["report", str(tmp_path / "results"), "--format", fmt], tmp_path)
        assert report.returncode == 0, report.stderr
        assert_no_raw_controls(report.stdout, report.stderr)
        assert "Eve\\x1b]52" in report.stdout
    csv_text = run_quiz(["report", str(tmp_path / "results"), "--format", "csv"], tmp_path).stdout
    cells = [cell for row in csv.reader(io.StringIO(csv_text)) for cell in row]
    assert '\'=HYPERLINK("http://evil","x")' in cells  # the student's name, as text
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)

    export = run_quiz(["export", "--all-profiles", *store[2:4], "--format", "csv"], tmp_path)
    assert export.returncode == 0, export.stderr
    assert_no_raw_controls(export.stdout, export.stderr)
    cells = [cell for row in csv.reader(io.StringIO(export.stdout)) for cell in row]
    assert '\'=HYPERLINK("http://evil","y")' in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)

    export = run_quiz(["export", "--all-profiles", *store[2:4], "--format", "json"], tmp_path)
    assert_no_raw_controls(export.stdout, export.stderr)
    profiles = {row["profile"] for row in json.loads(export.stdout)}
    assert OSC52 in profiles  # the data itself is kept, only written safely


def test_check_and_errors_show_escapes_from_banks_and_file_names(tmp_path: Path) -> None:
    bank = write_hostile_bank(tmp_path)
    checked = run_quiz(["check", str(bank)], tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert_no_raw_controls(checked.stdout, checked.stderr)
    assert "Hostile \\x1b[2J bank" in checked.stdout

    bad = tmp_path / "bad\x1b[2J.yaml"
    bad.write_text('id: bad\ntitle: t\nquestions:\n  - id: q\n    "\\e]52;c;eA==\\a": 1\n')
    checked = run_quiz(["check", str(bad)], tmp_path)
    assert checked.returncode == 1
    assert_no_raw_controls(checked.stdout, checked.stderr)
    assert "bad\\x1b[2J.yaml" in checked.stderr

    missing = run_quiz(["--plain", "--bank", str(tmp_path / "no\x1b]0;x\x07.yaml")], tmp_path)
    assert missing.returncode == 2
    assert_no_raw_controls(missing.stdout, missing.stderr)

    usage = run_quiz(["--mode", "\x1b[2J"], tmp_path)
    assert usage.returncode == 2
    assert_no_raw_controls(usage.stdout, usage.stderr)


def test_report_names_a_skipped_file_without_its_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "results"
    folder.mkdir()
    (folder / "x\x1b]52;c;eA==\x07.json").write_text('{"format": "other"}', encoding="utf-8")
    report = run_quiz(["report", str(folder)], tmp_path)
    assert report.returncode == 1
    assert_no_raw_controls(report.stdout, report.stderr)
    assert "skipped" in report.stderr
