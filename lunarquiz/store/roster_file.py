"""The roster file on disk: read (a regular file of bounded size) and written (readable by its owner only)."""

from __future__ import annotations

import os
import stat

from lunarquiz.core.roster import Roster, RosterError, parse_roster

MAX_ROSTER_BYTES = 1024 * 1024
"""The largest roster file read: 1,000 players take about 100 KB."""


def read_roster(path: str) -> Roster:
    """The roster in the file ``path``; RosterError says why it cannot be used."""
    text = read_small_text(path, what="roster")
    return parse_roster(text, path)


def read_small_text(path: str, *, what: str) -> str:
    """The UTF-8 text of the regular file ``path``, refused past ``MAX_ROSTER_BYTES`` (a names file, a roster)."""
    try:
        # Non-blocking, so that a named pipe given as the file is refused instead of waited on.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise RosterError(f"{path}: error: cannot open the {what} file: {error.strerror or error}") from None
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise RosterError(f"{path}: error: this is not a regular file; give the {what} file's name")
        data = file.read(MAX_ROSTER_BYTES + 1)
    if len(data) > MAX_ROSTER_BYTES:
        raise RosterError(f"{path}: error: the {what} file is larger than {MAX_ROSTER_BYTES:,} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RosterError(f"{path}: error: the {what} file is not UTF-8 text (byte {error.start})") from None


def write_roster(path: str, roster: Roster, *, replace: bool = False) -> None:
    """Write ``roster`` to ``path``, readable and writable by its owner only (it holds the PINs' hashes).

    Raises ``lunarquiz.output_files.OutputRefused`` (``OutputExists`` when the file exists and
    ``replace`` is false) with the message to show.
    """
    write_private(path, roster.text(), replace=replace)


def write_private(path: str, text: str, *, replace: bool = False) -> None:
    """Write ``text`` to ``path`` as a file only its owner can read (the roster, the handout of PINs)."""
    from lunarquiz.output_files import write_output

    mask = os.umask(0o077)  # created private: never readable by others, not even for a moment
    try:
        write_output(path, text, replace=replace)
    finally:
        os.umask(mask)
    os.chmod(path, 0o600)  # an older file replaced keeps its mode otherwise
