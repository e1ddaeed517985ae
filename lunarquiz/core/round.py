"""A round of play as a state machine: ask, answer or time out, feedback, results."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from lunarquiz.core.model import DEFAULT_TIME_LIMIT, Kind, Question
from lunarquiz.core.results import Outcome, Results
from lunarquiz.core.scoring import score_answer

Clock = Callable[[], float]
"""A monotonic clock in seconds (``time.monotonic`` in the game, a fake one in tests)."""


class Phase(Enum):
    """Where a round stands."""

    ASKING = "asking"
    """A question is on screen and its clock runs."""
    FEEDBACK = "feedback"
    """The question was answered or timed out; the outcome is shown."""
    FINISHED = "finished"
    """Every question was played."""
    ABANDONED = "abandoned"
    """The player left before the end."""


class RoundError(RuntimeError):
    """An action that the round's phase does not allow (a bug in the caller)."""


@dataclass(frozen=True, slots=True)
class RoundSettings:
    """How a round is played."""

    questions: int | None = None
    """How many questions to ask; None asks them all."""
    time_limit: float | None = None
    """Seconds per question for every question, overriding banks; None uses the banks'."""
    practice: bool = False
    """Untimed, and every right answer earns flat points (also what ``--untimed`` asks for)."""
    time_multiplier: float = 1.0
    """More time for every question (1.5 gives half as much again), an accommodation."""
    in_order: bool = False
    """Ask the questions in the order given (review and study rounds) instead of a random one."""
    tags: tuple[str, ...] = ()
    """Ask only questions with one of these tags (none: any tag)."""
    difficulties: tuple[str, ...] = ()
    """Ask only questions of these difficulties (none: any)."""


@dataclass(frozen=True, slots=True)
class Asked:
    """A question as it is put to the player: its choices in play order and its deadline."""

    question: Question
    number: int
    """1-based position in the round."""
    total: int
    choices: tuple[str, ...]
    correct: frozenset[int]
    """Indexes into ``choices`` of the right choices."""
    started_at: float
    limit: float | None
    """Seconds allowed; None in practice."""

    @property
    def deadline(self) -> float | None:
        """The clock time at which the question times out; None in practice."""
        return None if self.limit is None else self.started_at + self.limit

    @property
    def multiple(self) -> bool:
        """Whether several choices may be picked."""
        return self.question.kind is Kind.MULTIPLE

    def time_left(self, now: float) -> float | None:
        """Seconds left at ``now`` (never below zero); None in practice."""
        deadline = self.deadline
        return None if deadline is None else max(deadline - now, 0.0)


def shuffled_choices(question: Question, rng: random.Random) -> tuple[tuple[str, ...], frozenset[int]]:
    """The question's choices in play order, and which of them are right."""
    order = list(question.choices)
    right = set(question.answers)
    if question.shuffle and question.kind is not Kind.TRUE_FALSE:
        rng.shuffle(order)
    return tuple(order), frozenset(i for i, choice in enumerate(order) if choice in right)


