"""Accuracy and time per bank, per tag and per question, hardest first; and answers for export."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from lunarquiz.store.records import Mode
from lunarquiz.store.reports import Accuracy, SavedAnswer, Statistics
from lunarquiz.store.timestamps import to_text

_FILTER = "(:player IS NULL OR p.name = :player) AND (:bank IS NULL OR a.bank_id = :bank)"
_FIGURES = "COUNT(*), COALESCE(SUM(a.correct), 0), AVG(CASE WHEN a.timed_out THEN NULL ELSE a.seconds END)"


def _accuracies(db: sqlite3.Connection, sql: str, params: dict[str, Any]) -> tuple[Accuracy, ...]:
    rows: Sequence[tuple[str, str, int, int, float | None]] = db.execute(sql, params).fetchall()
    found = [
        Accuracy(subject=subject, bank_id=bank, answered=answered, right=right, average_seconds=seconds)
        for subject, bank, answered, right, seconds in rows
    ]
    found.sort(key=lambda item: (item.accuracy, -item.answered, item.bank_id, item.subject))
    return tuple(found)


def statistics(db: sqlite3.Connection, *, player: str | None = None, bank: str | None = None) -> Statistics:
    """Figures over every saved answer (of one player, in one bank, when given), including unfinished rounds."""
    params: dict[str, Any] = {"player": player, "bank": bank}
    joined = "FROM answers AS a JOIN players AS p ON p.id = a.player_id"
    answered, right, seconds = db.execute(f"SELECT {_FIGURES} {joined} WHERE {_FILTER}", params).fetchone()
    banks = _accuracies(
        db, f"SELECT a.bank_id, a.bank_id, {_FIGURES} {joined} WHERE {_FILTER} GROUP BY a.bank_id", params
    )
    tags = _accuracies(
        db,
        f"SELECT tag.value, '', {_FIGURES} {joined}, json_each(a.tags) AS tag WHERE {_FILTER} GROUP BY tag.value",
        params,
    )
    questions = _accuracies(
        db,
        f"SELECT a.question_id, a.bank_id, {_FIGURES} {joined} WHERE {_FILTER} GROUP BY a.bank_id, a.question_id",
        params,
    )
    return Statistics(
        answered=answered, right=right, average_seconds=seconds, banks=banks, tags=tags, questions=questions
    )


def saved_answers(
    db: sqlite3.Connection, *, player: str | None = None, bank: str | None = None, since: datetime | None = None
) -> list[SavedAnswer]:
    """Every saved answer, oldest first, of one player, in one bank, from a time on, when given."""
    rows = db.execute(
        f"""SELECT a.answered_at, p.name, a.bank_id, a.question_id, a.chosen, a.correct, a.timed_out,
                   a.seconds, a.points, a.mode, a.round_id
            FROM answers AS a JOIN players AS p ON p.id = a.player_id
            WHERE {_FILTER} AND (:since IS NULL OR a.answered_at >= :since)
            ORDER BY a.answered_at, a.id""",
        {"player": player, "bank": bank, "since": None if since is None else to_text(since)},
    ).fetchall()
    return [
        SavedAnswer(
            answered_at=answered_at,
            player=name,
            bank_id=bank_id,
            question_id=question_id,
            chosen=tuple(str(text) for text in json.loads(chosen)),
            correct=bool(correct),
            timed_out=bool(timed_out),
            seconds=seconds,
            points=points,
            mode=cast(Mode, mode),
            round_id=round_id,
        )
        for answered_at, name, bank_id, question_id, chosen, correct, timed_out, seconds, points, mode, round_id in rows
    ]
