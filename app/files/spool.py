"""Rows waiting to be written, kept in a temporary SQLite file rather than in memory.

An import checks and prepares every row of a file before it writes any; a million rows of
Python objects would take gigabytes, so each prepared row (plain values: text, numbers,
None) goes into this file as it comes, and is read back in batches, in the order said (the
record's indexes then grow at a few places at a time), when the write transaction runs.
A row is kept as one `marshal` blob beside the day it sorts by: binding and reading two
values rather than two dozen made the spool a third as costly (it had become a tenth of a
million-row import). Only this process reads back what it wrote: the file is private to it
(mode 0600, in the temporary directory) and removed when the spool is closed.
"""

from __future__ import annotations

import marshal
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from typing import Any


class Spool:
    """A temporary file of rows of plain values, each filed under the day it sorts by."""

    def __init__(self) -> None:
        handle, self.path = tempfile.mkstemp(prefix="onrecord-import-", suffix=".db")
        os.close(handle)
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                               "CREATE TABLE row (day TEXT NOT NULL, blob BLOB NOT NULL)")
        self._db.execute("BEGIN")
        self.count = 0

    def add(self, rows: list[tuple[Any, ...]]) -> None:
        """Keep rows given as (day, value, value, ...)."""
        dumps = marshal.dumps
        self._db.executemany("INSERT INTO row VALUES (?, ?)",
                             [(row[0], dumps(row[1:])) for row in rows])
        self.count += len(rows)

    def batches(self, size: int) -> Iterator[list[tuple[Any, ...]]]:
        """Yield the rows kept (their values, without the day), by day (then as added),
        `size` at a time."""
        cursor, loads = self._db.execute("SELECT blob FROM row ORDER BY day, rowid"), marshal.loads
        while batch := cursor.fetchmany(size):
            yield [loads(blob) for blob, in batch]

    def close(self) -> None:
        """Remove the file."""
        self._db.close()
        os.unlink(self.path)

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
