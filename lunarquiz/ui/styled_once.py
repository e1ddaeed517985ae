"""A new screen styled once, not three times: the base of every lunarquiz screen.

Textual (8.2) styles each widget of a new screen when it is mounted, then styles them all
again on the screen's first resize (which sets its size classes) and once more when the
screen is first shown (its ``ScreenResume`` refreshes every style, for a screen that was
hidden while the theme or the stylesheet changed). On a new screen the last two redo the
first: together they were about a tenth of the time to a screen's first frame, paid at
start-up and on every question.

:class:`StyledOnce` gives the screen its size classes before anything is styled, and lets
its first ``ScreenResume`` skip the refresh. Later resumes (coming back from a dialog, or
from a screen pushed on top) still refresh, and a theme change restyles every screen
whatever its state.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events, on
from textual.screen import Screen

from lunarquiz.ui.widgets.too_small import fit

ResultType = TypeVar("ResultType")


class StyledOnce(Screen[ResultType]):
    """A screen whose widgets are styled once when it is new (see the module's docstring).

    Put it last among the bases (``class Dialog(ModalScreen[bool], StyledOnce[bool])``): its
    resume handler still runs before Screen's own, and Textual, which takes a screen's default
    styles and type names from the first base, still sees a ModalScreen.
    """

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._shown_before = False
        fit(self)

    @on(events.ScreenResume)
    def _skip_first_restyle(self, event: events.ScreenResume) -> None:
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False  # styled moments ago, when its widgets were mounted
