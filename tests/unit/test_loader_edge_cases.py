"""What must load as written, and what YAML would accept silently but a bank must not."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.yamlnodes import parse
from quiz.common.errors import BankError

HEADER = "id: demo\ntitle: Demo\nquestions:\n"


def load(folder: Path, text: str, *, encoding: str = "utf-8"):
    path = folder / "bank.yaml"
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return load_bank(path, use_cache=False)


def problems(folder: Path, data: bytes) -> list[str]:
    path = folder / "bank.yaml"
    path.write_bytes(data)
    with pytest.raises(BankError) as info:
        load_bank(path, use_cache=False)
    return [str(p).removeprefix(f"{path}:") for p in info.value.problems]


def test_ints_as_choices_compare_as_text(tmp_path: Path) -> None:
    body = "  - {id: q, type: multiple_choice, prompt: P, choices: [1992, 2002], answer: 2002}\n"
    q = load(tmp_path, HEADER + body).questions[0]
    assert q.choices == ("1992", "2002")
    assert q.answer == "2002"


def test_norway_stays_no(tmp_path: Path) -> None:
    body = "  - {id: q, type: multiple_choice, prompt: P, choices: [NO, SE, FI], answer: NO}\n"
    q = load(tmp_path, HEADER + body).questions[0]
    assert q.choices == ("NO", "SE", "FI")
    assert q.answer == "NO"


def test_yes_on_and_null_like_words_stay_text(tmp_path: Path) -> None:
    body = "  - {id: q, type: short_answer, prompt: yes, answer: on, accept: [off, 0x10, 1e3]}\n"
    q = load(tmp_path, HEADER + body).questions[0]
    assert (q.prompt, q.answer, q.accept) == ("yes", "on", ("off", "0x10", "1e3"))


def test_cyrillic_and_emoji(tmp_path: Path) -> None:
    body = "  - {id: q, type: short_answer, prompt: Столица? 🏛️, answer: Москва}\n"
    q = load(tmp_path, HEADER + body).questions[0]
    assert (q.prompt, q.answer) == ("Столица? 🏛️", "Москва")


def test_markup_like_text_is_kept(tmp_path: Path) -> None:
    body = '  - {id: q, type: short_answer, prompt: "[bold]Name[/] it", answer: "[/]"}\n'
    q = load(tmp_path, HEADER + body).questions[0]
    assert (q.prompt, q.answer) == ("[bold]Name[/] it", "[/]")


def test_bom_and_crlf(tmp_path: Path) -> None:
    text = HEADER + "  - id: q\n    type: true_false\n    prompt: P\n    answer: true\n"
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    path = tmp_path / "bank.yaml"
    path.write_bytes(data)
    bank = load_bank(path, use_cache=False)
    assert bank.id == "demo"
    assert bank.questions[0].answer is True
    assert bank.questions[0].line == 4


def test_block_scalars_are_trimmed(tmp_path: Path) -> None:
    body = (
        "  - id: q\n    type: short_answer\n"
        "    prompt: |\n      Line one\n      Line two\n    answer: x\n"
    )
    assert load(tmp_path, HEADER + body).questions[0].prompt == "Line one\nLine two"


def test_explicit_str_tag_is_allowed(tmp_path: Path) -> None:
    body = "  - {id: q, type: short_answer, prompt: P, answer: !!str 5}\n"
    assert load(tmp_path, HEADER + body).questions[0].answer == "5"


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    data = (HEADER + "  - id: q\n    prompt: caf").encode() + b"\xe9\n"
    assert problems(tmp_path, data) == [
        "5:16: byte 0xE9 is not UTF-8; save the file with UTF-8 encoding"
    ]


def test_tab_indentation_is_named(tmp_path: Path) -> None:
    data = (HEADER + "  - id: q\n\ttype: true_false\n").encode()
    assert problems(tmp_path, data) == ["5:1: tab used for indentation; indent with spaces"]


def test_syntax_error_is_located_not_raised(tmp_path: Path) -> None:
    data = (HEADER + "  - {id: q, type: true_false\n").encode()
    [found] = problems(tmp_path, data)
    assert found.startswith("5:1: YAML syntax: did not find expected ',' or '}'")


@pytest.mark.parametrize(
    "tag", ["!!python/object/apply:os.system ['echo hi']", "!custom x", "!!binary aGk="]
)
def test_non_core_tags_are_refused(tmp_path: Path, tag: str) -> None:
    data = (HEADER + f"  - {{id: q, type: short_answer, prompt: P, answer: {tag}}}\n").encode()
    found = problems(tmp_path, data)
    assert any(p.startswith("4:52: tag '") and "is not allowed in a bank" in p for p in found)


def test_python_tag_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    data = (HEADER + f"  - !!python/object/apply:os.system ['touch {marker}']\n").encode()
    problems(tmp_path, data)
    assert not marker.exists()


def test_aliases_are_refused_where_written(tmp_path: Path) -> None:
    body = (
        "  - {id: a, type: ordering, prompt: P, answer: &order [x, y]}\n"
        "  - {id: b, type: ordering, prompt: P, answer: *order}\n"
    )
    found = problems(tmp_path, (HEADER + body).encode())
    assert "5:48: aliases (*name) are not allowed in a bank; write the value out in full " in (
        "\n".join(found)
    )


BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_billion_laughs_is_cheap(tmp_path: Path) -> None:
    assert len(BOMB) < 1200  # expands to 9**9 strings if followed
    tracemalloc.start()
    start = time.perf_counter()
    _, found = parse(BOMB, "bomb.yaml")
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 0.5
    assert peak < 2_000_000
    assert len(found) == 72  # one per alias written, not per expansion
    assert all("aliases (*name) are not allowed" in p.message for p in found)


def test_billion_laughs_bank_reports_cleanly(tmp_path: Path) -> None:
    found = problems(tmp_path, (BOMB + "id: d\ntitle: T\nquestions: *i\n").encode())
    assert found[0].startswith("2:8: aliases")


@pytest.mark.parametrize(
    ("data", "at"),
    [
        (b"\xe9id: d\n", "1:1"),
        (b"\n\xe9\n", "2:1"),
        (b"\n\nid: caf\xe9\n", "3:8"),
        (b"\xef\xbb\xbfid: caf\xe9\n", "1:8"),
    ],
    ids=["first-byte", "after-a-leading-blank-line", "third-line", "after-a-bom"],
)
def test_a_byte_that_is_not_utf8_is_located_on_its_own_line(
    tmp_path: Path, data: bytes, at: str
) -> None:
    assert problems(tmp_path, data) == [
        f"{at}: byte 0xE9 is not UTF-8; save the file with UTF-8 encoding"
    ]
