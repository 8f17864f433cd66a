"""One home for how results read: verdicts, modes, given answers, scores, clipping, tables."""

from __future__ import annotations

import pytest

from quiz.common.display import (
    answered_note,
    cell_width,
    clip,
    format_given,
    given_items,
    mode_name,
    pad,
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


@pytest.mark.parametrize(
    ("given", "ordered", "items"),
    [
        (False, False, ["False"]),
        (7, False, ["7"]),
        (2.5, False, ["2.5"]),
        ("Moscow", False, ["Moscow"]),
        ({"A": None, "B": True, "C": 3.0}, False, ["A → ", "B → True", "C → 3"]),
        ((False, 2.0, "x"), False, ["False", "2", "x"]),
        (("b", "a"), True, ["1. b", "2. a"]),
        (None, False, []),
    ],
)
def test_given_items_as_a_learner_would_recognise_them(given, ordered, items) -> None:
    assert given_items(given, ordered=ordered) == items


@pytest.mark.parametrize(
    ("given", "kw", "shown"),
    [
        (("a", "c"), {}, "a, c"),
        (["b", "a"], {"ordered": True, "sep": "\n", "bullet": "• "}, "1. b\n2. a"),
        ({"A": "1", "B": "2"}, {"bullet": "• "}, "A → 1; B → 2"),
        ("   ", {}, "(empty)"),
        ("", {}, "(empty)"),
        ([], {"none": "-"}, "(nothing chosen)"),
        (None, {"none": "-"}, "-"),
        ("x" * 201, {}, "x" * 200 + "… (201 characters in all)"),
        (["x" * 201], {}, "x" * 201),  # only a typed answer is shortened
    ],
)
def test_format_given_joins_and_marks_items(given, kw, shown) -> None:
    assert format_given(given, **kw) == shown


def test_unknown_words_read_as_they_are() -> None:
    assert verdict_word("odd") == "odd"
    assert verdict_label("odd") == "? odd"
    assert mode_name("odd") == "odd"
    assert [verdict_label(v) for v in Verdict] == [
        "✓ Correct",
        "◐ Partly correct",
        "✗ Incorrect",
        "– Skipped",
        "⏱ Time ran out",
    ]
    assert [mode_name(m) for m in Mode] == [
        "Study today",
        "Practice",
        "Review missed",
        "Exam",
        "Drill",
    ]


def test_scores_round_their_percent() -> None:
    assert score_fraction(1 / 3, 3, 100 / 9) == "0.33/3 (11%)"
    assert score_points(2.5, 3, 83.5) == "2.5 of 3 points (84%)"


@pytest.mark.parametrize(
    ("text", "width", "one_line", "clipped"),
    [
        ("abcdef", 6, True, "abcdef"),
        ("abcdefg", 6, True, "abcde…"),
        ("ab   cdefg", 4, True, "ab…"),  # no space before the mark
        ("ab\ncd", 5, False, "ab\ncd"),
        ("ab\ncdef", 5, False, "ab\nc…"),
        ("abc", 1, True, "…"),
        ("abc", 0, True, "…"),
    ],
)
def test_clip_cases(text: str, width: int, one_line: bool, clipped: str) -> None:
    assert clip(text, width, one_line=one_line) == clipped


def test_cell_width_counts_wide_and_combining_characters() -> None:
    assert cell_width("e\u0301") == 1
    assert cell_width("ＡB") == 3
    assert cell_width("") == 0
    assert pad("東", 4) == "東  "
    assert pad("東", 4, right=True) == "  東"
    assert pad("long", 2) == "long"


def test_tables_without_headers_or_rule_and_with_an_indent() -> None:
    rows = [("a", "10"), ("bbb", "-"), ("cc", "x")]
    assert table(rows, indent="  ") == ["  a    10", "  bbb  -", "  cc   x"]
    assert table(rows, ("Name", "N"), rule=False, numbers_right=True) == [
        "Name  N",
        "a     10",
        "bbb    -",
        "cc    x",  # a column with text in it keeps its header on the left
    ]
    assert table([("a", "1"), ("b", "-")], ("K", "Count"), numbers_right=True) == [
        "K  Count",
        "-  -----",
        "a      1",
        "b      -",
    ]
    assert table([]) == []
    assert table([], ("A", "B")) == ["A  B", "-  -"]
    assert table([("", "1")], ("A", "B"), numbers_right=True) == ["A  B", "-  -", "   1"]


def test_given_items_are_unnumbered_unless_ordered() -> None:
    assert given_items(["b", "a"]) == ["b", "a"]


def test_combining_marks_take_no_column_wherever_they_are() -> None:
    assert cell_width("e\u0301x\u0301y") == 3


def test_a_row_longer_than_the_header_is_an_error_not_a_silent_cut() -> None:
    with pytest.raises(ValueError):
        table([("a", "1", "extra")], ("Name", "N"))
