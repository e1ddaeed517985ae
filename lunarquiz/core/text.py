"""Text made safe for a terminal: no control or bidirectional-override character reaches the screen."""

from __future__ import annotations

import re
from functools import cache

REPLACEMENT = "\ufffd"
"""What a C1 control, a bidirectional override or isolate, or a lone surrogate becomes: ``�``."""

BIDI_CONTROLS = frozenset(chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
"""The embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) that reorder text as it is shown."""

_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
"""C0 controls as their Unicode control pictures: ESC as ``␛``, BEL as ``␇``, CR as ``␍``."""
_TABLE[0x09] = " "
del _TABLE[0x0A]
_TABLE[0x7F] = "\u2421"  # DEL as ␡
_TABLE.update(dict.fromkeys(range(0x80, 0xA0), REPLACEMENT))
_TABLE.update(dict.fromkeys(map(ord, BIDI_CONTROLS), REPLACEMENT))
_TABLE.update(dict.fromkeys(range(0xD800, 0xE000), REPLACEMENT))

_UNSAFE = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
"""A character that ``clean_text`` replaces (the tab included)."""

_MAY_MAKE_UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\\\\]"
"""A character that is unsafe itself, or a backslash (a YAML escape can make one)."""


@cache
def _pattern(characters: str) -> re.Pattern[str]:
    """``characters`` compiled when first needed: compiling both took ~1 ms of every start."""
    return re.compile(characters)


_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL", 0x9B: "CSI", 0x9D: "OSC"}
_NAMES.update({0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO"})
_NAMES.update({0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI"})


def clean_text(text: str) -> str:
    """``text`` as it may be shown: newlines kept, a tab as a space, every other control character visible.

    C0 controls become their control pictures (ESC ``␛``, BEL ``␇``), DEL becomes ``␡``;
    C1 controls (U+0080-U+009F, the 8-bit CSI U+009B among them), bidirectional
    overrides and isolates, and lone surrogates become ``�``. Nothing else changes, so
    markup-like text (``[bold]``) stays as written: showing it literally is the display's job.
    """
    if _pattern(_UNSAFE).search(text) is None:
        return text
    return text.translate(_TABLE)


def unsafe_characters(text: str) -> list[str]:
    """The characters ``clean_text`` would change, other than tabs, each once and in order: ``U+001B ESC``."""
    found = dict.fromkeys(char for char in _pattern(_UNSAFE).findall(text) if char != "\t")
    return [describe(char) for char in found]


def describe(char: str) -> str:
    """A character as a person can read it in a message: ``U+202E RLO``, or ``U+0001``."""
    code = ord(char)
    name = _NAMES.get(code)
    return f"U+{code:04X} {name}" if name else f"U+{code:04X}"


def may_make_unsafe(text: str) -> bool:
    """Whether a YAML file with this text can hold a value that ``unsafe_characters`` objects to.

    Without such a character and without a backslash (escapes make them), it cannot: a
    reader may then skip checking value by value.
    """
    return _pattern(_MAY_MAKE_UNSAFE).search(text) is not None
