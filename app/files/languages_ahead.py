"""An import's languages detected beside the reading, a batch behind it.

Detecting the language of a batch's words is an import's costliest step after writing, and
lingua holds Python's lock while it works (`detect_languages_in_parallel_of` spreads a
batch over every core but keeps the lock until the whole batch is done): on a thread of
the importing process it took turns with the reading rather than running beside it, and
every row paid its 20-40 µs on the import's critical path. So a large file's batches are
sent to a worker process of their own (app/files/language_worker.py), which detects one
batch while the importer reads, checks and matches the next; the thread that waits for the
worker's answer lets go of the lock while it waits. The first few batches, and a small
file's only ones, are detected on that thread itself, as starting the worker (a fraction
of a second, lingua's models loaded anew) would cost a small file more than it saves. The
batches come back in the order given, named by the same lingua with the same settings
(app/curation/language_detection.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from typing import IO, Any

from app.curation.inputs import StatementIn
from app.curation.language_detection import languages_of
from app.errors import DetectorStopped

#: Batches detected on the thread before the worker process takes over (a file of this
#: many batches of rows or fewer never starts it).
ON_A_THREAD = 10
#: The worker's command line.
WORKER = (sys.executable, "-m", "app.files.language_worker")
#: Seconds the worker has to end once told to; past them it is killed.
WORKER_EXIT_SECONDS = 10

#: A batch waiting for its languages, with what the stager needs to keep it.
Detecting = tuple[Sequence[StatementIn], Any, Future[list[str]]]


class LanguagesAhead:
    """Batches whose languages are being detected, one detection running at a time."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="onrecord-languages")
        self._worker: _Worker | None = None
        self._given = 0
        self._waiting: deque[Detecting] = deque()

    def detect(self, batch: Sequence[StatementIn], stamp: Any) -> None:
        """Start detecting the languages of a batch's rows that name none."""
        self._given += 1
        if self._given > ON_A_THREAD and self._worker is None:
            self._worker = _Worker()
        detect = languages_of if self._worker is None else self._worker.languages_of
        self._waiting.append((batch, stamp, self._pool.submit(
            detect, [d.lang for d in batch], [d.text for d in batch])))

    def done(self, *, all_of_them: bool = False) -> Iterator[tuple[Sequence[StatementIn], Any,
                                                                   list[str]]]:
        """Yield the batches before the last given (or every one), with their languages."""
        while len(self._waiting) > (0 if all_of_them else 1):
            batch, stamp, languages = self._waiting.popleft()
            yield batch, stamp, languages.result()

    def close(self) -> None:
        """Stop: batches not collected are dropped, and the worker process ends."""
        for _, _, languages in self._waiting:
            languages.cancel()
        self._pool.shutdown(wait=True)
        if self._worker is not None:
            self._worker.close()


class _Worker:
    """The worker process, asked one batch at a time over its standard input and output."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(WORKER,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._asks: IO[bytes] = self._process.stdin  # type: ignore[assignment]
        self._answers: IO[bytes] = self._process.stdout  # type: ignore[assignment]

    def languages_of(self, given: Sequence[str | None], texts: Sequence[str]) -> list[str]:
        """Return each text's language as given, or detected by the worker."""
        try:
            self._asks.write(json.dumps({"given": list(given), "texts": list(texts)}).encode()
                             + b"\n")
            self._asks.flush()
            answer = self._answers.readline()
        except OSError:  # the worker's end of the pipe is closed
            answer = b""
        if not answer:
            raise DetectorStopped(f"the language detector stopped (exit code "
                                  f"{self._process.poll()}); nothing was imported")
        tags: list[str] = json.loads(answer)
        return tags

    def close(self) -> None:
        """Tell the worker to end (its input closed), and wait for it, or kill it."""
        with suppress(OSError):  # a worker that died has closed its end already
            self._asks.close()
        try:
            self._process.wait(timeout=WORKER_EXIT_SECONDS)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._answers.close()
