"""Rows waiting to be written, kept in a temporary SQLite file rather than in memory.

An import checks and prepares every row of a file before it writes any; a million rows of
Python objects would take gigabytes, so each prepared row (plain values: text, numbers,
None) goes into this file as it comes, and is read back in batches, in the order said (the
record's indexes then grow at a few places at a time), when the write transaction runs.
The file is private to the process (mode 0600, in the temporary directory) and removed
when the spool is closed.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from typing import Any


class Spool:
    """A temporary file of rows of `width` values, each filed under the day it sorts by."""

    def __init__(self, width: int) -> None:
        handle, self.path = tempfile.mkstemp(prefix="onrecord-import-", suffix=".db")
        os.close(handle)
        self._db = sqlite3.connect(self.path, isolation_level=None)
        values = ", ".join(f"v{n}" for n in range(width))
        self._db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                               f"CREATE TABLE row (day TEXT NOT NULL, {values})")
        self._insert = f"INSERT INTO row VALUES (?, {', '.join(['?'] * width)})"
        self._select = f"SELECT {values} FROM row ORDER BY day, rowid"
        self._db.execute("BEGIN")
        self.count = 0

    def add(self, rows: list[tuple[Any, ...]]) -> None:
        """Keep rows given as (day, value, value, ...)."""
        self._db.executemany(self._insert, rows)
        self.count += len(rows)

    def batches(self, size: int) -> Iterator[list[tuple[Any, ...]]]:
        """Yield the rows kept, by day (then as added), `size` at a time."""
        cursor = self._db.execute(self._select)
        while batch := cursor.fetchmany(size):
            yield batch

    def close(self) -> None:
        """Remove the file."""
        self._db.close()
        os.unlink(self.path)

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
