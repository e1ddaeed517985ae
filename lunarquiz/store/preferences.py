"""A player's remembered settings: extra time, untimed rounds, and the colour theme."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime

from lunarquiz.core.round import RoundSettings
from lunarquiz.store.rounds import save_player


@dataclass(frozen=True, slots=True)
class Preferences:
    """What a player chose once and wants every time (accommodations and looks)."""

    time_multiplier: float = 1.0
    """More time for every question (1.5 gives half as much again)."""
    untimed: bool = False
    """No time limit at all (scored like practice)."""
    theme: str = ""
    """The Textual theme's name; empty for the default."""

    def accommodate(self, settings: RoundSettings) -> RoundSettings:
        """``settings`` with this player's extra time or untimed play (never less than asked for)."""
        return replace(
            settings,
            time_multiplier=max(settings.time_multiplier, self.time_multiplier),
            practice=settings.practice or self.untimed,
        )


def _from_json(text: str) -> Preferences:
    """Preferences from their stored JSON; unknown or badly typed keys are ignored."""
    try:
        data = json.loads(text)
    except ValueError:
        return Preferences()
    if not isinstance(data, dict):
        return Preferences()
    defaults = Preferences()
    values: dict[str, object] = {}
    for field in fields(Preferences):
        value = data.get(field.name)
        default = getattr(defaults, field.name)
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, float):
            ok = isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value <= 10
        else:
            ok = isinstance(value, str)
        if ok:
            values[field.name] = float(value) if isinstance(default, float) else value  # type: ignore[arg-type]
    return Preferences(**values)  # type: ignore[arg-type]


def load_preferences(db: sqlite3.Connection, name: str) -> Preferences:
    """The player's preferences (the defaults for a player who has none)."""
    row = db.execute(
        "SELECT s.settings FROM player_settings s JOIN players p ON p.id = s.player_id WHERE p.name = ?", (name,)
    ).fetchone()
    return Preferences() if row is None else _from_json(str(row[0]))


def save_preferences(db: sqlite3.Connection, name: str, preferences: Preferences, at: datetime) -> None:
    """Remember the player's preferences (adding the player if new)."""
    player_id = save_player(db, name, at)
    db.execute(
        "INSERT INTO player_settings (player_id, settings) VALUES (?, ?)"
        " ON CONFLICT (player_id) DO UPDATE SET settings = excluded.settings",
        (player_id, json.dumps(asdict(preferences), sort_keys=True)),
    )
