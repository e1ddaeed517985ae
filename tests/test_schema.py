"""The JSON Schema of the bank format: current in docs/, accepting valid banks, rejecting what the validator rejects."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from lunarquiz.banks import format as fmt
from lunarquiz.banks.discovery import builtin_banks_dir
from lunarquiz.banks.loader import check_text
from lunarquiz.banks.schema import bank_schema, schema_json
from lunarquiz.banks.starter import starter_bank
from lunarquiz.commands import schema as schema_command

from .conftest import ROOT

VALIDATOR = jsonschema.Draft202012Validator(bank_schema())

HEADER = "lunarquiz: 1\nid: moon\ntitle: The Moon\nquestions:\n"
QUESTION = """\
  - id: orbit
    prompt: Which planet does the Moon go around?
    answer: Earth
    wrong: [Mars, Venus]
"""
VALID = HEADER + QUESTION


def schema_errors(text: str) -> list[str]:
    data: Any = yaml.safe_load(text)  # jsonschema needs plain data, as safe_load gives
    return [error.message for error in VALIDATOR.iter_errors(data)]


def validator_errors(text: str) -> list[str]:
    return [problem.message for problem in check_text("moon.yaml", text).errors]


def test_the_schema_in_docs_is_current() -> None:
    saved = (ROOT / "docs" / "bank-schema.json").read_text(encoding="utf-8")
    assert saved == schema_json(), "regenerate it: lunarquiz schema > docs/bank-schema.json"


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = bank_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_schema_has_every_field_of_the_format() -> None:
    schema = bank_schema()
    assert list(schema["properties"]) == [field.name for field in fmt.BANK_SPEC]
    assert list(schema["$defs"]["question"]["properties"]) == [field.name for field in fmt.QUESTION_SPEC]
    assert schema["required"] == list(fmt.REQUIRED_BANK_FIELDS)
    assert schema["$defs"]["question"]["required"] == list(fmt.REQUIRED_QUESTION_FIELDS)


@pytest.mark.parametrize("path", sorted(builtin_banks_dir().glob("*.yaml")), ids=lambda path: path.name)
def test_every_builtin_bank_validates_against_the_schema(path: Path) -> None:
    assert schema_errors(path.read_text(encoding="utf-8")) == []


def test_the_starter_bank_validates_against_the_schema() -> None:
    assert schema_errors(starter_bank("my-quiz.yaml")) == []


VALID_VARIANTS = {
    "numbers as choices": VALID.replace(
        "answer: Earth\n    wrong: [Mars, Venus]", "answer: 1969\n    wrong: [1968, 1970]"
    ),
    "true/false with feedback": HEADER
    + "  - id: light\n    prompt: The Moon makes its own light.\n    answer: false\n"
    + "    feedback: {'True': It reflects sunlight., 'False': Right.}\n",
    "multiple response, all right": VALID.replace("answer: Earth\n    wrong: [Mars, Venus]", "answers: [Earth, Terra]"),
    "an empty explanation": VALID + "    explanation:\n",
    "every optional field": HEADER.replace(
        "questions:", "description: d\nlanguage: en\nsource: s\ntime_limit: 2.5\nquestions:"
    )
    + QUESTION
    + "    explanation: e\n    difficulty: hard\n    tags: [a, b]\n    source: p1\n    time_limit: 3600\n"
    + "    shuffle: false\n    feedback:\n      Mars: Not Mars.\n",
    "a numeric id": VALID.replace("id: orbit", "id: 42"),
}


@pytest.mark.parametrize("text", VALID_VARIANTS.values(), ids=VALID_VARIANTS.keys())
def test_valid_banks_pass_both(text: str) -> None:
    assert validator_errors(text) == []
    assert schema_errors(text) == []


INVALID = {
    # wrong types
    "title is a list": VALID.replace("title: The Moon", "title: [The, Moon]"),
    "title is true": VALID.replace("title: The Moon", "title: true"),
    "bank time_limit is text": VALID.replace("questions:", "time_limit: soon\nquestions:"),
    "time_limit is zero": VALID + "    time_limit: 0\n",
    "time_limit is too long": VALID + "    time_limit: 5000\n",
    "shuffle is text": VALID + "    shuffle: maybe\n",
    "tags is text": VALID + "    tags: moon\n",
    "wrong is text": VALID.replace("wrong: [Mars, Venus]", "wrong: Mars"),
    "a wrong choice is a list": VALID.replace("wrong: [Mars, Venus]", "wrong: [Mars, [Venus]]"),
    "feedback is a list": VALID + "    feedback: [Mars]\n",
    "answer is a list": VALID.replace("answer: Earth", "answer: [Earth]"),
    "questions is a mapping": HEADER + "  orbit: Which planet?\n",
    "a question is text": HEADER + "  - Which planet does the Moon go around?\n",
    "the file is a list": "- lunarquiz: 1\n",
    # unknown fields
    "unknown question field": VALID + "    explanaton: Earth's satellite.\n",
    "unknown bank field": VALID.replace("title: The Moon", "title: The Moon\nautor: Ms Smith"),
    # missing required fields
    "no format version": VALID.replace("lunarquiz: 1\n", ""),
    "no bank id": VALID.replace("id: moon\n", ""),
    "no title": VALID.replace("title: The Moon\n", ""),
    "no questions field": "lunarquiz: 1\nid: moon\ntitle: The Moon\n",
    "no question id": VALID.replace("  - id: orbit\n    prompt", "  - prompt"),
    "no prompt": VALID.replace("    prompt: Which planet does the Moon go around?\n", ""),
    "no answer": VALID.replace("    answer: Earth\n", ""),
    "an empty prompt": VALID.replace("prompt: Which planet does the Moon go around?", 'prompt: ""'),
    "no questions": HEADER.replace("questions:", "questions: []"),
    # bad values
    "bank id with capitals": VALID.replace("id: moon", "id: Moon"),
    "question id with a space": VALID.replace("id: orbit", "id: moon orbit"),
    "question id starting with a dash": VALID.replace("id: orbit", "id: -orbit"),
    "difficulty extreme": VALID + "    difficulty: extreme\n",
    "answer and answers": VALID + "    answers: [Earth, Terra]\n",
    "true/false with wrong": VALID.replace("answer: Earth", "answer: true"),
    "one choice only": VALID.replace("    wrong: [Mars, Venus]\n", ""),
    "one right answer, no wrong": VALID.replace("answer: Earth\n    wrong: [Mars, Venus]", "answers: [Earth]"),
    "an empty answers list": VALID.replace("answer: Earth", "answers: []"),
    "format version 2": VALID.replace("lunarquiz: 1", "lunarquiz: 2"),
    "format version as text": VALID.replace("lunarquiz: 1", 'lunarquiz: "1"'),
}


@pytest.mark.parametrize("text", INVALID.values(), ids=INVALID.keys())
def test_invalid_banks_are_rejected_by_both_the_validator_and_the_schema(text: str) -> None:
    assert validator_errors(text), "the validator accepted it"
    assert schema_errors(text), "the schema accepted it"


def test_run_schema_prints_the_schema() -> None:
    out = io.StringIO()
    assert schema_command.run_schema(out=out) == 0
    assert out.getvalue() == schema_json()
    assert json.loads(out.getvalue())["title"] == "lunarquiz question bank, format version 1"


def test_the_schema_subcommand_parses() -> None:
    parser = argparse.ArgumentParser(prog="lunarquiz")
    schema_command.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["schema"])
    assert args.command == "schema"
    assert callable(args.handler)


def test_the_schema_command_imports_no_textual() -> None:
    code = (
        "import io, sys\nfrom lunarquiz.commands.schema import run_schema\nrun_schema(out=io.StringIO())\n"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
