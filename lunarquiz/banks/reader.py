"""Turn a bank's YAML node tree into a Bank of clean text, collecting every problem with its place."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lunarquiz.banks import format as fmt
from lunarquiz.banks.limits import MAX_PROBLEMS
from lunarquiz.banks.problems import Problem
from lunarquiz.banks.strict_yaml import MERGE_TAG, STANDARD_TAGS, position
from lunarquiz.core.model import DIFFICULTIES, TRUE_FALSE_CHOICES, Bank, Kind, Question
from lunarquiz.core.text import clean_text, unsafe_characters

_TAG = "tag:yaml.org,2002:"
_BOOL_WORDS = {"true": True, "false": False}
_NUMBER_TAGS = (_TAG + "int", _TAG + "float")

_MAX_HINT_OPTIONS = 50
_MAX_HINT_LENGTH = 200
"""Past these, a "did you mean" hint is not looked for (see ``_closest``)."""

Items = list[tuple[Node, str]]
"""Text values with the nodes they were read from."""


class _TooMany(Exception):
    """More than MAX_PROBLEMS errors: the bank cannot load, and listing more would help no one."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Reader:
    """Reads one bank's node tree; ``problems`` collects what is wrong.

    Each list and mapping is read once: with YAML aliases one node can sit in many
    places, and reading it again at each would let a small file cost exponential time
    (the alias itself is reported by the YAML layer).
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.hidden_warnings = 0
        """Warnings past MAX_PROBLEMS, counted but not listed."""
        self._errors = 0
        self._warnings = 0
        self._read: set[int] = set()
        self._reported: set[Problem] = set()

    # -- reporting -----------------------------------------------------------

    def error(self, node: Node, message: str, hint: str = "") -> None:
        if node.tag in STANDARD_TAGS:  # a node with a foreign tag is reported once, by the YAML layer
            self.report(Problem(*position(self.path, node), message, hint))

    def warn(self, node: Node, message: str, hint: str = "") -> None:
        self.report(Problem(*position(self.path, node), message, hint, "warning"))

    def report(self, problem: Problem) -> None:
        if problem in self._reported:  # an aliased node, met again, is not reported again
            return
        self._reported.add(problem)
        if problem.is_error:
            self._errors += 1
            if self._errors > MAX_PROBLEMS:
                raise _TooMany(problem)
        elif self._warnings >= MAX_PROBLEMS:
            self.hidden_warnings += 1
            return
        else:
            self._warnings += 1
        self.problems.append(problem)

    def error_count(self) -> int:
        return self._errors

    def first_visit(self, node: Node) -> bool:
        """Whether ``node`` is read here for the first time (else it is an alias of a node already read)."""
        if id(node) in self._read:
            return False
        self._read.add(id(node))
        return True

    # -- scalar readers (None when the value is wrong, after reporting it) ----

    def text(self, node: Node, what: str, *, allow_empty: bool = False) -> str | None:
        """A text value: quoted text exactly as written; numbers, dates and other plain values as written.

        Control and bidirectional characters (which only YAML escapes can make: raw ones
        are refused by the YAML layer) come back as visible symbols, with a warning.
        """
        if not isinstance(node, ScalarNode):
            self.error(node, f"{what} must be text, not {_shape(node)}", _quote_hint(node))
            return None
        if node.tag == _TAG + "bool":
            self.error(
                node, f"{what} {node.value!r} is read as true/false, not as text", f'put it in quotes: "{node.value}"'
            )
            return None
        value = "" if node.tag == _TAG + "null" else node.value if node.style else node.value.strip()
        if not value.strip() and not allow_empty:
            self.error(node, f"{what} is empty", "write a value after the colon")
            return None
        unsafe = unsafe_characters(value)
        if unsafe:
            self.warn(
                node,
                f"{what} holds {', '.join(unsafe[:3])}{' and more' if len(unsafe) > 3 else ''}: "
                "control or bidirectional characters, which lunarquiz shows as visible symbols",
                r"remove them; an escape like \e, \a, \x9b or \u202e in quotes makes one",
            )
        return clean_text(value)

    def identifier(self, node: Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is not None and not fmt.ID_PATTERN.fullmatch(value):
            self.error(
                node,
                f"{what} {value!r} is not a valid id",
                f"use lowercase letters, digits and dashes, like {fmt.make_id(value, 'my-id')!r}",
            )
            return None
        return value

    def number(self, node: Node, what: str) -> float | None:
        value: float | None = None
        if isinstance(node, ScalarNode) and node.tag in _NUMBER_TAGS:
            try:
                value = float(node.value.replace("_", ""))
            except ValueError:
                value = None
        if value is None:
            self.error(node, f"{what} must be a number of seconds", f"for example: {what}: 30")
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

    def text_list(self, node: Node, what: str, item_name: str) -> Items | None:
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} must be a list", f"for example: {what}: [first, second]")
            return None
        if not self.first_visit(node):
            return None
        items = []
        for item in node.value:
            value = self.text(item, item_name)
            if value is not None:
                items.append((item, value))
        return items

    def mapping(self, node: Node, what: str, known: Iterable[str]) -> dict[str, tuple[Node, Node]] | None:
        """The fields of a mapping by name (key node, value node); unknown names are reported."""
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a set of `name: value` fields, not {_shape(node)}")
            return None
        if not self.first_visit(node):
            return None
        names = tuple(known)
        fields: dict[str, tuple[Node, Node]] = {}
        seen: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                self.error(key, f"a field name in {what} must be text")
                continue
            if key.value in seen or key.tag == MERGE_TAG:
                continue  # a duplicate key or a merge key, reported by the YAML layer
            seen.add(key.value)
            if key.value not in names:
                close = _closest(key.value, names, 0.6)
                hint = f"did you mean {close!r}?" if close else "the fields are: " + ", ".join(names)
                self.error(key, f"unknown field {key.value!r} in {what}", hint)
                continue
            fields[key.value] = (key, value)
        return fields

    def missing(self, node: Node, fields: dict[str, tuple[Node, Node]], spec: Iterable[fmt.Field], what: str) -> None:
        for field in spec:
            if field.required and field.name not in fields:
                self.error(node, f"{what} has no {field.name!r} field", f"add `{field.example}`")

    # -- the bank --------------------------------------------------------------

    def bank(self, root: Node) -> Bank | None:
        if not isinstance(root, MappingNode):
            self.error(
                root,
                f"the file holds {_shape(root)}, but a bank is a set of `name: value` fields",
                "start with `lunarquiz: 1`, then `id:`, `title:` and `questions:`; `lunarquiz new` writes an example",
            )
            return None
        version = _field_node(root, "lunarquiz")
        if version is not None and not self.version(version):
            return None
        fields = self.mapping(root, "the bank", fmt.BANK_FIELDS)
        if fields is None:
            return None
        self.missing(root, fields, fmt.BANK_SPEC, "the bank")
        bank_id = self.identifier(fields["id"][1], "the bank id") if "id" in fields else None
        title = self.text(fields["title"][1], "the title") if "title" in fields else None
        notes = {
            name: self.text(fields[name][1], f"the {name}", allow_empty=True)
            for name in ("description", "language", "source")
            if name in fields
        }
        time_limit = self.number(fields["time_limit"][1], "time_limit") if "time_limit" in fields else None
        questions: list[Question] = []
        if "questions" in fields:
            questions = self.questions(fields["questions"][1], bank_id or "", time_limit)
        if self.error_count() or bank_id is None or title is None:
            return None
        return Bank(
            id=bank_id,
            title=title,
            questions=tuple(questions),
            description=notes.get("description") or "",
            language=notes.get("language") or "",
            source=notes.get("source") or "",
            time_limit=time_limit,
            path=self.path,
            tags=tuple(sorted({tag for question in questions for tag in question.tags})),
        )

    def version(self, node: Node) -> bool:
        """Check the format version; False when the bank is of a newer format, whose rules are unknown."""
        wanted = fmt.FORMAT_VERSION
        if isinstance(node, ScalarNode) and node.tag == _TAG + "int":
            number = _integer(node.value)
            if number == wanted:
                return True
            if number is not None and number > wanted:
                self.error(
                    node,
                    f"unsupported format version {number}: this lunarquiz reads format version {wanted}",
                    "the bank was written for a newer lunarquiz: upgrade lunarquiz to use it",
                )
                return False
        if isinstance(node, ScalarNode) and node.tag == _TAG + "str" and node.value.strip() == str(wanted):
            self.error(
                node, f"the format version must be the number {wanted}, not text", f"write `lunarquiz: {wanted}`"
            )
            return True
        shown = repr(node.value) if isinstance(node, ScalarNode) else _shape(node)
        self.error(node, f"unsupported format version {shown}", f"write `lunarquiz: {wanted}`")
        return True

    def questions(self, node: Node, bank_id: str, bank_limit: float | None) -> list[Question]:
        if isinstance(node, ScalarNode) and node.tag == _TAG + "null":
            self.error(node, "the bank has no questions", "list them under `questions:`, each starting `- id: ...`")
            return []
        if not isinstance(node, SequenceNode):
            self.error(node, "questions must be a list", "start each question with `- id: ...`")
            return []
        if not self.first_visit(node):
            return []
        if not node.value:
            self.error(node, "the bank has no questions", "add at least one question under `questions:`")
            return []
        questions: list[Question] = []
        first_id: dict[str, Node] = {}
        first_prompt: dict[str, Node] = {}
        for item in node.value:
            question = self.question(item, bank_id, bank_limit, first_id)
            if question is None:
                continue
            prompt_node = _field_node(item, "prompt") or item
            key = _normal(question.prompt)
            if first_prompt.get(key) is prompt_node:
                pass  # the same node again, through an alias (reported by the YAML layer)
            elif key in first_prompt:
                line = first_prompt[key].start_mark.line + 1
                self.warn(
                    prompt_node, f"the same prompt as the question on line {line}", "players cannot tell the two apart"
                )
            else:
                first_prompt[key] = prompt_node
            questions.append(question)
        return questions

    def question(
        self, node: Node, bank_id: str, bank_limit: float | None, first_id: dict[str, Node]
    ) -> Question | None:
        errors_before = self.error_count()
        fields = self.mapping(node, "a question", fmt.QUESTION_FIELDS)
        if fields is None:
            return None
        self.missing(node, fields, fmt.QUESTION_SPEC, "the question")
        qid = self.identifier(fields["id"][1], "the question id") if "id" in fields else None
        if qid is not None and qid in first_id:
            mark = first_id[qid].start_mark
            self.error(
                fields["id"][1],
                f"duplicate question id {qid!r}",
                f"the first {qid!r} is at line {mark.line + 1}, column {mark.column + 1}; ids must be unique in a bank",
            )
        elif qid is not None:
            first_id[qid] = fields["id"][1]
        label = f"question {qid!r}" if qid else "the question"
        prompt = self.text(fields["prompt"][1], "the prompt") if "prompt" in fields else None
        kind, right, wrong = self.choices(node, fields, label)
        explanation = (
            self.text(fields["explanation"][1], "the explanation", allow_empty=True) if "explanation" in fields else ""
        )
        source = self.text(fields["source"][1], "the source", allow_empty=True) if "source" in fields else ""
        difficulty = self.difficulty(fields["difficulty"][1]) if "difficulty" in fields else "medium"
        tags = self.text_list(fields["tags"][1], "tags", "a tag") if "tags" in fields else []
        time_limit = self.number(fields["time_limit"][1], "time_limit") if "time_limit" in fields else None
        shuffle = self.boolean(fields["shuffle"][1], "shuffle") if "shuffle" in fields else True
        if kind is Kind.TRUE_FALSE:
            answers, others = [right[0][1]], [choice for choice in TRUE_FALSE_CHOICES if choice != right[0][1]]
        else:
            answers, others = _unique(text for _, text in right), _unique(text for _, text in wrong)
        feedback = self.feedback(fields["feedback"][1], kind, answers + others) if "feedback" in fields else []
        self.question_warnings(
            node, fields, prompt, explanation, tags, [] if kind is Kind.TRUE_FALSE else right + wrong
        )
        if self.error_count() > errors_before or qid is None or prompt is None or kind is None:
            return None
        return Question(
            id=qid,
            prompt=prompt,
            kind=kind,
            answers=tuple(answers),
            wrong=tuple(others),
            bank_id=bank_id,
            explanation=explanation or "",
            difficulty=difficulty or "medium",
            tags=tuple(text for _, text in tags or []),
            source=source or "",
            time_limit=time_limit if time_limit is not None else bank_limit,
            shuffle=True if shuffle is None else shuffle,
            feedback=tuple(feedback),
        )

    def choices(self, node: Node, fields: dict[str, tuple[Node, Node]], label: str) -> tuple[Kind | None, Items, Items]:
        """The question's kind, right choices and wrong choices, with their nodes.

        For a true/false question the right choice is ``True`` or ``False``, with the
        node of the answer, and there are no wrong items.
        """
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
                "add `answer: ...` for one right choice or true/false, or `answers: [...]` for several",
            )
            return None, [], []
        answer_node = fields["answer"][1] if "answer" in fields else None
        if isinstance(answer_node, ScalarNode) and answer_node.tag == _TAG + "bool":
            return self.true_false(answer_node, fields, label)
        errors_before = self.error_count()
        wrong = self.text_list(fields["wrong"][1], "wrong", "a wrong choice") if "wrong" in fields else []
        if wrong is None:
            return None, [], []
        if answer_node is not None:
            if isinstance(answer_node, SequenceNode):
                self.error(
                    answer_node,
                    "the answer must be one choice, not a list",
                    "for several right choices, write `answers:` instead of `answer:`",
                )
                return None, [], []
            answer = self.text(answer_node, "the answer")
            if answer is None:
                return None, [], []
            kind, right = Kind.SINGLE, [(answer_node, answer)]
        else:
            listed = self.text_list(fields["answers"][1], "answers", "a right choice")
            if listed is None:
                return None, [], []
            if not listed:
                self.error(
                    fields["answers"][1], f"{label} lists no right answers", "put at least one choice in `answers:`"
                )
                return None, [], []
            kind, right = Kind.MULTIPLE, listed
        if self.error_count() > errors_before:
            return None, [], []  # a choice is wrong; counting the rest would only add a muddled error
        if len(right) + len(wrong) < 2:
            where = fields["wrong"][1] if "wrong" in fields else node
            self.error(where, f"{label} has fewer than two choices", "add wrong choices: `wrong: [..., ...]`")
            return None, [], []
        right_texts = {text for _, text in right}
        for item, text in wrong:
            if text in right_texts:
                self.error(
                    item,
                    f"the answer {text!r} is also listed among the wrong choices",
                    "a choice is either right or wrong; remove it from `wrong:`",
                )
        return kind, right, [(item, text) for item, text in wrong if text not in right_texts]

    def true_false(
        self, answer: ScalarNode, fields: dict[str, tuple[Node, Node]], label: str
    ) -> tuple[Kind | None, Items, Items]:
        if answer.value.lower() not in _BOOL_WORDS:
            self.error(
                answer,
                f"{answer.value!r} is ambiguous",
                f'write true or false for a true/false question, or put text in quotes: "{answer.value}"',
            )
            return None, [], []
        if "wrong" in fields:
            self.error(
                fields["wrong"][0],
                f"{label} is true/false, so it takes no 'wrong' choices",
                "remove `wrong:`, or put the answer in quotes to make it text",
            )
            return None, [], []
        right = TRUE_FALSE_CHOICES[0] if _BOOL_WORDS[answer.value.lower()] else TRUE_FALSE_CHOICES[1]
        return Kind.TRUE_FALSE, [(answer, right)], []

    def difficulty(self, node: Node) -> str | None:
        value = self.text(node, "the difficulty")
        if value is None:
            return None
        if value not in DIFFICULTIES:
            close = _closest(value.lower(), DIFFICULTIES, 0.5)
            hint = f"did you mean {close!r}?" if close else "use easy, medium or hard"
            self.error(node, f"unknown difficulty {value!r}", hint)
            return None
        return value

    def feedback(self, node: Node, kind: Kind | None, choices: list[str]) -> list[tuple[str, str]]:
        if not isinstance(node, MappingNode):
            self.error(
                node,
                "feedback must be a mapping from a choice to its text",
                'for example: feedback: {"NASA": "NASA is the US agency."}',
            )
            return []
        if not self.first_visit(node):
            return []
        pairs = []
        known = set(choices)
        for key, value in node.value:
            if kind is Kind.TRUE_FALSE and isinstance(key, ScalarNode) and key.value.lower() in _BOOL_WORDS:
                choice: str | None = TRUE_FALSE_CHOICES[0] if _BOOL_WORDS[key.value.lower()] else TRUE_FALSE_CHOICES[1]
            else:
                choice = self.text(key, "a feedback choice")
            text = self.text(value, "the feedback", allow_empty=True)
            if choice is None or text is None or kind is None:
                continue  # without a known set of choices, only the shape of the feedback can be checked
            if choice not in known:
                close = _closest(choice, choices, 0.6)
                self.error(
                    key,
                    f"feedback for {choice!r}, which is not one of the choices",
                    f"did you mean {close!r}?" if close else "write the choice exactly as in `answer:` or `wrong:`",
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
        tags: Items | None,
        choices: Items,
    ) -> None:
        """The doubts that ``--strict`` reports."""
        if not explanation:
            self.warn(
                node, "the question has no explanation", "players learn most from an explanation after they answer"
            )
        if tags is not None and not tags:
            self.warn(node, "the question has no tags", "tags let players pick a topic: tags: [topic]")
        if prompt and len(prompt) > fmt.LONG_PROMPT:
            self.warn(
                fields["prompt"][1],
                f"the prompt is very long ({len(prompt)} characters)",
                f"keep it under {fmt.LONG_PROMPT} so it fits a small terminal",
            )
        seen: dict[str, str] = {}
        for item, text in choices:
            if len(text) > fmt.LONG_CHOICE:
                self.warn(
                    item,
                    f"the choice is very long ({len(text)} characters)",
                    f"keep choices under {fmt.LONG_CHOICE} characters",
                )
            key = _normal(text)
            if key not in seen:
                seen[key] = text
            elif seen[key] == text:
                self.warn(item, f"the choice {text!r} is listed twice", "players would see it twice: remove one")
            else:
                self.warn(
                    item,
                    f"the choices {seen[key]!r} and {text!r} look the same",
                    "players cannot tell them apart: remove one or reword it",
                )


def _closest(word: str, options: Sequence[str], cutoff: float) -> str | None:
    """The option most like ``word``, for a "did you mean" hint; None when none is close.

    Comparing costs the product of the lengths, so a hostile file with thousands of long
    choices gets no hint rather than minutes of work.
    """
    if len(options) > _MAX_HINT_OPTIONS or len(word) > _MAX_HINT_LENGTH:
        return None
    close = difflib.get_close_matches(
        word, [option for option in options if len(option) <= _MAX_HINT_LENGTH], 1, cutoff
    )
    return close[0] if close else None


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _normal(text: str) -> str:
    """Text as a player compares it: case and runs of spaces ignored."""
    return " ".join(text.casefold().split())


def _integer(text: str) -> int | None:
    try:
        return int(text.replace("_", ""))
    except ValueError:
        return None


def _field_node(node: Node, name: str) -> Node | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == name:
                found: Node = value
                return found
    return None


def _shape(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == _TAG + "null":
        return "an empty value"
    return "a single value"


def _quote_hint(node: Node) -> str:
    if getattr(node, "flow_style", False):
        return "text that starts with [ or { must be in quotes"
    if isinstance(node, MappingNode):
        return 'text with ": " in it must be in quotes'
    return ""


def read_bank(path: str, root: Node) -> tuple[Bank | None, list[Problem]]:
    """The bank in ``root`` (None when it has errors) and every problem found, in file order."""
    reader = _Reader(path)
    try:
        bank = reader.bank(root)
    except _TooMany as stop:
        bank = None
        reader.problems.append(
            Problem(
                path,
                stop.problem.line,
                stop.problem.column,
                f"more than {MAX_PROBLEMS} errors: checking stopped here",
                "fix the errors listed and check again",
            )
        )
    if reader.hidden_warnings:
        reader.problems.append(
            Problem(path, 0, 0, f"{reader.hidden_warnings} more warnings are not listed", severity="warning")
        )
    problems = sorted(reader.problems, key=lambda p: (p.line, p.column))
    return bank, problems
