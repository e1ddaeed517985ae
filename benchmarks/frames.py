"""Know when a screen's first frame is ready for the terminal, in a Textual app run by Pilot.

Pilot runs the app headless: Textual lays the screen out and renders every widget into a
compositor update, then hands it to ``App._display``, which a real terminal driver would
turn into escape sequences and write. :func:`record_frames` wraps ``_display`` on one app:
the first update for each screen is turned into escape sequences too (the work that
headless mode skips) and the time is noted, so a figure runs from a key press to a frame
that could be written.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.screen import Screen

Clock = Callable[[], float]


class FrameTimes:
    """The time each screen's first frame was ready, by screen."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.first: weakref.WeakKeyDictionary[Screen[Any], float] = weakref.WeakKeyDictionary()
        """Weak, so that the screens a run leaves behind are freed as in the game (holding them slows the GC)."""

    def drawn(self, screen: Screen[Any]) -> float | None:
        """When ``screen``'s first frame was ready, or None while it is not."""
        return self.first.get(screen)


def record_frames(app: App[Any], clock: Clock = time.perf_counter) -> FrameTimes:
    """Note, with ``clock``, when each screen of ``app`` has its first frame ready."""
    from textual._compositor import CompositorUpdate

    times = FrameTimes(clock)
    original = app._display

    def display(screen: Screen[Any], renderable: Any) -> None:
        if renderable is not None and not app._batch_count and screen not in times.first:
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            times.first[screen] = clock()
        original(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    return times


def new_screen_drawn(app: App[Any], frames: FrameTimes, before: Screen[Any]) -> Callable[[], bool]:
    """A test for :func:`benchmarks.game.until`: the app shows a screen other than ``before``, and it is drawn."""
    return lambda: app.screen is not before and frames.drawn(app.screen) is not None
