"""GIFT in and out: every construct of Moodle's format, hostile input, and round trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import QuestionType as T
from quiz.exchange.gift.read import read_gift
from quiz.exchange.gift.write import escape, write_gift
from tests.helpers import BANKS, ROOT
from tests.helpers.exchange import kept

FIXTURE = BANKS / "exchange" / "constructs.gift"


@pytest.fixture(scope="module")
def constructs():
    return read_gift(FIXTURE.read_text(encoding="utf-8"), "c.gift")


def by_id(result, qid):
    return next(q for q in result.questions if q.id == qid)


def test_every_construct_of_the_fixture_is_read(constructs) -> None:
    assert constructs.problems == []
    q = by_id(constructs, "largest-planet")
    assert (q.type, q.answer, q.choices) == (
        T.MULTIPLE_CHOICE,
        "Jupiter",
        ("Jupiter", "Earth", "Saturn", "Mars"),
    )
    assert q.topic == "Planets"  # $CATEGORY: last part of the path
    assert q.tags == ("astronomy", "easy")  # [tag:...] in the comment before it
    assert q.source == "Jupiter is the largest planet."  # restored from the feedback
    assert q.explanation.startswith("It is [not] bold here.")  # HTML stripped, [not] literal
    assert "Jupiter: Right: more than twice the mass of the rest." in q.explanation
    assert by_id(constructs, "grant").prompt == "Grant is _____ in Grant's tomb."
    multi = by_id(constructs, "multiple-answers")
    assert (multi.type, multi.answer) == (T.MULTIPLE_SELECT, ("Grant", "Grant's wife"))
    assert [
        by_id(constructs, i).answer for i in ("tf-short", "tf-long-false", "tf-true", "tf-f")
    ] == [
        True,
        False,
        True,
        False,
    ]
    assert (
        "If answered wrongly: It rises in the east."
        in by_id(constructs, "tf-long-false").explanation
    )
    short = by_id(constructs, "short")
    assert (short.answer, short.accept) == ("Grant", ("Ulysses S. Grant",))
    assert (
        by_id(constructs, "numeric-tolerance").answer,
        by_id(constructs, "numeric-tolerance").tolerance,
    ) == (1822, 5)
    assert (
        by_id(constructs, "numeric-range").answer,
        by_id(constructs, "numeric-range").tolerance,
    ) == (3, 2)
    assert by_id(constructs, "numeric-several").answer == 1822
    assert by_id(constructs, "matching").pairs == (
        ("Canada", "Ottawa"),
        ("Italy", "Rome"),
        ("Japan", "Tokyo"),
        ("India", "New Delhi"),
    )
    esc = by_id(constructs, "escapes")
    assert esc.prompt == "Which character starts a comment: {, ~, = or #?"
    assert esc.choices == ("~ = #", "{ open", "} close")
    assert by_id(constructs, "html-marker").prompt == "What is 2 & 2?\nThink."
    assert by_id(constructs, "plain-marker").prompt == "Is <b> a tag?"  # [plain]: no stripping
    assert "*American holiday of Thanksgiving*" in by_id(constructs, "markdown-marker").prompt
    assert by_id(constructs, "moodle-marker").prompt == "First line\nsecond line"
    assert by_id(constructs, "ordering").answer == ("First", "Second", "Third")


def test_what_cannot_be_carried_is_reported_with_its_line(constructs) -> None:
    lines = [n.render("c.gift") for n in constructs.notes]
    assert lines == [
        "c.gift:7: not carried: partial credit (50%) for 'Saturn'; it counts as wrong",
        "c.gift:32: not carried: partial credit (50%) for 'Ulysses'",
        "c.gift:32: not carried: the wildcard answer 'G*nt'",
        "c.gift:38: not carried: partial credit (50%) for 1822:2",
        "c.gift:45: not carried: the extra wrong match 'Paris'",
        "c.gift:68: skipped: an essay question has no answer to check",
        "c.gift:70: skipped: a description (no answer section) is not a question",
    ]


def test_titles_become_unique_ids() -> None:
    text = "::Same::A? {T}\n\n::Same::B? {F}\n\n::!!!::C? {T}\n\nNo title here? {T}\n"
    ids = [q.id for q in read_gift(text, "x").questions]
    assert ids == ["same", "same-2", "q-3", "no-title-here"]


def test_malformed_questions_are_all_reported_at_once_with_lines() -> None:
    text = (
        "::Ok::Fine? {T}\n\n"
        "::Open::Missing close {=a ~b\n\n"
        "::Close::Stray close } here {T}\n\n"
        "::Trail::Ends with an escape {T} \\\n\n"
        "::Two::First {T} then {F}\n\n"
        "::Unclosed title Who? {T}\n\n"
        "::Bad number::How many? {#abc}\n"
    )
    result = read_gift(text, "bad.gift")
    assert [q.id for q in result.questions] == ["ok"]
    assert [str(p) for p in result.problems] == [
        "bad.gift:3:23: unbalanced braces: '{' without its '}' (escape a literal one as \\{)",
        "bad.gift:5:22: unbalanced braces: '}' without its '{' (escape a literal one as \\{)",
        "bad.gift:7:34: a backslash at the end of the question escapes nothing",
        "bad.gift:9:23: a second answer section in one question; "
        "separate questions with a blank line",
        "bad.gift:11:1: the title opened with '::' is not closed with '::'",
        "bad.gift:13:25: 'abc' is not a number",
    ]


def test_a_large_file_is_read_in_one_pass() -> None:
    text = "\n\n".join(
        f"::Q{n}::Is {n} even? {{{'T' if n % 2 == 0 else 'F'}}}" for n in range(20000)
    )
    result = read_gift(text, "big.gift")
    assert len(result.questions) == 20000 and result.problems == []


def test_special_characters_are_escaped_on_the_way_out() -> None:
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_writing_marks_html_like_text_plain_and_keeps_it_literal(tmp_path: Path) -> None:
    bank_file = tmp_path / "b.yaml"
    bank_file.write_text(
        "id: b\ntitle: B\nquestions:\n"
        "  - {id: tags, type: short_answer, prompt: 'Is <b>bold</b> & [red]x[/red] markup?',"
        " answer: 'no *really*', tags: [a b, 'c]d'], topic: T/U}\n",
        encoding="utf-8",
    )
    out = write_gift(load_bank(bank_file, use_cache=False)).text
    assert "// [id:tags] [tag:a b] [tag:c\\]d]" in out
    assert "$CATEGORY: $course$/top/T//U" in out
    assert "::tags::[plain]Is <b>bold</b> & [red]x[/red] markup?{" in out
    assert "=no \\*really\\*" in out
    again = read_gift(out, "x").questions[0]
    assert (again.prompt, again.answer, again.tags, again.topic) == (
        "Is <b>bold</b> & [red]x[/red] markup?",
        "no *really*",
        ("a b", "c]d"),
        "T/U",
    )


def test_multiple_select_weights_follow_moodles_grade_list() -> None:
    bank = load_bank(BANKS / "ui_all_types.yaml", use_cache=False)
    out = write_gift(bank).text
    assert "~%50%The horn\n\t~%50%The lamp\n\t~%-100%The cottage" in out


@pytest.mark.parametrize(
    "path", [ROOT / "question_bank" / "csto.yaml", BANKS / "ui_all_types.yaml"]
)
def test_yaml_to_gift_to_yaml_keeps_every_type_gift_holds(path: Path) -> None:
    bank = load_bank(path, use_cache=False)
    exported = write_gift(bank)
    back = read_gift(exported.text, "out.gift")
    assert back.problems == [] and [n for n in back.notes if n.kind == "skipped"] == []
    assert len(back.questions) == len(bank.questions)
    for before, after in zip(bank.questions, back.questions, strict=True):
        assert after.topic == before.topic
        if before.type is T.ORDERING:  # GIFT's ordering form has no feedback
            assert (after.type, after.answer) == (before.type, before.answer)
            continue
        assert kept(after) == kept(before)
        assert after.accept == before.accept and after.tolerance == before.tolerance
    ordering = [q for q in bank.questions if q.type is T.ORDERING]
    converted = [n for n in exported.notes if n.kind == "converted"]
    assert len(converted) == len(ordering) > 0
