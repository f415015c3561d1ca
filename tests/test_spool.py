"""The import's spool gives back every row it kept, by day and then as added."""

from __future__ import annotations

import os
from datetime import date

from app.files.spool import Spool


def _day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def test_rows_come_back_by_day_then_as_added_in_batches_of_the_size_asked():
    with Spool() as spool:
        spool.add([(_day("2021-03-02"), "third", 3, None),
                   (_day("2021-03-01"), "first", 1, "Tolvan Quay says «no».")])
        spool.add([(_day("2021-03-02"), "fourth", 4.5, b"\x00"),
                   (_day("2021-03-01"), "second", -2, True)])
        assert spool.count == 4
        batches = list(spool.batches(3))
    assert batches == [[("first", 1, "Tolvan Quay says «no»."), ("second", -2, True),
                        ("third", 3, None)], [("fourth", 4.5, b"\x00")]]


def test_an_empty_spool_gives_nothing_and_its_file_goes_when_closed():
    spool = Spool()
    assert list(spool.batches(10)) == []
    path = spool.path
    spool.close()
    assert not os.path.exists(path)


def test_a_system_without_pread_reads_the_rows_back_alike(monkeypatch):
    monkeypatch.delattr(os, "pread")  # as on Windows
    with Spool() as spool:
        spool.add([(_day("2021-03-02"), "later", 2), (_day("2021-03-01"), "earlier", 1)])
        assert list(spool.batches(10)) == [[("earlier", 1), ("later", 2)]]
        path = spool.path
    assert not os.path.exists(path)
