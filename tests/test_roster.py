"""Rosters: `lunarquiz roster new` keeps only hashes of the PINs; a served game with a roster starts with a sign-in,
after which the player is fixed and sees only their own data; wrong PINs are counted and then wait."""

from __future__ import annotations

import argparse
import io
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import Input

from lunarquiz.banks.discovery import load_library
from lunarquiz.cli import build_parser, main
from lunarquiz.store.store import Store
from lunarquiz.ui.app import LunarQuizApp

from .conftest import FakeClock, single
from .store_helpers import play
from .ui_helpers import NOW, SIZE, screen_text, write_bank

if TYPE_CHECKING:
    from lunarquiz.core.roster import Roster

CHEAP = (16, 1, 1)
"""A scrypt cost for rosters made inside tests: the same code, in microseconds."""


def roster_of(**pins: str) -> Roster:
    from lunarquiz.core.roster import PinHash, Roster

    return Roster(tuple((name, PinHash.of(pin, salt=name.encode() * 8, cost=CHEAP)) for name, pin in pins.items()))


def make_roster(tmp_path: Path, names: str = "Ana Lopez\n# a comment\n\nBen Okafor\n") -> tuple[Path, dict[str, str]]:
    """Run `lunarquiz roster new` on a names file; the roster's path and each name's PIN from the handout."""
    names_file = tmp_path / "class.txt"
    names_file.write_text(names, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    from lunarquiz.commands.roster import run_new

    args = build_parser(["roster"]).parse_args(["roster", "new", str(names_file)])
    assert run_new(args, out=out, err=err) == 0, err.getvalue()
    pins = dict(re.findall(r"^(.+?)\s+PIN (\d{6})$", out.getvalue(), re.MULTILINE))
    return tmp_path / "class.roster", pins


# -- the roster file --------------------------------------------------------


def test_roster_new_keeps_only_hashes_and_prints_the_pins_once(tmp_path: Path) -> None:
    from lunarquiz.store.roster_file import read_roster

    path, pins = make_roster(tmp_path)
    assert set(pins) == {"Ana Lopez", "Ben Okafor"}
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# lunarquiz roster 1\n")
    for pin in pins.values():
        assert pin not in text  # no PIN in clear
    assert text.count("\tscrypt$16384$8$1$") == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    roster = read_roster(str(path))
    assert roster.sign_in("Ana Lopez", pins["Ana Lopez"]) == "Ana Lopez"
    assert roster.sign_in("Ben Okafor", pins["Ben Okafor"]) == "Ben Okafor"


def test_roster_new_will_not_replace_a_roster_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = make_roster(tmp_path)
    before = path.read_text(encoding="utf-8")
    assert main(["roster", "new", str(tmp_path / "class.txt")]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == before
    assert main(["roster", "new", str(tmp_path / "class.txt"), "--force", "--handout", str(tmp_path / "pins.txt")]) == 0
    assert path.read_text(encoding="utf-8") != before
    assert stat.S_IMODE((tmp_path / "pins.txt").stat().st_mode) == 0o600
    assert "PIN" not in capsys.readouterr().out  # the PINs went to the handout file only


@pytest.mark.parametrize(
    ("names", "said"),
    [
        ("Ana\nBen\nana\n", "class.txt:3: error: 'ana' is listed twice (first on line 1)"),
        ("# nobody\n\n", "no names found"),
        ("Ana\n" + "x" * 50 + "\n", "class.txt:2: error: a player's name is at most 40 characters"),
    ],
    ids=["twice", "empty", "long"],
)
def test_roster_new_names_the_line_of_a_bad_name(
    names: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "class.txt").write_text(names, encoding="utf-8")
    assert main(["roster", "new", str(tmp_path / "class.txt")]) == 1
    assert said in capsys.readouterr().err
    assert not (tmp_path / "class.roster").exists()


def test_a_pin_is_checked_for_its_own_player_only() -> None:
    roster = roster_of(Ana="123456", Ben="654321")
    assert roster.sign_in("Ana", "123456") == "Ana"
    assert roster.sign_in("  ana ", "123456") == "Ana"
    assert roster.sign_in("Ana", "123457") is None
    assert roster.sign_in("Ana", "654321") is None  # Ben's PIN
    assert roster.sign_in("Carla", "123456") is None  # not on the roster
    assert roster.sign_in("Ana", "") is None


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("Ana scrypt$16$1$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==", "a name, a tab, then the PIN's hash"),
        ("Ana\tmd5$abc", "is not 'scrypt$n$r$p$salt$hash'"),
        ("Ana\tscrypt$1073741824$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==", "cost is out of bounds"),
        ("Ana\tscrypt$16$1$1$not base64!$AAAA", "cannot be read"),
    ],
    ids=["no-tab", "not-scrypt", "costly", "bad-base64"],
)
def test_a_damaged_roster_is_refused_at_its_line(line: str, said: str) -> None:
    from lunarquiz.core.roster import RosterError, parse_roster

    with pytest.raises(RosterError, match=re.escape("class.roster:2: error: ")) as raised:
        parse_roster(f"# lunarquiz roster 1\n{line}\n", "class.roster")
    assert said in str(raised.value)
    with pytest.raises(RosterError, match="not a lunarquiz roster"):
        parse_roster("Ana,1234\n", "class.roster")


