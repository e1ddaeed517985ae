"""``Store``: the one object the game talks to; it saves each answer as it is given and answers queries."""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from lunarquiz.core.players import is_player_name, player_name
from lunarquiz.core.results import Outcome, Results
from lunarquiz.core.round import RoundSettings
from lunarquiz.core.text import clean_text
from lunarquiz.store import rounds
from lunarquiz.store.database import immediate
from lunarquiz.store.opening import open_file, reason
from lunarquiz.store.paths import database_path
from lunarquiz.store.preferences import Preferences, load_preferences, save_preferences
from lunarquiz.store.records import MODES, Mode, RoundEnd, RoundStatus, banks_key
from lunarquiz.store.schema import migrate
from lunarquiz.store.timestamps import utc_now

if TYPE_CHECKING:
    from lunarquiz.core.review import QuestionKey
    from lunarquiz.store.reports import LeaderboardEntry, RoundSummary, SavedAnswer, Statistics

# The queries behind history, statistics, review and study (lunarquiz.store.history, .statistics
# and .study) and what they return (lunarquiz.store.reports) are imported by the methods that
# use them: a round starts without them.

T = TypeVar("T")

_BUGS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)
"""Errors that mean the caller or the store is wrong, not the disk: these are raised, not absorbed."""


@dataclass(frozen=True, slots=True)
class _Round:
    player: str
    player_id: int | None
    """None when the round was not saved."""
    banks: str
    mode: Mode


