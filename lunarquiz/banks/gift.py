"""Read GIFT, Moodle's plain-text question format: the questions lunarquiz can play, a warning for each other.

The rules follow Moodle's own reader (question/format/gift/format.php): a blank line
ends a question; a line starting with ``//`` is a comment; ``::name::`` names the
question; ``{...}`` holds the answers, and text after it makes a missing-word question;
``\\~ \\= \\# \\{ \\} \\: \\\\ \\n`` are escapes; ``[html]``, ``[markdown]``, ``[plain]`` and
``[moodle]`` before a text are format markers, dropped here. ``$CATEGORY: a/b`` makes the
tags ``a`` and ``b`` of the questions after it, and ``[tag:x]`` in a question's comment
(Moodle 3.6 and later) adds the tag ``x``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lunarquiz.banks.importers import Imported, Reader, shorten, slug, unique
from lunarquiz.core.model import TRUE_FALSE_CHOICES, Kind, Question

BLANK = "_____"
"""What stands in a missing-word prompt where the answer goes."""

_PROTECTED = {"\\": "\ufdd0", "~": "\ufdd1", "=": "\ufdd2", "#": "\ufdd3", "{": "\ufdd4", "}": "\ufdd5", ":": "\ufdd6"}
_PROTECTED["n"] = "\ufdd7"
"""Escaped characters, held as Unicode noncharacters while the text is taken apart."""
_ESCAPE = re.compile(r"\\([\\~=#{}:n])")
_RESTORE = str.maketrans({held: ("\n" if char == "n" else char) for char, held in _PROTECTED.items()})
_STRAY = str.maketrans(dict.fromkeys(_PROTECTED.values(), "\ufffd"))

_FORMATS = ("moodle", "html", "plain", "markdown")
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d*)?)%")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_COMMENT_TAG = re.compile(r"\[tag:((?:\\\]|[^\]\x00-\x1f])+)\]")
_CONTEXT = re.compile(r"\$\w*\$")
"""A Moodle context in a category path, like ``$course$``."""


@dataclass
class _Block:
    """The lines of one question (between blank lines), comments apart."""

    lines: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    """The line number of each of ``lines``."""
    comments: list[str] = field(default_factory=list)


_Made = tuple[Kind, tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]
"""A question's kind, right choices, wrong choices and feedback."""


@dataclass
class _Choice:
    text: str
    weight: float
    feedback: str


def read_gift(path: str, text: str) -> Imported:
    """The playable questions in GIFT ``text``; problems name the line each question starts on."""
    reader = _GiftReader(path)
    for block in _blocks(text.translate(_STRAY)):
        reader.block(block)
    return Imported(tuple(reader.questions), tuple(reader.problems), reader.skipped)


