"""Player preferences in the store: kept per player, read safely, added by the version 3 migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from lunarquiz.core.round import RoundSettings
from lunarquiz.store.preferences import Preferences
from lunarquiz.store.schema import CURRENT_VERSION, migrate, user_version
from lunarquiz.store.store import Store


def test_preferences_are_kept_per_player(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.save_preferences("Ana", Preferences(time_multiplier=1.5, untimed=False, theme="ansi-dark"))
        store.save_preferences("Ben", Preferences(untimed=True))
        store.save_preferences("Ana", Preferences(time_multiplier=2.0, theme="ansi-dark"))
    with Store.open(tmp_path / "s.db") as store:
        assert store.preferences("Ana") == Preferences(time_multiplier=2.0, theme="ansi-dark")
        assert store.preferences("Ben") == Preferences(untimed=True)
        assert store.preferences("Cleo") == Preferences()


def test_damaged_preferences_fall_back_to_defaults(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.save_preferences("Ana", Preferences(time_multiplier=2.0))
    db = sqlite3.connect(tmp_path / "s.db")
    db.execute("""UPDATE player_settings SET settings = '{"time_multiplier": 500, "untimed": "yes", "theme": 3}'""")
    db.commit()
    db.close()
    with Store.open(tmp_path / "s.db") as store:
        assert store.preferences("Ana") == Preferences()


def test_accommodations_never_give_less_than_asked() -> None:
    settings = RoundSettings(time_multiplier=3.0)
    assert Preferences(time_multiplier=1.5).accommodate(settings).time_multiplier == 3.0
    assert Preferences(time_multiplier=2.0).accommodate(RoundSettings()).time_multiplier == 2.0
    assert Preferences(untimed=True).accommodate(RoundSettings()).practice


def test_a_version_2_file_gains_the_preferences_table(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=2)
    assert user_version(db) == 2
    db.execute("INSERT INTO players (name, created_at, chosen_at) VALUES ('Ana', '2026-01-01T00:00:00+00:00', NULL)")
    db.close()
    with Store.open(path) as store:
        assert store.last_player() == "Ana"
        store.save_preferences("Ana", Preferences(untimed=True))
        assert store.preferences("Ana").untimed
    db = sqlite3.connect(path)
    assert user_version(db) == CURRENT_VERSION == 3
    db.close()
