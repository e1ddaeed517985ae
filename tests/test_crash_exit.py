"""An unexpected error ends lunarquiz with a non-zero status and one line naming a log that holds the traceback.

The errors are planted by the tests only: a small script under the test's folder patches one
function to raise, then runs the command line as ``lunarquiz`` does (no switch in the game).
"""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.app import ComposeResult
from textual.widgets import Static

from lunarquiz import cli
from lunarquiz.paths import cache_dir

from .conftest import ROOT
from .ui_helpers import write_bank

if TYPE_CHECKING:
    from lunarquiz.ui.kept_errors import ErrorKeepingApp

EXIT_STATUS = 70
"""EX_SOFTWARE: an internal error (sysexits.h); lunarquiz.crash.EXIT_STATUS."""
PLANTED = "a bug planted by the test"
ONE_LINE = re.compile(
    r"^lunarquiz: an unexpected error stopped (?P<what>.+?) \(ValueError: " + PLANTED + r"\); "
    r"the details are in (?P<log>\S+\.log)\.(?P<saved> Your answers so far are saved\.)?$",
    re.MULTILINE,
)


ALT_SCREEN_OFF = "\x1b[?1049l"
ESCAPE = re.compile(r"\x1b\[[0-9;?<=>]*[ -/]*[@-~]")


def planted_script(folder: Path, target: str, attribute: str) -> Path:
    """A script that makes ``target.attribute`` raise, then runs ``lunarquiz.cli.main`` with its arguments."""
    script = folder / "planted.py"
    script.write_text(
        "import importlib, sys\n"
        "from lunarquiz.cli import main\n"
        f"target = importlib.import_module({target!r})\n"
        "def planted(*args, **kwargs):\n"
        f"    raise ValueError({PLANTED!r})\n"
        f"setattr(target, {attribute!r}, planted)\n"
        "sys.exit(main())\n",
        encoding="utf-8",
    )
    return script


def environment(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "LUNARQUIZ_DATA_DIR": str(tmp_path / "data"),
        "LUNARQUIZ_CACHE_DIR": str(tmp_path / "cache"),
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
    }
    env.pop("TEXTUAL_DRIVER", None)
    return env


def read_all(fd: int, process: subprocess.Popen[bytes], timeout: float, until: bytes = b"") -> bytes:
    """The terminal's output until ``until`` shows (or, without it, the process ends), or the time is up."""
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if until and until in seen:
            break
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break  # the process closed the terminal
            if not chunk:
                break
            seen += chunk
        elif not until and process.poll() is not None:
            break
    return seen


def the_log(line: re.Match[str], cache: Path) -> str:
    """The text of the log the line names, which is in ``crashes/`` in the ``cache`` folder, for the user only."""
    log = Path(line["log"])
    assert log.parent == cache / "crashes"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    return log.read_text(encoding="utf-8")


@pytest.mark.slow
def test_an_error_in_the_game_ends_it_with_one_line_a_log_and_a_failing_status(tmp_path: Path) -> None:
    """In a real terminal: the answer is saved, then the feedback raises; the game ends with status 70."""
    script = planted_script(tmp_path, "lunarquiz.ui.screens.question", "verdict")
    bank = write_bank(tmp_path)
    main_fd, child_fd = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, str(script), "play", "--bank", str(bank), "--player", "Ana", "--seed", "1"],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        cwd=tmp_path,
        env=environment(tmp_path),
        start_new_session=True,
    )
    os.close(child_fd)
    try:
        output = read_all(main_fd, process, 30, until=b"Question")
        assert b"Question" in output
        os.write(main_fd, b"1")
        output += read_all(main_fd, process, 30)
        status = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        os.close(main_fd)
    text = output.decode("utf-8", "replace")
    assert status == EXIT_STATUS
    after = ESCAPE.sub("", text.rpartition(ALT_SCREEN_OFF)[2]).replace("\r", "").strip()  # once the game is gone
    line = ONE_LINE.fullmatch(after)
    assert line is not None, after
    assert line["what"] == "the game" and line["saved"]
    assert "Traceback" not in text and "╭" not in text  # no traceback on the screen
    log = the_log(line, tmp_path / "cache")
    assert "Traceback (most recent call last)" in log and f"ValueError: {PLANTED}" in log
    assert "in _show_outcome" in log and "play --bank" in log
    with sqlite3.connect(tmp_path / "data" / "lunarquiz.db") as db:
        assert db.execute("SELECT count(*) FROM answers").fetchone() == (1,)  # the answer given is kept


