"""The drafter's parts: sentences and topics, facts and their kinds, refusals, determinism."""

from __future__ import annotations

import pytest

from quiz.drafting.document import parse
from quiz.drafting.draft import DraftError, decode_document, draft
from quiz.drafting.events import event_text
from quiz.drafting.facts import build_lexicon, find_facts
from tests.helpers.drafts import ALL_DOCUMENTS, CSTO, DOCUMENTS, draft_file


def _sentences(text: str) -> list[str]:
    return [s.text for s in parse(text).sentences]


def test_sentences_survive_abbreviations_decimals_and_initials() -> None:
    text = "Dr. J. R. Smith measured 3.5 litres at 4 p.m. in the U.S. on Monday. Then he left."
    assert _sentences(text) == [
        "Dr. J. R. Smith measured 3.5 litres at 4 p.m. in the U.S. on Monday.",
        "Then he left.",
    ]


def test_list_items_are_sentences_and_short_fragments_join_the_one_before() -> None:
    text = "Members\n\n- Russia joined first\n- Armenia, Belarus. Kazakhstan.\n1. Item one is here"
    assert _sentences(text) == [
        "Russia joined first",
        "Armenia, Belarus. Kazakhstan.",
        "Item one is here",
    ]


def test_headings_become_topics_in_markdown_and_plain_text() -> None:
    doc = parse("# The Nile\nIt is long.\n\n## Course\n\nIt flows north.\n\nDelta\n\nIt ends.")
    assert doc.title == "The Nile"
    assert [(s.topic, s.text) for s in doc.sentences] == [
        ("The Nile", "It is long."),
        ("Course", "It flows north."),
        ("Delta", "It ends."),
    ]


def _facts(sentence: str):
    return find_facts(sentence, build_lexicon([sentence]))


def test_years_and_quantities_are_told_apart() -> None:
    facts = _facts("In 1972 the dam rose 1500 metres above a river 2,850 kilometres long.")
    assert [y.text for y in facts.years] == ["1972"]
    assert [(n.value, n.unit) for n in facts.numbers] == [
        (1500, "metres"),
        (2850, "kilometres"),
    ]


def test_a_year_before_a_singular_noun_stays_a_year() -> None:
    assert [y.text for y in _facts("The federation shared the 1963 prize.").years] == ["1963"]


def test_counts_in_words_but_not_words_that_point_back() -> None:
    assert [(n.value, n.unit) for n in _facts("It flows through ten countries.").numbers] == [
        (10, "countries")
    ]
    assert _facts("The two countries built the dam.").numbers == []


def test_unit_phrases_run_to_their_noun() -> None:
    facts = _facts("She equipped about 20 mobile X-ray units for the army.")
    assert [(n.value, n.unit) for n in facts.numbers] == [(20, "mobile X-ray units")]


def test_names_have_kinds_and_lists_of_one_kind_are_found() -> None:
    facts = _facts("The Tashkent treaty was signed by Armenia, Russia and Kazakhstan in Moscow.")
    kinds = {f.text: f.kind for f in facts.names}
    assert kinds == {
        "Tashkent": "city",
        "Armenia": "country",
        "Russia": "country",
        "Kazakhstan": "country",
        "Moscow": "city",
    }
    assert [[i.text for i in lst.items] for lst in facts.lists] == [
        ["Armenia", "Russia", "Kazakhstan"]
    ]


def test_an_abbreviation_in_brackets_is_the_names_alias() -> None:
    facts = _facts("The CSTO grew from the Commonwealth of Independent States (CIS).")
    named = [f for f in facts.names if f.alias]
    assert [(f.text, f.alias, f.kind) for f in named] == [
        ("Commonwealth of Independent States", "CIS", "organisation")
    ]


def test_a_definition_gives_its_term() -> None:
    facts = _facts("Chlorophyll is the green pigment that absorbs light.")
    assert facts.term is not None and facts.term.text == "Chlorophyll"


