"""The home screen's 'generate from an article': play the draft at once, or save it as a bank."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from lunarquiz.banks.loader import load_bank
from lunarquiz.generate.from_file import DraftError, draft_from_file
from lunarquiz.ui.screens.generate import GenerateScreen
from lunarquiz.ui.screens.home import HomeScreen
from lunarquiz.ui.screens.question import QuestionScreen

from .conftest import ROOT, FakeClock
from .ui_helpers import SIZE, make_app, screen_text, write_bank

ARTICLE = ROOT / "tests" / "data" / "generate" / "artemis-gateway.txt"


async def test_generate_and_play_a_draft(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, play=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GenerateScreen)
        app.screen.query_one("#article", Input).value = str(ARTICLE)
        await pilot.click("#play")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.asked.question.bank_id.endswith("-draft")
        assert "draft" in app.screen.asked.question.tags
        assert app.screen.asked.limit is None  # a draft plays as practice


async def test_generate_and_save_a_draft_in_the_banks_folder(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LUNARQUIZ_DATA_DIR", str(tmp_path / "data"))
    app = make_app([write_bank(tmp_path)], clock, play=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#article", Input).value = str(ARTICLE)
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        saved = tmp_path / "data" / "banks" / "artemis-gateway-draft.yaml"
        assert saved.exists()
        assert len(load_bank(saved).questions) >= 8
        assert any(bank.id == "artemis-gateway-draft" for bank in app.library.banks)
        # a second save refuses to overwrite the teacher's file
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#article", Input).value = str(ARTICLE)
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, GenerateScreen)
        assert "already exists" in screen_text(app)


async def test_a_missing_article_is_explained(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#article", Input).value = str(tmp_path / "nope.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GenerateScreen)
        assert "no such file" in screen_text(app)


def test_draft_from_file_errors(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00\x01")
    (tmp_path / "empty.txt").write_text("nothing to see here.\n", encoding="utf-8")
    for name in ("binary.txt", "empty.txt", "missing.txt"):
        with pytest.raises(DraftError):
            draft_from_file(tmp_path / name)
    with pytest.raises(DraftError):
        draft_from_file(tmp_path)
