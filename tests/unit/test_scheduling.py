"""The fsrs adapter: which rating a verdict gets and what that does to the next review."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating

from quiz.study import scheduling

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def review(card: str | None, verdict: str, at: datetime = NOW) -> scheduling.Review:
    result = scheduling.review(card, verdict, at, card_id=42, fuzz=False)
    assert result is not None
    return result


@pytest.mark.parametrize(
    ("verdict", "rating"),
    [
        ("correct", Rating.Good),
        ("partial", Rating.Hard),
        ("incorrect", Rating.Again),
        ("timeout", Rating.Again),
    ],
)
def test_verdicts_map_to_ratings(verdict: str, rating: Rating) -> None:
    assert scheduling.rating_for(verdict) is rating


def test_a_skip_is_not_a_review() -> None:
    assert scheduling.rating_for("skipped") is None
    assert scheduling.review(None, "skipped", NOW, card_id=1, fuzz=False) is None


def test_an_unknown_verdict_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown verdict"):
        scheduling.rating_for("maybe")


def test_a_wrong_answer_comes_back_sooner_than_a_right_one() -> None:
    wrong, partial, right = (review(None, v) for v in ("incorrect", "partial", "correct"))
    assert NOW < wrong.due < partial.due <= right.due


def test_due_dates_are_aware_utc_even_from_another_zone() -> None:
    paris = NOW.astimezone(ZoneInfo("Europe/Paris"))
    result = review(None, "correct", paris)
    assert result.due.tzinfo == UTC
    assert result.due == review(None, "correct", NOW).due


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        scheduling.review(None, "correct", datetime(2026, 3, 2), card_id=1, fuzz=False)


def test_the_card_round_trips_as_json_with_its_explicit_id() -> None:
    first = review(None, "correct")
    card = json.loads(first.card_json)
    assert card["card_id"] == 42
    assert card["last_review"].startswith("2026-03-02T09:00")
    later = review(first.card_json, "correct", first.due)
    assert json.loads(later.card_json)["card_id"] == 42
    assert later.due > first.due


def test_right_answers_on_later_days_graduate_the_card_and_stretch_the_interval() -> None:
    card, at = None, NOW
    intervals = []
    for _ in range(4):
        result = review(card, "correct", at)
        intervals.append(result.due - at)
        card, at = result.card_json, result.due
    assert result.state == scheduling.REVIEW_STATE
    assert intervals[-1] > intervals[-2] > timedelta(days=1)


def test_without_fuzz_the_same_review_gives_the_same_due_date() -> None:
    assert review(None, "partial").due == review(None, "partial").due


def test_card_ids_are_stable_and_distinct_per_key() -> None:
    a = scheduling.card_id_for("ana", "bank", "q1")
    assert a == scheduling.card_id_for("ana", "bank", "q1")
    assert a != scheduling.card_id_for("bob", "bank", "q1")
    assert 0 < a < 2**53


def test_the_review_state_constant_is_fsrs_own() -> None:
    from fsrs import State

    assert int(State.Review) == scheduling.REVIEW_STATE


def test_a_card_id_is_the_first_48_bits_of_the_keys_sha256() -> None:
    # Ids are stored with every card: the same key must give the same id in every version.
    assert scheduling.card_id_for("ana", "bank", "q1") == 70232265051233
    assert scheduling.card_id_for("anabank", "q1") == 27140141532296  # the parts stay apart


def test_a_review_reports_the_cards_own_state_stability_and_due_date() -> None:
    for verdict in ("correct", "incorrect"):
        result = review(None, verdict)
        card = json.loads(result.card_json)
        assert result.state == card["state"] == 1  # learning
        assert result.stability == card["stability"] > 0
        assert result.due == datetime.fromisoformat(card["due"]) > NOW


def test_refusals_say_what_was_wrong() -> None:
    with pytest.raises(ValueError) as error:
        scheduling.rating_for("maybe")
    assert str(error.value) == "unknown verdict 'maybe'"
    with pytest.raises(ValueError) as error:
        scheduling.review(None, "correct", datetime(2026, 3, 2), card_id=1)
    assert str(error.value) == "naive datetime: pass an aware UTC datetime"


def graduated() -> scheduling.Review:
    card, at = None, NOW
    for _ in range(4):
        result = review(card, "correct", at)
        card, at = result.card_json, result.due
    return result


def test_by_default_long_intervals_are_spread_by_fuzz() -> None:
    card = graduated()
    plain = review(card.card_json, "correct", card.due)
    state = random.getstate()
    random.seed(7)  # fsrs draws its fuzz from the global generator
    try:
        fuzzed = scheduling.review(card.card_json, "correct", card.due, card_id=42)
    finally:
        random.setstate(state)
    assert fuzzed is not None
    assert fuzzed.due != plain.due
    assert abs(fuzzed.due - plain.due) < (plain.due - card.due) / 4


@pytest.mark.usefixtures("far_east")
def test_due_dates_are_utc_on_a_computer_in_another_zone() -> None:
    result = review(None, "correct")
    assert result.due.tzinfo is UTC
    assert result.due.utcoffset() == timedelta(0)
