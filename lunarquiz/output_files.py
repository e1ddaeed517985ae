"""Write a file a person named (``-o``, ``new``): only a regular file is replaced, whole or not at all.

The one rule for every command that writes where it is told: a name that already holds
something other than a regular file (a device, a named pipe, a socket, a folder) is
refused, and so is a symbolic link, whatever it points to. Replacing a file means writing
a temporary file beside it and renaming it over the name, and a rename replaces whatever
the name holds: run as root, ``-o /dev/null`` would put a regular file in place of the
system's /dev/null, and ``-o link`` would replace the link itself. A link is refused
rather than followed because the name a person types is the place they mean; a link
planted in a shared folder (``/tmp/report.yaml`` pointing at a system file) must not
redirect a write, and the message says where it points so the real name can be given.
Only the last part of the name is checked: folders on the way may be links, as usual.
The target itself is never opened, so a named pipe cannot make a command wait forever.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class OutputRefused(Exception):
    """The file cannot or must not be written; the message is one line naming the file and what to do."""


class OutputExists(OutputRefused):
    """The file exists and the caller asked not to replace it."""


def refusal(path: str) -> str | None:
    """Why ``path`` must not be written, as the message to show; None when it may be."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    except OSError as error:
        return f"{path}: error: cannot look at the file: {error.strerror or error}"
    if found is not None and not stat.S_ISREG(found.st_mode):
        return f"{path}: error: {_not_a_file(path, found.st_mode)}"
    parent = Path(path).parent
    if not parent.is_dir():
        return f"{path}: error: the folder {str(parent)!r} does not exist"
    return None


def write_output(path: str, text: str, *, replace: bool = True) -> None:
    """Write ``text`` (UTF-8, newlines as given) to the file ``path``; OutputRefused says why not.

    With ``replace``, an existing regular file is replaced whole (keeping its permissions);
    without it, an existing name raises OutputExists and nothing is written.
    """
    refused = refusal(path)
    if refused is not None:
        raise OutputRefused(refused)
    try:
        if replace:
            _replace(Path(path), text)
        else:
            _create(Path(path), text)
    except FileExistsError:
        raise OutputExists(f"{path}: error: the file already exists") from None
    except OSError as error:
        raise OutputRefused(f"{path}: error: cannot write the file: {error.strerror or error}") from None


def _not_a_file(path: str, mode: int) -> str:
    if stat.S_ISLNK(mode):
        try:
            points_to = os.readlink(path)
        except OSError:
            points_to = "?"
        return (
            f"this is a symbolic link to {points_to!r}, and lunarquiz does not write through links; "
            "give the name of the file itself, or remove the link"
        )
    if stat.S_ISDIR(mode):
        return "this is a folder; give a file name to write"
    kinds = (
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
    )
    kind = next((name for test, name in kinds if test(mode)), "a special file")
    return f"this is {kind}, not a regular file; give the name of a file to write"


def _replace(target: Path, text: str) -> None:
    """Write a temporary file beside ``target`` and rename it over it: readers see the old file or the new one."""
    try:
        mode = stat.S_IMODE(os.lstat(target).st_mode)
    except FileNotFoundError:
        mode = _default_mode()
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
    ) as handle:
        temporary = handle.name
        try:
            handle.write(text)
        except BaseException:
            handle.close()
            os.unlink(temporary)
            raise
    try:
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _create(target: Path, text: str) -> None:
    """Create ``target``, which must not exist (not even as a link: O_EXCL follows none)."""
    with target.open("x", encoding="utf-8", newline="") as file:
        try:
            file.write(text)
        except BaseException:
            file.close()
            with contextlib.suppress(OSError):
                target.unlink()
            raise


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
