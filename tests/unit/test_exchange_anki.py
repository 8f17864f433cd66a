"""Anki: "Notes in Plain Text" in and out, the apkg package, and round trips."""

from __future__ import annotations

import io
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import QuestionType as T
from quiz.exchange.anki.apkg import write_apkg
from quiz.exchange.anki.txt import read_anki_txt, write_anki_txt
from tests.helpers import BANKS, ROOT
from tests.helpers.exchange import kept

ALL_TYPES = BANKS / "ui_all_types.yaml"


def test_written_file_has_anki_headers_and_one_note_per_question() -> None:
    bank = load_bank(ALL_TYPES, use_cache=False)
    lines = write_anki_txt(bank).text.splitlines()
    assert lines[:3] == ["#separator:tab", "#html:true", "#tags column:3"]
    assert len(lines) == 3 + len(bank.questions)
    front, back, tags = lines[3].split("\t")
    assert front == (
        "When was the lighthouse at Cape Wren built?<br><br>Choose one:"
        "<br>1. 1871<br>2. 1901<br>3. 1799"
    )
    assert back == (
        "1871<br><br>It was built in 1871.<br><br>"
        "Source: “The lighthouse at Cape Wren was built in 1871.”"
    )
    assert tags == "History"  # the topic; spaces in tags become '_'
    assert lines[4].split("\t")[2] == "The_light"


def test_a_plain_anki_export_becomes_short_answer_questions() -> None:
    text = (
        "#separator:tab\n#html:true\n#notetype column:1\n#tags column:4\n#tags:imported\n"
        "Basic\tCapital of <b>France</b>?\tParis&nbsp;<br>since 508\tgeo europe\n"
        "Basic\tHow many legs has a spider?\t8\tzoo\n"
        "Basic\tOnly a front\t\t\n"
        "Cloze\t{{c1::Berlin}} is in Germany\tx\t\n"
        'Basic\t"Two\nlines"\tyes\t\n'
    )
    result = read_anki_txt(text, "deck.txt")
    first, second, third = result.questions
    assert (first.type, first.prompt, first.answer, first.tags) == (
        T.SHORT_ANSWER,
        "Capital of France?",
        "Paris since 508",
        ("imported", "geo", "europe"),
    )
    assert (second.type, second.answer) == (T.NUMERIC, 8)
    assert (third.prompt, third.line) == ("Two lines", 10)  # HTML: a line break is a space
    assert [n.render("deck.txt") for n in result.notes] == [
        "deck.txt:8: skipped: a note without a back has no answer",
        "deck.txt:9: skipped: cloze notes have no quiz type",
    ]


def test_without_headers_the_separator_is_guessed_and_text_is_literal() -> None:
    result = read_anki_txt("What is 1<2?;true statement\n", "x.txt")
    assert (result.questions[0].prompt, result.questions[0].answer) == (
        "What is 1<2?",
        "true statement",
    )


@pytest.mark.parametrize("path", [ROOT / "question_bank" / "csto.yaml", ALL_TYPES])
def test_yaml_to_anki_txt_to_yaml_keeps_type_answer_and_quote(path: Path) -> None:
    bank = load_bank(path, use_cache=False)
    back = read_anki_txt(write_anki_txt(bank).text, "out.txt")
    assert back.problems == [] and back.notes == []
    for before, after in zip(bank.questions, back.questions, strict=True):
        assert {k: v for k, v in kept(after).items() if k != "id"} == {
            k: v for k, v in kept(before).items() if k != "id"
        }
        assert (after.accept, after.tolerance, after.unit) == (
            before.accept,
            before.tolerance,
            before.unit,
        )


def test_apkg_holds_one_note_per_question_with_the_quote_on_the_back() -> None:
    bank = load_bank(ALL_TYPES, use_cache=False)
    out = io.BytesIO()
    assert write_apkg(bank, out) == len(bank.questions)
    archive = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    assert "collection.anki2" in archive.namelist()
    with archive.open("collection.anki2") as db_file:
        data = db_file.read()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "c.anki2"
        target.write_bytes(data)
        db = sqlite3.connect(target)
        notes = db.execute("select flds, tags from notes order by id").fetchall()
        models = db.execute("select models from col").fetchone()[0]
        db.close()
    assert len(notes) == len(bank.questions)
    fields = notes[0][0].split("\x1f")
    assert fields[1] == "1871"
    assert fields[3] == "The lighthouse at Cape Wren was built in 1871."
    assert "{{#Source}}" in models and "{{Source}}" in models  # the back shows the quote
