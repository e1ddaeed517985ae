"""Sign in with a name and PIN from the teacher's roster: the first screen of a served game with ``--roster``."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from lunarquiz.core.players import MAX_NAME_LENGTH
from lunarquiz.core.roster import PIN_DIGITS, Roster
from lunarquiz.core.sign_in import SignInTries
from lunarquiz.ui.styled_once import StyledOnce
from lunarquiz.ui.stylesheets import add_stylesheet

WRONG = "That name and PIN do not match the roster. Check both, or ask your teacher."


class SignInScreen(ModalScreen[str], StyledOnce[str]):
    """Asks for a name and PIN; dismisses with the roster's spelling of the name once they match.

    It cannot be cancelled: the game behind it is played only once signed in. After
    ``lunarquiz.core.sign_in.TRIES`` wrong tries, no try is checked for a while.
    """

    def __init__(self, roster: Roster, clock: Callable[[], float]) -> None:
        super().__init__()
        add_stylesheet(self, "sign_in.tcss")
        self.roster = roster
        self.tries = SignInTries(clock)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Sign in", id="question", markup=False)
            yield Static("Type your name and the PIN your teacher gave you.", classes="hint", markup=False)
            yield Input(placeholder="Your name", max_length=MAX_NAME_LENGTH, id="name")
            yield Input(placeholder="Your PIN", max_length=PIN_DIGITS + 4, password=True, id="pin")
            yield Static("", id="status", markup=False)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def to_pin(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    def submitted(self) -> None:
        """Check the name and PIN: in, or a message (and, after too many wrong tries, a wait)."""
        wait = self.tries.wait_left()
        if wait > 0:
            self.say(f"Too many wrong tries: wait {seconds(wait)}, then try again.")
            return
        name_input, pin_input = self.query_one("#name", Input), self.query_one("#pin", Input)
        name = self.roster.sign_in(name_input.value, pin_input.value)
        pin_input.value = ""
        if name is not None:
            self.dismiss(name)
            return
        wait = self.tries.failed()
        if wait:
            self.say(f"{WRONG} Too many wrong tries: wait {seconds(wait)}, then try again.")
        else:
            left = self.tries.tries_left
            self.say(f"{WRONG} {left} {'try' if left == 1 else 'tries'} left before a wait.")
        name_input.focus()

    def say(self, message: str) -> None:
        self.query_one("#status", Static).update(message)


def seconds(value: float) -> str:
    """A wait in words: ``30 seconds``, ``2 minutes``."""
    whole = max(1, round(value))
    if whole < 120:
        return f"{whole} second{'s' if whole != 1 else ''}"
    return f"{round(whole / 60)} minutes"
