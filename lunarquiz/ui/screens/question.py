"""The question screen: prompt, countdown and choices; the player's picks go to the round."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from lunarquiz.core.results import Outcome
from lunarquiz.core.round import Round
from lunarquiz.ui.widgets.choice import KEYS, LETTERS, Choice
from lunarquiz.ui.widgets.countdown import Countdown
from lunarquiz.ui.widgets.too_small import TooSmall, fit

if TYPE_CHECKING:
    from lunarquiz.ui.app import LunarQuizApp

TICK = 0.1
"""Seconds between redraws of the countdown (time itself comes from the round's deadline)."""
DEADLINE_SLACK = 0.001
"""The deadline timer fires this much after the deadline, so the round agrees it has passed."""


def status_line(round_: Round) -> Text:
    """``Question 3 of 10 · Score 2350 · Streak 2``."""
    asked = round_.current
    text = Text()
    text.append(f"Question {asked.number} of {asked.total}", style="bold")
    text.append(f"  ·  Score {round_.score:,}  ·  Streak {round_.streak}")
    return text


class QuestionScreen(Screen[None]):
    """Asks the round's current question."""

    BINDINGS = [
        *[Binding(key, f"choose({i})", show=False) for i, key in enumerate(KEYS)],
        *[Binding(key, f"choose({i})", show=False) for i, key in enumerate(LETTERS)],
        Binding("up", "move(-1)", "Up", show=False, priority=True),
        Binding("down", "move(1)", "Down", show=False, priority=True),
        Binding("enter", "confirm", "Answer"),
        Binding("space", "tick", "Tick", show=False),
        Binding("q,escape", "abandon", "Quit round"),
    ]

    app: LunarQuizApp

    def __init__(self, round_: Round) -> None:
        super().__init__()
        fit(self)
        self.round = round_
        self.asked = round_.current
        self.cursor: int | None = 0
        """The choice that arrows moved to; kept here because focus changes land a moment later."""

    def compose(self) -> ComposeResult:
        yield TooSmall()
        asked = self.asked
        with Vertical(classes="body"):
            yield Static(status_line(self.round), id="status", markup=False)
            yield Countdown(id="countdown")
            with VerticalScroll(id="question"):
                yield Static(asked.question.prompt, id="prompt", markup=False)
                if asked.multiple:
                    yield Static("Select all that apply: Space ticks a choice, Enter submits.", id="how", markup=False)
                for index, text in enumerate(asked.choices):
                    yield Choice(text, index, multiple=asked.multiple, id=f"choice-{index}")
                if asked.multiple:
                    yield Button("Submit", id="submit", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#choice-0", Choice).focus()
        self.check_time()
        self.set_interval(TICK, self.check_time)
        left = self.asked.time_left(self.app.clock())
        if left is not None:
            # A timer at the deadline itself, so the time-out shows at once rather than at the next redraw.
            self.set_timer(left + DEADLINE_SLACK, self.check_time)

    # -- time ------------------------------------------------------------------

    def check_time(self) -> None:
        """Redraw the time left; time the question out when its deadline has passed."""
        if self.round.current is not self.asked or self.app.screen is not self:
            return  # answered already, or the 'leave this round?' dialog is open (the deadline still holds)
        now = self.app.clock()
        outcome = self.round.expire(now)
        if outcome is not None:
            self._show_outcome(outcome)
            return
        self.query_one(Countdown).show(self.asked.time_left(now), self.asked.limit)

    # -- choosing --------------------------------------------------------------

    def _choices(self) -> list[Choice]:
        return list(self.query(Choice))

    def _submit(self, indexes: set[int]) -> None:
        if self.round.current is not self.asked or not indexes:
            return
        self._show_outcome(self.round.answer(indexes, at=self.app.clock()))

    def _show_outcome(self, outcome: Outcome) -> None:
        from lunarquiz.ui.screens.feedback import FeedbackScreen

        self.app.record(outcome)
        self.app.switch_screen(FeedbackScreen(self.round, outcome))

    def action_choose(self, index: int) -> None:
        """Pick choice ``index``: answer at once, or tick it in multiple response."""
        choices = self._choices()
        if index >= len(choices):
            return
        self.cursor = index
        choices[index].focus()
        if self.asked.multiple:
            choices[index].selected = not choices[index].selected
        else:
            self._submit({index})

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Tab and clicks move the focus too: keep the cursor on the focused choice."""
        if event.widget is not self.focused:
            return  # a stale event from a quick run of key presses: the cursor is already further on
        if isinstance(event.widget, Choice):
            self.cursor = event.widget.index
        elif isinstance(event.widget, Button):
            self.cursor = None

    def action_move(self, step: int) -> None:
        """Move the cursor (and the focus) to the previous or next choice."""
        choices = self._choices()
        start = -1 if self.cursor is None and step > 0 else (self.cursor if self.cursor is not None else 0)
        self.cursor = (start + step) % len(choices)
        choices[self.cursor].focus()

    def action_tick(self) -> None:
        """Tick or untick the choice under the cursor (multiple response)."""
        if self.asked.multiple and self.cursor is not None:
            choice = self._choices()[self.cursor]
            choice.selected = not choice.selected

    def action_confirm(self) -> None:
        """Enter: answer with the choice under the cursor, or submit the ticked ones."""
        if self.asked.multiple:
            self.submit_ticked()
        elif self.cursor is not None:
            self._submit({self.cursor})

    @on(Choice.Picked)
    def picked(self, event: Choice.Picked) -> None:
        if self.asked.multiple:
            event.choice.selected = not event.choice.selected
        else:
            self._submit({event.choice.index})

    @on(Button.Pressed, "#submit")
    def submit_ticked(self) -> None:
        """Answer a multiple-response question with the ticked choices."""
        ticked = {choice.index for choice in self._choices() if choice.selected}
        if ticked:
            self._submit(ticked)
        else:
            self.notify("Tick at least one choice with Space, then press Enter.", timeout=3)

    def action_abandon(self) -> None:
        """Ask before leaving the round."""
        self.app.confirm_abandon(self.round)
