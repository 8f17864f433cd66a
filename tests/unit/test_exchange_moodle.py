"""Moodle XML in and out: the documented structure, hostile XML refused, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import QuestionType as T
from quiz.exchange.moodle.read import read_moodle_xml
from quiz.exchange.moodle.write import write_moodle_xml
from quiz.exchange.moodle.xmltree import parse
from tests.helpers import BANKS, ROOT
from tests.helpers.exchange import kept

FIXTURE = BANKS / "exchange" / "constructs.xml"


@pytest.fixture(scope="module")
def constructs():
    return read_moodle_xml(FIXTURE.read_bytes(), "c.xml")


def by_id(result, qid):
    return next(q for q in result.questions if q.id == qid)


def test_every_supported_type_of_the_fixture_is_read(constructs) -> None:
    assert constructs.problems == []
    mc = by_id(constructs, "largest-planet")
    assert (mc.type, mc.prompt, mc.answer) == (
        T.MULTIPLE_CHOICE,
        "Which is the largest planet?",  # CDATA HTML stripped, the image dropped
        "Jupiter",
    )
    assert mc.topic == "Planets/Moons"  # '//' in a category path is a literal '/'
    assert mc.tags == ("astronomy", "easy")
    assert mc.explanation == "Jupiter & Saturn are giants.\n\nJupiter: Right."
    assert mc.source == "Jupiter is the largest planet."
    ms = by_id(constructs, "two-in-the-tomb")
    assert (ms.type, ms.answer) == (T.MULTIPLE_SELECT, ("Grant", "Grant's wife"))
    assert ms.prompt == "Who are entombed in Grant's tomb?\nChoose two."  # auto-format
    tf = by_id(constructs, "water")
    assert (tf.type, tf.answer, tf.prompt) == (T.TRUE_FALSE, True, "Is <b> water wet?")
    short = by_id(constructs, "tomb")
    assert (short.answer, short.accept) == ("Grant", ("Ulysses S. Grant",))
    num = by_id(constructs, "born")
    assert (num.answer, num.tolerance, num.unit, num.topic) == (1822, 2, "AD", "Numbers")
    assert by_id(constructs, "capitals").pairs == (("Canada", "Ottawa"), ("Italy", "Rome"))
    assert by_id(constructs, "planets-out").answer == ("Mercury", "Venus", "Earth")


def test_what_is_skipped_or_not_carried_is_reported_with_its_line(constructs) -> None:
    assert [n.render("c.xml") for n in constructs.notes] == [
        "c.xml:9: not carried: embedded file 'jupiter.png' ignored",
        "c.xml:9: not carried: embedded media '@@PLUGINFILE@@/jupiter.png' ignored",
        "c.xml:9: not carried: partial credit (50%) for 'Saturn'; it counts as wrong",
        "c.xml:60: not carried: partial credit (50%) for 'Ulysses'",
        "c.xml:60: not carried: the wildcard answer 'G*nt'",
        "c.xml:72: not carried: partial credit (50%) for 1820",
        "c.xml:80: not carried: the extra unit 'centuries'",
        "c.xml:88: not carried: the extra wrong match 'Paris'",
        "c.xml:101: skipped: an essay question has no answer to check",
        "c.xml:105: skipped: a description is not a question",
        "c.xml:109: skipped: embedded-answer (cloze) questions have no quiz type",
    ]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<quiz><question type="truefalse"><name><text>&lol2;</text></name></question></quiz>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="truefalse"><name><text>&secret;</text></name></question></quiz>
"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE quiz SYSTEM "http://example.invalid/quiz.dtd">
<quiz/>
"""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "h.xml:3:16: entity declaration 'lol' refused: entities can expand"),
        (EXTERNAL_ENTITY, "h.xml:2:60: entity declaration 'secret' refused"),
        (EXTERNAL_DTD, "h.xml:2:56: external reference 'http://example.invalid/quiz.dtd' refused"),
        (b"<quiz><question type='truefalse'>\n</quiz>", "h.xml:2:3: mismatched tag"),
        (b"<?xml version='1.0'?>\n<other/>", "h.xml:2:0: the top element is <other>, not <quiz>"),
        (b"", "h.xml:1:1: no element found"),
    ],
)
def test_hostile_or_malformed_xml_is_refused_with_a_located_error(
    data: bytes, message: str
) -> None:
    result = read_moodle_xml(data, "h.xml")
    assert result.questions == []
    assert len(result.problems) == 1
    assert str(result.problems[0]).startswith(message)


