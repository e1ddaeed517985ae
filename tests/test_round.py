"""The round state machine, driven by a fake clock and a seeded random generator."""

from __future__ import annotations

import random

import pytest

from lunarquiz.core.round import Phase, Round, RoundError, RoundSettings, shuffled_choices

from .conftest import FakeClock, multiple, single, true_false


def make_round(clock: FakeClock, *questions, seed: int = 1, **settings) -> Round:  # type: ignore[no-untyped-def]
    return Round(list(questions), rng=random.Random(seed), clock=clock, settings=RoundSettings(**settings))


def right_index(round_: Round) -> int:
    (index,) = round_.current.correct
    return index


def wrong_index(round_: Round) -> int:
    return next(i for i in range(len(round_.current.choices)) if i not in round_.current.correct)


def test_points_depend_on_the_time_taken(clock: FakeClock) -> None:
    round_ = make_round(clock, single("a"), single("b"), single("c"), time_limit=20)
    expected = []
    for seconds, points in [(0.2, 1000), (5.0, 875 + 100), (20.0, 500 + 200)]:
        clock.advance(seconds)
        outcome = round_.answer({right_index(round_)})
        assert outcome.correct and not outcome.timed_out
        assert outcome.seconds == pytest.approx(seconds)
        assert outcome.points == points
        expected.append(points)
        round_.advance()
    assert round_.phase is Phase.FINISHED
    assert round_.results().score == sum(expected)


def test_a_wrong_answer_ends_the_streak(clock: FakeClock) -> None:
    round_ = make_round(clock, *(single(q) for q in "abcde"), time_limit=10)
    streaks = []
    for answer_right in (True, True, False, True, True):
        index = right_index(round_) if answer_right else wrong_index(round_)
        outcome = round_.answer({index})
        streaks.append((outcome.streak, outcome.streak_bonus))
        round_.advance()
    assert streaks == [(1, 0), (2, 100), (0, 0), (1, 0), (2, 100)]
    assert round_.results().best_streak == 2


def test_the_streak_bonus_is_capped(clock: FakeClock) -> None:
    round_ = make_round(clock, *(single(f"q{i}") for i in range(9)), time_limit=10)
    bonuses = []
    while not round_.is_over:
        bonuses.append(round_.answer({right_index(round_)}).streak_bonus)
        round_.advance()
    assert bonuses == [0, 100, 200, 300, 400, 500, 500, 500, 500]


def test_the_deadline_times_a_question_out(clock: FakeClock) -> None:
    round_ = make_round(clock, single("a"), single("b"), time_limit=15)
    assert round_.current.deadline == clock.now + 15
    clock.advance(14.9)
    assert round_.expire() is None
    assert round_.current.time_left(clock()) == pytest.approx(0.1)
    clock.advance(0.1)
    outcome = round_.expire()
    assert outcome is not None and outcome.timed_out and not outcome.correct
    assert outcome.points == 0 and outcome.chosen == frozenset()
    assert round_.phase is Phase.FEEDBACK
    with pytest.raises(RoundError):
        round_.answer({0})


def test_an_answer_after_the_deadline_counts_as_a_time_out(clock: FakeClock) -> None:
    round_ = make_round(clock, single("a"), time_limit=10)
    outcome = round_.answer({right_index(round_)}, at=clock.now + 10.01)
    assert outcome.timed_out and not outcome.correct and outcome.points == 0
    assert outcome.chosen_texts == ("Right",)


def test_a_time_out_ends_the_streak(clock: FakeClock) -> None:
    round_ = make_round(clock, single("a"), single("b"), single("c"), time_limit=5)
    round_.answer({right_index(round_)})
    round_.advance()
    clock.advance(6)
    assert round_.expire() is not None
    round_.advance()
    assert round_.answer({right_index(round_)}).streak == 1


def test_the_clock_is_read_when_each_question_is_asked(clock: FakeClock) -> None:
    round_ = make_round(clock, single("a"), single("b"), time_limit=10)
    round_.answer({0})
    clock.advance(30)  # reading the feedback takes no time from the next question
    round_.advance()
    assert round_.current.started_at == clock.now
    assert round_.expire() is None


def test_multiple_response_needs_all_right_and_none_wrong(clock: FakeClock) -> None:
    questions = [multiple("m1"), multiple("m2"), multiple("m3")]
    round_ = make_round(clock, *questions, time_limit=20)
    right = set(round_.current.correct)
    assert len(right) == 2
    assert round_.answer(right).correct
    round_.advance()
    partial = {min(round_.current.correct)}
    assert not round_.answer(partial).correct
    round_.advance()
    everything = set(range(len(round_.current.choices)))
    assert not round_.answer(everything).correct


def test_single_choice_refuses_two_choices(clock: FakeClock) -> None:
    round_ = make_round(clock, single("a"))
    with pytest.raises(RoundError):
        round_.answer({0, 1})
    with pytest.raises(RoundError):
        round_.answer(set())
    with pytest.raises(RoundError):
        round_.answer({4})


