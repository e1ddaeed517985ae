"""Rules for review and study rounds: outcomes as FSRS ratings, and which questions come next."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

from lunarquiz.core.results import Outcome

if TYPE_CHECKING:  # fsrs is imported when a card is first rated: starting a round does not wait for it
    from fsrs import Card, Rating, Scheduler

QuestionKey = tuple[str, str]
"""A question as (bank id, question id)."""

FAST_FRACTION = 0.25
"""A right answer within this fraction of the time limit is easy."""
SLOW_FRACTION = 0.75
"""A right answer after this fraction of the time limit is hard."""


@cache
def scheduler() -> Scheduler:
    """The FSRS scheduler with its default parameters; no fuzz, so the same answers give the same schedule."""
    from fsrs import Scheduler

    return Scheduler(enable_fuzzing=False)


def rating_for(*, correct: bool, seconds: float, limit: float | None) -> Rating:
    """The FSRS rating of one answer: wrong is Again; right is Easy when fast, Hard when slow, else Good.

    Without a time limit (practice) a right answer is Good.
    """
    from fsrs import Rating

    if not correct:
        return Rating.Again
    if limit is None or limit <= 0:
        return Rating.Good
    if seconds < FAST_FRACTION * limit:
        return Rating.Easy
    if seconds > SLOW_FRACTION * limit:
        return Rating.Hard
    return Rating.Good


def rating_for_outcome(outcome: Outcome) -> Rating:
    """The FSRS rating of an outcome (a time-out is wrong, so Again)."""
    return rating_for(correct=outcome.correct, seconds=outcome.seconds, limit=outcome.asked.limit)


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def new_card(now: datetime) -> Card:
    """A card never reviewed, due at ``now`` (its id is derived from ``now``, not from a clock)."""
    from fsrs import Card

    moment = as_utc(now)
    return Card(card_id=int(moment.timestamp() * 1000), due=moment)


def review(card: Card | None, rating: Rating, now: datetime) -> Card:
    """The card after one review with ``rating`` at ``now`` (a new card when ``card`` is None)."""
    moment = as_utc(now)
    reviewed, _log = scheduler().review_card(card or new_card(moment), rating, review_datetime=moment)
    return reviewed


def study_order(
    available: Sequence[QuestionKey], due: Mapping[QuestionKey, datetime], now: datetime, limit: int | None = None
) -> list[QuestionKey]:
    """The questions a study round offers: due ones, most overdue first, then new ones in given order.

    ``due`` maps each question that has a card to when it is due; a question not in it is new.
    Questions with a card that is not due yet are left out.
    """
    moment = as_utc(now)
    seen: set[QuestionKey] = set()
    overdue: list[tuple[datetime, int, QuestionKey]] = []
    fresh: list[QuestionKey] = []
    for index, key in enumerate(available):
        if key in seen:
            continue
        seen.add(key)
        when = due.get(key)
        if when is None:
            fresh.append(key)
        elif as_utc(when) <= moment:
            overdue.append((as_utc(when), index, key))
    picked = [key for _when, _index, key in sorted(overdue)] + fresh
    return picked if limit is None else picked[: max(limit, 0)]


def count_due(available: Iterable[QuestionKey], due: Mapping[QuestionKey, datetime], now: datetime) -> int:
    """How many of the available questions have a card due at ``now`` (new questions not counted)."""
    moment = as_utc(now)
    return sum(1 for key in set(available) if key in due and as_utc(due[key]) <= moment)


@dataclass(frozen=True, slots=True)
class AnswerHistory:
    """How one player has done on one question so far."""

    key: QuestionKey
    answered: int
    wrong: int
    last_correct: bool
    """Whether the most recent answer was right."""
    last_wrong_at: str
    """ISO 8601 UTC time of the most recent wrong answer ("" when never wrong)."""


def review_order(histories: Iterable[AnswerHistory], limit: int | None = None) -> list[QuestionKey]:
    """The questions a review round offers: those ever answered wrong.

    First those whose latest answer is still wrong, most recent first; then those answered
    right since, most often wrong first. Never-wrong questions are left out.
    """
    missed = [history for history in histories if history.wrong > 0]
    recent_first = sorted(missed, key=lambda history: (history.last_wrong_at, history.wrong), reverse=True)
    still_wrong = [history for history in recent_first if not history.last_correct]
    since_right = sorted(
        (history for history in recent_first if history.last_correct),
        key=lambda history: (history.wrong, history.wrong / history.answered),
        reverse=True,
    )
    picked = [history.key for history in still_wrong + since_right]
    return picked if limit is None else picked[: max(limit, 0)]
