"""Where a big import's time goes: `import_file` in process, each phase's wall and CPU time.

Runs one import (or --dry-run) of the file `bench/imports.py` writes, into a fresh copy of
its record, in this process, with the import's main steps wrapped in timers (wall time, and
the CPU time of the importing thread: the language worker's is read apart, from the
children's rusage) and every SQL statement timed (grouped by kind, and the slowest by
text). What `bench/imports.py` measures end to end, this splits up; the wrappers cost some
microseconds a batch, nothing a row.

    .venv/bin/python bench/imports.py --rows 1000000        # writes the file and the record
    .venv/bin/python bench/import_phases.py --rows 1000000 [--dry-run]
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import resource
import shutil
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

import app.files.file_import as file_import
import app.files.import_repeats as import_repeats
import app.files.staging as staging
import app.record.triggers as triggers
from app.cli.bulk import _without_demo
from app.files.languages_ahead import LanguagesAhead
from app.files.said_in_file import SaidInFile
from app.record.setup import open_engine, prepare_database

#: label -> [wall seconds, CPU seconds of the calling thread, calls]
PHASES: defaultdict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
#: SQL text (its start) -> [wall seconds, calls]
STATEMENTS: defaultdict[str, list[float]] = defaultdict(lambda: [0.0, 0])
#: What is timed: (module or class, function, label); labels indented under their phase.
TIMED: list[tuple[Any, str, str]] = [
    (file_import, "_stage", "preparing (reading, checking, staging)"),
    (file_import, "sort_rows", "  the repeat check (sort_rows)"),
    (import_repeats, "find_duplicates", "    against the record (find_duplicates)"),
    (SaidInFile, "repeats", "    against the file (said_in_file)"),
    (staging.Stager, "add", "  staging (Stager.add)"),
    (staging.Stager, "_keep", "    binding and spooling (Stager._keep)"),
    (LanguagesAhead, "done", "    waiting for languages"),
    (staging.Stager, "write", "writing (Stager.write)"),
    (staging, "add_sources", "  new sources"),
    (triggers, "_count_added", "  search entries and counts"),
    (triggers, "add_counts", "    counts (add_counts)"),
    (Session, "commit", "committing"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--record", type=int, default=20_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/onrecord-bench/imports"))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    rows = args.work / f"rows-{args.rows}.jsonl"
    target = args.work / "phases.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(args.work / f"record-{args.record}.db", target)
    for holder, name, label in TIMED:
        setattr(holder, name, _timed(getattr(holder, name), label))
    settings = _without_demo(str(target))
    prepare_database(settings)
    engine = open_engine(settings)
    _time_statements(engine)
    collected = _time_collections()
    wall, cpu = time.perf_counter(), time.thread_time()
    with Session(engine) as session, rows.open("rb") as stream:
        report = file_import.import_file(session, stream, "jsonl", author="bench",
                                         dry_run=args.dry_run)
    wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
    worker = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{report.added:,} rows, {len(report.repeats)} repeats; wall {wall:.1f} s, "
          f"importer's CPU {cpu:.1f} s, the language worker's "
          f"{worker.ru_utime + worker.ru_stime:.1f} s; peak "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"load {os.getloadavg()[0]:.1f}; Python's collector {collected[0]:.2f} s")
    for label, (seconds, thread_cpu, calls) in PHASES.items():
        print(f"{label:44} wall {seconds:7.2f}  CPU {thread_cpu:7.2f}  calls {calls:.0f}")
    _print_statements()


def _timed(function: Callable[..., Any], label: str) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            phase = PHASES[label]
            phase[0] += time.perf_counter() - wall
            phase[1] += time.thread_time() - cpu
            phase[2] += 1
    return timed


def _time_statements(engine: Any) -> None:
    @event.listens_for(engine, "before_cursor_execute")
    def started(connection: Any, *_: Any) -> None:
        connection.info["started"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def ended(connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        timing = STATEMENTS[" ".join(statement.split())[:100]]
        timing[0] += time.perf_counter() - connection.info.pop("started")
        timing[1] += 1


def _time_collections() -> list[float]:
    spent, began = [0.0], [0.0]

    def timing(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            began[0] = time.perf_counter()
        else:
            spent[0] += time.perf_counter() - began[0]
    gc.callbacks.append(timing)
    return spent


def _print_statements() -> None:
    kinds: defaultdict[str, float] = defaultdict(float)
    for sql, (seconds, _) in STATEMENTS.items():
        kinds[_kind(sql)] += seconds
    print("SQL by kind (wall):")
    for kind, seconds in sorted(kinds.items(), key=lambda item: -item[1]):
        if seconds >= 0.2:
            print(f"  {seconds:7.2f} s  {kind}")
    print("the slowest statements (wall):")
    for sql, (seconds, calls) in sorted(STATEMENTS.items(), key=lambda item: -item[1][0])[:25]:
        print(f"  {seconds:7.2f} s  x{calls:<5.0f} {sql}")


def _kind(sql: str) -> str:
    if sql.startswith(("CREATE INDEX", "CREATE TEMPORARY")):
        return "index built" if sql.startswith("CREATE INDEX") else "grouping (temporary table)"
    for table in ("statement_total", "statement_tally", "statement_fts", "revision"):
        if sql.startswith("INSERT") and f"INTO {table} " in sql:
            return f"insert into {table}"
    return " ".join(sql.split()[:3])


if __name__ == "__main__":
    main()
