"""SQLite connections as the store uses them: WAL, a busy timeout, foreign keys, short write transactions."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

BUSY_TIMEOUT = 5.0
"""Seconds a writer waits for another process's write to finish before giving up."""

CORRUPT_ERRORS = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})
"""SQLite error names that mean the file is not a usable database."""


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
