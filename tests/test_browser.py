"""The classroom in a browser: `lunarquiz serve` on loopback, loaded in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Page, WebSocket

CHROMIUM = os.environ.get("LUNARQUIZ_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
INSTALL_HINT = "Chromium is needed for the browser test: as root, run `apt-get update && apt-get install -y chromium`."
ARTIFACTS = ROOT / "test-artifacts"


ESCAPE = re.compile(r"\x1b\[[0-9;?$]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\\\)")


def plain_text(frames: list[str]) -> str:
    """What the app sent over the websocket, without terminal escape sequences."""
    return ESCAPE.sub("", "".join(frames))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"lunarquiz serve exited early: {process.stderr.read().decode() if process.stderr else ''}"
            )
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"lunarquiz serve did not listen on port {port} within {timeout} s")


class ServedPage:
    """A browser tab on a running `lunarquiz serve`, with what the app has sent it so far."""

    def __init__(self, page: Page, frames: list[str]) -> None:
        self.page = page
        self.frames = frames

    @property
    def text(self) -> str:
        return plain_text(self.frames)

    def wait_for(self, phrase: str, timeout: float = 60, *, since: int = 0) -> bool:
        """Whether ``phrase`` arrives within ``timeout`` seconds (in the frames from number ``since`` on)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if phrase in plain_text(self.frames[since:]):
                return True
            self.page.wait_for_timeout(250)
        return False

    def expect(self, phrase: str, what: str, *, since: int = 0) -> None:
        """Fail, with a screenshot in test-artifacts, unless ``phrase`` arrives (from frame ``since`` on)."""
        if not self.wait_for(phrase, since=since):
            ARTIFACTS.mkdir(exist_ok=True)
            self.page.screenshot(path=str(ARTIFACTS / "browser-failure.png"))
            pytest.fail(f"{what} never arrived (see test-artifacts/browser-failure.png)")

    def settle(self, milliseconds: int = 1000) -> None:
        self.page.wait_for_timeout(milliseconds)


