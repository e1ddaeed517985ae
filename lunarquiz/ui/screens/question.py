"""The question screen: prompt, countdown and choices; the player's picks go to the round, and its feedback shows in place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, Footer, Static

from lunarquiz.core.results import Outcome
from lunarquiz.core.round import Round
from lunarquiz.ui.at_once import AtOnceScreen
from lunarquiz.ui.styled_once import StyledOnce
from lunarquiz.ui.widgets.choice import KEYS, LETTERS, Choice
from lunarquiz.ui.widgets.countdown import Countdown
from lunarquiz.ui.widgets.feedback import Feedback, verdict
from lunarquiz.ui.widgets.too_small import TooSmall

if TYPE_CHECKING:
    from lunarquiz.ui.app import LunarQuizApp

TICK = 0.1
"""Seconds between redraws of the countdown (time itself comes from the round's deadline)."""
DEADLINE_SLACK = 0.001
"""The deadline timer fires this much after the deadline, so the round agrees it has passed."""
ASKING_ACTIONS = frozenset({"choose", "move", "confirm", "tick"})
"""What the keys do only while the question is asked; once it is answered, Enter goes on."""


def status_line(round_: Round) -> Text:
    """``Question 3 of 10 · Score 2350 · Streak 2``."""
    asked = round_.current
    text = Text()
    text.append(f"Question {asked.number} of {asked.total}", style="bold")
    text.append(f"  ·  Score {round_.score:,}  ·  Streak {round_.streak}")
    return text


class QuestionScreen(AtOnceScreen[None], StyledOnce[None]):
    """Asks the round's current question, then shows how it went in place of the choices, until Enter.

    The feedback's widgets are composed with the question, hidden: an answer or a time-out
    fills them in and swaps what is displayed, so no widget is built or styled then.
    """

    BINDINGS = [
        *[Binding(key, f"choose({i})", show=False) for i, key in enumerate(KEYS)],
        *[Binding(key, f"choose({i})", show=False) for i, key in enumerate(LETTERS)],
        Binding("up", "move(-1)", "Up", show=False, priority=True),
        Binding("down", "move(1)", "Down", show=False, priority=True),
        Binding("enter", "confirm", "Answer"),
        Binding("enter", "next", "Continue"),
        Binding("space", "tick", "Tick", show=False),
        Binding("q,escape", "abandon", "Quit round"),
    ]

    app: LunarQuizApp

    def __init__(self, round_: Round) -> None:
        super().__init__()
        self.round = round_
        self.asked = round_.current
        self.cursor: int | None = 0
        """The choice that arrows moved to; kept here because focus changes land a moment later."""
        self.outcome: Outcome | None = None
        """How the question went, once it is answered or timed out: the feedback shows it."""
        self._clock_timers: list[Timer] = []
        self._has_source = False
        self._feedback_ready = False

    def compose(self) -> ComposeResult:
        yield TooSmall()
        asked = self.asked
        with Vertical(classes="body"):
            yield Static(status_line(self.round), id="status", markup=False)
            yield Countdown(id="countdown")
            with VerticalScroll(id="question"):
                yield Static(asked.question.prompt, id="prompt", markup=False)
                with Vertical(id="choices"):
                    if asked.multiple:
                        yield Static(
                            "Select all that apply: Space ticks a choice, Enter submits.", id="how", markup=False
                        )
                    for index, text in enumerate(asked.choices):
                        yield Choice(text, index, multiple=asked.multiple, id=f"choice-{index}")
                    if asked.multiple:
                        yield Button("Submit", id="submit", variant="primary")
        yield Footer()

    def _prepare_feedback(self) -> None:
        """Add the feedback's widgets, hidden: right after the question's first frame, so as not to delay it.

        Two verdict lines (one per colour, so that neither is restyled when it shows), the
        feedback, the source and the hint; an answer then only fills them in and shows them.
        """
        if self._feedback_ready:
            return
        self._feedback_ready = True
        question = self.asked.question
        source = "; ".join(part for part in (question.source, self.app.bank_source(question.bank_id)) if part)
        self._has_source = bool(source)
        body = self.query_one(".body")
        verdicts = [
            Static(id=f"verdict-{kind}", classes=f"verdict -{kind}", markup=False) for kind in ("right", "wrong")
        ]
        body.mount(*verdicts, after=self.query_one(Countdown))
        below: list[Static] = [Feedback(id="feedback")]
        if source:
            below.append(Static(Content.assemble(("Source: ", "bold"), source), id="source", markup=False))
        self.query_one("#question", VerticalScroll).mount(*below)
        body.mount(Static("Press Enter to continue.", id="continue", markup=False))

    def on_mount(self) -> None:
        if not self.showing:
            return  # taken down before it was mounted (Ctrl+C at start): nothing to ask
        self.query_one("#choice-0", Choice).focus()
        self.after_frame(self._prepare_feedback)
        self.check_time()
        if self.outcome is not None:
            return  # the deadline had passed before the screen was shown
        self._clock_timers.append(self.set_interval(TICK, self.check_time))
        left = self.asked.time_left(self.app.clock())
        if left is not None:
            # A timer at the deadline itself, so the time-out shows at once rather than at the next redraw.
            self._clock_timers.append(self.set_timer(left + DEADLINE_SLACK, self.check_time))

    # -- time ------------------------------------------------------------------

    def check_time(self) -> None:
        """Redraw the time left; time the question out when its deadline has passed."""
        if self.outcome is not None or self.app.screen is not self or not self.showing:
            return  # answered already, the 'leave this round?' dialog is open (the deadline still holds), or leaving
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
        if self.outcome is not None or not indexes:
            return
        self._show_outcome(self.round.answer(indexes, at=self.app.clock()))

    def action_choose(self, index: int) -> None:
        """Pick choice ``index``: answer at once, or tick it in multiple response."""
        if index >= len(self.asked.choices):
            return
        if not self.asked.multiple:
            self._submit({index})  # the choices give way to the feedback: no need to move the focus first
            return
        choice = self._choices()[index]
        self.cursor = index
        choice.focus()
        choice.selected = not choice.selected

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
        if self.outcome is not None or not self.showing:
            return  # a click that was on its way when the feedback replaced the choices, or the screen
        if self.asked.multiple:
            event.choice.selected = not event.choice.selected
        else:
            self._submit({event.choice.index})

    @on(Button.Pressed, "#submit")
    def submit_ticked(self) -> None:
        """Answer a multiple-response question with the ticked choices."""
        if self.outcome is not None:
            return
        ticked = {choice.index for choice in self._choices() if choice.selected}
        if ticked:
            self._submit(ticked)
        else:
            self.notify("Tick at least one choice with Space, then press Enter.", timeout=3)

    def action_abandon(self) -> None:
        """Ask before leaving the round."""
        self.app.confirm_abandon(self.round)

    # -- the feedback ----------------------------------------------------------

    def _show_outcome(self, outcome: Outcome) -> None:
        """Save the outcome, then show the feedback in place of the countdown and the choices.

        Only what changes is touched, and the screen draws it at once (:mod:`lunarquiz.ui.at_once`);
        the question's keys are off from now on (:meth:`check_action`).
        """
        self._prepare_feedback()  # already there, unless the answer came within the first frame
        self.outcome = outcome
        for timer in self._clock_timers:
            timer.stop()  # the countdown stops; neither timer can time the question out again
        self.app.record(outcome)
        status = self.query_one("#status", Static)
        status.update(status_line(self.round))
        countdown = self.query_one(Countdown)
        countdown.display = False
        headline = self.query_one("#verdict-right" if outcome.correct else "#verdict-wrong", Static)
        headline.update(verdict(outcome))
        headline.display = True
        choices = self.query_one("#choices")
        choices.display = False
        feedback = self.query_one(Feedback)
        feedback.display = True
        changed = [status, countdown, headline, choices, feedback]
        if self._has_source:
            source = self.query_one("#source")
            source.display = True
            changed.append(source)
        changed.append(self._fit_feedback())
        self.refresh_bindings()
        self.draw_at_once(changed, then=self._feedback_drawn)

    def _feedback_drawn(self) -> None:
        """Once the feedback is on screen: the focus leaves the hidden choices, and the collector runs.

        The focus goes to the part that scrolls, so the arrows and Page Up/Down scroll a long
        explanation; moving it any sooner would delay the feedback's frame.
        """
        self.query_one("#question", VerticalScroll).focus()
        self.app.collector.feedback_drawn()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The question's keys while it is asked; Enter to go on once it is answered (the footer follows).

        None of them before the screen is mounted (a key typed ahead, before the question showed,
        would find no choices) or once it is leaving.
        """
        if not self.is_mounted or not self.showing:
            return False
        if action == "next":
            return self.outcome is not None
        if action in ASKING_ACTIONS:
            return self.outcome is None
        return True

    def _fit_feedback(self) -> Static:
        """Lay the feedback out for a short window (no blank lines, no hint) or a roomy one; return the hint."""
        assert self.outcome is not None
        compact = self.has_class("-short")
        self.query_one(Feedback).show(self.outcome, compact=compact)
        hint = self.query_one("#continue", Static)
        hint.display = not compact  # the footer says it too, and a short window needs the line
        return hint

    def on_resize(self) -> None:
        """The window may have changed between the compact layout and the roomy one."""
        if self.outcome is not None and self.showing:
            self._fit_feedback()

    def action_next(self) -> None:
        """After the feedback: the next question, or the results after the last one."""
        self.app.next_question(self.round)
