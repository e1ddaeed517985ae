"""Helpers for the store tests: questions, and rounds played through the real ``Round`` into a store."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from lunarquiz.core.model import Kind, Question
from lunarquiz.core.round import Round, RoundSettings
from lunarquiz.store.records import Mode
from lunarquiz.store.store import Store

from .conftest import FakeClock

START = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)
"""The tests' 'now': every write is given a time from here on."""


def question(qid: str, bank: str = "space", tags: tuple[str, ...] = ()) -> Question:
    """A single-choice question whose right answer is 'Right'."""
    return Question(
        id=qid, prompt=f"{qid}?", kind=Kind.SINGLE, answers=("Right",), wrong=("W1", "W2"), bank_id=bank, tags=tags
    )


def play(
    store: Store,
    questions: Sequence[Question],
    answers: Mapping[str, tuple[bool, float]],
    *,
    player: str = "ann",
    mode: Mode = "timed",
    at: datetime = START,
    finish: bool = True,
    stop_after: int | None = None,
    time_limit: float = 20.0,
) -> int:
    """Play a round of ``questions`` (in a seeded order): each gets ``answers[id]`` = (right?, seconds).

    With ``stop_after`` (or an empty ``answers``) the round stops after that many answers and
    stays unfinished, as after a crash; otherwise it is finished when ``finish``.
    Answer N is saved at ``at`` + N minutes. Returns the round id.
    """
    clock = FakeClock()
    practice = mode == "practice"
    settings = RoundSettings(time_limit=time_limit, practice=practice)
    round_ = Round(list(questions), rng=random.Random(7), clock=clock, settings=settings)
    bank_ids = sorted({q.bank_id for q in questions})
    round_id = store.start_round(
        player, bank_ids, mode, settings=settings, total_questions=len(round_.questions), at=at
    )
    stop_after = 0 if not answers else stop_after
    for number in range(len(round_.questions) if stop_after is None else stop_after):
        asked = round_.current
        right, seconds = answers[asked.question.id]
        clock.advance(seconds)
        wrong = next(i for i in range(len(asked.choices)) if i not in asked.correct)
        outcome = round_.answer([min(asked.correct)] if right else [wrong])
        store.record_answer(round_id, outcome, at=at + timedelta(minutes=number + 1))
        if round_.advance() is None:
            break
    if finish and stop_after is None:
        store.finish_round(round_id, round_.results(), at=at + timedelta(minutes=len(round_.questions) + 1))
    return round_id
