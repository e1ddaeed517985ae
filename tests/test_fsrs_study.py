"""Study and review rounds from the store: FSRS cards saved with each answer, due cards first, misses to review."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Card, State

from lunarquiz.store.store import Store

from .store_helpers import START, play, question

QUESTIONS = [question(f"q{n}") for n in range(1, 5)]
AVAILABLE = [("space", q.id) for q in QUESTIONS] + [("space", "new1"), ("space", "new2")]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "lunarquiz.db")


def card(store: Store, qid: str, player: str = "ann") -> Card:
    row = store._db.execute(
        "SELECT c.card, c.due FROM cards c JOIN players p ON p.id = c.player_id WHERE p.name = ? AND question_id = ?",
        (player, qid),
    ).fetchone()
    found = Card.from_json(row[0])
    assert json.loads(row[0])["due"].startswith(row[1][:19])
    return found


def test_each_saved_answer_updates_the_players_card(store: Store) -> None:
    # q1 right and fast (Easy), q2 right (Good), q3 right but slow (Hard), q4 wrong (Again)
    play(store, QUESTIONS, {"q1": (True, 2.0), "q2": (True, 10.0), "q3": (True, 18.0), "q4": (False, 3.0)})
    easy, good, hard, again = (card(store, f"q{n}") for n in range(1, 5))
    assert easy.state is State.Review
    assert again.due < hard.due <= good.due < easy.due
    assert all(c.last_review is not None and c.last_review >= START for c in (easy, good, hard, again))


def test_a_card_answered_right_comes_due_later_than_one_answered_wrong(store: Store) -> None:
    play(store, QUESTIONS[:2], {"q1": (True, 10.0), "q2": (False, 10.0)})
    assert card(store, "q2").due < card(store, "q1").due
    soon = START + timedelta(minutes=5)
    assert store.due_count("ann", AVAILABLE, soon) == 1
    assert store.study_queue("ann", AVAILABLE, soon, limit=1) == [("space", "q2")]


def test_a_study_queue_offers_due_cards_most_overdue_first_then_new_questions(store: Store) -> None:
    play(store, QUESTIONS, {"q1": (False, 3.0), "q2": (False, 3.0), "q3": (True, 2.0), "q4": (True, 10.0)})
    later = START + timedelta(hours=1)
    queue = store.study_queue("ann", AVAILABLE, later)
    q1, q2 = card(store, "q1"), card(store, "q2")
    overdue_first = [("space", "q1"), ("space", "q2")] if q1.due <= q2.due else [("space", "q2"), ("space", "q1")]
    assert queue[:2] == overdue_first
    assert ("space", "q3") not in queue  # answered right and fast: not due for days
    assert queue[-2:] == [("space", "new1"), ("space", "new2")]
    assert store.due_count("ann", AVAILABLE, later) == len(queue) - 2
    assert store.study_queue("ann", AVAILABLE, later, limit=2) == overdue_first
    a_month_on = START + timedelta(days=60)
    assert store.due_count("ann", AVAILABLE, a_month_on) == 4
    assert store.study_queue("ann", AVAILABLE, a_month_on)[-2:] == [("space", "new1"), ("space", "new2")]


def test_cards_belong_to_one_player(store: Store) -> None:
    play(store, QUESTIONS, {q.id: (False, 3.0) for q in QUESTIONS}, player="ann")
    later = START + timedelta(hours=1)
    assert store.due_count("ann", AVAILABLE, later) == 4
    assert store.due_count("bo", AVAILABLE, later) == 0
    assert store.study_queue("bo", AVAILABLE, later) == AVAILABLE


def test_studying_a_due_card_schedules_it_again(store: Store) -> None:
    play(store, QUESTIONS[:1], {"q1": (False, 3.0)}, mode="study")
    first = card(store, "q1")
    again_at = START + timedelta(hours=1)
    play(store, QUESTIONS[:1], {"q1": (True, 8.0)}, mode="study", at=again_at)
    second = card(store, "q1")
    assert second.due > first.due and second.last_review is not None and second.last_review > again_at
    assert store.study_queue("ann", AVAILABLE[:1], again_at + timedelta(minutes=2)) == []


def test_a_practice_answer_is_rated_good_whatever_its_time(store: Store) -> None:
    play(store, QUESTIONS[:2], {"q1": (True, 0.5), "q2": (True, 19.0)}, mode="practice")
    fast, slow = card(store, "q1"), card(store, "q2")
    assert fast.last_review and slow.last_review
    assert fast.due - fast.last_review == slow.due - slow.last_review == timedelta(minutes=10)  # both Good
    assert fast.stability == slow.stability and fast.difficulty == slow.difficulty


def test_review_candidates_are_the_questions_missed_most_recently_or_most_often(store: Store) -> None:
    play(store, QUESTIONS, {"q1": (False, 3.0), "q2": (False, 3.0), "q3": (True, 3.0), "q4": (False, 3.0)})
    play(
        store,
        QUESTIONS,
        {"q1": (True, 3.0), "q2": (False, 3.0), "q3": (True, 3.0), "q4": (True, 3.0)},
        at=START + timedelta(days=1),
    )
    play(store, QUESTIONS[:1], {"q1": (False, 3.0)}, at=START + timedelta(days=2))
    assert store.review_candidates("ann") == [("space", "q1"), ("space", "q2"), ("space", "q4")]
    assert store.review_candidates("ann", limit=1) == [("space", "q1")]
    assert store.review_candidates("ann", available=[("space", "q4"), ("space", "q2")]) == [
        ("space", "q2"),
        ("space", "q4"),
    ]
    assert store.review_candidates("nobody") == []
