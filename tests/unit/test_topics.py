"""Resolving --topic against the banks' topics: any case, a unique prefix, else a usage error."""

from __future__ import annotations

import pytest

from quiz.bank.model import Bank
from quiz.bank.topics import resolve_topics
from quiz.common.errors import UsageError
from tests.helpers.engine_banks import question

BANK = Bank(
    id="b",
    title="B",
    questions=(
        question("a", "Major events"),
        question("b", "Members"),
        question("c", "Founding and treaty"),
    ),
)


def test_any_case_and_a_unique_prefix_give_the_banks_spelling() -> None:
    assert resolve_topics([BANK], ["major events", "FOUND"]) == (
        "Major events",
        "Founding and treaty",
    )


def test_a_topic_named_twice_is_one_topic() -> None:
    assert resolve_topics([BANK], ["Members", "members"]) == ("Members",)


def test_an_unknown_topic_is_a_usage_error_listing_the_topics() -> None:
    with pytest.raises(UsageError) as caught:
        resolve_topics([BANK], ["treaties"])
    assert caught.value.exit_code == 2
    assert str(caught.value) == (
        "no topic 'treaties' in the banks; their topics are: "
        "Major events, Members, Founding and treaty"
    )


def test_an_ambiguous_prefix_names_the_candidates() -> None:
    with pytest.raises(UsageError, match="could be any of: Major events, Members"):
        resolve_topics([BANK], ["m"])


def test_a_whole_name_wins_over_the_longer_topics_it_begins() -> None:
    bank = Bank(
        id="b",
        title="B",
        questions=(question("a", "Members"), question("b", "Members of the board")),
    )
    assert resolve_topics([bank], ["members"]) == ("Members",)


def test_banks_without_topics_say_so_when_a_topic_is_asked_for() -> None:
    bank = Bank(id="b", title="B", questions=(question("a", ""),))
    with pytest.raises(UsageError) as caught:
        resolve_topics([bank], ["history"])
    assert str(caught.value) == (
        "no topic 'history' in the banks; their topics are: (none: the banks have no topics)"
    )
