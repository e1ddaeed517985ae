"""Parse YAML to a node tree with positions, refusing aliases, duplicate keys, custom tags and deep nesting."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lunarquiz.banks.limits import MAX_DEPTH, MAX_NODES, MAX_PROBLEMS, MAX_TEXT_CHARACTERS
from lunarquiz.banks.problems import Problem, quote

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_TAG = "tag:yaml.org,2002:"
STANDARD_TAGS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "value")
)
"""The tags a bank may use; ``value`` is what YAML 1.1 makes of a lone ``=``, which banks read as text."""

MERGE_TAG = _TAG + "merge"
"""The tag of a ``<<`` merge key, which banks refuse."""

ALIAS_MESSAGES = ("YAML alias ", "YAML anchors and aliases ")
"""How the messages about aliases begin."""

_NOT_PRINTABLE = re.compile(r"[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character YAML does not allow in a file."""

_COLLECTION_ENDS = frozenset({yaml.SequenceEndEvent, yaml.MappingEndEvent})
_COLLECTION_STARTS = frozenset({yaml.SequenceStartEvent, yaml.MappingStartEvent})
_NODE_EVENTS = _COLLECTION_STARTS | {yaml.ScalarEvent, yaml.AliasEvent}


def position(path: str, node: Node) -> tuple[str, int, int]:
    """The 1-based line and column at which ``node`` starts."""
    mark = node.start_mark
    return path, mark.line + 1, mark.column + 1


def has_aliases(problems: list[Problem]) -> bool:
    """Whether the problems include an alias (the tree then shares nodes, so walk it with care)."""
    return any(problem.message.startswith(ALIAS_MESSAGES) for problem in problems)


def parse(path: str, text: str) -> tuple[Node | None, list[Problem]]:
    """Compose ``text`` into a node tree; the problems list the YAML errors found.

    A first pass over the parser's events, which holds no more than one event at a
    time, refuses a file nested deeper than MAX_DEPTH or holding more than MAX_NODES
    values or MAX_TEXT_CHARACTERS characters of text before any tree is built, and finds
    every anchor and alias. The tree is returned even with problems (duplicate keys, tags, aliases) so that more can be
    reported. With aliases, one node may sit in many places: a walker must visit each
    node once, or a small file can cost exponential time.
    """
    scan = _scan(path, text)
    if scan.refusal is not None:
        return None, [scan.refusal]
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, error)]
    except yaml.reader.ReaderError as error:
        return None, [_character_problem(path, text, error)]
    except yaml.YAMLError as error:  # pragma: no cover - every YAML error PyYAML raises is one of the above
        return None, [Problem(path, 0, 0, f"YAML syntax: {error}")]
    except RecursionError:  # pragma: no cover - the scan refuses deep files first
        return None, [_too_deep(path, 0, 0)]
    if root is None:
        return None, [Problem(path, 1, 1, "the file is empty", "start with `lunarquiz: 1`, or run `lunarquiz new`")]
    problems = list(itertools.islice(_structure_problems(path, root, shared=bool(scan.anchors)), MAX_PROBLEMS + 1))
    if len(problems) > MAX_PROBLEMS:
        last = problems.pop()
        stop = f"more than {MAX_PROBLEMS} YAML errors: the rest are not listed"
        problems.append(Problem(path, last.line, last.column, stop, "fix the errors listed and check again"))
    if scan.anchors:
        problems = scan.anchors + [p for p in problems if not p.message.startswith(ALIAS_MESSAGES)]
    return root, problems


@dataclass
class _Scan:
    """What the first pass found: a reason to read no further, and the anchors and aliases."""

    refusal: Problem | None = None
    anchors: list[Problem] = field(default_factory=list)


def _scan(path: str, text: str) -> _Scan:
    """Count values and depth from the parser's events, one at a time; stop at the first limit passed.

    A YAML error ends the scan quietly: composing the text reports it, with the same place
    (but libyaml's own depth limit is reported at the first level past MAX_DEPTH).
    The parser is driven directly (no generator) and places are worked out only for a
    problem: this pass sees every event of the file.
    """
    scan = _Scan()
    depth = nodes = characters = 0
    parser = _Loader(text)
    next_event = parser.get_event
    try:
        while True:
            event = next_event()
            kind = type(event)
            if kind in _COLLECTION_ENDS:
                depth -= 1
                continue
            if kind not in _NODE_EVENTS:
                if kind is yaml.StreamEndEvent or event is None:
                    break
                continue
            nodes += 1
            if kind is yaml.ScalarEvent:
                characters += len(event.value)
                if characters > MAX_TEXT_CHARACTERS:
                    scan.refusal = _too_much_text(path, *_place(event))
                    return scan
            elif kind in _COLLECTION_STARTS:
                depth += 1
                if depth > MAX_DEPTH:
                    scan.refusal = _too_deep(path, *_place(event))
                    return scan
            if nodes > MAX_NODES:
                scan.refusal = Problem(
                    path,
                    *_place(event),
                    f"the file holds more than {MAX_NODES:,} values (texts, lists and mappings); this is the next one",
                    "10,000 questions of 4 choices take about 214,000: split the bank into several files",
                )
                return scan
            if event.anchor is None:
                continue
            if kind is yaml.AliasEvent:
                message, hint = f"YAML alias *{event.anchor} is not allowed", "write the value out again"
            else:
                message, hint = f"YAML anchor &{event.anchor} is not allowed", "remove the anchor"
            scan.anchors.append(Problem(path, *_place(event), message, hint))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        if _libyaml_too_deep(error) and mark is not None and 0 < mark.index < len(text):
            # libyaml met its own limit (1,000 levels) while looking ahead, before it gave the
            # event of the first level too deep: scan the text up to there, where that event is.
            scan.refusal = _scan(path, text[: mark.index]).refusal
    finally:
        parser.dispose()
    return scan


