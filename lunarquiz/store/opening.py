"""Opening the store's file: check it, migrate it, move a damaged one aside, or explain why saving is off."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from lunarquiz.store.database import (
    cannot_write,
    check_writable,
    connect,
    connect_read_only,
    is_corrupt,
    quick_check,
    use_wal,
)
from lunarquiz.store.schema import CURRENT_VERSION, NewerSchemaError, migrate

HOW_TO_MOVE = "Use --data-dir or LUNARQUIZ_DATA_DIR to keep results in another folder."


class DamagedFile(Exception):
    """SQLite's own check found the file damaged."""


@dataclass
class Opened:
    """A connection ready for the store, or None when the file cannot be used; and what to tell the player."""

    db: sqlite3.Connection | None
    saving: bool
    notices: list[str] = field(default_factory=list)


def reason(error: BaseException) -> str:
    """Why a write or an open failed, in words for a player."""
    if isinstance(error, OSError):
        return error.strerror or str(error)
    name = getattr(error, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return "the disk is full"
    if name.startswith("SQLITE_READONLY"):
        return "the file or its folder is read-only"
    if name.startswith("SQLITE_CANTOPEN"):
        return "the file cannot be opened"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return "another lunarquiz kept the file busy for too long"
    if name.startswith("SQLITE_IOERR"):
        return f"the disk reported an error ({error})"
    return str(error)


def not_saving(path: Path, error: BaseException) -> str:
    """The notice shown when results cannot be saved at all."""
    return f"Results will not be saved this time: {reason(error)} ({path}). {HOW_TO_MOVE}"


def _prepare(path: Path) -> sqlite3.Connection:
    db = connect(path)
    try:
        if not quick_check(db):
            raise DamagedFile("SQLite's integrity check failed")
        use_wal(db)
        migrate(db)
        _check_writable(db)
    except BaseException:
        db.close()
        raise
    return db


def _check_writable(db: sqlite3.Connection) -> None:
    """Raise when the file can only be read; a busy file passes (its writes wait, or report, later)."""
    try:
        check_writable(db)
    except sqlite3.OperationalError as error:
        if cannot_write(error):
            raise


def aside_path(path: Path, now: datetime) -> Path:
    """A free name next to ``path`` for a damaged file, e.g. ``lunarquiz.db.corrupt-20261125T201500Z``."""
    stem = f"{path.name}.corrupt-{now:%Y%m%dT%H%M%SZ}"
    candidate = path.with_name(stem)
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{stem}-{number}")
    return candidate


def move_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged file (and its -wal, -shm and -journal files) out of the way; returns its new path."""
    target = aside_path(path, now)
    path.rename(target)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target


def open_file(path: Path, now: datetime) -> Opened:
    """Open (and create or migrate) the store's file; never raises for a file or disk problem."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        notice = f"Results will not be saved this time: the folder {path.parent} cannot be made ({reason(error)}). {HOW_TO_MOVE}"
        return Opened(None, saving=False, notices=[notice])
    try:
        return Opened(_prepare(path), saving=True)
    except NewerSchemaError as error:
        notice = (
            f"Results will not be saved this time: {path} was written by a newer lunarquiz "
            f"(schema version {error.version}, this one knows {CURRENT_VERSION}). Update lunarquiz to save again."
        )
        return Opened(_read_only(path), saving=False, notices=[notice])
    except (DamagedFile, sqlite3.DatabaseError) as error:
        if not isinstance(error, DamagedFile) and not is_corrupt(error):
            return reading_only(path, error)
        damage = str(error)
    except (sqlite3.Error, OSError) as error:
        return reading_only(path, error)
    try:
        moved = move_aside(path, now)
    except OSError as error:
        notice = f"Results will not be saved this time: {path} is damaged ({damage}) and could not be moved aside ({reason(error)})."
        return Opened(None, saving=False, notices=[notice])
    notice = (
        f"Your saved results could not be read ({damage}), so {path} was moved to {moved} and a new file was started."
    )
    try:
        return Opened(_prepare(path), saving=True, notices=[notice])
    except (sqlite3.Error, OSError, DamagedFile, NewerSchemaError) as error:
        return Opened(None, saving=False, notices=[notice, not_saving(path, error)])


def reading_only(path: Path, error: BaseException) -> Opened:
    """The file opened only for reading, because opening it for writing failed with ``error``.

    What can be read is read: the game plays without saving and the reading commands show
    every saved answer. When the file cannot be read either, there is no connection, and the
    notice says so with the file's path.
    """
    if not path.exists():
        return Opened(None, saving=False, notices=[not_saving(path, error)])
    try:
        db, missing = connect_read_only(path)
    except (sqlite3.Error, OSError) as failure:
        notice = (
            f"Saved results cannot be read, and results will not be saved this time: "
            f"{reason(failure)} ({path}). {HOW_TO_MOVE}"
        )
        return Opened(None, saving=False, notices=[notice])
    notice = f"Results will not be saved this time: {reason(error)} ({path}); saved results can still be read."
    if missing:
        notice += f" Not shown: {missing}."
    return Opened(db, saving=False, notices=[f"{notice} {HOW_TO_MOVE}"])


def _read_only(path: Path) -> sqlite3.Connection | None:
    """A connection for reading a file this release cannot write, or None."""
    try:
        return connect_read_only(path)[0]
    except (sqlite3.Error, OSError):
        return None
