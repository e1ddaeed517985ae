"""FSRS cards in the store: one per player and question, updated in the transaction that saves the answer."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from lunarquiz.core.review import QuestionKey, review
from lunarquiz.store.timestamps import from_text, to_text

if TYPE_CHECKING:  # fsrs is imported when a card is first read (see lunarquiz.core.review)
    from fsrs import Card, Rating


def load_card(db: sqlite3.Connection, player_id: int, key: QuestionKey) -> Card | None:
    """The player's card for one question, or None when the question is new to them."""
    row = db.execute(
        "SELECT card FROM cards WHERE player_id = ? AND bank_id = ? AND question_id = ?", (player_id, *key)
    ).fetchone()
    if row is None:
        return None
    from fsrs import Card

    return Card.from_json(row[0])


def review_card(db: sqlite3.Connection, player_id: int, key: QuestionKey, rating: Rating, at: datetime) -> Card:
    """Review the player's card for one question with ``rating`` at ``at`` and save it; call inside a transaction."""
    card = review(load_card(db, player_id, key), rating, at)
    db.execute(
        "INSERT INTO cards (player_id, bank_id, question_id, due, card, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (player_id, bank_id, question_id)"
        " DO UPDATE SET due = excluded.due, card = excluded.card, reviewed_at = excluded.reviewed_at",
        (player_id, *key, to_text(card.due), card.to_json(), to_text(at)),
    )
    return card


def due_dates(db: sqlite3.Connection, player_id: int, available: Iterable[QuestionKey]) -> dict[QuestionKey, datetime]:
    """When each of the available questions that has a card is due for the player."""
    wanted = set(available)
    rows = db.execute("SELECT bank_id, question_id, due FROM cards WHERE player_id = ?", (player_id,))
    return {(bank, question): from_text(due) for bank, question, due in rows if (bank, question) in wanted}
