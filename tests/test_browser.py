"""The classroom in a browser: `lunarquiz serve` on loopback, loaded in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

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


@pytest.mark.slow
def test_the_home_screen_arrives_in_a_browser(tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    port = free_port()
    env = {**os.environ, "LUNARQUIZ_DATA_DIR": str(tmp_path / "data")}
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

                def on_websocket(ws) -> None:  # type: ignore[no-untyped-def]
                    ws.on(
                        "framereceived",
                        lambda payload: frames.append(
                            payload if isinstance(payload, str) else payload.decode("utf-8", "replace")
                        ),
                    )

                page.on("websocket", on_websocket)
                page.goto(f"http://127.0.0.1:{port}/", timeout=30_000)
                page.get_by_text("lunarquiz").first.click(timeout=30_000)  # the start page's title card

                def wait_for(phrase: str) -> bool:
                    deadline = time.monotonic() + 60
                    while time.monotonic() < deadline:
                        if phrase in plain_text(frames):
                            return True
                        page.wait_for_timeout(250)
                    return False

                assert wait_for("Who is playing?"), "the first-start question never arrived"
                page.mouse.click(600, 400)  # give the terminal the keyboard
                page.keyboard.type("Ana")
                page.keyboard.press("Enter")
                assert wait_for("Pick a bank"), "the home screen never arrived"
                ARTIFACTS.mkdir(exist_ok=True)
                page.wait_for_timeout(1000)
                page.screenshot(path=str(ARTIFACTS / "browser-home.png"))
            finally:
                browser.close()
        text = plain_text(frames)
        assert "Player: Ana" in text
        assert "International Lunar Research Station" in text
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
