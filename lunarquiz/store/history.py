"""Past rounds: the history with scores, personal bests and the local leaderboard."""

from __future__ import annotations

import sqlite3
from typing import cast

from lunarquiz.store.records import Mode, RoundStatus
from lunarquiz.store.reports import LeaderboardEntry, RoundSummary
from lunarquiz.store.timestamps import from_text

_ROUND_TOTALS = """
    SELECT r.id AS round_id, r.player_id, r.banks, r.mode, r.status, r.started_at, r.ended_at,
           r.total_questions, COUNT(a.id) AS answered, COALESCE(SUM(a.correct), 0) AS right_count,
           COALESCE(SUM(a.points), 0) AS score
    FROM rounds AS r LEFT JOIN answers AS a ON a.round_id = r.id
"""


def _split(banks: str) -> tuple[str, ...]:
    return tuple(bank for bank in banks.split(",") if bank)


def history(
    db: sqlite3.Connection, *, player: str | None = None, bank: str | None = None, limit: int | None = None
) -> list[RoundSummary]:
    """Rounds oldest first (the last ``limit`` of them), of one player and rounds that include one bank."""
    rows = db.execute(
        f"""SELECT t.round_id, p.name, t.banks, t.mode, t.status, t.started_at, t.ended_at, t.total_questions,
                   t.answered, t.right_count, t.score
            FROM ({_ROUND_TOTALS} GROUP BY r.id) AS t JOIN players AS p ON p.id = t.player_id
            WHERE (:player IS NULL OR p.name = :player)
              AND (:bank IS NULL OR instr(',' || t.banks || ',', ',' || :bank || ',') > 0)
            ORDER BY t.started_at DESC, t.round_id DESC
            LIMIT :limit""",
        {"player": player, "bank": bank, "limit": -1 if limit is None else limit},
    ).fetchall()
    summaries = [
        RoundSummary(
            round_id=round_id,
            player=name,
            banks=_split(banks),
            mode=cast(Mode, mode),
            status=cast(RoundStatus, status),
            started_at=from_text(started_at),
            ended_at=from_text(ended_at) if ended_at else None,
            total_questions=total,
            answered=answered,
            right=right,
            score=score,
        )
        for round_id, name, banks, mode, status, started_at, ended_at, total, answered, right, score in rows
    ]
    summaries.reverse()
    return summaries


def best_rounds(
    db: sqlite3.Connection, *, banks: str | None = None, player: str | None = None, mode: Mode = "timed"
) -> list[LeaderboardEntry]:
    """Each player's best finished round per set of banks, ranked within that set, best first.

    ``banks`` is a set of banks as ``banks_key`` writes it (one bank id for one bank).
    Rounds not finished (abandoned, or cut short by a crash) never count.
    """
    rows = db.execute(
        f"""WITH totals AS ({_ROUND_TOTALS} WHERE r.status = 'finished' AND r.mode = :mode GROUP BY r.id),
            best AS (
                SELECT *, ROW_NUMBER() OVER (
                    PARTITION BY player_id, banks ORDER BY score DESC, ended_at, round_id) AS nth
                FROM totals),
            ranked AS (
                SELECT RANK() OVER (PARTITION BY banks ORDER BY score DESC) AS place, p.name AS player_name, b.*
                FROM best AS b JOIN players AS p ON p.id = b.player_id
                WHERE b.nth = 1)
            SELECT place, player_name, banks, score, round_id, ended_at, answered, right_count
            FROM ranked
            WHERE (:banks IS NULL OR banks = :banks) AND (:player IS NULL OR player_name = :player)
            ORDER BY banks, place, ended_at, round_id""",
        {"banks": banks, "player": player, "mode": mode},
    ).fetchall()
    return [
        LeaderboardEntry(
            rank=place,
            player=name,
            banks=_split(key),
            score=score,
            round_id=round_id,
            ended_at=from_text(ended_at) if ended_at else None,
            answered=answered,
            right=right,
        )
        for place, name, key, score, round_id, ended_at, answered, right in rows
    ]


def personal_best(
    db: sqlite3.Connection, player: str, banks: str, *, mode: Mode = "timed", excluding: int | None = None
) -> int | None:
    """The player's best finished score on exactly these banks (leaving out round ``excluding``)."""
    row = db.execute(
        f"""SELECT MAX(t.score) FROM ({_ROUND_TOTALS}
                WHERE r.status = 'finished' AND r.mode = :mode AND r.banks = :banks AND r.id != :excluding
                GROUP BY r.id) AS t
            JOIN players AS p ON p.id = t.player_id WHERE p.name = :player""",
        {"player": player, "banks": banks, "mode": mode, "excluding": -1 if excluding is None else excluding},
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])
