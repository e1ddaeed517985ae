"""Byte- and text-level fuzz inputs from a seeded random generator: valid files with random edits, random YAML, token soup, bytes."""

from __future__ import annotations

import json
import random
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

BANK = r"""# yaml-language-server: $schema=https://lunarquiz.invalid/schema/bank-v1.json
lunarquiz: 1
id: fuzz-seed
title: "Fuzz: seed bank"
description: Every field once.
language: en
source: The lunarquiz tests
time_limit: 20
questions:
  - id: single
    prompt: Which agency is Russia's?
    answer: Roscosmos
    wrong: [CNSA, NASA, "ESA, Europe"]
    explanation: "Roscosmos is Russia's \"space\" agency."
    difficulty: easy
    tags: [agencies, russia]
    source: paragraph 3
    time_limit: 30.5
    shuffle: false
    feedback:
      NASA: NASA is the US agency.
      "ESA, Europe": Europe's.
  - id: multi
    prompt: |
      Which agencies signed?
      Pick all.
    answers: [CNSA, Roscosmos]
    wrong:
      - NASA
      - ESA
  - id: truth
    prompt: 'True or false: the ILRS is open.'
    answer: true
    feedback: {true: "Yes.", false: "It is open."}
"""

GIFT = r"""// A comment
$CATEGORY: $course$/top/Space/Missions

::Q1:: Which agency is Russia's? {=Roscosmos ~CNSA#No, China's ~NASA ####Roscosmos it is.}

[markdown]The Moon is a planet.{F#Wrong#Right}

Apollo 11 landed in {=1969 ~1970 ~1971} on the Moon.

::multi:: Which are moons? {~%50%Io ~%50%Europa ~%-100%Mars}

// [tag:orbits] [tag:easy\]one]
What is 2+2? {#4:0}

Escapes \: \= \~ \# \{ \} \\ \n here {=yes ~no}
"""

AIKEN = """Which agency is Russia's?
A) Roscosmos
B) CNSA
C. NASA
ANSWER: A

What is the Moon?
A. A planet
B. A satellite
ANSWER: B
"""

CSV = """id,prompt,answer,answer2,wrong1,wrong2,explanation,tags,difficulty,source
q1,Which agency is Russia's?,Roscosmos,,CNSA,NASA,"It is, truly",agencies;russia,easy,p3
,"Which ""two"" signed?",CNSA,Roscosmos,NASA,,,,,
,The Moon is a planet.,False,,True,,,,hard,
"""

OPENTDB = json.dumps(
    {
        "response_code": 0,
        "results": [
            {
                "type": "multiple",
                "difficulty": "medium",
                "category": "Science &amp; Nature",
                "question": "Which planet is the &quot;Red Planet&quot;?",
                "correct_answer": "Mars",
                "incorrect_answers": ["Venus", "Jupiter", "Saturn&#039;s moon"],
            },
            {
                "type": "Ym9vbGVhbg==",
                "difficulty": "ZWFzeQ==",
                "category": "SGlzdG9yeQ==",
                "question": "QXBvbGxvIDExIGxhbmRlZCBpbiAxOTY5Lg==",
                "correct_answer": "VHJ1ZQ==",
                "incorrect_answers": ["RmFsc2U="],
            },
            {
                "type": "boolean",
                "difficulty": "hard",
                "category": "Space",
                "question": "The%20Moon%20is%20round.",
                "correct_answer": "True",
                "incorrect_answers": ["False"],
            },
        ],
    },
    indent=1,
)


def seed_texts() -> list[str]:
    """Valid files of every format: the seeds above and the banks that ship with lunarquiz."""
    texts = [BANK, GIFT, AIKEN, CSV, OPENTDB]
    for path in sorted((ROOT / "questions").glob("*.yaml")):
        texts.append(path.read_text(encoding="utf-8"))
    return texts


SEEDS = seed_texts()

