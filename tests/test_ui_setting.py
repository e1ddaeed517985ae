"""The one-line setting and the flat button: keys, clicks, wrapping round, values and their messages."""

from __future__ import annotations

from typing import Any

import pytest
from textual import on
from textual.app import App, ComposeResult

from lunarquiz.ui.widgets.flat_button import FlatButton
from lunarquiz.ui.widgets.setting import FOCUS_MARKER, Setting

LENGTHS = [("5 questions", 5), ("10 questions", 10), ("All questions", 0)]


class SettingsApp(App[None]):
    """Two settings and a button, recording what they post."""

    CSS = "Setting, FlatButton { height: 1; }"

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[tuple[str | None, Any]] = []
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Setting("Length", LENGTHS, 10, label_width=12, id="length")
        yield Setting("Mode", [("Timed", "timed"), ("Practice", "practice")], "timed", label_width=12, id="mode")
        yield FlatButton("Start", id="start")

    @on(Setting.Changed)
    def changed(self, event: Setting.Changed) -> None:
        self.changes.append((event.control.id, event.value))

    @on(FlatButton.Pressed, "#start")
    def pressed(self) -> None:
        self.presses += 1


def length(app: SettingsApp) -> Setting[int]:
    return app.query_one("#length", Setting)


async def test_keys_step_through_the_values_and_wrap_round() -> None:
    app = SettingsApp()
    async with app.run_test(size=(40, 5)) as pilot:
        setting = length(app)
        setting.focus()
        await pilot.press("right")
        assert setting.value == 0 and setting.shown == "All questions"
        await pilot.press("right")  # past the last value: back to the first
        assert setting.value == 5
        await pilot.press("left")  # before the first value: the last
        assert setting.value == 0
        await pilot.press("enter", "space")
        assert setting.value == 10
        await pilot.pause()
        assert app.changes == [("length", v) for v in (0, 5, 0, 5, 10)]


async def test_up_and_down_move_between_settings_like_a_form() -> None:
    app = SettingsApp()
    async with app.run_test(size=(40, 5)) as pilot:
        length(app).focus()
        await pilot.press("down")
        assert app.focused is app.query_one("#mode")
        await pilot.press("down")
        assert app.focused is app.query_one("#start")
        app.query_one("#mode").focus()
        await pilot.press("up")
        assert app.focused is length(app)


async def test_a_click_on_the_back_arrow_steps_back_and_elsewhere_forward() -> None:
    app = SettingsApp()
    async with app.run_test(size=(40, 5)) as pilot:
        setting = length(app)
        back = len(FOCUS_MARKER) + 12  # the ‹ comes after the marker and the padded label
        assert setting.render().plain[back] == "‹"
        await pilot.click("#length", offset=(back, 0))
        assert setting.value == 5 and app.focused is setting
        await pilot.click("#length", offset=(back + 4, 0))  # on the value
        assert setting.value == 10
        await pilot.click("#length", offset=(2, 0))  # on the label
        assert setting.value == 0


async def test_the_focused_setting_shows_a_marker_that_needs_no_colour() -> None:
    app = SettingsApp()
    async with app.run_test(size=(40, 5)) as pilot:
        setting = length(app)
        app.query_one("#mode").focus()
        await pilot.pause()
        assert not setting.render().plain.startswith(FOCUS_MARKER)
        setting.focus()
        await pilot.pause()
        assert setting.render().plain == f"{FOCUS_MARKER}Length      ‹ 10 questions ›"


async def test_a_narrow_setting_shortens_the_value_and_keeps_the_arrows() -> None:
    app = SettingsApp()
    async with app.run_test(size=(22, 5)) as pilot:
        await pilot.pause()
        line = length(app).render().plain
        assert line[len(FOCUS_MARKER) :].startswith("Length ‹ ") and line.endswith("… ›") and len(line) == 22


async def test_the_value_can_be_set_and_must_be_one_of_the_options() -> None:
    app = SettingsApp()
    async with app.run_test(size=(40, 5)) as pilot:
        setting = length(app)
        setting.value = 5
        assert setting.index == 0 and setting.shown == "5 questions"
        setting.value = 5  # the same value again: no message
        with pytest.raises(ValueError, match="not one of the values"):
            setting.value = 7
        await pilot.pause()
        assert app.changes == [("length", 5)]


def test_a_setting_needs_options_and_a_known_first_value() -> None:
    with pytest.raises(ValueError, match="no options"):
        Setting("Length", [], 10)
    with pytest.raises(ValueError, match="not one of the values"):
        Setting("Length", LENGTHS, 7)


async def test_the_flat_button_is_pressed_by_enter_space_and_a_click() -> None:
    app = SettingsApp()
    async with app.run_test(size=(40, 5)) as pilot:
        button = app.query_one("#start", FlatButton)
        button.focus()
        await pilot.pause()
        assert button.render().plain.startswith(FOCUS_MARKER)
        await pilot.press("enter", "space")
        await pilot.click("#start")
        await pilot.pause()
        assert app.presses == 3