def test_five_wrong_tries_start_a_wait_that_doubles() -> None:
    from lunarquiz.core.sign_in import SignInTries

    clock = FakeClock()
    tries = SignInTries(clock)
    assert [tries.failed() for _ in range(5)] == [0, 0, 0, 0, 30]
    assert tries.wait_left() == 30
    clock.advance(30)
    assert tries.wait_left() == 0 and tries.tries_left == 5
    assert [tries.failed() for _ in range(5)][-1] == 60
    for _ in range(20):
        clock.advance(10_000)
        for _ in range(5):
            wait = tries.failed()
    assert wait == 15 * 60  # never more than a quarter of an hour


# -- the game with a roster ----------------------------------------------------


def roster_app(tmp_path: Path, clock: FakeClock, store: Store | None = None) -> LunarQuizApp:
    library = load_library([write_bank(tmp_path)])
    roster = roster_of(Ana="123456", Ben="654321")
    return LunarQuizApp(library, store=store, clock=clock, now=lambda: NOW, seed=3, served=True, roster=roster)


async def sign_in(pilot: object, name: str, pin: str) -> None:
    app = pilot.app
    app.screen.query_one("#name", Input).value = name
    app.screen.query_one("#pin", Input).value = pin
    app.screen.query_one("#pin", Input).focus()
    await pilot.press("enter")
    await pilot.pause()


async def test_a_right_pin_signs_in_and_the_player_cannot_change(tmp_path: Path, clock: FakeClock) -> None:
    from lunarquiz.ui.screens.home import HomeScreen
    from lunarquiz.ui.screens.player import PlayerScreen
    from lunarquiz.ui.screens.sign_in import SignInScreen

    store = Store.open(tmp_path / "data.db")
    store.remember_player("Ben")  # the last player on the server is not who a new tab starts as
    app = roster_app(tmp_path, clock, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen) and app.player is None
        await pilot.press("escape")
        assert isinstance(app.screen, SignInScreen)  # no way round it
        await sign_in(pilot, "ana", "123456")
        assert isinstance(app.screen, HomeScreen)
        assert app.player == "Ana"
        assert "Player: Ana" in screen_text(app)
        assert "n" not in {active.binding.key for active in app.screen.active_bindings.values()}  # not in the footer
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and not isinstance(app.screen, PlayerScreen)
        app.action_ask_player()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.player == "Ana"
    store.close()


