"""The Textual app: it holds the library, the store, the clocks and the random generator, and moves between screens."""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from lunarquiz.banks.discovery import Library
from lunarquiz.core.model import Bank
from lunarquiz.core.results import Outcome
from lunarquiz.core.round import Clock, Round, RoundSettings
from lunarquiz.core.selection import select_questions
from lunarquiz.store.preferences import Preferences
from lunarquiz.store.records import Mode
from lunarquiz.store.session import StoreRecorder, questions_for_mode, settings_for_mode
from lunarquiz.store.store import Store
from lunarquiz.ui.collector import Collector
from lunarquiz.ui.kept_errors import ErrorKeepingApp
from lunarquiz.ui.parsed_styles import CachedStylesheet
from lunarquiz.ui.themes import HIGH_CONTRAST
from lunarquiz.ui.widgets.too_small import BREAKPOINTS_TALL, BREAKPOINTS_WIDE

if TYPE_CHECKING:  # screens are imported when first shown: `lunarquiz play` starts without the home screen
    from lunarquiz.core.roster import Roster
    from lunarquiz.ui.screens.home import HomeScreen  # and `lunarquiz` without the question screen
    from lunarquiz.ui.screens.question import QuestionScreen
    from lunarquiz.ui.screens.results import ResultsScreen

WallClock = Callable[[], datetime]
"""The date and time in UTC (for study schedules), injected like the monotonic clock."""

SWITCH_INTERVAL = 0.001
"""Seconds the main thread may run before the thread that writes frames gets its turn (Python's default: 0.005)."""

NOTHING_TO_PLAY: dict[str, str] = {
    "review": "Nothing to review yet: questions you get wrong come back here.",
    "study": "Nothing to study: every question is scheduled for later.",
}


SERVED_SYSTEM_COMMANDS = frozenset({"Theme", "Quit", "Keys", "Maximize", "Minimize"})
"""The command palette entries a served game keeps: Textual's others (a screenshot) may write a file."""


def utc_now() -> datetime:
    """The current date and time in UTC."""
    return datetime.now(UTC)


