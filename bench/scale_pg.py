"""onrecord on PostgreSQL beside onrecord on SQLite, one record of N fictional statements.

    .venv/bin/python bench/scale_pg.py --statements 100000

Makes the SQLite file (`onrecord synth`) unless it exists, as scale.py does; starts
PostgreSQL on 127.0.0.1 the way `.ci/run` does when nothing answers there; copies the
record into `onrecord_bench_N` with `onrecord copy` unless that database holds it already
(pg_record.py says how it tells), timing the copy and the VACUUM ANALYZE after it. Then
serves onrecord on each database with the same workers, checks that every page of
pages.py answers alike on both, and times the pages in alternating short bursts (SQLite,
PostgreSQL, next page ...) at concurrency 1 and 8. Writes bench/out/scale-pg-N.json and
prints the Markdown table of bench/README.md: PostgreSQL's p50 against SQLite's, whose
target is 1.5× at most.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pg_record
import serving
from pages import Page, pages, sample
from report import engine_table, memory_at_rest_mib, memory_mib, same_answer
from serving import Side

OUT = Path(__file__).resolve().parent / "out"
SQLITE_PORT, POSTGRES_PORT = 8721, 8722
#: The most PostgreSQL's p50 may be, against SQLite's in the same run (issue 15).
TARGET = "1.5x"


def _onrecord(page: Page) -> list[str]:
    return page.paths("onrecord")


#: SQLite first, then PostgreSQL: every page is onrecord's on both.
SIDES = [Side("sqlite", SQLITE_PORT, _onrecord), Side("postgres", POSTGRES_PORT, _onrecord)]


def onrecord_pages(compared: list[Page]) -> list[Page]:
    """Return each onrecord address once, named without its Datasette counterpart: pages.py
    pairs some onrecord pages with two ways of asking Datasette."""
    seen: set[tuple[str, ...]] = set()
    distinct = []
    for page in compared:
        paths = tuple(page.paths("onrecord"))
        if paths not in seen:
            seen.add(paths)
            distinct.append(replace(page, name=page.name.split(", Datasette")[0]))
    return distinct


def main() -> None:
    """Run the whole comparison as the arguments say."""
    args = _arguments()
    db = serving.sqlite_file(args)
    synth_seconds = serving.generate(db, args.statements, args.seed) if not db.exists() else None
    pg_record.ensure_running()
    prepared = pg_record.prepare(db, args.statements)
    if args.copy_only:
        print(prepared)
        return
    summary = {"statements": args.statements, "db": str(db), "postgres": prepared.url,
               "synth_seconds": synth_seconds, "copy_seconds": prepared.copy_seconds,
               "vacuum_seconds": prepared.vacuum_seconds, "workers": args.workers,
               "target": TARGET, **_compare(db, prepared.url, args)}
    if args.drop:
        pg_record.drop(args.statements)
    OUT.mkdir(exist_ok=True)
    (OUT / f"scale-pg-{args.statements}.json").write_text(json.dumps(summary, indent=1))
    print(engine_table(summary))


def _arguments() -> argparse.Namespace:
    parser = serving.arguments(__doc__.split("\n")[0])
    parser.add_argument("--drop", action="store_true",
                        help="drop the PostgreSQL database at the end (kept by default)")
    parser.add_argument("--copy-only", action="store_true",
                        help="make and fill the databases, time nothing (say, while the "
                             "machine is busy)")
    return parser.parse_args()


def _compare(db: Path, postgres: str, args: argparse.Namespace) -> dict[str, Any]:
    """Serve onrecord on both databases, check that they answer alike, and time them."""
    started: list[subprocess.Popen[bytes]] = []
    try:
        lite, lite_ready = serving.start_onrecord(str(db), SQLITE_PORT, args.workers)
        started.append(lite)
        pg, pg_ready = serving.start_onrecord(postgres, POSTGRES_PORT, args.workers)
        started.append(pg)
        compared = onrecord_pages(pages(sample(str(db), args.word), db.stem))
        checks = {p.name: same_answer(p.paths("onrecord")[0], SQLITE_PORT, POSTGRES_PORT)
                  for p in compared}
        settled = serving.warm(compared, SIDES, lite.pid, pg.pid)
        results, growth = serving.measure(compared, SIDES, args, pg.pid)
        memory = {"sqlite": memory_at_rest_mib(lite.pid), "postgres": memory_mib(pg.pid)}
    finally:
        serving.stop(*started)
    return {"ready_seconds": {"sqlite": lite_ready, "postgres": pg_ready},
            "settled_seconds": settled, "worker_memory_mib": memory,
            "memory_growth_mib": growth, "checks": checks, "results": results}


if __name__ == "__main__":
    main()
