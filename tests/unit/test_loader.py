"""Every bank rule, each broken once: the problem names the right line and says what to do."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank, load_banks
from quiz.bank.model import QuestionType
from quiz.common.errors import BankError, UsageError
from tests.helpers import ROOT

HEADER = "id: demo\ntitle: Demo\nquestions:\n"
MC = """\
  - id: q1
    type: multiple_choice
    prompt: Which year?
    choices: [1992, 2002]
    answer: 2002
"""


def write(folder: Path, text: str, name: str = "bank.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(folder: Path, text: str) -> list[str]:
    """The problems of a bank, each as 'line:col: message [id]' (path left off)."""
    path = write(folder, text)
    with pytest.raises(BankError) as info:
        load_bank(path, use_cache=False)
    return [str(p).removeprefix(f"{path}:") for p in info.value.problems]


def question(folder: Path, body: str):
    """Load a bank holding one question and return it."""
    path = write(folder, HEADER + body)
    return load_bank(path, use_cache=False).questions[0]


def test_a_valid_bank_loads_with_all_fields(tmp_path: Path) -> None:
    bank = load_bank(
        write(
            tmp_path,
            HEADER
            + MC
            + "    explanation: Ten years later.\n    topic: Founding\n"
            + "    difficulty: 2\n    tags: [dates]\n",
        ),
        use_cache=False,
    )
    q = bank.questions[0]
    assert (bank.id, bank.title) == ("demo", "Demo")
    assert q.type is QuestionType.MULTIPLE_CHOICE
    assert (q.answer, q.choices) == ("2002", ("1992", "2002"))
    assert (q.explanation, q.topic, q.difficulty, q.tags) == (
        "Ten years later.",
        "Founding",
        2,
        ("dates",),
    )
    assert q.line == 4


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "  - {id: q, type: multiple_select, prompt: P, choices: [a, b, c], answer: [a, c]}\n",
            ("a", "c"),
        ),
        ("  - {id: q, type: true_false, prompt: P, answer: false}\n", False),
        ("  - {id: q, type: short_answer, prompt: P, answer: Tashkent}\n", "Tashkent"),
        ("  - {id: q, type: numeric, prompt: P, answer: 1992}\n", 1992.0),
        ("  - {id: q, type: ordering, prompt: P, answer: [x, y, z]}\n", ("x", "y", "z")),
        (
            "  - {id: q, type: matching, prompt: P, answer: {a: 1, b: 2}}\n",
            (("a", "1"), ("b", "2")),
        ),
    ],
)
def test_each_type_stores_its_answer_shape(tmp_path: Path, body: str, expected: object) -> None:
    assert question(tmp_path, body).answer == expected


def test_numeric_keeps_tolerance_and_unit(tmp_path: Path) -> None:
    q = question(
        tmp_path, "  - {id: q, type: numeric, prompt: P, answer: 2.5, tolerance: 0.1, unit: km}\n"
    )
    assert (q.answer, q.tolerance, q.unit) == (2.5, 0.1, "km")


def test_short_answer_keeps_accepted_alternatives(tmp_path: Path) -> None:
    q = question(
        tmp_path, "  - {id: q, type: short_answer, prompt: P, answer: a, accept: [b, c]}\n"
    )
    assert q.accept == ("b", "c")


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    assert problems(tmp_path, "- a\n- b\n") == [
        "1:1: the top level must be a mapping (id, title, questions), not a list"
    ]


def test_empty_file_is_a_problem(tmp_path: Path) -> None:
    assert "the bank is empty" in problems(tmp_path, "")[0]


def test_missing_bank_fields(tmp_path: Path) -> None:
    assert problems(tmp_path, "description: x\n") == [
        "1:1: 'id' is required; add it",
        "1:1: 'title' is required; add it",
        "1:1: the bank has no 'questions'; add a list of questions",
    ]


def test_empty_questions_list(tmp_path: Path) -> None:
    assert problems(tmp_path, "id: d\ntitle: T\nquestions: []\n") == [
        "3:12: 'questions' is empty; add at least one question"
    ]


def test_questions_must_be_a_list(tmp_path: Path) -> None:
    assert problems(tmp_path, "id: d\ntitle: T\nquestions: lots\n") == [
        "3:12: 'questions' must be a list of questions, not 'lots'"
    ]


def test_bank_id_must_be_a_slug(tmp_path: Path) -> None:
    found = problems(tmp_path, "id: My Bank\ntitle: T\nquestions:\n" + MC)
    assert found == [
        "1:5: bank id 'My Bank' is not valid: use lowercase letters, digits, '-' and '_' "
        "(e.g. 'my-bank')"
    ]


def test_unknown_field_suggests_the_close_one(tmp_path: Path) -> None:
    text = HEADER + MC.replace("choices:", "choice:")
    found = problems(tmp_path, text)
    assert "7:5: unknown field 'choice'; did you mean 'choices'? [q1]" in found
    assert "4:5: the question has no 'choices'; add a list of 2 to 9 choices [q1]" in found


def test_unknown_top_level_field(tmp_path: Path) -> None:
    assert problems(tmp_path, "id: d\ntitel: T\ntitle: T\nquestions:\n" + MC) == [
        "2:1: unknown field 'titel'; did you mean 'title'?"
    ]


def test_field_of_another_type_is_named_as_such(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        HEADER + "  - {id: q, type: true_false, prompt: P, answer: true, choices: [a, b]}\n",
    )
    assert found == ["4:56: 'choices' is not a field of a true_false question; remove it [q]"]


def test_unknown_type_suggests(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + MC.replace("multiple_choice", "multiple_choise"))
    assert found == ["5:11: unknown type 'multiple_choise'; did you mean 'multiple_choice'? [q1]"]


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("id", "4:5: 'id' is required; add it"),
        (
            "type",
            "4:5: the question has no 'type'; use one of: multiple_choice, "
            "multiple_select, true_false, short_answer, numeric, ordering, matching [q1]",
        ),
        ("prompt", "4:5: 'prompt' is required; add it [q1]"),
        ("answer", "4:5: the question has no 'answer'; add one [q1]"),
    ],
)
def test_missing_required_question_field(tmp_path: Path, field: str, message: str) -> None:
    body = (
        "  - "
        + "\n    ".join(
            line.strip()
            for line in MC.replace("  - ", "").splitlines()
            if not line.strip().startswith(f"{field}:")
        )
        + "\n"
    )
    assert problems(tmp_path, HEADER + body) == [message]


def test_empty_prompt(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + MC.replace("prompt: Which year?", 'prompt: ""'))
    assert found == ["6:13: 'prompt' is empty; write it out [q1]"]


def test_duplicate_question_ids(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + MC + MC)
    assert found == [
        "9:9: question id 'q1' is already used at line 4; ids must be unique in a bank [q1]"
    ]


def test_question_id_must_be_a_slug(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + MC.replace("id: q1", "id: Q 1"))
    assert found[0].startswith("4:9: question id 'Q 1' is not valid")


def test_answer_not_among_choices(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + MC.replace("answer: 2002", "answer: 2003"))
    assert found == ["8:13: answer '2003' is not one of the choices (1992, 2002) [q1]"]


def test_choices_must_be_distinct(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + MC.replace("[1992, 2002]", "[1992, 2002, 1992]"))
    assert found == ["7:27: '1992' appears twice in 'choices'; items must be distinct [q1]"]


@pytest.mark.parametrize(
    ("choices", "count"), [("[only]", 1), ("[a, b, c, d, e, f, g, h, i, j]", 10)]
)
def test_choices_count_is_two_to_nine(tmp_path: Path, choices: str, count: int) -> None:
    text = HEADER + MC.replace("[1992, 2002]", choices).replace("answer: 2002", "answer: a")
    assert f"7:14: 'choices' has {count} items; it needs 2 to 9 [q1]" in problems(tmp_path, text)


def test_a_string_where_a_list_belongs(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + MC.replace("[1992, 2002]", "1992, 2002"))
    assert "7:14: 'choices' must be a list, not '1992, 2002'; write [a, b, ...] [q1]" in found


def test_tags_must_be_a_list_of_text(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + MC + "    tags: dates\n")
    assert found == ["9:11: 'tags' must be a list, not 'dates'; write [a, b, ...] [q1]"]


@pytest.mark.parametrize("value", ["0", "4", "hard", "'2'"])
def test_difficulty_is_one_to_three(tmp_path: Path, value: str) -> None:
    found = problems(tmp_path, HEADER + MC + f"    difficulty: {value}\n")
    assert len(found) == 1
    assert found[0].startswith("9:17: 'difficulty' must be 1, 2 or 3")


def test_multiple_select_answer_must_be_subset(tmp_path: Path) -> None:
    body = "  - {id: q, type: multiple_select, prompt: P, choices: [a, b], answer: [a, z]}\n"
    assert problems(tmp_path, HEADER + body) == [
        "4:72: answer 'z' is not one of the choices (a, b) [q]"
    ]


def test_multiple_select_answer_must_be_non_empty_list(tmp_path: Path) -> None:
    body = "  - {id: q, type: multiple_select, prompt: P, choices: [a, b], answer: []}\n"
    assert problems(tmp_path, HEADER + body) == [
        "4:72: 'answer' has 0 items; it needs at least 1 [q]"
    ]


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("yes", "write true or false, not 'yes'"),
        ('"true"', "the answer of a true_false question must be true or false, not 'true'"),
        ("1", "the answer of a true_false question must be true or false, not '1'"),
    ],
)
def test_true_false_needs_a_real_boolean(tmp_path: Path, answer: str, message: str) -> None:
    body = f"  - id: q\n    type: true_false\n    prompt: P\n    answer: {answer}\n"
    assert problems(tmp_path, HEADER + body) == [f"7:13: {message} [q]"]


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("six", "'answer' must be a number, not 'six'"),
        ('"6"', "'answer' must be a number (without quotes), not '6'"),
        (".nan", "'answer' must be a number, not '.nan'"),
        ("[6]", "'answer' must be a number, not a list"),
    ],
)
def test_numeric_answer_must_be_a_number(tmp_path: Path, answer: str, message: str) -> None:
    body = f"  - id: q\n    type: numeric\n    prompt: P\n    answer: {answer}\n"
    assert problems(tmp_path, HEADER + body) == [f"7:13: {message} [q]"]


def test_numeric_tolerance_not_negative(tmp_path: Path) -> None:
    body = "  - id: q\n    type: numeric\n    prompt: P\n    answer: 6\n    tolerance: -1\n"
    assert problems(tmp_path, HEADER + body) == ["8:16: 'tolerance' must be 0 or more [q]"]


def test_ordering_needs_two_to_nine_distinct(tmp_path: Path) -> None:
    body = "  - id: q\n    type: ordering\n    prompt: P\n    answer: [a, a]\n"
    assert problems(tmp_path, HEADER + body) == [
        "7:17: 'a' appears twice in 'answer'; items must be distinct [q]"
    ]
    body = "  - id: q\n    type: ordering\n    prompt: P\n    answer: [a]\n"
    assert problems(tmp_path, HEADER + body) == ["7:13: 'answer' has 1 items; it needs 2 to 9 [q]"]


def test_matching_right_side_distinct(tmp_path: Path) -> None:
    body = "  - id: q\n    type: matching\n    prompt: P\n    answer:\n      a: x\n      b: x\n"
    assert problems(tmp_path, HEADER + body) == [
        "9:10: 'x' is matched twice ('a' and 'b'); right-hand items must be distinct [q]"
    ]


def test_matching_left_side_distinct(tmp_path: Path) -> None:
    body = "  - id: q\n    type: matching\n    prompt: P\n    answer:\n      a: x\n      a: y\n"
    assert "9:7: duplicate key 'a' (first at line 8)" in problems(tmp_path, HEADER + body)


def test_matching_needs_a_mapping_of_two_to_nine(tmp_path: Path) -> None:
    body = "  - id: q\n    type: matching\n    prompt: P\n    answer: {a: x}\n"
    assert problems(tmp_path, HEADER + body) == ["7:13: 'answer' has 1 pairs; it needs 2 to 9 [q]"]
    body = "  - id: q\n    type: matching\n    prompt: P\n    answer: [a, b]\n"
    assert "mapping (left: right), not a list" in problems(tmp_path, HEADER + body)[0]


def test_duplicate_key(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + MC + "    prompt: Again?\n")
    assert found == ["9:5: duplicate key 'prompt' (first at line 6)"]


def test_all_problems_of_a_file_are_reported_at_once(tmp_path: Path) -> None:
    text = (
        HEADER
        + MC.replace("answer: 2002", "answer: 2003")
        + MC.replace("id: q1", "id: q2").replace("type: multiple_choice", "type: nonsense")
    )
    found = problems(tmp_path, text)
    assert [p.split(":")[0] for p in found] == ["8", "10"]


def test_source_file_missing_is_located(tmp_path: Path) -> None:
    text = "id: d\ntitle: T\nsource:\n  title: Doc\n  file: nowhere.txt\nquestions:\n" + MC
    found = problems(tmp_path, text)
    assert len(found) == 1
    assert found[0].startswith("5:9: source file 'nowhere.txt' not found")


def test_source_quote_must_be_in_the_document(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("The alliance was formed in 2002.\nIt is based in Moscow.\n")
    text = "id: d\ntitle: T\nsource:\n  title: Doc\n  file: doc.txt\nquestions:\n" + MC
    quote = "    source: The alliance  was\n      formed in 2002.\n"
    ok = load_bank(write(tmp_path, text + quote), use_cache=False)
    assert ok.source is not None and ok.source.text is not None
    assert ok.questions[0].source == "The alliance  was formed in 2002."
    found = problems(tmp_path, text + "    source: The alliance was created in 2002.\n")
    assert found == [
        "12:13: source quote not found in 'doc.txt'; copy it verbatim. "
        'Closest passage: "The alliance was formed in 2002." [q1]'
    ]


def test_a_quote_may_leave_text_out_with_an_ellipsis(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("The alliance was formed in 2002.\nIt is based in Moscow.\n")
    text = "id: d\ntitle: T\nsource:\n  title: Doc\n  file: doc.txt\nquestions:\n" + MC
    ok = load_bank(write(tmp_path, text + "    source: formed in 2002. … based in Moscow.\n"))
    assert ok.questions[0].source == "formed in 2002. … based in Moscow."
    found = problems(tmp_path, text + "    source: formed in 2002. … based in Minsk.\n")
    assert found == [
        "12:13: part of the quote not found in 'doc.txt'; copy it verbatim. "
        'Closest passage: "based in Moscow." [q1]'
    ]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        load_banks([tmp_path / "missing.yaml"])


def test_folder_loads_yaml_and_yml_sorted(tmp_path: Path) -> None:
    write(tmp_path, "id: b\ntitle: B\nquestions:\n" + MC, "b.yml")
    write(tmp_path, "id: a\ntitle: A\nquestions:\n" + MC, "a.yaml")
    write(tmp_path, "not a bank", "notes.txt")
    assert [b.id for b in load_banks([tmp_path], use_cache=False)] == ["a", "b"]


def test_duplicate_bank_ids_name_both_files(tmp_path: Path) -> None:
    first = write(tmp_path, HEADER + MC, "a.yaml")
    second = write(tmp_path, HEADER + MC, "b.yaml")
    with pytest.raises(BankError) as info:
        load_banks([tmp_path], use_cache=False)
    [problem] = info.value.problems
    assert problem.path == second
    assert str(first) in problem.message and "'demo'" in problem.message


def test_problems_of_several_files_come_together(tmp_path: Path) -> None:
    write(tmp_path, "id: a\ntitle: A\nquestions: []\n", "a.yaml")
    write(tmp_path, "id: b\nquestions:\n" + MC, "b.yaml")
    with pytest.raises(BankError) as info:
        load_banks([tmp_path], use_cache=False)
    assert [Path(p.path).name for p in info.value.problems] == ["a.yaml", "b.yaml"]


def test_the_documented_example_bank_loads(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "bank-format.md").read_text()
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "csto.txt").write_text("It was formed in 2002.\n", encoding="utf-8")
    bank = load_bank(write(tmp_path, example), use_cache=False)
    assert {q.type for q in bank.questions} == set(QuestionType)
    assert bank.questions[0].choices == ("1992", "2002", "2012")


# --- items a learner could not type apart -----------------------------------------------------


def test_choices_equal_after_normalising_are_refused(tmp_path: Path) -> None:
    text = HEADER + MC.replace("[1992, 2002]", "['C', 'C#', 'the c']").replace(
        "answer: 2002", "answer: C#"
    )
    assert problems(tmp_path, text) == [
        "7:20: 'C#' and 'C' in 'choices' read the same once case, spaces and punctuation "
        "are set aside; reword one so a typed answer can tell them apart [q1]",
        "7:26: 'the c' and 'C' in 'choices' read the same once case, spaces and punctuation "
        "are set aside; reword one so a typed answer can tell them apart [q1]",
    ]


def test_ordering_items_equal_after_normalising_are_refused(tmp_path: Path) -> None:
    body = "  - id: q\n    type: ordering\n    prompt: P\n    answer: [Treaty, treaty., Pact]\n"
    assert problems(tmp_path, HEADER + body) == [
        "7:22: 'treaty.' and 'Treaty' in 'answer' read the same once case, spaces and "
        "punctuation are set aside; reword one so a typed answer can tell them apart [q]"
    ]


@pytest.mark.parametrize(
    ("pairs", "at", "message"),
    [
        ("      A: x\n      a.: y\n", "9:7", "'a.' and 'A'"),
        ("      A: x\n      B: X!\n", "9:10", "'X!' and 'x'"),
    ],
)
def test_matching_items_equal_after_normalising_are_refused(
    tmp_path: Path, pairs: str, at: str, message: str
) -> None:
    body = "  - id: q\n    type: matching\n    prompt: P\n    answer:\n" + pairs
    assert problems(tmp_path, HEADER + body) == [
        f"{at}: {message} in 'answer' read the same once case, spaces and punctuation are "
        "set aside; reword one so a typed answer can tell them apart [q]"
    ]


def test_choices_that_differ_after_normalising_load(tmp_path: Path) -> None:
    text = HEADER + MC.replace("[1992, 2002]", "['C', 'C++', 'D']").replace(
        "answer: 2002", "answer: C"
    )
    assert load_bank(write(tmp_path, text), use_cache=False).questions[0].choices == (
        "C",
        "C++",
        "D",
    )


def test_note_and_typos_are_read_and_located(tmp_path: Path) -> None:
    q = question(
        tmp_path,
        "  - id: q1\n    type: short_answer\n    prompt: Which word?\n    answer: peace\n"
        "    typos: 0\n    note: Beyond the document.\n",
    )
    assert (q.note, q.typos) == ("Beyond the document.", 0)
    assert (q.line, q.column) == (4, 5)
    assert q.spot("typos") == (8, 5)
    assert q.spot("note") == (9, 5)
    assert q.spot("choices") == (4, 5)  # not written: the question's own place


def test_typos_defaults_to_none_and_note_to_empty(tmp_path: Path) -> None:
    q = question(tmp_path, MC)
    assert (q.note, q.typos) == ("", None)


@pytest.mark.parametrize("value", ["3", "-1", "one", '"1"', "[1]"])
def test_typos_must_be_0_1_or_2(tmp_path: Path, value: str) -> None:
    text = HEADER + "  - {id: q1, type: short_answer, prompt: P, answer: a, typos: " + value + "}\n"
    (line,) = problems(tmp_path, text)
    assert "'typos' must be 0, 1 or 2" in line
    assert line.startswith("4:") and line.endswith("[q1]")
