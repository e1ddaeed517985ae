"""The Textual app: it holds the library, the clock and the random generator, and moves between screens."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence

from textual.app import App

from lunarquiz.banks.discovery import Library
from lunarquiz.core.model import Bank
from lunarquiz.core.round import Clock, Round, RoundSettings
from lunarquiz.core.selection import select_questions
from lunarquiz.ui.screens.confirm import ConfirmScreen
from lunarquiz.ui.screens.home import HomeScreen
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.screens.results import ResultsScreen
from lunarquiz.ui.widgets.too_small import BREAKPOINTS_TALL, BREAKPOINTS_WIDE


class LunarQuizApp(App[None]):
    """The quiz game. Everything it depends on is passed in, so tests build the same app."""

    CSS_PATH = "lunarquiz.tcss"
    TITLE = "lunarquiz"
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS_WIDE
    VERTICAL_BREAKPOINTS = BREAKPOINTS_TALL

    def __init__(
        self,
        library: Library,
        *,
        clock: Clock = time.monotonic,
        seed: int | None = None,
        play: tuple[Sequence[Bank], RoundSettings] | None = None,
    ) -> None:
        """``play`` starts a round at once with those banks, instead of the home screen."""
        super().__init__()
        self.library = library
        self.clock = clock
        self.rng = random.Random(seed)
        self._play = play
        self._last: tuple[tuple[Bank, ...], RoundSettings] | None = None
        self.round: Round | None = None

    def on_mount(self) -> None:
        if self._play is not None:
            banks, settings = self._play
            self.start_round(banks, settings)
        else:
            self.push_screen(HomeScreen(self.library))

    # -- moving between screens -------------------------------------------------

    def _show(self, screen: QuestionScreen | ResultsScreen | HomeScreen) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def start_round(self, banks: Sequence[Bank], settings: RoundSettings) -> None:
        """Start a new round over the questions of ``banks`` that the settings' filters let through."""
        questions = select_questions(banks, tags=settings.tags, difficulties=settings.difficulties)
        if not questions:
            self.notify("No question matches that tag and difficulty: choose another.", severity="error")
            if not self.screen_stack or len(self.screen_stack) == 1:
                self.go_home()
            return
        self._last = (tuple(banks), settings)
        self.round = Round(questions, rng=self.rng, clock=self.clock, settings=settings)
        self._show(QuestionScreen(self.round))

    def next_question(self, round_: Round) -> None:
        """After the feedback: the next question, or the results when the round is over."""
        if round_.advance() is None:
            self._show(ResultsScreen(round_.results()))
        else:
            self._show(QuestionScreen(round_))

    def confirm_abandon(self, round_: Round) -> None:
        """Ask whether to leave the round; on yes, show the results so far."""

        def answered(yes: bool | None) -> None:
            if yes:
                round_.abandon()
                self._show(ResultsScreen(round_.results()))

        self.push_screen(
            ConfirmScreen("Leave this round? It ends here and shows your results so far.", "Leave", "Keep playing"),
            answered,
        )

    def play_again(self) -> None:
        """Another round with the banks and settings of the last one."""
        if self._last is not None:
            self.start_round(*self._last)

    def go_home(self) -> None:
        """Back to the home screen."""
        self._show(HomeScreen(self.library))

    def bank_source(self, bank_id: str) -> str:
        """The source a bank names (for the feedback screen), or an empty string."""
        return next((bank.source for bank in self.library.banks if bank.id == bank_id), "")
