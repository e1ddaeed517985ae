"""The store's writes for a round: its player, its start, each answer as given, and its end."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from lunarquiz.core.results import Outcome
from lunarquiz.core.review import rating_for_outcome
from lunarquiz.core.round import RoundSettings
from lunarquiz.store.cards import review_card
from lunarquiz.store.records import Mode, RoundStatus
from lunarquiz.store.timestamps import to_text


def save_player(db: sqlite3.Connection, name: str, at: datetime) -> int:
    """The player's id, adding the player if new; marks them as the one chosen last."""
    when = to_text(at)
    db.execute(
        "INSERT INTO players (name, created_at, chosen_at) VALUES (?, ?, ?)"
        " ON CONFLICT (name) DO UPDATE SET chosen_at = excluded.chosen_at",
        (name, when, when),
    )
    row = db.execute("SELECT id FROM players WHERE name = ?", (name,)).fetchone()
    return int(row[0])


def save_round_start(
    db: sqlite3.Connection,
    player_id: int,
    banks: str,
    mode: Mode,
    settings: RoundSettings,
    total_questions: int | None,
    at: datetime,
) -> int:
    """A new unfinished round; returns its id."""
    settings_json = json.dumps(
        {"questions": settings.questions, "time_limit": settings.time_limit, "practice": settings.practice}
    )
    cursor = db.execute(
        "INSERT INTO rounds (player_id, banks, mode, settings, total_questions, started_at) VALUES (?, ?, ?, ?, ?, ?)",
        (player_id, banks, mode, settings_json, total_questions, to_text(at)),
    )
    return int(cursor.lastrowid or 0)


def save_answer(
    db: sqlite3.Connection, round_id: int, player_id: int, mode: Mode, outcome: Outcome, at: datetime
) -> bool:
    """One answer and the player's study card after it; False when this question of the round was saved already."""
    question = outcome.asked.question
    cursor = db.execute(
        "INSERT INTO answers (round_id, position, player_id, bank_id, question_id, tags, chosen, correct,"
        " timed_out, seconds, time_limit, points, mode, answered_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (round_id, position) DO NOTHING",
        (
            round_id,
            outcome.asked.number,
            player_id,
            question.bank_id,
            question.id,
            json.dumps(list(question.tags), ensure_ascii=False),
            json.dumps(list(outcome.chosen_texts), ensure_ascii=False),
            outcome.correct,
            outcome.timed_out,
            outcome.seconds,
            outcome.asked.limit,
            outcome.points,
            mode,
            to_text(at),
        ),
    )
    if cursor.rowcount != 1:
        return False
    review_card(db, player_id, (question.bank_id, question.id), rating_for_outcome(outcome), at)
    return True


def save_round_end(db: sqlite3.Connection, round_id: int, status: RoundStatus, at: datetime) -> bool:
    """Mark an unfinished round finished or abandoned; False when it had ended already."""
    cursor = db.execute(
        "UPDATE rounds SET status = ?, ended_at = ? WHERE id = ? AND status = 'unfinished'",
        (status, to_text(at), round_id),
    )
    return cursor.rowcount == 1
