"""A bank's source document must be a regular file inside the bank's folder tree.

Anything else (an absolute path, `..`, a symlink out, a FIFO, a device, a huge
file, a symlink loop, a NUL) is a located problem of that bank that quotes
nothing from the file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.bank import files, loader
from quiz.bank.loader import load_bank, load_banks
from quiz.common.errors import BankError, Problem

SECRET = "TOKEN=ghp_very_secret_value"


def bank_text(source_file: str) -> str:
    return (
        "id: b\ntitle: B\nsource:\n  title: S\n"
        f"  file: {source_file}\n"
        "questions:\n  - id: q\n    type: true_false\n    prompt: P?\n    answer: true\n"
        "    source: not in the file at all\n"
    )


def load_problems(bank: Path, *, use_cache: bool = False) -> str:
    with pytest.raises(BankError) as caught:
        load_bank(bank, use_cache=use_cache)
    return str(caught.value)


@pytest.fixture
def secret_outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(f"{SECRET}\nnot in the file at all\n", encoding="utf-8")
    return secret


def _bank(tmp_path: Path, source_file: str) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir(exist_ok=True)
    bank = folder / "bank.yaml"
    bank.write_text(bank_text(source_file), encoding="utf-8")
    return bank


@pytest.mark.parametrize("use_cache", [False, True])
@pytest.mark.parametrize(
    "name", ["../outside/secret.txt", "ABSOLUTE", "sub/../../outside/secret.txt", "link.txt"]
)
def test_a_source_outside_the_bank_folder_is_refused_and_never_quoted(
    tmp_path: Path, secret_outside: Path, name: str, use_cache: bool
) -> None:
    if name == "ABSOLUTE":
        name = str(secret_outside)
    bank = _bank(tmp_path, name)
    (bank.parent / "link.txt").symlink_to(secret_outside)
    (bank.parent / "sub").mkdir()
    message = load_problems(bank, use_cache=use_cache)
    assert f"{bank}:5:" in message  # located at the file: line
    assert "cannot use source file" in message
    assert SECRET not in message and "ghp_" not in message


def test_etc_passwd_is_refused(tmp_path: Path) -> None:
    message = load_problems(_bank(tmp_path, "../../../../../../../../etc/passwd"))
    assert "inside the bank's folder" in message
    assert "root:" not in message


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    bank = _bank(tmp_path, "pipe.txt")
    os.mkfifo(bank.parent / "pipe.txt")
    assert "not a regular file" in load_problems(bank)


def test_a_device_is_refused(tmp_path: Path) -> None:
    bank = _bank(tmp_path, "zero")
    (bank.parent / "zero").symlink_to("/dev/zero")  # leads outside too; refuse either way
    assert "cannot use source file" in load_problems(bank)
    with pytest.raises(files.FileRefused) as refused:
        files.read_regular(Path("/dev/zero"), 10, "x")
    assert "not a regular file" in str(refused.value)


def test_a_source_over_the_size_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path, "big.txt")
    (bank.parent / "big.txt").write_text("x" * 2000, encoding="utf-8")
    monkeypatch.setattr(files, "MAX_SOURCE_BYTES", 1000)
    assert "larger than" in load_problems(bank)


def test_a_symlink_loop_and_a_nul_are_problems_not_tracebacks(tmp_path: Path) -> None:
    bank = _bank(tmp_path, "loop.txt")
    (bank.parent / "loop.txt").symlink_to(bank.parent / "loop.txt")
    assert "cannot use source file" in load_problems(bank) or "not found" in load_problems(bank)
    bank.write_text(bank_text('"a\\0b.txt"'), encoding="utf-8")
    assert "NUL" in load_problems(bank)


def test_a_source_in_a_subfolder_still_works(tmp_path: Path) -> None:
    bank = _bank(tmp_path, "sources/doc.txt")
    (bank.parent / "sources").mkdir()
    (bank.parent / "sources" / "doc.txt").write_text("not in the file at all\n")
    assert load_bank(bank, use_cache=False).source is not None


def test_a_bank_that_is_a_fifo_is_a_problem_of_that_bank(tmp_path: Path) -> None:
    fifo = tmp_path / "bank.yaml"
    os.mkfifo(fifo)
    with pytest.raises(BankError) as caught:
        load_banks([fifo])
    assert str(caught.value).startswith(f"{fifo}: cannot read this file: ")
    assert "not a regular file" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        (
            "loop.txt",
            lambda folder: (folder / "loop.txt").symlink_to(folder / "loop.txt"),
            "cannot use source file 'loop.txt': the source file name leads to a symlink loop",
        ),
        (
            '"a\\0b.txt"',
            lambda folder: None,
            "cannot use source file 'a\\x00b.txt': the source file name contains a NUL character",
        ),
        (
            "pipe.txt",
            lambda folder: os.mkfifo(folder / "pipe.txt"),
            "cannot use source file 'pipe.txt': "
            "the source file is not a regular file (a pipe, device or socket)",
        ),
        (
            "/etc/passwd",
            lambda folder: None,
            "cannot use source file '/etc/passwd': the source file must be named relative "
            "to the bank's folder, not as an absolute path",
        ),
        (
            "../outside.txt",
            lambda folder: (folder.parent / "outside.txt").write_text("x"),
            "cannot use source file '../outside.txt': "
            "the source file must be inside the bank's folder (or a folder below it)",
        ),
        (".", lambda folder: None, "cannot read source file '.': Is a directory"),
    ],
    ids=["symlink-loop", "nul", "fifo", "absolute", "parent", "the-folder-itself"],
)
def test_each_refused_source_says_why_at_its_file_line(
    tmp_path: Path, name: str, make, reason: str
) -> None:
    bank = _bank(tmp_path, name)
    make(bank.parent)
    assert load_problems(bank) == f"{bank}:5:9: {reason}"


MB = 1024 * 1024


@pytest.mark.parametrize(
    ("size", "reason"),
    [
        (2 * MB, None),
        (2 * MB + 1, "cannot use source file 'big.txt': the source file is larger than 2 MB"),
    ],
)
def test_a_source_may_be_as_large_as_the_cap_and_no_larger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, reason: str | None
) -> None:
    bank = _bank(tmp_path, "big.txt")
    (bank.parent / "big.txt").write_bytes(b"not in the file at all\n".ljust(size, b"x"))
    monkeypatch.setattr(files, "MAX_SOURCE_BYTES", 2 * MB)
    if reason is None:
        source = load_bank(bank, use_cache=False).source
        assert source is not None and source.text is not None and len(source.text) == size
    else:
        assert load_problems(bank) == f"{bank}:5:9: {reason}"


@pytest.mark.parametrize(
    ("size", "refused"), [(MB, False), (MB + 1, True)], ids=["at-the-cap", "over-it"]
)
def test_a_bank_may_be_as_large_as_the_cap_and_no_larger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, refused: bool
) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_bytes(
        bank_text("doc.txt")
        .encode()
        .replace(b"\n    source: not in the file at all", b"")
        .ljust(size, b"\n")
    )
    (tmp_path / "doc.txt").write_text("x")
    monkeypatch.setattr(loader, "MAX_BANK_BYTES", MB)
    if refused:
        with pytest.raises(BankError) as caught:
            load_bank(bank, use_cache=False)
        assert caught.value.problems == [
            Problem(bank, 0, 0, "cannot read this file: the bank file is larger than 1 MB")
        ]
    else:
        assert load_bank(bank, use_cache=False).id == "b"


def test_a_bank_name_with_a_nul_is_a_problem_of_that_name(tmp_path: Path) -> None:
    assert load_problems(Path(f"{tmp_path}/a\0b.yaml")) == (
        f"{tmp_path}/a\\x00b.yaml: cannot read this file: "
        "the bank file name contains a NUL character"
    )


@pytest.mark.skipif(not Path("/proc/self/pagemap").is_file(), reason="needs /proc")
def test_a_file_longer_than_it_claims_is_refused_past_the_cap() -> None:
    # /proc files report a size of 0, as a file growing while read would.
    proc = Path("/proc/self/cmdline")
    data = proc.read_bytes()
    assert files.read_regular(proc, len(data), "source file") == data
    with pytest.raises(files.FileRefused, match=r"^the source file is larger than "):
        files.read_regular(proc, len(data) - 1, "source file")
    # one that would run to hundreds of gigabytes is read only to the cap
    with pytest.raises(files.FileRefused) as refused:
        files.read_regular(Path("/proc/self/pagemap"), MB, "bank file")
    assert str(refused.value) == "the bank file is larger than 1 MB"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_folder_named_as_a_file_is_refused_without_leaving_it_open(tmp_path: Path) -> None:
    bank = _bank(tmp_path, "sub")
    (bank.parent / "sub").mkdir()
    open_before = len(list(Path("/proc/self/fd").iterdir()))
    for _ in range(3):
        assert load_problems(bank) == f"{bank}:5:9: cannot read source file 'sub': Is a directory"
        with pytest.raises(IsADirectoryError):
            files.read_regular(tmp_path, 10, "bank file")
    assert len(list(Path("/proc/self/fd").iterdir())) == open_before
