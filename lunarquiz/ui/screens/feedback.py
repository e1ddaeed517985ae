"""The feedback screen: right or wrong in words and a symbol, the right answer, the explanation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from lunarquiz.core.results import Outcome
from lunarquiz.core.round import Round
from lunarquiz.ui.screens.question import status_line
from lunarquiz.ui.widgets.too_small import TooSmall, fit

if TYPE_CHECKING:
    from lunarquiz.ui.app import LunarQuizApp

RIGHT = "✔"
WRONG = "✘"
TIME_UP = "⌛"


def verdict(outcome: Outcome) -> Text:
    """The headline: a symbol and words, so the result never depends on colour."""
    if outcome.correct:
        text = Text(f"{RIGHT} Right!", style="bold")
        text.append(f"  +{outcome.base_points} points")
        if outcome.streak_bonus:
            text.append(f"  +{outcome.streak_bonus} streak bonus ({outcome.streak} in a row)")
        return text
    if outcome.timed_out and not outcome.chosen:
        return Text(f"{TIME_UP} Time's up! No points.", style="bold")
    if outcome.timed_out:
        return Text(f"{TIME_UP} Too late: the answer came after the time ran out. No points.", style="bold")
    return Text(f"{WRONG} Wrong. No points.", style="bold")


def choice_marks(outcome: Outcome) -> Table:
    """Every choice with a mark: ✔ right, ✘ picked but wrong, and which ones the player picked."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    asked = outcome.asked
    for index, choice in enumerate(asked.choices):
        right = index in asked.correct
        picked = index in outcome.chosen
        mark = RIGHT if right else (WRONG if picked else " ")
        text = Text(choice, style="bold" if right else "")
        notes = [note for note, applies in (("your answer", picked), ("right answer", right)) if applies]
        if notes:
            text.append(f"  ← {', '.join(notes)}", style="italic")
        grid.add_row(Text(f" {mark}", style="bold"), text)
    return grid


class FeedbackScreen(Screen[None]):
    """Shows how the last question went and waits for Enter."""

    BINDINGS = [
        Binding("enter", "next", "Continue"),
        Binding("q,escape", "abandon", "Quit round"),
    ]

    app: LunarQuizApp

    def __init__(self, round_: Round, outcome: Outcome) -> None:
        super().__init__()
        fit(self)
        self.round = round_
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        outcome = self.outcome
        question = outcome.asked.question
        yield TooSmall()
        with Vertical(classes="body"):
            yield Static(status_line(self.round), id="status", markup=False)
            yield Static(
                verdict(outcome), id="verdict", classes="-right" if outcome.correct else "-wrong", markup=False
            )
            with VerticalScroll(id="feedback"):
                yield Static(question.prompt, id="prompt", markup=False)
                yield Static(choice_marks(outcome), id="marks", markup=False)
                for choice in outcome.chosen_texts:
                    note = question.feedback_for(choice)
                    if note:
                        yield Static(
                            Text.assemble((f"About “{choice}”: ", "bold"), note),
                            classes="choice-feedback",
                            markup=False,
                        )
                if question.explanation:
                    yield Static(Text.assemble(("Why: ", "bold"), question.explanation), id="explanation", markup=False)
                source = "; ".join(part for part in (question.source, self.app.bank_source(question.bank_id)) if part)
                if source:
                    yield Static(Text.assemble(("Source: ", "bold"), source), id="source", markup=False)
            yield Static("Press Enter to continue.", id="continue", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.app.collector.feedback_drawn)

    def action_next(self) -> None:
        """Go on to the next question, or to the results after the last one."""
        self.app.next_question(self.round)

    def action_abandon(self) -> None:
        """Ask before leaving the round."""
        self.app.confirm_abandon(self.round)