def test_events_lose_their_date_and_stray_words() -> None:
    sentence = "Later in 1999, Georgia and Uzbekistan refused to sign the extension."
    year = _facts(sentence).years[0]
    assert event_text(sentence, year) == "Georgia and Uzbekistan refused to sign the extension"
    signed = "CIS was formed under the treaty signed in 1992."
    assert event_text(signed, _facts(signed).years[0]) is None
    pronoun = "In 1859 he travelled through northern Italy and saw the battlefield."
    assert event_text(pronoun, _facts(pronoun).years[0]) is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\u00e9 au lait.\n".encode("latin-1"), "not UTF-8"),
        (b"  \n\n \t\n", "empty"),
        (b"", "empty"),
    ],
)
def test_binary_non_utf8_and_empty_documents_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(DraftError) as caught:
        decode_document(data, "notes.txt")
    assert message in str(caught.value) and "notes.txt" in str(caught.value)
    assert caught.value.exit_code == 1


def test_a_bom_and_crlf_are_fine() -> None:
    text = decode_document("\ufeffThe Nile\r\n\r\nThe Nile is a river in Egypt.\r\n".encode(), "n")
    assert [s.text for s in parse(text).sentences] == ["The Nile is a river in Egypt."]


def test_the_same_seed_gives_the_same_file_and_another_seed_another() -> None:
    for document in ALL_DOCUMENTS:
        assert draft_file(document, "7").text == draft_file(document, "7").text
    assert draft_file(CSTO, "7").text != draft_file(CSTO, "8").text


def test_max_keeps_one_question_per_sentence_first() -> None:
    full = draft_file(CSTO)
    text = CSTO.read_text(encoding="utf-8")
    small = draft(text, source_file="sources/csto.txt", max_questions=10)
    assert len(small.questions) == 10
    assert all(d.priority == 0 for d in small.questions)
    assert [d.fields["id"] for d in small.questions] == [
        d.fields["id"] for d in full.questions if d in small.questions
    ]


def test_the_header_says_it_is_a_draft_and_names_the_document() -> None:
    text = draft_file(CSTO).text
    assert text.startswith("# DRAFT")
    assert "file: sources/csto.txt" in text
    assert "&" not in text.split("questions:")[0] and "*" not in text  # no YAML aliases


def test_a_document_of_headings_only_is_refused() -> None:
    with pytest.raises(DraftError, match="no sentences"):
        draft("Title\n\nAnother heading\n", source_file="t.txt")


def test_libyaml_and_pure_python_write_the_same_draft(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    from quiz.drafting import bank_text

    class Pure(yaml.SafeDumper):
        def ignore_aliases(self, data: object) -> bool:
            return True

    fast = draft_file(CSTO).text
    monkeypatch.setattr(bank_text, "_Dumper", Pure)
    assert draft_file(CSTO).text == fast


def test_matching_does_not_repeat_an_ordering_question() -> None:
    questions = [d.fields for d in draft_file(CSTO).questions]
    orderings = [set(q["answer"]) for q in questions if q["type"] == "ordering"]
    matchings = [set(q["answer"]) for q in questions if q["type"] == "matching"]
    assert orderings and matchings
    assert not any(m == o for m in matchings for o in orderings)


def test_it_means_the_subject_not_the_sentence_about_one_part_of_it() -> None:
    # "The headquarters of the alliance is in Moscow. It was formed in 2002.": "It" is the
    # alliance, named in the sentence before, so that is the context the prompt shows.
    text = (
        "The Collective Security Treaty Organisation (CSTO) is an international military "
        "alliance. The headquarters of the alliance is located in Moscow, Russia. It was formed "
        "in 2002."
    )
    for seed in ("0", "1", "2"):
        asked = [
            d.fields
            for d in draft(text, source_file="t.txt", seed=seed).questions
            if "It was formed in" in d.fields["prompt"]
        ]
        assert asked
        for q in asked:
            assert q["prompt"].startswith("The Collective Security Treaty Organisation (CSTO) is")
            assert "headquarters" not in q["prompt"]
            assert q["source"].startswith("The Collective") and " … It was formed" in q["source"]


def test_places_are_swapped_only_for_places_of_their_sort() -> None:
    # A canal is never "swapped" for a forest: "In 1992 the Black Forest was completed".
    danube = DOCUMENTS / "danube.md"
    for seed in ("0", "1", "2", "3"):
        for d in draft_file(danube, seed).questions:
            q = d.fields
            if q["type"] in ("true_false", "multiple_choice"):
                assert "Black Forest was completed" not in q["prompt"]
                assert "form the Black Forest" not in q["prompt"]
                assert not ("Black Forest" in q.get("choices", []) and "Canal" in q["answer"])
