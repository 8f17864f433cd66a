"""One home for how results read: verdicts, modes, given answers, scores, clipping, tables."""

from __future__ import annotations

import pytest

from quiz.common.display import (
    answered_note,
    cell_width,
    clip,
    format_given,
    mode_name,
    score_fraction,
    score_points,
    table,
    verdict_label,
    verdict_word,
)
from quiz.grading.verdicts import Verdict, score_percent
from quiz.study.options import Mode


@pytest.mark.parametrize(
    ("given", "ordered", "shown"),
    [
        (True, False, "True"),
        (2002.0, False, "2002"),
        (["a", "c"], False, "a, c"),
        (["b", "a"], True, "1. b; 2. a"),
        ({"Minsk": "Belarus", "Yerevan": "Armenia"}, False, "Minsk → Belarus; Yerevan → Armenia"),
        ([], False, "(nothing chosen)"),
        (None, False, "(no answer)"),
    ],
)
def test_a_given_answer_reads_the_same_everywhere(given, ordered, shown) -> None:
    assert format_given(given, ordered=ordered) == shown


def test_a_given_answer_one_item_a_line() -> None:
    assert format_given(["a", "c"], sep="\n", bullet="• ") == "• a\n• c"
    assert format_given(None, none="") == ""


def test_words_for_verdicts_and_modes_take_enums_or_strings() -> None:
    assert verdict_word(Verdict.PARTIAL) == verdict_word("partial") == "Partly correct"
    assert verdict_label("timeout") == "⏱ Time ran out"
    assert mode_name(Mode.REVIEW) == mode_name("review") == "Review missed"


def test_the_score_counts_every_question() -> None:
    assert score_percent(2, 4) == 50.0 and score_percent(0, 0) == 0.0
    assert score_fraction(2, 4, 50.0) == "2/4 (50%)"
    assert score_points(1.5, 4, 37.5) == "1.5 of 4 points (38%)"
    assert answered_note(2, 4) == "2 of 4 answered"


def test_clip_marks_the_cut_and_joins_lines() -> None:
    assert clip("short", 10) == "short"
    assert clip("one  two\nthree four five", 12) == "one two thr…"
    assert len(clip("x" * 100, 48)) == 48


def test_tables_align_by_terminal_cells() -> None:
    lines = table([("東京", "1"), ("Oslo", "12")], ("City", "N"), numbers_right=True)
    assert cell_width("東京") == 4
    assert lines == ["City   N", "----  --", "東京   1", "Oslo  12"]  # a number column's header too