async def test_a_wrong_pin_or_name_is_refused_and_five_start_a_wait(tmp_path: Path, clock: FakeClock) -> None:
    from lunarquiz.ui.screens.home import HomeScreen
    from lunarquiz.ui.screens.sign_in import SignInScreen

    app = roster_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await sign_in(pilot, "Ana", "654321")  # Ben's PIN
        assert isinstance(app.screen, SignInScreen) and app.player is None
        assert "do not match the roster" in screen_text(app) and "4 tries left" in screen_text(app)
        await sign_in(pilot, "Carla", "123456")  # not on the roster
        assert isinstance(app.screen, SignInScreen) and app.player is None
        assert "3 tries left" in screen_text(app)
        for _ in range(3):
            await sign_in(pilot, "Ana", "000000")
        assert "wait 30 seconds" in screen_text(app)
        await sign_in(pilot, "Ana", "123456")  # right, but not checked during the wait
        assert isinstance(app.screen, SignInScreen) and app.player is None
        assert "Too many wrong tries: wait 30 seconds" in screen_text(app)
        clock.advance(30)
        await sign_in(pilot, "Ana", "123456")
        assert isinstance(app.screen, HomeScreen) and app.player == "Ana"


async def test_a_signed_in_player_sees_only_their_own_history(tmp_path: Path, clock: FakeClock) -> None:
    store = Store.open(tmp_path / "data.db")
    questions = [single("q1"), single("q2")]
    play(store, questions, {"q1": (True, 2.0), "q2": (True, 2.0)}, player="Ben")
    play(store, questions, {"q1": (False, 2.0), "q2": (False, 2.0)}, player="Ana")
    app = roster_app(tmp_path, clock, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await sign_in(pilot, "Ana", "123456")
        await pilot.press("h")
        await pilot.pause()
        rounds = app.screen.query_one("#rounds")
        assert rounds.row_count == 1
        assert "0/2" in str(rounds.get_row_at(0))
    store.close()


async def test_a_served_game_without_a_roster_names_no_other_player(tmp_path: Path, clock: FakeClock) -> None:
    from lunarquiz.ui.screens.player import PlayerScreen

    store = Store.open(tmp_path / "data.db")
    store.remember_player("Ben")
    library = load_library([write_bank(tmp_path)])
    app = LunarQuizApp(library, store=store, clock=clock, now=lambda: NOW, served=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen) and app.player is None  # not Ben, who played last
        assert "Ben" not in screen_text(app) and "Known players" not in screen_text(app)
    store.close()


# -- serve and the command line ---------------------------------------------------


def test_serve_passes_the_roster_to_every_game(tmp_path: Path) -> None:
    from lunarquiz.commands.serve import game_command

    command = game_command([], str(tmp_path / "class.roster"))
    assert command.endswith(f"--roster {tmp_path / 'class.roster'}")
    args = build_parser(["serve"]).parse_args(["serve", "--roster", "class.roster"])
    assert args.roster == "class.roster"
    home = build_parser(["--roster", "class.roster"]).parse_args(["--roster", "class.roster", "--served"])
    assert home.roster == "class.roster" and home.command is None


def test_serve_and_the_game_refuse_a_roster_that_cannot_be_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "class.roster"
    bad.write_text("Ana,1234\n", encoding="utf-8")
    assert main(["serve", "--roster", str(bad), "--port", "1"]) == 1
    assert "not a lunarquiz roster" in capsys.readouterr().err
    assert main(["--roster", str(tmp_path / "missing.roster")]) == 1
    assert "cannot open the roster file" in capsys.readouterr().err
    (tmp_path / "ok").mkdir()
    path, _ = make_roster(tmp_path / "ok")
    assert main(["--roster", str(path), "play"]) == 1  # play does not sign in
    assert "--roster works with the home screen" in capsys.readouterr().err
    assert main(["--roster", str(path)]) == 1  # not a terminal: plain mode cannot sign in
    assert "needs a terminal" in capsys.readouterr().err


def test_the_roster_option_takes_a_value_before_a_command() -> None:
    from lunarquiz.cli import named_command

    assert named_command(["--roster", "play", "stats"]) == "stats"
    assert isinstance(build_parser(["roster"]), argparse.ArgumentParser)