def test_true_false_keeps_true_first(clock: FakeClock) -> None:
    round_ = make_round(clock, true_false("t1", right=False))
    assert round_.current.choices == ("True", "False")
    assert round_.current.correct == {1}


def test_seeded_shuffles_are_reproducible() -> None:
    questions = [single(f"q{i}", answer=f"R{i}", wrong=(f"A{i}", f"B{i}", f"C{i}")) for i in range(10)]

    def play(seed: int) -> list[tuple[str, tuple[str, ...]]]:
        clock = FakeClock()
        round_ = Round(questions, rng=random.Random(seed), clock=clock, settings=RoundSettings(questions=6))
        seen = []
        while not round_.is_over:
            seen.append((round_.current.question.id, round_.current.choices))
            round_.answer({0})
            round_.advance()
        return seen

    assert play(7) == play(7)
    assert play(7) != play(8)
    assert len(play(7)) == 6
    orders = {choices for _, choices in play(7)}
    assert any(choices[0].startswith(("A", "B", "C")) for choices in orders)  # the right answer is not always first


def test_shuffle_false_keeps_the_written_order() -> None:
    question = single("q", answer="1957", wrong=("1961", "1969", "1998"), shuffle=False)
    for seed in range(5):
        choices, correct = shuffled_choices(question, random.Random(seed))
        assert choices == ("1957", "1961", "1969", "1998")
        assert correct == {0}


def test_practice_has_no_deadline_and_flat_points(clock: FakeClock) -> None:
    round_ = make_round(clock, single("a"), single("b"), practice=True)
    assert round_.current.deadline is None and round_.current.time_left(clock()) is None
    clock.advance(500)
    assert round_.expire() is None
    outcome = round_.answer({right_index(round_)})
    assert outcome.points == 1000 and outcome.streak_bonus == 0


def test_question_count_and_bank_time_limits(clock: FakeClock) -> None:
    questions = [single("a", time_limit=30), single("b"), single("c")]
    round_ = make_round(clock, *questions, questions=2)
    assert round_.current.total == 2 and len(round_.questions) == 2
    limits = {q.id: (30 if q.id == "a" else 20) for q in round_.questions}
    assert round_.current.limit == limits[round_.current.question.id]
    overridden = make_round(clock, *questions, time_limit=7)
    assert overridden.current.limit == 7


def test_results_summarise_the_round(clock: FakeClock) -> None:
    round_ = make_round(clock, single("a"), single("b"), single("c"), single("d"), time_limit=10)
    clock.advance(2)
    round_.answer({right_index(round_)})  # right in 2 s
    round_.advance()
    clock.advance(4)
    round_.answer({wrong_index(round_)})  # wrong in 4 s
    round_.advance()
    clock.advance(11)
    round_.expire()  # time-out
    round_.advance()
    clock.advance(6)
    round_.answer({right_index(round_)})  # right in 6 s
    round_.advance()
    results = round_.results()
    assert results.answered == 4 and results.right == 2
    assert results.accuracy == 0.5
    assert results.average_seconds == pytest.approx(4.0)  # time-outs are not answers
    assert results.best_streak == 1
    assert results.score == 900 + 700
    assert [o.asked.question.id for o in results.missed] == [o.asked.question.id for o in results.outcomes[1:3]]
    assert not results.abandoned


def test_abandoning_keeps_what_was_answered(clock: FakeClock) -> None:
    round_ = make_round(clock, single("a"), single("b"), single("c"))
    round_.answer({right_index(round_)})
    round_.advance()
    round_.abandon()
    results = round_.results()
    assert round_.is_over and results.abandoned
    assert results.answered == 1 and results.total_questions == 3
    with pytest.raises(RoundError):
        round_.answer({0})


def test_a_time_multiplier_stretches_every_limit_and_the_points_scale_with_it(clock: FakeClock) -> None:
    round_ = make_round(clock, single("a", time_limit=10), single("b"), time_multiplier=1.5)
    limits = {q.id: (15.0 if q.id == "a" else 30.0) for q in round_.questions}
    assert round_.current.limit == limits[round_.current.question.id]
    clock.advance(round_.current.limit / 2)  # type: ignore[operator]
    outcome = round_.answer({right_index(round_)})
    assert outcome.points == 750  # half the (longer) limit: the same points as half of the usual one
    round_.advance()
    clock.advance(round_.current.limit - 0.1)  # type: ignore[operator]
    assert round_.expire() is None


def test_in_order_keeps_the_given_order(clock: FakeClock) -> None:
    questions = [single(f"q{i}") for i in range(6)]
    round_ = Round(questions, rng=random.Random(3), clock=clock, settings=RoundSettings(questions=4, in_order=True))
    assert [q.id for q in round_.questions] == ["q0", "q1", "q2", "q3"]
