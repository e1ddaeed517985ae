"""Generate a draft quiz from an article: name the file, then play the draft or save it as a bank."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from lunarquiz.core.model import Bank
from lunarquiz.core.round import RoundSettings
from lunarquiz.ui.styled_once import StyledOnce
from lunarquiz.ui.stylesheets import add_stylesheet

if TYPE_CHECKING:
    from lunarquiz.ui.app import LunarQuizApp


class GenerateScreen(ModalScreen[None], StyledOnce[None]):
    """Asks for an article's path; drafts questions from it to play now or to save."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Cancel")]

    app: LunarQuizApp

    def __init__(self) -> None:
        super().__init__()
        add_stylesheet(self, "dialogs.tcss")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="generate"):
            yield Static("Generate a draft quiz from an article", id="question", markup=False)
            yield Static(
                "A plain-text or Markdown file. The draft repeats what the article says: check it before a class plays it.",
                classes="hint",
                markup=False,
            )
            yield Input(placeholder="Path of the article, e.g. ~/articles/moon.txt", id="article")
            yield Input(placeholder="Save as (default: your banks folder)", id="save-as")
            yield Static("", id="status", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Play the draft", id="play", variant="primary")
                yield Button("Save the draft", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#article", Input).focus()

    def _draft(self) -> Bank | None:
        from lunarquiz.generate.from_file import DraftError, draft_from_file

        path = self.query_one("#article", Input).value.strip()
        status = self.query_one("#status", Static)
        if not path:
            status.update("Type the path of an article first.")
            return None
        try:
            bank = draft_from_file(path)
        except DraftError as error:
            status.update(str(error))
            return None
        status.update(f"{len(bank.questions)} draft questions from {Path(path).name}.")
        return bank

    @on(Input.Submitted, "#article")
    @on(Button.Pressed, "#play")
    def play(self) -> None:
        """Draft and play at once (the draft is not saved)."""
        bank = self._draft()
        if bank is None:
            return
        self.app.pop_screen()
        self.app.add_bank(bank)
        self.app.start_round([bank], self.app.accommodate(RoundSettings(questions=10)), "practice")

    @on(Input.Submitted, "#save-as")
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        """Draft and save as a bank file (in the user's banks folder unless a path is given)."""
        from lunarquiz.banks.writer import dump_bank
        from lunarquiz.commands.convert import FileProblem, write_text
        from lunarquiz.paths import user_banks_dir

        bank = self._draft()
        if bank is None:
            return
        chosen = self.query_one("#save-as", Input).value.strip()
        target = Path(chosen).expanduser() if chosen else user_banks_dir() / f"{bank.id}.yaml"
        status = self.query_one("#status", Static)
        if target.exists():
            status.update(f"{target} already exists: choose another name so nothing is overwritten.")
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_text(str(target), dump_bank(bank), io.StringIO())
        except (FileProblem, OSError) as error:
            status.update(str(error))
            return
        self.app.add_bank(bank)
        self.app.pop_screen()
        self.app.notify(f"Saved {len(bank.questions)} draft questions to {target}. Edit them before class.")
