"""Every loader rule, broken on its own: the exact text, line, column and question id a bank
author reads (as `quiz check` prints them, the file's path left off)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.common.errors import BankError

HEADER = "id: demo\ntitle: Demo\nquestions:\n"
TF = "  - {id: q, type: true_false, prompt: P, answer: true}\n"
TYPES = "multiple_choice, multiple_select, true_false, short_answer, numeric, ordering, matching"
QUESTION_FIELDS = (
    "id, type, prompt, answer, explanation, source, topic, difficulty, tags, note, typos, "
    "choices, accept, tolerance, unit"
)


def problems(folder: Path, text: str) -> list[str]:
    """The problems of a bank, each as 'line:col: message [id]' (path left off)."""
    path = folder / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BankError) as info:
        load_bank(path, use_cache=False)
    return [str(p).removeprefix(f"{path}: ").removeprefix(f"{path}:") for p in info.value.problems]


def q(fields: str) -> str:
    """A bank holding one flow-style question with these fields."""
    return HEADER + "  - {" + fields + "}\n"


BAD_BANKS = [
    # -- the bank as a whole --------------------------------------------------------------
    pytest.param(
        "id: d\ntitle: T\n",
        ["1:1: the bank has no 'questions'; add a list of questions"],
        id="no-questions-located-at-the-root",
    ),
    pytest.param(
        "id: '--'\ntitle: T\nquestions: ~\n",
        [
            "1:5: bank id '--' is not valid: use lowercase letters, digits, '-' and '_'",
            "3:12: the bank has no 'questions'; add a list of questions",
        ],
        id="null-questions-and-a-slug-without-a-hint",
    ),
    pytest.param(
        "id: d\ntitle: T\nquestions: {a: b}\n",
        ["3:12: 'questions' must be a list of questions, not a mapping"],
        id="questions-a-mapping",
    ),
    pytest.param(
        "id: d\ntitle: T\nzzz: 1\nquestions:\n" + TF,
        ["3:1: unknown field 'zzz'; allowed: id, title, description, source, questions"],
        id="unknown-bank-field-lists-the-allowed",
    ),
    pytest.param(
        "id: d\ntitle: [T]\ndescription: {a: b}\nquestions:\n" + TF,
        [
            "2:8: 'title' must be text, not a list",
            "3:14: 'description' must be text, not a mapping",
        ],
        id="title-and-description-must-be-text",
    ),
    pytest.param(
        "id: d\ntitle: '  '\nquestions:\n" + TF,
        ["2:8: 'title' is empty; write it out"],
        id="blank-title",
    ),
    pytest.param(
        "'just text'\n",
        ["1:1: the top level must be a mapping (id, title, questions), not 'just text'"],
        id="top-level-a-scalar",
    ),
    pytest.param(
        "~\n",
        ["1:1: the top level must be a mapping (id, title, questions), not empty"],
        id="top-level-null",
    ),
    pytest.param(
        "# nothing but a comment\n",
        ["the bank is empty; see docs/bank-format.md for an example"],
        id="empty-bank-unlocated",
    ),
    pytest.param(
        "id: d\ntitle: T\nprompt: P\nsource: {title: S, id: x}\nquestions:\n" + TF,
        [
            "3:1: unknown field 'prompt'; allowed: id, title, description, source, questions",
            "4:9: 'source.file' is required; add it",
            "4:20: unknown field 'id'; allowed: title, file",
        ],
        id="question-fields-are-unknown-to-a-bank-and-its-source",
    ),
    # -- the source document -----------------------------------------------------------------
    pytest.param(
        "id: d\ntitle: T\nsource: doc.txt\nquestions:\n" + TF,
        ["3:9: 'source' must be a mapping with 'title' and 'file', not 'doc.txt'"],
        id="source-a-scalar",
    ),
    pytest.param(
        "id: d\ntitle: T\nsource: {titel: S}\nquestions:\n" + TF,
        [
            "3:9: 'source.title' is required; add it",
            "3:9: 'source.file' is required; add it",
            "3:10: unknown field 'titel'; did you mean 'title'?",
        ],
        id="source-fields-required-and-suggested",
    ),
    pytest.param(
        "id: d\ntitle: T\nsource: {title: '', file: ''}\nquestions:\n" + TF,
        [
            "3:17: 'source.title' is empty; write it out",
            "3:27: 'source.file' is empty; write it out",
        ],
        id="source-fields-empty",
    ),
    # -- a question as a whole ---------------------------------------------------------------
    pytest.param(
        HEADER + "  - just text\n",
        ["4:5: a question must be a mapping (id, type, prompt...), not 'just text'"],
        id="question-not-a-mapping",
    ),
    pytest.param(
        q("type: true_false, prompt: P, answer: true"),
        ["4:5: 'id' is required; add it"],
        id="no-id-no-question-id-in-brackets",
    ),
    pytest.param(
        q("id: ' Q1 ', type: true_false, prompt: P, answer: true"),
        [
            "4:10: question id 'Q1' is not valid: use lowercase letters, digits, '-' and '_' "
            "(e.g. 'q1') [Q1]"
        ],
        id="question-id-stripped-then-checked",
    ),
    pytest.param(
        q("id: q, type: [a], prompt: P, answer: x"),
        [f"4:19: 'type' must be one of: {TYPES}; not a list [q]"],
        id="type-a-list",
    ),
    pytest.param(
        q("id: q, type: , prompt: P, answer: x"),
        [f"4:19: 'type' must be one of: {TYPES}; not empty [q]"],
        id="type-empty",
    ),
    pytest.param(
        q("id: q, type: nonsense, prompt: P, answer: x, choices: [a, b], colour: red"),
        [
            f"4:19: unknown type 'nonsense'; allowed: {TYPES} [q]",
            f"4:68: unknown field 'colour'; allowed: {QUESTION_FIELDS} [q]",
        ],
        id="unknown-type-allows-every-question-field",
    ),
    pytest.param(
        q("id: q, type: short_answer, prompt: P, answer: x, tolerance: 1"),
        ["4:55: 'tolerance' is not a field of a short_answer question; remove it [q]"],
        id="field-of-another-type",
    ),
    pytest.param(
        q("id: q, type: short_answer, prompt: [P], answer: {a: b}"),
        [
            "4:41: 'prompt' must be text, not a list [q]",
            "4:54: 'answer' must be the expected text (text), not a mapping [q]",
        ],
        id="prompt-and-answer-not-text",
    ),
    pytest.param(
        q("id: q, type: true_false, prompt: P, answer: true, source: [x]"),
        ["4:64: 'source' must be a quote (text), not a list [q]"],
        id="quote-not-text",
    ),
    # -- text answers and lists ------------------------------------------------------------
    pytest.param(
        q("id: q, type: short_answer, prompt: P, answer: '  '"),
        ["4:52: 'answer' is empty; write the expected text [q]"],
        id="short-answer-blank",
    ),
    pytest.param(
        q("id: q, type: short_answer, prompt: P, answer: x, accept: [a, '', ~, [b]]"),
        [
            "4:67: each item of 'accept' must be text, not '' [q]",
            "4:71: each item of 'accept' must be text, not empty [q]",
            "4:74: each item of 'accept' must be text, not a list [q]",
        ],
        id="accept-items-must-be-text",
    ),
    pytest.param(
        q("id: q, type: multiple_choice, prompt: P, choices: [a, b], answer: [a]"),
        ["4:72: 'answer' must be one of the choices (text), not a list [q]"],
        id="choice-answer-a-list",
    ),
    pytest.param(
        q("id: q, type: multiple_choice, prompt: P, choices: [a, b], answer: ''"),
        ["4:72: 'answer' is empty; write one of the choices [q]"],
        id="choice-answer-empty",
    ),
    pytest.param(
        q("id: q, type: multiple_choice, prompt: P, choices: [a], answer: z"),
        ["4:56: 'choices' has 1 items; it needs 2 to 9 [q]"],
        id="bad-choices-skip-the-answer-check",
    ),
    pytest.param(
        q("id: q, type: multiple_select, prompt: P, choices: [a, b], answer: a"),
        ["4:72: 'answer' must be a list, not 'a'; write [a, b, ...] [q]"],
        id="select-answer-a-scalar",
    ),
    pytest.param(
        q("id: q, type: multiple_select, prompt: P, choices: [a, b], answer: "),
        ["4:72: 'answer' must be a list, not empty; write [a, b, ...] [q]"],
        id="select-answer-null",
    ),
    pytest.param(
        q("id: q, type: multiple_select, prompt: P, choices: [a, b], answer: [z, y]"),
        ["4:72: answer 'z' is not one of the choices (a, b) [q]"],
        id="select-names-the-first-stranger",
    ),
    pytest.param(
        q("id: q, type: ordering, prompt: P, answer: abc"),
        ["4:48: 'answer' must be a list, not 'abc'; write [a, b, ...] [q]"],
        id="ordering-a-scalar",
    ),
    pytest.param(
        q("id: q, type: ordering, prompt: P, answer: [a, b, c, d, e, f, g, h, i, j]"),
        ["4:48: 'answer' has 10 items; it needs 2 to 9 [q]"],
        id="ordering-ten-items",
    ),
    pytest.param(
        q("id: q, type: multiple_choice, prompt: P, choices: [a, ~], answer: a"),
        ["4:60: each item of 'choices' must be text, not empty [q]"],
        id="a-choice-that-is-not-text",
    ),
    pytest.param(
        q("id: q, type: ordering, prompt: P, answer: [a, '']"),
        ["4:52: each item of 'answer' must be text, not '' [q]"],
        id="an-ordering-item-that-is-not-text",
    ),
    # -- numbers, booleans and small integers ------------------------------------------------
    pytest.param(
        q("id: q, type: numeric, prompt: P, answer: 1, tolerance: x, unit: [km]"),
        [
            "4:61: 'tolerance' must be a number, not 'x' [q]",
            "4:70: 'unit' must be text, not a list [q]",
        ],
        id="tolerance-and-unit",
    ),
    pytest.param(
        q("id: q, type: true_false, prompt: P, answer: Yes"),
        ["4:50: write true or false, not 'Yes' [q]"],
        id="yaml11-boolean-any-case",
    ),
    pytest.param(
        q("id: q, type: true_false, prompt: P, answer: 'yes'"),
        ["4:50: the answer of a true_false question must be true or false, not 'yes' [q]"],
        id="quoted-yes-is-text",
    ),
    pytest.param(
        q("id: q, type: true_false, prompt: P, answer: [true]"),
        ["4:50: the answer of a true_false question must be true or false, not a list [q]"],
        id="boolean-a-list",
    ),
    # -- matching ------------------------------------------------------------------------------
    pytest.param(
        q("id: q, type: matching, prompt: P, answer: {'': x, ~: y, b: '', c: [d], e: f}"),
        [
            "4:49: a left-hand item of 'answer' is empty [q]",
            "4:56: a left-hand item of 'answer' is empty [q]",
            "4:65: 'b' must be matched with text, not '' [q]",
            "4:72: 'c' must be matched with text, not a list [q]",
        ],
        id="matching-empty-sides",
    ),
    pytest.param(
        q("id: q, type: matching, prompt: P, answer: {a: x, b: x, c: ''}"),
        [
            "4:58: 'x' is matched twice ('a' and 'b'); right-hand items must be distinct [q]",
            "4:64: 'c' must be matched with text, not '' [q]",
        ],
        id="matching-goes-on-after-a-repeat",
    ),
    pytest.param(
        q(
            "id: q, type: matching, prompt: P, "
            "answer: {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}"
        ),
        ["4:48: 'answer' has 10 pairs; it needs 2 to 9 [q]"],
        id="matching-ten-pairs",
    ),
    pytest.param(
        q("id: q, type: matching, prompt: P, answer: x"),
        ["4:48: the answer of a matching question must be a mapping (left: right), not 'x' [q]"],
        id="matching-a-scalar",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD_BANKS)
def test_each_broken_rule_is_reported_exactly(
    tmp_path: Path, text: str, expected: list[str]
) -> None:
    assert problems(tmp_path, text) == expected


# --- the source document -------------------------------------------------------------------


def source_bank(file: str) -> str:
    return (
        f"id: d\ntitle: T\nsource: {{title: S, file: {file}}}\nquestions:\n"
        "  - {id: q, type: true_false, prompt: P, answer: true}\n"
    )


def test_a_source_that_is_a_folder_is_a_located_problem(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    assert problems(tmp_path, source_bank("sub")) == [
        "3:26: cannot read source file 'sub': Is a directory"
    ]


def test_a_missing_source_names_where_it_was_looked_for(tmp_path: Path) -> None:
    assert problems(tmp_path, source_bank("nowhere.txt")) == [
        f"3:26: source file 'nowhere.txt' not found (looked for {tmp_path / 'nowhere.txt'})"
    ]


def test_a_source_outside_the_folder_says_why_it_is_refused(tmp_path: Path) -> None:
    assert problems(tmp_path, source_bank("../x.txt")) == [
        "3:26: cannot use source file '../x.txt': "
        "the source file must be inside the bank's folder (or a folder below it)"
    ]


def test_a_source_that_is_not_utf8_is_located_in_the_source(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_bytes(b"ab\ncaf\xe9\n")
    path = tmp_path / "bank.yaml"
    path.write_text(source_bank("doc.txt"), encoding="utf-8")
    with pytest.raises(BankError) as info:
        load_bank(path, use_cache=False)
    assert [str(p) for p in info.value.problems] == [
        f"{doc}:2:4: byte 0xE9 is not UTF-8; save the file with UTF-8 encoding"
    ]


def test_a_source_is_read_with_its_line_endings_made_plain(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_bytes(b"\xef\xbb\xbfLine one.\r\nLine two.\r\n")
    path = tmp_path / "bank.yaml"
    path.write_text(source_bank("doc.txt"), encoding="utf-8")
    source = load_bank(path, use_cache=False).source
    assert source is not None
    assert (source.title, source.file, source.path, source.text) == (
        "S",
        "doc.txt",
        tmp_path / "doc.txt",
        "Line one.\nLine two.\n",
    )


# --- values read as written ------------------------------------------------------------------


def loaded(folder: Path, fields: str):
    path = folder / "bank.yaml"
    path.write_text(q(fields), encoding="utf-8")
    return load_bank(path, use_cache=False).questions[0]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("type: numeric, prompt: P, answer: 1_000", (1000.0, 0.0, None)),
        ("type: numeric, prompt: P, answer: -2.5e3, tolerance: .5, unit: ''", (-2500.0, 0.5, None)),
        ("type: numeric, prompt: P, answer: +5., tolerance: 0, unit: ' km '", (5.0, 0.0, "km")),
    ],
)
def test_numbers_are_read_as_written(tmp_path: Path, fields: str, expected: tuple) -> None:
    question = loaded(tmp_path, "id: q, " + fields)
    assert (question.answer, question.tolerance, question.unit) == expected


@pytest.mark.parametrize(
    ("answer", "truth"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
    ],
)
def test_true_and_false_in_any_of_their_three_spellings(
    tmp_path: Path, answer: str, truth: bool
) -> None:
    assert loaded(tmp_path, f"id: q, type: true_false, prompt: P, answer: {answer}").answer is truth


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("", (1, None)),
        (", difficulty: ~, typos: ~", (1, None)),
        (", difficulty: 1, typos: 0", (1, 0)),
        (", difficulty: 2, typos: 1", (2, 1)),
        (", difficulty: 3, typos: 2", (3, 2)),
    ],
)
def test_difficulty_and_typos_are_read_or_defaulted(
    tmp_path: Path, extra: str, expected: tuple
) -> None:
    question = loaded(tmp_path, "id: q, type: true_false, prompt: P, answer: true" + extra)
    assert (question.difficulty, question.typos) == expected


def test_optional_lists_and_texts_may_be_empty_or_left_blank(tmp_path: Path) -> None:
    question = loaded(
        tmp_path,
        "id: q, type: short_answer, prompt: P, answer: a, accept: [], tags: [], source: ~",
    )
    assert (question.accept, question.tags, question.source) == ((), (), "")
    question = loaded(
        tmp_path, "id: q, type: short_answer, prompt: P, answer: a, accept: ~, tags: ~"
    )
    assert (question.accept, question.tags) == ((), ())


def test_underscores_anywhere_in_a_number_are_separators(tmp_path: Path) -> None:
    assert loaded(tmp_path, "id: q, type: numeric, prompt: P, answer: 1_000__000").answer == 1e6


def test_nine_pairs_are_allowed(tmp_path: Path) -> None:
    pairs = ", ".join(
        f"{left}: {right}" for left, right in zip("abcdefghi", range(1, 10), strict=True)
    )
    question = loaded(tmp_path, f"id: q, type: matching, prompt: P, answer: {{{pairs}}}")
    assert len(question.pairs) == 9


def test_the_bank_keeps_its_description(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(
        "id: d\ntitle: T\ndescription: ' From the 2002 charter. '\nquestions:\n" + TF,
        encoding="utf-8",
    )
    bank = load_bank(path, use_cache=False)
    assert (bank.id, bank.title, bank.description) == ("d", "T", "From the 2002 charter.")
