"""How many wrong PINs a player may type before a wait, and how long the wait is: so a PIN cannot be guessed."""

from __future__ import annotations

from collections.abc import Callable

TRIES = 5
"""Wrong tries in a row before a wait."""

FIRST_WAIT = 30.0
"""Seconds of the first wait; each wait after it is twice the one before."""

LONGEST_WAIT = 15 * 60.0
"""The longest wait, in seconds."""


class SignInTries:
    """Counts the wrong tries of one game's sign-in; after ``TRIES`` in a row, no try is checked for a while.

    The clock is a monotonic clock in seconds, passed in so that tests can move it.
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.wrong = 0
        self.waits = 0
        self.until = 0.0

    def wait_left(self) -> float:
        """Seconds before the next try may be checked (0 when it may be now)."""
        return max(0.0, self.until - self.clock())

    @property
    def tries_left(self) -> int:
        """Wrong tries left before the next wait."""
        return TRIES - self.wrong

    def failed(self) -> float:
        """Count a wrong try; returns the wait it starts (0 when there are tries left)."""
        self.wrong += 1
        if self.wrong < TRIES:
            return 0.0
        wait = min(FIRST_WAIT * 2.0 ** min(self.waits, 16), LONGEST_WAIT)
        self.wrong = 0
        self.waits += 1
        self.until = self.clock() + wait
        return wait
