"""Migrations: a new or empty file gets the whole schema, and a version 1 file is brought up to date intact."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from lunarquiz.store.schema import CURRENT_VERSION, MIGRATIONS, migrate, user_version
from lunarquiz.store.store import Store
from lunarquiz.store.timestamps import to_text

from .store_helpers import START


def schema_of(path: Path) -> set[tuple[str, str]]:
    db = sqlite3.connect(path)
    rows = db.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    db.close()
    return set(rows)


def make_version_1(path: Path) -> None:
    """A file as the first release wrote it: ann played one timed round, right then wrong."""
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=1)
    assert user_version(db) == 1
    when = to_text(START)
    db.execute("INSERT INTO players (id, name, created_at, chosen_at) VALUES (1, 'ann', ?, ?)", (when, when))
    db.execute(
        "INSERT INTO rounds (id, player_id, banks, mode, total_questions, status, started_at, ended_at)"
        " VALUES (1, 1, 'space', 'timed', 2, 'finished', ?, ?)",
        (when, to_text(START + timedelta(minutes=3))),
    )
    for position, (qid, correct, points) in enumerate([("q1", 1, 900), ("q2", 0, 0)], start=1):
        db.execute(
            "INSERT INTO answers (round_id, position, player_id, bank_id, question_id, tags, chosen, correct,"
            " timed_out, seconds, time_limit, points, mode, answered_at)"
            " VALUES (1, ?, 1, 'space', ?, '[\"orbits\"]', '[\"Right\"]', ?, 0, 4.0, 20.0, ?, 'timed', ?)",
            (position, qid, correct, points, to_text(START + timedelta(minutes=position))),
        )
    db.close()


def test_every_migration_step_is_counted_in_the_version() -> None:
    assert len(MIGRATIONS) == CURRENT_VERSION >= 2


def test_a_new_file_gets_the_current_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "lunarquiz.db") as store:
        assert store.saving
        assert user_version(store._db) == CURRENT_VERSION
    assert ("table", "cards") in schema_of(tmp_path / "lunarquiz.db")


def test_an_empty_file_is_a_new_store(tmp_path: Path) -> None:
    path = tmp_path / "lunarquiz.db"
    path.write_bytes(b"")
    with Store.open(path) as store:
        assert store.saving and store.take_notices() == []
        assert user_version(store._db) == CURRENT_VERSION
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_a_version_1_file_keeps_its_data_and_reaches_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "lunarquiz.db"
    make_version_1(path)
    assert ("table", "cards") not in schema_of(path)
    with Store.open(path) as store:
        assert store.saving and store.take_notices() == []
        assert user_version(store._db) == CURRENT_VERSION
        (past,) = store.history()
        assert (past.player, past.banks, past.status, past.answered, past.right, past.score) == (
            "ann",
            ("space",),
            "finished",
            2,
            1,
            900,
        )
        assert {t.subject: t.answered for t in store.statistics().tags} == {"orbits": 2}
        assert store.last_player() == "ann"
        # version 2 replayed the saved answers into study cards: the wrong one is due soon, the right one later
        available = [("space", "q1"), ("space", "q2"), ("space", "q3")]
        assert store.study_queue("ann", available, START + timedelta(minutes=30)) == [("space", "q2"), ("space", "q3")]
    fresh = tmp_path / "fresh.db"
    Store.open(fresh).close()
    assert schema_of(path) == schema_of(fresh)


def test_a_migrated_file_is_not_migrated_again(tmp_path: Path) -> None:
    path = tmp_path / "lunarquiz.db"
    make_version_1(path)
    Store.open(path).close()
    db = sqlite3.connect(path)
    cards = db.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    db.close()
    with Store.open(path) as store:
        assert store.history()[0].answered == 2
        assert store._db.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == cards == 2


def test_a_file_from_a_newer_release_is_read_but_not_written(tmp_path: Path) -> None:
    path = tmp_path / "lunarquiz.db"
    make_version_1(path)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {CURRENT_VERSION + 5}")
    db.close()
    with Store.open(path) as store:
        assert not store.saving
        (notice,) = store.take_notices()
        assert "newer lunarquiz" in notice
        assert store.history()[0].player == "ann"
        assert store.start_round("ann", ["space"], "timed", at=START) < 0
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION + 5
    assert db.execute("SELECT COUNT(*) FROM rounds").fetchone()[0] == 1
    db.close()
