"""Banks written as YAML load back to the same questions, whatever their text holds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.loader import load_bank
from quiz.exchange.bank_yaml import bank_to_yaml, block, number, text
from tests.helpers import BANKS, ROOT


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_text_reads_back_as_the_same_text(value: str) -> None:
    assert yaml.safe_load(f"key: {text(value)}\n") == {"key": value}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",))), min_size=2))
def test_multi_line_text_reads_back_as_a_block_or_quoted(lines: list[str]) -> None:
    value = "\n".join(lines)
    written = block(value, "    ") or " " + text(value)
    assert yaml.safe_load(f"key:{written}\nnext: 1\n") == {"key": value, "next": 1}


def test_explanations_over_several_lines_are_written_as_blocks() -> None:
    assert block("One.\n\nTwo.", "    ") == " |-\n    One.\n\n    Two."


@pytest.mark.parametrize("word", ["yes", "No", "true", "null", "2002", "1e3", "- x", "a: b", "#x"])
def test_words_yaml_would_read_as_something_else_are_quoted(word: str) -> None:
    assert text(word).startswith('"')


@pytest.mark.parametrize(("value", "written"), [(2002.0, "2002"), (2.5, "2.5"), (1e-7, "1.0e-07")])
def test_numbers_are_written_as_the_loader_reads_them(value: float, written: str) -> None:
    assert number(value) == written


@pytest.mark.parametrize(
    "path", [ROOT / "question_bank" / "csto.yaml", BANKS / "ui_all_types.yaml"]
)
def test_a_bank_written_as_yaml_loads_back_identical(path: Path, tmp_path: Path) -> None:
    bank = load_bank(path, use_cache=False)
    (tmp_path / "sources").mkdir()
    assert bank.source is not None and bank.source.path is not None
    (tmp_path / bank.source.file).write_bytes(bank.source.path.read_bytes())
    out = tmp_path / "again.yaml"
    out.write_text(bank_to_yaml(bank), encoding="utf-8")
    again = load_bank(out, use_cache=False)
    assert again.questions == bank.questions
    assert (again.id, again.title, again.description) == (bank.id, bank.title, bank.description)
