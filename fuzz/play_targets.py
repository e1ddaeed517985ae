"""The bank that loaded, played: a scripted plain-mode round, and the question screen at 40 x 12 driven by Pilot."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator

from fuzz.targets import Outcome, Staged
from lunarquiz.core.round import Round
from lunarquiz.core.text import clean_text

PLAIN_QUESTIONS = 10
"""Questions in the plain round, as ``lunarquiz play --plain`` asks by default."""
SCREEN_SIZE = (40, 12)
"""The terminal the question screen is drawn in: small, where layouts break first."""


class FakeClock:
    """A monotonic clock that stands still: no question ever times out."""

    def __call__(self) -> float:
        return 1000.0


def garbage_then_last(choices: int) -> Iterator[str]:
    """What a scripted player types for a question of ``choices`` choices: garbage, then the last choice's labels."""
    yield from ("", "0", "zz", "9" * 30, "\x1b[A", "1 1 2", str(choices + 1), "-1", "½")
    if choices <= 26:
        yield chr(ord("a") + choices - 1)
    yield str(choices)


class ScriptedPlayer:
    """Types :func:`garbage_then_last` at each question and Enter after each outcome; checks every line printed."""

    def __init__(self, round_: Round) -> None:
        self.round = round_
        self.last_line = ""
        self.number = 0
        self.typing: Iterator[str] = iter(())

    def read_line(self) -> str | None:
        if self.last_line != "Your answer:":
            return ""
        asked = self.round.current
        if asked.number != self.number:
            self.number, self.typing = asked.number, garbage_then_last(len(asked.choices))
        typed = next(self.typing, None)
        assert typed is not None, f"plain mode took none of the labels of {len(asked.choices)} choices"
        return typed

    def write(self, line: str) -> None:
        assert clean_text(line) == line, f"plain mode printed unclean text {line[:200]!r}"
        self.last_line = line


def run_plain(staged: Staged) -> Outcome:
    """The bank played in plain mode to the end: answers typed with garbage first; every line printed clean."""
    from lunarquiz.banks.discovery import load_library
    from lunarquiz.core.round import RoundSettings
    from lunarquiz.plain.session import play_plain

    if staged.bank_file is None:
        return "skipped"
    library = load_library([staged.bank_file])
    assert library.banks, "the bank that validated does not load for play"
    questions = [question for bank in library.banks for question in bank.questions]
    clock = FakeClock()
    round_ = Round(questions, rng=random.Random(1), clock=clock, settings=RoundSettings(questions=PLAIN_QUESTIONS))
    player = ScriptedPlayer(round_)
    results = play_plain(round_, read_line=player.read_line, write=player.write, clock=clock)
    assert results.answered == len(round_.questions), f"{results.answered} of {len(round_.questions)} answered"
    return "accepted"


def run_tui(staged: Staged) -> Outcome:
    """The question screen at 40 x 12: the first question shown, its last choice pressed, Enter."""
    if staged.bank_file is None:
        return "skipped"
    return asyncio.run(_question_screen(staged))


async def _question_screen(staged: Staged) -> Outcome:
    from datetime import UTC, datetime

    from lunarquiz.banks.discovery import load_library
    from lunarquiz.core.round import RoundSettings
    from lunarquiz.ui.app import LunarQuizApp
    from lunarquiz.ui.screens.question import QuestionScreen
    from lunarquiz.ui.widgets.choice import KEYS

    library = load_library([staged.bank_file] if staged.bank_file else [])
    assert library.banks, "the bank that validated does not load for play"
    app = LunarQuizApp(
        library,
        clock=FakeClock(),
        now=lambda: datetime(2026, 11, 25, 12, 0, tzinfo=UTC),
        seed=1,
        play=(library.banks, RoundSettings(questions=PLAIN_QUESTIONS)),
    )
    async with app.run_test(size=SCREEN_SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen), f"the first screen is {type(screen).__name__}"
        last = len(screen.asked.choices) - 1
        if last < len(KEYS):
            await pilot.press(KEYS[last])
        else:
            await pilot.press("up")  # from the first choice up to the last
            await pilot.press("space" if screen.asked.multiple else "enter")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    return "accepted"
