"""Import questions from other formats: what every reader returns, question ids, and picking the reader."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from lunarquiz.banks import format as fmt
from lunarquiz.banks.import_limits import ImportLimits
from lunarquiz.banks.limits import TEXT_LIMITS
from lunarquiz.banks.problems import Problem, look_the_same
from lunarquiz.core.model import Bank, Question
from lunarquiz.core.text import clean_text, invisible_characters, is_blank, on_screen, unsafe_characters

IMPORT_FORMATS = ("gift", "aiken", "csv", "opentdb")
"""The formats ``lunarquiz import`` reads."""

_BY_SUFFIX = {".gift": "gift", ".aiken": "aiken", ".csv": "csv", ".tsv": "csv", ".json": "opentdb"}

_AIKEN_ANSWER = re.compile(r"^[ \t]*ANSWER:[ \t]*[A-Z]\b", re.MULTILINE)
_AIKEN_OPTION = re.compile(r"^[ \t]*[A-Z][).]", re.MULTILINE)

_ID_WORDS = 6
"""Words of the prompt that make a question id when the file names none."""
_ID_LENGTH = 40
"""Characters at most in an id made from a prompt."""
_NAME_LENGTH = 60
"""Characters at most in an id made from a name the file gives."""


@dataclass(frozen=True, slots=True)
class Imported:
    """What a reader made of one file: the questions it could read, and every problem, in file order."""

    questions: tuple[Question, ...]
    problems: tuple[Problem, ...]
    skipped: int = 0
    """Questions the file holds that were not imported (a type lunarquiz cannot play, or a broken one)."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that dropped something from the file."""
        return tuple(problem for problem in self.problems if problem.is_error)


def problem(path: str, line: int, message: str, hint: str = "", *, warning: bool = False) -> Problem:
    """A problem on ``line`` of ``path`` (0 for the whole file)."""
    return Problem(path, line, 1 if line else 0, message, hint, "warning" if warning else "error")


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters: for naming a question in a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def slug(text: str, *, words: int = 0, length: int = 0) -> str:
    """``text`` as id material: accents and apostrophes dropped, lowercase, other characters as dashes.

    ``words`` and ``length`` (when not 0) keep only the first words, cut at a word's end.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    parts = re.findall(r"[a-z0-9]+", re.sub(r"['’`´]", "", plain.lower()))
    if words:
        parts = parts[:words]
    made = "-".join(parts)
    while length and len(made) > length and "-" in made:
        made = made.rsplit("-", 1)[0]
    return made[:length] if length else made


class QuestionIds:
    """Hands out question ids, unique in one bank: a repeated id gets ``-2``, ``-3``, ...

    Each base id remembers the suffix its last search stopped at, so n questions with one
    prompt cost n steps, not n²/2: every suffix below it was taken then, and ids are never
    given back, so a search from 2 would pass over the same ones and stop at the same id.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next_suffix: dict[str, int] = {}

    def claim(self, wanted: str) -> str:
        """``wanted`` (``q`` and a number when empty), or it with the first free suffix."""
        base = wanted or f"q{len(self._taken) + 1}"
        candidate = base
        if candidate in self._taken:
            number = self._next_suffix.get(base, 2)
            candidate = f"{base}-{number}"
            while candidate in self._taken:
                number += 1
                candidate = f"{base}-{number}"
            self._next_suffix[base] = number + 1
        self._taken.add(candidate)
        return candidate

    def for_name(self, name: str, prompt: str) -> str:
        """The id for a question the file names (GIFT ``::name::``), or from its prompt when the name makes none."""
        return self.claim(slug(name, length=_NAME_LENGTH) or slug(prompt, words=_ID_WORDS, length=_ID_LENGTH))

    def for_prompt(self, prompt: str) -> str:
        """The id for a question made from the first words of its prompt: short, and stable when questions move."""
        return self.claim(slug(prompt, words=_ID_WORDS, length=_ID_LENGTH))