@contextmanager
def served_page(tmp_path: Path, env: dict[str, str] | None = None) -> Iterator[ServedPage]:
    """`lunarquiz serve` on a free loopback port, and a Chromium tab on it past the start page."""
    if not Path(CHROMIUM).exists():
        pytest.fail(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    port = free_port()
    env = {**os.environ, "LUNARQUIZ_DATA_DIR": str(tmp_path / "data"), **(env or {})}
    server = subprocess.Popen(
        [sys.executable, "-m", "lunarquiz", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port, server)
        frames: list[str] = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            )
            try:
                page = browser.new_page(viewport={"width": 1200, "height": 800})

                def on_websocket(ws: WebSocket) -> None:
                    ws.on(
                        "framereceived",
                        lambda payload: frames.append(
                            payload if isinstance(payload, str) else payload.decode("utf-8", "replace")
                        ),
                    )

                page.on("websocket", on_websocket)
                page.goto(f"http://127.0.0.1:{port}/", timeout=30_000)
                page.get_by_text("lunarquiz").first.click(timeout=30_000)  # the start page's title card
                yield ServedPage(page, frames)
            finally:
                browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.mark.slow
def test_the_home_screen_arrives_in_a_browser(tmp_path: Path) -> None:
    with served_page(tmp_path) as tab:
        assert tab.wait_for("Who is playing?"), "the first-start question never arrived"
        tab.page.mouse.click(600, 400)  # give the terminal the keyboard
        tab.page.keyboard.type("Ana")
        tab.page.keyboard.press("Enter")
        assert tab.wait_for("Pick a bank"), "the home screen never arrived"
        ARTIFACTS.mkdir(exist_ok=True)
        tab.settle()
        tab.page.screenshot(path=str(ARTIFACTS / "browser-home.png"))
        text = tab.text
    assert "Player: Ana" in text
    assert "International Lunar Research Station" in text


MARKER = "Zorbquintrell"
"""A word found only in the server's secret file: no frame sent to the browser may hold it."""


def secret_article(folder: Path) -> Path:
    """A teacher's private notes on the server: an article whose every sentence names the marker."""
    article = (ROOT / "tests" / "data" / "generate" / "artemis-gateway.txt").read_text(encoding="utf-8")
    noted = re.sub(
        r"(^|(?<=\. ))([A-Z])", lambda m: f"{m.group(1)}{MARKER} notes that {m.group(2).lower()}", article, flags=re.M
    )
    path = folder / "private" / "notes.txt"
    path.parent.mkdir()
    path.write_text(noted, encoding="utf-8")
    return path


def files_outside_data(folder: Path, *also: str) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``folder`` but the data folder's (and ``also``'s), with size and time."""
    found: dict[str, tuple[int, int]] = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if relative.parts[0] not in ("data", *also):
            info = path.stat()
            found[str(relative)] = (info.st_size, info.st_mtime_ns)
    return found


@pytest.mark.slow
def test_a_browser_player_cannot_reach_the_servers_files(tmp_path: Path) -> None:
    secret = secret_article(tmp_path)
    (tmp_path / "home").mkdir()
    banks = tmp_path / "data" / "banks"
    before = files_outside_data(tmp_path)
    with served_page(tmp_path, {"HOME": str(tmp_path / "home")}) as tab:
        keyboard = tab.page.keyboard
        assert tab.wait_for("Who is playing?"), "the first-start question never arrived"
        tab.page.mouse.click(600, 400)  # give the terminal the keyboard
        name = str(secret)[:40]  # a name is at most 40 characters
        keyboard.type(name)
        keyboard.press("Enter")
        tab.expect(f"Player: {name}", "the player's name on the home screen")
        tab.settle(500)

        sent = len(tab.frames)
        keyboard.press("g")  # Generate: the article and where to save, typed as a path
        tab.expect("Generate a draft quiz", "the Generate dialog", since=sent)
        for typed in (str(secret), str(banks / "planted.yaml")):
            keyboard.type(typed)
            keyboard.press("Enter")
            tab.settle(500)  # a person's next key comes after Enter has done its work
        keyboard.type("~/notes.txt")
        keyboard.press("Tab")  # to "Play the draft"
        tab.settle(500)  # Textual moves the focus after the keys already on their way
        keyboard.press("Enter")
        drafted = tab.wait_for("No question could be drafted", since=sent)
        tab.settle()
        ARTIFACTS.mkdir(exist_ok=True)
        tab.page.screenshot(path=str(ARTIFACTS / "browser-served-generate.png"))
        assert MARKER not in tab.text, "the secret file's text reached the browser"
        assert drafted, "the typed paths were not drafted as text"
        keyboard.press("Escape")
        tab.settle(500)  # a key right after Escape would arrive as Alt and that key

        sent = len(tab.frames)
        keyboard.press("n")  # the player's name, as a path
        tab.expect("Your name keeps", "the player dialog", since=sent)
        keyboard.press("Control+a")
        keyboard.type(str(banks / "x.yaml")[-40:])
        sent = len(tab.frames)
        keyboard.press("Enter")
        tab.expect("Player: ", "the player line", since=sent)
        tab.settle()
        for key, phrase in (
            ("o", "Colours"),
            ("h", "No rounds yet"),
            ("t", "No answers yet"),
            ("l", "finish a timed round"),
        ):
            sent = len(tab.frames)
            keyboard.press(key)
            tab.expect(phrase, f"the screen of key {key}", since=sent)
            keyboard.press("Escape")
            tab.settle(500)

        sent = len(tab.frames)
        keyboard.press("Control+p")  # Textual's command palette: no screenshot to save on the server
        keyboard.type("screenshot")
        keyboard.press("Enter")
        tab.settle()
        assert "Theme" in plain_text(tab.frames[sent:]), "the command palette never opened"
        keyboard.press("Escape")
        tab.settle()
        text = tab.text
    assert MARKER not in text
    assert "Save an SVG" not in text
    assert not banks.exists()
    assert files_outside_data(tmp_path) == before, "a browser player created or changed a file on the server"


def paste(page: Page, text: str) -> None:
    """Paste ``text`` into the focused terminal, as the browser does for Ctrl+V."""
    page.evaluate(
        """(text) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            const event = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
            document.activeElement.dispatchEvent(event);
        }""",
        text,
    )


@pytest.mark.slow
def test_a_pasted_article_becomes_a_draft_to_download_and_play(tmp_path: Path) -> None:
    from lunarquiz.banks.loader import load_bank

    article = (ROOT / "tests" / "data" / "generate" / "artemis-gateway.txt").read_text(encoding="utf-8")
    before = files_outside_data(tmp_path)
    with served_page(tmp_path) as tab:
        keyboard = tab.page.keyboard
        assert tab.wait_for("Who is playing?"), "the first-start question never arrived"
        tab.page.mouse.click(600, 400)  # give the terminal the keyboard
        keyboard.type("Ana")
        keyboard.press("Enter")
        tab.expect("Player: Ana", "the player's name on the home screen")
        tab.settle(500)
        sent = len(tab.frames)
        keyboard.press("g")
        tab.expect("Generate a draft quiz", "the Generate dialog", since=sent)
        tab.settle(500)
        paste(tab.page, article)
        tab.expect("Teachers may use these facts", "the pasted article", since=sent)
        keyboard.press("Tab")  # "Play the draft"
        tab.settle(300)
        keyboard.press("Tab")  # "Download the draft"
        tab.settle(300)
        with tab.page.expect_download(timeout=30_000) as download:
            keyboard.press("Enter")
        saved = tmp_path / "downloads" / download.value.suggested_filename
        download.value.save_as(saved)
        tab.expect("your browser downloads", "the download's message", since=sent)
        keyboard.press("Shift+Tab")  # back to "Play the draft"
        tab.settle(300)
        sent = len(tab.frames)
        keyboard.press("Enter")
        tab.expect("Question 1 of", "the draft's first question", since=sent)
    assert saved.name == "back-to-the-moon-artemis-i-and-the-gateway-draft.yaml"
    assert len(load_bank(saved).questions) >= 8
    assert files_outside_data(tmp_path, "downloads") == before, "the draft was saved on the server"
