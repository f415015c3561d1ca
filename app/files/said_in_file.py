"""The new remarks an import has met so far, so that a later row repeating one is a repeat.

A file gathered from many outlets may carry one new remark twice; checked against the record
alone, both rows would be added. Each new published row is filed under its speaker (known,
or new in the file: the stager's placeholder) and its normalised words
(app/record/words.py), and a later row of the same speaker and words repeats it. A filed row
is 33 packed bytes in one of many buckets, not a dict entry (a million rows would take some
hundred megabytes of Python objects) nor a row of a temporary SQLite file (an insert into
its key's B-tree at a random place: some 4 µs a row, most of the check's time at a million
rows). A sketch of the keys filed tells nearly every key that was never filed at once, so a
bucket is read only for the few others. Only normalised-exact repeats: a near one would mean
comparing each row with every row before it.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from app.record.words import key_of

#: Buckets the filed rows are spread over by their key: some fifteen rows each at a million,
#: read (unpacked) only for a key the sketch may hold.
BUCKETS = 1 << 16
#: Bits of the sketch of keys filed (16 MiB): a key whose bit is clear was never filed, so
#: a bucket is read only for the few others (under 1 % of keys at a million rows).
SKETCH_BITS = 1 << 27
#: A filed row: its key, its words' key, its line, its source's key and whether it has one.
FILED = struct.Struct("<qqqq?")


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
    """The published new rows of one import, by speaker and words, packed in memory: filed
    under Python's hash of both (the same within one process), a match confirmed by the
    words' own key (app/record/words.py), an unrelated hash."""

    def __init__(self) -> None:
        self._buckets = [bytearray() for _ in range(BUCKETS)]
        self._sketch = bytearray(SKETCH_BITS // 8)

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
            if first is not None and first[0] == key_of(row.words):
                found.append(Earlier(first[1], first[2] == row.source))
                continue
            found.append(None)
            if first is None and row.published and row.words:  # a false key match (once
                filed[k1] = (key_of(row.words), row.line, row.source)  # in 10^19): unfiled
                new.append((k1, row))
        self._file(new)
        return found

    def _file(self, rows: list[tuple[int, Said]]) -> None:
        buckets, sketch, pack = self._buckets, self._sketch, FILED.pack
        for k1, row in rows:
            if row.published and row.words:
                buckets[k1 % BUCKETS] += pack(k1, key_of(row.words), row.line, row.source or 0,
                                              row.source is not None)
                sketch[(k1 % SKETCH_BITS) >> 3] |= 1 << (k1 & 7)

    def _filed(self, keys: list[int]) -> dict[int, tuple[int, int, int | None]]:
        """Return the rows filed under any of the keys: (words' key, line, source)."""
        filed: dict[int, tuple[int, int, int | None]] = {}
        for k in keys:
            for k1, k2, line, source, sourced in FILED.iter_unpack(self._buckets[k % BUCKETS]):
                if k1 == k:
                    filed[k] = (k2, line, source if sourced else None)
                    break
        return filed

    def close(self) -> None:
        """Let go of the rows filed (again: nothing more)."""
        self._buckets, self._sketch = [], bytearray()