def _libyaml_too_deep(error: yaml.YAMLError) -> bool:
    """Whether ``error`` is libyaml's own nesting limit."""
    problem = getattr(error, "problem", None)
    return isinstance(problem, str) and "maximum nesting depth" in problem


def _too_much_text(path: str, line: int, column: int) -> Problem:
    return Problem(
        path,
        line,
        column,
        f"the file holds more than {MAX_TEXT_CHARACTERS:,} characters of text; this value passes the limit",
        f"split the bank into several files (at most {MAX_TEXT_CHARACTERS:,} characters each)",
    )


def _place(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def _too_deep(path: str, line: int, column: int) -> Problem:
    return Problem(
        path,
        line,
        column,
        f"YAML syntax: lists and mappings are nested more than {MAX_DEPTH} levels deep here",
        "a bank needs 5 levels at most (bank, questions, question, choices, text): look for a [ or { never closed",
    )


def _syntax_problem(path: str, error: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error at YAML's own position, with the place of what it was reading."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    if error.problem and "maximum nesting depth" in error.problem:  # libyaml's own limit, met while looking ahead
        return _too_deep(path, line, column)
    if error.context and "single document" in error.context:
        return Problem(
            path,
            line,
            column,
            "YAML syntax: a bank file holds one YAML document, but a second one starts here",
            "remove the `---` line, or put the second bank in a file of its own",
        )
    what = error.problem or error.context or "not valid YAML"
    context = error.context_mark
    if (
        error.context
        and error.problem
        and context is not None
        and (context.line + 1, context.column + 1) != (line, column)
    ):
        what = f"{what}, {error.context} that starts at line {context.line + 1}, column {context.column + 1}"
    return Problem(path, line, column, f"YAML syntax: {what}", _syntax_hint(what))


def _character_problem(path: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML does not allow (a control character, say), at its line and column."""
    found = _NOT_PRINTABLE.search(text)
    # libyaml counts bytes, not characters: find the character itself when we can.
    at = found.start() if found else min(error.position, len(text))
    before = text[:at]
    line = before.count("\n") + 1
    column = at - (before.rfind("\n") + 1) + 1
    code = ord(found.group()) if found else error.character if isinstance(error.character, int) else 0
    return Problem(
        path,
        line,
        column,
        f"the file holds the control character U+{code:04X}, which YAML does not allow",
        "delete it; it is often invisible, so retype the text around it",
    )


def _syntax_hint(what: str) -> str:
    if "mapping values are not allowed" in what:
        return 'put text that contains ": " in quotes'
    if "found character '\\t'" in what or "tab character" in what:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in what:
        return "each field is `name: value` on its own line"
    if "while scanning a quoted scalar" in what:
        return "close the quotes; inside double quotes write a quote as \\\", inside single quotes as ''"
    if "while parsing a flow" in what:
        return "close the brackets; text with a comma, [ or { in it must be in quotes"
    if "did not find expected '-' indicator" in what or "expected <block end>" in what:
        return "line the fields of each question up under its `id:`"
    if "found character '@'" in what or "found character '`'" in what:
        return "text that starts with @ or ` must be in quotes"
    return ""


def _structure_problems(path: str, root: Node, *, shared: bool = True) -> Iterator[Problem]:
    """Duplicate keys, reused (aliased) nodes, merge keys and non-standard tags; each node is visited once.

    ``shared=False`` says the file has no anchor, so no node can sit in two places and
    the walk need not remember the nodes it has seen.
    """
    seen: set[int] = set()
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if shared:
            if id(node) in seen:
                yield Problem(
                    *position(path, node), "YAML anchors and aliases are not allowed", "write the value out again"
                )
                continue
            seen.add(id(node))
        if node.tag == MERGE_TAG:
            yield Problem(*position(path, node), "YAML merge keys (<<) are not allowed", "write the fields out in full")
            continue
        if node.tag not in STANDARD_TAGS:
            yield Problem(*position(path, node), f"YAML tag {_tag_name(node.tag)} is not allowed", "remove the `!` tag")
            continue
        if isinstance(node, MappingNode):
            keys: dict[str, Node] = {}
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    first = keys.get(key.value)
                    if first is not None:
                        mark = first.start_mark
                        yield Problem(
                            *position(path, key),
                            f"duplicate key {quote(key.value)}",
                            f"the first {quote(key.value)} is at line {mark.line + 1}, column {mark.column + 1}; keep one",
                        )
                    else:
                        keys[key.value] = key
                stack.append(value)
                stack.append(key)
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))


def _tag_name(tag: str) -> str:
    """A tag as written: ``!!python/object`` rather than its full ``tag:yaml.org,2002:`` form."""
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
