"""SQLite connections as the store uses them: WAL, a busy timeout, foreign keys, short write transactions."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

BUSY_TIMEOUT = 5.0
"""Seconds a writer waits for another process's write to finish before giving up."""

CORRUPT_ERRORS = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})
"""SQLite error names that mean the file is not a usable database."""

CANNOT_WRITE_ERRORS = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")
"""Beginnings of SQLite error names that mean the file or its folder cannot be written (or opened for writing)."""


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) usable from any one thread at a time."""
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
    try:
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        db.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        db.close()
        raise
    return db


def connect_read_only(path: Path) -> tuple[sqlite3.Connection, str]:
    """A connection that only reads ``path``, whatever its folder allows; and a note when some of it is missing.

    A file in write-ahead-log mode is read through its ``-shm`` file, which a read-only folder
    cannot give it when the last writer closed cleanly (and removed it). Then, with no log left
    to apply, the file is opened as immutable; with a log (left by a writer that was killed),
    the file and its log are copied to a temporary folder and read into memory from there.
    Raises ``sqlite3.Error`` when the file cannot be read at all.
    """
    uri = "file:" + quote(str(path.absolute()))
    try:
        return _checked(_open_uri(f"{uri}?mode=ro")), ""
    except sqlite3.Error as error:
        if not cannot_write(error):
            raise
    log = path.with_name(path.name + "-wal")
    if not _has_content(log):
        return _checked(_open_uri(f"{uri}?mode=ro&immutable=1")), ""
    try:
        return _snapshot(path, log), ""
    except OSError as error:
        note = f"the answers saved last, in {log}, cannot be read without writing in its folder ({error.strerror})"
        return _checked(_open_uri(f"{uri}?mode=ro&immutable=1")), note


def _open_uri(uri: str) -> sqlite3.Connection:
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)


def _checked(db: sqlite3.Connection) -> sqlite3.Connection:
    """``db`` once it has read the file's schema (SQLite opens files lazily, so errors show at the first read)."""
    try:
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        db.close()
        raise
    return db


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _snapshot(path: Path, log: Path) -> sqlite3.Connection:
    """The file with its write-ahead log applied, copied into memory by way of a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="lunarquiz-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(log, copy.with_name(copy.name + "-wal"))
        disk = sqlite3.connect(copy, isolation_level=None)
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            disk.backup(memory)
        except BaseException:
            memory.close()
            raise
        finally:
            disk.close()
    return memory


def cannot_write(error: sqlite3.Error) -> bool:
    """Whether ``error`` says the file or its folder cannot be written (as opposed to a damaged file or a busy one)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return name.startswith(CANNOT_WRITE_ERRORS) or "readonly database" in str(error)


def check_writable(db: sqlite3.Connection) -> None:
    """Raise SQLite's own error when the file cannot be written; writes nothing.

    SQLite opens a file it may only read without a word, and refuses only the first write:
    this tries one (the schema version, set to itself) and rolls it back.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        db.execute(f"PRAGMA user_version = {version}")
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")


def use_wal(db: sqlite3.Connection) -> str:
    """Switch the file to write-ahead logging; returns the journal mode in force.

    Switching needs a moment alone with the file, which the busy handler does not always
    wait for, so a busy answer is retried until the busy timeout has passed.
    """
    give_up = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            row = db.execute("PRAGMA journal_mode = WAL").fetchone()
            return str(row[0])
        except sqlite3.OperationalError as error:
            if error.sqlite_errorname not in ("SQLITE_BUSY", "SQLITE_LOCKED") or time.monotonic() > give_up:
                raise
            time.sleep(0.02)


@contextlib.contextmanager
def immediate(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction that takes the write lock at once (so it never fails half way for a lock).

    Commits when the block ends, rolls back when it raises.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        raise


def is_corrupt(error: sqlite3.Error) -> bool:
    """Whether ``error`` says the file is not a database or is damaged."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return name in CORRUPT_ERRORS or "malformed" in str(error) or "not a database" in str(error)


def quick_check(db: sqlite3.Connection) -> bool:
    """Whether SQLite finds the file sound (``PRAGMA quick_check``)."""
    rows = db.execute("PRAGMA quick_check").fetchall()
    return [row[0] for row in rows] == ["ok"]
