"""The classroom server: textual-serve's, with a bounded number of games, bounded messages and an idle time-out.

textual-serve starts a game process for every websocket that connects, with no limit, and
passes on whatever the browser sends. This server takes a seat (``limits.Seats``) before a
process starts and refuses with a message the browser shows; bounds the size of a message
and of the terminal a browser asks for; ends a game that has had no key for a while; and
makes sure that every game's process is gone when its tab is.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
import shlex
import time
from asyncio.subprocess import PIPE, Process
from collections.abc import Callable
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from lunarquiz.classroom.limits import IDLE_MINUTES, GameLimits, Refused, Seats

log = logging.getLogger("lunarquiz.classroom")

MAX_MESSAGE_BYTES = 1024 * 1024
"""The largest message a browser may send: room for a pasted article of 200,000 characters."""

MAX_COLUMNS = 500
MAX_ROWS = 200
"""The largest terminal a browser may ask for (a 4K screen at a small font is about 400 by 120)."""

HEARTBEAT_SECONDS = 15.0
"""How often the server pings a browser; one that does not answer is disconnected (as textual-serve does)."""

QUIT_GRACE_SECONDS = 5.0
"""How long a game has to quit when its tab goes, before its process is killed."""

MAX_CLOSE_REASON = 123
"""The most bytes a websocket's closing message may hold."""

SHOW_CLOSE_REASON = """<script>
/* lunarquiz: show why the server closed the game (a full classroom, an idle game) in the "Session ended." box */
(function () {
  const Native = window.WebSocket;
  function Socket(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("close", function (event) {
      const message = document.querySelector(".closed-dialog .message");
      if (event.reason && message) { message.textContent = event.reason; }
    });
    return socket;
  }
  Socket.prototype = Native.prototype;
  Object.assign(Socket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  window.WebSocket = Socket;
})();
</script>
"""

FULL_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body style="background:#0c181f;color:#f2f2f2;font:18px 'Roboto Mono',menlo,monospace;
display:flex;align-items:center;justify-content:center;height:90vh">
<div style="max-width:40em;text-align:center"><p id="refused">{message}</p>
<p><button type="button" onclick="location.reload()">Try again</button></p></div>
</body></html>
"""


def close_reason(text: str) -> bytes:
    """``text`` as a websocket closing message: UTF-8, cut to the bytes allowed at a whole character."""
    return text.encode("utf-8")[:MAX_CLOSE_REASON].decode("utf-8", "ignore").encode("utf-8")


def bounded_size(text: str | None, default: int, largest: int) -> int:
    """A terminal dimension a browser asked for, as a whole number from 1 to ``largest``."""
    try:
        value = int(text) if text is not None else default
    except ValueError:
        value = default
    return max(1, min(value, largest))


class GameService(AppService):
    """One game's process: started without a shell, and always gone once ``end`` returns."""

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        # textual-serve runs the command through a shell, whose child would outlive a killed shell.
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *shlex.split(self.command), stdin=PIPE, stdout=PIPE, stderr=PIPE, env=environment
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def process(self) -> Process | None:
        """The game's process, once started."""
        return self._process

    async def end(self, grace: float = QUIT_GRACE_SECONDS) -> None:
        """Ask the game to quit; kill its process if it has not within ``grace`` seconds."""
        process = self._process
        deadline = time.monotonic() + grace
        try:
            await asyncio.wait_for(self.stop(), grace)
            if process is not None:
                await asyncio.wait_for(process.wait(), max(0.1, deadline - time.monotonic()))
        except TimeoutError:
            log.warning("a game did not quit within %g s: killed", grace)
        if process is not None and process.returncode is None:
            with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
                process.kill()
            await process.wait()
        task = self._task
        if task is not None and not task.done():
            task.cancel()
            await asyncio.wait({task})
        self._task = None


