"""Time a program in an 80x24 pseudo-terminal until a text appears on its screen."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence

from benchmarks.processes import ROOT

SIZE = (80, 24)

_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, colours
    r"|\x1bP[^\x1b]*\x1b\\"  # DCS
    r"|\x1b[ -/]*[0-~]"  # two-character escapes
)


def visible(output: bytes) -> str:
    """The characters a terminal would show, run together: escapes and all white space removed.

    Textual may position the cursor between runs of text, so comparing without the
    escapes and the spaces finds a phrase however it was drawn.
    """
    text = _ESCAPE.sub("", output.decode("utf-8", "replace"))
    return "".join(text.split())


def time_to_text(argv: Sequence[str], needle: str, env: Mapping[str, str], timeout: float = 60.0) -> float:
    """Seconds from starting ``argv`` on a pseudo-terminal until ``needle`` is on its screen; then it is killed.

    Standard input, output and error are the terminal, so the program sees a TTY.
    """
    wanted = "".join(needle.split())
    leader, follower = pty.openpty()
    columns, rows = SIZE
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=follower, stdout=follower, stderr=follower, env=env, cwd=ROOT, start_new_session=True
    )
    os.close(follower)
    received = bytearray()
    try:
        while True:
            left = start + timeout - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{needle!r} did not appear in {timeout:g} s; the screen showed {_tail(received)!r}")
            ready, _, _ = select.select([leader], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(leader, 1 << 16)
            except OSError:  # the program ended and the terminal closed
                chunk = b""
            if not chunk:
                raise RuntimeError(f"the program ended before {needle!r} appeared: {_tail(received)!r}")
            received += chunk
            if wanted in visible(bytes(received)):
                return time.perf_counter() - start
    finally:
        process.kill()
        process.wait()
        os.close(leader)


def _tail(received: bytearray) -> str:
    return visible(bytes(received))[-300:]
