"""Who is playing: asked the first time, and whenever a player on a shared computer changes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from lunarquiz.core.players import MAX_NAME_LENGTH, BadPlayerName, player_name
from lunarquiz.ui.styled_once import StyledOnce
from lunarquiz.ui.stylesheets import add_stylesheet

MAX_NAME = MAX_NAME_LENGTH


class PlayerScreen(ModalScreen[str | None], StyledOnce[str | None]):
    """Asks for the player's name; dismisses with the name, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str, known: list[str]) -> None:
        super().__init__()
        add_stylesheet(self, "dialogs.tcss")
        self.current = current
        self.known = known

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Who is playing?", id="question", markup=False)
            yield Static(
                "Your name keeps your scores and reviews apart from other players on this computer.",
                classes="hint",
                markup=False,
            )
            if self.known:
                yield Static("Known players: " + ", ".join(self.known[:8]), classes="hint", markup=False)
            yield Input(self.current, placeholder="Your name", max_length=MAX_NAME, id="name")

    @on(Input.Submitted, "#name")
    def submitted(self, event: Input.Submitted) -> None:
        try:
            name = player_name(event.value)
        except BadPlayerName as error:
            why = str(error)
            self.notify(f"{why[:1].upper()}{why[1:]}: type a name, then press Enter.", severity="warning")
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        """Keep the current player."""
        self.dismiss(None)
