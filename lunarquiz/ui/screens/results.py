"""The results screen: the score, accuracy, times and streak, and every question with its answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Static

from lunarquiz.core.results import Outcome, Results
from lunarquiz.store.records import RoundEnd
from lunarquiz.ui.styled_once import StyledOnce
from lunarquiz.ui.stylesheets import add_stylesheet
from lunarquiz.ui.widgets.feedback import RIGHT, TIME_UP, WRONG
from lunarquiz.ui.widgets.too_small import TooSmall

if TYPE_CHECKING:
    from lunarquiz.ui.app import LunarQuizApp


def summary(results: Results, end: RoundEnd | None = None) -> Text:
    """Score, accuracy, average answer time and best streak; a personal best when it is one."""
    text = Text()
    if end is not None and end.personal_best:
        before = "" if end.previous_best is None else f" (your best was {end.previous_best:,})"
        text.append(f"★ New personal best!{before}\n", style="bold")
    if results.abandoned:
        text.append(f"Round left after {results.answered} of {results.total_questions} questions.\n", style="italic")
    text.append("Score ", style="bold")
    text.append(f"{results.score:,}")
    text.append("    Right ", style="bold")
    text.append(f"{results.right} of {results.answered} ({results.accuracy:.0%})")
    text.append("\nAverage answer time ", style="bold")
    average = results.average_seconds
    text.append("-" if average is None else f"{average:.1f}s")
    text.append("    Best streak ", style="bold")
    text.append(str(results.best_streak))
    if results.practice:
        text.append("    (practice: untimed)", style="italic")
    return text


def review_entry(number: int, outcome: Outcome) -> Text:
    """One question of the round: what was chosen, what was right, and why."""
    asked = outcome.asked
    mark = RIGHT if outcome.correct else (TIME_UP if outcome.timed_out else WRONG)
    word = "right" if outcome.correct else ("time ran out" if outcome.timed_out else "wrong")
    text = Text()
    text.append(f"{mark} {number}. ", style="bold")
    text.append(asked.question.prompt, style="bold")
    text.append(f"  ({word}, {outcome.points} points)\n")
    chosen = ", ".join(outcome.chosen_texts) or "nothing"
    text.append("   You answered: ")
    text.append(chosen)
    if not outcome.correct:
        text.append("\n   Right answer: ")
        text.append(", ".join(outcome.correct_texts), style="bold")
    if asked.question.explanation:
        text.append("\n   Why: ")
        text.append(asked.question.explanation)
    return text


class ResultsScreen(StyledOnce[None]):
    """The end of a round: the summary, the review of every question, and what to do next."""

    BINDINGS = [
        Binding("p", "play_again", "Play again"),
        Binding("h", "home", "Home"),
        Binding("q", "app.quit", "Quit"),
    ]

    app: LunarQuizApp

    def __init__(self, results: Results, end: RoundEnd | None = None) -> None:
        super().__init__()
        add_stylesheet(self, "results.tcss")
        self.results = results
        self.end = end

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="body"):
            yield Static("Results", id="title", markup=False)
            yield Static(summary(self.results, self.end), id="summary", markup=False)
            with VerticalScroll(id="review", can_focus=True):
                for number, outcome in enumerate(self.results.outcomes, start=1):
                    classes = "entry -right" if outcome.correct else "entry -missed"
                    yield Static(review_entry(number, outcome), classes=classes, markup=False)
            with Horizontal(id="actions"):
                yield Button("Play again", id="again", variant="primary")
                yield Button("Home", id="home")
        yield Footer()

    def on_mount(self) -> None:
        # The review has the focus, so arrows scroll it and a stray Enter does not start a new round.
        self.query_one("#review").focus()

    @on(Button.Pressed, "#again")
    def action_play_again(self) -> None:
        """Play another round with the same banks and settings."""
        self.app.play_again()

    @on(Button.Pressed, "#home")
    def action_home(self) -> None:
        """Back to the home screen."""
        self.app.go_home()
