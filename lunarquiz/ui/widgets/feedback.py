"""The feedback on an answer: right or wrong in words and a symbol, every choice marked, the explanation."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from lunarquiz.core.results import Outcome

RIGHT = "✔"
WRONG = "✘"
TIME_UP = "⌛"


def verdict(outcome: Outcome) -> Content:
    """The headline: a symbol and words, so the result never depends on colour."""
    if outcome.correct:
        bonus = f"  +{outcome.streak_bonus} streak bonus ({outcome.streak} in a row)" if outcome.streak_bonus else ""
        return Content.assemble((f"{RIGHT} Right!", "bold"), f"  +{outcome.base_points} points{bonus}")
    if outcome.timed_out and not outcome.chosen:
        return Content.styled(f"{TIME_UP} Time's up! No points.", "bold")
    if outcome.timed_out:
        return Content.styled(f"{TIME_UP} Too late: the answer came after the time ran out. No points.", "bold")
    return Content.styled(f"{WRONG} Wrong. No points.", "bold")


def choice_marks(outcome: Outcome) -> Content:
    """Every choice on a line with a mark: ✔ right, ✘ picked but wrong, and which ones the player picked."""
    lines = []
    asked = outcome.asked
    for index, choice in enumerate(asked.choices):
        right = index in asked.correct
        picked = index in outcome.chosen
        mark = RIGHT if right else (WRONG if picked else " ")
        line = Content.assemble((f" {mark}", "bold"), " ", (choice, "bold" if right else ""))
        notes = [note for note, applies in (("your answer", picked), ("right answer", right)) if applies]
        if notes:
            line = line.append_text(f"  ← {', '.join(notes)}", "bold italic" if right else "italic")
        lines.append(line)
    return Content("\n").join(lines)


def explained(outcome: Outcome, *, compact: bool = False) -> Content:
    """The choices marked, the feedback written for each chosen choice, and the explanation.

    A blank line parts them, except in the ``compact`` layout of a short window.
    """
    question = outcome.asked.question
    parts = [choice_marks(outcome)]
    for choice in outcome.chosen_texts:
        note = question.feedback_for(choice)
        if note:
            parts.append(Content.assemble((f"About “{choice}”: ", "bold"), note))
    if question.explanation:
        parts.append(Content.assemble(("Why: ", "bold"), question.explanation))
    return Content("\n" if compact else "\n\n").join(parts)


class Feedback(Static):
    """Under the question's prompt once it is answered or timed out: what :func:`explained` says.

    It is composed with the question, hidden and empty, so that the feedback shows without
    building a widget: :meth:`show` fills it in.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(self, outcome: Outcome, *, compact: bool = False) -> None:
        """Explain ``outcome`` (again when the window changes between the compact and the roomy layout)."""
        self.update(explained(outcome, compact=compact))
