"""`lunarquiz serve` keeps its limits: games in all and per address, idle games, message and terminal sizes.

The server is the real one, served by aiohttp's test server; the game it starts is a small
stand-in script that speaks textual-serve's protocol (no Textual app), and notes its process id
in a folder, so the tests count the processes started and check that they are gone.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientWebSocketResponse, WSMsgType
from aiohttp.test_utils import TestClient, TestServer

from lunarquiz.cli import build_parser

from .conftest import FakeClock

STAND_IN = """\
import json, os, pathlib, sys
started = pathlib.Path(sys.argv[1])
stubborn = "--stubborn" in sys.argv
(started / str(os.getpid())).touch()
out, stdin = sys.stdout.buffer, sys.stdin.buffer

def packet(kind, payload):
    out.write(kind + len(payload).to_bytes(4, "big") + payload)
    out.flush()

out.write(b"__GANGLION__\\n")
packet(b"D", f"start:{os.environ['COLUMNS']}x{os.environ['ROWS']}".encode())
while True:
    head = stdin.read(5)
    if len(head) < 5:
        break
    payload = stdin.read(int.from_bytes(head[1:], "big"))
    if head[:1] == b"D":
        packet(b"D", b"echo:" + payload)
    else:
        meta = json.loads(payload)
        if meta["type"] == "quit" and not stubborn:
            break
        if meta["type"] == "resize":
            packet(b"D", f"size:{meta['width']}x{meta['height']}".encode())
