"""Source quotes are found despite typography and line wrapping, and not despite wording."""

from __future__ import annotations

from quiz.bank.quotes import closest_passage, find_quote, normalise_for_quote

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
    assert len(closest_passage(long_doc, "word " * 100, limit=50)) <= 50


def test_closest_passage_of_empty_document() -> None:
    assert closest_passage("", "anything") == ""


def test_an_ellipsis_joins_pieces_quoted_in_order() -> None:
    doc = "It was formed in 2009. Its purpose is to fight. Major events\n\n• In 2009, a boycott."
    assert find_quote(doc, "It was formed in 2009. … In 2009, a boycott.")
    assert find_quote(doc, "It was formed in 2009. ... In 2009, a boycott.")
    # pieces out of order, or a piece that is not there, are not a quote
    assert not find_quote(doc, "In 2009, a boycott. … It was formed in 2009.")
    assert not find_quote(doc, "It was formed in 2009. … In 2010, a boycott.")
