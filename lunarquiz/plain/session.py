"""Play a round line by line: print the question, read an answer, print the outcome, repeat."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lunarquiz.core.recorder import NoRecorder, Recorder
from lunarquiz.core.results import Outcome, Results
from lunarquiz.core.round import Asked, Clock, Round
from lunarquiz.plain.answers import AnswerError, parse_answer

ReadLine = Callable[[], str | None]
"""Returns the next line typed (without its newline), or None at the end of input."""
Write = Callable[[str], None]
"""Prints one line."""


def describe_question(asked: Asked) -> list[str]:
    """The question as lines: number, time limit, prompt and numbered choices."""
    limit = "no time limit" if asked.limit is None else f"{asked.limit:g} seconds"
    lines = [f"Question {asked.number} of {asked.total} ({limit})", asked.question.prompt]
    if asked.multiple:
        lines.append("Select all that apply: type every right choice, separated by spaces or commas.")
    lines += [f"  {index + 1}. {choice}" for index, choice in enumerate(asked.choices)]
    return lines


def describe_outcome(outcome: Outcome, source: str = "") -> list[str]:
    """Right or wrong in words, the right answer, the points and the explanation."""
    asked = outcome.asked
    right = ", ".join(outcome.correct_texts)
    if outcome.correct:
        bonus = f" (including a streak bonus of {outcome.streak_bonus})" if outcome.streak_bonus else ""
        lines = [f"Right! {outcome.points} points{bonus}.", f"The answer: {right}"]
    elif outcome.timed_out:
        late = "Your answer came after the time ran out. " if outcome.chosen else ""
        lines = [f"Time is up. {late}No points.", f"The right answer: {right}"]
    else:
        lines = [f"Wrong. You answered: {', '.join(outcome.chosen_texts)}. No points.", f"The right answer: {right}"]
    for choice in outcome.chosen_texts:
        note = asked.question.feedback_for(choice)
        if note:
            lines.append(f"About {choice}: {note}")
    if asked.question.explanation:
        lines.append(f"Why: {asked.question.explanation}")
    if source:
        lines.append(f"Source: {source}")
    return lines


def describe_results(results: Results) -> list[str]:
    """The summary at the end of a round."""
    lines = []
    if results.abandoned:
        lines.append(f"The round ended early, after {results.answered} of {results.total_questions} questions.")
    average = results.average_seconds
    lines += [
        f"Score: {results.score} points.",
        f"Right: {results.right} of {results.answered} ({results.accuracy:.0%}).",
        f"Average answer time: {'none' if average is None else f'{average:.1f} seconds'}.",
        f"Best streak: {results.best_streak}.",
    ]
    missed = results.missed
    if missed:
        lines.append("To review:")
        for outcome in missed:
            lines.append(f"  {outcome.asked.question.prompt} The answer: {', '.join(outcome.correct_texts)}.")
    return lines


def play_plain(
    round_: Round,
    *,
    read_line: ReadLine,
    write: Write,
    clock: Clock,
    recorder: Recorder | None = None,
    source_of: Callable[[str], str] = lambda bank_id: "",
    take_notices: Callable[[], Sequence[str]] = tuple,
    warn: Write | None = None,
) -> Results:
    """Play ``round_`` to its end (or to the end of input) and return its results.

    After each answer is recorded, and after the round is, ``take_notices`` gives what the
    recorder has to tell (a full disk: answers no longer saved), which ``warn`` prints at once
    (``write`` when None), as the game shows it on the screen.
    """
    keeper = recorder or NoRecorder()
    tell = warn or write

    def tell_notices() -> None:
        for notice in take_notices():
            tell(notice)

    write("Answer with the number (1, 2, ...) or letter (a, b, ...) of a choice, then press Enter.")
    while not round_.is_over:
        asked = round_.current
        write("")
        for line in describe_question(asked):
            write(line)
        outcome = _read_answer(round_, asked, read_line, write, clock)
        if outcome is None:
            round_.abandon()
            break
        keeper.answered(outcome)
        parts = [part for part in (asked.question.source, source_of(asked.question.bank_id)) if part]
        for line in describe_outcome(outcome, "; ".join(parts)):
            write(line)
        tell_notices()
        more = outcome.asked.number < outcome.asked.total
        write("Press Enter for the next question." if more else "Press Enter for your results.")
        if read_line() is None:
            if more:
                round_.abandon()
            else:
                round_.advance()
            break
        round_.advance()
    results = round_.results()
    keeper.ended(results)
    tell_notices()
    write("")
    for line in describe_results(results):
        write(line)
    return results


def _read_answer(round_: Round, asked: Asked, read_line: ReadLine, write: Write, clock: Clock) -> Outcome | None:
    """Read lines until one is an answer; None at the end of input."""
    while True:
        write("Your answer:")
        line = read_line()
        if line is None:
            return None
        now = clock()
        try:
            picked = parse_answer(line, len(asked.choices), multiple=asked.multiple)
        except AnswerError as error:
            expired = round_.expire(now)
            if expired is not None:
                return expired
            write(str(error))
            continue
        return round_.answer(picked, at=now)