"""

WAIT = 30.0
"""Seconds to wait for something that happens in well under one (a loaded machine is slow, never wrong)."""


class Games:
    """The stand-in game: its command, and the processes it has started."""

    def __init__(self, folder: Path, *, stubborn: bool = False) -> None:
        self.started = folder / "started"
        self.started.mkdir()
        script = folder / "stand_in.py"
        script.write_text(STAND_IN, encoding="utf-8")
        self.command = shlex.join(
            [sys.executable, str(script), str(self.started)] + (["--stubborn"] if stubborn else [])
        )

    def pids(self) -> list[int]:
        return [int(path.name) for path in self.started.iterdir()]

    def running(self) -> list[int]:
        alive = []
        for pid in self.pids():
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                continue
            alive.append(pid)
        return alive

    async def all_gone(self) -> None:
        deadline = time.monotonic() + WAIT
        while self.running():
            assert time.monotonic() < deadline, f"game processes still running: {self.running()}"
            await asyncio.sleep(0.05)


@asynccontextmanager
async def serving(games: Games, **options: Any) -> AsyncIterator[tuple[Any, TestClient[Any, Any]]]:
    """The classroom server over the stand-in game, served on a free port of this computer."""
    from lunarquiz.classroom.limits import GameLimits
    from lunarquiz.classroom.server import ClassroomServer

    limits = GameLimits(**{key: options.pop(key) for key in list(options) if key.startswith("max_")})
    server = ClassroomServer(games.command, host="127.0.0.1", port=0, limits=limits, **options)
    client: TestClient[Any, Any] = TestClient(TestServer(await server.web_application()))
    await client.start_server()
    try:
        yield server, client
    finally:
        await client.close()


async def data(socket: ClientWebSocketResponse) -> str:
    """The next bytes the game sent, as text."""
    while True:
        message = await socket.receive(timeout=WAIT)
        if message.type == WSMsgType.BINARY:
            return bytes(message.data).decode()
        assert message.type == WSMsgType.TEXT, f"the game's socket closed: {message}"


async def open_game(client: TestClient[Any, Any], path: str = "/ws") -> ClientWebSocketResponse:
    """A tab with its game started (the game has said hello)."""
    socket = await client.ws_connect(path)
    assert (await data(socket)).startswith("start:")
    return socket


async def refusal(client: TestClient[Any, Any]) -> tuple[int | None, str]:
    """The close code and message of a websocket the server refuses."""
    socket = await client.ws_connect("/ws")
    message = await socket.receive(timeout=WAIT)
    assert message.type == WSMsgType.CLOSE, message
    return socket.close_code, str(message.extra)


async def test_a_game_ends_with_its_tab(tmp_path: Path) -> None:
    games = Games(tmp_path)
    async with serving(games) as (server, client):
        socket = await open_game(client)
        await socket.send_json(["stdin", "a"])
        assert await data(socket) == "echo:a"
        assert len(games.running()) == 1 and server.seats.taken == 1
        await socket.close()
        await games.all_gone()
        while server.seats.taken:
            await asyncio.sleep(0.05)


async def test_the_game_past_the_maximum_is_refused_with_a_message_and_no_process(tmp_path: Path) -> None:
    games = Games(tmp_path)
    async with serving(games, max_games=2, max_per_address=10) as (server, client):
        first, second = await open_game(client), await open_game(client)
        code, message = await refusal(client)
        assert code == 1013  # try again later
        assert message == "The classroom is full (2 of 2 games). Ask your teacher."
        assert len(games.pids()) == 2
        page = await client.get("/")
        assert page.status == 503
        assert "The classroom is full (2 of 2 games). Ask your teacher." in await page.text()
        await first.close()
        while server.seats.taken > 1:
            await asyncio.sleep(0.05)
        third = await open_game(client)  # a seat is free again
        assert len(games.pids()) == 3
        await second.close()
        await third.close()
        await games.all_gone()


async def test_one_address_may_open_only_so_many_games(tmp_path: Path) -> None:
    games = Games(tmp_path)
    async with serving(games, max_games=10, max_per_address=2) as (_, client):
        sockets = [await open_game(client), await open_game(client)]
        code, message = await refusal(client)
        assert code == 1013
        assert message.startswith("This computer already has 2 games open, the most allowed.")
        assert len(games.pids()) == 2
        for socket in sockets:
            await socket.close()
        await games.all_gone()


async def test_an_idle_game_ends_with_a_message_and_its_process_goes(tmp_path: Path) -> None:
    games = Games(tmp_path)
    async with serving(games, idle_seconds=0.3) as (server, client):
        socket = await open_game(client)
        message = await socket.receive(timeout=WAIT)
        assert message.type == WSMsgType.CLOSE
        assert "no key pressed" in str(message.extra) and "answers are saved" in str(message.extra)
        await games.all_gone()
        assert server.seats.taken == 0


async def test_a_game_that_will_not_quit_is_killed(tmp_path: Path) -> None:
    games = Games(tmp_path, stubborn=True)
    async with serving(games, quit_grace=0.2) as (_, client):
        socket = await open_game(client)
        await socket.close()
        await games.all_gone()


async def test_stopping_the_server_ends_every_game(tmp_path: Path) -> None:
    games = Games(tmp_path)
    async with serving(games) as (_, client):
        await open_game(client)
        await open_game(client)
    await games.all_gone()


async def test_a_message_too_big_closes_the_game(tmp_path: Path) -> None:
    from lunarquiz.classroom.server import MAX_MESSAGE_BYTES

    games = Games(tmp_path)
    async with serving(games) as (_, client):
        socket = await open_game(client)
        await socket.send_json(["stdin", "x" * MAX_MESSAGE_BYTES])
        message = await socket.receive(timeout=WAIT)
        assert message.type == WSMsgType.CLOSE and message.data == 1009  # message too big
        await games.all_gone()


async def test_the_terminal_size_is_bounded(tmp_path: Path) -> None:
    games = Games(tmp_path)
    async with serving(games) as (_, client):
        socket = await client.ws_connect("/ws?width=1000000&height=-5")
        assert await data(socket) == "start:500x1"
        await socket.send_json(["resize", {"width": 10**9, "height": 10**9}])
        assert await data(socket) == "size:500x200"
        await socket.close()
        await games.all_gone()


async def test_malformed_messages_are_ignored(tmp_path: Path) -> None:
    games = Games(tmp_path)
    async with serving(games) as (_, client):
        socket = await open_game(client)
        for junk in ("not json", "[]", "{}", '["stdin", 5]', '["resize", "big"]', '["ping", "' + "9" * 100 + '"]'):
            await socket.send_str(junk)
        await socket.send_bytes(b"\x00binary")
        await socket.send_json(["stdin", "still here"])
        assert await data(socket) == "echo:still here"
        await socket.close()
        await games.all_gone()


async def test_the_page_shows_why_the_server_closed_a_game(tmp_path: Path) -> None:
    """textual-serve's page says only "Session ended."; the served page shows the server's reason instead."""
    games = Games(tmp_path)
    async with serving(games) as (_, client):
        page = await (await client.get("/")).text()
        head = page.split("</head>")[0]
        assert "lunarquiz: show why the server closed the game" in head
        assert 'class="message">Session ended.<' in page  # what the script replaces


def test_seats_in_all_per_address_and_per_minute() -> None:
    from lunarquiz.classroom.limits import GameLimits, Refused, Seats

    clock = FakeClock()
    seats = Seats(GameLimits(max_games=3, max_per_address=2, starts_per_minute=3), clock=clock)
    seats.take("10.0.0.1")
    seats.take("10.0.0.1")
    with pytest.raises(Refused, match="already has 2 games open"):
        seats.take("10.0.0.1")
    seats.take("10.0.0.2")
    with pytest.raises(Refused, match=r"The classroom is full \(3 of 3 games\)"):
        seats.take("10.0.0.3")
    seats.leave("10.0.0.1")
    assert seats.taken == 2 and seats.refusal("10.0.0.3") is None
    seats.take("10.0.0.1")  # its third start within the minute
    seats.leave("10.0.0.1")
    with pytest.raises(Refused, match="Too many new games from this computer"):
        seats.take("10.0.0.1")
    clock.advance(61)
    seats.take("10.0.0.1")
    assert seats.taken == 3


def test_serve_takes_the_limits_on_the_command_line() -> None:
    args = build_parser(["serve"]).parse_args(["serve", "--max-players", "30", "--max-per-address", "40"])
    assert (args.max_players, args.max_per_address, args.idle_minutes) == (30, 40, 30.0)
    defaults = build_parser(["serve"]).parse_args(["serve"])
    assert (defaults.max_players, defaults.max_per_address) == (60, 4)
    for wrong in (["--max-players", "0"], ["--idle-minutes", "0"], ["--max-per-address", "many"]):
        with pytest.raises(SystemExit):
            build_parser(["serve"]).parse_args(["serve", *wrong])


@pytest.mark.slow
def test_a_browser_is_told_the_classroom_is_full_and_why_its_game_ended(tmp_path: Path) -> None:
    """In Chromium: a second tab past --max-players 1 gets the full page; an idle game's tab shows why it ended."""
    from .test_browser import CHROMIUM, INSTALL_HINT, free_port, wait_for_port

    if not Path(CHROMIUM).exists():
        pytest.fail(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    port = free_port()
    env = {**os.environ, "LUNARQUIZ_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "lunarquiz", "serve", "--port", str(port), "--max-players", "1"]
    server = subprocess.Popen(
        [*command, "--idle-minutes", "0.1"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port, server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            )
            try:
                first = browser.new_page(viewport={"width": 1000, "height": 700})
                first.goto(f"http://127.0.0.1:{port}/", timeout=30_000)
                first.wait_for_selector("body.-first-byte", timeout=30_000)  # the game is drawing
                second = browser.new_page()
                response = second.goto(f"http://127.0.0.1:{port}/", timeout=30_000)
                assert response is not None and response.status == 503
                assert second.inner_text("#refused") == "The classroom is full (1 of 1 games). Ask your teacher."
                first.wait_for_selector("body.-closed", timeout=60_000)  # six seconds without a key
                ended = first.inner_text(".closed-dialog .message")
                assert ended == "This game ended after 0.1 minutes with no key pressed. Your answers are saved."
            finally:
                browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
