"""The store's tables and the migrations that bring any older file up to date (``PRAGMA user_version``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from lunarquiz.core.review import rating_for
from lunarquiz.store.cards import review_card
from lunarquiz.store.database import immediate
from lunarquiz.store.timestamps import from_text

Migration = Callable[[sqlite3.Connection], None]
"""One step: takes the file from version N to N + 1 inside the caller's transaction."""

VERSION_1 = (
    """CREATE TABLE players (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        chosen_at TEXT
    )""",
    """CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        player_id INTEGER NOT NULL REFERENCES players (id),
        banks TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('timed', 'practice', 'review', 'study')),
        settings TEXT NOT NULL DEFAULT '{}',
        total_questions INTEGER,
        status TEXT NOT NULL DEFAULT 'unfinished' CHECK (status IN ('unfinished', 'finished', 'abandoned')),
        started_at TEXT NOT NULL,
        ended_at TEXT
    )""",
    "CREATE INDEX rounds_by_player ON rounds (player_id, started_at)",
    "CREATE INDEX rounds_by_banks ON rounds (banks, status, mode)",
    """CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        player_id INTEGER NOT NULL REFERENCES players (id),
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        chosen TEXT NOT NULL DEFAULT '[]',
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        timed_out INTEGER NOT NULL DEFAULT 0 CHECK (timed_out IN (0, 1)),
        seconds REAL NOT NULL,
        time_limit REAL,
        points INTEGER NOT NULL,
        mode TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        UNIQUE (round_id, position)
    )""",
    "CREATE INDEX answers_by_question ON answers (player_id, bank_id, question_id, answered_at)",
    "CREATE INDEX answers_by_time ON answers (answered_at)",
)
"""The first schema: players, rounds (``status`` stays 'unfinished' until the round ends) and answers.

``rounds.banks`` is the round's bank ids, sorted and joined with commas; ``answers.tags`` and
``answers.chosen`` are JSON lists of text; times are ISO 8601 UTC text.
"""

VERSION_2 = (
    """CREATE TABLE cards (
        player_id INTEGER NOT NULL REFERENCES players (id) ON DELETE CASCADE,
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        due TEXT NOT NULL,
        card TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        PRIMARY KEY (player_id, bank_id, question_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX cards_by_due ON cards (player_id, due)",
)
"""FSRS cards for study rounds: ``card`` is ``fsrs.Card.to_json()``, ``due`` repeats its due time for queries."""


VERSION_3 = (
    """CREATE TABLE player_settings (
        player_id INTEGER PRIMARY KEY REFERENCES players (id) ON DELETE CASCADE,
        settings TEXT NOT NULL DEFAULT '{}'
    )""",
)
"""Each player's remembered preferences (extra time, untimed, theme) as a JSON object."""


def _run(statements: Sequence[str]) -> Migration:
    def step(db: sqlite3.Connection) -> None:
        for statement in statements:
            db.execute(statement)

    return step


def _add_cards(db: sqlite3.Connection) -> None:
    """Version 2: the cards table, filled by replaying every answer already saved, oldest first."""
    _run(VERSION_2)(db)
    rows = db.execute(
        "SELECT player_id, bank_id, question_id, correct, seconds, time_limit, answered_at FROM answers"
        " ORDER BY answered_at, id"
    ).fetchall()
    for player_id, bank_id, question_id, correct, seconds, limit, answered_at in rows:
        rating = rating_for(correct=bool(correct), seconds=seconds, limit=limit)
        review_card(db, player_id, (bank_id, question_id), rating, from_text(answered_at))


MIGRATIONS: tuple[Migration, ...] = (_run(VERSION_1), _add_cards, _run(VERSION_3))
"""Step N (1-based) takes a file from version N - 1 to N; never change a released step, add one."""
CURRENT_VERSION = len(MIGRATIONS)


class NewerSchemaError(Exception):
    """The file was written by a newer lunarquiz than this one."""

    def __init__(self, version: int) -> None:
        super().__init__(f"schema version {version} is newer than {CURRENT_VERSION}")
        self.version = version


def user_version(db: sqlite3.Connection) -> int:
    """The schema version the file is at (0 for a new file)."""
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: sqlite3.Connection, target: int = CURRENT_VERSION) -> int:
    """Bring the file up to ``target`` in one transaction; returns the version it was at.

    Safe when several processes open a new file at once: the version is read again once
    the write lock is held. Raises ``NewerSchemaError`` for a file from a newer release.
    """
    found = user_version(db)
    if found > CURRENT_VERSION:
        raise NewerSchemaError(found)
    if found >= target:
        return found
    with immediate(db):
        found = user_version(db)
        for step in MIGRATIONS[found:target]:
            step(db)
        if found < target:
            db.execute(f"PRAGMA user_version = {int(target)}")
    return found
