"""What a long job tells its caller as it goes, so a command can show how far it is.

A job calls its Progress with the phase it is in ("checking", "writing", ...), the rows (or
pages, or articles) done so far in that phase, and the share of the phase done, 0 to 1, or
None when it cannot tell. It calls once a batch, never once a row: the cost stays a few
calls per thousand rows whatever draws it (app/cli/progress.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
Progress = Callable[[str, int, float | None], None]
#: Items between two reports of `counted`.
EVERY = 1_000


def counted(items: Iterable[T], progress: Progress | None, phase: str,
            total: int | None) -> Iterator[T]:
    """Yield the items, reporting how many went by every EVERY of them and at the end."""
    if progress is None:
        yield from items
        return
    done = 0
    for done, item in enumerate(items, start=1):
        yield item
        if done % EVERY == 0:
            progress(phase, done, done / total if total else None)
    progress(phase, done, 1.0 if total is not None else None)


def adding(progress: Progress | None, phase: str, total: int) -> Callable[[int], None]:
    """Return a function that takes rows just done and reports the phase's progress."""
    done = [0]

    def advance(rows: int) -> None:
        done[0] += rows
        if progress is not None:
            progress(phase, done[0], done[0] / max(total, 1))
    return advance
