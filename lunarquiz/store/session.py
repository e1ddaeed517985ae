"""A round's link to the store: the questions of review and study rounds, and saving each answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from lunarquiz.core.model import Question
from lunarquiz.core.results import Outcome, Results
from lunarquiz.core.round import Round, RoundSettings
from lunarquiz.store.records import Mode, RoundEnd
from lunarquiz.store.store import Store


def settings_for_mode(mode: Mode, settings: RoundSettings) -> RoundSettings:
    """The settings a mode implies: review and study keep their order; practice has no clock."""
    if mode in ("review", "study"):
        return replace(settings, in_order=True)
    if mode == "practice":
        return replace(settings, practice=True)
    return settings


def questions_for_mode(
    store: Store, player: str, mode: Mode, questions: Sequence[Question], now: datetime
) -> list[Question]:
    """The questions a round in ``mode`` asks: the player's mistakes, their due cards, or all of them."""
    if mode == "review":
        return review_questions(store, player, questions)
    if mode == "study":
        return study_questions(store, player, questions, now)
    return list(questions)


def review_questions(store: Store, player: str, questions: Sequence[Question]) -> list[Question]:
    """The questions this player got wrong, most recently or most often first."""
    by_key = {(question.bank_id, question.id): question for question in questions}
    return [by_key[key] for key in store.review_candidates(player, available=list(by_key)) if key in by_key]


def study_questions(store: Store, player: str, questions: Sequence[Question], now: datetime) -> list[Question]:
    """The questions due for study, most overdue first, then new ones."""
    by_key = {(question.bank_id, question.id): question for question in questions}
    return [by_key[key] for key in store.study_queue(player, list(by_key), now) if key in by_key]


def due_count(store: Store, player: str, questions: Sequence[Question], now: datetime) -> int:
    """How many of ``questions`` are due for this player's study."""
    return store.due_count(player, [(question.bank_id, question.id) for question in questions], now)


class StoreRecorder:
    """Saves a round in the store while it is played: each answer at once, then how it ended."""

    def __init__(
        self, store: Store, player: str, mode: Mode, round_: Round, now: Callable[[], datetime] | None = None
    ) -> None:
        """``now`` gives the wall-clock time written with each row (the store's own clock when None).

        An untimed round asked for as timed (``--untimed``, an accommodation) is saved as practice.
        """
        if mode == "timed" and round_.settings.practice:
            mode = "practice"
        self.store = store
        self.now: Callable[[], datetime | None] = now or (lambda: None)
        bank_ids = sorted({question.bank_id for question in round_.questions})
        self.round_id = store.start_round(
            player, bank_ids, mode, settings=round_.settings, total_questions=len(round_.questions), at=self.now()
        )
        self.end: RoundEnd | None = None
        """How the round ended (personal best or not), once it has."""

    def answered(self, outcome: Outcome) -> None:
        """Save one answer in its own transaction."""
        self.store.record_answer(self.round_id, outcome, at=self.now())

    def ended(self, results: Results) -> None:
        """Mark the round finished or abandoned, and learn whether it was a personal best."""
        if self.end is None:
            self.end = self.store.finish_round(self.round_id, results, at=self.now())
