"""The cache returns the same bank without parsing, and never trusts a damaged entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import cache, loader
from quiz.bank.loader import load_bank
from quiz.common.errors import BankError

BANK = """\
id: demo
title: Demo
source: {title: Doc, file: doc.txt}
questions:
  - {id: a, type: multiple_choice, prompt: P, choices: [NO, SE], answer: NO,
     source: Formed in 2002.}
  - {id: b, type: multiple_select, prompt: P, choices: [x, y, z], answer: [x, z], tags: [t]}
  - {id: c, type: true_false, prompt: P, answer: false, difficulty: 3}
  - {id: d, type: short_answer, prompt: P, answer: Москва, accept: [Moscow], typos: 0,
     note: Also Moskva.}
  - {id: e, type: numeric, prompt: P, answer: 2.5, tolerance: 0.5, unit: km}
  - {id: f, type: ordering, prompt: P, answer: [one, two]}
  - {id: g, type: matching, prompt: P, answer: {left: right, up: down}, topic: T}
"""


@pytest.fixture
def bank_path(tmp_path: Path) -> Path:
    (tmp_path / "doc.txt").write_text("Formed in 2002.\n", encoding="utf-8")
    path = tmp_path / "bank.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise AssertionError("parsed the YAML although the cache was warm")

    monkeypatch.setattr(loader._BankReader, "read", fail)


def test_warm_cache_gives_an_equal_bank_without_parsing(
    bank_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = load_bank(bank_path)
    _no_parsing(monkeypatch)
    warm = load_bank(bank_path)
    assert warm == cold
    assert [q.__dict__ for q in warm.questions] == [q.__dict__ for q in cold.questions]
    assert warm.source is not None and warm.source.text == "Formed in 2002.\n"
    assert hash(warm.questions[6]) == hash(cold.questions[6])


def test_no_cache_neither_reads_nor_writes(bank_path: Path) -> None:
    load_bank(bank_path, use_cache=False)
    assert not cache.entry_path(bank_path.read_bytes()).exists()


def test_changed_source_document_invalidates(bank_path: Path) -> None:
    load_bank(bank_path)
    (bank_path.parent / "doc.txt").write_text("Something else entirely.\n", encoding="utf-8")
    with pytest.raises(BankError, match="source quote not found"):
        load_bank(bank_path)


def test_changed_bank_is_parsed_again(bank_path: Path) -> None:
    load_bank(bank_path)
    bank_path.write_text(BANK.replace("title: Demo", "title: Changed"), encoding="utf-8")
    assert load_bank(bank_path).title == "Changed"


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],
        lambda raw: raw.replace(b'"title":"Demo"', b'"title":"Evil"'),
        lambda raw: b"not json at all",
        lambda raw: b"",
    ],
)
def test_damaged_entry_is_ignored_and_rebuilt(bank_path: Path, damage) -> None:
    load_bank(bank_path)
    entry = cache.entry_path(bank_path.read_bytes())
    entry.write_bytes(damage(entry.read_bytes()))
    assert load_bank(bank_path).title == "Demo"
    assert cache.lookup(bank_path, bank_path.read_bytes()) is not None  # rebuilt


def test_wrong_shape_with_valid_checksum_is_ignored(bank_path: Path) -> None:
    import hashlib

    load_bank(bank_path)
    entry = cache.entry_path(bank_path.read_bytes())
    payload = b'{"id": 1}'
    entry.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    assert cache.lookup(bank_path, bank_path.read_bytes()) is None
    assert load_bank(bank_path).id == "demo"


def test_unwritable_cache_dir_is_harmless(
    bank_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(blocker))
    assert load_bank(bank_path).id == "demo"


def test_no_temporary_files_left_behind(bank_path: Path) -> None:
    load_bank(bank_path)
    folder = cache.entry_path(b"").parent
    assert [p.suffix for p in folder.iterdir()] == [".json"]
    assert not any(p.name.startswith(".tmp-") for p in folder.iterdir())


def test_a_warm_source_document_reads_as_the_cold_one(
    bank_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (bank_path.parent / "doc.txt").write_bytes(b"\xef\xbb\xbfFormed in 2002.\r\nSince.\r\n")
    cold = load_bank(bank_path)
    _no_parsing(monkeypatch)
    warm = load_bank(bank_path)
    assert warm.source == cold.source
    assert warm.source is not None and warm.source.text == "Formed in 2002.\nSince.\n"


def test_an_entry_belongs_to_one_cache_format(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.entry_path(b"id: a\n")
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    after = cache.entry_path(b"id: a\n")
    assert before != after
    assert before.parent == after.parent


def test_a_bank_without_a_source_is_served_warm_as_it_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text(
        "id: plain\ntitle: Plain\ndescription: No document behind it.\nquestions:\n"
        "  - {id: a, type: true_false, prompt: P, answer: true}\n",
        encoding="utf-8",
    )
    cold = load_bank(path)
    _no_parsing(monkeypatch)
    warm = load_bank(path)
    assert warm == cold
    assert (warm.description, warm.source) == ("No document behind it.", None)
