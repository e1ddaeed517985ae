"""Questions written as each format's text: bank YAML (with a small emitter of its own), GIFT, Aiken, CSV, Open Trivia DB.

The writers are deliberately loose: they write what they are given, blank texts, repeated
choices, raw numbers and all, with quoting chosen at random, so that a reader meets what
people's files hold and not only what lunarquiz would write.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True, slots=True)
class Raw:
    """A YAML or JSON scalar written exactly as given: ``1e400``, ``.nan``, a 5,000-digit number."""

    text: str


Node = Union[str, Raw, "list[Node]", "Pairs"]


@dataclass(frozen=True, slots=True)
class Pairs:
    """A YAML mapping as key, value pairs: keys may repeat."""

    items: tuple[tuple[str, Node], ...]


@dataclass(slots=True)
class Draft:
    """One question to write: its texts, and fields a YAML bank adds as they are."""

    prompt: str
    answers: list[str]
    wrong: list[str]
    id: str | None = None
    extra: list[tuple[str, Node]] = field(default_factory=list)


# -- bank YAML -------------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_ ?.()'-]*")
_YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf"}


def scalar(value: str, rng: random.Random | None = None) -> str:
    """``value`` as one YAML scalar: plain when that reads back as the same text, else quoted."""
    style = rng.random() if rng is not None else 1.0
    plain_ok = _PLAIN.fullmatch(value) is not None and value.lower() not in _YAML_WORDS and not value.endswith(" ")
    if plain_ok and style > 0.15:
        return value
    if style < 0.1 and value.isprintable():
        return "'" + value.replace("'", "''") + "'"
    return double_quoted(value, ascii_only=style < 0.5)


def double_quoted(value: str, *, ascii_only: bool = False) -> str:
    """``value`` as a YAML double-quoted scalar: every character that YAML refuses raw, escaped."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() and (code < 0x80 or not ascii_only) and not 0xD800 <= code <= 0xDFFF:
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return "".join(out) + '"'


def emit(node: Node, rng: random.Random | None = None, indent: int = 0) -> str:
    """``node`` as block YAML (lists of short scalars in flow style now and then), ending in a newline."""
    out: list[str] = []
    _emit(node, rng, indent, out)
    return "".join(out)


def _inline(node: Node, rng: random.Random | None) -> str | None:
    if isinstance(node, Raw):
        return node.text
    if isinstance(node, str):
        return scalar(node, rng)
    if isinstance(node, list) and not node:
        return "[]"
    if isinstance(node, Pairs) and not node.items:
        return "{}"
    if isinstance(node, list):
        flat = all(isinstance(item, str | Raw) for item in node)
        if flat and (rng is None or rng.random() < 0.5 or len(node) > 50):
            return "[" + ", ".join(_inline(item, rng) or "" for item in node) + "]"
    return None


