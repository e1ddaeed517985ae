"""What the store's queries return: rounds, accuracy figures, leaderboard places and saved answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lunarquiz.store.records import Mode, RoundStatus


@dataclass(frozen=True, slots=True)
class RoundSummary:
    """One round as the history shows it; score and counts come from the answers saved."""

    round_id: int
    player: str
    banks: tuple[str, ...]
    mode: Mode
    status: RoundStatus
    started_at: datetime
    ended_at: datetime | None
    total_questions: int | None
    answered: int
    right: int
    score: int

    @property
    def finished(self) -> bool:
        """Whether the round was played to its end."""
        return self.status == "finished"

    @property
    def accuracy(self) -> float:
        """Right answers as a fraction of those saved (0 when none were)."""
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How well one bank, tag or question was answered."""

    subject: str
    """The bank id, the tag or the question id."""
    bank_id: str
    """The bank (for a bank or a question; empty for a tag)."""
    answered: int
    right: int
    average_seconds: float | None
    """Mean seconds of the answers given in time; None when every one timed out."""

    @property
    def accuracy(self) -> float:
        """Right answers as a fraction of all answers (0 when there are none)."""
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class Statistics:
    """Accuracy and time overall, per bank, per tag and per question (each list hardest first)."""

    answered: int
    right: int
    average_seconds: float | None
    banks: tuple[Accuracy, ...]
    tags: tuple[Accuracy, ...]
    questions: tuple[Accuracy, ...]

    @property
    def accuracy(self) -> float:
        """Right answers as a fraction of all answers (0 when there are none)."""
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class LeaderboardEntry:
    """One player's best finished round on a set of banks."""

    rank: int
    player: str
    banks: tuple[str, ...]
    score: int
    round_id: int
    ended_at: datetime | None
    answered: int
    right: int


@dataclass(frozen=True, slots=True)
class SavedAnswer:
    """One saved answer, as ``lunarquiz results`` exports it."""

    answered_at: str
    """ISO 8601 UTC."""
    player: str
    bank_id: str
    question_id: str
    chosen: tuple[str, ...]
    """The chosen choices' texts; empty on a time-out."""
    correct: bool
    timed_out: bool
    seconds: float
    points: int
    mode: Mode
    round_id: int
