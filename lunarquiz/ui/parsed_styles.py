"""Textual's stylesheets, parsed once and kept in the cache folder: each start reads them back.

Textual parses every stylesheet it uses on every start: its own widgets' default styles
and lunarquiz's. Before the home screen's first frame that is about 11 ms of parsing (of
some 250 ms), and about as much again when a screen shows for the first time.
:class:`CachedStylesheet` is the app's stylesheet: it takes a source's parsed rules from
``<cache folder>/styles.cache`` when that file has them, and parses (and keeps) them
otherwise. Reading them back takes about a fifth of the time of parsing them.

A source's rules are found by a SHA-256 of everything they are parsed from: the CSS text,
where it was read from, its kind and scope, the theme's variables, Textual's CSS parser
files (their size and modification time) and Python's version. Anything else is parsed as
Textual always does. After a parse that found something new, the file is written again
(see :mod:`lunarquiz.cache_files`), holding the sources this run used, then earlier runs'
up to MAX_ENTRIES. A damaged, unreadable or foreign file, or an entry that no longer
loads, is ignored and rewritten; deleting the file is always safe.

Like the bank cache, the file is ``pickle`` data that only lunarquiz writes, in the user's
own cache folder: the checksum guards against damage, not against someone who can
already write to the user's files.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path

from textual.css import model, parse, styles, tokenize
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from lunarquiz.cache_files import read_sealed, write_sealed

FILE_NAME = "styles.cache"
MAX_ENTRIES = 500
"""Sources kept (a start uses 15 to 35); past this, those this run did not use are left out."""
_MAGIC = b"lunarquiz-styles-cache\n"


class CachedStylesheet(Stylesheet):
    """Textual's Stylesheet, with parsed rules kept in ``folder`` between runs (see the module's docstring)."""

    def __init__(self, *, variables: dict[str, str] | None = None, folder: Path | None = None) -> None:
        super().__init__(variables=variables)
        self._folder = folder
        self._stored: dict[bytes, bytes] | None = None  # read from the file when first needed
        self._used: dict[bytes, bytes | list[RuleSet]] = {}  # what this run used (new rules are pickled on saving)
        self._changed = False
        self._setting: bytes | None = None  # the part of every key that is the same for each source

    @classmethod
    def replacing(cls, stylesheet: Stylesheet, folder: Path | None) -> CachedStylesheet:
        """A stylesheet to use instead of a new app's ``stylesheet``, with the same (theme) variables.

        Taking them from it saves working out the theme's colours a second time (~2 ms).
        """
        if stylesheet.source:
            raise ValueError("only a stylesheet that has read nothing yet can be replaced")
        return cls(variables=stylesheet._variables, folder=folder)

    def parse(self) -> None:
        """Parse what changed (reading rules back where the file has them), and keep anything new."""
        super().parse()
        self.save()

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._setting = None

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        memory_key = (css, read_from, is_default_rules, tie_breaker, scope)
        if self._folder is None or memory_key in self._parse_cache:
            return super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        key = self._key(memory_key)
        stored = self._stored_entries().get(key)
        if stored is not None:
            try:
                rules: list[RuleSet] = pickle.loads(stored)
            except Exception:  # an entry that no longer loads: parse it again
                pass
            else:
                self._parse_cache[memory_key] = rules
                self._used[key] = stored
                return rules
        rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        self._used[key] = rules
        self._changed = True
        return rules

    def _key(self, memory_key: tuple[object, ...]) -> bytes:
        if self._setting is None:
            setting = repr((sorted(self._variables.items()), _parser_files(), sys.version_info[:2]))
            self._setting = hashlib.sha256(setting.encode("utf-8", "surrogatepass")).digest()
        return hashlib.sha256(self._setting + repr(memory_key).encode("utf-8", "surrogatepass")).digest()

    def _stored_entries(self) -> dict[bytes, bytes]:
        if self._stored is None:
            self._stored = _read(self._folder / FILE_NAME) if self._folder is not None else {}
        return self._stored

    def save(self) -> None:
        """Write the entries this run used, when it parsed anything new (a folder that cannot be written is no error).

        Called after every parse: a start that finds everything in the file writes nothing, and
        the first start keeps what it parsed even if it is cut short right after its first frame.
        """
        if self._folder is None or not self._changed:
            return
        self._changed = False
        entries: dict[bytes, bytes] = {}
        for key, rules in self._used.items():
            if isinstance(rules, bytes):
                entries[key] = rules
            else:
                with contextlib.suppress(Exception):  # rules that cannot be kept are parsed again next time
                    entries[key] = self._used[key] = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
        for key, stored in self._stored_entries().items():  # what other runs used (the home screen, a round)
            if len(entries) >= MAX_ENTRIES:
                break
            entries.setdefault(key, stored)
        write_sealed(self._folder / FILE_NAME, _MAGIC, pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))


def _parser_files() -> tuple[tuple[str, int, int], ...]:
    """Textual's CSS parser and rule classes as installed: path, size and modification time of each file.

    (Asking Textual for its version reads the package metadata: ~20 ms, more than the cache saves.)
    """
    found = []
    for module in (model, parse, styles, tokenize):
        path = module.__file__ or ""
        try:
            status = os.stat(path)
        except OSError:
            found.append((path, -1, -1))
        else:
            found.append((path, status.st_size, status.st_mtime_ns))
    return tuple(found)


def _read(path: Path) -> dict[bytes, bytes]:
    """The entries of the file at ``path``; none when it is missing, damaged or not one of ours."""
    body = read_sealed(path, _MAGIC)
    if body is None:
        return {}
    try:
        entries = pickle.loads(body)
    except Exception:  # whatever a damaged file raises: it is only a cache
        return {}
    if not isinstance(entries, dict) or not all(
        isinstance(key, bytes) and isinstance(value, bytes) for key, value in entries.items()
    ):
        return {}
    return entries
