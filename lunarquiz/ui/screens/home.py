"""The home screen: the banks to play and the round's length, mode, tag and difficulty."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Static

from lunarquiz.banks.discovery import Library
from lunarquiz.core.model import DIFFICULTIES, Bank
from lunarquiz.core.round import RoundSettings
from lunarquiz.store.records import Mode
from lunarquiz.store.session import due_count
from lunarquiz.ui.styled_once import StyledOnce
from lunarquiz.ui.stylesheets import add_stylesheet
from lunarquiz.ui.widgets.flat_button import FlatButton
from lunarquiz.ui.widgets.pick_list import PickList
from lunarquiz.ui.widgets.setting import Setting
from lunarquiz.ui.widgets.too_small import TooSmall

if TYPE_CHECKING:
    from lunarquiz.ui.app import LunarQuizApp

ALL_BANKS = "*"
ANY = "*"
LENGTHS = (5, 10, 20)
DEFAULT_LENGTH = 10
LABEL_WIDTH = 12
"""Columns for a setting's label, so that the values line up."""


@dataclass(frozen=True, slots=True)
class RoundChoice:
    """What the player picked on the home screen."""

    banks: tuple[Bank, ...]
    settings: RoundSettings
    mode: Mode = "timed"


MODES: tuple[tuple[str, Mode], ...] = (
    ("Timed", "timed"),
    ("Practice (untimed)", "practice"),
    ("Review my mistakes", "review"),
    ("Study (spaced repetition)", "study"),
)


def bank_line(bank: Bank) -> Text:
    """A bank's title, size, difficulty mix and tags, for the list."""
    mix = bank.difficulty_mix
    text = Text.assemble((bank.title, "bold"))
    text.append(f"\n  {len(bank.questions)} questions · ")
    text.append(" / ".join(f"{count} {name}" for name, count in mix.items() if count))
    if bank.tags:
        shown = ", ".join(bank.tags[:6]) + (", …" if len(bank.tags) > 6 else "")
        text.append(f"\n  tags: {shown}", style="dim")
    return text


