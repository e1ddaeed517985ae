"""The feedback on an answer: right or wrong in words and a symbol, every choice marked, the explanation."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from lunarquiz.core.results import Outcome

RIGHT = "✔"
WRONG = "✘"
TIME_UP = "⌛"

Row = tuple[Content, Content]
"""A mark (or nothing) and the text after it."""


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


def choice_marks(outcome: Outcome) -> list[Row]:
    """Every choice with a mark: ✔ right, ✘ picked but wrong, and which ones the player picked."""
    rows = []
    asked = outcome.asked
    for index, choice in enumerate(asked.choices):
        right = index in asked.correct
        picked = index in outcome.chosen
        mark = RIGHT if right else (WRONG if picked else " ")
        text = Content.styled(choice, "bold" if right else "")
        notes = [note for note, applies in (("your answer", picked), ("right answer", right)) if applies]
        if notes:
            text = text.append_text(f"  ← {', '.join(notes)}", "bold italic" if right else "italic")
        rows.append((Content.styled(f" {mark} ", "bold"), text))
    return rows


def explained(outcome: Outcome, *, compact: bool = False) -> Hanging:
    """The choices marked, the feedback written for each chosen choice, and the explanation.

    A blank line parts them, except in the ``compact`` layout of a short window.
    """
    question = outcome.asked.question
    parts = [choice_marks(outcome)]
    for choice in outcome.chosen_texts:
        note = question.feedback_for(choice)
        if note:
            parts.append([(Content(), Content.assemble((f"About “{choice}”: ", "bold"), note))])
    if question.explanation:
        parts.append([(Content(), Content.assemble(("Why: ", "bold"), question.explanation))])
    rows: list[Row] = []
    for part in parts:
        if rows and not compact:
            rows.append((Content(), Content()))
        rows.extend(part)
    return Hanging(rows)


class Hanging(Visual):
    """Rows of a mark and a text, each text wrapped under itself rather than under its mark.

    What a two-column table gives, for the price of plain text: a long choice stays clear of
    the marks in a narrow window.
    """

    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = tuple(rows)
        self._lines: tuple[int, Content] | None = None

    @property
    def plain(self) -> str:
        """The rows as plain text, unwrapped."""
        return "\n".join(mark.plain + text.plain for mark, text in self.rows)

    def __str__(self) -> str:
        return self.plain

    def _wrapped(self, width: int) -> Content:
        if self._lines is None or self._lines[0] != width:
            lines = []
            for mark, text in self.rows:
                indent = mark.cell_length
                for number, line in enumerate(text.wrap(max(width - indent, 1)) if text else [text]):
                    lines.append((mark if number == 0 else Content(" " * indent)) + line)
            self._lines = (width, Content("\n").join(lines))
        return self._lines[1]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((mark.cell_length + text.cell_length for mark, text in self.rows), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._wrapped(width).get_height(rules, width)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self._wrapped(width).render_strips(width, height, style, options)


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
