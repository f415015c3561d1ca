"""The new remarks an import has met so far, so that a later row repeating one is a repeat.

A file gathered from many outlets may carry one new remark twice; checked against the record
alone, both rows would be added. Each new published row is filed under its speaker (known,
or new in the file: the stager's placeholder) and its normalised words
(app/record/words.py), and a later row of the same speaker and words repeats it. The
filed rows go to a temporary SQLite file, not a dict (a million rows would take some
hundred megabytes of Python objects), looked up once per batch. Only normalised-exact
repeats: a near one would mean comparing each row with every row before it.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from hashlib import blake2b

#: Keys looked up per query: under SQLite's limit of bound values.
KEYS_PER_QUERY = 10_000


@dataclass(frozen=True)
class Said:
    """A new row to file: its line, speaker (an id, or a placeholder below 0), normalised
    words, a key of its source (None: no source) and whether it is published."""

    line: int
    speaker: int
    words: str
    source: int | None
    published: bool


@dataclass(frozen=True)
class Earlier:
    """The earlier row a row repeats, and whether both cite the same source."""

    line: int
    same_source: bool


class SaidInFile:
    """The published new rows of one import, by speaker and words, in a temporary file."""

    def __init__(self) -> None:
        handle, self.path = tempfile.mkstemp(prefix="onrecord-said-", suffix=".db")
        os.close(handle)
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;"
            "CREATE TABLE said (k1 INTEGER NOT NULL, k2 INTEGER NOT NULL, line INTEGER NOT NULL,"
            " source INTEGER, PRIMARY KEY (k1, k2)) WITHOUT ROWID")

    def repeats(self, rows: Sequence[Said]) -> list[Earlier | None]:
        """Return, for each row, the earlier row of the file it repeats (None: none), and
        file the published rows that repeat none."""
        keys = [_key(row) for row in rows]
        filed = self._filed(sorted({k for k in keys}))
        found: list[Earlier | None] = []
        new: list[tuple[int, int, int, int | None]] = []
        for row, key in zip(rows, keys, strict=True):
            first = filed.get(key)
            found.append(None if first is None else Earlier(first[0], first[1] == row.source))
            if first is None and row.published and row.words:
                filed[key] = (row.line, row.source)
                new.append((*key, row.line, row.source))
        self._db.executemany("INSERT INTO said VALUES (?, ?, ?, ?)", new)
        return found

    def _filed(self, keys: list[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, int | None]]:
        filed: dict[tuple[int, int], tuple[int, int | None]] = {}
        for start in range(0, len(keys), KEYS_PER_QUERY):
            chunk = keys[start:start + KEYS_PER_QUERY]
            wanted = set(chunk)
            for k1, k2, line, source in self._db.execute(
                    f"SELECT k1, k2, line, source FROM said WHERE k1 IN "
                    f"({', '.join(['?'] * len(chunk))})", [k1 for k1, _ in chunk]):
                if (k1, k2) in wanted:
                    filed[(k1, k2)] = (line, source)
        return filed

    def close(self) -> None:
        """Remove the file."""
        self._db.close()
        os.unlink(self.path)


def _key(row: Said) -> tuple[int, int]:
    """Two 64-bit halves of a digest of speaker and words: a false match once in 10^38."""
    digest = blake2b(f"{row.speaker}\x00{row.words}".encode(), digest_size=16).digest()
    return (int.from_bytes(digest[:8], "big", signed=True),
            int.from_bytes(digest[8:], "big", signed=True))
