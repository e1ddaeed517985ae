"""What a round is saved with: its mode and status, the key of its banks, and what its end reports back.

What the queries return (histories, statistics, leaderboards) is in :mod:`lunarquiz.store.reports`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

Mode = Literal["timed", "practice", "review", "study"]
"""How a round was played: against the clock, untimed practice, a review of misses, or spaced study."""
MODES: tuple[Mode, ...] = get_args(Mode)

RoundStatus = Literal["unfinished", "finished", "abandoned"]
"""'unfinished' until the round ends: a round stopped by a crash or a kill stays so."""


def banks_key(bank_ids: Iterable[str]) -> str:
    """How a round's banks are stored and compared: the distinct ids, sorted, joined with commas."""
    return ",".join(sorted(set(bank_ids)))


@dataclass(frozen=True, slots=True)
class RoundEnd:
    """What ``finish_round`` reports back to the results screen."""

    saved: bool
    """Whether the round's end was written (False when the store is not saving)."""
    personal_best: bool
    """Whether the score beats every earlier finished round of this player on these banks."""
    previous_best: int | None
    """The best score before this round, None when there was none."""
