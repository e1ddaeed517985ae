"""An unexpected error, told in one line: its traceback goes to a log file, and the exit status says it failed.

A crash trace is never a message (STYLE.md): the player reads what stopped, where the details
are, and whether their answers are kept; whoever fixes the bug reads the log. Logs go to
``crashes/`` in the cache folder (the system's temporary folder if that cannot be written),
readable by the user only, the newest :data:`KEPT` kept.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

EXIT_STATUS = 70
"""The exit status after an unexpected error: EX_SOFTWARE, "an internal software error" (sysexits.h)."""
KEPT = 20
"""How many crash logs stay in the folder; older ones are removed when a new one is written."""
SUMMARY_LENGTH = 120
"""At most this many characters of the error's own words in the one line."""
PREFIX = "crash-"


def crash_folder() -> Path:
    """Where crash logs go: ``crashes/`` in the cache folder."""
    from lunarquiz.paths import cache_dir

    return cache_dir() / "crashes"


def summary(error: BaseException) -> str:
    """``ValueError: what it said``, on one line of printable characters, shortened if long."""
    words = " ".join("".join(c if c.isprintable() else " " for c in str(error)).split())
    if len(words) > SUMMARY_LENGTH:
        words = words[: SUMMARY_LENGTH - 1] + "…"
    name = type(error).__name__
    return f"{name}: {words}" if words else name


def log_text(error: BaseException, *, argv: Sequence[str], now: datetime) -> str:
    """What a crash log holds: when, which version and system, the command line, and the traceback."""
    from lunarquiz import __version__

    lines = [
        f"lunarquiz {__version__} stopped on an unexpected error at {now.isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform()}",
        "Command: lunarquiz " + " ".join(argv),
        "",
        *traceback.format_exception(error),
    ]
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def write_log(
    error: BaseException,
    *,
    argv: Sequence[str] | None = None,
    now: datetime | None = None,
    folders: Sequence[Path] | None = None,
) -> tuple[Path | None, str]:
    """Write the crash log in the first of ``folders`` that takes it; its path, or None and why not.

    The file is new (never one that exists, nor through a link) and readable by the user only.
    """
    now = now or datetime.now()
    text = log_text(error, argv=sys.argv[1:] if argv is None else argv, now=now)
    if folders is None:
        folders = (crash_folder(), Path(tempfile.gettempdir()))
    name = f"{PREFIX}{now:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    reason = "no folder to write it to"
    for folder in folders:
        path = folder / name
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            descriptor = os.open(path, flags, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8", errors="replace") as file:
                file.write(text)
        except OSError as problem:
            reason = f"{problem.strerror or problem} ({folder})"
            continue
        prune(folder)
        return path, ""
    return None, reason


def prune(folder: Path, keep: int = KEPT) -> None:
    """Remove all but the ``keep`` newest crash logs in ``folder`` (best effort)."""
    try:
        logs = sorted(path for path in folder.glob(f"{PREFIX}*.log") if path.is_file() and not path.is_symlink())
        for old in logs[:-keep]:
            old.unlink()
    except OSError:
        pass


def message(error: BaseException, log: Path | None, *, what: str, saved: bool = False, reason: str = "") -> str:
    """The one line: what stopped and why in a few words, where the details are, and the answers kept."""
    where = f"the details are in {log}" if log is not None else f"its details could not be saved: {reason}"
    line = f"lunarquiz: an unexpected error stopped {what} ({summary(error)}); {where}."
    if saved:
        line += " Your answers so far are saved."
    return line


def report_crash(
    error: BaseException,
    *,
    what: str = "lunarquiz",
    saved: bool = False,
    stream: TextIO | None = None,
    folders: Sequence[Path] | None = None,
) -> int:
    """Log ``error``'s traceback, say so in one line on standard error, and return :data:`EXIT_STATUS`."""
    log, reason = write_log(error, folders=folders)
    stream = stream if stream is not None else sys.stderr
    with contextlib.suppress(OSError, ValueError):  # standard error closed or gone: the exit status still says it
        print(message(error, log, what=what, saved=saved, reason=reason), file=stream, flush=True)
    return EXIT_STATUS
