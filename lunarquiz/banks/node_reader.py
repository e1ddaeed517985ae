"""Read typed values (text, ids, numbers, lists, mappings) from a YAML node tree, reporting each problem."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lunarquiz.banks import format as fmt
from lunarquiz.banks.limits import MAX_PROBLEMS, TEXT_LIMITS
from lunarquiz.banks.problems import Problem, quote
from lunarquiz.banks.strict_yaml import MERGE_TAG, STANDARD_TAGS, position
from lunarquiz.core.text import clean_text, invisible_characters, is_blank, look_alike, unsafe_characters

TAG = "tag:yaml.org,2002:"
BOOL_WORDS = {"true": True, "false": False}
_NUMBER_TAGS = (TAG + "int", TAG + "float")

_MAX_HINT_OPTIONS = 50
_MAX_HINT_LENGTH = 200
"""Past these, a "did you mean" hint is not looked for (see ``closest``)."""

Items = list[tuple[Node, str]]
"""Text values with the nodes they were read from."""

_LIMIT_HINTS = {
    "prompt": "; a long text can be split over several questions",
    "choice": "; put the detail in the explanation",
    "id": ": lowercase letters, digits and dashes that name it",
}
"""What to add to "shorten it" when a text of this kind is too long."""


class TooManyProblems(Exception):
    """More than MAX_PROBLEMS errors: the bank cannot load, and listing more would help no one."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class NodeReader:
    """Reads values from one file's node tree with their places; ``problems`` collects what is wrong.

    Each list and mapping is read once: with YAML aliases one node can sit in many
    places, and reading it again at each would let a small file cost exponential time
    (the alias itself is reported by the YAML layer).
    """

    def __init__(self, path: str, *, check_characters: bool = True) -> None:
        self.path = path
        self.check_characters = check_characters
        """False when the file's text cannot make a control character (see ``core.text.may_make_unsafe``)."""
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
                raise TooManyProblems(problem)
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

    def text(self, node: Node, what: str, kind: str, *, allow_empty: bool = False) -> str | None:
        """A text value: quoted text exactly as written; numbers, dates and other plain values as written.

        ``kind`` names its length limit in ``limits.TEXT_LIMITS`` (``prompt``, ``choice``, ...).
        Control and bidirectional characters (which only YAML escapes can make: raw ones
        are refused by the YAML layer) come back as visible symbols, with a warning.
        """
        if not isinstance(node, ScalarNode):
            self.error(node, f"{what} must be text, not {shape(node)}", quote_hint(node))
            return None
        if node.tag == TAG + "bool":
            self.error(
                node,
                f"{what} {quote(node.value)} is read as true/false, not as text",
                f'put it in quotes: "{node.value}"',
            )
            return None
        value = "" if node.tag == TAG + "null" else node.value if node.style else node.value.strip()
        limit = TEXT_LIMITS[kind]
        if len(value) > limit:
            self.error(
                node,
                f"{what} is {len(value):,} characters long, over the limit of {limit:,}",
                f"shorten it to {limit:,} characters or fewer{_LIMIT_HINTS.get(kind, '')}",
            )
            return None
        if not allow_empty and (not value.strip() or (self.check_characters and is_blank(value))):
            self.error(node, *_empty(what, value))
            return None
        unsafe = unsafe_characters(value) if self.check_characters else None
        if unsafe:
            self.warn(
                node,
                f"{what} holds {', '.join(unsafe[:3])}{' and more' if len(unsafe) > 3 else ''}: "
                "control or bidirectional characters, which lunarquiz shows as visible symbols",
                r"remove them; an escape like \e, \a, \x9b or \u202e in quotes makes one",
            )
        return clean_text(value)

    def identifier(self, node: Node, what: str) -> str | None:
        value = self.text(node, what, "id")
        if value is not None and not fmt.ID_PATTERN.fullmatch(value):
            self.error(
                node,
                f"{what} {quote(value)} is not a valid id",
                f"use lowercase letters, digits and dashes, like {quote(fmt.make_id(value, 'my-id'))}",
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
        if isinstance(node, ScalarNode) and node.tag == TAG + "bool" and node.value.lower() in BOOL_WORDS:
            return BOOL_WORDS[node.value.lower()]
        self.error(node, f"{what} must be true or false")
        return None

    def text_list(self, node: Node, what: str, item_name: str, kind: str, *, most: int, too_many: str) -> Items | None:
        """A list of texts of ``kind``; a list of more than ``most`` is reported at the first item past it.

        ``too_many`` is the hint for that case; the items are then not read.
        """
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} must be a list", f"for example: {what}: [first, second]")
            return None
        if not self.first_visit(node):
            return None
        if len(node.value) > most:
            self.error(
                node.value[most], f"`{what}:` holds {len(node.value):,} items; at most {most:,} are allowed", too_many
            )
            return None
        items = []
        for item in node.value:
            value = self.text(item, item_name, kind)
            if value is not None:
                items.append((item, value))
        return items

    def mapping(self, node: Node, what: str, known: Iterable[str]) -> dict[str, tuple[Node, Node]] | None:
        """The fields of a mapping by name (key node, value node); unknown names are reported."""
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a set of `name: value` fields, not {shape(node)}")
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
                close = closest(key.value, names, 0.6)
                hint = f"did you mean {close!r}?" if close else "the fields are: " + ", ".join(names)
                self.error(key, f"unknown field {quote(key.value)} in {what}", hint)
                continue
            fields[key.value] = (key, value)
        return fields

    def missing(self, node: Node, fields: dict[str, tuple[Node, Node]], spec: Iterable[fmt.Field], what: str) -> None:
        for field in spec:
            if field.required and field.name not in fields:
                self.error(node, f"{what} has no {field.name!r} field", f"add `{field.example}`")


def closest(word: str, options: Sequence[str], cutoff: float) -> str | None:
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


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def normal(text: str) -> str:
    """Text as a player compares it: case, runs of spaces and characters that show nothing ignored."""
    return look_alike(text)


def _empty(what: str, value: str) -> tuple[str, str]:
    """The message and hint for a text that shows nothing: none at all, or only invisible characters."""
    if not value.strip():
        return f"{what} is empty", "write a value after the colon"
    found = invisible_characters(value)
    shown = ", ".join(found[:3]) + (" and more" if len(found) > 3 else "")
    return (
        f"{what} is empty: it holds only {shown}, which show nothing",
        "write the text itself; invisible characters often come with text pasted from the web",
    )


def integer(text: str) -> int | None:
    try:
        return int(text.replace("_", ""))
    except ValueError:
        return None


def field_node(node: Node, name: str) -> Node | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == name:
                found: Node = value
                return found
    return None


def shape(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == TAG + "null":
        return "an empty value"
    return "a single value"


def quote_hint(node: Node) -> str:
    if getattr(node, "flow_style", False):
        return "text that starts with [ or { must be in quotes"
    if isinstance(node, MappingNode):
        return 'text with ": " in it must be in quotes'
    return ""
