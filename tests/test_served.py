"""A served game (``lunarquiz serve``'s tabs): nothing a player types names a file on the server."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Input, TextArea

from lunarquiz.banks.discovery import load_library
from lunarquiz.cli import build_parser
from lunarquiz.commands.serve import game_command
from lunarquiz.core.model import Bank
from lunarquiz.ui.app import LunarQuizApp
from lunarquiz.ui.screens.home import HomeScreen
from lunarquiz.ui.screens.question import QuestionScreen

from .conftest import ROOT, FakeClock
from .ui_helpers import NOW, SIZE, screen_text, write_bank

ARTICLE = ROOT / "tests" / "data" / "generate" / "artemis-gateway.txt"
MARKER = "Zorbquintrell"
"""A word found only in the secret file: it must never reach a player's screen or a bank."""

SCREENS_FROM_HOME = ("g", "n", "o", "h", "t", "l")
"""Every screen the home screen opens: generate, player, settings, history, statistics, leaderboard."""


def secret_article(folder: Path) -> Path:
    """A teacher's private file on the server, an article the drafter would gladly quote."""
    path = folder / "private" / "notes.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE.read_text(encoding="utf-8").replace("Gateway", MARKER), encoding="utf-8")
    return path


def files_under(*folders: Path) -> dict[Path, tuple[int, int]]:
    """Every file and folder under ``folders`` with its size and modification time."""
    found: dict[Path, tuple[int, int]] = {}
    for folder in folders:
        for path in [folder, *folder.rglob("*")] if folder.exists() else []:
            info = path.stat()
            found[path] = (info.st_size, info.st_mtime_ns)
    return found


def data_dir() -> Path:
    return Path(os.environ["LUNARQUIZ_DATA_DIR"])  # a private folder per test (see conftest)


def served_app(tmp_path: Path, clock: FakeClock) -> LunarQuizApp:
    library = load_library([write_bank(tmp_path)])
    return LunarQuizApp(library, player="Ana", clock=clock, now=lambda: NOW, seed=3, served=True)


def bank_text(bank: Bank) -> str:
    parts = [bank.id, bank.title, bank.description, bank.source]
    for question in bank.questions:
        parts += [question.prompt, question.explanation, *question.answers, *question.wrong]
    return "\n".join(parts)


async def back_home(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, LunarQuizApp)
    while len(app.screen_stack) > 1:
        app.pop_screen()
        await pilot.pause()
    if not isinstance(app.screen, HomeScreen):
        app.go_home()
        await pilot.pause()


async def type_into_every_field(pilot: Pilot[None], texts: list[str]) -> None:
    """Paste a text into each field of the screen (as a browser pastes), press Enter, then every button."""
    app = pilot.app
    fields = [*app.screen.query(Input), *app.screen.query(TextArea)]
    for index, field in enumerate(fields):
        if not field.is_attached:
            continue
        field.focus()
        await pilot.pause()
        field.post_message(events.Paste(texts[index % len(texts)]))
        await pilot.pause()
        if field.is_attached:
            await pilot.press("enter")
            await pilot.pause()
    for button in ("#save", "#play", "#download"):
        if app.screen.query(button) and app.screen.query_one(button, Button).display:
            app.screen.query_one(button, Button).press()
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()


async def test_no_field_of_a_served_game_reaches_a_server_file(tmp_path: Path, clock: FakeClock) -> None:
    secret = secret_article(tmp_path)
    banks_folder = data_dir() / "banks"
    attempts = [str(secret), str(banks_folder / "planted.yaml"), f"~/{secret.name}", str(tmp_path / "new" / "x.yaml")]
    app = served_app(tmp_path, clock)
    before = files_under(tmp_path, data_dir())
    seen: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        for key in SCREENS_FROM_HOME:
            await back_home(pilot)
            await pilot.press(key)
            await pilot.pause()
            await type_into_every_field(pilot, attempts)
            seen.append(screen_text(app))
        await back_home(pilot)
        seen.append(screen_text(app))
        assert all(MARKER not in bank_text(bank) for bank in app.library.banks)
    assert not any(MARKER in text for text in seen)
    assert files_under(tmp_path, data_dir()) == before, "a served game wrote or created a file"