def test_output_follows_the_documented_structure() -> None:
    bank = load_bank(BANKS / "ui_all_types.yaml", use_cache=False)
    root = parse(write_moodle_xml(bank).text.encode("utf-8"))  # well-formed XML
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert [q.attrs["type"] for q in questions] == [
        "category",
        "multichoice",
        "category",
        "truefalse",
        "multichoice",
        "category",
        "shortanswer",
        "category",
        "numerical",
        "category",
        "ordering",
        "matching",
    ]
    assert questions[0].find("category").child_text("text") == "$course$/top/History"
    for q in questions:
        if q.attrs["type"] == "category":
            continue
        assert q.find("name").child_text("text")
        assert q.find("questiontext").attrs["format"] == "html"
        assert q.find("questiontext").find("text") is not None
        assert q.find("generalfeedback") is not None
    single = questions[1]
    assert single.child_text("single") == "true"
    assert [a.attrs["fraction"] for a in single.findall("answer")] == ["100", "0", "0"]
    multi = questions[4]
    assert multi.child_text("single") == "false"
    assert [a.attrs["fraction"] for a in multi.findall("answer")] == ["50", "50", "-100"]
    tf = questions[3]
    assert [(a.child_text("text"), a.attrs["fraction"]) for a in tf.findall("answer")] == [
        ("true", "100"),
        ("false", "0"),
    ]
    numeric = questions[8]
    assert numeric.find("answer").child_text("tolerance") == "0"
    assert numeric.find("units").find("unit").child_text("unit_name") == "nautical miles"
    matching = questions[11]
    assert [s.find("answer").child_text("text") for s in matching.findall("subquestion")] == [
        "Turns every ten seconds",
        "Sounds in fog",
        "Houses the keepers",
    ]


def test_bank_text_stays_literal_in_html(tmp_path: Path) -> None:
    bank_file = tmp_path / "b.yaml"
    bank_file.write_text(
        "id: b\ntitle: B\nquestions:\n"
        "  - {id: x, type: multiple_choice, prompt: 'Is <b>x</b> & ]]> [bold]?',"
        " choices: ['<i>', '&amp;'], answer: '<i>'}\n",
        encoding="utf-8",
    )
    text = write_moodle_xml(load_bank(bank_file, use_cache=False)).text
    assert "<b>x</b>" not in text  # escaped inside the CDATA
    back = read_moodle_xml(text.encode("utf-8"), "x").questions[0]
    assert (back.prompt, back.choices) == ("Is <b>x</b> & ]]> [bold]?", ("<i>", "&amp;"))


@pytest.mark.parametrize(
    "path", [ROOT / "question_bank" / "csto.yaml", BANKS / "ui_all_types.yaml"]
)
def test_yaml_to_moodle_xml_to_yaml_keeps_every_type(path: Path) -> None:
    bank = load_bank(path, use_cache=False)
    back = read_moodle_xml(write_moodle_xml(bank).text.encode("utf-8"), "out.xml")
    assert back.problems == [] and back.notes == []
    assert len(back.questions) == len(bank.questions)
    for before, after in zip(bank.questions, back.questions, strict=True):
        assert kept(after) == kept(before)
        assert (after.accept, after.tolerance, after.unit) == (
            before.accept,
            before.tolerance,
            before.unit,
        )
        assert (after.topic, after.tags) == (before.topic, before.tags)
