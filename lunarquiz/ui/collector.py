"""When the garbage collector runs: never while the game starts or a question is timed, always while feedback shows.

A full collection during a round takes up to ~150 ms (Textual's render caches make
thousands of long-lived objects per answer), which lands on a key press or a deadline at
random. During a round automatic collection is off; one collection runs each time the
feedback has been drawn, while the player reads it, so memory stays bounded.

From the start of the program to the first frame, collecting only walks objects that all
live on (the modules of Textual and the game, the banks, the first screen): some 80
collections and 15-20 ms of the time to the first frame. The command line pauses
collection first thing (:func:`pause_for_start`); a command that draws no screen ends the
pause at once (:func:`end_start_pause`), and the app takes it over: once its first frame
is drawn, what was built is frozen out of the collector's way and automatic collection
comes back (unless a round is being played).
"""

from __future__ import annotations

import gc

_start_paused = False
"""Whether automatic collection is off for the program's start (and was on before)."""


def pause_for_start() -> None:
    """No automatic collection while the program starts (until :func:`end_start_pause` or an app takes over)."""
    global _start_paused
    if gc.isenabled():
        gc.disable()
        _start_paused = True


def end_start_pause() -> None:
    """Automatic collection back, if the start's pause is still on (for commands that draw no screen)."""
    global _start_paused
    if _start_paused:
        _start_paused = False
        gc.enable()


def _take_start_pause() -> bool:
    """Whether the start's pause was on; an app takes it over (it ends it after its first frame)."""
    global _start_paused
    paused, _start_paused = _start_paused, False
    return paused


class Collector:
    """Switches automatic collection off while the app starts and during rounds, and collects at quiet moments."""

    def __init__(self) -> None:
        self._was_enabled = gc.isenabled() or _take_start_pause()
        """Whether automatic collection was on before the program changed it (what it goes back to)."""
        self._starting = False
        self._in_round = False
        self._frozen = False

    def app_starting(self) -> None:
        """Automatic collection off until :meth:`first_frame_drawn`."""
        self._starting = True
        gc.disable()

    def first_frame_drawn(self) -> None:
        """The first screen is up: freeze what start-up built and let collection run again (outside rounds)."""
        if self._starting:
            self._starting = False
            if not self._in_round:
                self._frozen = True
                gc.freeze()  # or the first collection would walk everything start-up built
            self._restore()

    def round_started(self) -> None:
        """Automatic collection off until the round ends (long-lived objects frozen out of the way)."""
        if not self._in_round:
            self._in_round = self._frozen = True
            gc.freeze()  # no collection first: it would delay the first question by ~20 ms at start-up
        gc.disable()

    def feedback_drawn(self) -> None:
        """Collect now, while the player reads the feedback."""
        if self._in_round:
            gc.collect()

    def round_ended(self) -> None:
        """Back to automatic collection as it was before the round."""
        if self._in_round:
            self._in_round = False
            self._unfreeze()
            self._restore()

    def app_closed(self) -> None:
        """Everything as it was before the app started (for a program, or a test, that goes on)."""
        self._starting = self._in_round = False
        self._unfreeze()
        self._restore()

    def _unfreeze(self) -> None:
        if self._frozen:
            self._frozen = False
            gc.unfreeze()

    def _restore(self) -> None:
        if self._was_enabled and not self._starting and not self._in_round:
            gc.enable()
