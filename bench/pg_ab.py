"""Two versions of onrecord on one PostgreSQL record, beside SQLite, in alternating bursts.

    .venv/bin/python bench/pg_ab.py --base main --statements 1000000
    PG_DATABASE=copy .venv/bin/python bench/pg_ab.py --base-database onrecord_bench_1000000

The second serves the working tree on a copy of the record (`createdb -T`), the base on
the record itself: for a working tree that adds a migration, which onrecord applies to the
database it serves and the base could not serve.

Serves onrecord on the SQLite file of scale_pg.py and twice on its PostgreSQL database:
once as the commit `--base` has it (its tree, taken with `git archive`, first on the
server's PYTHONPATH) and once as the working tree has it. Then times every page of
scale_pg.py at concurrency 1, the three servers taking turns page by page, and prints each
page's p50 and PostgreSQL's ratio to SQLite under both versions, with each server's CPU
time per request.

Why not two runs of scale_pg.py: on a shared machine PostgreSQL's ratio grows with the
load (each statement waits for the server process to be scheduled), so two runs minutes
apart differ by more than a change worth a millisecond. Taking turns, both versions meet
the same load. It reads the databases and writes nothing; run scale_pg.py once first.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pg_record
import serving
from load import Run, burst
from pages import pages, sample
from scale_pg import onrecord_pages

ROOT = Path(__file__).resolve().parent.parent
PORTS = {"sqlite": 8751, "base": 8752, "here": 8753}
TICK = os.sysconf("SC_CLK_TCK")


def main() -> None:
    """Serve the three, time the pages in turns, print the table."""
    parser = serving.arguments(__doc__.split("\n")[0])
    parser.add_argument("--base", default="main", help="the commit to compare with")
    parser.add_argument("--base-database", help="the PostgreSQL database the base is served "
                        "on, when the working tree adds a migration (default: the same)")
    args = parser.parse_args()
    db = serving.sqlite_file(args)
    postgres = pg_record.url(pg_record.database_name(args.statements))
    base_postgres = pg_record.url(args.base_database) if args.base_database else postgres
    with tempfile.TemporaryDirectory() as base_tree:
        _export(args.base, Path(base_tree))
        started = [serving.start_onrecord(str(db), PORTS["sqlite"], args.workers)[0]]
        try:
            started.append(_start_elsewhere(base_tree, base_postgres, PORTS["base"],
                                            args.workers))
            started.append(serving.start_onrecord(postgres, PORTS["here"], args.workers)[0])
            _compare(db, args, dict(zip(PORTS, started, strict=True)))
        finally:
            serving.stop(*started)


def _export(commit: str, into: Path) -> None:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)


def _start_elsewhere(tree: str, url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    os.environ["PYTHONPATH"] = tree
    try:
        return serving.start_onrecord(url, port, workers)[0]
    finally:
        del os.environ["PYTHONPATH"]


def _compare(db: Path, args: argparse.Namespace,
             servers: dict[str, subprocess.Popen[bytes]]) -> None:
    compared = onrecord_pages(pages(sample(str(db), args.word), db.stem))
    turns = {(p.name, s): itertools.cycle(p.paths("onrecord")) for p in compared for s in PORTS}
    runs: dict[tuple[str, str], Run] = {}
    cpu = dict.fromkeys(PORTS, 0.0)
    for _ in range(args.rounds):
        for page in compared:
            for side, port in PORTS.items():
                before = _cpu(servers[side].pid)
                done = burst(port, turns[page.name, side], concurrency=1,
                             seconds=args.seconds, max_requests=args.requests)
                cpu[side] += _cpu(servers[side].pid) - before
                runs.setdefault((page.name, side), Run()).merge(done)
    print("| page | SQLite p50 (ms) | base: PostgreSQL p50, ÷ SQLite | here: PostgreSQL p50, "
          "÷ SQLite |\n|---|---|---|---|")
    for page in compared:
        lite, base, here = (runs[page.name, side].percentile(50) for side in PORTS)
        print(f"| {page.name} | {lite:.1f} | {base:.1f}, {base / lite:.2f}× | "
              f"{here:.1f}, {here / lite:.2f}× |")
    count = {side: sum(len(runs[p.name, side].latencies) for p in compared) for side in PORTS}
    print("\nWorkers' CPU per request (ms): " + ", ".join(
        f"{side} {cpu[side] / max(1, count[side]) * 1000:.2f}" for side in PORTS))


def _cpu(pid: int) -> float:
    """Return the CPU seconds of a server and its workers so far."""
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    total = 0.0
    for each in [pid, *map(int, found.split())]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / TICK
    return total


if __name__ == "__main__":
    main()
