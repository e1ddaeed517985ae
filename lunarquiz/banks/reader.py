"""Turn a bank's YAML node tree into a Bank of clean text, collecting every problem with its place."""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lunarquiz.banks import format as fmt
from lunarquiz.banks.limits import MAX_CHOICES, MAX_PROBLEMS, MAX_QUESTIONS, MAX_TAGS
from lunarquiz.banks.node_reader import (
    BOOL_WORDS,
    TAG,
    Items,
    NodeReader,
    TooManyProblems,
    closest,
    field_node,
    integer,
    normal,
    shape,
    unique,
)
from lunarquiz.banks.problems import QUOTE_LENGTH, Problem, look_the_same, quote
from lunarquiz.core.model import DIFFICULTIES, TRUE_FALSE_CHOICES, Bank, Kind, Question
from lunarquiz.core.text import on_screen

_TOO_MANY = f"a question has at most {MAX_CHOICES} choices, right and wrong: remove some, or split the question"
_TOO_MANY_TAGS = f"keep the {MAX_TAGS} tags that matter most"


class _BankReader(NodeReader):
    """Reads one bank: its fields, each question, and the rules that tie them together."""

    # -- the bank --------------------------------------------------------------

    def bank(self, root: Node) -> Bank | None:
        if not isinstance(root, MappingNode):
            self.error(
                root,
                f"the file holds {shape(root)}, but a bank is a set of `name: value` fields",
                "start with `lunarquiz: 1`, then `id:`, `title:` and `questions:`; `lunarquiz new` writes an example",
            )
            return None
        version = field_node(root, "lunarquiz")
        if version is not None and not self.version(version):
            return None
        fields = self.mapping(root, "the bank", fmt.BANK_FIELDS)
        if fields is None:
            return None
        self.missing(root, fields, fmt.BANK_SPEC, "the bank")
        bank_id = self.identifier(fields["id"][1], "the bank id") if "id" in fields else None
        title = self.text(fields["title"][1], "the title", "title") if "title" in fields else None
        notes = {
            name: self.text(fields[name][1], f"the {name}", name, allow_empty=True)
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
        if isinstance(node, ScalarNode) and node.tag == TAG + "int":
            number = integer(node.value) if len(node.value) <= QUOTE_LENGTH else None  # else quoted, cut, below
            if number == wanted:
                return True
            if number is not None and number > wanted:
                self.error(
                    node,
                    f"unsupported format version {number}: this lunarquiz reads format version {wanted}",
                    "the bank was written for a newer lunarquiz: upgrade lunarquiz to use it",
                )
                return False
        if isinstance(node, ScalarNode) and node.tag == TAG + "str" and node.value.strip() == str(wanted):
            self.error(
                node, f"the format version must be the number {wanted}, not text", f"write `lunarquiz: {wanted}`"
            )
            return True
        shown = quote(node.value) if isinstance(node, ScalarNode) else shape(node)
        self.error(node, f"unsupported format version {shown}", f"write `lunarquiz: {wanted}`")
        return True

    def questions(self, node: Node, bank_id: str, bank_limit: float | None) -> list[Question]:
        if isinstance(node, ScalarNode) and node.tag == TAG + "null":
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
        if len(node.value) > MAX_QUESTIONS:
            self.error(
                node.value[MAX_QUESTIONS],
                f"the bank holds {len(node.value):,} questions; at most {MAX_QUESTIONS:,} are allowed, "
                "and this is the first one past the limit",
                f"split the bank into several files of at most {MAX_QUESTIONS:,} questions, by topic for example",
            )
            return []
        questions: list[Question] = []
        first_id: dict[str, Node] = {}
        first_prompt: dict[str, Node] = {}
        for item in node.value:
            question = self.question(item, bank_id, bank_limit, first_id)
            if question is None:
                continue
            prompt_node = field_node(item, "prompt") or item
            key = normal(question.prompt)
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
                f"duplicate question id {quote(qid)}",
                f"the first {quote(qid)} is at line {mark.line + 1}, column {mark.column + 1}; ids must be unique in a bank",
            )
        elif qid is not None:
            first_id[qid] = fields["id"][1]
        label = f"question {quote(qid)}" if qid else "the question"
        prompt = self.text(fields["prompt"][1], "the prompt", "prompt") if "prompt" in fields else None
        kind, right, wrong = self.choices(node, fields, label)
        explanation = (
            self.text(fields["explanation"][1], "the explanation", "explanation", allow_empty=True)
            if "explanation" in fields
            else ""
        )
        source = self.text(fields["source"][1], "the source", "source", allow_empty=True) if "source" in fields else ""
        difficulty = self.difficulty(fields["difficulty"][1]) if "difficulty" in fields else "medium"
        tags = (
            self.text_list(fields["tags"][1], "tags", "a tag", "tag", most=MAX_TAGS, too_many=_TOO_MANY_TAGS)
            if "tags" in fields
            else []
        )
        time_limit = self.number(fields["time_limit"][1], "time_limit") if "time_limit" in fields else None
        shuffle = self.boolean(fields["shuffle"][1], "shuffle") if "shuffle" in fields else True
        if kind is Kind.TRUE_FALSE:
            answers, others = [right[0][1]], [choice for choice in TRUE_FALSE_CHOICES if choice != right[0][1]]
        else:
            answers, others = unique(text for _, text in right), unique(text for _, text in wrong)
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
        if isinstance(answer_node, ScalarNode) and answer_node.tag == TAG + "bool":
            return self.true_false(answer_node, fields, label)
        errors_before = self.error_count()
        wrong = (
            self.text_list(
                fields["wrong"][1], "wrong", "a wrong choice", "choice", most=MAX_CHOICES, too_many=_TOO_MANY
            )
            if "wrong" in fields
            else []
        )
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
            answer = self.text(answer_node, "the answer", "choice")
            if answer is None:
                return None, [], []
            kind, right = Kind.SINGLE, [(answer_node, answer)]
        else:
            listed = self.text_list(
                fields["answers"][1], "answers", "a right choice", "choice", most=MAX_CHOICES, too_many=_TOO_MANY
            )
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
        if len(right) + len(wrong) > MAX_CHOICES:
            self.error(
                [*right, *wrong][MAX_CHOICES][0],
                f"{label} has {len(right) + len(wrong)} choices ({len(right)} right, {len(wrong)} wrong); "
                f"at most {MAX_CHOICES} are allowed, and this is the first one past the limit",
                _TOO_MANY,
            )
            return None, [], []
        if len(right) + len(wrong) < 2:
            where = fields["wrong"][1] if "wrong" in fields else node
            self.error(where, f"{label} has fewer than two choices", "add wrong choices: `wrong: [..., ...]`")
            return None, [], []
        right_texts = {text for _, text in right}
        for item, text in wrong:
            if text in right_texts:
                self.error(
                    item,
                    f"the answer {quote(text)} is also listed among the wrong choices",
                    "a choice is either right or wrong; remove it from `wrong:`",
                )
        self.same_on_screen(right + wrong)
        return kind, right, [(item, text) for item, text in wrong if text not in right_texts]

    def same_on_screen(self, choices: Items) -> None:
        """An error at each choice written differently from an earlier one but shown exactly like it.

        They differ only in characters that draw nothing (a zero-width space or joiner, a soft
        hyphen) or in how an accent is encoded, so no player could tell them apart.
        """
        first: dict[str, str] = {}
        for item, text in choices:
            shown = first.setdefault(on_screen(text), text)
            if shown != text:
                self.error(
                    item,
                    look_the_same(shown, text),
                    "they differ only in characters that show nothing (here as \\u escapes) or in how an accent "
                    "is encoded: remove the invisible characters, or reword one choice",
                )

    def true_false(
        self, answer: ScalarNode, fields: dict[str, tuple[Node, Node]], label: str
    ) -> tuple[Kind | None, Items, Items]:
        if answer.value.lower() not in BOOL_WORDS:
            self.error(
                answer,
                f"{quote(answer.value)} is ambiguous",
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
        right = TRUE_FALSE_CHOICES[0] if BOOL_WORDS[answer.value.lower()] else TRUE_FALSE_CHOICES[1]
        return Kind.TRUE_FALSE, [(answer, right)], []

    def difficulty(self, node: Node) -> str | None:
        value = self.text(node, "the difficulty", "difficulty")
        if value is None:
            return None
        if value not in DIFFICULTIES:
            close = closest(value.lower(), DIFFICULTIES, 0.5)
            hint = f"did you mean {quote(close)}?" if close else "use easy, medium or hard"
            self.error(node, f"unknown difficulty {quote(value)}", hint)
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
        if len(node.value) > MAX_CHOICES:
            self.error(
                node.value[MAX_CHOICES][0],
                f"feedback for {len(node.value):,} choices; a question has at most {MAX_CHOICES}",
                "write feedback only for the question's choices",
            )
            return []
        pairs = []
        known = set(choices)
        for key, value in node.value:
            if kind is Kind.TRUE_FALSE and isinstance(key, ScalarNode) and key.value.lower() in BOOL_WORDS:
                choice: str | None = TRUE_FALSE_CHOICES[0] if BOOL_WORDS[key.value.lower()] else TRUE_FALSE_CHOICES[1]
            else:
                choice = self.text(key, "a feedback choice", "choice")
            text = self.text(value, "the feedback", "feedback", allow_empty=True)
            if choice is None or text is None or kind is None:
                continue  # without a known set of choices, only the shape of the feedback can be checked
            if choice not in known:
                close = closest(choice, choices, 0.6)
                self.error(
                    key,
                    f"feedback for {quote(choice)}, which is not one of the choices",
                    f"did you mean {quote(close)}?"
                    if close
                    else "write the choice exactly as in `answer:` or `wrong:`",
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
            key = normal(text)
            if key not in seen:
                seen[key] = text
            elif on_screen(seen[key]) == on_screen(text) != text:
                pass  # the same on screen, written differently: an error (see same_on_screen)
            elif seen[key] == text:
                self.warn(item, f"the choice {quote(text)} is listed twice", "players would see it twice: remove one")
            else:
                self.warn(
                    item,
                    f"the choices {quote(seen[key])} and {quote(text)} look the same",
                    "players cannot tell them apart: remove one or reword it",
                )


def read_bank(path: str, root: Node, *, check_characters: bool = True) -> tuple[Bank | None, list[Problem]]:
    """The bank in ``root`` (None when it has errors) and every problem found, in file order.

    ``check_characters=False`` skips looking for control characters value by value (when
    ``core.text.may_make_unsafe`` says the file's text cannot make any).
    """
    reader = _BankReader(path, check_characters=check_characters)
    try:
        bank = reader.bank(root)
    except TooManyProblems as stop:
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
