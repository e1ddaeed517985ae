"""Run a child process and measure its wall time and peak memory (max RSS, from wait4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository root: children run here, so ``-m lunarquiz`` is this checkout."""

LAUNCHER = """\
import json, os, sys, time
output = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(output, 1)
    os.dup2(output, 2)
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
print(json.dumps([elapsed, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)]))
"""
"""A small process that starts the measured one and reports what ``wait4`` says of it.

Linux counts the memory a child had before ``exec`` (a copy of its parent's) in its peak,
so the measured program is started from this small Python (``-S``, a few MB), not from
the benchmark process, which holds all of Textual.
"""


@dataclass(frozen=True, slots=True)
class Run:
    """What one child process took."""

    seconds: float
    max_rss: int
    """Peak resident memory in bytes."""
    code: int
    output: str


def child_env(data_dir: Path, cache_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a measured child: this one, with lunarquiz's folders moved to temporary ones."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TEXTUAL_")}
    # An installed game runs from compiled bytecode (pip compiles it), as Textual does here:
    # without this, a shell that sets PYTHONDONTWRITEBYTECODE would time lunarquiz compiling its sources.
    for key in ("COLUMNS", "LINES", "PYTHONDONTWRITEBYTECODE"):
        env.pop(key, None)
    env["LUNARQUIZ_DATA_DIR"] = str(data_dir)
    env["LUNARQUIZ_CACHE_DIR"] = str(cache_dir)
    env.update(extra)
    return env


def python(*arguments: str) -> list[str]:
    """A command line that runs this Python."""
    return [sys.executable, *arguments]


def measure(argv: Sequence[str], env: Mapping[str, str]) -> Run:
    """Run ``argv`` to its end: its wall time, peak memory, exit code and output (both streams)."""
    with tempfile.TemporaryDirectory(prefix="run-") as folder:
        output = Path(folder) / "output"
        report = subprocess.run(
            [sys.executable, "-S", "-c", LAUNCHER, str(output), *argv],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed, max_rss, code = json.loads(report.stdout)
        text = output.read_text(encoding="utf-8", errors="replace")
    return Run(float(elapsed), int(max_rss), int(code), text)
