"""Hold imported questions to the limits of a bank, so that an import always writes a bank that loads."""

from __future__ import annotations

from dataclasses import dataclass

from lunarquiz.banks.limits import MAX_CHOICES, MAX_NODES, MAX_QUESTIONS, MAX_TAGS, MAX_TEXT_CHARACTERS, TEXT_LIMITS
from lunarquiz.core.model import Kind, Question

_SECONDS = 20
"""More than the characters of a time limit as a bank writes it."""
_BANK_CHARACTERS = 1_000
"""Room for the bank's own fields (``lunarquiz``, ``id``, ``title``, ``questions``: at most 300 characters)."""
_BANK_VALUES = 10


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a question is not imported; an empty message when that was said already (for an earlier question)."""

    message: str
    hint: str = ""


class ImportLimits:
    """Counts what the questions kept so far will cost as a bank, and refuses a question past any limit."""

    def __init__(self) -> None:
        self.questions = 0
        self.characters = _BANK_CHARACTERS
        self.values = _BANK_VALUES
        self._full = False

    def refuse(self, question: Question, label: str) -> Refusal | None:
        """None when ``question`` (called ``label`` in messages) fits, and it is counted; else why not."""
        if self._full:
            return Refusal("")
        too_much = _question_problem(question, label)
        if too_much is not None:
            return too_much
        values, characters = _written(question)
        values, characters = self.values + values, self.characters + characters
        if self.questions < MAX_QUESTIONS and characters <= MAX_TEXT_CHARACTERS and values <= MAX_NODES:
            self.questions, self.characters, self.values = self.questions + 1, characters, values
            return None
        self._full = True
        if self.questions >= MAX_QUESTIONS:
            what = f"{MAX_QUESTIONS:,} questions"
        elif characters > MAX_TEXT_CHARACTERS:
            what = f"{MAX_TEXT_CHARACTERS:,} characters of text"
        else:
            what = f"{MAX_NODES:,} values"
        return Refusal(
            f"a bank holds at most {what}: {label} and every question after it are not imported",
            "split the file into parts and import each into a bank of its own",
        )


def _question_problem(question: Question, label: str) -> Refusal | None:
    """Why ``question`` alone breaks a limit (too many choices or tags, a text too long), or None."""
    hint = "shorten it in the file, then import again"
    choices = len(question.answers) + len(question.wrong)
    if choices > MAX_CHOICES:
        return Refusal(
            f"{label} has {choices} choices; a question has at most {MAX_CHOICES}",
            "remove wrong choices in the file, or split the question, then import again",
        )
    if len(question.tags) > MAX_TAGS:
        return Refusal(f"{label} has {len(question.tags)} tags; a question has at most {MAX_TAGS}", hint)
    for kind, text in _texts(question):
        if len(text) > TEXT_LIMITS[kind]:
            return Refusal(
                f"{label}: its {kind} is {len(text):,} characters long, over the limit of {TEXT_LIMITS[kind]:,}", hint
            )
    return None


def _written(question: Question) -> tuple[int, int]:
    """The values and characters of ``question`` as a bank writes it (``writer``), or a little more."""
    fields: dict[str, list[str]] = {"id": [question.id], "prompt": [question.prompt]}
    if question.kind is Kind.TRUE_FALSE:
        fields["answer"] = ["false"]
    else:
        fields["answers" if question.kind is Kind.MULTIPLE else "answer"] = list(question.answers)
        if question.wrong:
            fields["wrong"] = list(question.wrong)
    optional = {
        "explanation": question.explanation,
        "difficulty": "" if question.difficulty == "medium" else question.difficulty,
        "source": question.source,
        "time_limit": "" if question.time_limit is None else "9" * _SECONDS,
        "shuffle": "" if question.shuffle else "false",
    }
    fields.update((name, [text]) for name, text in optional.items() if text)
    if question.tags:
        fields["tags"] = list(question.tags)
    if question.feedback:
        fields["feedback"] = [part for pair in question.feedback for part in pair]
    lists = sum(name in fields for name in ("answers", "wrong", "tags", "feedback"))
    values = 1 + lists + sum(1 + len(texts) for texts in fields.values())
    characters = sum(len(name) + sum(len(text) for text in texts) for name, texts in fields.items())
    return values, characters


def _texts(question: Question) -> list[tuple[str, str]]:
    """Every text of ``question`` as a bank writes it, with the kind of its length limit."""
    texts = [("id", question.id), ("prompt", question.prompt), ("difficulty", question.difficulty)]
    texts += [("choice", choice) for choice in (*question.answers, *question.wrong)]
    texts += [("explanation", question.explanation), ("source", question.source)]
    texts += [("tag", tag) for tag in question.tags]
    for choice, text in question.feedback:
        texts += [("choice", choice), ("feedback", text)]
    return texts
