"""Parse YAML to a node tree with positions, refusing aliases, duplicate keys and custom tags."""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lunarquiz.banks.problems import Problem

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary")
)

_ANCHOR = re.compile(r"(?:^|[\s\[\{,:?-])&[^\s\[\]{},]")


def position(path: str, node: Node) -> tuple[str, int, int]:
    """The 1-based line and column at which ``node`` starts."""
    mark = node.start_mark
    return path, mark.line + 1, mark.column + 1


def has_aliases(problems: list[Problem]) -> bool:
    """Whether the problems include an alias (a tree with aliases must not be walked: it may be huge)."""
    return any("alias" in problem.message for problem in problems)


def parse(path: str, text: str) -> tuple[Node | None, list[Problem]]:
    """Compose ``text`` into a node tree; the problems list the YAML errors found.

    The tree is returned even with problems (duplicate keys, tags, aliases) so that
    more can be reported; callers must not walk it when ``has_aliases(problems)``.
    """
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = error.problem or error.context or "not valid YAML"
        context = error.context_mark
        if (
            error.context
            and context is not None
            and error.problem
            and (context.line, context.column) != (line - 1, column - 1)
        ):
            what = f"{what}, {error.context} that starts at line {context.line + 1}, column {context.column + 1}"
        return None, [Problem(path, line, column, f"YAML syntax: {what}", _syntax_hint(what))]
    except yaml.YAMLError as error:
        return None, [Problem(path, 0, 0, f"YAML syntax: {error}")]
    if root is None:
        return None, [Problem(path, 1, 1, "the file is empty", "start with `lunarquiz: 1`")]
    problems = list(_structure_problems(path, root))
    if problems or _ANCHOR.search(text):
        exact = _anchor_problems(path, text)
        if exact:
            problems = exact + [p for p in problems if "anchors and aliases" not in p.message]
    return root, problems


def _syntax_hint(what: str) -> str:
    if "mapping values are not allowed" in what:
        return 'put text that contains ": " in quotes'
    if "found character '\\t'" in what or "tab" in what:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in what:
        return "each field is `name: value` on its own line"
    return ""


def _structure_problems(path: str, root: Node) -> Iterator[Problem]:
    """Duplicate keys, reused (aliased) nodes and non-standard tags, in document order."""
    seen: set[int] = set()
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            yield Problem(
                *position(path, node), "YAML anchors and aliases are not allowed", "write the value out again"
            )
            continue
        seen.add(id(node))
        if node.tag not in STANDARD_TAGS:
            yield Problem(*position(path, node), f"YAML tag {node.tag!r} is not allowed", "remove the `!` tag")
            continue
        if isinstance(node, MappingNode):
            keys: dict[str, Node] = {}
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    first = keys.get(key.value)
                    if first is not None:
                        yield Problem(
                            *position(path, key),
                            f"duplicate key {key.value!r}",
                            f"the first {key.value!r} is on line {first.start_mark.line + 1}",
                        )
                    else:
                        keys[key.value] = key
                stack.append(value)
                stack.append(key)
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))


def _anchor_problems(path: str, text: str) -> list[Problem]:
    """Exact places of anchors and aliases, from the parser's events."""
    problems: list[Problem] = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            mark = event.start_mark
            anchor = getattr(event, "anchor", None)
            if mark is None or not anchor:
                continue
            if isinstance(event, yaml.AliasEvent):
                problems.append(
                    Problem(
                        path,
                        mark.line + 1,
                        mark.column + 1,
                        f"YAML alias *{anchor} is not allowed",
                        "write the value out again",
                    )
                )
            else:
                problems.append(
                    Problem(
                        path,
                        mark.line + 1,
                        mark.column + 1,
                        f"YAML anchor &{anchor} is not allowed",
                        "remove the anchor",
                    )
                )
    except yaml.YAMLError:
        pass
    return problems
