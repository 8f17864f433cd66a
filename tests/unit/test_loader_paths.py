"""Which files a list of paths loads, each once, and what a path that cannot be a bank says."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from quiz.bank import cache, loader
from quiz.bank.loader import bank_files, load_bank, load_banks
from quiz.common.errors import BankError, Problem, UsageError

TF = "  - {id: q, type: true_false, prompt: P, answer: true}\n"


def bank(folder: Path, name: str, bank_id: str = "demo", body: str = TF) -> Path:
    path = folder / name
    path.write_text(f"id: {bank_id}\ntitle: T\nquestions:\n{body}", encoding="utf-8")
    return path


def test_a_folder_gives_its_bank_files_sorted_and_each_file_once(tmp_path: Path) -> None:
    b = bank(tmp_path, "b.yml")
    a = bank(tmp_path, "a.yaml")
    (tmp_path / "notes.txt").write_text("not a bank")
    (tmp_path / "c.yaml").mkdir()  # a folder named like a bank is not one
    other = bank(tmp_path, "other.txt")
    again = tmp_path / "sub" / ".." / "b.yml"
    (tmp_path / "sub").mkdir()
    assert bank_files([other, tmp_path, again, a]) == [other, a, b]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.yaml", "quiz: no such file or folder: {path}"),
        ("empty", "quiz: no .yaml or .yml bank files in folder {path}"),
    ],
)
def test_a_path_that_names_no_bank_is_a_usage_error(
    tmp_path: Path, name: str, message: str
) -> None:
    path = tmp_path / name
    if name == "empty":
        path.mkdir()
        (path / "readme.txt").write_text("x")
    with pytest.raises(UsageError) as caught:
        load_banks([path])
    assert str(caught.value) == message.format(path=path)
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: None, "quiz: no such file: {path}"),
        (lambda path: path.mkdir(), "quiz: {path} is a folder; name a bank file"),
    ],
    ids=["missing", "folder"],
)
def test_load_bank_on_a_path_that_is_no_file_is_a_usage_error(
    tmp_path: Path, make, message: str
) -> None:
    path = tmp_path / "bank.yaml"
    make(path)
    with pytest.raises(UsageError) as caught:
        load_bank(path)
    assert str(caught.value) == message.format(path=path)


def test_a_read_error_without_a_reason_code_gives_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = bank(tmp_path, "bank.yaml")

    def fail(file: Path, limit: int, what: str) -> bytes:
        raise OSError("the disk went away")

    monkeypatch.setattr(loader, "read_regular", fail)
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert caught.value.problems == [
        Problem(path, 0, 0, "cannot read this file: the disk went away")
    ]


def test_a_bank_id_used_twice_names_the_first_file_and_the_rest_still_checked(
    tmp_path: Path,
) -> None:
    first = bank(tmp_path, "a.yaml")
    second = bank(tmp_path, "b.yaml")
    third = bank(tmp_path, "c.yaml", "other", TF.replace("true}", "maybe}"))
    with pytest.raises(BankError) as caught:
        load_banks([tmp_path], use_cache=False)
    assert caught.value.problems == [
        Problem(
            second, 0, 0, f"bank id 'demo' is already used by {first}; give each bank its own id"
        ),
        Problem(
            third,
            4,
            50,
            "the answer of a true_false question must be true or false, not 'maybe'",
            "q",
        ),
    ]


def test_an_empty_bank_is_a_problem_of_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text("# to do\n", encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(path, use_cache=False)
    assert caught.value.problems == [
        Problem(path, 0, 0, "the bank is empty; see docs/bank-format.md for an example")
    ]


@pytest.mark.parametrize("use_cache", [True, False, None], ids=["cached", "not-cached", "default"])
def test_load_banks_caches_unless_told_not_to(tmp_path: Path, use_cache: bool | None) -> None:
    path = bank(tmp_path, "bank.yaml")
    kwargs = {} if use_cache is None else {"use_cache": use_cache}
    assert [b.id for b in load_banks([path], **kwargs)] == ["demo"]
    assert cache.entry_path(path.read_bytes()).exists() is (use_cache is not False)


def test_banks_load_in_the_order_named(tmp_path: Path) -> None:
    b = bank(tmp_path, "b.yaml", "bee")
    a = bank(tmp_path, "a.yaml", "ay")
    assert [x.id for x in load_banks([b, a], use_cache=False)] == ["bee", "ay"]


def test_problems_are_listed_by_line_then_column(tmp_path: Path) -> None:
    # The YAML reader finds the duplicate key before the loader reads the type.
    body = "  - id: q\n    type: bogus\n    prompt: P\n    answer: x\n    prompt: again\n"
    path = bank(tmp_path, "bank.yaml", body=body)
    with pytest.raises(BankError) as caught:
        load_bank(path, use_cache=False)
    assert [(p.line, p.column) for p in caught.value.problems] == [(5, 11), (8, 5)]


def test_every_repeat_of_a_question_id_points_at_the_first(tmp_path: Path) -> None:
    body = TF + TF + TF + TF.replace("id: q", "id: r").replace("true}", "maybe}")
    path = bank(tmp_path, "bank.yaml", body=body)
    with pytest.raises(BankError) as caught:
        load_bank(path, use_cache=False)
    assert [str(p).removeprefix(f"{path}:") for p in caught.value.problems] == [
        "5:10: question id 'q' is already used at line 4; ids must be unique in a bank [q]",
        "6:10: question id 'q' is already used at line 4; ids must be unique in a bank [q]",
        "7:50: the answer of a true_false question must be true or false, not 'maybe' [r]",
    ]


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path, enabled: bool) -> None:
    path = bank(tmp_path, "bank.yaml")
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        load_bank(path, use_cache=False)
        assert gc.isenabled() is enabled
        with pytest.raises(BankError):
            load_bank(bank(tmp_path, "bad.yaml", body="  - x\n"), use_cache=False)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
