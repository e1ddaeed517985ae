"""New screens are styled once, and correctly the first time: their own stylesheet, a dialog's looks, later refreshes."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.screen import Screen

from lunarquiz.ui.screens.confirm import ConfirmScreen
from lunarquiz.ui.screens.generate import GenerateScreen
from lunarquiz.ui.screens.player import PlayerScreen
from lunarquiz.ui.screens.progress import HistoryScreen
from lunarquiz.ui.screens.question import QuestionScreen

from .conftest import FakeClock
from .ui_helpers import SIZE, make_app, record_restyles, write_bank


async def test_a_screens_own_stylesheet_is_in_force_when_it_is_first_styled(tmp_path: Path, clock: FakeClock) -> None:
    """Adding screens/<name>.tcss renews the stylesheet's rule index (Textual's ``read`` alone leaves it stale)."""
    app = make_app([write_bank(tmp_path)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "#trend" not in app.stylesheet.rules_map  # the index is built, without progress.tcss's rules
        HistoryScreen()
        assert "#trend" in app.stylesheet.rules_map  # "ProgressScreen #trend"


async def test_every_dialog_looks_like_one_from_its_first_frame(tmp_path: Path, clock: FakeClock) -> None:
    """Centred, over the screen below dimmed rather than hidden: Textual sees a ModalScreen in each."""
    app = make_app([write_bank(tmp_path)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialogs: list[Screen[object]] = [ConfirmScreen("Sure?", "Yes", "No"), PlayerScreen("Ana", []), GenerateScreen()]
        for dialog in dialogs:
            app.push_screen(dialog)
            await pilot.pause()
            assert app.screen is dialog
            assert (dialog.styles.align_horizontal, dialog.styles.align_vertical) == ("center", "middle")
            assert 0 < dialog.styles.background.a < 1, type(dialog).__name__
            app.pop_screen()
            await pilot.pause()


async def test_only_the_first_showing_skips_the_refresh(tmp_path: Path, clock: FakeClock) -> None:
    """A later ScreenResume that asks for fresh styles (Textual's switch_screen, modes) still restyles."""
    app = make_app([write_bank(tmp_path)], clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        question = app.screen
        assert isinstance(question, QuestionScreen)
        restyled = record_restyles(app)
        question.post_message(events.ScreenResume())
        await pilot.pause()
        assert restyled.count(question) == 1