async def test_served_generate_takes_pasted_text_and_keeps_the_draft_in_memory(
    tmp_path: Path, clock: FakeClock
) -> None:
    from lunarquiz.generate.from_file import PASTED_SOURCE

    app = served_app(tmp_path, clock)
    before = files_under(tmp_path, data_dir())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert not app.screen.query(Input), "no field for a path or a file name"
        assert not app.screen.query("#download"), "a download is offered only in a browser"
        area = app.screen.query_one(TextArea)
        area.post_message(events.Paste(ARTICLE.read_text(encoding="utf-8")))
        await pilot.pause()
        await pilot.click("#play")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        question = app.screen.asked.question
        assert question.bank_id.endswith("-draft") and "draft" in question.tags
        assert app.screen.asked.limit is None  # a draft plays as practice
        draft = next(bank for bank in app.library.banks if bank.id == question.bank_id)
        assert draft.source == PASTED_SOURCE
    assert files_under(tmp_path, data_dir()) == before


async def test_a_paste_past_the_limit_is_refused_with_the_reason(tmp_path: Path, clock: FakeClock) -> None:
    from lunarquiz.generate.from_file import MAX_PASTED_CHARACTERS

    app = served_app(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        area.post_message(events.Paste("The Moon. " * (MAX_PASTED_CHARACTERS // 10 + 1)))
        await pilot.pause()
        assert area.text == ""
        assert f"at most {MAX_PASTED_CHARACTERS:,}" in screen_text(app)
        await pilot.click("#play")  # an empty text: said so, nothing drafted
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Paste the text of an article first" in screen_text(app)


async def test_the_served_command_palette_saves_no_screenshot(tmp_path: Path, clock: FakeClock) -> None:
    app = served_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Theme" in titles
        assert not any("screenshot" in title.lower() for title in titles)
        app.action_screenshot("shot.svg", str(tmp_path))
        await pilot.pause()
    assert not (tmp_path / "shot.svg").exists()


async def test_a_game_in_a_web_browser_is_served_even_without_the_flag(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(LunarQuizApp, "is_web", property(lambda self: True))
    library = load_library([write_bank(tmp_path)])
    app = LunarQuizApp(library, player="Ana", clock=clock, now=lambda: NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.served
        await pilot.press("g")
        await pilot.pause()
        assert not app.screen.query(Input)


def test_serve_runs_each_game_with_the_hidden_served_flag() -> None:
    assert "--served" in shlex.split(game_command([]))
    assert build_parser(["--served"]).parse_args(["--served"]).served
    assert not build_parser([]).parse_args([]).served
    assert "--served" not in build_parser().format_help()


def test_run_home_passes_served_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from lunarquiz.commands import play

    built: list[bool] = []
    monkeypatch.setattr(play, "wants_plain", lambda args: False)
    monkeypatch.setattr(LunarQuizApp, "run", lambda self: built.append(self.served))
    args = build_parser(["--served"]).parse_args(["--served"])
    assert play.run_home(args) == 0
    assert built == [True]


def test_draft_from_text_bounds_and_explains() -> None:
    from lunarquiz.generate.from_file import MAX_PASTED_CHARACTERS, PASTED_SOURCE, DraftError, draft_from_text

    bank = draft_from_text(ARTICLE.read_text(encoding="utf-8"))
    assert bank.questions and bank.source == PASTED_SOURCE
    with pytest.raises(DraftError, match="at most"):
        draft_from_text("x" * (MAX_PASTED_CHARACTERS + 1))
    with pytest.raises(DraftError, match="first"):
        draft_from_text(" \n\t")
    with pytest.raises(DraftError, match="No question"):
        draft_from_text("nothing to see here.")


async def test_a_served_home_screen_names_a_broken_bank_without_its_folder(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "teacher-only"
    folder.mkdir()
    write_bank(folder)
    (folder / "broken.yaml").write_text("lunarquiz: 1\nid: [\n", encoding="utf-8")
    library = load_library([folder])
    assert library.failed
    app = LunarQuizApp(library, player="Ana", clock=clock, now=lambda: NOW, served=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
    assert "broken.yaml" in text
    assert "teacher-only" not in text
