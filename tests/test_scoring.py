"""Scoring: speed points, the streak bonus and practice points."""

from __future__ import annotations

import pytest

from lunarquiz.core.scoring import score_answer, speed_points, streak_bonus


@pytest.mark.parametrize(
    ("seconds", "limit", "points"),
    [
        (0.0, 20, 1000),
        (0.49, 20, 1000),  # under half a second: full points
        (0.5, 20, 988),  # round(1000 * (1 - 0.025 / 2)) = 987.5 -> 988
        (5.0, 20, 875),
        (10.0, 20, 750),
        (15.0, 20, 625),
        (20.0, 20, 500),
        (25.0, 20, 500),  # never below half
        (3.0, 10, 850),
    ],
)
def test_speed_points_follow_the_formula(seconds: float, limit: float, points: int) -> None:
    assert speed_points(seconds, limit) == points


@pytest.mark.parametrize(("streak", "bonus"), [(0, 0), (1, 0), (2, 100), (3, 200), (6, 500), (7, 500), (50, 500)])
def test_streak_bonus_grows_by_100_and_caps_at_500(streak: int, bonus: int) -> None:
    assert streak_bonus(streak) == bonus


def test_a_wrong_answer_earns_nothing_even_on_a_streak() -> None:
    points = score_answer(correct=False, seconds=1, limit=20, streak=0)
    assert (points.base, points.streak_bonus, points.total) == (0, 0, 0)


def test_practice_gives_flat_points_and_no_bonus() -> None:
    points = score_answer(correct=True, seconds=19, limit=None, streak=5)
    assert (points.base, points.streak_bonus) == (1000, 0)


def test_timed_right_answer_adds_the_streak_bonus() -> None:
    points = score_answer(correct=True, seconds=10, limit=20, streak=3)
    assert (points.base, points.streak_bonus, points.total) == (750, 200, 950)
