"""Python's garbage collector run rarely while an import works through a big file.

An import makes millions of small objects that live a batch (checked rows, their values)
beside a large set that lives the whole import (the speakers matched, their statements read
once for the repeat check, the sources): with the collector's default thresholds, every
few hundred objects made start a collection, and the frequent older-generation ones walk
that large set again and again, a third of a dry run's time. The rows hold plain values and
make almost no reference cycles, so collecting a hundred times less often costs no memory
that shows (measured at a million rows: the same peak); the thresholds come back after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Objects made (less those freed) between two collections of the youngest generation, and
#: how many of each generation's collections make one of the next (Python's: 700, 10, 10).
RARELY = (50_000, 20, 100)


@contextmanager
def collecting_rarely() -> Iterator[None]:
    """Raise the collector's thresholds for the block, then put them back as they were."""
    before = gc.get_threshold()
    gc.set_threshold(*RARELY)
    try:
        yield
    finally:
        gc.set_threshold(*before)
