"""Generate a draft quiz from an article: name its file (or, in a served game, paste its text), then play the draft."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static, TextArea

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
        if bank is not None:
            play_draft(self.app, bank)

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


def play_draft(app: LunarQuizApp, bank: Bank) -> None:
    """Close the dialog and play ``bank`` at once, as practice; it joins the banks of this game only."""
    app.pop_screen()
    app.add_bank(bank)
    app.start_round([bank], app.accommodate(RoundSettings(questions=10)), "practice")


class ArticleArea(TextArea):
    """A text area for an article that refuses a paste which would make it longer than ``limit`` characters."""

    class TooLong(Message):
        """A paste was refused: ``length`` characters would have been more than the limit."""

        def __init__(self, length: int) -> None:
            super().__init__()
            self.length = length

    def __init__(self, *, limit: int, id: str | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        self.limit = limit

    def on_paste(self, event: events.Paste) -> None:
        length = len(self.text) + len(event.text)
        if length > self.limit:
            event.prevent_default()  # TextArea's own paste handler would insert it
            event.stop()
            self.post_message(self.TooLong(length))


class PasteArticleScreen(ModalScreen[None], StyledOnce[None]):
    """The served game's Generate: the article is pasted, never named, and the draft stays in this game.

    Nothing typed here names a file on the server: no article is read from its disk and no draft
    is written to it. In a browser, the draft can be downloaded to the player's own computer.
    """

    BINDINGS = [Binding("escape", "app.pop_screen", "Cancel")]

    app: LunarQuizApp

    def __init__(self) -> None:
        super().__init__()
        add_stylesheet(self, "dialogs.tcss")
        self.drafting = False

    def compose(self) -> ComposeResult:
        from lunarquiz.generate.from_file import MAX_PASTED_CHARACTERS

        with Vertical(id="dialog", classes="generate"):
            yield Static("Generate a draft quiz from an article", id="question", markup=False)
            yield Static(
                f"Paste the article's text below (plain text or Markdown, up to {MAX_PASTED_CHARACTERS:,} "
                "characters). The draft repeats what the article says: check it before a class plays it. "
                "It stays in this game: nothing is saved on the server.",
                classes="hint",
                markup=False,
            )
            yield ArticleArea(limit=MAX_PASTED_CHARACTERS, id="article-text")
            yield Static("", id="status", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Play the draft", id="play", variant="primary")
                if self.app.is_web:  # a download goes to the browser; elsewhere it would be a file on this computer
                    yield Button("Download the draft", id="download")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#article-text", ArticleArea).focus()

    @on(ArticleArea.TooLong)
    def refuse_paste(self, event: ArticleArea.TooLong) -> None:
        from lunarquiz.generate.from_file import MAX_PASTED_CHARACTERS

        self.query_one("#status", Static).update(
            f"Not pasted: the text would be {event.length:,} characters long, and an article may have at most "
            f"{MAX_PASTED_CHARACTERS:,}. Paste a shorter part of it."
        )

    @on(Button.Pressed, "#play")
    def play(self) -> None:
        """Draft and play at once (the draft is kept in this game's memory only)."""
        self.draft_then(lambda bank: play_draft(self.app, bank))

    @on(Button.Pressed, "#download")
    def download(self) -> None:
        """Draft and send the bank file to the player's browser (only there: elsewhere it would be saved)."""
        if self.app.is_web:
            self.draft_then(self.deliver)

    def deliver(self, bank: Bank) -> None:
        from lunarquiz.banks.writer import dump_bank

        name = f"{bank.id}.yaml"
        self.app.deliver_text(io.StringIO(dump_bank(bank)), save_filename=name, mime_type="text/yaml")
        self.query_one("#status", Static).update(
            f"{len(bank.questions)} draft questions: your browser downloads {name}. Edit them before class."
        )

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.app.pop_screen()

    def draft_then(self, then: Callable[[Bank], None]) -> None:
        """Draft from the pasted text, off the screen's thread, then pass the bank to ``then``."""
        if self.drafting:
            return
        self.drafting = True
        self.query_one("#status", Static).update("Drafting questions…")
        self._draft(self.query_one("#article-text", ArticleArea).text, then)

    @work(exclusive=True, group="draft")
    async def _draft(self, text: str, then: Callable[[Bank], None]) -> None:
        from lunarquiz.generate.from_file import DraftError, draft_from_text

        try:
            bank = await asyncio.to_thread(draft_from_text, text)  # up to a second or two for a long article
        except DraftError as error:
            self.query_one("#status", Static).update(str(error))
            return
        finally:
            self.drafting = False
        then(bank)
