"""What a round produced: one outcome per question and the summary of them all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lunarquiz.core.round import Asked


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one question went."""

    asked: Asked
    chosen: frozenset[int]
    """Indexes into ``asked.choices``; empty on a time-out without an answer."""
    correct: bool
    timed_out: bool
    seconds: float
    """Seconds taken (the whole limit on a time-out)."""
    base_points: int
    streak_bonus: int
    streak: int
    """Right answers in a row after this one."""

    @property
    def points(self) -> int:
        """Everything this answer earned."""
        return self.base_points + self.streak_bonus

    @property
    def chosen_texts(self) -> tuple[str, ...]:
        """The chosen choices' texts, in play order."""
        return tuple(self.asked.choices[i] for i in sorted(self.chosen))

    @property
    def correct_texts(self) -> tuple[str, ...]:
        """The right choices' texts, in play order."""
        return tuple(self.asked.choices[i] for i in sorted(self.asked.correct))


@dataclass(frozen=True, slots=True)
class Results:
    """The summary of a round."""

    outcomes: tuple[Outcome, ...]
    total_questions: int
    practice: bool = False
    abandoned: bool = False

    @property
    def score(self) -> int:
        """Points earned in the round."""
        return sum(outcome.points for outcome in self.outcomes)

    @property
    def answered(self) -> int:
        """Questions played (answered or timed out)."""
        return len(self.outcomes)

    @property
    def right(self) -> int:
        """Questions answered right."""
        return sum(1 for outcome in self.outcomes if outcome.correct)

    @property
    def accuracy(self) -> float:
        """Right answers as a fraction of the questions played (0 when none were)."""
        return self.right / self.answered if self.outcomes else 0.0

    @property
    def average_seconds(self) -> float | None:
        """Mean seconds per answer given in time; None when every question timed out."""
        times = [outcome.seconds for outcome in self.outcomes if not outcome.timed_out]
        return sum(times) / len(times) if times else None

    @property
    def best_streak(self) -> int:
        """The longest run of right answers."""
        return max((outcome.streak for outcome in self.outcomes), default=0)

    @property
    def missed(self) -> tuple[Outcome, ...]:
        """The outcomes that were wrong or timed out."""
        return tuple(outcome for outcome in self.outcomes if not outcome.correct)
