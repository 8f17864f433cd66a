"""Sentence splitting of source documents, and which sentences a bank's quotes cite."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.coverage import Coverage, coverage, coverage_of, sentences
from quiz.bank.model import Bank, Question, QuestionType, SourceDocument

DOC = """\
The Alliance

The alliance was formed in 1990. Its seat is in Oslo, Norway.

Members

The members are Norway, Denmark. Sweden. Finland, Iceland.

Events

  • In 1995, the alliance held its first summit.
  • In 2001, a \u201cFish War\u201d broke out between two members
    over quotas
"""

DOC_SENTENCES = [
    "The alliance was formed in 1990.",
    "Its seat is in Oslo, Norway.",
    "The members are Norway, Denmark. Sweden. Finland, Iceland.",
    "In 1995, the alliance held its first summit.",
    "In 2001, a \u201cFish War\u201d broke out between two members over quotas",
]


def test_sentences_leave_out_headings_and_bullet_markers() -> None:
    assert sentences(DOC) == DOC_SENTENCES


def test_a_one_line_paragraph_ending_in_a_full_stop_is_a_sentence_not_a_heading() -> None:
    assert sentences("Intro\n\nThe end is near.\n") == ["The end is near."]


def test_sentences_split_on_question_and_exclamation_marks() -> None:
    text = "Is it formed yet? It was formed in 2002! So it is old now."
    assert sentences(text) == ["Is it formed yet?", "It was formed in 2002!", "So it is old now."]


def test_a_sentence_ending_in_a_closing_quote_splits_after_the_quote() -> None:
    text = "They called it \u201cthe Milk War.\u201d Belarus stayed away from the summit."
    assert sentences(text) == [
        "They called it \u201cthe Milk War.\u201d",
        "Belarus stayed away from the summit.",
    ]


def test_short_fragments_join_the_sentence_before_them() -> None:
    text = "Units are from Russia, Tajikistan. Kyrgyzstan. Armenia, Belarus. It was formed in 2009."
    assert sentences(text) == [
        "Units are from Russia, Tajikistan. Kyrgyzstan. Armenia, Belarus.",
        "It was formed in 2009.",
    ]


def test_crlf_bom_and_wrapped_lines_are_handled() -> None:
    text = "\ufeffHeading\r\n\r\nA sentence wrapped\r\nover two lines. Another one here.\r\n"
    assert sentences(text) == ["A sentence wrapped over two lines.", "Another one here."]


def test_a_quote_that_contains_the_sentence_cites_it() -> None:
    cov = coverage_of(DOC, ["The alliance was formed in 1990. Its seat is in Oslo, Norway."])
    assert cov.total == 5
    assert cov.cited == 2
    assert cov.uncited == tuple(DOC_SENTENCES[2:])


def test_quotes_compare_with_whitespace_and_curly_quotes_normalised() -> None:
    quote = 'In 2001, a "Fish War" broke out   between two members\nover quotas'
    cov = coverage_of(DOC, [quote])
    assert DOC_SENTENCES[4] not in cov.uncited
    assert cov.cited == 1


def test_a_quote_that_is_at_least_half_of_a_sentence_cites_it() -> None:
    cov = coverage_of(DOC, ["The members are Norway, Denmark. Sweden."])
    assert cov.cited == 1
    assert DOC_SENTENCES[2] not in cov.uncited


def test_a_short_quote_inside_a_long_sentence_does_not_cite_it() -> None:
    cov = coverage_of(DOC, ["Oslo"])
    assert cov.cited == 0
    assert cov.uncited == tuple(DOC_SENTENCES)


def test_a_quote_across_a_sentence_boundary_cites_the_side_it_mostly_covers() -> None:
    cov = coverage_of(DOC, ["alliance was formed in 1990. Its seat"])
    # Most of the first sentence is quoted; of the second, less than a third.
    assert cov.cited == 1
    assert DOC_SENTENCES[1] in cov.uncited


def test_quotes_together_can_cite_a_sentence_neither_cites_alone() -> None:
    halves = ["The members are Norway,", "Denmark. Sweden. Finland, Iceland."]
    assert coverage_of(DOC, halves[:1]).cited == 0
    assert coverage_of(DOC, halves).cited == 1


def test_a_quote_not_in_the_document_cites_nothing() -> None:
    assert coverage_of(DOC, ["The alliance was formed in 1991."]).cited == 0


def test_share_is_the_cited_fraction() -> None:
    assert Coverage(total=4, cited=3).share == pytest.approx(0.75)
    assert coverage_of(DOC, DOC_SENTENCES).share == 1.0
    assert coverage_of(DOC, []).share == 0.0


def _question(source: str) -> Question:
    return Question(
        id="q",
        type=QuestionType.TRUE_FALSE,
        prompt="?",
        answer=True,
        source=source,
    )


def test_coverage_of_a_bank_uses_its_questions_quotes_and_source_text() -> None:
    doc = SourceDocument(title="Doc", file="doc.txt", path=Path("doc.txt"), text=DOC)
    bank = Bank(id="b", title="B", questions=(_question(DOC_SENTENCES[3]),), source=doc)
    cov = coverage(bank)
    assert (cov.total, cov.cited) == (5, 1)
    assert DOC_SENTENCES[3] not in cov.uncited


def test_a_bank_without_a_source_document_has_nothing_to_cover() -> None:
    bank = Bank(id="b", title="B", questions=(_question("anything"),))
    assert coverage(bank) == Coverage(total=0, cited=0)


def test_quotes_compare_as_the_loader_finds_them_dashes_included() -> None:
    text = "The treaty ran 1992\u20131999 and was then renewed."
    assert coverage_of(text, ["The treaty ran 1992-1999 and was then renewed."]).cited == 1


def test_a_byte_order_mark_and_old_line_endings_are_read_as_plain_text() -> None:
    assert sentences("\ufeffOne two three.") == ["One two three."]
    # "\r\r" is a blank line: the second paragraph is a heading.
    assert sentences("One two three.\r\rFour five six") == ["One two three."]
    assert sentences("One two three.\r\n\r\nFour five six") == ["One two three."]


def test_a_sentence_said_twice_is_matched_at_its_own_place() -> None:
    doc = "A b c d. The same sentence is here. X y z w. The same sentence is here."
    assert coverage_of(doc, ["X y z w. The same sentence is here."]) == Coverage(
        total=4, cited=2, uncited=("A b c d.", "The same sentence is here.")
    )


def test_a_quote_found_twice_cites_both_places() -> None:
    doc = "The same sentence is here. Another one is here. The same sentence is here."
    assert coverage_of(doc, ["The same sentence is here."]) == Coverage(
        total=3, cited=2, uncited=("Another one is here.",)
    )


def test_half_a_sentence_quoted_cites_it() -> None:
    assert coverage_of("One two three fours.", ["One two th"]).cited == 1  # 10 of 20
    assert coverage_of("One two three fours.", ["One two t"]).cited == 0  # 9 of 20


def test_overlapping_occurrences_of_a_quote_all_count() -> None:
    assert coverage_of("zzzzz qr.", ["zz"]).cited == 1  # z's 0-4 quoted: 5 of 9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It was formed in 2009. Three words here. Two words.",
            ["It was formed in 2009.", "Three words here. Two words."],
        ),
        ("Hi. It was formed in 2009.", ["Hi.", "It was formed in 2009."]),
        ("It ended (in 2002.)", ["It ended (in 2002.)"]),
        ('He said "stop now."', ['He said "stop now."']),
        ("A heading (draft)\n\nBody text here.", ["Body text here."]),
        ("-no space is no bullet", []),
        (
            "  Line one here.  \n\n\n\n  Next paragraph here.  ",
            ["Line one here.", "Next paragraph here."],
        ),
        ("Intro\n\n- A one-line bullet", ["A one-line bullet"]),
        (
            "The list\n\n* one\n* two\n\n· three\n\n– four\n\n• five",
            ["one", "two", "three", "four", "five"],
        ),
    ],
    ids=[
        "three-words-stand-alone",
        "a-short-first-fragment-stays",
        "full-stop-inside-a-bracket",
        "full-stop-inside-a-quote",
        "a-bracket-alone-is-a-heading",
        "a-dash-without-a-space",
        "blank-lines-and-margins",
        "a-one-line-bullet-is-no-heading",
        "every-bullet-marker",
    ],
)
def test_where_sentences_begin_and_end(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_nothing_to_cite_is_fully_covered() -> None:
    assert Coverage(total=0, cited=0).share == 1.0


def test_a_source_document_not_read_has_nothing_to_cover() -> None:
    doc = SourceDocument(title="Doc", file="doc.txt", path=Path("doc.txt"), text=None)
    bank = Bank(id="b", title="B", questions=(_question(DOC_SENTENCES[3]),), source=doc)
    assert coverage(bank) == Coverage(total=0, cited=0)


def test_a_document_beginning_with_x_or_a_byte_order_mark_keeps_its_first_sentence() -> None:
    text = "\ufeffXenon is a gas here. It is rare."
    assert sentences(text) == ["Xenon is a gas here.", "It is rare."]
    assert coverage_of(text, ["Xenon is a gas here."]) == Coverage(
        total=2, cited=1, uncited=("It is rare.",)
    )
