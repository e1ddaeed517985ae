"""How big and how deep a bank file may be, so that no file can hang the game or exhaust its memory."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

MAX_BANK_BYTES = 32 * 1024 * 1024
"""The default size limit of a bank file: 32 MiB, room for 20,000 questions several times over."""

MAX_BANK_BYTES_VARIABLE = "LUNARQUIZ_MAX_BANK_BYTES"
"""The environment variable that changes the size limit, in bytes (``64M`` and ``1G`` work too)."""

MAX_DEPTH = 32
"""How deeply lists and mappings may nest; a bank needs 5 levels (bank, questions, question, choices, text)."""

MAX_NODES = 1_000_000
"""How many values (texts, lists, mappings) a file may hold: 50 for each of 20,000 questions (most take 20).

Each value costs about 300 bytes once read, so the limit also bounds memory (about 300 MB)."""

MAX_PROBLEMS = 1000
"""How many errors (and, apart, warnings) are listed for one file; checking stops after that many errors."""

_SIZE = re.compile(r"\s*(\d+)\s*([kmg]?)(?:i?b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def bank_byte_limit(given: int | None = None, environ: Mapping[str, str] | None = None) -> int:
    """The size limit in force: ``given`` when not None, else the environment variable, else the default.

    Raises ValueError, with a message for people, when the variable is not a size.
    """
    if given is not None:
        if given < 1:
            raise ValueError(f"the size limit must be at least 1 byte, not {given}")
        return given
    raw = (os.environ if environ is None else environ).get(MAX_BANK_BYTES_VARIABLE, "")
    if not raw.strip():
        return MAX_BANK_BYTES
    match = _SIZE.fullmatch(raw)
    if match is None or int(match.group(1)) < 1:
        raise ValueError(
            f"{MAX_BANK_BYTES_VARIABLE} is {raw!r}, which is not a size in bytes; "
            f"set it to a number like {MAX_BANK_BYTES} or 64M, or unset it for the default of 32M"
        )
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def describe_size(size: int) -> str:
    """A size in bytes as a person reads it: ``33,554,432 bytes (32.0 MiB)``."""
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    return f"{size:,} bytes ({size / 1024 / 1024:.1f} MiB)"
