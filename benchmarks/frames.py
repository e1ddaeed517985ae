"""Know when a frame is ready for the terminal, and what it shows, in a Textual app run by Pilot.

Pilot runs the app headless: Textual lays the screen out and renders every widget into a
compositor update, then hands it to ``App._display``, which a real terminal driver would
turn into escape sequences and write. :func:`record_frames` wraps ``_display`` on one app:
the frames it notes are turned into escape sequences too (the work that headless mode
skips) and the time is noted, so a figure runs from a key press to a frame that could be
written. It notes each screen's first frame; and, for a change on a screen that stays
(a question screen showing its feedback in place), the first frame by which the terminal
shows that change, found by the text the frames write.
"""

from __future__ import annotations

import re
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.screen import Screen

Clock = Callable[[], float]

CURSOR_MOVE = re.compile(r"\x1b\[\d*(?:;\d*)?H")
ESCAPE = re.compile(r"\x1b(?:\[[0-9;?<=>]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def visible_text(output: str) -> str:
    """The characters that escape sequences ``output`` writes, with a new line at each cursor move."""
    return ESCAPE.sub("", CURSOR_MOVE.sub("\n", output))


@dataclass
class Frame:
    """A frame looked for by :meth:`FrameTimes.watch`: not found yet while ``time`` is None."""

    ready: Callable[[Screen[Any]], object]
    """Which frames count: those of a screen for which this holds when they are displayed."""
    shows: Callable[[str], object]
    """Whether the text that the frames counted so far write shows what is looked for."""
    time: float | None = None
    """When the frame that completed it was ready for the terminal."""
    text: str = ""
    """What the frames counted wrote (see :func:`visible_text`): a partial update writes only what changed."""

    def seen(self) -> bool:
        """Whether the frame was displayed (a test for :func:`benchmarks.game.until`)."""
        return self.time is not None


class FrameTimes:
    """The time each screen's first frame was ready, by screen, and the frames being watched for."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.first: weakref.WeakKeyDictionary[Screen[Any], float] = weakref.WeakKeyDictionary()
        """Weak, so that the screens a run leaves behind are freed as in the game (holding them slows the GC)."""
        self.watched: list[Frame] = []
        """Frames not seen yet."""

    def drawn(self, screen: Screen[Any]) -> float | None:
        """When ``screen``'s first frame was ready, or None while it is not."""
        return self.first.get(screen)

    def watch(self, ready: Callable[[Screen[Any]], object], shows: Callable[[str], object]) -> Frame:
        """Look for the first frame by which the frames of a screen for which ``ready(screen)`` holds,
        from the first one on, write text for which ``shows(text)`` holds."""
        frame = Frame(ready, shows)
        self.watched.append(frame)
        return frame


def record_frames(app: App[Any], clock: Clock = time.perf_counter) -> FrameTimes:
    """Note, with ``clock``, when each screen of ``app`` has its first frame ready, and the frames watched for."""
    from textual._compositor import CompositorUpdate

    times = FrameTimes(clock)
    original = app._display

    def display(screen: Screen[Any], renderable: Any) -> None:
        if renderable is not None and not app._batch_count:
            seen = [frame for frame in times.watched if frame.ready(screen)]
            if seen or screen not in times.first:
                output = renderable.render_segments(app.console) if isinstance(renderable, CompositorUpdate) else ""
                now = clock()
                times.first.setdefault(screen, now)
                for frame in seen:
                    frame.text += visible_text(output)
                    if frame.shows(frame.text):
                        frame.time = now
                        times.watched.remove(frame)
        original(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    return times


def new_screen_drawn(
    app: App[Any], frames: FrameTimes, before: Screen[Any] | None, kind: type[Screen[Any]] = Screen
) -> Callable[[], bool]:
    """A test for :func:`benchmarks.game.until`: the app shows a ``kind`` screen other than ``before``, and it is drawn."""
    return lambda: app.screen is not before and isinstance(app.screen, kind) and frames.drawn(app.screen) is not None
