"""Each screen's own stylesheet, added to the app's the first time the screen is made.

The game's stylesheet (``lunarquiz.tcss``) holds what every screen shares and the round's
question screen; the other screens' rules are in ``screens/<name>.tcss``, so that starting
a round parses only what it shows. Every rule in a screen's file starts with the screen's
type, so adding it affects that screen alone: nothing already on screen needs restyling.
(Textual's ``CSS_PATH`` on a screen would re-parse every stylesheet of the app and restyle
every widget when the screen is first shown.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen

SCREENS = Path(__file__).resolve().parent / "screens"


def add_stylesheet(screen: Screen[Any], name: str) -> None:
    """Add ``screens/<name>`` to the app's stylesheet, unless it is there already."""
    try:
        stylesheet = screen.app.stylesheet
    except RuntimeError:  # no app is running (a screen built outside one)
        return
    path = str(SCREENS / name)
    if not stylesheet.has_source(path, ""):
        stylesheet.read(path)
        stylesheet.parse()  # renews the rule index too: after read() alone, the next screen is styled without it
