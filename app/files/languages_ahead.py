"""An import's languages detected beside the reading, a few batches behind it.

Detecting the language of a batch's words is an import's costliest step after writing, and
lingua holds Python's lock while it works (`detect_languages_in_parallel_of` spreads a
batch over every core but keeps the lock until the whole batch is done): on a thread of
the importing process it took turns with the reading rather than running beside it, and
every row paid its 20-40 µs on the import's critical path. So a large file's batches are
sent to a worker process of their own (app/files/language_worker.py), which detects while
the importer reads, checks and matches the next batches. Only the texts of rows that name
no language are sent. The worker is kept fed: a thread of ours writes each batch to its
input as soon as the importer has it, and the importer reads the answers only when it needs
them (up to AHEAD batches later), so the worker goes on to the next batch the moment it has
answered one, never waiting for the importer's turn at Python's lock (which took up to a
switch interval, 5 ms, each time: a worker fed a batch at a time by a thread that waited
for each answer idled between batches). The first few batches, and a small file's only
ones, are detected on a thread of the importer itself, as starting the worker (a fraction
of a second, lingua's models loaded anew) would cost a small file more than it saves. The
batches come back in the order given, named by the same lingua with the same settings
(app/curation/language_detection.py).
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from typing import IO, Any

from app.curation.inputs import StatementIn
from app.curation.language_detection import languages_of
from app.errors import DetectorStopped

#: Batches detected on the thread before the worker process takes over (a file of this
#: many batches of rows or fewer never starts it).
ON_A_THREAD = 10
#: Batches the importer may be ahead of the detection before it waits for their languages
#: (rows held in memory meanwhile: a batch each; their answers, a few KB each, wait in the
#: worker's output pipe, which holds 64 KB, so the worker never waits for the importer).
AHEAD = 4
#: The worker's command line.
WORKER = (sys.executable, "-m", "app.files.language_worker")
#: Seconds the worker has to end once told to; past them it is killed.
WORKER_EXIT_SECONDS = 10

#: A batch waiting for its languages, with what the stager needs to keep it, and how to
#: wait for its rows' tags (those the rows name, the rest detected).
Detecting = tuple[Sequence[StatementIn], Any, Callable[[], list[str]]]


class LanguagesAhead:
    """Batches whose languages are being detected, in the order given."""

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
        given = [d.lang for d in batch]
        todo = [n for n, tag in enumerate(given) if not tag]
        texts = [batch[n].text for n in todo]
        if not todo:
            found: Callable[[], list[str]] = list
        elif self._worker is None:
            found = self._pool.submit(languages_of, [None] * len(texts), texts).result
        else:
            found = self._worker.ask(texts)
        self._waiting.append((batch, stamp, _merged(given, todo, found)))

    def done(self, *, all_of_them: bool = False) -> Iterator[tuple[Sequence[StatementIn], Any,
                                                                   list[str]]]:
        """Yield the batches more than AHEAD behind the last given (or every one), with
        their languages, waiting for them as needed."""
        while len(self._waiting) > (0 if all_of_them else AHEAD):
            batch, stamp, languages = self._waiting.popleft()
            yield batch, stamp, languages()

    def close(self) -> None:
        """Stop: batches not collected are dropped, and the worker process ends (again:
        nothing more)."""
        self._waiting.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)
        if self._worker is not None:
            self._worker.close()
            self._worker = None


def _merged(given: list[str | None], todo: list[int],
            found: Callable[[], list[str]]) -> Callable[[], list[str]]:
    """Return how to get every row's tag: as given, or (at `todo`) as found."""
    def merged() -> list[str]:
        tags: list[Any] = list(given)
        for n, tag in zip(todo, found(), strict=True):
            tags[n] = tag
        return tags
    return merged


class _Worker:
    """The worker process: batches of texts written to its input by a thread of their own,
    its answers (a line of tags a batch, in the same order) read when wanted."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(WORKER,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._asks: IO[bytes] = self._process.stdin  # type: ignore[assignment]
        self._answers: IO[bytes] = self._process.stdout  # type: ignore[assignment]
        self._to_send: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._sender = threading.Thread(target=self._send, name="onrecord-languages-send",
                                        daemon=True)
        self._sender.start()

    def ask(self, texts: list[str]) -> Callable[[], list[str]]:
        """Send a batch of texts; return how to wait for their tags (answers must be
        waited for in the order asked)."""
        self._to_send.put(json.dumps(texts).encode() + b"\n")
        return self._answer

    def _send(self) -> None:
        """Write each batch to the worker as it comes (the write waits, without Python's
        lock, while the worker is busy); stop at None, or when the worker has gone."""
        while (line := self._to_send.get()) is not None:
            try:
                self._asks.write(line)
                self._asks.flush()
            except OSError:  # the worker's end is closed: its missing answer says so
                return
        with suppress(OSError):
            self._asks.close()

    def _answer(self) -> list[str]:
        """Wait for the next batch's tags."""
        try:
            answer = self._answers.readline()
        except OSError:
            answer = b""
        if not answer:
            raise DetectorStopped(f"the language detector stopped (exit code "
                                  f"{self._process.poll()}); nothing was imported")
        tags: list[str] = json.loads(answer)
        return tags

    def close(self) -> None:
        """Tell the worker to end (its input closed once what was asked is sent), and wait
        for it, or kill it."""
        self._to_send.put(None)
        try:
            self._process.wait(timeout=WORKER_EXIT_SECONDS)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._sender.join()
        with suppress(OSError):  # closed by the sender already, unless the worker had gone
            self._asks.close()
        self._answers.close()
