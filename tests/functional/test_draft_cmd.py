"""`quiz draft` in-process: what it writes, where the document goes, and what it refuses."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from quiz.main import main
from tests.helpers.drafts import CSTO


@pytest.fixture
def banks(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    return folder


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    return Path(shutil.copy(CSTO, folder / "csto.txt"))


def test_draft_then_check_passes_and_the_document_is_copied_beside_the_bank(
    tmp_path: Path, doc: Path, capsys
) -> None:
    out = tmp_path / "banks" / "csto-draft.yaml"
    out.parent.mkdir()
    assert main(["draft", str(doc), "--output", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Wrote" in printed and "questions" in printed and "quiz check" in printed
    copy = out.parent / "sources" / "csto.txt"
    assert copy.read_bytes() == doc.read_bytes()
    assert "file: sources/csto.txt" in out.read_text(encoding="utf-8")
    assert main(["check", "--no-cache", str(out)]) == 0
    assert "Coverage: 100%" in capsys.readouterr().out


def test_a_document_inside_the_banks_folder_is_named_where_it_is(tmp_path: Path, doc: Path) -> None:
    out = doc.parent.parent / "bank.yaml"
    assert main(["draft", str(doc), "--output", str(out)]) == 0
    assert "file: docs/csto.txt" in out.read_text(encoding="utf-8")
    assert not (out.parent / "sources").exists()
    assert main(["check", "--no-cache", str(out)]) == 0


def test_a_different_file_of_the_same_name_in_sources_is_left_alone(banks: Path, doc: Path) -> None:
    (banks / "sources").mkdir()
    other = banks / "sources" / "csto.txt"
    other.write_text("Someone else's notes.\n", encoding="utf-8")
    out = banks / "draft.yaml"
    assert main(["draft", str(doc), "--output", str(out)]) == 0
    assert other.read_text(encoding="utf-8") == "Someone else's notes.\n"
    assert "file: sources/csto-2.txt" in out.read_text(encoding="utf-8")
    assert main(["check", "--no-cache", str(out)]) == 0


def test_an_existing_output_is_kept_without_force_and_replaced_with_it(
    tmp_path: Path, doc: Path, capsys
) -> None:
    out = tmp_path / "draft.yaml"
    out.write_text("my edited bank\n", encoding="utf-8")
    assert main(["draft", str(doc), "--output", str(out)]) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my edited bank\n"
    assert main(["draft", str(doc), "--output", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# DRAFT")


def test_options_set_id_title_and_size(banks: Path, doc: Path, capsys) -> None:
    out = banks / "draft.yaml"
    args = ["draft", str(doc), "--output", str(out), "--id", "my-csto", "--title", "Mine"]
    assert main([*args, "--max", "12", "--seed", "S1"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "id: my-csto\ntitle: Mine\n" in text
    assert text.count("\n- id: ") == 12
    with pytest.raises(SystemExit) as usage:
        main(["draft", str(doc), "--id", "Not An Id"])
    assert usage.value.code == 2
    assert "is not a bank id" in capsys.readouterr().err


def test_the_default_output_is_the_documents_name_in_the_current_folder(
    tmp_path: Path, doc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["draft", str(doc)]) == 0
    assert (tmp_path / "csto.yaml").is_file()
    assert main(["check", "--no-cache", "csto.yaml"]) == 0


def test_the_files_follow_the_umask(banks: Path, doc: Path) -> None:
    old = os.umask(0o022)
    try:
        out = banks / "draft.yaml"
        assert main(["draft", str(doc), "--output", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert stat.S_IMODE((banks / "sources" / "csto.txt").stat().st_mode) == 0o644


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02binary", "looks like a binary file"),
        (b"Caf\xe9 au lait.\n", "not UTF-8"),
        (b"\n\n", "the document is empty"),
    ],
)
def test_bad_documents_are_refused_with_the_file_named_and_nothing_written(
    tmp_path: Path, capsys, data: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    out = tmp_path / "bad.yaml"
    assert main(["draft", str(bad), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert message in err and "bad.txt" in err and "Traceback" not in err
    assert not out.exists() and not (tmp_path / "sources").exists()


def test_a_missing_document_or_folder_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["draft", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["draft", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_an_output_in_a_missing_folder_or_over_the_document_is_refused(
    tmp_path: Path, doc: Path, capsys
) -> None:
    assert main(["draft", str(doc), "--output", str(tmp_path / "nope" / "x.yaml")]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert main(["draft", str(doc), "--output", str(doc), "--force"]) == 2
    assert "is the document itself" in capsys.readouterr().err
    assert doc.read_bytes() == CSTO.read_bytes()
