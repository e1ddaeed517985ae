"""``lunarquiz`` and ``lunarquiz play``: start the Textual game (the only commands that import it)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from lunarquiz.banks.discovery import Library, builtin_banks_dir, load_library
from lunarquiz.core.round import RoundSettings


def _library(paths: Sequence[str]) -> Library:
    library = load_library(list(paths) if paths else [builtin_banks_dir()])
    for failed in library.failed:
        for problem in failed.errors or failed.problems:
            print(problem.format(), file=sys.stderr)
    return library


def run_home(paths: Sequence[str], *, seed: int | None) -> int:
    """The home screen with the built-in banks (and any named ones)."""
    from lunarquiz.ui.app import LunarQuizApp

    library = load_library([builtin_banks_dir(), *paths])
    LunarQuizApp(library, seed=seed).run()
    return 0


def run_play(paths: Sequence[str], *, settings: RoundSettings, seed: int | None) -> int:
    """A round at once over the named banks (the built-in ones when none are named)."""
    library = _library(paths)
    if not library.banks:
        print("lunarquiz: no bank could be loaded, so there is nothing to play", file=sys.stderr)
        return 1
    from lunarquiz.ui.app import LunarQuizApp

    LunarQuizApp(library, seed=seed, play=(library.banks, settings)).run()
    return 0
