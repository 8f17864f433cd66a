"""`quiz convert` in-process: files written, refused, reported; imported banks pass check."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.exchange.formats import MAX_BYTES
from quiz.main import main
from tests.helpers import BANKS, ROOT

GIFT = BANKS / "exchange" / "constructs.gift"
XML = BANKS / "exchange" / "constructs.xml"
CSTO = ROOT / "question_bank" / "csto.yaml"
CSTO_DOC = ROOT / "question_bank" / "sources" / "csto.txt"


def test_gift_to_yaml_writes_a_bank_that_passes_check(tmp_path: Path, capsys) -> None:
    out = tmp_path / "grant.yaml"
    assert main(["convert", str(GIFT), str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{GIFT}:68: skipped: an essay question has no answer to check" in err
    assert f"{GIFT}:45: not carried: the extra wrong match 'Paris'" in err
    assert err.endswith(f"Wrote 18 questions to {out} (2 skipped)\n")
    assert main(["check", "--no-cache", str(out)]) == 0
    bank = load_bank(out, use_cache=False)
    assert bank.id == "grant" and len(bank.questions) == 18


def test_moodle_xml_to_yaml_passes_check(tmp_path: Path, capsys) -> None:
    out = tmp_path / "moodle.yaml"
    assert main(["convert", str(XML), str(out)]) == 0
    assert "Wrote 7 questions" in capsys.readouterr().err
    assert main(["check", "--no-cache", str(out)]) == 0


def test_an_existing_output_is_kept_unless_forced(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.gift"
    out.write_text("keep me", encoding="utf-8")
    assert main(["convert", str(CSTO), str(out)]) == 1
    assert capsys.readouterr().err == f"{out}: already exists; add --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["convert", str(CSTO), str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("// Collective Security Treaty")


def test_malformed_gift_reports_every_problem_and_writes_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.gift"
    bad.write_text("::A::Open {=a ~b\n\n::B::Fine? {T}\n\n::C::Stray } brace {T}\n", "utf-8")
    out = tmp_path / "out.yaml"
    assert main(["convert", str(bad), str(out)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"{bad}:1:11: unbalanced braces: '{{' without its '}}' (escape a literal one as \\{{)",
        f"{bad}:5:12: unbalanced braces: '}}' without its '{{' (escape a literal one as \\{{)",
    ]
    assert "Traceback" not in err and not out.exists()


def test_file_text_in_messages_has_control_characters_made_visible(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "esc.gift"
    bad.write_text("::A::Match {=x -> y =z\x1b[31m}\n\n::B\x07::Essay {}\n", "utf-8")
    assert main(["convert", str(bad), str(tmp_path / "o.yaml")]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "matching pair 'z\\x1b[31m' has no '->'" in err


def test_xml_bombs_are_refused_without_writing(tmp_path: Path, capsys) -> None:
    bomb = tmp_path / "bomb.xml"
    entities = "".join(
        f'<!ENTITY e{n} "{"".join(f"&e{n - 1};" for _ in range(10))}">' for n in range(1, 10)
    )
    bomb.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY e0 "ha">{entities}]>\n<quiz>&e9;</quiz>',
        encoding="utf-8",
    )
    out = tmp_path / "out.yaml"
    assert main(["convert", str(bomb), str(out)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"{bomb}:2:29: entity declaration 'e0' refused: entities can expand without bound\n"
    )
    assert not out.exists()


def test_a_file_over_the_size_cap_is_refused_unread(tmp_path: Path, capsys) -> None:
    huge = tmp_path / "huge.gift"
    with huge.open("wb") as handle:  # 50 MB, sparse: nothing is held in memory
        handle.truncate(50 * 1024 * 1024)
    assert main(["convert", str(huge), str(tmp_path / "out.yaml")]) == 1
    limit = MAX_BYTES // (1024 * 1024)
    assert capsys.readouterr().err == (
        f"{huge}: 50.0 MB is more than the {limit} MB a converted file may have; "
        "split it into smaller files\n"
    )


def test_not_utf8_is_located(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "latin.gift"
    bad.write_bytes("::A::Caf\u00e9? {T}\n".encode("latin-1"))
    assert main(["convert", str(bad), str(tmp_path / "o.yaml")]) == 1
    assert capsys.readouterr().err == (
        f"{bad}:1:9: byte 0xE9 is not UTF-8; save the file with UTF-8 encoding\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere.gift", "o.yaml"], "quiz: no such file: nowhere.gift\n"),
        (
            ["{csto}", "o.doc"],
            "quiz: cannot tell the format to write from o.doc; say --to FORMAT\n",
        ),
        (["{csto}", "{csto}"], "quiz: OUTPUT must be another file than SOURCE\n"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, monkeypatch, capsys, args, message) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["convert", *(a.replace("{csto}", str(CSTO)) for a in args)]) == 2
    assert capsys.readouterr().err == message


def test_apkg_is_written_not_read(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["convert", str(CSTO), str(tmp_path / "o.yaml"), "--from", "apkg"])
    assert exc.value.code == 2
    assert "argument --from: invalid choice: 'apkg'" in capsys.readouterr().err
    deck = tmp_path / "csto.apkg"
    assert main(["convert", str(CSTO), str(deck)]) == 0
    assert deck.read_bytes()[:2] == b"PK"  # a zip, as Anki expects


def test_a_txt_file_is_read_by_its_content(tmp_path: Path, capsys) -> None:
    gift = tmp_path / "moodle-export.txt"
    gift.write_text("::Q::Is it GIFT? {T}\n", encoding="utf-8")
    anki = tmp_path / "deck.txt"
    anki.write_text("#separator:tab\nFront\tBack\n", encoding="utf-8")
    assert main(["convert", str(gift), str(tmp_path / "a.yaml")]) == 0
    assert main(["convert", str(anki), str(tmp_path / "b.yaml")]) == 0
    assert load_bank(tmp_path / "a.yaml", use_cache=False).questions[0].type.value == "true_false"
    assert load_bank(tmp_path / "b.yaml", use_cache=False).questions[0].answer == "Back"


def test_citing_on_import_copies_the_document_and_verifies_every_quote(
    tmp_path: Path, capsys
) -> None:
    gift = tmp_path / "csto.gift"
    assert main(["convert", str(CSTO), str(gift)]) == 0
    stripped = tmp_path / "noquotes.gift"
    quotes = re.compile(r"(\\n\\n)?Source\\: “[^”]*”")
    stripped.write_text(quotes.sub("", gift.read_text(encoding="utf-8")), encoding="utf-8")
    assert "Source" not in stripped.read_text(encoding="utf-8")
    out_dir = tmp_path / "bank"
    out_dir.mkdir()
    capsys.readouterr()
    out = out_dir / "csto.yaml"
    assert main(["convert", str(stripped), str(out), "--document", str(CSTO_DOC)]) == 0
    err = capsys.readouterr().err
    assert (out_dir / "sources" / "csto.txt").read_bytes() == CSTO_DOC.read_bytes()
    bank = load_bank(out, use_cache=False)  # every quote is checked against the document
    assert bank.source is not None and bank.source.file == "sources/csto.txt"
    cited = [q for q in bank.questions if q.source]
    unsupported = [line for line in err.splitlines() if "no supporting passage" in line]
    assert len(cited) + len(unsupported) == len(bank.questions) == 45
    assert 3 * len(cited) >= 2 * len(bank.questions)  # two in three found again
    assert f"Cited {len(cited)} questions from csto.txt" in err
    assert main(["check", "--no-cache", str(out)]) == 0


def test_quotes_already_in_the_document_are_kept(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "src"
    shutil.copytree(ROOT / "question_bank", folder)
    xml = tmp_path / "csto.xml"
    assert main(["convert", str(folder / "csto.yaml"), str(xml)]) == 0
    out = tmp_path / "again.yaml"
    assert main(["convert", str(xml), str(out), "--document", str(CSTO_DOC)]) == 0
    before = load_bank(CSTO, use_cache=False)
    after = load_bank(out, use_cache=False)
    assert [q.source for q in after.questions] == [q.source for q in before.questions]
    assert "Cited 45 questions from csto.txt; 0 questions without" in capsys.readouterr().err
