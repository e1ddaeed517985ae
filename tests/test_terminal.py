"""The game in a real pseudo-terminal: Ctrl+C leaves a round saved as unfinished and restores the terminal."""

from __future__ import annotations

import os
import pty
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT
from .ui_helpers import write_bank

ALT_SCREEN_ON = b"\x1b[?1049h"
ALT_SCREEN_OFF = b"\x1b[?1049l"


def read_until(fd: int, wanted: bytes, timeout: float) -> bytes:
    """Read the terminal's output until ``wanted`` appears (or the time is up)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and wanted not in seen:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def spawn(args: list[str], data: Path) -> tuple[subprocess.Popen[bytes], int]:
    """``lunarquiz`` with ``args`` in an 80x24 pseudo-terminal; the process and the terminal's end to read."""
    env = {**os.environ, "LUNARQUIZ_DATA_DIR": str(data), "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    env.pop("TEXTUAL_DRIVER", None)
    main_fd, child_fd = pty.openpty()
    os.set_blocking(main_fd, False)
    process = subprocess.Popen(
        [sys.executable, "-m", "lunarquiz", *args],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    os.close(child_fd)
    return process, main_fd


def stop(process: subprocess.Popen[bytes], main_fd: int) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    os.close(main_fd)


@pytest.mark.slow
def test_ctrl_c_mid_round_saves_it_as_unfinished_and_restores_the_terminal(tmp_path: Path) -> None:
    bank = write_bank(tmp_path)
    data = tmp_path / "data"
    process, main_fd = spawn(["play", "--bank", str(bank), "--player", "Ana", "--seed", "1"], data)
    try:
        output = read_until(main_fd, b"Question", timeout=30)
        assert ALT_SCREEN_ON in output and b"Question" in output
        os.write(main_fd, b"1")
        output += read_until(main_fd, b"points", timeout=15)  # the feedback: the answer is saved by now
        os.write(main_fd, b"\x03")
        output += read_until(main_fd, ALT_SCREEN_OFF, timeout=15)
        assert process.wait(timeout=15) == 0
        output += read_until(main_fd, b"\x00", timeout=0.5)
        assert ALT_SCREEN_OFF in output, "the terminal was not given back"
    finally:
        stop(process, main_fd)
    db = sqlite3.connect(data / "lunarquiz.db")
    try:
        rounds = db.execute("SELECT status FROM rounds").fetchall()
        answers = db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
        assert rounds == [("unfinished",)] and answers == 1
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


@pytest.mark.slow
def test_on_a_first_start_the_home_screen_is_drawn_before_who_is_playing_is_asked(tmp_path: Path) -> None:
    """The question comes over the home screen: a frame of it reaches the terminal before the dialog's."""
    process, main_fd = spawn([], tmp_path / "data")
    try:
        output = read_until(main_fd, b"Who is playing?", timeout=30)
        assert b"Who is playing?" in output
        assert b"Pick a bank" in output.split(b"Who is playing?")[0]
    finally:
        stop(process, main_fd)


def test_ctrl_c_in_plain_mode_keeps_the_answers(tmp_path: Path) -> None:
    data = tmp_path / "data"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lunarquiz",
            "play",
            "--plain",
            "--bank",
            str(write_bank(tmp_path)),
            "--data-dir",
            str(data),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("1\n")
    process.stdin.flush()
    line = ""
    deadline = time.monotonic() + 30
    while "Press Enter" not in line and time.monotonic() < deadline:
        line = process.stdout.readline()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130 and "Traceback" not in err
    assert "Every answer you gave is saved" in out
    db = sqlite3.connect(data / "lunarquiz.db")
    try:
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1
        assert db.execute("SELECT status FROM rounds").fetchall() == [("unfinished",)]
    finally:
        db.close()
