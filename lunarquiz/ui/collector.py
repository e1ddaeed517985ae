"""When the garbage collector runs during a round: never while a question is timed, always while feedback shows.

A full collection here takes up to ~150 ms (Textual's render caches make thousands of
long-lived objects per answer), which lands on a key press or a deadline at random.
During a round automatic collection is off; one collection runs each time a feedback
screen has been drawn, while the player reads it, so memory stays bounded.
"""

from __future__ import annotations

import gc


class RoundCollector:
    """Switches automatic collection off for a round and collects at moments the player does not feel."""

    def __init__(self) -> None:
        self._was_enabled: bool | None = None

    def round_started(self) -> None:
        """Automatic collection off until the round ends (long-lived objects frozen out of the way)."""
        if self._was_enabled is None:
            self._was_enabled = gc.isenabled()
            gc.freeze()  # no collection first: it would delay the first question by ~20 ms at start-up
        gc.disable()

    def feedback_drawn(self) -> None:
        """Collect now, while the player reads the feedback."""
        if self._was_enabled is not None:
            gc.collect()

    def round_ended(self) -> None:
        """Back to automatic collection as it was before the round."""
        if self._was_enabled is not None:
            gc.unfreeze()
            if self._was_enabled:
                gc.enable()
            self._was_enabled = None