def test_an_error_in_a_command_ends_it_with_one_line_a_log_and_a_failing_status(tmp_path: Path) -> None:
    script = planted_script(tmp_path, "lunarquiz.commands.schema", "run_schema")
    done = subprocess.run(
        [sys.executable, str(script), "schema"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment(tmp_path),
        timeout=60,
    )
    assert done.returncode == EXIT_STATUS
    assert done.stdout == ""
    line = ONE_LINE.fullmatch(done.stderr.strip())
    assert line is not None, done.stderr
    assert line["what"] == "'lunarquiz schema'" and not line["saved"]
    log = the_log(line, tmp_path / "cache")
    assert "Traceback (most recent call last)" in log and "in planted" in log
    assert f"ValueError: {PLANTED}" in log and "Command: lunarquiz schema" in log


def broken_app() -> ErrorKeepingApp[None]:
    """An app whose first screen's handler raises once it is mounted."""
    from lunarquiz.ui.kept_errors import ErrorKeepingApp

    class Broken(ErrorKeepingApp[None]):
        def compose(self) -> ComposeResult:
            yield Static("about to fail")

        def on_mount(self) -> None:
            raise ValueError(PLANTED)

        def run(self, **_: object) -> None:  # type: ignore[override]
            super().run(headless=True, size=(40, 10))

    return Broken()


def test_the_app_keeps_its_error_for_the_log_and_prints_no_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    app = broken_app()
    status = app.run_for_status()
    assert status == EXIT_STATUS
    assert isinstance(app.crashed, ValueError)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "╭" not in captured.err
    line = ONE_LINE.fullmatch(captured.err.strip())
    assert line is not None, captured.err
    assert line["what"] == "the game" and not line["saved"]
    assert "in on_mount" in the_log(line, cache_dir())


async def test_in_a_test_the_error_still_reaches_pilot() -> None:
    """Pilot re-raises an app's error at the end of ``run_test``; keeping it for the log changes nothing there."""
    app = broken_app()
    with pytest.raises(ValueError, match=PLANTED):
        async with app.run_test():
            pass
    assert isinstance(app.crashed, ValueError) and app.return_code == 1


def test_ctrl_c_keeps_its_status(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*, out: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("lunarquiz.commands.schema.run_schema", interrupted)
    assert cli.main(["schema"]) == 130


def test_the_log_goes_to_the_next_folder_when_one_cannot_be_written(tmp_path: Path) -> None:
    from lunarquiz.crash import message, write_log

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    error = ValueError(PLANTED)
    log, reason = write_log(error, argv=["play"], folders=[blocked / "crashes", tmp_path / "spare"])
    assert log is not None and log.parent == tmp_path / "spare" and reason == ""
    assert f"ValueError: {PLANTED}" in log.read_text(encoding="utf-8")
    nowhere, why = write_log(error, argv=["play"], folders=[blocked / "crashes"])
    assert nowhere is None and str(blocked / "crashes") in why
    line = message(error, nowhere, what="the game", reason=why)
    assert "could not be saved" in line and "\n" not in line and "Traceback" not in line


def test_only_the_newest_logs_are_kept(tmp_path: Path) -> None:
    from lunarquiz.crash import KEPT, write_log

    for second in range(KEPT + 5):
        write_log(ValueError(second), argv=[], now=datetime(2026, 1, 1, 12, 0, second), folders=[tmp_path])
    logs = sorted(tmp_path.glob("crash-*.log"))
    assert len(logs) == KEPT
    assert logs[0].name.startswith("crash-20260101-120005-")


def test_the_line_is_one_line_whatever_the_error_says(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lunarquiz.crash import EXIT_STATUS as STATUS
    from lunarquiz.crash import report_crash

    assert STATUS == EXIT_STATUS
    error = ValueError("first line\nsecond line\x1b[31m red" + "x" * 500)
    assert report_crash(error, what="the game", folders=[tmp_path]) == EXIT_STATUS
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and len(err) < 400
    assert "first line second line" in err
