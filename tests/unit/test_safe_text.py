"""Terminal-safe and spreadsheet-safe text: nothing a stranger typed is sent raw."""

from __future__ import annotations

import io
import json

import pytest

from quiz.common.safe_text import VisibleWriter, csv_cell, json_safe, visible

HOSTILE = [
    "Eve\x1b]52;c;eA==\x07",  # OSC 52: set the clipboard
    "\x1b[2J\x1b[H",  # clear the screen
    "\x9b31m",  # C1 CSI
    "\x90q\x9c",  # C1 DCS ... ST
    "a\x00b\x7fc",
    "\u202eevil\u202c",  # right-to-left override
    "x\u2066y\u2069",
    "line\u2028sep",
    "bad \ud800 surrogate",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_control_or_reordering_character_survives(text: str) -> None:
    shown = visible(text)
    assert all(not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) for c in shown if c not in "\n\t")
    assert not set(shown) & set("\u202e\u202c\u2066\u2069\u2028\ud800")
    shown.encode("utf-8")  # printable on any UTF-8 terminal


def test_escapes_read_like_python_escapes() -> None:
    assert visible("Eve\x1b]52;c;eA==\x07") == "Eve\\x1b]52;c;eA==\\x07"
    assert visible("\u202eabc") == "\\u202eabc"
    assert visible("\x9b") == "\\x9b"


def test_newline_and_tab_are_kept_only_where_layout_needs_them() -> None:
    assert visible("a\nb\tc") == "a\nb\tc"
    assert visible("a\nb\tc", keep_newlines=False) == "a\\x0ab\\x09c"
    assert visible("a\r\nb") == "a\\x0d\nb"


def test_ordinary_text_is_unchanged() -> None:
    text = "Ana María — 東京, «quoted», 3 × 4 = 12 ✓"
    assert visible(text) == text
    assert visible(text, keep_newlines=False) == text


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_would_be_formulas_are_quoted(start: str) -> None:
    cell = csv_cell(f'{start}HYPERLINK("http://x","y")')
    assert cell.startswith("'")
    assert "\r" not in cell


def test_csv_cells_keep_ordinary_values() -> None:
    assert csv_cell("Paris") == "Paris"
    assert csv_cell(3) == "3"
    assert csv_cell(0.5) == "0.5"
    assert csv_cell(None) == ""
    assert csv_cell("two\nlines") == "two\nlines"
    assert csv_cell("Eve\x1b[2J") == "Eve\\x1b[2J"


def test_json_safe_keeps_the_data_and_drops_the_raw_characters() -> None:
    data = {"name": "Eve\u202e\x9b", "answer": "x\x1b"}
    text = json_safe(json.dumps(data, ensure_ascii=False))
    assert "\u202e" not in text and "\x9b" not in text and "\x1b" not in text
    assert json.loads(text) == data


def test_csv_cells_keep_booleans_as_words() -> None:
    assert (csv_cell(True), csv_cell(False)) == ("True", "False")
    assert csv_cell(-3) == "-3"  # a number, not a formula


def test_a_visible_writer_shows_what_it_passes_on() -> None:
    out = io.StringIO()
    writer = VisibleWriter(out)
    assert writer.write("Eve\x1b]52;c;eA==\x07\n") == len("Eve\\x1b]52;c;eA==\\x07\n")
    writer.flush()
    assert out.getvalue() == "Eve\\x1b]52;c;eA==\\x07\n"


@pytest.mark.parametrize(
    ("char", "shown"), [("\x7f", "\\x7f"), ("\x9b", "\\x9b"), ("\u202e", "\\u202e")]
)
def test_escapes_take_two_or_four_hex_digits(char: str, shown: str) -> None:
    assert visible(f"a{char}b") == f"a{shown}b"
