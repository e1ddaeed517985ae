"""Points for an answer: speed points, streak bonus and practice scoring."""

from __future__ import annotations

from dataclasses import dataclass

FULL_POINTS = 1000
"""Points for a right answer given at once (and for every right answer in practice)."""
FULL_POINTS_WITHIN = 0.5
"""Seconds within which a right answer earns full points."""
STREAK_STEP = 100
"""Bonus per right answer in a row beyond the first."""
STREAK_CAP = 500
"""The largest streak bonus for one answer."""


@dataclass(frozen=True, slots=True)
class Points:
    """What one answer earned."""

    base: int
    streak_bonus: int

    @property
    def total(self) -> int:
        """Base points plus the streak bonus."""
        return self.base + self.streak_bonus


NO_POINTS = Points(0, 0)


def speed_points(seconds: float, limit: float) -> int:
    """Points for a right answer after ``seconds`` of ``limit``: 1000 at once, 500 at the deadline."""
    if seconds < FULL_POINTS_WITHIN or limit <= 0:
        return FULL_POINTS
    fraction = min(max(seconds / limit, 0.0), 1.0)
    return round(FULL_POINTS * (1 - fraction / 2))


def streak_bonus(streak: int) -> int:
    """Bonus for the ``streak``-th right answer in a row (the first earns none)."""
    return min(STREAK_STEP * max(streak - 1, 0), STREAK_CAP)


def score_answer(*, correct: bool, seconds: float, limit: float | None, streak: int) -> Points:
    """Points for one answer; ``limit`` None means practice (flat points, no bonus).

    ``streak`` is the number of right answers in a row including this one.
    """
    if not correct:
        return NO_POINTS
    if limit is None:
        return Points(FULL_POINTS, 0)
    return Points(speed_points(seconds, limit), streak_bonus(streak))
