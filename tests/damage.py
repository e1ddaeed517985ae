"""Randomly damaged copies of a source file, for the importers' never-raise tests."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence


def damaged_copies(text: str, pieces: Sequence[str], *, seed: int, copies: int, most_edits: int) -> Iterator[str]:
    """``copies`` versions of ``text``, each with 1 to ``most_edits`` characters deleted or ``pieces`` inserted."""
    rng = random.Random(seed)
    for _ in range(copies):
        chars = list(text)
        for _ in range(rng.randint(1, most_edits)):
            position = rng.randrange(len(chars))
            if rng.random() < 0.5:
                chars.insert(position, rng.choice(pieces))
            else:
                del chars[position]
        yield "".join(chars)
