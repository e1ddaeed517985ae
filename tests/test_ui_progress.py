"""The game with a store: the first player prompt, answers saved as given, bests, history, stats, leaderboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Sparkline

from lunarquiz.store.store import Store
from lunarquiz.ui.app import LunarQuizApp
from lunarquiz.ui.screens.home import HomeScreen
from lunarquiz.ui.screens.player import PlayerScreen
from lunarquiz.ui.screens.progress import HistoryScreen, LeaderboardScreen, StatisticsScreen
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.screens.results import ResultsScreen
from lunarquiz.ui.widgets.setting import Setting

from .conftest import FakeClock
from .ui_helpers import SIZE, make_app, screen_text, showing_feedback, write_bank


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "data" / "lunarquiz.db")
    yield opened  # type: ignore[misc]
    opened.close()


async def play_round(
    app: LunarQuizApp, pilot: Pilot[None], clock: FakeClock, *, right: bool, store: Store | None = None
) -> None:
    """Answer every question (all right, or all wrong), checking each answer is saved when given."""
    while isinstance(app.screen, QuestionScreen):
        screen = app.screen
        clock.advance(2)
        picks = (
            sorted(screen.asked.correct)
            if right
            else [min(set(range(len(screen.asked.choices))) - screen.asked.correct)]
        )
        if screen.asked.multiple:
            await pilot.press(*("abcd"[i] for i in picks), "enter")
        else:
            await pilot.press(str(picks[0] + 1))
        await pilot.pause()
        assert showing_feedback(app)
        if store is not None:
            saved = store.saved_answers()
            assert saved[-1].question_id == screen.asked.question.id  # saved before the round ends
        await pilot.press("enter")
        await pilot.pause()


async def test_the_first_start_asks_who_is_playing_and_remembers(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    app = make_app([write_bank(tmp_path)], clock, play=False, store=store, player=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        app.screen.query_one(Input).value = "Mei [bold]Li[/]"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Player: Mei [bold]Li[/]" in screen_text(app)
    assert store.last_player() == "Mei [bold]Li[/]"
    again = make_app([write_bank(tmp_path)], clock, play=False, store=store, player=None)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)  # no prompt the second time
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(again.screen, PlayerScreen)


async def test_answers_are_saved_as_given_and_a_best_is_announced(
    tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    app = make_app([write_bank(tmp_path)], clock, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await play_round(app, pilot, clock, right=True, store=store)
        assert isinstance(app.screen, ResultsScreen)
        assert "★ New personal best!" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        await play_round(app, pilot, clock, right=False, store=store)
        assert isinstance(app.screen, ResultsScreen)
        assert "personal best" not in screen_text(app)
    history = store.history(player="Ana")
    assert [(r.status, r.right, r.answered) for r in history] == [("finished", 3, 3), ("finished", 0, 3)]


async def test_leaving_a_round_saves_it_as_abandoned(tmp_path: Path, clock: FakeClock, store: Store) -> None:
    app = make_app([write_bank(tmp_path)], clock, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
    (summary,) = store.history(player="Ana")
    assert summary.status == "abandoned" and summary.answered == 1


async def test_review_mode_asks_the_missed_questions(tmp_path: Path, clock: FakeClock, store: Store) -> None:
    app = make_app([write_bank(tmp_path)], clock, store=store, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.screen.query_one("#mode", Setting).value = "review"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # nothing missed yet: stays home with a notice
        app.screen.query_one("#mode", Setting).value = "timed"
        await pilot.press("s")
        await pilot.pause()
        await play_round(app, pilot, clock, right=False)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.screen.query_one("#mode", Setting).value = "review"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.round is not None and len(app.round.questions) == 3
    modes = [r.mode for r in store.history(player="Ana")]
    assert modes == ["timed", "review"]


async def populated_app(tmp_path: Path, clock: FakeClock, store: Store) -> LunarQuizApp:
    """An app whose store holds two finished rounds by Ana and one by Ben."""
    for player, right in (("Ana", True), ("Ana", False), ("Ben", True)):
        app = make_app([write_bank(tmp_path)], clock, store=store, player=player)
        async with app.run_test(size=SIZE) as pilot:
            await play_round(app, pilot, clock, right=right)
    return make_app([write_bank(tmp_path)], clock, store=store, play=False, player="Ana")


async def test_history_statistics_and_leaderboard_screens(tmp_path: Path, clock: FakeClock, store: Store) -> None:
    app = await populated_app(tmp_path, clock, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#rounds", DataTable).row_count == 2
        assert list(app.screen.query_one(Sparkline).data or []) == [3000, 0]
        await pilot.press("escape", "t")
        await pilot.pause()
        assert isinstance(app.screen, StatisticsScreen)
        text = screen_text(app)
        assert "6 answers, 3 right (50%)" in text
        assert app.screen.query_one("#questions", DataTable).row_count == 3
        await pilot.press("escape", "l")
        await pilot.pause()
        assert isinstance(app.screen, LeaderboardScreen)
        board = app.screen.query_one("#board-small", DataTable)
        assert board.row_count == 2
        assert [str(board.get_cell_at((r, 1))) for r in range(2)] == ["Ana", "Ben"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize("which", ["h", "t", "l"])
def test_progress_screen_snapshots(snap_compare: Any, tmp_path: Path, which: str) -> None:
    import asyncio

    clock = FakeClock()
    store = Store.open(tmp_path / "lunarquiz.db")
    app = asyncio.run(populated_app(tmp_path, clock, store))
    rows = {summary.round_id: summary for summary in store.history()}
    assert len(rows) == 3

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press(which)
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    finally:
        store.close()


async def test_a_corrupt_store_is_moved_aside_and_the_game_still_starts(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "data" / "lunarquiz.db"
    path.parent.mkdir()
    path.write_bytes(b"this is not a database, just some bytes" * 100)
    store = Store.open(path)
    app = make_app([write_bank(tmp_path)], clock, play=False, store=store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            messages = [notification.message for notification in app._notifications]
            assert any("corrupt" in message or "moved" in message for message in messages), messages
            aside = [p for p in path.parent.iterdir() if p.name.startswith("lunarquiz.db.corrupt-")]
            assert len(aside) == 1 and str(aside[0].name) in " ".join(messages)
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
    finally:
        store.close()


def test_a_corrupt_store_in_plain_mode_says_where_the_old_file_went(tmp_path: Path) -> None:
    import subprocess
    import sys

    from .conftest import ROOT

    data = tmp_path / "data"
    data.mkdir()
    (data / "lunarquiz.db").write_bytes(b"\x00garbage" * 500)
    result = subprocess.run(
        [sys.executable, "-m", "lunarquiz", "play", "--bank", str(write_bank(tmp_path)), "--data-dir", str(data)],
        input="1\n\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "lunarquiz.db.corrupt-" in result.stderr
    assert "Question 1 of 3" in result.stdout