TOKENS = [
    # YAML structure and the things banks refuse
    ": ",
    "- ",
    "-",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "&a ",
    "*a",
    "&b [x]",
    "<<: *a",
    "!!python/object/apply:os.system [ls]",
    "!!python/name:os.system",
    "!tag ",
    "!!str ",
    "!!binary ",
    "!!set ",
    "!!omap ",
    "|",
    ">",
    "|-",
    ">+",
    "---",
    "...",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    '"',
    "'",
    "\\",
    '"\\e]0;pwned\\a"',
    '"\\x9b2J"',
    '"\\u202e"',
    '"\\ud800"',
    '"\\N\\L\\P"',
    '"\\0"',
    "~",
    "null",
    "true",
    "False",
    "yes",
    "on",
    "=",
    "0x1F",
    "1e400",
    ".nan",
    "-.inf",
    "2001-12-14",
    "12:30:45",
    "1_000",
    "0o17",
    "\n",
    "\n  ",
    "\n    - ",
    "\r\n",
    "\r",
    "\t",
    " ",
    "    ",
    # bank fields
    "lunarquiz: 1",
    "lunarquiz: 2",
    "id: x",
    "title: T",
    "questions:",
    "prompt: P?",
    "answer: A",
    "answers: [A, B]",
    "wrong: [W]",
    "explanation: E",
    "difficulty: hard",
    "tags: [t]",
    "time_limit: 0",
    "time_limit: 4000",
    "shuffle: maybe",
    "feedback: {A: F}",
    "feedback: {true: T}",
    # GIFT
    "::",
    "::name::",
    "=",
    "~",
    "~%50%",
    "~%-100%",
    "%100%",
    "####",
    "#",
    "{T}",
    "{FALSE}",
    "{#3:1}",
    "{=a->b}",
    "$CATEGORY: ",
    "$course$/top/",
    "// ",
    "[tag:",
    "[html]",
    "[markdown]",
    "\\:",
    "\\=",
    "\\~",
    "\\#",
    "\\{",
    "\\}",
    "\\n",
    "\\\\",
    # Aiken
    "A) ",
    "B) ",
    "C. ",
    "Z) ",
    "ANSWER: A",
    "ANSWER: Z",
    "ANSWER:",
    # CSV
    "prompt,answer,wrong1",
    "prompt;answer;wrong1",
    "prompt\tanswer\twrong1",
    "answer2",
    "wrong9",
    '""',
    '"a,b"',
    ";;",
    # JSON / Open Trivia DB
    '{"response_code": 0, "results": [',
    '{"response_code": 5}',
    '"results": []',
    '"type": "boolean"',
    '"type": "multiple"',
    '"question": "Q?"',
    '"correct_answer": "True"',
    '"incorrect_answers": ["x"]',
    '"incorrect_answers": 3',
    "null",
    "&quot;",
    "&#039;",
    "&#x1b;",
    "&amp;",
    "%1B",
    "%E2%80%AE",
    "%ZZ",
    "[[[[[[[[[[",
    "]]]]]",
    "{{{{{{",
    # characters that must never reach a terminal, and other awkward ones
    "\x1b",
    "\x07",
    "\x08",
    "\x00",
    "\x7f",
    "\x85",
    "\x9b",
    "\x9d",
    "\u202e",
    "\u2066",
    "\u2028",
    "\ufeff",
    "\ufffe",
    "\U0001f600",
    "é",
    "\u0301",
    "中",
]

INTERESTING_BYTES = [
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x00",
    b"\xc3",
    b"\xe2\x80",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\x80",
    b"\xc2\x9b",
    b"\r",
    b"\r\n",
    b"\x1b[2J",
]
WORDS = ["moon", "Mars", "NASA", "True", "False", "A", "the", "of", "x", "1", "1969", "Apollo 11", "Why?"]


