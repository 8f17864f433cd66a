"""Any input, however broken, gives questions, notes or located problems: never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.exchange.anki.txt import read_anki_txt
from quiz.exchange.gift.read import read_gift
from quiz.exchange.moodle.read import read_moodle_xml

GIFT_PIECES = st.sampled_from(
    [
        "::",
        "{",
        "}",
        "=",
        "~",
        "#",
        "####",
        "->",
        "%50%",
        "%-100%",
        "\\",
        ":",
        "..",
        "\n",
        "\n\n",
        "//",
        "$CATEGORY:",
        "[html]",
        "<b>",
        "&amp;",
        "T",
        "FALSE",
        "#3",
        "1",
        " ",
        "a",
        ">0 ALL",
        "*",
        "\x00",
        "é",
    ]
)
XML_PIECES = st.sampled_from(
    [
        "<quiz>",
        "</quiz>",
        '<question type="multichoice">',
        '<question type="numerical">',
        '<question type="matching">',
        '<question type="ordering">',
        "</question>",
        '<answer fraction="100">',
        '<answer fraction="x">',
        "</answer>",
        "<text>",
        "</text>",
        "<subquestion>",
        "</subquestion>",
        "<single>false</single>",
        "<![CDATA[<p>a</p>]]>",
        "<questiontext>",
        "</questiontext>",
        "<name>",
        "</name>",
        "a",
        "&amp;",
        "<tolerance>",
        "</tolerance>",
        "1",
        "<!DOCTYPE quiz>",
        "<units><unit><unit_name>m</unit_name></unit></units>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(GIFT_PIECES, max_size=40).map("".join))
def test_gift_reader_never_raises(text: str) -> None:
    result = read_gift(text, "f.gift")
    assert all(p.line >= 1 for p in result.problems)


@settings(max_examples=300, deadline=None)
@given(st.lists(XML_PIECES, max_size=40).map("".join))
def test_moodle_reader_never_raises(text: str) -> None:
    read_moodle_xml(text.encode("utf-8"), "f.xml")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('\t;,"\n#ab<>&1 :'), max_size=80))
def test_anki_reader_never_raises(text: str) -> None:
    read_anki_txt(text, "f.txt")
