"""The JSON Schema of bank format version 1, built from the field definitions in ``format``."""

from __future__ import annotations

import json
from typing import Any

from lunarquiz.banks import format as fmt
from lunarquiz.banks.limits import MAX_CHOICES, MAX_QUESTIONS, MAX_TAGS, MAX_TEXT_CHARACTERS, TEXT_LIMITS
from lunarquiz.core.model import DIFFICULTIES

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

Schema = dict[str, Any]

_TEXT: Schema = {"type": ["string", "number"], "minLength": 1, "pattern": r"\S"}
"""Text that must not be blank; numbers are taken as written, as the validator does."""


def _plain(number: float) -> float | int:
    """``3600`` rather than ``3600.0`` in the JSON."""
    return int(number) if number.is_integer() else number


_KINDS: dict[fmt.ValueKind, Schema] = {
    "version": {"const": fmt.FORMAT_VERSION},
    "id": {"type": ["string", "integer"], "pattern": f"^{fmt.ID_PATTERN.pattern}$", "minimum": 0},
    "text": {"$ref": "#/$defs/text"},
    "note": {"type": ["string", "number", "null"]},
    "seconds": {"type": "number", "exclusiveMinimum": 0, "maximum": _plain(fmt.MAX_TIME_LIMIT)},
    "flag": {"type": "boolean"},
    "tags": {
        "type": "array",
        "maxItems": MAX_TAGS,
        "items": {"$ref": "#/$defs/text", "maxLength": TEXT_LIMITS["tag"]},
    },
    "difficulty": {"enum": list(DIFFICULTIES)},
    "questions": {"type": "array", "minItems": 1, "maxItems": MAX_QUESTIONS, "items": {"$ref": "#/$defs/question"}},
    "answer": {"anyOf": [{"type": "boolean"}, {"$ref": "#/$defs/choice"}]},
    "choices": {"type": "array", "maxItems": MAX_CHOICES, "items": {"$ref": "#/$defs/choice"}},
    "feedback": {
        "type": "object",
        "maxProperties": MAX_CHOICES,
        "propertyNames": {"maxLength": TEXT_LIMITS["choice"]},
        "additionalProperties": {"type": ["string", "number", "null"], "maxLength": TEXT_LIMITS["feedback"]},
    },
}
"""What each kind of field may hold; the validator reads the same kinds (see ``reader``).

Text and note fields also get the length limit of their name (``limits.TEXT_LIMITS``), ids that of ``id``.
"""

_QUESTION_RULES: list[Schema] = [
    {
        "description": f"At most {MAX_CHOICES} choices in all, right and wrong.",
        "allOf": [
            {"if": {"required": ["answer"]}, "then": {"properties": {"wrong": {"maxItems": MAX_CHOICES - 1}}}},
            *(
                {
                    "if": {"required": ["answers"], "properties": {"answers": {"minItems": right}}},
                    "then": {"properties": {"wrong": {"maxItems": MAX_CHOICES - right}}},
                }
                for right in range(1, MAX_CHOICES + 1)
            ),
        ],
    },
    {
        "description": "Either `answer` (one right choice, or true/false) or `answers` (several), not both.",
        "oneOf": [{"required": ["answer"]}, {"required": ["answers"]}],
    },
    {
        "description": "A true/false question (answer: true or false) takes no `wrong` choices.",
        "if": {"required": ["answer"], "properties": {"answer": {"type": "boolean"}}},
        "then": {"not": {"required": ["wrong"]}},
    },
    {
        "description": "A question with one text answer needs at least one wrong choice.",
        "if": {"required": ["answer"], "properties": {"answer": {"not": {"type": "boolean"}}}},
        "then": {"required": ["wrong"], "properties": {"wrong": {"minItems": 1}}},
    },
    {
        "description": "A multiple-response question lists at least one right choice, and two choices in all.",
        "if": {"required": ["answers"]},
        "then": {
            "properties": {"answers": {"minItems": 1}},
            "if": {"properties": {"answers": {"maxItems": 1}}},
            "then": {"required": ["wrong"], "properties": {"wrong": {"minItems": 1}}},
        },
    },
]
"""The rules between question fields that a schema can say; the validator checks more (unique ids, ...)."""


def _field(field: fmt.Field) -> Schema:
    """What ``field`` may hold, with the length limit of its name for text."""
    schema: Schema = {"description": field.description, **_KINDS[field.kind]}
    if field.kind == "id":
        schema["maxLength"] = TEXT_LIMITS["id"]
    elif field.kind in ("text", "note"):
        schema["maxLength"] = TEXT_LIMITS[field.name]
    return schema


def _object(description: str, spec: tuple[fmt.Field, ...]) -> Schema:
    return {
        "description": description,
        "type": "object",
        "properties": {field.name: _field(field) for field in spec},
        "required": [field.name for field in spec if field.required],
        "additionalProperties": False,
    }


def bank_schema() -> Schema:
    """The JSON Schema (draft 2020-12) that a bank file of format version 1 satisfies."""
    bank = _object(
        "A lunarquiz question bank. `lunarquiz validate` checks it, and also what a schema cannot say:"
        " unique question ids, feedback for real choices, an answer not also listed as wrong,"
        f" at most {MAX_TEXT_CHARACTERS:,} characters of text in the file.",
        fmt.BANK_SPEC,
    )
    question = _object("One question of a lunarquiz bank.", fmt.QUESTION_SPEC)
    question["allOf"] = _QUESTION_RULES
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": f"lunarquiz question bank, format version {fmt.FORMAT_VERSION}",
        **bank,
        "$defs": {
            "text": {"description": "Text; it must not be blank.", **_TEXT},
            "choice": {
                "description": "A choice: text that must not be blank.",
                "$ref": "#/$defs/text",
                "maxLength": TEXT_LIMITS["choice"],
            },
            "question": question,
        },
    }


def schema_json() -> str:
    """The schema as the JSON text ``lunarquiz schema`` prints and ``docs/bank-schema.json`` holds."""
    return json.dumps(bank_schema(), indent=2) + "\n"