def _emit(node: Node, rng: random.Random | None, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(node, Pairs):
        for key, value in node.items:
            shown = _inline(value, rng)
            if shown is not None:
                out.append(f"{pad}{scalar(key)}: {shown}\n")
            else:
                out.append(f"{pad}{scalar(key)}:\n")
                _emit(value, rng, indent + 2, out)
    elif isinstance(node, list):
        for item in node:
            shown = _inline(item, rng)
            if shown is not None:
                out.append(f"{pad}- {shown}\n")
            else:
                inner: list[str] = []
                _emit(item, rng, indent + 2, inner)
                first = "".join(inner)
                out.append(f"{pad}- {first[indent + 2 :]}" if first.startswith(pad + "  ") else f"{pad}-\n{first}")
    else:
        out.append(f"{pad}{_inline(node, rng)}\n")


def question_node(draft: Draft, number: int) -> Pairs:
    """A question of a bank: ``answer`` or ``answers`` as the draft has one or more right choices."""
    items: list[tuple[str, Node]] = [("id", draft.id if draft.id is not None else f"q{number}")]
    items.append(("prompt", draft.prompt))
    if len(draft.answers) == 1:
        items.append(("answer", draft.answers[0]))
    else:
        items.append(("answers", list[Node](draft.answers)))
    items.append(("wrong", list[Node](draft.wrong)))
    items += draft.extra
    return Pairs(tuple(items))


def bank_yaml(
    drafts: Iterable[Draft],
    rng: random.Random | None = None,
    *,
    version: Node = Raw("1"),
    bank_id: Node = "fuzz",
    extra: Iterable[tuple[str, Node]] = (),
) -> str:
    """A bank file holding ``drafts``."""
    questions = [question_node(draft, number) for number, draft in enumerate(drafts, 1)]
    head = Pairs((("lunarquiz", version), ("id", bank_id), ("title", "Fuzz"), *extra))
    return emit(head, rng) + "questions:\n" + (emit(list[Node](questions), rng, 2) if questions else "  []\n")


# -- GIFT, Aiken, CSV, Open Trivia DB -------------------------------------------------------------

_GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")


def gift_escape(value: str) -> str:
    return _GIFT_SPECIAL.sub(r"\\\1", value).replace("\n", "\\n")


def gift(drafts: Iterable[Draft], rng: random.Random | None = None) -> str:
    """GIFT: ``::name:: prompt {=right ~wrong}``, with weights when several choices are right."""
    blocks = []
    escape = gift_escape if rng is None or rng.random() < 0.9 else (lambda value: value)
    for draft in drafts:
        name = f"::{escape(draft.id)}:: " if draft.id is not None else ""
        if len(draft.answers) > 1:
            share = f"{100 / len(draft.answers):.5f}".rstrip("0").rstrip(".")
            choices = [f"~%{share}%{escape(a)}" for a in draft.answers] + [f"~%-100%{escape(w)}" for w in draft.wrong]
        else:
            choices = [f"={escape(a)}" for a in draft.answers] + [f"~{escape(w)}" for w in draft.wrong]
        blocks.append(f"{name}{escape(draft.prompt)} {{{' '.join(choices)}}}\n")
    return "\n".join(blocks)


def aiken_label(index: int) -> str:
    """A, B, ... Z, then AA, AB, ...: Aiken has 26 labels, so past Z the file is wrong on purpose."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def aiken(drafts: Iterable[Draft], rng: random.Random | None = None) -> str:
    """Aiken: the prompt, ``A) choice`` lines, ``ANSWER: A``; the right choice at a random place."""
    blocks = []
    for draft in drafts:
        choices = [*draft.answers[:1], *draft.wrong]
        if rng is not None and len(choices) > 1:
            rng.shuffle(choices)
        right = choices.index(draft.answers[0]) if draft.answers else 0
        separator = ")" if rng is None or rng.random() < 0.7 else "."
        lines = [draft.prompt.replace("\n", " ")]
        lines += [f"{aiken_label(i)}{separator} {choice.replace(chr(10), ' ')}" for i, choice in enumerate(choices)]
        lines.append(f"ANSWER: {aiken_label(right)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def csv_text(drafts: list[Draft], rng: random.Random | None = None) -> str:
    """CSV with a header naming as many ``answerN`` and ``wrongN`` columns as the widest question needs."""
    rights = max((len(d.answers) for d in drafts), default=1)
    wrongs = max((len(d.wrong) for d in drafts), default=1)
    header = ["id", "prompt", "answer", *(f"answer{n}" for n in range(2, rights + 1))]
    header += [f"wrong{n}" for n in range(1, wrongs + 1)]
    delimiter = "," if rng is None else rng.choice([",", ",", ";", "\t"])
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for draft in drafts:
        row = [draft.id or "", draft.prompt, *draft.answers, *[""] * (rights - len(draft.answers)), *draft.wrong]
        writer.writerow(row)
    return buffer.getvalue()


def opentdb(drafts: Iterable[Draft], raw: dict[str, str] | None = None, *, code: str = "0") -> str:
    """An Open Trivia DB response; ``raw`` puts a number exactly as written in place of some fields (``"__x__"``)."""
    results = []
    for draft in drafts:
        boolean = sorted([*draft.answers[:1], *draft.wrong]) == ["False", "True"]
        results.append(
            {
                "type": "boolean" if boolean else "multiple",
                "difficulty": "medium",
                "category": "Fuzz",
                "question": draft.prompt,
                "correct_answer": draft.answers[0] if draft.answers else "",
                "incorrect_answers": draft.wrong,
            }
        )
    text = '{"response_code": ' + code + ', "results": ' + json.dumps(results, indent=None) + "}"
    for placeholder, number in (raw or {}).items():
        text = text.replace(json.dumps(placeholder), number)
    return text
