"""Source quotes are found despite typography and line wrapping, and not despite wording."""

from __future__ import annotations

import pytest

from quiz.bank.quotes import closest_passage, find_quote, missing_part, normalise_for_quote

DOC = (
    "The alliance was formed in 2002.\n"
    "In 2009, Belarus boycotted the summit due to the “Milk War” with Russia.\n"
    "It’s based in Moscow — the capital.\n"
)


def test_normalise_collapses_whitespace_and_typography() -> None:
    assert normalise_for_quote("  “It’s”\n\t– fine…  ") == '"It\'s" - fine...'


def test_straight_quotes_find_curly_ones() -> None:
    assert find_quote(DOC, 'due to the "Milk War" with Russia')
    assert find_quote(DOC, "It's based in Moscow - the capital.")


def test_line_wrapping_in_either_text_does_not_matter() -> None:
    assert find_quote(DOC, "formed in 2002. In 2009,\n   Belarus")


def test_different_wording_is_not_found() -> None:
    assert not find_quote(DOC, "The alliance was created in 2002.")
    assert not find_quote(DOC, "the alliance was formed in 2002.")  # case matters


def test_empty_quote_is_not_found() -> None:
    assert not find_quote(DOC, "   ")


def test_closest_passage_shows_the_real_sentence() -> None:
    assert closest_passage(DOC, "The alliance was created in 2002.") == (
        "The alliance was formed in 2002."
    )


def test_closest_passage_is_bounded() -> None:
    long_doc = "word " * 2000
    shown = closest_passage(long_doc, "word " * 100, limit=50)
    assert shown == " ".join(["word"] * 10) + "…"
    assert len(shown) == 50


@pytest.mark.parametrize(
    ("limit", "shown"),
    [
        (6, "word…"),
        (7, "word w…"),
        (11, "word word…"),
        (14, "word word word"),
        (13, "word word wo…"),
    ],
)
def test_a_clipped_passage_ends_in_an_ellipsis_without_a_dangling_space(
    limit: int, shown: str
) -> None:
    assert closest_passage("word word word", "word word word and more", limit=limit) == shown


def test_a_quote_longer_than_its_document_shows_the_whole_document() -> None:
    assert closest_passage("It was formed.", "It was formed in 2002 by six states.") == (
        "It was formed."
    )
    assert closest_passage("It was formed.", "It was formed.") == "It was formed."


def test_closest_passage_widens_to_whole_words() -> None:
    assert closest_passage(DOC, "liance was form") == "alliance was formed"
    assert closest_passage(DOC, "Moscow — the cap") == "Moscow - the capital."


def test_closest_passage_of_an_empty_quote() -> None:
    assert closest_passage(DOC, " \n ") == ""


def test_closest_passage_of_empty_document() -> None:
    assert closest_passage("", "anything") == ""


def test_an_ellipsis_joins_pieces_quoted_in_order() -> None:
    doc = "It was formed in 2009. Its purpose is to fight. Major events\n\n• In 2009, a boycott."
    assert find_quote(doc, "It was formed in 2009. … In 2009, a boycott.")
    assert find_quote(doc, "It was formed in 2009. ... In 2009, a boycott.")
    # pieces out of order, or a piece that is not there, are not a quote
    assert not find_quote(doc, "In 2009, a boycott. … It was formed in 2009.")
    assert not find_quote(doc, "It was formed in 2009. … In 2010, a boycott.")


def test_the_first_piece_is_found_at_its_first_place() -> None:
    # "cat" is before and after "dog": the quote's order holds from the first "cat".
    assert find_quote("cat dog cat", "cat … dog")
    assert missing_part("cat dog cat", "cat … dog") is None


def test_the_next_piece_is_looked_for_after_the_whole_previous_one() -> None:
    assert find_quote("Treaty1992", "Treaty … 1992")  # right after, no gap
    assert missing_part("It was formed in 2002", "formed in 2002 … 2") == "2"
    assert missing_part("It was formed.", "formed … formed") == "formed"


def test_missing_part_names_the_piece_not_found() -> None:
    doc = "It was formed in 2009. In 2009, a boycott."
    assert (
        missing_part(doc, "It was formed in 2009. … In 2010, a boycott.") == "In 2010, a boycott."
    )
    assert missing_part(doc, "It was founded … In 2009") == "It was founded"
    assert missing_part(doc, "  ") == ""
    assert missing_part(doc, " … ") == "..."


@pytest.mark.parametrize("mark", ["‘", "’", "‚", "‛", "′", "`", "“", "”", "„", "‟", "″", "«", "»"])
def test_every_quote_mark_reads_as_a_straight_one(mark: str) -> None:
    plain = "'" if mark in "‘’‚‛′`" else '"'
    assert normalise_for_quote(f"a{mark}b") == f"a{plain}b"


@pytest.mark.parametrize("dash", ["‐", "‑", "‒", "–", "—", "―", "−"])
def test_every_dash_reads_as_a_hyphen(dash: str) -> None:
    assert normalise_for_quote(f"a {dash} b") == "a - b"


def test_widening_stops_at_the_ends_of_the_document() -> None:
    doc = "alliance was formed in 2002 by six states, and it still meets in Moscow"
    assert closest_passage(doc, "liance was formed") == "alliance was formed"
    assert closest_passage(doc, "still meets in Mosc") == "still meets in Moscow"


def test_widening_walks_back_and_forward_one_letter_at_a_time() -> None:
    doc = "The alliance was formed in 2002 by six"
    assert closest_passage(doc, "iance was formed") == "alliance was formed"
    assert closest_passage(doc, "alliance was for") == "alliance was formed"
    assert closest_passage(doc, "e alliance was formed in 20") == "The alliance was formed in 2002"


def test_a_quote_as_long_as_its_document_shows_the_document() -> None:
    assert closest_passage("xyz abc", "abc xyz") == "xyz abc"


def test_a_passage_is_at_most_200_characters_unless_told() -> None:
    shown = closest_passage("word " * 2000, "word " * 100)
    assert len(shown) == 200 and shown.endswith("word…")
    assert closest_passage("x" * 1000, "x" * 300) == "x" * 199 + "…"