class Round:
    """One round: the questions in play order and every outcome so far.

    Time comes from ``clock`` (or an explicit ``at``) and randomness from ``rng``,
    so a round is reproducible in tests.
    """

    def __init__(
        self,
        questions: Sequence[Question],
        *,
        rng: random.Random,
        clock: Clock,
        settings: RoundSettings | None = None,
    ) -> None:
        if not questions:
            raise ValueError("a round needs at least one question")
        self.settings = settings or RoundSettings()
        self._rng = rng
        self._clock = clock
        count = len(questions) if self.settings.questions is None else self.settings.questions
        count = max(1, min(count, len(questions)))
        ordered = list(questions)[:count] if self.settings.in_order else rng.sample(list(questions), count)
        self.questions: tuple[Question, ...] = tuple(ordered)
        self.outcomes: list[Outcome] = []
        self.phase = Phase.ASKING
        self._streak = 0
        self._asked = self._ask(0)

    # -- state -------------------------------------------------------------

    @property
    def current(self) -> Asked:
        """The question being asked, or the one whose feedback is showing."""
        return self._asked

    @property
    def last_outcome(self) -> Outcome | None:
        """The most recent outcome, if any."""
        return self.outcomes[-1] if self.outcomes else None

    @property
    def score(self) -> int:
        """Points so far."""
        return sum(outcome.points for outcome in self.outcomes)

    @property
    def streak(self) -> int:
        """Right answers in a row up to now."""
        return self._streak

    @property
    def is_over(self) -> bool:
        """Whether the round has finished or was abandoned."""
        return self.phase in (Phase.FINISHED, Phase.ABANDONED)

    # -- actions -----------------------------------------------------------

    def answer(self, chosen: Iterable[int], at: float | None = None) -> Outcome:
        """Answer the current question with the indexes of the chosen choices.

        An answer given after the deadline counts as a time-out.
        """
        self._require(Phase.ASKING, "answer")
        now = self._clock() if at is None else at
        asked = self._asked
        picked = frozenset(chosen)
        bad = [i for i in picked if not 0 <= i < len(asked.choices)]
        if bad:
            raise RoundError(f"choice {bad[0]} is not one of {len(asked.choices)} choices")
        if not picked:
            raise RoundError("an answer needs at least one choice")
        if not asked.multiple and len(picked) > 1:
            raise RoundError("this question takes one choice")
        deadline = asked.deadline
        if deadline is not None and now > deadline:
            return self._record(picked, seconds=asked.limit or 0.0, timed_out=True)
        return self._record(picked, seconds=max(now - asked.started_at, 0.0), timed_out=False)

    def expire(self, now: float | None = None) -> Outcome | None:
        """Time out the current question if its deadline has passed; otherwise nothing."""
        if self.phase is not Phase.ASKING:
            return None
        now = self._clock() if now is None else now
        asked = self._asked
        deadline = asked.deadline
        if deadline is None or now < deadline:
            return None
        return self._record(frozenset(), seconds=asked.limit or 0.0, timed_out=True)

    def advance(self) -> Asked | None:
        """Leave the feedback and ask the next question; None when the round is finished."""
        self._require(Phase.FEEDBACK, "advance")
        index = len(self.outcomes)
        if index >= len(self.questions):
            self.phase = Phase.FINISHED
            return None
        self._asked = self._ask(index)
        self.phase = Phase.ASKING
        return self._asked

    def abandon(self) -> None:
        """Stop the round before its end."""
        if not self.is_over:
            self.phase = Phase.ABANDONED

    def results(self) -> Results:
        """The round's summary so far."""
        return Results(
            outcomes=tuple(self.outcomes),
            total_questions=len(self.questions),
            practice=self.settings.practice,
            abandoned=self.phase is Phase.ABANDONED,
        )

    # -- internals ---------------------------------------------------------

    def _require(self, phase: Phase, action: str) -> None:
        if self.phase is not phase:
            raise RoundError(f"cannot {action} while the round is {self.phase.value}")

    def _limit_for(self, question: Question) -> float | None:
        if self.settings.practice:
            return None
        if self.settings.time_limit is not None:
            base = self.settings.time_limit
        else:
            base = question.time_limit if question.time_limit is not None else DEFAULT_TIME_LIMIT
        return base * self.settings.time_multiplier

    def _ask(self, index: int) -> Asked:
        question = self.questions[index]
        choices, correct = shuffled_choices(question, self._rng)
        return Asked(
            question=question,
            number=index + 1,
            total=len(self.questions),
            choices=choices,
            correct=correct,
            started_at=self._clock(),
            limit=self._limit_for(question),
        )

    def _record(self, picked: frozenset[int], *, seconds: float, timed_out: bool) -> Outcome:
        asked = self._asked
        correct = not timed_out and picked == asked.correct
        self._streak = self._streak + 1 if correct else 0
        points = score_answer(correct=correct, seconds=seconds, limit=asked.limit, streak=self._streak)
        outcome = Outcome(
            asked=asked,
            chosen=picked,
            correct=correct,
            timed_out=timed_out,
            seconds=seconds,
            base_points=points.base,
            streak_bonus=points.streak_bonus,
            streak=self._streak,
        )
        self.outcomes.append(outcome)
        self.phase = Phase.FEEDBACK
        return outcome
