"""A cache of checked bank files, so that a bank already checked loads without parsing its YAML again.

Each bank file has one entry in ``<cache folder>/banks/``, named after the file's absolute
path (so an edited bank replaces its entry instead of adding one). An entry is used only
when it was written for the same content (a SHA-256 of the file's bytes), the same bank
format version, cache schema, lunarquiz version, Python version and validator source
files; otherwise the file is checked again and the entry rewritten. An entry holds the
checking result (the bank and every problem, warnings included) as plain tuples in
``marshal`` form, behind a checksum: marshal loads about as fast as ``pickle``, writes
about twice as fast (``python -m benchmarks`` prints both) and runs no code while it
loads. An entry is written to a temporary file and moved into place, so a reader never
sees half an entry.

Only files that lunarquiz itself wrote, in the user's own cache folder, are ever loaded:
``marshal`` (like ``pickle``) is not meant for data from elsewhere. The checksum guards
against damage (a torn write, a bad disk), not against someone who can already write to
the user's files. Deleting the cache folder is always safe, and a cache folder that cannot
be written only makes loading slower. The folder keeps the MAX_ENTRIES entries used last.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any, cast

from lunarquiz import __version__
from lunarquiz.banks import format as fmt
from lunarquiz.banks.loader import Checked, check_text, decode, read_limited
from lunarquiz.banks.problems import Problem
from lunarquiz.cache_files import read_sealed, write_sealed
from lunarquiz.core.model import Bank, Kind, Question

CACHE_SCHEMA = 2
"""The layout of an entry; raise it whenever the layout changes (2: questions stored field by field)."""

MAX_ENTRIES = 256
"""Entries kept; past this, writing one removes those used longest ago (banks under test come and go)."""

_LEFTOVER_AGE = 3600.0
"""Seconds after which a temporary file is a crashed writer's leftover."""

_MAGIC = b"lunarquiz-bank-cache\n"
_BANK_FIELDS = tuple(field.name for field in fields(Bank))
_QUESTION_FIELDS = tuple(field.name for field in fields(Question))
_PROBLEM_FIELDS = tuple(field.name for field in fields(Problem))
_BANK_PATH = _BANK_FIELDS.index("path")
_BANK_QUESTIONS = _BANK_FIELDS.index("questions")
_QUESTION_KIND = _QUESTION_FIELDS.index("kind")
_PROBLEM_PATH = _PROBLEM_FIELDS.index("path")
_KINDS = {kind.value: kind for kind in Kind}
_QUESTION_SLOTS = (
    tuple(getattr(Question, name) for name in _QUESTION_FIELDS)
    if getattr(Question, "__slots__", None) == _QUESTION_FIELDS and not hasattr(Question, "__post_init__")
    else None
)
"""Question's slot descriptors in field order, when its fields are exactly its slots and nothing runs after
``__init__``: then a question can be filled in slot by slot (else it is built with ``Question(...)``)."""
_PACKAGE = Path(__file__).resolve().parent.parent
_VALIDATOR_FOLDERS = (_PACKAGE / "banks", _PACKAGE / "core")
"""The folders whose code decides what checking a bank finds (their files are looked at, not imported)."""


def cache_folder() -> Path:
    """The folder of the bank entries: ``banks/`` in lunarquiz's cache folder."""
    from lunarquiz.paths import cache_dir

    return cache_dir() / "banks"


def cache_key() -> tuple[object, ...]:
    """What, besides a file's content, an entry must have been written with to be used.

    The validator's source files are in it (size and time of change of every module in
    ``banks/`` and ``core/``), so that a checkout whose validator changed does not trust
    what an older validator decided.
    """
    return (
        CACHE_SCHEMA,
        fmt.FORMAT_VERSION,
        __version__,
        sys.version_info[:2],
        marshal.version,
        _BANK_FIELDS,
        _QUESTION_FIELDS,
        _PROBLEM_FIELDS,
        _validator_sources(),
    )


def _validator_sources() -> tuple[tuple[str, int, int], ...]:
    """Each module of the validator's folders, with its size and time of change."""
    found = []
    for folder in _VALIDATOR_FOLDERS:
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".py"):
                        stat = entry.stat()
                        found.append((f"{folder.name}/{entry.name}", stat.st_size, stat.st_mtime_ns))
        except OSError:
            continue
    return tuple(sorted(found))


def entry_path(folder: Path, path: str | Path) -> Path:
    """Where the entry of the bank file ``path`` lives in ``folder``."""
    name = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogateescape")).hexdigest()
    return folder / f"{name[:40]}.bank"


def check_file_cached(path: str | Path, folder: Path | None = None, *, max_bytes: int | None = None) -> Checked:
    """What ``loader.check_file(path, max_bytes=...)`` finds, from the cache when it holds this very content.

    ``folder`` is the cache folder (default: :func:`cache_folder`). The file is read once,
    within the loader's size limit, and the bytes that were hashed are the bytes checked.
    """
    name = str(path)
    data, unread = read_limited(path, max_bytes)
    if data is None:
        return Checked(name, None, tuple(unread))
    digest = hashlib.sha256(data).digest()
    entry = entry_path(folder or cache_folder(), path)
    key = cache_key()
    with _collector_paused():  # thousands of small objects and no cycles: collecting would only cost time
        payload = _read_entry(entry, key, digest)
        if payload is not None:
            try:
                checked = _decode(name, payload)
            except (TypeError, ValueError, KeyError, IndexError):
                pass  # an entry of another shape: check the file again and replace it
            else:
                with contextlib.suppress(OSError):
                    os.utime(entry)  # used now: pruning keeps it
                return checked
    text, found = decode(name, data)
    checked = Checked(name, None, tuple(found)) if text is None else check_text(name, text)
    _write_entry(entry, key, digest, _encode(checked))
    return checked


