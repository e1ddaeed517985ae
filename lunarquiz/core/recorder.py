"""What a round reports as it is played, for whoever keeps its history (the store, or nobody)."""

from __future__ import annotations

from typing import Protocol

from lunarquiz.core.results import Outcome, Results


class Recorder(Protocol):
    """Receives each outcome as it happens and the results when the round ends."""

    def answered(self, outcome: Outcome) -> None:
        """One question was answered or timed out."""

    def ended(self, results: Results) -> None:
        """The round finished or was abandoned (``results.abandoned``)."""


class NoRecorder:
    """Keeps nothing."""

    def answered(self, outcome: Outcome) -> None:
        """Forget the outcome."""

    def ended(self, results: Results) -> None:
        """Forget the results."""
