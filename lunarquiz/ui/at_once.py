"""Drawing a change to a screen at once, rather than at Textual's next frame: for the answer latency budget.

Textual (8.2) draws what changes on a screen from a 60 Hz timer, and after each frame that
timer sleeps one to two frame periods: a change that comes soon after another one waits up
to 33 ms. On the question screen the countdown redraws ten times a second, so an answer
often comes soon after a frame. A new screen, by contrast, is drawn as soon as it is ready.

:meth:`AtOnceScreen.draw_at_once` gives one change the same: once every widget it changed
has passed its refresh on to the screen, the screen draws, without waiting for the timer,
as Textual's own ``Pilot.pause`` does in tests. It reaches into Textual's screen machinery
(``_on_timer_update``, the refresh flags, the app's batch count), which is why it lives here
alone and why pyproject.toml pins Textual to 8.2; tests/test_at_once.py checks it.

Work for later is kept by the screen itself (:meth:`AtOnceScreen.after_frame`). Textual's
``call_after_refresh`` hands a callback to whichever screen is current when it is posted on,
and runs it there, even once the screen that asked has been replaced or is being taken down
(a quick Enter after an answer, Ctrl+C at start): the callback then finds none of its widgets.
Here it runs only while its screen is shown; it waits while another screen covers it, and
goes with the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from textual import events
from textual.screen import Screen
from textual.widget import Widget

ResultType = TypeVar("ResultType")

PATIENCE = 20
"""Idle moments to wait for a change to arrive whole before leaving it to Textual's timer (it takes one or two)."""


class AtOnceScreen(Screen[ResultType]):
    """A screen that can draw one change as soon as it is ready (see the module's docstring)."""

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._at_once: tuple[Widget, ...] | None = None
        self._after_drawn: Callable[[], Any] | None = None
        self._waited = 0
        self._after_frame: list[Callable[[], Any]] = []

    @property
    def showing(self) -> bool:
        """Whether the screen is shown and staying: current, in a running app, and not being taken down."""
        if self._closing or self._closed or self._pruning or not self.app.is_running:
            return False
        return self.is_attached and self.is_current

    def after_frame(self, callback: Callable[[], Any]) -> None:
        """Call ``callback`` after the screen's next frame, if the screen is still :attr:`showing` then.

        A screen covered by another runs it once it is back; a screen replaced or taken down never does.
        """
        self._after_frame.append(callback)
        self.call_after_refresh(self._run_after_frame)

    def _run_after_frame(self) -> None:
        # Not showing: kept for when the screen is back (on_screen_resume), or gone with it (on_unmount).
        while self._after_frame and self.showing:
            self._after_frame.pop(0)()

    def on_screen_resume(self) -> None:
        """Back on top: run what waited for the screen to show."""
        if self._after_frame:
            self.call_after_refresh(self._run_after_frame)

    def on_unmount(self) -> None:
        """Taken down: what waited for the screen goes with it."""
        self._after_frame.clear()
        self._at_once = self._after_drawn = None

    def draw_at_once(self, changed: Iterable[Widget], then: Callable[[], Any] | None = None) -> None:
        """Draw as soon as the ``changed`` widgets' refreshes have reached the screen; then call ``then``.

        Call it after changing them. ``then`` runs after that frame, as ``call_after_refresh`` would.
        """
        self._at_once = tuple(changed)
        self._after_drawn = then
        self._waited = 0

    def on_idle(self, event: events.Idle) -> None:
        """With a change to draw at once: wait until it has all arrived, then draw it."""
        changed = self._at_once
        if changed is None or not self.showing or self.app._batch_count:
            return
        arriving = any(widget._layout_required or widget._repaint_required for widget in changed)
        if arriving and self._waited < PATIENCE:
            self._waited += 1
            event.prevent_default()  # not yet: the timer would draw half of the change
            return
        self._at_once = None
        if self._layout_required or self._dirty_widgets:
            self._on_timer_update()
        if self._after_drawn is not None:
            self.after_frame(self._after_drawn)
            self._after_drawn = None