# -- entries on disk -----------------------------------------------------------


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_entry(entry: Path, key: tuple[object, ...], digest: bytes) -> Any:
    """The payload of ``entry`` when it is whole and was written for ``key`` and ``digest``, else None."""
    body = read_sealed(entry, _MAGIC)
    if body is None:
        return None
    try:
        stored_key, stored_digest, payload = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    if stored_key != key or stored_digest != digest:
        return None
    return payload


def _write_entry(entry: Path, key: tuple[object, ...], digest: bytes, payload: tuple[object, ...]) -> None:
    """Write ``entry`` whole; a folder that cannot be written is no error (the cache is only a cache)."""
    try:
        body = marshal.dumps(cast(Any, (key, digest, payload)))
    except ValueError:  # a value marshal cannot hold: leave this bank uncached
        return
    if write_sealed(entry, _MAGIC, body):
        with contextlib.suppress(OSError):
            _prune(entry.parent)


def _prune(folder: Path) -> None:
    """Keep the MAX_ENTRIES entries used last, and remove temporary files that a crashed writer left."""
    entries = []
    with os.scandir(folder) as found:
        for item in found:
            with contextlib.suppress(OSError):
                changed = item.stat().st_mtime
                if item.name.endswith(".bank"):
                    entries.append((changed, item.path))
                elif item.name.endswith(".part") and changed < time.time() - _LEFTOVER_AGE:
                    os.unlink(item.path)
    entries.sort()
    for _, path in entries[: max(len(entries) - MAX_ENTRIES, 0)]:
        with contextlib.suppress(OSError):
            os.unlink(path)


# -- Checked <-> plain tuples ----------------------------------------------------


def _encode(checked: Checked) -> tuple[object, ...]:
    """``checked`` as plain tuples, without its path (filled in again when read)."""
    bank = checked.bank
    encoded_bank: tuple[object, ...] | None = None
    if bank is not None:
        values: list[object] = [getattr(bank, name) for name in _BANK_FIELDS]
        values[_BANK_PATH] = ""
        values[_BANK_QUESTIONS] = _encode_questions(bank.questions)
        encoded_bank = tuple(values)
    found = tuple(
        tuple(getattr(problem, name) for i, name in enumerate(_PROBLEM_FIELDS) if i != _PROBLEM_PATH)
        for problem in checked.problems
    )
    return encoded_bank, found


def _encode_questions(questions: tuple[Question, ...]) -> tuple[tuple[object, ...], ...]:
    """The questions field by field: one tuple per field, holding that field of every question.

    Columns rather than rows: a bank of 10,000 questions is 13 tuples instead of 10,000, which
    marshal reads faster, and :func:`_decode_questions` fills them in without a Python loop.
    Equal values (a bank id, a difficulty, a tag list) are stored once: marshal writes the
    others as references, so reading makes one object where it would make thousands.
    """
    shared: dict[object, object] = {}

    def once(value: object) -> object:
        return shared.setdefault(value, value)

    columns = [tuple(once(getattr(question, name)) for question in questions) for name in _QUESTION_FIELDS]
    columns[_QUESTION_KIND] = tuple(once(question.kind.value) for question in questions)
    return tuple(columns)


def _decode(name: str, payload: Any) -> Checked:
    """The Checked that ``payload`` (from :func:`_encode`) stands for, as read from the file ``name``."""
    encoded_bank, found = payload
    bank = None
    if encoded_bank is not None:
        values = list(encoded_bank)
        values[_BANK_PATH] = name
        values[_BANK_QUESTIONS] = _decode_questions(values[_BANK_QUESTIONS])
        bank = Bank(*values)
    return Checked(name, bank, tuple(_decode_problem(name, problem) for problem in found))


def _decode_questions(columns: tuple[tuple[Any, ...], ...]) -> tuple[Question, ...]:
    """The questions that :func:`_encode_questions` stored.

    They are filled in the way unpickling fills an object: each question is allocated, then
    every field is set, column by column, through its slot (a frozen dataclass's ``__init__``
    sets each field with a Python-level call: two and a half times as long for 10,000).
    """
    if len(columns) != len(_QUESTION_FIELDS) or len({len(column) for column in columns}) > 1:
        raise ValueError("the question columns do not match the model")
    fields = list(columns)
    fields[_QUESTION_KIND] = tuple(map(_KINDS.__getitem__, columns[_QUESTION_KIND]))
    if _QUESTION_SLOTS is None:
        return tuple(map(Question, *fields))
    new = object.__new__
    questions = tuple(new(Question) for _ in fields[0])
    for slot, column in zip(_QUESTION_SLOTS, fields, strict=True):
        deque(map(slot.__set__, questions, column), maxlen=0)
    return questions


def _decode_problem(name: str, encoded: tuple[Any, ...]) -> Problem:
    values = list(encoded)
    values.insert(_PROBLEM_PATH, name)
    return Problem(*values)
