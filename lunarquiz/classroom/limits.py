"""How many games a classroom server runs: in all, from one address, and how often one address may start one."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

MAX_GAMES = 60
"""Games at once by default: a large class, each game a process of about 40 MB."""

MAX_PER_ADDRESS = 4
"""Games at once from one address by default. On a school network each computer has its own
address, so 4 leaves room for a second tab and for reloads; behind one NAT or proxy the whole
class shares an address, and ``--max-per-address`` must be raised to the class's size."""

IDLE_MINUTES = 30.0
"""A game with no key pressed for this long ends (every answer is saved as it is given)."""

STARTS_PER_MINUTE = 20
"""New games one address may start in a minute: reloading a page is a new game, and each costs a start-up."""


class Refused(Exception):
    """A new game is refused; the message is for the person in front of the browser."""


@dataclass(frozen=True, slots=True)
class GameLimits:
    """The limits a classroom server keeps."""

    max_games: int = MAX_GAMES
    max_per_address: int = MAX_PER_ADDRESS
    starts_per_minute: int = STARTS_PER_MINUTE


class Seats:
    """The games running, counted in all and by address; a new one takes a seat or is refused.

    Taking a seat is one synchronous call, so two connections arriving together cannot both
    take the last seat.
    """

    def __init__(self, limits: GameLimits, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self.by_address: dict[str, int] = {}
        self.starts: dict[str, deque[float]] = {}

    @property
    def taken(self) -> int:
        """How many games are running."""
        return sum(self.by_address.values())

    def refusal(self, address: str) -> str | None:
        """Why a new game from ``address`` would be refused now, or None when it would start."""
        limits = self.limits
        if self.taken >= limits.max_games:
            return f"The classroom is full ({self.taken} of {limits.max_games} games). Ask your teacher."
        if self.by_address.get(address, 0) >= limits.max_per_address:
            return (
                f"This computer already has {limits.max_per_address} games open, the most allowed. "
                "Close one, then reload."
            )
        if len(self._recent_starts(address)) >= limits.starts_per_minute:
            return "Too many new games from this computer in a minute. Wait a minute, then reload."
        return None

    def take(self, address: str) -> None:
        """Take a seat for a game from ``address``; raises ``Refused`` with the reason when there is none."""
        reason = self.refusal(address)
        if reason is not None:
            raise Refused(reason)
        self.by_address[address] = self.by_address.get(address, 0) + 1
        self.starts.setdefault(address, deque()).append(self.clock())

    def leave(self, address: str) -> None:
        """The game from ``address`` has ended: its seat is free."""
        left = self.by_address.get(address, 0) - 1
        if left > 0:
            self.by_address[address] = left
        else:
            self.by_address.pop(address, None)

    def _recent_starts(self, address: str) -> deque[float]:
        """The times ``address`` started a game in the last minute (older ones are forgotten)."""
        starts = self.starts.get(address)
        if starts is None:
            return deque()
        cutoff = self.clock() - 60
        while starts and starts[0] <= cutoff:
            starts.popleft()
        if not starts:
            del self.starts[address]
        return starts
