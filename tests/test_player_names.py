"""One rule for a player's name (1 to 40 characters once cleaned), kept by the command line, the dialog and the store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from lunarquiz.cli import build_parser
from lunarquiz.store.store import Store

from .conftest import FakeClock
from .store_helpers import START
from .ui_helpers import SIZE, make_app, write_bank

LONG = "x" * 10_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "lunarquiz.db") as opened:
        yield opened


def test_the_rule() -> None:
    from lunarquiz.core.players import MAX_NAME_LENGTH, BadPlayerName, player_name

    assert MAX_NAME_LENGTH == 40
    assert player_name("  Ana \t Li\n") == "Ana Li"
    assert player_name("Eve\x1b[31m") == "Eve␛[31m"  # no control character is left: it shows as a symbol
    assert player_name("é" * 40) == "é" * 40
    for empty in ("", "   ", "\t\n"):
        with pytest.raises(BadPlayerName, match="cannot be empty"):
            player_name(empty)
    with pytest.raises(BadPlayerName, match="at most 40 characters, and this one has 10,000"):
        player_name(LONG)
    with pytest.raises(BadPlayerName, match="this one has 41"):
        player_name("a" * 41)


@pytest.mark.parametrize("before_the_command", [False, True])
@pytest.mark.parametrize(
    ("given", "said"),
    [("", "cannot be empty"), ("  ", "cannot be empty"), (LONG, "is at most 40")],
    ids=["empty", "spaces", "10,000 characters"],
)
def test_the_command_line_refuses_an_empty_or_long_player(
    given: str, said: str, before_the_command: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--player", given, "play"] if before_the_command else ["play", "--player", given]
    with pytest.raises(SystemExit) as stopped:
        build_parser(argv).parse_args(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --player: a player's name {said}" in err and "leave out --player" in err
    assert LONG not in err


def test_the_command_line_takes_a_name_as_the_rule_makes_it() -> None:
    argv = ["play", "--player", " Ana\tLi "]
    assert build_parser(argv).parse_args(argv).player == "Ana Li"
    assert build_parser([]).parse_args([]).player is None  # no --player: the last player, as before


def test_the_store_refuses_to_save_a_name_the_rule_refuses(store: Store) -> None:
    for bad in (LONG, "", " "):
        with pytest.raises(ValueError):
            store.remember_player(bad)
        with pytest.raises(ValueError):
            store.start_round(bad, ["space"], "timed")
    assert store.players() == [] and store.last_player() is None
    store.remember_player("  Ana ")
    assert store.players() == ["Ana"] and store.last_player() == "Ana"


def test_a_long_name_saved_by_an_older_release_is_not_offered_again(tmp_path: Path) -> None:
    path = tmp_path / "lunarquiz.db"
    Store.open(path).close()
    with sqlite3.connect(path) as db:
        when = START.isoformat()
        db.execute("INSERT INTO players (name, created_at, chosen_at) VALUES (?, ?, ?)", (LONG, when, when))
    db.close()
    with Store.open(path) as store:
        assert store.last_player() is None  # the game asks who is playing instead of failing to save a round


@pytest.mark.parametrize(
    ("typed", "said"), [("   ", "cannot be empty"), ("y" * 100, "at most 40")], ids=["spaces", "long"]
)
async def test_the_dialog_keeps_asking_for_an_empty_or_long_name(
    typed: str, said: str, tmp_path: Path, clock: FakeClock, store: Store
) -> None:
    from lunarquiz.ui.screens.player import PlayerScreen

    app = make_app([write_bank(tmp_path)], clock, play=False, store=store, player=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        app.screen.query_one(Input).value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert any(said in notice.message for notice in app._notifications)
        app.screen.query_one(Input).value = " Mei  Li "
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PlayerScreen)
    assert store.players() == ["Mei Li"]