class Store:
    """Rounds, answers and study cards in one SQLite file; or nothing saved, when ``saving`` is False.

    No method raises for a disk or file problem: a write that fails turns saving off, a read
    that fails returns nothing, and either adds a notice to show (``take_notices``).
    Every method that writes takes ``at`` (default: now, in UTC).
    """

    def __init__(self, db: sqlite3.Connection, *, path: Path | None, saving: bool, notices: Sequence[str] = ()) -> None:
        self._db = db
        self.path = path
        """The file, or None for a store that was never on disk."""
        self.saving = saving
        """Whether answers are being written to disk."""
        self._notices = list(notices)
        self._lock = threading.RLock()
        self._rounds: dict[int, _Round] = {}
        self._unsaved_ids = itertools.count(-1, -1)
        self._last_player: str | None = None

    @classmethod
    def open(cls, path: Path | str, *, now: datetime | None = None) -> Store:
        """The store in ``path``, made or migrated as needed; a damaged file is moved aside (see the notices).

        When the file cannot be written the store plays on without saving.
        """
        path = Path(path)
        opened = open_file(path, now or utc_now())
        if opened.db is None:
            return cls.unsaved(*opened.notices)
        return cls(opened.db, path=path, saving=opened.saving, notices=opened.notices)

    @classmethod
    def open_default(cls, data_dir: str | None = None) -> Store:
        """The store in the data folder (``--data-dir``, else ``LUNARQUIZ_DATA_DIR``, else the user data folder)."""
        return cls.open(database_path(data_dir))

    @classmethod
    def unsaved(cls, *notices: str) -> Store:
        """A store that saves nothing and knows no past rounds, with the notices that explain why."""
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        migrate(db)
        return cls(db, path=None, saving=False, notices=notices)

    def close(self) -> None:
        """Close the file; the store must not be used afterwards."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def take_notices(self) -> list[str]:
        """Messages for the player since the last call (a file moved aside, saving turned off), oldest first."""
        with self._lock:
            notices, self._notices = self._notices, []
        return notices

    # -- players -----------------------------------------------------------

    def remember_player(self, name: str, *, at: datetime | None = None) -> None:
        """Make ``name`` the player offered next time; BadPlayerName (a ValueError) when it cannot be a name."""
        name, when = player_name(name), at or utc_now()
        self._write(lambda db: rounds.save_player(db, name, when))
        self._last_player = name

    def last_player(self) -> str | None:
        """The player who last played or was chosen, if any (not a saved name that breaks today's rule)."""
        if self._last_player is not None:
            return self._last_player
        row = self._read(
            lambda db: db.execute("SELECT name FROM players ORDER BY chosen_at DESC, id DESC LIMIT 1").fetchone(),
            None,
        )
        return str(row[0]) if row is not None and is_player_name(str(row[0])) else None

    def players(self) -> list[str]:
        """Every saved player's name, in alphabetical order."""
        rows: list[tuple[str]] = self._read(
            lambda db: db.execute("SELECT name FROM players ORDER BY name").fetchall(), []
        )
        return [str(row[0]) for row in rows]

    def preferences(self, name: str) -> Preferences:
        """The player's remembered accommodations and theme (defaults when none)."""
        return self._read(lambda db: load_preferences(db, _clean(name)), Preferences())

    def save_preferences(self, name: str, preferences: Preferences, *, at: datetime | None = None) -> None:
        """Remember the player's accommodations and theme."""
        name, when = player_name(name), at or utc_now()
        self._write(lambda db: save_preferences(db, name, preferences, when))

    # -- a round, as it is played ------------------------------------------

    def start_round(
        self,
        player: str,
        bank_ids: Sequence[str],
        mode: Mode,
        *,
        settings: RoundSettings | None = None,
        total_questions: int | None = None,
        at: datetime | None = None,
    ) -> int:
        """Save the start of a round and return its id (negative when not saving); it is unfinished until it ends."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        name, banks, when = player_name(player), banks_key(bank_ids), at or utc_now()

        def insert(db: sqlite3.Connection) -> tuple[int, int]:
            player_id = rounds.save_player(db, name, when)
            started = rounds.save_round_start(
                db, player_id, banks, mode, settings or RoundSettings(), total_questions, when
            )
            return started, player_id

        saved = self._write(insert)
        round_id, player_id = saved if saved is not None else (next(self._unsaved_ids), None)
        self._rounds[round_id] = _Round(name, player_id, banks, mode)
        self._last_player = name
        return round_id

    def record_answer(self, round_id: int, outcome: Outcome, *, at: datetime | None = None) -> bool:
        """Save one answer at once, in its own transaction, with the player's study card; True when saved."""
        info, when = self._round(round_id), at or utc_now()
        player_id = info.player_id
        if player_id is None:
            return False
        return self._write(lambda db: rounds.save_answer(db, round_id, player_id, info.mode, outcome, when)) is not None

    def finish_round(self, round_id: int, results: Results, *, at: datetime | None = None) -> RoundEnd:
        """Mark the round finished (abandoned, if ``results`` says so) and say whether it is a personal best.

        Only finished timed rounds count for bests; the first saved one with points is a best.
        """
        if results.abandoned:
            return RoundEnd(saved=self.abandon_round(round_id, at=at), personal_best=False, previous_best=None)
        info = self._round(round_id)
        from lunarquiz.store import history

        previous = self._read(
            lambda db: history.personal_best(db, info.player, info.banks, mode=info.mode, excluding=round_id), None
        )
        saved = self._end(round_id, "finished", at)
        beaten = results.score > previous if previous is not None else saved and results.score > 0
        return RoundEnd(saved=saved, personal_best=info.mode == "timed" and beaten, previous_best=previous)

    def abandon_round(self, round_id: int, *, at: datetime | None = None) -> bool:
        """Mark the round abandoned (the player left before the end); True when saved."""
        self._round(round_id)
        return self._end(round_id, "abandoned", at)

    # -- queries -----------------------------------------------------------

    def history(
        self, *, player: str | None = None, bank: str | None = None, limit: int | None = None
    ) -> list[RoundSummary]:
        """Past rounds oldest first (the last ``limit``), unfinished ones too; for lists and score trends."""
        from lunarquiz.store import history

        return self._read(lambda db: history.history(db, player=player, bank=bank, limit=limit), [])

    def statistics(self, *, player: str | None = None, bank: str | None = None) -> Statistics:
        """Accuracy and average time overall, per bank, per tag and per question, hardest first."""
        from lunarquiz.store.reports import Statistics

        empty = Statistics(answered=0, right=0, average_seconds=None, banks=(), tags=(), questions=())
        from lunarquiz.store import statistics

        return self._read(lambda db: statistics.statistics(db, player=player, bank=bank), empty)

    def best_rounds(
        self, *, player: str | None = None, bank_ids: Sequence[str] | None = None
    ) -> list[LeaderboardEntry]:
        """Each player's best finished timed round per set of banks, ranked within the set (both filters optional)."""
        banks = None if bank_ids is None else banks_key(bank_ids)
        name = None if player is None else _clean(player)
        from lunarquiz.store import history

        return self._read(lambda db: history.best_rounds(db, banks=banks, player=name), [])

    def leaderboard(self, bank_ids: Sequence[str], *, limit: int | None = 10) -> list[LeaderboardEntry]:
        """The local leaderboard: each player's best finished timed round on exactly these banks, best first."""
        entries = self.best_rounds(bank_ids=bank_ids)
        return entries if limit is None else entries[:limit]

    def personal_bests(self, player: str) -> list[LeaderboardEntry]:
        """The player's best finished timed round on every set of banks they have played, with its rank."""
        return self.best_rounds(player=player)

    def personal_best(self, player: str, bank_ids: Sequence[str]) -> int | None:
        """The player's best finished timed score on exactly these banks, or None."""
        from lunarquiz.store import history

        return self._read(lambda db: history.personal_best(db, _clean(player), banks_key(bank_ids)), None)

    def is_personal_best(self, player: str, bank_ids: Sequence[str], score: int) -> bool:
        """Whether ``score`` beats the player's best finished timed round on these banks (any points beat none)."""
        best = self.personal_best(player, bank_ids)
        return score > best if best is not None else score > 0

    def review_candidates(
        self, player: str, limit: int | None = None, *, available: Sequence[QuestionKey] | None = None
    ) -> list[QuestionKey]:
        """Questions for a review round: those the player got wrong, most recently or most often first."""
        from lunarquiz.store import study

        return self._read(lambda db: study.review_candidates(db, _clean(player), limit, available), [])

    def study_queue(
        self, player: str, available: Sequence[QuestionKey], now: datetime, limit: int | None = None
    ) -> list[QuestionKey]:
        """Questions for a study round: due cards, most overdue first, then new questions in the given order."""
        from lunarquiz.store import study

        return self._read(lambda db: study.study_queue(db, _clean(player), available, now, limit), [])

    def due_count(self, player: str, available: Sequence[QuestionKey], now: datetime) -> int:
        """How many of the available questions are due for study at ``now`` (new ones not counted)."""
        from lunarquiz.store import study

        return self._read(lambda db: study.due_count(db, _clean(player), available, now), 0)

    def saved_answers(
        self, *, player: str | None = None, bank: str | None = None, since: datetime | None = None
    ) -> list[SavedAnswer]:
        """Every saved answer oldest first, for export."""
        from lunarquiz.store import statistics

        return self._read(lambda db: statistics.saved_answers(db, player=player, bank=bank, since=since), [])

    # -- internals ---------------------------------------------------------

    def _round(self, round_id: int) -> _Round:
        info = self._rounds.get(round_id)
        if info is None:
            row = self._read(
                lambda db: db.execute(
                    "SELECT p.name, r.player_id, r.banks, r.mode FROM rounds AS r"
                    " JOIN players AS p ON p.id = r.player_id WHERE r.id = ?",
                    (round_id,),
                ).fetchone(),
                None,
            )
            if row is None:
                raise ValueError(f"round {round_id} was not started in this store")
            info = self._rounds[round_id] = _Round(*row)
        return info

    def _end(self, round_id: int, status: RoundStatus, at: datetime | None) -> bool:
        if round_id < 0:
            return False
        when = at or utc_now()
        return self._write(lambda db: rounds.save_round_end(db, round_id, status, when)) is not None

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T | None:
        """Run ``work`` in one short write transaction; None when not saving or when the write failed."""
        with self._lock:
            if not self.saving:
                return None
            try:
                with immediate(self._db) as db:
                    return work(db)
            except _BUGS:
                raise
            except sqlite3.Error as error:
                self.saving = False
                self._notices.append(
                    f"Results are no longer being saved: {reason(error)} ({self.path}). "
                    "Everything saved before that is kept, and the game goes on."
                )
                return None

    def _read(self, work: Callable[[sqlite3.Connection], T], default: T) -> T:
        """Run a query; ``default`` (and a notice) when the file cannot be read."""
        with self._lock:
            try:
                return work(self._db)
            except _BUGS:
                raise
            except sqlite3.Error as error:
                self._notices.append(f"Saved results could not be read: {reason(error)} ({self.path}).")
                return default


def _clean(name: str) -> str:
    """A name to look a player up by, cleaned as names are saved (of any length); ValueError when empty."""
    cleaned = " ".join(clean_text(name).split())
    if not cleaned:
        raise ValueError("a player needs a name")
    return cleaned
