"""Helpers for Pilot tests: build the app the player gets, with a fake clock, and read its screens."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.text import Text
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from lunarquiz.banks.discovery import Library, load_library
from lunarquiz.core.round import RoundSettings
from lunarquiz.store.records import Mode
from lunarquiz.store.store import Store
from lunarquiz.ui.app import LunarQuizApp
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.widgets.feedback import Hanging

from .conftest import FakeClock

SIZE = (80, 24)

SMALL_BANK = """\
lunarquiz: 1
id: small
title: A small test bank
source: the test suite
time_limit: 10
questions:
  - id: capital
    prompt: Which agency is Russia's?
    answer: Roscosmos
    wrong: [CNSA, NASA, ESA]
    explanation: Roscosmos is the Russian space agency.
    source: paragraph 6
  - id: station
    prompt: "True or false: the ILRS is open to other countries."
    answer: true
    explanation: Both agencies said it is open to all interested countries.
  - id: partners
    prompt: Which agencies signed? (select all that apply)
    answers: [CNSA, Roscosmos]
    wrong: [NASA, ESA]
    explanation: The heads of CNSA and Roscosmos signed.
"""


def write_bank(folder: Path, text: str = SMALL_BANK, name: str = "bank.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
"""The wall-clock date the tests play on."""


def make_app(
    paths: list[Path],
    clock: FakeClock,
    *,
    seed: int = 3,
    play: bool = True,
    store: Store | None = None,
    player: str | None = "Ana",
    mode: Mode = "timed",
    **settings: object,
) -> LunarQuizApp:
    """The app as ``lunarquiz play`` (or, with play=False, ``lunarquiz``) builds it."""
    library: Library = load_library(paths)
    assert library.banks, [p.format() for f in library.failed for p in f.problems]
    round_settings = RoundSettings(**settings)  # type: ignore[arg-type]
    return LunarQuizApp(
        library,
        store=store,
        player=player,
        clock=clock,
        now=lambda: NOW,
        seed=seed,
        play=(library.banks, round_settings) if play else None,
        mode=mode,
    )


def plain(content: object, width: int = 200) -> str:
    """A string, Text, Content, other text with a ``plain`` form, or Rich renderable as plain text (unwrapped)."""
    if isinstance(content, str):
        return content
    if isinstance(content, (Text, Content, Hanging)):
        return content.plain
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(content)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def shown(widget: Widget) -> bool:
    """Whether ``widget`` and every container around it are displayed (scrolled out of view still counts)."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


def screen_text(app: LunarQuizApp) -> str:
    """Every static text shown on the current screen, joined by newlines."""
    return "\n".join(plain(widget.content) for widget in app.screen.query(Static) if shown(widget))


def showing_feedback(app: LunarQuizApp) -> bool:
    """Whether the screen shows how its question went, in place of the question (unless the window is too small)."""
    screen = app.screen
    return (
        isinstance(screen, QuestionScreen)
        and screen.outcome is not None
        and screen.query_one("#feedback").display
        and sum(headline.display for headline in screen.query(".verdict")) == 1
        and not screen.query_one("#choices").display
        and not screen.query_one("#countdown").display
    )


def record_restyles(app: LunarQuizApp) -> list[object]:
    """The nodes the app restyles (with their descendants) from now on, in order."""
    restyled: list[object] = []
    original = app.update_styles

    def update_styles(node: object = None, animate: bool = True) -> None:
        restyled.append(node)
        original(node, animate=animate)  # type: ignore[arg-type]

    app.update_styles = update_styles  # type: ignore[assignment,method-assign]
    return restyled