def admit(path: str, line: int, question: Question) -> tuple[Question | None, list[Problem]]:
    """``question`` as the loader reads it back, with what admitting it found.

    Control and bidirectional characters are shown as symbols (see :func:`_with_symbols`).
    Then the loader's rules about what a text shows hold: a prompt or a choice that shows
    nothing (only zero-width or other invisible characters), or two choices that look
    exactly the same on screen, leave the question out with an error; a tag that shows
    nothing is left out.
    """
    visible, found = _with_symbols(path, line, question)
    if visible is None:
        return None, found
    hint = "remove the invisible characters from the source (text pasted from the web often has them)"
    if is_blank(visible.prompt):
        shown = ", ".join(invisible_characters(visible.prompt)[:3]) or "spaces"
        return None, [*found, problem(path, line, f"a question's prompt holds only {shown}, which show nothing", hint)]
    label = f'the question "{shorten(visible.prompt)}"'
    first: dict[str, str] = {}
    for choice in (*visible.answers, *visible.wrong):
        if is_blank(choice):
            shown = ", ".join(invisible_characters(choice)[:3]) or "spaces"
            message = f"{label}: a choice holds only {shown}, which show nothing"
            return None, [*found, problem(path, line, message, hint)]
        earlier = first.setdefault(on_screen(choice), choice)
        if earlier != choice:
            message = f"{label}: {look_the_same(earlier, choice)}"
            return None, [*found, problem(path, line, message, hint)]
    tags = tuple(tag for tag in visible.tags if not is_blank(tag))
    return (visible if tags == visible.tags else replace(visible, tags=tags)), found


def _with_symbols(path: str, line: int, question: Question) -> tuple[Question | None, list[Problem]]:
    """``question`` with control and bidirectional characters shown as symbols.

    Every such character is reported as a warning at ``line``; None (with an error)
    when showing them makes a right and a wrong choice the same.
    """
    texts = [question.prompt, *question.answers, *question.wrong, question.explanation, question.source]
    texts += [*question.tags, *(part for pair in question.feedback for part in pair)]
    if all(clean_text(text) == text for text in texts):
        return question, []
    found = unique([name for text in texts for name in unsafe_characters(text)])  # a tab becomes a space, unreported
    answers = unique([clean_text(text) for text in question.answers])
    wrong = unique([clean_text(text) for text in question.wrong])
    label = f'the question "{shorten(clean_text(question.prompt))}"'
    shown = ", ".join(found[:3]) + (" and more" if len(found) > 3 else "")
    if set(answers) & set(wrong):
        message = f"{label}: with control characters and tabs shown as symbols, a right and a wrong choice match"
        return None, [problem(path, line, message)]
    visible = replace(
        question,
        prompt=clean_text(question.prompt),
        answers=tuple(answers),
        wrong=tuple(wrong),
        explanation=clean_text(question.explanation),
        source=clean_text(question.source),
        tags=tuple(unique([clean_text(tag) for tag in question.tags])),
        feedback=tuple(dict((clean_text(choice), clean_text(text)) for choice, text in question.feedback).items()),
    )
    if not found:
        return visible, []
    message = f"{label} holds {shown}: control or bidirectional characters, imported as visible symbols"
    return visible, [problem(path, line, message, "remove them from the source", warning=True)]


class Reader:
    """What every importer keeps while it reads a file: the questions kept, every problem, how many it skipped.

    ``problems`` may be a list the caller already holds (CSV reports its header first).
    """

    def __init__(self, path: str, problems: list[Problem] | None = None) -> None:
        self.path = path
        self.questions: list[Question] = []
        self.problems: list[Problem] = [] if problems is None else problems
        self.skipped = 0
        self.ids = QuestionIds()
        self.limits = ImportLimits()

    def report(self, line: int, message: str, hint: str = "", *, warning: bool = False) -> None:
        """A problem at ``line`` that drops nothing by itself."""
        self.problems.append(problem(self.path, line, message, hint, warning=warning))

    def skip(self, line: int, message: str, hint: str = "", *, warning: bool = False) -> None:
        """A question of the file left out, and why."""
        self.skipped += 1
        self.report(line, message, hint, warning=warning)

    def keep(self, line: int, question: Question) -> None:
        """Keep ``question`` as :func:`admit` lets it in, or count it skipped; with what admitting it found.

        A question past a limit of banks (``limits``) is skipped, said once for all those past the size of a bank.
        """
        refusal = self.limits.refuse(question, f'the question "{shorten(clean_text(question.prompt))}"')
        if refusal is not None:
            self.skipped += 1
            if refusal.message:
                self.report(line, refusal.message, refusal.hint)
            return
        admitted, found = admit(self.path, line, question)
        self.problems.extend(found)
        if admitted is None:
            self.skipped += 1
        else:
            self.questions.append(admitted)


