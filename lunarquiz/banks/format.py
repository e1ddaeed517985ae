"""Bank format version 1: the fields a bank and a question may have, and their rules."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

FORMAT_VERSION = 1
"""The bank format version this release reads and writes."""

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
"""Bank and question ids: lowercase letters, digits and dashes."""

MAX_TIME_LIMIT = 3600.0
"""The longest time limit a question may set, in seconds."""

LONG_PROMPT = 300
"""Characters past which --strict warns that a prompt is very long."""
LONG_CHOICE = 120
"""Characters past which --strict warns that a choice is very long."""

ValueKind = Literal[
    "version",
    "id",
    "text",
    "note",
    "seconds",
    "flag",
    "tags",
    "difficulty",
    "questions",
    "answer",
    "choices",
    "feedback",
]
"""What a field holds, which decides how the validator reads it and what the JSON Schema says.

``text`` must not be empty; a ``note`` may be. Text fields take numbers as written.
"""


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a bank or a question."""

    name: str
    kind: ValueKind
    description: str
    required: bool = False
    example: str = ""
    """A line to suggest when the field is missing or wrong, like ``id: my-bank``."""


BANK_SPEC: tuple[Field, ...] = (
    Field("lunarquiz", "version", "The format version, always 1.", required=True, example="lunarquiz: 1"),
    Field(
        "id",
        "id",
        "The bank's id: lowercase letters, digits and dashes, unique among the banks you load.",
        required=True,
        example="id: my-bank",
    ),
    Field("title", "text", "The bank's title, shown on the home screen.", required=True, example="title: My bank"),
    Field("description", "note", "A sentence or two about the bank.", example="description: What this bank covers."),
    Field("language", "note", "The language code of the questions, like en.", example="language: en"),
    Field("source", "note", "Where the questions' facts come from.", example="source: The textbook, chapter 3"),
    Field("time_limit", "seconds", "Default seconds per question (at most 3600).", example="time_limit: 20"),
    Field("questions", "questions", "The list of questions (at least one).", required=True, example="questions:"),
)
"""Every top-level field, in the order a bank writes them."""

QUESTION_SPEC: tuple[Field, ...] = (
    Field(
        "id",
        "id",
        "The question's id: unique in the bank and stable, since play history keys on it.",
        required=True,
        example="id: my-question",
    ),
    Field("prompt", "text", "The question as shown to the player.", required=True, example="prompt: What is ...?"),
    Field(
        "answer",
        "answer",
        "The right choice (text); or true or false, which makes a true/false question.",
        example="answer: Paris",
    ),
    Field(
        "answers",
        "choices",
        "The right choices of a multiple-response question (select all that apply).",
        example="answers: [first, second]",
    ),
    Field("wrong", "choices", "The wrong choices (none for a true/false question).", example="wrong: [Lyon, Nice]"),
    Field("explanation", "note", "Shown after the question is answered.", example="explanation: Because ..."),
    Field("difficulty", "difficulty", "easy, medium or hard (medium when not given).", example="difficulty: easy"),
    Field("tags", "tags", "Topic tags, so players can pick a topic.", example="tags: [topic]"),
    Field("source", "note", "A pointer into the bank's source, like 'paragraph 3'.", example="source: paragraph 3"),
    Field("time_limit", "seconds", "Seconds for this question (at most 3600).", example="time_limit: 30"),
    Field("shuffle", "flag", "false keeps the choices in the written order.", example="shuffle: false"),
    Field(
        "feedback",
        "feedback",
        "A map from a choice to the text shown when it is picked.",
        example='feedback: {"Lyon": "Lyon is the third city."}',
    ),
)
"""Every question field, in the order a question writes them."""

BANK_FIELDS: dict[str, str] = {field.name: field.description for field in BANK_SPEC}
"""Every top-level field, with what it holds."""

QUESTION_FIELDS: dict[str, str] = {field.name: field.description for field in QUESTION_SPEC}
"""Every question field, with what it holds."""

REQUIRED_BANK_FIELDS = tuple(field.name for field in BANK_SPEC if field.required)
REQUIRED_QUESTION_FIELDS = tuple(field.name for field in QUESTION_SPEC if field.required)


def bank_field(name: str) -> Field:
    """The top-level field called ``name``."""
    return next(field for field in BANK_SPEC if field.name == name)


def question_field(name: str) -> Field:
    """The question field called ``name``."""
    return next(field for field in QUESTION_SPEC if field.name == name)


def make_id(text: str, default: str = "my-bank") -> str:
    """``text`` made into a valid id: accents dropped, lowercase, other characters as dashes."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    made = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return made or default