def _blocks(text: str) -> list[_Block]:
    """The questions' blocks: runs of lines between blank lines, each line stripped as Moodle does."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = raw.strip()
        if not line:
            current = None
            continue
        if current is None:
            current = _Block()
            blocks.append(current)
        if line.startswith("//"):
            current.comments.append(line)
        else:
            current.lines.append(line)
            current.numbers.append(number)
    return [block for block in blocks if block.lines]


def _clean(raw: str) -> str:
    """A piece of GIFT text as shown: format marker dropped, escapes resolved, ends trimmed."""
    text = raw.strip()
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in _FORMATS:
            text = text[end + 1 :]
    return text.translate(_RESTORE).strip()


class _GiftReader(Reader):
    """Turns blocks into questions, remembering the current category."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.category_tags: list[str] = []

    def block(self, block: _Block) -> None:
        text = _ESCAPE.sub(lambda match: _PROTECTED[match.group(1)], "\n".join(block.lines))
        line = block.numbers[0]
        if text.startswith("$CATEGORY:"):
            category, _, text = text.partition("\n")
            self.category_tags = _category_tags(category.removeprefix("$CATEGORY:"))
            if not text.strip():
                return
            line = block.numbers[1]
        self.question(line, text.strip(), _comment_tags(block.comments))

    def question(self, line: int, text: str, comment_tags: list[str]) -> None:
        name = ""
        if text.startswith("::"):
            text = text[2:]
            end = text.find("::")
            if end >= 0:
                name, text = text[:end].translate(_RESTORE).strip(), text[end + 2 :].strip()
        start, finish = text.find("{"), text.find("}")
        if start < 0 and finish < 0:
            self.skip(line, f'skipped description "{shorten(_clean(text))}"', "it has no answers in { }", warning=True)
            return
        if start < 0 or finish < start:
            self.skip(
                line,
                "the braces { } around the answers do not match",
                "a blank line ends a question in GIFT; write \\{ or \\} for a brace in the text",
            )
            return
        answer_text = text[start + 1 : finish].strip()
        blank = "" if text.endswith("}") else BLANK  # text after the answers: a missing-word question
        prompt = _clean(text[:start] + blank + text[finish + 1 :])
        explanation = ""
        general = answer_text.rfind("####")
        if general >= 0:
            explanation = _clean(answer_text[general + 4 :])
            answer_text = answer_text[:general].strip()
        kind = _kind(answer_text)
        if kind not in ("multiple-choice", "true/false"):
            hint = ""
            if answer_text.upper() in _TRUE_FALSE and answer_text not in _TRUE_FALSE:
                hint = "a true/false answer is written in capitals: {T}, {TRUE}, {F} or {FALSE}"
            self.skip(line, f'skipped {kind} question "{shorten(prompt)}"', hint, warning=True)
            return
        if not prompt:
            self.skip(line, "the question has no text before its answers", "write the question, then { answers }")
            return
        made = _true_false(answer_text) if kind == "true/false" else self.multiple_choice(line, prompt, answer_text)
        if made is None:
            self.skipped += 1
            return
        tags = unique([*self.category_tags, *comment_tags])
        question = Question(
            id=self.ids.for_name(name, prompt) if name else self.ids.for_prompt(prompt),
            prompt=prompt,
            kind=made[0],
            answers=made[1],
            wrong=made[2],
            explanation=explanation,
            tags=tuple(tags),
            feedback=made[3],
        )
        self.keep(line, question)

    def multiple_choice(self, line: int, prompt: str, answer_text: str) -> _Made | None:
        """``{=right ~wrong}`` (one right), or ``{~%50%right ~%50%right ~wrong}`` (several right, by weight)."""
        single = "=" in answer_text
        parts = answer_text.replace("=", "~=").split("~")
        if not parts[0].strip():
            parts = parts[1:]
        choices: list[_Choice] = []
        for part in parts:
            part = part.strip()
            weight = 0.0
            if part.startswith("="):
                weight, part = 100.0, part[1:]
            elif match := _WEIGHT.match(part):
                weight, part = float(match.group(1)), part[match.end() :]
            choice_text, _, feedback = part.partition("#")
            choices.append(_Choice(_clean(choice_text), weight, _clean(feedback)))
        label = f'"{shorten(prompt)}"'
        if len(choices) < 2:
            self.report(line, f"the question {label} has fewer than two choices", "add choices: {=right ~wrong}")
            return None
        if any(not choice.text for choice in choices):
            self.report(line, f"the question {label} has an empty choice", "write text after each = or ~")
            return None
        if single:
            right = [choice for choice in choices if choice.weight >= 100]
            if len(right) > 1:
                self.report(
                    line,
                    f"skipped multiple-choice question {label}: {len(right)} choices are each fully right",
                    "lunarquiz plays one right choice, or several that must all be picked (~%50% weights)",
                    warning=True,
                )
                return None
            for choice in choices:
                if 0 < choice.weight < 100:
                    self.report(
                        line,
                        f'in {label}, "{shorten(choice.text, 40)}" earns {choice.weight:g}% in Moodle; '
                        "lunarquiz counts it as wrong",
                        warning=True,
                    )
        else:
            right = [choice for choice in choices if choice.weight > 0]
        if not right:
            self.report(
                line,
                f"the question {label} has no right choice",
                "mark the right choice with =, or give right choices a positive weight like ~%50%",
            )
            return None
        return self.sorted_choices(line, label, single, right, choices)

    def sorted_choices(
        self, line: int, label: str, single: bool, right: list[_Choice], choices: list[_Choice]
    ) -> _Made | None:
        """The kind, right and wrong choices and feedback; None (reported) when a choice is both right and wrong."""
        right_texts = unique([choice.text for choice in right])
        wrong_texts = unique([choice.text for choice in choices if all(choice is not r for r in right)])
        both = [text for text in wrong_texts if text in right_texts]
        if both:
            self.report(line, f'in {label}, "{shorten(both[0], 40)}" is both a right and a wrong choice')
            return None
        if len(right_texts) + len(wrong_texts) < len(choices):
            self.report(line, f"in {label}, a choice is written twice; it is imported once", warning=True)
        if len(right_texts) + len(wrong_texts) < 2:
            self.report(line, f"the question {label} has fewer than two different choices")
            return None
        feedback: dict[str, str] = {}
        for choice in choices:
            if choice.feedback:
                feedback.setdefault(choice.text, choice.feedback)
        kind = Kind.SINGLE if single else Kind.MULTIPLE
        return kind, tuple(right_texts), tuple(wrong_texts), tuple(feedback.items())


def _true_false(answer_text: str) -> _Made:
    """``{T}``, ``{FALSE#feedback when True is picked#feedback when False is picked}``."""
    bits = answer_text.split("#", 2)
    truth = _TRUE_FALSE[bits[0].strip()]
    wrong_feedback = _clean(bits[1]) if len(bits) > 1 else ""
    right_feedback = _clean(bits[2]) if len(bits) > 2 else ""
    right, other = TRUE_FALSE_CHOICES if truth else TRUE_FALSE_CHOICES[::-1]
    said = {right: right_feedback, other: wrong_feedback}
    feedback = tuple((choice, said[choice]) for choice in TRUE_FALSE_CHOICES if said[choice])
    return Kind.TRUE_FALSE, (right,), (other,), feedback


def _kind(answer_text: str) -> str:
    """The GIFT question type of an answer section, decided in Moodle's order."""
    if not answer_text:
        return "essay"
    if answer_text.startswith("#"):
        return "numerical"
    if "~" in answer_text:
        return "multiple-choice"
    if "=" in answer_text and "->" in answer_text:
        return "matching"
    before_feedback = answer_text.split("#", 1)[0].strip() if answer_text.find("#") > 0 else answer_text
    return "true/false" if before_feedback in _TRUE_FALSE else "short-answer"


def _category_tags(path: str) -> list[str]:
    """Tags from a category path: ``$course$/top/Space/History`` gives ``space`` and ``history``."""
    tags = []
    for part in path.translate(_RESTORE).split("/"):
        name = part.strip()
        if not name or _CONTEXT.fullmatch(name) or name.lower() == "top" or name.startswith("Default for "):
            continue
        made = slug(name)
        if made:
            tags.append(made)
    return unique(tags)


def _comment_tags(comments: list[str]) -> list[str]:
    """Tags written as ``[tag:name]`` in the question's comment lines."""
    found = _COMMENT_TAG.findall("\n".join(comments))
    return unique([tag.replace("\\]", "]").strip() for tag in found if tag.strip()])
