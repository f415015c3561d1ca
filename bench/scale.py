"""onrecord against Datasette on one SQLite file of N fictional statements, page by page.

    .venv/bin/python bench/scale.py --statements 1000000

Generates the file (`onrecord synth`) unless it exists, starts both servers on 127.0.0.1,
checks that every page answers and what facet counts it carries, then times the pages in
alternating short bursts (onrecord, Datasette, next page ...) at concurrency 1 and 8,
each burst bounded in time and requests. Writes bench/out/scale-N.json and prints the
Markdown table that bench/README.md shows.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import Run, burst, fetch
from pages import PAGE_SIZE, Page, pages, sample
from report import facet_check, memory_mib, table

BIN = Path(sys.executable).parent
OUT = Path(__file__).resolve().parent / "out"
ONRECORD_PORT, DATASETTE_PORT = 8711, 8712


def main() -> None:
    """Run the whole comparison as the arguments say."""
    args = _arguments()
    db = Path(args.db or f"/tmp/onrecord-bench/bench-{args.statements}.db")
    synth_seconds = _generate(db, args) if not db.exists() else None
    onrecord, ready = _start_onrecord(db, args.workers)
    datasette = _start([str(BIN / "datasette"), "serve", str(db), "-h", "127.0.0.1", "-p",
                        str(DATASETTE_PORT), "--setting", "suggest_facets", "off"])
    try:
        _wait(DATASETTE_PORT, "/-/versions.json")
        compared = pages(sample(str(db), args.word), db.stem)
        checks = {p.name: facet_check(p, ONRECORD_PORT, DATASETTE_PORT) for p in compared}
        results, growth = _measure(compared, args, onrecord.pid)
        memory = memory_mib(onrecord.pid)
    finally:
        for process in (onrecord, datasette):
            process.terminate()
            process.wait(timeout=30)
    summary = {"statements": args.statements, "db": str(db), "synth_seconds": synth_seconds,
               "ready_seconds": ready, "worker_memory_mib": memory, "workers": args.workers,
               "memory_growth_mib": growth, "checks": checks, "results": results,
               "targets": {p.name: p.target for p in compared}}
    OUT.mkdir(exist_ok=True)
    (OUT / f"scale-{args.statements}.json").write_text(json.dumps(summary, indent=1))
    print(table(summary))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", help="SQLite file (made with onrecord synth if missing)")
    parser.add_argument("--word", default="tasdri", help="the word the text search looks for")
    # One worker: uvicorn's multi-worker sockets lack TCP_NODELAY (see bench/README.md).
    parser.add_argument("--workers", type=int, default=1, help="onrecord's uvicorn workers")
    parser.add_argument("--rounds", type=int, default=3, help="bursts per page and server")
    parser.add_argument("--seconds", type=float, default=2.0, help="longest burst")
    parser.add_argument("--requests", type=int, default=200, help="most requests per burst")
    return parser.parse_args()


def _generate(db: Path, args: argparse.Namespace) -> float:
    db.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    subprocess.run([str(BIN / "onrecord"), "synth", "--statements", str(args.statements),
                    "--seed", str(args.seed), "--db", str(db)], check=True)
    return time.monotonic() - started


def _start(command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _start_onrecord(db: Path, workers: int) -> tuple[subprocess.Popen[bytes], float]:
    """Start `onrecord serve` and return it with the seconds it took to answer."""
    env = {**os.environ, "ONRECORD_PAGE_SIZE": str(PAGE_SIZE), "ONRECORD_LOAD_DEMO": "false"}
    started = time.monotonic()
    process = _start([str(BIN / "onrecord"), "serve", "--db", str(db), "--port",
                      str(ONRECORD_PORT), "--workers", str(workers)], env)
    _wait(ONRECORD_PORT, "/healthz")
    return process, time.monotonic() - started


def _wait(port: int, path: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if fetch(port, path, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"nothing answered on port {port} within {seconds}s")


def _measure(compared: list[Page], args: argparse.Namespace,
             pid: int) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Time every page on both servers in alternating bursts; return the figures per row,
    and how much the onrecord worker grew over the bursts of each page that watches memory."""
    runs: dict[tuple[str, str, int], Run] = {}
    ports = {"onrecord": ONRECORD_PORT, "datasette": DATASETTE_PORT}
    # One turn of addresses per page and server for the whole run: a page whose words take
    # turns never repeats one before it has asked for all of them.
    turns = {(page.name, server): itertools.cycle(page.paths(server))
             for page in compared for server in page.servers}
    growth: dict[str, float] = {}
    for concurrency in (1, 8):
        for _ in range(args.rounds):
            for page in compared:
                before = memory_mib(pid)["rss"] if page.watch_memory else 0.0
                for server in page.servers:
                    done = burst(ports[server], turns[page.name, server],
                                 concurrency=concurrency, seconds=args.seconds,
                                 max_requests=args.requests)
                    runs.setdefault((page.name, server, concurrency), Run()).merge(done)
                if page.watch_memory:
                    grown = memory_mib(pid)["rss"] - before
                    growth[page.name] = max(growth.get(page.name, 0.0), grown)
    figures = {f"{name}|{server}|{c}": {"p50": run.percentile(50), "p95": run.percentile(95),
                                        "rps": run.throughput, "n": len(run.latencies),
                                        "errors": run.errors}
               for (name, server, c), run in runs.items()}
    return figures, growth


if __name__ == "__main__":
    main()
