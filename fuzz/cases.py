"""What one fuzz input is: its bytes, the format it is meant as, how it is put on disk, and how to make it again."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FORMATS = ("yaml", "gift", "aiken", "csv", "opentdb")
"""The formats an input may be meant as; ``any`` (raw bytes and token soup) goes to every reader."""

SUFFIXES = {"yaml": ".yaml", "gift": ".gift", "aiken": ".aiken", "csv": ".csv", "opentdb": ".json", "any": ".bin"}
"""The file name ending each format is staged with, so that a reader picks it as the game would."""


@dataclass(frozen=True, slots=True)
class FuzzInput:
    """One input: bytes and what they are meant to be."""

    generator: str
    """The generator (or recipe) that made it: the run counts outcomes per generator."""
    format: str
    """One of FORMATS, or ``any``."""
    data: bytes
    fifo: bool = False
    """Staged as a named pipe that nobody writes to, instead of a regular file."""
    recipe: dict[str, Any] | None = field(default=None, compare=False)
    """The parameters of ``fuzz.recipes`` that make ``data`` again: how a large input is kept in the corpus."""

    @property
    def suffix(self) -> str:
        return SUFFIXES[self.format]

    def describe(self, limit: int = 300) -> str:
        """The input for a report: its recipe when it has one, else its first bytes."""
        if self.recipe is not None:
            return (
                f"{self.generator} recipe {self.recipe} ({len(self.data):,} bytes{', as a FIFO' if self.fifo else ''})"
            )
        shown = repr(self.data[:limit]) + (f" ... ({len(self.data):,} bytes)" if len(self.data) > limit else "")
        return f"{self.generator} ({self.format}): {shown}"
