"""Which questions review and study rounds offer a player, from their saved answers and FSRS cards."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from lunarquiz.core.review import AnswerHistory, QuestionKey, count_due, review_order, study_order
from lunarquiz.store.cards import due_dates


def player_id(db: sqlite3.Connection, player: str) -> int | None:
    """The player's row id, or None for a player never saved."""
    row = db.execute("SELECT id FROM players WHERE name = ?", (player,)).fetchone()
    return None if row is None else int(row[0])


def answer_histories(db: sqlite3.Connection, player: str) -> list[AnswerHistory]:
    """How the player has done on every question they have answered."""
    rows = db.execute(
        """SELECT a.bank_id, a.question_id, COUNT(*), SUM(1 - a.correct),
                  (SELECT last.correct FROM answers AS last
                   WHERE last.player_id = a.player_id AND last.bank_id = a.bank_id
                     AND last.question_id = a.question_id
                   ORDER BY last.answered_at DESC, last.id DESC LIMIT 1),
                  COALESCE(MAX(CASE WHEN a.correct = 0 THEN a.answered_at END), '')
           FROM answers AS a JOIN players AS p ON p.id = a.player_id
           WHERE p.name = ?
           GROUP BY a.bank_id, a.question_id""",
        (player,),
    ).fetchall()
    return [
        AnswerHistory(
            key=(bank, question), answered=answered, wrong=wrong, last_correct=bool(last), last_wrong_at=wrong_at
        )
        for bank, question, answered, wrong, last, wrong_at in rows
    ]


def review_candidates(
    db: sqlite3.Connection, player: str, limit: int | None = None, available: Sequence[QuestionKey] | None = None
) -> list[QuestionKey]:
    """The questions the player got wrong, latest still-wrong first, then most often wrong (see ``review_order``).

    With ``available``, only those questions (the banks loaded now) are offered.
    """
    histories = answer_histories(db, player)
    if available is not None:
        wanted = set(available)
        histories = [history for history in histories if history.key in wanted]
    return review_order(histories, limit)


def study_queue(
    db: sqlite3.Connection, player: str, available: Sequence[QuestionKey], now: datetime, limit: int | None = None
) -> list[QuestionKey]:
    """The questions a study round offers: due cards, most overdue first, then new questions in given order."""
    found = player_id(db, player)
    due = {} if found is None else due_dates(db, found, available)
    return study_order(available, due, now, limit)


def due_count(db: sqlite3.Connection, player: str, available: Sequence[QuestionKey], now: datetime) -> int:
    """How many of the available questions are due for the player at ``now`` (new ones not counted)."""
    found = player_id(db, player)
    return 0 if found is None else count_due(available, due_dates(db, found, available), now)
