"""Bank format version 1: the fields a bank and a question may have, and their rules."""

from __future__ import annotations

import re

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

BANK_FIELDS: dict[str, str] = {
    "lunarquiz": "the format version, always 1",
    "id": "the bank's id: lowercase letters, digits and dashes",
    "title": "the bank's title",
    "description": "a sentence or two about the bank",
    "language": "the language code of the questions, like en",
    "source": "where the questions' facts come from",
    "time_limit": "default seconds per question",
    "questions": "the list of questions",
}
"""Every top-level field, with what it holds."""

QUESTION_FIELDS: dict[str, str] = {
    "id": "the question's id, unique in the bank and stable: history keys on it",
    "prompt": "the question as shown to the player",
    "answer": "the right choice (text), or true/false for a true/false question",
    "answers": "the right choices of a multiple-response question",
    "wrong": "the wrong choices",
    "explanation": "shown after the question is answered",
    "difficulty": "easy, medium or hard",
    "tags": "a list of topic tags",
    "source": "a pointer into the bank's source, like 'paragraph 3'",
    "time_limit": "seconds for this question",
    "shuffle": "false keeps the choices in the written order",
    "feedback": "a map from a choice to the text shown when it is picked",
}
"""Every question field, with what it holds."""

REQUIRED_BANK_FIELDS = ("lunarquiz", "id", "title", "questions")
REQUIRED_QUESTION_FIELDS = ("id", "prompt")
