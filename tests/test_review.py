"""The review and study rules: outcomes as FSRS ratings, and the order questions come back in."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating, State

from lunarquiz.core.review import (
    AnswerHistory,
    as_utc,
    count_due,
    new_card,
    rating_for,
    rating_for_outcome,
    review,
    review_order,
    study_order,
)
from lunarquiz.core.round import Round, RoundSettings

from .conftest import FakeClock, single

NOW = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("correct", "seconds", "limit", "rating"),
    [
        (False, 1.0, 20.0, Rating.Again),
        (False, 1.0, None, Rating.Again),
        (True, 4.9, 20.0, Rating.Easy),
        (True, 5.0, 20.0, Rating.Good),
        (True, 10.0, 20.0, Rating.Good),
        (True, 15.0, 20.0, Rating.Good),
        (True, 15.1, 20.0, Rating.Hard),
        (True, 0.1, None, Rating.Good),
        (True, 100.0, None, Rating.Good),
    ],
)
def test_ratings_follow_rightness_and_the_fraction_of_the_limit_used(
    correct: bool, seconds: float, limit: float | None, rating: Rating
) -> None:
    assert rating_for(correct=correct, seconds=seconds, limit=limit) is rating


def test_ratings_of_real_outcomes() -> None:
    clock = FakeClock()
    timed = Round(
        [single("a"), single("b"), single("c")],
        rng=random.Random(1),
        clock=clock,
        settings=RoundSettings(time_limit=20),
    )
    clock.advance(2)
    assert rating_for_outcome(timed.answer([min(timed.current.correct)])) is Rating.Easy
    timed.advance()
    clock.advance(19)
    assert rating_for_outcome(timed.answer([min(timed.current.correct)])) is Rating.Hard
    timed.advance()
    clock.advance(25)
    timed_out = timed.expire()
    assert timed_out is not None and timed_out.timed_out and rating_for_outcome(timed_out) is Rating.Again
    practice = Round([single("a")], rng=random.Random(1), clock=clock, settings=RoundSettings(practice=True))
    clock.advance(1)
    assert rating_for_outcome(practice.answer([min(practice.current.correct)])) is Rating.Good


def test_a_card_answered_right_comes_due_later_than_one_answered_wrong() -> None:
    right = review(None, Rating.Good, NOW)
    wrong = review(None, Rating.Again, NOW)
    easy = review(None, Rating.Easy, NOW)
    assert wrong.due < right.due < easy.due
    assert right.last_review == NOW and easy.state is State.Review
    again = review(easy, Rating.Again, easy.due)
    assert again.state is State.Relearning and again.due < easy.due + (easy.due - NOW)


def test_reviews_are_deterministic_and_take_naive_times_as_utc() -> None:
    naive = NOW.replace(tzinfo=None)
    assert new_card(naive).card_id == new_card(NOW).card_id
    assert new_card(NOW).due == NOW
    first = review(review(None, Rating.Good, naive), Rating.Easy, NOW + timedelta(minutes=10))
    second = review(review(None, Rating.Good, NOW), Rating.Easy, NOW + timedelta(minutes=10))
    assert first.to_dict() == second.to_dict()
    assert as_utc(datetime(2026, 1, 1, 12, tzinfo=UTC)).tzinfo is UTC


def test_study_order_is_due_first_most_overdue_first_then_new_in_given_order() -> None:
    available = [("b", "new1"), ("b", "soon"), ("b", "late"), ("b", "later"), ("b", "new2"), ("b", "late")]
    due = {
        ("b", "soon"): NOW + timedelta(hours=1),
        ("b", "late"): NOW - timedelta(hours=1),
        ("b", "later"): NOW - timedelta(days=2),
        ("x", "elsewhere"): NOW - timedelta(days=9),
    }
    assert study_order(available, due, NOW) == [("b", "later"), ("b", "late"), ("b", "new1"), ("b", "new2")]
    assert study_order(available, due, NOW, limit=3) == [("b", "later"), ("b", "late"), ("b", "new1")]
    assert study_order(available, due, NOW + timedelta(hours=2))[:3] == [("b", "later"), ("b", "late"), ("b", "soon")]
    assert count_due(available, due, NOW) == 2
    assert count_due([], due, NOW) == 0


def history(key: str, answered: int, wrong: int, last_correct: bool, last_wrong_at: str) -> AnswerHistory:
    return AnswerHistory(("b", key), answered, wrong, last_correct, last_wrong_at)


def test_review_order_puts_questions_still_wrong_first_then_the_most_often_missed() -> None:
    histories = [
        history("never-wrong", 5, 0, True, ""),
        history("wrong-once-long-ago", 3, 1, True, "2026-01-01T00:00:00.000+00:00"),
        history("wrong-today", 1, 1, False, "2026-11-25T10:00:00.000+00:00"),
        history("wrong-yesterday", 4, 2, False, "2026-11-24T10:00:00.000+00:00"),
        history("wrong-thrice-then-right", 6, 3, True, "2026-11-01T00:00:00.000+00:00"),
    ]
    assert [key for _, key in review_order(histories)] == [
        "wrong-today",
        "wrong-yesterday",
        "wrong-thrice-then-right",
        "wrong-once-long-ago",
    ]
    assert [key for _, key in review_order(histories, limit=1)] == ["wrong-today"]
    assert review_order([], limit=5) == []
