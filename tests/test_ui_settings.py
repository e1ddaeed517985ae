"""Settings: a theme and accommodations chosen on the settings screen, remembered per player."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Select

from lunarquiz.store.preferences import Preferences
from lunarquiz.store.store import Store
from lunarquiz.ui.screens.home import HomeScreen
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.screens.settings import SettingsScreen
from lunarquiz.ui.themes import HIGH_CONTRAST

from .conftest import FakeClock
from .ui_helpers import SIZE, make_app, screen_text, write_bank


async def test_settings_are_kept_for_the_player_and_apply_to_rounds(tmp_path: Path, clock: FakeClock) -> None:
    store = Store.open(tmp_path / "lunarquiz.db")
    try:
        app = make_app([write_bank(tmp_path)], clock, play=False, store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, SettingsScreen)
            theme = app.screen.query_one("#theme", Select)
            assert [value for _, value in theme._options[:5]] == [  # type: ignore[attr-defined]
                "textual-dark",
                "textual-light",
                HIGH_CONTRAST.name,
                "ansi-dark",
                "ansi-light",
            ]
            theme.value = HIGH_CONTRAST.name
            app.screen.query_one("#multiplier", Select).value = 2.0
            await pilot.pause()
            assert app.theme == HIGH_CONTRAST.name  # previewed at once
            await pilot.click("#save")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "2 × time" in screen_text(app)
        assert store.preferences("Ana") == Preferences(time_multiplier=2.0, untimed=False, theme=HIGH_CONTRAST.name)
        assert store.preferences("Ben") == Preferences()

        again = make_app([write_bank(tmp_path)], clock, play=False, store=store)
        async with again.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert again.theme == HIGH_CONTRAST.name
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(again.screen, QuestionScreen)
            assert again.screen.asked.limit == 20.0  # the bank's 10 s, doubled
    finally:
        store.close()


async def test_untimed_rounds_have_no_clock(tmp_path: Path, clock: FakeClock) -> None:
    store = Store.open(tmp_path / "lunarquiz.db")
    try:
        app = make_app([write_bank(tmp_path)], clock, play=False, store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("o")
            await pilot.pause()
            app.screen.query_one("#untimed", Checkbox).value = True
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.asked.limit is None
            clock.advance(3600)
            app.screen.check_time()
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            await pilot.press("q", "y")
            await pilot.pause()
        (summary,) = store.history(player="Ana")
        assert summary.mode == "practice"
    finally:
        store.close()


async def test_cancel_restores_the_theme(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#theme", Select).value = "ansi-light"
        await pilot.pause()
        assert app.theme == "ansi-light"
        await pilot.click("#cancel")
        await pilot.pause()
        assert app.theme == "textual-dark"
