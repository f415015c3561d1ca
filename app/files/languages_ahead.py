"""An import's languages detected on a thread of their own, a batch behind the reading.

Detecting the language of a batch's words is an import's costliest step after writing,
and lingua does it without holding Python's lock: so each batch's detection starts as soon
as the batch is staged and is collected when the next one is, while the main thread reads,
checks and matches that next batch. The batches come back in the order given.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from app.curation.inputs import StatementIn
from app.curation.language_detection import languages_of

#: A batch waiting for its languages, with what the stager needs to keep it.
Detecting = tuple[Sequence[StatementIn], Any, Future[list[str]]]


class LanguagesAhead:
    """Batches whose languages are being detected, one detection running at a time."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="onrecord-languages")
        self._waiting: deque[Detecting] = deque()

    def detect(self, batch: Sequence[StatementIn], stamp: Any) -> None:
        """Start detecting the languages of a batch's rows that name none."""
        self._waiting.append((batch, stamp, self._pool.submit(
            languages_of, [d.lang for d in batch], [d.text for d in batch])))

    def done(self, *, all_of_them: bool = False) -> Iterator[tuple[Sequence[StatementIn], Any,
                                                                   list[str]]]:
        """Yield the batches before the last given (or every one), with their languages."""
        while len(self._waiting) > (0 if all_of_them else 1):
            batch, stamp, languages = self._waiting.popleft()
            yield batch, stamp, languages.result()

    def close(self) -> None:
        """Stop: batches not collected are dropped."""
        for _, _, languages in self._waiting:
            languages.cancel()
        self._pool.shutdown(wait=True)