class HomeScreen(StyledOnce[None]):
    """Choose what to play."""

    BINDINGS = [
        Binding("s", "start", "Start"),
        Binding("n", "app.ask_player", "Player"),
        Binding("h", "app.open_progress('history')", "History"),
        Binding("t", "app.open_progress('statistics')", "Stats"),
        Binding("l", "app.open_progress('leaderboard')", "Leaderboard"),
        Binding("o", "app.open_progress('settings')", "Settings"),
        Binding("g", "app.generate", "Generate"),
        Binding("q", "app.quit", "Quit"),
    ]

    app: LunarQuizApp

    def __init__(self, library: Library) -> None:
        super().__init__()
        add_stylesheet(self, "home.tcss")
        self.library = library
        self._due: tuple[str, int] | None = None  # (player, questions due for their study), once counted

    def compose(self) -> ComposeResult:
        banks = self.library.banks
        total = sum(len(bank.questions) for bank in banks)
        yield TooSmall()
        with Vertical(classes="body"):
            yield Static("lunarquiz", id="title", markup=False)
            yield Static("Pick a bank, then press Enter (or s) to start.", id="hint", markup=False)
            yield Static("", id="player", markup=False)
            items = (
                [(ALL_BANKS, Text.assemble(("All banks", "bold"), f"\n  {total} questions"))] if len(banks) > 1 else []
            )
            items += [(bank.id, bank_line(bank)) for bank in banks]
            yield PickList(items, id="banks")
            if self.library.failed:
                lines = Text("Not loaded:", style="bold")
                for failed in self.library.failed:
                    first = failed.errors[0] if failed.errors else failed.problems[0]
                    if self.app.served:  # a player at a distance learns no folder of the server
                        first = replace(first, path=PurePath(first.path).name)
                    lines.append(f"\n  {first.format()}")
                yield Static(lines, id="failed", markup=False)
            with Horizontal(classes="options"):
                with Vertical(id="settings"):
                    yield from self.settings()
                yield FlatButton("Start", id="start")
        yield Footer()

    def settings(self) -> ComposeResult:
        """The round length, the mode, the tag and the difficulty, one setting a line."""
        tags = sorted({tag for bank in self.library.banks for tag in bank.tags})
        lengths = [(f"{n} questions", n) for n in LENGTHS] + [("All questions", 0)]
        yield Setting("Length", lengths, DEFAULT_LENGTH, label_width=LABEL_WIDTH, id="length")
        yield Setting("Mode", MODES, "timed", label_width=LABEL_WIDTH, id="mode")
        yield Setting("Tag", [("Any tag", ANY)] + [(tag, tag) for tag in tags], ANY, label_width=LABEL_WIDTH, id="tag")
        levels = [("Any difficulty", ANY)] + [(level.capitalize(), level) for level in DIFFICULTIES]
        yield Setting("Difficulty", levels, ANY, label_width=LABEL_WIDTH, id="difficulty")

    def on_mount(self) -> None:
        self.query_one("#banks", PickList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_player()

    def refresh_player(self) -> None:
        """Show who is playing now, and how many questions are due for their study after the next frame.

        Counting the due questions reads the store and the schedule of every question: the
        screen is drawn first, and the count joins the line a moment later.
        """
        self.show_player()
        self.call_after_refresh(self.count_due)

    def count_due(self) -> None:
        """Count the questions due for the player's study, and show the count."""
        player = self.app.player
        if not player or not self.is_current:  # left before the count: it counts again when back (on resume)
            return
        questions = [question for bank in self.library.banks for question in bank.questions]
        self._due = (player, due_count(self.app.store, player, questions, self.app.now()))
        self.show_player()

    def show_player(self) -> None:
        """The player line: who is playing, the due count once known, untimed or extra time, not saving."""
        player = self.app.player
        text = Text()
        if player:
            text.append("Player: ")
            text.append(player, style="bold")
            due = self._due[1] if self._due is not None and self._due[0] == player else 0
            if due:
                text.append(f"  ·  {due} question{'s' if due != 1 else ''} due for study")
        else:
            text.append("No player yet: press n to say who is playing.")
        prefs = self.app.preferences
        if prefs.untimed:
            text.append("  ·  untimed")
        elif prefs.time_multiplier != 1:
            text.append(f"  ·  {prefs.time_multiplier:g} × time")
        if not self.app.store.saving:
            text.append("  ·  not saving", style="italic")
        self.query_one("#player", Static).update(text)

    def choice(self) -> RoundChoice | None:
        """The banks and settings picked, or None when no bank can be played."""
        banks = self.query_one("#banks", PickList)
        if banks.highlighted is None:
            return None
        picked = banks.item_id(banks.highlighted)
        chosen = self.library.banks if picked == ALL_BANKS else tuple(b for b in self.library.banks if b.id == picked)
        length = self.query_one("#length", Setting).value
        mode = self.query_one("#mode", Setting).value
        tag = self.query_one("#tag", Setting).value
        level = self.query_one("#difficulty", Setting).value
        settings = RoundSettings(
            questions=length if isinstance(length, int) and length > 0 else None,
            practice=mode == "practice",
            tags=(tag,) if isinstance(tag, str) and tag != ANY else (),
            difficulties=(level,) if isinstance(level, str) and level != ANY else (),
        )
        picked_mode: Mode = next((value for _, value in MODES if value == mode), "timed")
        return RoundChoice(chosen, settings, picked_mode)

    @on(PickList.Picked, "#banks")
    @on(FlatButton.Pressed, "#start")
    def action_start(self) -> None:
        """Start a round with what is picked."""
        picked = self.choice()
        if picked is None:
            self.notify("There is no bank to play: add a bank file and start again.", severity="error")
            return
        if self.app.player is None:
            self.app.ask_player()
            return
        self.app.start_round(picked.banks, self.app.accommodate(picked.settings), picked.mode)