def text_edits(rng: random.Random, text: str) -> str:
    """``text`` with one to eight random edits: tokens inserted, pieces deleted or repeated, lines swapped."""
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(text))
        kind = rng.random()
        if kind < 0.4:
            text = text[:at] + rng.choice(TOKENS) + text[at:]
        elif kind < 0.55:
            text = text[:at] + text[at + rng.randint(1, 20) :]
        elif kind < 0.65:
            end = min(len(text), at + rng.randint(1, 80))
            text = text[:end] + text[at:end] * rng.randint(1, 4) + text[end:]
        elif kind < 0.75:
            lines = text.split("\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif kind < 0.85:
            code = rng.choice([rng.randint(0, 0x2FF), rng.randint(0x2000, 0x2100), rng.randint(0xE000, 0x10FFFF)])
            text = text[:at] + chr(code) + text[at + 1 :]
        elif kind < 0.92:
            text = text[:at]
        else:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            lines[i] = " " * rng.randint(0, 8) + lines[i].lstrip()
            text = "\n".join(lines)
    return text


def mutated_seed(rng: random.Random) -> bytes:
    """A valid file of some format with a few random edits."""
    return text_edits(rng, rng.choice(SEEDS)).encode("utf-8", "surrogatepass")


def mutated_bytes(rng: random.Random) -> bytes:
    """A valid file with edits at the byte level: bad UTF-8, byte-order marks, NULs, flipped bits."""
    return byte_edits(rng, bytearray(rng.choice(SEEDS).encode("utf-8")))


def byte_edits(rng: random.Random, data: bytearray) -> bytes:
    """``data`` with one to six edits: interesting bytes inserted, bits flipped, random bytes."""
    for _ in range(rng.randint(1, 6)):
        at = rng.randint(0, len(data))
        kind = rng.random()
        if kind < 0.5:
            data[at:at] = rng.choice(INTERESTING_BYTES)
        elif kind < 0.8 and data:
            data[min(at, len(data) - 1)] ^= 1 << rng.randrange(8)
        else:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(data)


def _scalar(rng: random.Random) -> object:
    choice = rng.random()
    if choice < 0.5:
        return "".join(rng.choice(WORDS + TOKENS[-20:]) for _ in range(rng.randint(0, 4)))
    if choice < 0.6:
        return rng.randint(-(10**6), 10**6)
    if choice < 0.7:
        return rng.random() * 5000
    if choice < 0.8:
        return rng.choice([True, False, None])
    return rng.choice(
        ["lunarquiz", "id", "title", "questions", "prompt", "answer", "answers", "wrong", "feedback", "tags"]
    )


def _structure(rng: random.Random, depth: int) -> object:
    if depth <= 0 or rng.random() < 0.3:
        return _scalar(rng)
    if rng.random() < 0.5:
        return [_structure(rng, depth - 1) for _ in range(rng.randint(0, 5))]
    return {str(_scalar(rng)): _structure(rng, depth - 1) for _ in range(rng.randint(0, 6))}


def random_yaml(rng: random.Random) -> bytes:
    """A random structure, shaped like a bank in part, as YAML (block, flow or mixed)."""
    data = _structure(rng, rng.randint(1, 7))
    if isinstance(data, dict) and rng.random() < 0.7:
        data = {"lunarquiz": 1, "id": "x", "title": "T", **data}
        data.setdefault("questions", [_structure(rng, 3) for _ in range(rng.randint(0, 4))])
    style = rng.choice([None, True, False])
    text = yaml.safe_dump(data, default_flow_style=style, allow_unicode=rng.random() < 0.5, width=rng.randint(20, 200))
    return (text_edits(rng, text) if rng.random() < 0.3 else text).encode("utf-8", "surrogatepass")


def random_json(rng: random.Random) -> bytes:
    """A random Open Trivia DB-like response."""
    results = []
    for _ in range(rng.randint(0, 4)):
        item = {
            key: _scalar(rng) if rng.random() < 0.3 else value
            for key, value in {
                "type": rng.choice(["multiple", "boolean", "Ym9vbGVhbg==", "text"]),
                "difficulty": rng.choice(["easy", "hard", "", "ZWFzeQ=="]),
                "category": str(_scalar(rng)),
                "question": str(_scalar(rng)),
                "correct_answer": rng.choice(["True", "False", str(_scalar(rng))]),
                "incorrect_answers": [str(_scalar(rng)) for _ in range(rng.randint(0, 3))],
            }.items()
            if rng.random() < 0.95
        }
        results.append(item)
    text = json.dumps(
        {"response_code": rng.choice([0, 0, 0, 1, "x"]), "results": results}, ensure_ascii=rng.random() < 0.5
    )
    return (text_edits(rng, text) if rng.random() < 0.3 else text).encode("utf-8", "surrogatepass")


def token_soup(rng: random.Random) -> bytes:
    """Tokens of every format, words and line breaks, in random order."""
    pieces = [rng.choice(TOKENS + WORDS + ["\n", "\n\n"]) for _ in range(rng.randint(1, 60))]
    return "".join(pieces).encode("utf-8", "surrogatepass")


def random_bytes(rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))


