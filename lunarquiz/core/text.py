"""Text for a terminal: control and bidirectional characters made visible; what a text shows on screen."""

from __future__ import annotations

import re
import unicodedata
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

_INVISIBLE_RANGES = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
"""Unicode's default-ignorable characters, which draw nothing: zero-width spaces and joiners (U+200B-U+200D),
the word joiner (U+2060), the byte-order mark (U+FEFF), the soft hyphen (U+00AD), variation selectors,
Hangul fillers, tags (from DerivedCoreProperties.txt, Unicode 15)."""
_INVISIBLE = f"[{_INVISIBLE_RANGES}]"

_MAY_MAKE_UNSAFE = f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\\\\{_INVISIBLE_RANGES}]"
"""A character that is unsafe itself or draws nothing, or a backslash (a YAML escape can make either)."""


@cache
def _pattern(characters: str) -> re.Pattern[str]:
    """``characters`` compiled when first needed: compiling both took ~1 ms of every start."""
    return re.compile(characters)


_BLANK_LOOKING = "\u2800"
"""Characters that are not whitespace to Python but show as an empty cell: the blank Braille pattern."""

_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL", 0x9B: "CSI", 0x9D: "OSC"}
_NAMES.update({0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO"})
_NAMES.update({0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI"})
_NAMES.update({0x00AD: "SOFT HYPHEN", 0x180E: "MVS", 0x200B: "ZWSP", 0x200C: "ZWNJ", 0x200D: "ZWJ"})
_NAMES.update({0x200E: "LRM", 0x200F: "RLM", 0x2060: "WJ", 0xFEFF: "ZWNBSP"})


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
    """Whether a YAML file with this text can hold a value to check character by character.

    That is a value ``unsafe_characters`` objects to, or one that draws nothing but might
    look blank or like another (see ``is_blank``). Without such a character and without a
    backslash (escapes make them), a file cannot hold one: a reader may then skip checking
    value by value.
    """
    return _pattern(_MAY_MAKE_UNSAFE).search(text) is not None


def without_invisible(text: str) -> str:
    """``text`` without the characters that draw nothing (zero-width spaces and joiners, soft hyphens, ...)."""
    return _pattern(_INVISIBLE).sub("", text)


def invisible_characters(text: str) -> list[str]:
    """The characters in ``text`` that draw nothing, each once and in order: ``U+200B ZWSP``."""
    return [describe(char) for char in dict.fromkeys(_pattern(_INVISIBLE).findall(text))]


def reveal_invisible(text: str) -> str:
    """``text`` with each character that draws nothing written as an escape: ``yes\\u200b``."""
    return _pattern(_INVISIBLE).sub(lambda found: ascii(found.group())[1:-1], text)


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only whitespace and characters that draw nothing, or none at all."""
    shown = without_invisible(text) if _pattern(_INVISIBLE).search(text) else text
    return not shown.translate(_BLANKS).strip()


_BLANKS = dict.fromkeys(map(ord, _BLANK_LOOKING), " ")


def on_screen(text: str) -> str:
    """``text`` as a player sees it: canonically composed (NFC), without the characters that draw nothing.

    Two different texts with the same ``on_screen`` cannot be told apart on the screen:
    ``yes`` and ``yes`` followed by a zero-width space, ``é`` as one character and as ``e``
    with a combining accent.
    """
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", without_invisible(text))


def look_alike(text: str) -> str:
    """``text`` as a player compares it: as :func:`on_screen` shows it, case and runs of spaces ignored."""
    return " ".join(on_screen(text).casefold().split())