class LunarQuizApp(ErrorKeepingApp[None]):
    """The quiz game. Everything it depends on is passed in, so tests build the same app."""

    CSS_PATH = "lunarquiz.tcss"
    TITLE = "lunarquiz"
    BINDINGS = [
        # Ctrl+C quits at once, as in any terminal program; a round in progress stays saved as unfinished.
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS_WIDE
    VERTICAL_BREAKPOINTS = BREAKPOINTS_TALL

    def __init__(
        self,
        library: Library,
        *,
        store: Store | None = None,
        player: str | None = None,
        clock: Clock = time.monotonic,
        now: WallClock = utc_now,
        seed: int | None = None,
        play: tuple[Sequence[Bank], RoundSettings] | None = None,
        mode: Mode = "timed",
        styles_folder: Path | None = None,
        served: bool = False,
        roster: Roster | None = None,
    ) -> None:
        """``play`` starts a round at once (in ``mode``) with those banks, instead of the home screen.

        Without a ``store`` nothing is saved (tests, and a disk that cannot be written). With a
        ``styles_folder`` (the cache folder), parsed stylesheets are kept there between runs.
        ``served`` (``lunarquiz serve``'s games) keeps every server path out of a player's reach.
        With a ``roster``, the player signs in with a name and PIN first, and stays that player.
        """
        super().__init__()
        self.stylesheet: CachedStylesheet = CachedStylesheet.replacing(self.stylesheet, styles_folder)
        self.register_theme(HIGH_CONTRAST)
        self.library = library
        self.store = store or Store.unsaved()
        self.roster = roster
        # A served game does not start as whoever played last on the server, and a roster's as no one.
        remembered = None if served or roster is not None else self.store.last_player()
        self.player = None if roster is not None else player or remembered
        self.preferences = self.store.preferences(self.player) if self.player else Preferences()
        self.clock = clock
        self.now = now
        self.rng = random.Random(seed)
        self._play = play
        self._served = served
        self._mode: Mode = mode
        self._last: tuple[tuple[Bank, ...], RoundSettings, Mode] | None = None
        self.round: Round | None = None
        self.recorder: StoreRecorder | None = None
        self.collector = Collector()
        self._switch_interval = sys.getswitchinterval()  # restored when the app closes

    @property
    def served(self) -> bool:
        """Whether the game is served to a player at a distance (``--served``, or drawn in a web browser).

        A served game offers nothing that names a file on the server: Generate takes pasted
        text and keeps the draft in memory, and the command palette has no screenshot.
        """
        return self._served or self.is_web

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's command palette entries; a served game keeps only those that touch no file."""
        for command in super().get_system_commands(screen):
            if not self.served or command.title in SERVED_SYSTEM_COMMANDS:
                yield command

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save a screenshot (Textual's ``screenshot`` action), except in a served game: there it is refused."""
        if self.served:
            self.notify("Screenshots are not saved in a game served to browsers.", severity="warning")
            return None
        return super().deliver_screenshot(filename, path, time_format)

    def on_unmount(self) -> None:
        sys.setswitchinterval(self._switch_interval)
        self.collector.app_closed()

    def get_default_screen(self) -> Screen[None]:
        """The first screen: the round asked for on the command line, or the home screen.

        Made Textual's default screen, it is drawn in Textual's first frame: pushed over a
        blank default screen, it was styled and laid out a second time before it showed.
        """
        self.collector.app_starting()  # until the first frame (see on_mount)
        screen = self._first_screen()
        # Textual (8.2) gives a pushed or switched-to screen a result callback, which the next
        # switch_screen removes; its default screen gets none, and could not be switched away from.
        screen._push_result_callback(self, None)
        return screen

    def _first_screen(self) -> QuestionScreen | HomeScreen:
        if self._play is not None:
            banks, settings = self._play
            if self.player is None:
                self.player = "player"
            screen = self._round_screen(banks, self.accommodate(settings), self._mode)
            if screen is not None:
                return screen
        from lunarquiz.ui.screens.home import HomeScreen

        return HomeScreen(self.library)

    def on_mount(self) -> None:
        # Textual writes each frame from a thread, which waits for the main thread to let go of the
        # interpreter: by default up to 5 ms, while the main thread goes on with the work that follows
        # a frame (a new question's hidden feedback, a collection). 1 ms lets a frame out sooner.
        sys.setswitchinterval(min(self._switch_interval, SWITCH_INTERVAL))
        self.apply_theme()
        self.show_store_notices()
        self.screen.call_after_refresh(self.collector.first_frame_drawn)  # the screen's: after its first frame
        if self.player is None:
            # Once the home screen is drawn: asked at once, the question hid a blank screen.
            self.call_after_refresh(self.ask_player)

    # -- the player and the store -------------------------------------------------

    def ask_player(self) -> None:
        """Ask who is playing (the first time, and whenever the player wants to change).

        With a roster, the player signs in once, and cannot change afterwards.
        """
        if self.roster is not None:
            if self.player is None:
                from lunarquiz.ui.screens.sign_in import SignInScreen

                self.push_screen(SignInScreen(self.roster, self.clock), self.signed_in)
            else:
                self.notify(f"Signed in as {self.player}: another player signs in in a tab of their own.")
            return

        def chosen(name: str | None) -> None:
            if name:
                self.player = name
                self.store.remember_player(name)
                self.preferences = self.store.preferences(name)
                self.apply_theme()
                self.show_store_notices()
                from lunarquiz.ui.screens.home import HomeScreen

                if isinstance(self.screen, HomeScreen):
                    self.screen.refresh_player()

        from lunarquiz.ui.screens.player import PlayerScreen

        known = [] if self.served else self.store.players()  # a served game shows no one else's name
        self.push_screen(PlayerScreen(self.player or "", known), chosen)

    def signed_in(self, name: str | None) -> None:
        """The player signed in with the roster's name and PIN: from now on, the game is theirs."""
        if name:
            self.player = name
            self.store.remember_player(name)
            self.preferences = self.store.preferences(name)
            self.apply_theme()
            self.show_store_notices()
            self.refresh_bindings()  # `n` (change player) leaves the footer
            from lunarquiz.ui.screens.home import HomeScreen

            if isinstance(self.screen, HomeScreen):
                self.screen.refresh_player()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With a roster, a player cannot change who is playing (the `n` key is neither shown nor run)."""
        if action == "ask_player" and self.roster is not None:
            return False
        return super().check_action(action, parameters)

    async def action_quit(self) -> None:
        """Quit, once the screen shown has finished mounting (Ctrl+C at start, q as a screen opens).

        Taken down half-built, a screen still runs its mount handler, on none of its widgets.
        """
        if not self.screen.call_later(self.exit):  # the screen runs it once mounted
            self.exit()

    def action_ask_player(self) -> None:
        """Change who is playing."""
        self.ask_player()

    def action_open_progress(self, which: str) -> None:
        """Open the history, statistics or leaderboard screen."""
        self.open_progress(which)

    def apply_theme(self) -> None:
        """Use the player's theme (the default when none is chosen or it is unknown)."""
        wanted = self.preferences.theme
        self.theme = wanted if wanted in self.available_themes else "textual-dark"

    def set_preferences(self, preferences: Preferences) -> None:
        """Use and remember the player's theme and accommodations."""
        self.preferences = preferences
        if self.player:
            self.store.save_preferences(self.player, preferences)
            self.show_store_notices()
        self.apply_theme()

    def accommodate(self, settings: RoundSettings) -> RoundSettings:
        """The round settings with the player's extra time or untimed play applied."""
        return self.preferences.accommodate(settings)

    def show_store_notices(self) -> None:
        """Tell the player what the store had to do (a damaged file moved aside, saving turned off)."""
        for notice in self.store.take_notices():
            self.notify(notice, title="Saving", severity="warning", timeout=12)

    def record(self, outcome: Outcome) -> None:
        """Save one answer as soon as it is given."""
        if self.recorder is not None:
            self.recorder.answered(outcome)
            self.show_store_notices()

    def answers_saved(self) -> bool:
        """Whether a round was played with saving on: after a crash, its answers so far are kept."""
        return self.recorder is not None and self.store.saving

    # -- moving between screens -------------------------------------------------

    def start_round(self, banks: Sequence[Bank], settings: RoundSettings, mode: Mode = "timed") -> None:
        """Start a new round over ``banks`` in ``mode`` (timed, practice, review or study)."""
        screen = self._round_screen(banks, settings, mode)
        if screen is not None:
            self.switch_screen(screen)

    def _round_screen(self, banks: Sequence[Bank], settings: RoundSettings, mode: Mode) -> QuestionScreen | None:
        """A new round's first question; None (and a notice) when no question fits."""
        settings = settings_for_mode(mode, settings)
        candidates = select_questions(banks, tags=settings.tags, difficulties=settings.difficulties)
        questions = questions_for_mode(self.store, self.player or "", mode, candidates, self.now())
        if not questions:
            message = NOTHING_TO_PLAY.get(mode, "No question matches that tag and difficulty: choose another.")
            self.notify(message, severity="warning")
            return None
        self._last = (tuple(banks), settings, mode)
        self.round = Round(questions, rng=self.rng, clock=self.clock, settings=settings)
        self.recorder = StoreRecorder(self.store, self.player or "player", mode, self.round, self.now)
        self.show_store_notices()
        self.collector.round_started()
        from lunarquiz.ui.screens.question import QuestionScreen

        return QuestionScreen(self.round)

    def _results(self, round_: Round) -> ResultsScreen:
        self.collector.round_ended()
        results = round_.results()
        if self.recorder is not None:
            self.recorder.ended(results)
            self.show_store_notices()
        end = self.recorder.end if self.recorder is not None else None
        from lunarquiz.ui.screens.results import ResultsScreen

        return ResultsScreen(results, end=end)

    def next_question(self, round_: Round) -> None:
        """After the feedback: the next question, or the results when the round is over."""
        if round_.advance() is None:
            self.switch_screen(self._results(round_))
        else:
            from lunarquiz.ui.screens.question import QuestionScreen

            self.switch_screen(QuestionScreen(round_))

    def confirm_abandon(self, round_: Round) -> None:
        """Ask whether to leave the round; on yes, show the results so far."""

        def answered(yes: bool | None) -> None:
            if yes:
                round_.abandon()
                self.switch_screen(self._results(round_))

        from lunarquiz.ui.screens.confirm import ConfirmScreen

        self.push_screen(
            ConfirmScreen("Leave this round? It ends here and shows your results so far.", "Leave", "Keep playing"),
            answered,
        )

    def play_again(self) -> None:
        """Another round with the banks, settings and mode of the last one."""
        if self._last is not None:
            self.start_round(*self._last)

    def go_home(self) -> None:
        """Back to the home screen."""
        from lunarquiz.ui.screens.home import HomeScreen

        self.switch_screen(HomeScreen(self.library))

    def open_progress(self, which: str) -> None:
        """Open the history, statistics or leaderboard screen over the home screen."""
        from lunarquiz.ui.screens.progress import HistoryScreen, LeaderboardScreen, StatisticsScreen
        from lunarquiz.ui.screens.settings import SettingsScreen

        screens = {
            "history": HistoryScreen,
            "statistics": StatisticsScreen,
            "leaderboard": LeaderboardScreen,
            "settings": SettingsScreen,
        }
        self.push_screen(screens[which]())

    def add_bank(self, bank: Bank) -> None:
        """Offer one more bank (a generated draft) alongside the loaded ones, replacing one with its id."""
        others = tuple(known for known in self.library.banks if known.id != bank.id)
        self.library = Library((*others, bank), self.library.failed)
        from lunarquiz.ui.screens.home import HomeScreen

        if isinstance(self.screen, HomeScreen):
            self.go_home()

    def action_generate(self) -> None:
        """Draft a quiz from an article: a file named on this computer, or pasted text in a served game."""
        from lunarquiz.ui.screens.generate import GenerateScreen, PasteArticleScreen

        self.push_screen(PasteArticleScreen() if self.served else GenerateScreen())

    def bank_source(self, bank_id: str) -> str:
        """The source a bank names (for the feedback), or an empty string."""
        return next((bank.source for bank in self.library.banks if bank.id == bank_id), "")

    def question_prompt(self, bank_id: str, question_id: str) -> str:
        """A question's prompt by its ids (for statistics), or its id when the bank is not loaded."""
        for bank in self.library.banks:
            if bank.id == bank_id:
                for question in bank.questions:
                    if question.id == question_id:
                        return question.prompt
        return question_id