def unique(items: list[str]) -> list[str]:
    """``items`` without repeats, in their first order."""
    return list(dict.fromkeys(items))


def guess_format(path: str, text: str) -> str | None:
    """The format of ``path``: from its extension, else from what the text looks like; None when unclear."""
    known = _BY_SUFFIX.get(Path(path).suffix.lower())
    if known is not None:
        return known
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if isinstance(data, dict | list):
            return "opentdb"
    if _AIKEN_ANSWER.search(text) and _AIKEN_OPTION.search(text):
        return "aiken"
    if "{" in text and "}" in text:
        return "gift"
    first = stripped.split("\n", 1)[0].lower()
    if "prompt" in first and "answer" in first:
        return "csv"
    return None


def read_source(format_name: str, path: str, text: str) -> Imported:
    """The questions in ``text`` (from ``path``), read as ``format_name``, one of IMPORT_FORMATS."""
    if format_name == "gift":
        from lunarquiz.banks.gift import read_gift

        return read_gift(path, text)
    if format_name == "aiken":
        from lunarquiz.banks.aiken import read_aiken

        return read_aiken(path, text)
    if format_name == "csv":
        from lunarquiz.banks.csv_format import read_csv

        return read_csv(path, text)
    if format_name == "opentdb":
        from lunarquiz.banks.opentdb import read_opentdb

        return read_opentdb(path, text)
    raise ValueError(f"unknown import format {format_name!r}; the formats are {', '.join(IMPORT_FORMATS)}")


def bank_id_from_path(path: str) -> str:
    """A bank id made from a file's name: ``Space Quiz (2).gift`` gives ``space-quiz-2``."""
    return slug(Path(path).stem, length=TEXT_LIMITS["id"]) or "imported"


def title_from_path(path: str) -> str:
    """A bank title made from a file's name: ``space_quiz-2021.gift`` gives ``Space quiz 2021``."""
    words = " ".join(re.split(r"[\s_-]+", Path(path).stem)).strip()
    return (words[:1].upper() + words[1:])[: TEXT_LIMITS["title"]] if words else "Imported questions"


def build_bank(imported: Imported, bank_id: str, title: str) -> Bank:
    """A bank of the imported questions."""
    questions = tuple(replace(question, bank_id=bank_id) for question in imported.questions)
    tags = tuple(sorted({tag for question in questions for tag in question.tags}))
    return Bank(id=bank_id, title=title, questions=questions, tags=tags)


class ImportBug(RuntimeError):
    """The YAML written for an imported bank does not read back as that bank: a bug in lunarquiz."""


def bank_yaml(bank: Bank, path: str) -> str:
    """``bank`` as bank YAML, checked to read back (as if from ``path``) as the same questions.

    Raises ImportBug when it does not: importers must only build banks the loader accepts.
    """
    from lunarquiz.banks.loader import check_text
    from lunarquiz.banks.writer import dump_bank

    if not fmt.ID_PATTERN.fullmatch(bank.id):
        raise ValueError(f"{bank.id!r} is not a valid bank id")
    text = dump_bank(bank)
    checked = check_text(path, text)
    if checked.bank is None:
        shown = "; ".join(problem.format() for problem in checked.errors[:3])
        raise ImportBug(f"the imported bank does not validate: {shown}")
    if checked.bank.questions != bank.questions:
        changed = next(
            (mine.id for mine, read in zip(bank.questions, checked.bank.questions, strict=False) if mine != read), ""
        )
        raise ImportBug(f"the imported bank reads back differently (first at question {changed!r})")
    return text
