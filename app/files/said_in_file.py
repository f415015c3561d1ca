"""The new remarks an import has met so far, so that a later row repeating one is a repeat.

A file gathered from many outlets may carry one new remark twice; checked against the record
alone, both rows would be added. Each new published row is filed under its speaker (known,
or new in the file: the stager's placeholder) and its normalised words
(app/record/words.py), and a later row of the same speaker and words repeats it. The
filed rows go to a temporary SQLite file, not a dict (a million rows would take some
hundred megabytes of Python objects), looked up once per batch. Only normalised-exact
repeats: a near one would mean comparing each row with every row before it.

A batch is filed on a thread of its own while the import reads on: handed to SQLite as one
JSON document, its rows are inserted by one statement that runs without Python's lock, on
the machine's other core (filed row by row, they took an eighth of a dry run's time). A
lookup waits for the filing before it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import zlib
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import NamedTuple

#: Keys looked up per query: under SQLite's limit of bound values.
KEYS_PER_QUERY = 10_000
#: Memory the temporary file's pages may take (KiB): a million rows' worth.
CACHE_KIB = 64 * 1024
#: The temporary file's page size, SQLite's largest.
PAGE_BYTES = 65_536
#: Bits of the sketch of keys filed (16 MiB): a key whose bit is clear was never filed, so
#: the file is asked only about the few others (under 1 % of keys at a million rows).
SKETCH_BITS = 1 << 27


class Said(NamedTuple):
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
    """The published new rows of one import, by speaker and words, in a temporary file:
    filed under Python's hash of both (the same within one process), a match confirmed by
    a checksum of the words (CRC-32), an unrelated hash: a false match needs both to
    collide, about once in 10^17 imports of a million rows. (The words' own key,
    app/record/words.py, would do as well at four times the cost, a twentieth of a dry
    run.)"""

    def __init__(self) -> None:
        handle, self.path = tempfile.mkstemp(prefix="onrecord-said-", suffix=".db")
        os.close(handle)
        # Used by one thread at a time: the filing thread, or a lookup once it is done.
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        # Keys come in no order, so each insert lands anywhere in the table: its pages are
        # kept in memory (some 40 bytes a row) rather than read back from the file, and
        # large (a tenth faster to fill than 4 KiB pages at a million rows).
        self._db.executescript(
            f"PRAGMA page_size = {PAGE_BYTES}; PRAGMA journal_mode = OFF; "
            f"PRAGMA synchronous = OFF; PRAGMA cache_size = -{CACHE_KIB}; BEGIN;"
            "CREATE TABLE said (k1 INTEGER PRIMARY KEY, k2 INTEGER NOT NULL,"
            " line INTEGER NOT NULL, source INTEGER)")
        self._sketch = bytearray(SKETCH_BITS // 8)
        self._filer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="onrecord-said")
        self._filing: Future[None] | None = None

    def repeats(self, rows: Sequence[Said]) -> list[Earlier | None]:
        """Return, for each row, the earlier row of the file it repeats (None: none), and
        file the published rows that repeat none."""
        keys = [hash((row.speaker, row.words)) for row in rows]
        sketch = self._sketch
        filed = self._filed([k for k in keys if sketch[(k % SKETCH_BITS) >> 3] & 1 << (k & 7)])
        if not filed and len(set(keys)) == len(keys):  # the usual batch: no repeat at all
            self._file([(k, row) for k, row in zip(keys, rows, strict=True)])
            return [None] * len(rows)
        found: list[Earlier | None] = []
        new: list[tuple[int, Said]] = []
        for row, k1 in zip(rows, keys, strict=True):
            first = filed.get(k1)
            if first is not None and first[0] == _checksum(row.words):
                found.append(Earlier(first[1], first[2] == row.source))
                continue
            found.append(None)
            if first is None and row.published and row.words:  # a false key match (once
                filed[k1] = (_checksum(row.words), row.line, row.source)  # in 10^19): unfiled
                new.append((k1, row))
        self._file(new)
        return found

    def _file(self, rows: list[tuple[int, Said]]) -> None:
        filing = [(k1, _checksum(row.words), row.line, row.source) for k1, row in rows
                  if row.published and row.words]
        self._wait()
        self._filing = self._filer.submit(self._insert, json.dumps(filing))
        sketch = self._sketch
        for k1, _, _, _ in filing:
            sketch[(k1 % SKETCH_BITS) >> 3] |= 1 << (k1 & 7)

    def _insert(self, document: str) -> None:
        self._db.execute("INSERT INTO said SELECT value ->> 0, value ->> 1, value ->> 2, "
                         "value ->> 3 FROM json_each(?)", (document,))

    def _wait(self) -> None:
        """Wait for the batch being filed (raising what went wrong filing it)."""
        if self._filing is not None:
            filing, self._filing = self._filing, None
            filing.result()

    def _filed(self, keys: list[int]) -> dict[int, tuple[int, int, int | None]]:
        """Return the rows filed under any of the keys: (words' checksum, line, source)."""
        filed: dict[int, tuple[int, int, int | None]] = {}
        if keys:
            self._wait()
        for start in range(0, len(keys), KEYS_PER_QUERY):
            chunk = keys[start:start + KEYS_PER_QUERY]
            filed |= {k1: (k2, line, source) for k1, k2, line, source in self._db.execute(
                f"SELECT k1, k2, line, source FROM said WHERE k1 IN "
                f"({', '.join(['?'] * len(chunk))})", chunk)}
        return filed

    def close(self) -> None:
        """Remove the file and let go of its pages (again: nothing more)."""
        try:
            self._wait()
        finally:
            self._filer.shutdown()
            self._db.close()
        if os.path.exists(self.path):
            os.unlink(self.path)


def _checksum(words: str) -> int:
    return zlib.crc32(words.encode())
