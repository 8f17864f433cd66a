"""Typed text compares equal however it is cased, spaced, accented or punctuated."""

from __future__ import annotations

import pytest

from quiz.common.textnorm import digit_runs, is_blank, looks_numeric, normalize, strip_diacritics


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Moscow", "moscow"),
        ("  MOSCOW  ", "moscow"),
        ("Kyrgyz   Republic", "kyrgyz republic"),
        ("Kyrgyz-Republic", "kyrgyz republic"),
        ("Kyrgyz\tRepublic\n", "kyrgyz republic"),
        ("U.S.A.", "usa"),
        ("Moscow!", "moscow"),
        ("Bişkek", "biskek"),
        ("Straße", "strasse"),
        ("Işık", "isik"),
        ("ISIK", "isik"),
        ("Łódź", "lodz"),
        ("The Warsaw Pact", "warsaw pact"),
        ("a treaty", "treaty"),
        ("An alliance", "alliance"),
        ("theory", "theory"),  # only a whole leading word is an article
        ("the", "the"),  # an article alone is the answer itself
        ("Ереван", "ереван"),
        ("2,002", "2002"),
        ("2.5", "2.5"),  # a decimal point is not punctuation
    ],
)
def test_normalize(typed: str, expected: str) -> None:
    assert normalize(typed) == expected


def test_composed_and_decomposed_forms_are_equal() -> None:
    assert normalize("Re\u0301union") == normalize("R\u00e9union") == "reunion"


def test_decimal_is_not_its_digits_run_together() -> None:
    assert normalize("2.5") != normalize("25")


def test_strip_diacritics_keeps_base_letters() -> None:
    assert strip_diacritics("Dušanbe, Almaty, Tōkyō") == "Dusanbe, Almaty, Tokyo"


@pytest.mark.parametrize("text", ["", "   ", "?!", None])
def test_blank(text: str | None) -> None:
    assert is_blank(text)


def test_not_blank() -> None:
    assert not is_blank(" x ")


@pytest.mark.parametrize("text", ["2002", " 2,002 ", "-3.5", "10%", "1 000"])
def test_looks_numeric(text: str) -> None:
    assert looks_numeric(text)


@pytest.mark.parametrize("text", ["Moscow", "1992 treaty", "", "CSTO7"])
def test_does_not_look_numeric(text: str) -> None:
    assert not looks_numeric(text)


def test_digit_runs() -> None:
    assert digit_runs("1992 treaty, article 4") == ["1992", "4"]
