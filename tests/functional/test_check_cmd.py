"""`quiz check`: exit codes 0/1/2, the summary and the one-problem-per-line report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.main import main

GOOD = """\
id: demo
title: Demo bank
questions:
  - {id: a, type: multiple_choice, prompt: P, choices: [x, y], answer: x, topic: Dates}
  - {id: b, type: true_false, prompt: P, answer: true, topic: Dates}
  - {id: c, type: numeric, prompt: P, answer: 3, topic: Places}
"""
BAD = """\
id: broken
title: Broken
questions:
  - {id: a, type: multiple_choice, prompt: P, choices: [x, y], answer: z}
  - {id: b, type: true_false, prompt: P, answer: maybe}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_bank_exits_0_with_a_summary(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "demo.yaml", GOOD)
    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "Demo bank [demo]" in out
    assert "3 questions" in out
    assert "by type: multiple_choice 1, true_false 1, numeric 1" in out
    assert "by topic: Dates 2, Places 1" in out


def test_summary_counts_citations_and_coverage(tmp_path: Path, capsys) -> None:
    write(tmp_path, "doc.txt", "The alliance was formed in 2002. It is based in Moscow.\n")
    text = GOOD.replace("questions:", "source: {title: Doc, file: doc.txt}\nquestions:").replace(
        "answer: x, topic: Dates}",
        "answer: x, topic: Dates, source: The alliance was formed in 2002.}",
    )
    assert main(["check", str(write(tmp_path, "demo.yaml", text))]) == 0
    out = capsys.readouterr().out
    assert "citations: 1 of 1 quotes found in doc.txt; 2 questions without a quote" in out
    try:
        import quiz.bank.coverage  # noqa: F401
    except ModuleNotFoundError:
        return
    assert "Coverage: 50% of source sentences cited (1 of 2)" in out
    assert "It is based in Moscow." in out


def test_problems_go_to_stderr_one_per_line_and_exit_1(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "bad.yaml", BAD)
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"{path}:4:72: answer 'z' is not one of the choices (x, y) [a]",
        f"{path}:5:50: the answer of a true_false question must be true or false, not 'maybe' [b]",
        "2 problems in 1 file",
    ]


def test_a_folder_reports_good_and_bad_together(tmp_path: Path, capsys) -> None:
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", BAD)
    assert main(["check", str(tmp_path)]) == 1
    assert capsys.readouterr().err.endswith("2 problems in 1 file\n")


@pytest.mark.parametrize("name", ["missing.yaml", "missing-folder"])
def test_missing_path_exits_2_with_one_line(tmp_path: Path, capsys, name: str) -> None:
    assert main(["check", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no such file or folder" in err


def test_empty_folder_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["check", str(tmp_path)]) == 2
    assert "no .yaml or .yml bank files" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_a_problem_not_a_traceback(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "locked.yaml", GOOD)
    path.chmod(0)
    assert main(["check", str(path)]) == 1
    assert "cannot read this file" in capsys.readouterr().err


def test_no_cache_flag_is_accepted(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "demo.yaml", GOOD)
    assert main(["check", "--no-cache", str(path)]) == 0


def test_python_m_quiz_check_runs_without_textual(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", BAD)
    code = (
        "import sys, runpy; sys.argv = ['quiz', 'check', sys.argv[1]]\n"
        "try:\n    runpy.run_module('quiz', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    assert 'textual' not in sys.modules and 'rich' not in sys.modules\n"
        "    raise\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == "2 problems in 1 file"
    plain = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(path)], capture_output=True, text=True
    )
    assert plain.returncode == 1
    assert plain.stderr == result.stderr


def test_permission_denied_is_a_problem_even_as_root(tmp_path: Path, capsys, monkeypatch) -> None:
    path = write(tmp_path, "locked.yaml", GOOD)
    from quiz.bank import loader

    real = loader.read_regular

    def read_regular(file: Path, limit: int, what: str) -> bytes:
        if file == path:
            raise PermissionError(13, "Permission denied")
        return real(file, limit, what)

    monkeypatch.setattr(loader, "read_regular", read_regular)
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}: cannot read this file: Permission denied",
        "1 problem in 1 file",
    ]


EVERY_WARNING = Path(__file__).resolve().parents[1] / "banks" / "lint_every_warning.yaml"


def test_lint_warnings_are_located_and_exit_0(capsys) -> None:
    assert main(["check", str(EVERY_WARNING)]) == 0
    out, err = capsys.readouterr()
    assert "[lint-every-warning]" in out and ": OK" in out
    lines = err.splitlines()
    assert lines[-1] == "6 warnings in 1 file; --strict makes them errors"
    assert f"{EVERY_WARNING}:18:5: warning[answer-leak]: its prompt gives away 'Ada Marsh'" in err
    assert lines[0].endswith("[lit-year, keeper-name]")
    kinds = [line.split(": ")[1] for line in lines[:-1]]
    assert kinds == [
        "warning[answer-leak]",
        "warning[near-duplicate]",
        "warning[self-leak]",
        "warning[typo-risk]",
        "warning[giveaway-choice]",
        "warning[fragment-quote]",
    ]


def test_strict_makes_warnings_errors_and_exits_1(capsys) -> None:
    assert main(["check", "--strict", str(EVERY_WARNING)]) == 1
    err = capsys.readouterr().err
    assert f"{EVERY_WARNING}:65:5: error[fragment-quote]:" in err
    assert "warning[" not in err
    assert err.splitlines()[-1] == "6 errors in 1 file (--strict)"


def test_no_lint_skips_the_warnings(capsys) -> None:
    assert main(["check", "--strict", "--no-lint", str(EVERY_WARNING)]) == 0
    assert capsys.readouterr().err == ""


def test_the_shipped_bank_passes_strict(capsys) -> None:
    from quiz.common.paths import shipped_bank_dir

    assert main(["check", "--strict", str(shipped_bank_dir())]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "45 questions" in out