def random_text(rng: random.Random) -> bytes:
    return "".join(
        chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0, 0xD7FF)])) for _ in range(rng.randint(0, 200))
    ).encode()


def _words(rng: random.Random, awkward: float = 0.2) -> str:
    pieces = [rng.choice(TOKENS) if rng.random() < awkward else rng.choice(WORDS) for _ in range(rng.randint(1, 5))]
    return " ".join(pieces)


def edited_values(rng: random.Random) -> bytes:
    """The seed bank with some values replaced: plain, quoted with escapes, or awkward text."""
    lines = BANK.split("\n")
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(len(lines))
        key, colon, _ = lines[index].partition(": ")
        if not colon:
            continue
        value = _words(rng)
        style = rng.random()
        if style < 0.4:
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            escaped += rng.choice(["\\e[2J", "\\a", "\\x9b", "\\u202e", "\\t", "\\r", "\\0", "\\N", ""])
            value = f'"{escaped}"'
        elif style < 0.6:
            value = "'" + value.replace("'", "''") + "'"
        lines[index] = f"{key}: {value}"
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def random_bank(rng: random.Random) -> bytes:
    """A bank made from the model with random texts (controls and all), written by lunarquiz's own writer."""
    from lunarquiz.banks.writer import dump_bank
    from lunarquiz.core.model import Bank, Kind, Question

    questions = []
    for number in range(rng.randint(1, 5)):
        kind = rng.choice(list(Kind))
        answers: tuple[str, ...]
        wrong: tuple[str, ...]
        if kind is Kind.TRUE_FALSE:
            answers, wrong = rng.choice([(("True",), ("False",)), (("False",), ("True",))])
        else:
            choices = list(dict.fromkeys(_words(rng) for _ in range(rng.randint(2, 6))))
            split = 1 if kind is Kind.SINGLE else rng.randint(1, max(1, len(choices) - 1))
            answers, wrong = tuple(choices[:split]), tuple(choices[split:])
        feedback = tuple((choice, _words(rng)) for choice in answers + wrong if rng.random() < 0.3)
        questions.append(
            Question(
                id=f"q{number}",
                prompt=_words(rng, 0.4),
                kind=kind,
                answers=answers,
                wrong=wrong,
                explanation=_words(rng) if rng.random() < 0.5 else "",
                tags=tuple(dict.fromkeys(_words(rng) for _ in range(rng.randint(0, 2)))),
                time_limit=rng.choice([None, 10.0, 0.5, 3600.0]),
                shuffle=rng.random() < 0.8,
                feedback=feedback,
            )
        )
    bank = Bank(id="fuzz", title=_words(rng), questions=tuple(questions), description=_words(rng))
    text = dump_bank(bank)
    return (text_edits(rng, text) if rng.random() < 0.2 else text).encode("utf-8", "surrogatepass")
