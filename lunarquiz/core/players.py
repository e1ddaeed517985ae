"""Players' names: the one rule the command line, the "Who is playing?" dialog and the store all follow."""

from __future__ import annotations

from lunarquiz.core.text import clean_text

MAX_NAME_LENGTH = 40
"""Characters at most in a player's name, once cleaned."""


class BadPlayerName(ValueError):
    """A name that cannot be a player's; the message says why, for the person who typed it."""


def player_name(text: str) -> str:
    """``text`` as a player's name, or BadPlayerName.

    Control and bidirectional characters are shown as symbols (``clean_text``), so none is
    left; spaces, tabs and line breaks are folded into single spaces and trimmed. What is
    left must be 1 to ``MAX_NAME_LENGTH`` characters long.
    """
    name = " ".join(clean_text(text).split())
    if not name:
        raise BadPlayerName("a player's name cannot be empty")
    if len(name) > MAX_NAME_LENGTH:
        raise BadPlayerName(f"a player's name is at most {MAX_NAME_LENGTH} characters, and this one has {len(name):,}")
    return name


def is_player_name(text: str) -> bool:
    """Whether ``text`` is a name as :func:`player_name` makes them (a saved name from an older release may not be)."""
    try:
        return player_name(text) == text
    except BadPlayerName:
        return False
