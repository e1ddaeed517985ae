"""Turn a bank's YAML node tree into a Bank, collecting every problem with its place."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lunarquiz.banks import format as fmt
from lunarquiz.banks.problems import Problem
from lunarquiz.banks.strict_yaml import position
from lunarquiz.core.model import DIFFICULTIES, Bank, Kind, Question

_TAG = "tag:yaml.org,2002:"
_BOOL_WORDS = {"true": True, "false": False}
_NUMBER_TAGS = (_TAG + "int", _TAG + "float")


class _Reader:
    """Reads one bank's node tree; ``problems`` collects what is wrong."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    # -- reporting -----------------------------------------------------------

    def error(self, node: Node, message: str, hint: str = "") -> None:
        self.problems.append(Problem(*position(self.path, node), message, hint))

    def warn(self, node: Node, message: str, hint: str = "") -> None:
        self.problems.append(Problem(*position(self.path, node), message, hint, "warning"))

    # -- scalar readers (None when the value is wrong, after reporting it) ----

    def text(self, node: Node, what: str, *, allow_empty: bool = False) -> str | None:
        """A text value; numbers and other plain scalars are taken as written."""
        if not isinstance(node, ScalarNode):
            self.error(node, f"{what} must be text, not a {_shape(node)}", _quote_hint(node))
            return None
        if node.tag == _TAG + "null" and not node.value:
            if allow_empty:
                return ""
            self.error(node, f"{what} is empty", "write a value after the colon")
            return None
        value: str = node.value if node.style else node.value.strip()
        if not value.strip() and not allow_empty:
            self.error(node, f"{what} is empty", "write a value after the colon")
            return None
        return value

    def identifier(self, node: Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is not None and not fmt.ID_PATTERN.fullmatch(value):
            self.error(
                node, f"{what} {value!r} is not a valid id", "use lowercase letters, digits and dashes, like ilrs-name"
            )
            return None
        return value

    def number(self, node: Node, what: str) -> float | None:
        if not isinstance(node, ScalarNode) or node.tag not in _NUMBER_TAGS:
            self.error(node, f"{what} must be a number of seconds", "for example: time_limit: 30")
            return None
        try:
            value = float(node.value.replace("_", ""))
        except ValueError:
            self.error(node, f"{what} must be a number of seconds", "for example: time_limit: 30")
            return None
        if not 0 < value <= fmt.MAX_TIME_LIMIT:
            self.error(node, f"{what} must be more than 0 and at most {fmt.MAX_TIME_LIMIT:g} seconds")
            return None
        return value

    def boolean(self, node: Node, what: str) -> bool | None:
        if isinstance(node, ScalarNode) and node.tag == _TAG + "bool" and node.value.lower() in _BOOL_WORDS:
            return _BOOL_WORDS[node.value.lower()]
        self.error(node, f"{what} must be true or false")
        return None

    def text_list(self, node: Node, what: str) -> list[tuple[Node, str]] | None:
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} must be a list", f"for example: {what}: [first, second]")
            return None
        items = []
        for item in node.value:
            value = self.text(item, f"an item of {what}")
            if value is not None:
                items.append((item, value))
        return items

    def mapping(self, node: Node, what: str, known: Iterable[str]) -> dict[str, tuple[Node, Node]]:
        """The fields of a mapping by name (key node, value node); unknown names are reported."""
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping of fields, not a {_shape(node)}")
            return {}
        names = tuple(known)
        fields: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                self.error(key, f"a field name in {what} must be text")
                continue
            if key.value in fields:
                continue  # a duplicate key, reported by the YAML layer
            if key.value not in names:
                close = difflib.get_close_matches(key.value, names, n=1, cutoff=0.6)
                hint = f"did you mean {close[0]!r}?" if close else "known fields: " + ", ".join(names)
                self.error(key, f"unknown field {key.value!r} in {what}", hint)
                continue
            fields[key.value] = (key, value)
        return fields

    # -- the bank --------------------------------------------------------------

    def bank(self, root: Node) -> Bank | None:
        fields = self.mapping(root, "the bank", fmt.BANK_FIELDS)
        if not isinstance(root, MappingNode):
            return None
        for name in fmt.REQUIRED_BANK_FIELDS:
            if name not in fields:
                example = {"lunarquiz": "lunarquiz: 1", "id": "id: my-bank", "title": "title: My bank"}.get(
                    name, "questions:"
                )
                self.error(root, f"the bank has no {name!r} field", f"add `{example}`")
        version = fields.get("lunarquiz")
        if version is not None:
            node = version[1]
            if not (
                isinstance(node, ScalarNode) and node.tag == _TAG + "int" and node.value == str(fmt.FORMAT_VERSION)
            ):
                self.error(
                    node,
                    f"unsupported format version {node.value if isinstance(node, ScalarNode) else '?'}",
                    f"this lunarquiz reads format version {fmt.FORMAT_VERSION}: write `lunarquiz: {fmt.FORMAT_VERSION}`",
                )
        bank_id = self.identifier(fields["id"][1], "the bank id") if "id" in fields else None
        title = self.text(fields["title"][1], "the title") if "title" in fields else None
        optional = {
            name: self.text(fields[name][1], f"the {name}", allow_empty=True)
            for name in ("description", "language", "source")
            if name in fields
        }
        time_limit = self.number(fields["time_limit"][1], "time_limit") if "time_limit" in fields else None
        questions: list[Question] = []
        if "questions" in fields:
            questions = self.questions(fields["questions"][1], bank_id or "", time_limit)
        if any(problem.is_error for problem in self.problems) or bank_id is None or title is None:
            return None
        return Bank(
            id=bank_id,
            title=title,
            questions=tuple(questions),
            description=optional.get("description") or "",
            language=optional.get("language") or "",
            source=optional.get("source") or "",
            time_limit=time_limit,
            path=self.path,
            tags=tuple(sorted({tag for question in questions for tag in question.tags})),
        )

    def questions(self, node: Node, bank_id: str, bank_limit: float | None) -> list[Question]:
        if not isinstance(node, SequenceNode):
            self.error(node, "questions must be a list", "start each question with `- id: ...`")
            return []
        if not node.value:
            self.error(node, "the bank has no questions", "add at least one question under `questions:`")
            return []
        questions: list[Question] = []
        first_id: dict[str, Node] = {}
        first_prompt: dict[str, Node] = {}
        for item in node.value:
            id_node = _field_node(item, "id")
            if isinstance(id_node, ScalarNode) and id_node.value in first_id:
                line = first_id[id_node.value].start_mark.line + 1
                self.error(
                    id_node,
                    f"duplicate question id {id_node.value!r}",
                    f"the first {id_node.value!r} is on line {line}; ids must be unique in a bank",
                )
            elif isinstance(id_node, ScalarNode):
                first_id[id_node.value] = id_node
            question = self.question(item, bank_id, bank_limit)
            if question is None:
                continue
            prompt_node = _field_node(item, "prompt") or item
            key = " ".join(question.prompt.lower().split())
            if key in first_prompt:
                line = first_prompt[key].start_mark.line + 1
                self.warn(
                    prompt_node, f"the same prompt as the question on line {line}", "players cannot tell the two apart"
                )
            else:
                first_prompt[key] = prompt_node
            questions.append(question)
        return questions

    def question(self, node: Node, bank_id: str, bank_limit: float | None) -> Question | None:
        errors_before = sum(1 for problem in self.problems if problem.is_error)
        fields = self.mapping(node, "a question", fmt.QUESTION_FIELDS)
        if not isinstance(node, MappingNode):
            return None
        for name in fmt.REQUIRED_QUESTION_FIELDS:
            if name not in fields:
                self.error(node, f"the question has no {name!r} field", f"add `{name}: ...`")
        qid = self.identifier(fields["id"][1], "the question id") if "id" in fields else None
        label = f"question {qid!r}" if qid else "the question"
        prompt = self.text(fields["prompt"][1], "the prompt") if "prompt" in fields else None
        kind, answers, wrong = self.choices(node, fields, label)
        explanation = (
            self.text(fields["explanation"][1], "the explanation", allow_empty=True) if "explanation" in fields else ""
        )
        source = self.text(fields["source"][1], "the source", allow_empty=True) if "source" in fields else ""
        difficulty = self.difficulty(fields["difficulty"][1]) if "difficulty" in fields else "medium"
        tags = [value for _, value in self.text_list(fields["tags"][1], "tags") or []] if "tags" in fields else []
        time_limit = self.number(fields["time_limit"][1], "time_limit") if "time_limit" in fields else None
        shuffle = self.boolean(fields["shuffle"][1], "shuffle") if "shuffle" in fields else True
        feedback = (
            self.feedback(fields["feedback"][1], answers + wrong if kind is not Kind.TRUE_FALSE else ["True", "False"])
            if "feedback" in fields
            else ()
        )
        self.question_warnings(node, fields, prompt, explanation, tags, answers + wrong)
        errors_after = sum(1 for problem in self.problems if problem.is_error)
        if errors_after > errors_before or qid is None or prompt is None or kind is None:
            return None
        return Question(
            id=qid,
            prompt=prompt,
            kind=kind,
            answers=tuple(answers),
            wrong=tuple(wrong),
            bank_id=bank_id,
            explanation=explanation or "",
            difficulty=difficulty or "medium",
            tags=tuple(tags),
            source=source or "",
            time_limit=time_limit if time_limit is not None else bank_limit,
            shuffle=True if shuffle is None else shuffle,
            feedback=tuple(feedback),
        )

    def choices(
        self, node: Node, fields: dict[str, tuple[Node, Node]], label: str
    ) -> tuple[Kind | None, list[str], list[str]]:
        """The question's kind, right choices and wrong choices."""
        if "answer" in fields and "answers" in fields:
            self.error(
                fields["answers"][0],
                f"{label} has both 'answer' and 'answers'",
                "use `answer:` for one right choice, `answers:` for several",
            )
            return None, [], []
        if "answer" not in fields and "answers" not in fields:
            self.error(
                node,
                f"{label} has no answer",
                "add `answer: ...` (one right choice, or true/false) or `answers: [...]` (several)",
            )
            return None, [], []
        wrong_items = self.text_list(fields["wrong"][1], "wrong") if "wrong" in fields else []
        if wrong_items is None:
            return None, [], []
        if "answer" in fields:
            answer_node = fields["answer"][1]
            if isinstance(answer_node, ScalarNode) and answer_node.tag == _TAG + "bool":
                if answer_node.value.lower() not in _BOOL_WORDS:
                    self.error(
                        answer_node,
                        f"{answer_node.value!r} is ambiguous",
                        'write true or false for a true/false question, or put text in quotes: "yes"',
                    )
                    return None, [], []
                if "wrong" in fields:
                    self.error(
                        fields["wrong"][0],
                        f"{label} is true/false, so it takes no 'wrong' choices",
                        "remove `wrong:` or make the answer text",
                    )
                    return None, [], []
                right = "True" if _BOOL_WORDS[answer_node.value.lower()] else "False"
                return Kind.TRUE_FALSE, [right], ["False" if right == "True" else "True"]
            answer = self.text(answer_node, "the answer")
            if answer is None:
                return None, [], []
            kind, right_items = Kind.SINGLE, [(answer_node, answer)]
        else:
            listed = self.text_list(fields["answers"][1], "answers")
            if listed is None:
                return None, [], []
            if not listed:
                self.error(
                    fields["answers"][1], f"{label} lists no right answers", "put at least one choice in `answers:`"
                )
                return None, [], []
            kind, right_items = Kind.MULTIPLE, listed
        if len(right_items) + len(wrong_items) < 2:
            where = fields["wrong"][1] if "wrong" in fields else node
            self.error(where, f"{label} has fewer than two choices", "add wrong choices: `wrong: [..., ...]`")
            return None, [], []
        right_texts = {text for _, text in right_items}
        for item, text in wrong_items:
            if text in right_texts:
                self.error(
                    item,
                    f"the answer {text!r} is also listed among the wrong choices",
                    "a choice is either right or wrong; remove it from `wrong:`",
                )
        seen: set[str] = set()
        for item, text in right_items + wrong_items:
            if text in seen and not (text in right_texts and (item, text) in wrong_items):
                self.warn(item, f"the choice {text!r} is listed twice", "remove the repeated choice")
            seen.add(text)
        return (
            kind,
            _unique(text for _, text in right_items),
            _unique(text for _, text in wrong_items if text not in right_texts),
        )

    def difficulty(self, node: Node) -> str | None:
        value = self.text(node, "the difficulty")
        if value is None:
            return None
        if value not in DIFFICULTIES:
            close = difflib.get_close_matches(value, DIFFICULTIES, n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}?" if close else "use easy, medium or hard"
            self.error(node, f"unknown difficulty {value!r}", hint)
            return None
        return value

    def feedback(self, node: Node, choices: list[str]) -> list[tuple[str, str]]:
        if not isinstance(node, MappingNode):
            self.error(
                node,
                "feedback must be a mapping from a choice to its text",
                'for example: feedback: {"NASA": "NASA is the US agency."}',
            )
            return []
        pairs = []
        for key, value in node.value:
            choice = self.text(key, "a feedback choice")
            text = self.text(value, "the feedback", allow_empty=True)
            if choice is None or text is None:
                continue
            if choice not in choices:
                close = difflib.get_close_matches(choice, choices, n=1, cutoff=0.6)
                self.error(
                    key,
                    f"feedback for {choice!r}, which is not one of the choices",
                    f"did you mean {close[0]!r}?" if close else "",
                )
                continue
            pairs.append((choice, text))
        return pairs

    def question_warnings(
        self,
        node: Node,
        fields: dict[str, tuple[Node, Node]],
        prompt: str | None,
        explanation: str | None,
        tags: list[str],
        choices: list[str],
    ) -> None:
        """The doubts that ``--strict`` reports."""
        if not explanation:
            self.warn(
                node, "the question has no explanation", "players learn most from an explanation after they answer"
            )
        if not tags:
            self.warn(node, "the question has no tags", "tags let players pick a topic: tags: [topic]")
        if prompt and len(prompt) > fmt.LONG_PROMPT:
            self.warn(
                fields["prompt"][1],
                f"the prompt is very long ({len(prompt)} characters)",
                f"keep it under {fmt.LONG_PROMPT} so it fits a small terminal",
            )
        for choice in choices:
            if len(choice) > fmt.LONG_CHOICE:
                self.warn(
                    node,
                    f"a choice is very long ({len(choice)} characters)",
                    f"keep choices under {fmt.LONG_CHOICE} characters",
                )


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _field_node(node: Node, name: str) -> Node | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == name:
                found: Node = value
                return found
    return None


def _shape(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "mapping"
    if isinstance(node, SequenceNode):
        return "list"
    return "value"


def _quote_hint(node: Node) -> str:
    if isinstance(node, MappingNode):
        return 'text with ": " in it must be in quotes'
    return ""


def read_bank(path: str, root: Node) -> tuple[Bank | None, list[Problem]]:
    """The bank in ``root`` (None when it has errors) and every problem found, in file order."""
    reader = _Reader(path)
    bank = reader.bank(root)
    problems = sorted(reader.problems, key=lambda p: (p.line, p.column))
    return bank, problems