class ClassroomServer(Server):
    """textual-serve's server with limits: games in all and per address, message and terminal sizes, idle games."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str = "lunarquiz",
        limits: GameLimits | None = None,
        idle_seconds: float = IDLE_MINUTES * 60,
        quit_grace: float = QUIT_GRACE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(command, host=host, port=port, title=title)
        self.seats = Seats(limits or GameLimits(), clock=clock)
        self.idle_seconds = idle_seconds
        self.quit_grace = quit_grace
        self.clock = clock
        self.games: set[GameService] = set()
        self.endings: set[asyncio.Future[None]] = set()

    async def web_application(self) -> web.Application:
        """The aiohttp application that serves the pages and the games (tests serve it with aiohttp's test server)."""
        return await self._make_app()

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The game's page; when no game could start, a page that says why instead."""
        reason = self.seats.refusal(request.remote or "unknown")
        if reason is not None:
            page = FULL_PAGE.format(title=html.escape(self.title), message=html.escape(reason))
            return web.Response(status=503, text=page, content_type="text/html", headers={"Retry-After": "60"})
        response = await super().handle_index(request)
        if isinstance(response, web.Response) and response.text is not None and "</head>" in response.text:
            response.text = response.text.replace("</head>", SHOW_CLOSE_REASON + "</head>", 1)
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One game for one websocket, if a seat is free; refused with the reason otherwise."""
        address = request.remote or "unknown"
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT_SECONDS, max_msg_size=MAX_MESSAGE_BYTES)
        try:
            self.seats.take(address)
        except Refused as refused:
            log.info("refused a game for %s: %s", address, refused)
            await websocket.prepare(request)
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=close_reason(str(refused)))
            return websocket
        game = GameService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=lambda: closed(websocket),
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.games.add(game)
        ending: str | None = None
        try:
            await websocket.prepare(request)
            await game.start(
                bounded_size(request.query.get("width"), 80, MAX_COLUMNS),
                bounded_size(request.query.get("height"), 24, MAX_ROWS),
            )
            ending = await self._relay(websocket, game)
        except Exception:
            log.exception("a game's connection failed")
        finally:
            # aiohttp may cancel this handler when the browser goes: the game is ended all the same.
            end = asyncio.ensure_future(self._end(game, address, websocket, ending))
            self.endings.add(end)
            end.add_done_callback(self.endings.discard)
            await asyncio.shield(end)
        return websocket

    async def _end(self, game: GameService, address: str, websocket: web.WebSocketResponse, why: str | None) -> None:
        """End a game: tell the browser why (when there is a reason), end the process, free the seat."""
        try:
            if why is not None and not websocket.closed:
                await websocket.close(message=close_reason(why))
        except Exception:  # a browser already gone is no reason to leave its game running
            log.exception("could not tell a browser why its game ended")
        try:
            await game.end(self.quit_grace)
            if not websocket.closed:
                await websocket.close()
        finally:
            self.games.discard(game)
            self.seats.leave(address)

    async def _relay(self, websocket: web.WebSocketResponse, game: GameService) -> str | None:
        """Pass the browser's keys and sizes to the game until the tab goes (None) or the game idles (why)."""
        last_key = self.clock()
        while True:
            remaining = last_key + self.idle_seconds - self.clock()
            if remaining <= 0:
                minutes = f"{self.idle_seconds / 60:g}"
                return f"This game ended after {minutes} minutes with no key pressed. Your answers are saved."
            try:
                message = await websocket.receive(timeout=remaining)
            except TimeoutError:
                continue
            if message.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR):
                return None
            if message.type != WSMsgType.TEXT:
                continue
            envelope = parse_envelope(message.data)
            if envelope is None:
                continue
            kind, data = envelope
            if kind == "stdin" and isinstance(data, str):
                last_key = self.clock()
                await game.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                width = bounded_size(str(data.get("width")), 80, MAX_COLUMNS)
                height = bounded_size(str(data.get("height")), 24, MAX_ROWS)
                await game.set_terminal_size(width, height)
            elif kind == "ping" and isinstance(data, str) and len(data) <= 32:
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await game.blur()
            elif kind == "focus":
                await game.focus()

    async def on_shutdown(self, app: web.Application) -> None:
        """Every game ends with the server."""
        await asyncio.gather(*(game.end(self.quit_grace) for game in list(self.games)))
        await asyncio.gather(*list(self.endings))


async def closed(websocket: web.WebSocketResponse) -> None:
    """Close ``websocket`` (the game has quit)."""
    await websocket.close()


def parse_envelope(text: str) -> tuple[str, Any] | None:
    """A browser's message, ``[kind, data]``, or None when it is not one."""
    try:
        envelope = json.loads(text)
    except ValueError:
        return None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return None
    return envelope[0], envelope[1] if len(envelope) > 1 else None
