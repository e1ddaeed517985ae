"""Settings for the current player: colour theme, extra time and untimed rounds, remembered in the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Footer, Select, Static

from lunarquiz.store.preferences import Preferences
from lunarquiz.ui.styled_once import StyledOnce
from lunarquiz.ui.themes import theme_choices
from lunarquiz.ui.widgets.too_small import TooSmall

if TYPE_CHECKING:
    from lunarquiz.ui.app import LunarQuizApp

MULTIPLIERS = ((1.0, "Usual time"), (1.5, "1.5 × the time"), (2.0, "2 × the time"), (3.0, "3 × the time"))


class SettingsScreen(StyledOnce[None]):
    """Choose a theme and accommodations; Save keeps them for this player."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"), Binding("ctrl+s", "save", "Save")]

    app: LunarQuizApp

    def __init__(self) -> None:
        super().__init__()

    def compose(self) -> ComposeResult:
        current = self.app.preferences
        multipliers = [(label, value) for value, label in MULTIPLIERS]
        if current.time_multiplier not in dict(MULTIPLIERS):
            multipliers.append((f"{current.time_multiplier:g} × the time", current.time_multiplier))
        yield TooSmall()
        with Vertical(classes="body"):
            yield Static("Settings", id="title", markup=False)
            yield Static(f"For {self.app.player or 'this computer'}; kept for next time.", id="hint", markup=False)
            with VerticalScroll(id="settings"):
                yield Static("Colours", classes="section", markup=False)
                yield Select(
                    theme_choices(list(self.app.available_themes)),
                    value=self.app.theme,
                    allow_blank=False,
                    id="theme",
                )
                yield Static("Time for each question", classes="section", markup=False)
                yield Select(multipliers, value=current.time_multiplier, allow_blank=False, id="multiplier")
                yield Checkbox("No time limit (scored like practice)", current.untimed, id="untimed")
            with Horizontal(classes="options"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")
        yield Footer()

    @on(Select.Changed, "#theme")
    def preview_theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.app.theme = event.value

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Keep the choices for this player and go back."""
        multiplier = self.query_one("#multiplier", Select).value
        theme = self.query_one("#theme", Select).value
        preferences = Preferences(
            time_multiplier=float(multiplier) if isinstance(multiplier, int | float) else 1.0,
            untimed=self.query_one("#untimed", Checkbox).value,
            theme=theme if isinstance(theme, str) else "",
        )
        self.app.set_preferences(preferences)
        self.app.pop_screen()

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.app.apply_theme()
        self.app.pop_screen()
