"""The files of lunarquiz's caches: written whole behind a checksum, read back only when whole.

A file is a magic line naming its kind, a SHA-256 of the body, and the body. It is written to
a temporary file in the same folder and moved into place, so a reader never sees half of
one; a torn write, a bad disk or a file of another kind reads back as nothing. A folder that
cannot be written is no error: a cache only saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

CHECKSUM_SIZE = 32


def read_sealed(path: Path, magic: bytes) -> memoryview | None:
    """The body of the file at ``path`` when it is whole and of the ``magic`` kind, else None."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    start = len(magic) + CHECKSUM_SIZE
    body = memoryview(blob)[start:]  # not a copy: copying megabytes costs more than hashing them
    if not blob.startswith(magic) or hashlib.sha256(body).digest() != blob[len(magic) : start]:
        return None
    return body


def write_sealed(path: Path, magic: bytes, body: bytes) -> bool:
    """Write ``body`` to ``path`` whole (see the module's docstring); False when the folder cannot be written."""
    import tempfile

    blob = magic + hashlib.sha256(body).digest() + body
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
        with os.fdopen(handle, "wb") as file:
            file.write(blob)
        os.replace(temporary, path)
        temporary = None
    except OSError:
        return False
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return True
